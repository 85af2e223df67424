"""An exception in a click, drag or hover on a plot is reported, not only warned about on a console nobody reads.

pyqtgraph's scene catches what an item's mouse handler raises and turns it into a ``RuntimeWarning`` on standard
error (``pyqtgraph.debug.printExc``): in the window, the click did nothing and nothing said why, and a test whose
drag hit a bug passed. :func:`report_scene_errors` hands those exceptions to ``sys.excepthook`` instead, as every
other uncaught error is (the window's hook logs it and says "Something went wrong"; the tests' hook fails the test).
"""

from __future__ import annotations

import sys

from pyqtgraph import debug


def report_scene_errors() -> None:
    """Route the exceptions pyqtgraph's scene catches in its event handlers to ``sys.excepthook``."""
    debug.printExc = _report


def _report(msg: str = "", indent: int = 4, prefix: str = "|") -> None:  # pyqtgraph's signature
    kind, exc, tb = sys.exc_info()
    if kind is not None and exc is not None:
        sys.excepthook(kind, exc, tb)
