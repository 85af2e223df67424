"""PyInstaller entry script: the frozen ``entente`` binary is the ``entente`` command.

A child reading an SPSS, Stata or SAS file for the app runs here too (``viewer/io/stat_files.py``), and one
taking a PDF's text (``viewer/io/pdf.py``), and one reading a GML or Pajek graph (``viewer/io/graph_igraph.py``).
With a sub-command (``info``, ``relations``, ``export`` …) it answers on the console; with none (or
with dataset paths, as the desktop file's ``Exec=entente %F`` passes them) it opens the window.
"""

from __future__ import annotations

import multiprocessing
import os
import sys

from viewer.cli import main
from viewer.io import graph_igraph, pdf, stat_files

if __name__ == "__main__":
    multiprocessing.freeze_support()
    if os.environ.get(stat_files.CHILD_ENV):  # the window's reader of an SPSS, Stata or SAS file
        stat_files.child_main()
        sys.exit(0)
    if os.environ.get(pdf.CHILD_ENV):  # the window's reader of a PDF's text
        pdf.child_main()
        sys.exit(0)
    if os.environ.get(graph_igraph.CHILD_ENV):  # the window's reader of a GML or Pajek graph
        graph_igraph.child_main()
        sys.exit(0)
    sys.exit(main())
