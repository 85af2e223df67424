"""The window on the bundled dataset starts without the engine's libraries: ibis, DuckDB and PySpark load
only when a source is queried in place (they cost the app's start about half a second). Nor does it wait
for scipy (0.4 s): a graph this small is laid out with numpy alone."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
import viewer
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
window = MainWindow(ViewState(viewer.load()))
window.show()
app.processEvents()
window.actions_by_name["next"].trigger()
app.processEvents()
print(sorted(name for name in ("ibis", "duckdb", "pyspark", "viewer.ui.shared.engine", "scipy") if name in sys.modules))
"""


def test_the_window_on_a_loaded_dataset_imports_no_engine(tmp_path: object) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path),
           "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    assert done.stdout.strip().splitlines()[-1] == "[]"
