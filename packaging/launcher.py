"""PyInstaller entry script: the frozen ``entente`` binary is the ``entente`` command.

A child reading an SPSS, Stata or SAS file for the app runs here too (``viewer/io/stat_files.py``), and one
taking a PDF's text (``viewer/io/pdf.py``), and one reading a GML or Pajek graph (``viewer/io/graph_igraph.py``).
With a sub-command (``info``, ``relations``, ``export`` …) it answers on the console; with none (or
with dataset paths, as the desktop file's ``Exec=entente %F`` passes them) it opens the window. The readers
are imported only for a child: the command loads them under :func:`viewer.start.main`, where Ctrl-C is one line.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

from viewer.start import main

CHILDREN = "ENTENTE_READ_"  # how each reading child's variable begins (ENTENTE_READ_PDF …)


def reading_child() -> bool:
    """Run the reading child this process was started as, if it is one."""
    if not any(name.startswith(CHILDREN) for name in os.environ):
        return False
    from viewer.io import graph_igraph, pdf, stat_files  # noqa: PLC0415 - a child's readers only
    for reader in (stat_files, pdf, graph_igraph):
        if os.environ.get(reader.CHILD_ENV):
            reader.child_main()
            return True
    return False


if __name__ == "__main__":
    multiprocessing.freeze_support()
    if reading_child():
        sys.exit(0)
    sys.exit(main())
