"""The ``entente`` command's entry point (and ``python -m viewer``'s): Ctrl-C at any moment ends it in one line.

The command line loads pandas, Arrow and the readers before it can parse a word (about a second); Ctrl-C
pressed then printed a traceback of the import under way, and pressed while a command read a big file, a
traceback of the reader. This module imports nothing heavy itself (nor does the package's ``__init__``), so it
is running before any of that is loaded, and says ``entente: interrupted`` with exit code 130 as a shell
expects. Commands that write say more (:func:`viewer.cli_write.interruptible`); the window closes as its
Close does (:func:`viewer.ui.app.close_on_interrupt`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from viewer.cli_errors import INTERRUPTED


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line (:func:`viewer.cli.main`); Ctrl-C ends it with one line and exit code 130."""
    try:
        from viewer.cli import main as run  # noqa: PLC0415 - loaded inside, where Ctrl-C is answered
        return run(argv)
    except KeyboardInterrupt:
        print("entente: interrupted", file=sys.stderr)
        return INTERRUPTED
