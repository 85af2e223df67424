"""The model, io and offline CLI never import Qt: checked in a fresh interpreter."""

import subprocess
import sys


def test_model_io_and_cli_import_no_qt() -> None:
    code = ("import sys, viewer, viewer.model, viewer.model.query, viewer.io, viewer.cli, viewer.io.native;"
            "viewer.cli.run(['relations', '--at', '2020', '--format', 'csv']);"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'shiboken6')];"
            "print('QT-MODULES', bad)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "QT-MODULES []" in out
