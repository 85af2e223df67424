"""PyInstaller entry script: the frozen ``entente`` binary is the ``entente`` command.

With a sub-command (``info``, ``relations``, ``export`` …) it answers on the console; with none (or
with dataset paths, as the desktop file's ``Exec=entente %F`` passes them) it opens the window.
"""

from __future__ import annotations

import multiprocessing
import sys

from viewer.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
