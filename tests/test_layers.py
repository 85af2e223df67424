"""The model, io and offline CLI never import Qt: checked in a fresh interpreter for every command."""

import subprocess
import sys

import pytest

import viewer

COMMANDS = [["info"], ["events", "--from", "2023-01", "--to", "2023-02"], ["relations", "--at", "2020"],
            ["diff", "--from", "2018-11-19", "--to", "2023-11-09"], ["history", "renault", "nissan"], ["validate"],
            ["convert", "{bundled}", "{tmp}/out.json"]]


def qt_modules_after(code: str) -> str:
    probe = (f"{code}\nimport sys\n"
             "print('QT-MODULES', sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', "
             "'shiboken6')))")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout


def test_model_and_io_import_no_qt() -> None:
    out = qt_modules_after("import viewer, viewer.model, viewer.model.query, viewer.io, viewer.io.native\n"
                           "viewer.load().relations_at('2020')")
    assert "QT-MODULES []" in out


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_offline_commands_import_no_qt(argv: list[str], tmp_path) -> None:  # type: ignore[no-untyped-def]
    args = [a.format(tmp=tmp_path, bundled=viewer.load().meta.path) for a in argv]
    out = qt_modules_after(f"from viewer import cli\ncli.run({args!r})")
    assert "QT-MODULES []" in out


def test_export_is_the_command_that_loads_qt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = qt_modules_after(f"import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\nfrom viewer import cli\n"
                           f"cli.run(['export', '--out', {str(tmp_path / 'x.png')!r}])")
    assert "'PySide6" in out
