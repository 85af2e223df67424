"""Copy, then quit: the app ends cleanly. A QMimeData made in Python and left on the clipboard was deleted by Qt after
Python had stopped, and the process ended in a segmentation fault (offscreen)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    import viewer.ui.app as app_module
    from viewer.ui.shell import copying

    class CopyThenQuit(app_module.MainWindow):
        def showEvent(self, event):
            super().showEvent(event)
            QTimer.singleShot(50, self.copy_then_quit)

        def copy_then_quit(self):
            self.state.select_event(self.state.dataset.events["id"].iloc[0])
            assert copying.copy(self), "nothing was copied"
            self.close()

    app_module.MainWindow = CopyThenQuit
    sys.exit(app_module.main([]))
""")


def test_the_app_quits_cleanly_after_a_copy(tmp_path: Path) -> None:
    home = {name: str(tmp_path / name) for name in ("config", "cache", "data")}
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": home["config"],
           "XDG_CACHE_HOME": home["cache"], "XDG_DATA_HOME": home["data"]}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                          check=False)
    assert done.returncode == 0, done.stderr[-2000:]
