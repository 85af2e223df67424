"""Never crash, never lose a file, never reach out: the guarantees in the README's Robustness table."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

NO_NETWORK = """
import socket, sys
class Forbidden(socket.socket):
    def __init__(self, *a, **k):
        raise AssertionError("a socket was opened")
socket.socket = Forbidden
socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(AssertionError("a connection was made"))
from viewer import cli
sys.exit(cli.run(sys.argv[1:]))
"""

COMMANDS = [
    ["info"], ["events", "--search", "London", "--format", "json"], ["relations", "--at", "2023-02-06"],
    ["diff", "--from", "2018-11-19", "--to", "2023-11-09"], ["history", "renault", "nissan"], ["validate"],
    ["convert", "{bundled}", "{tmp}/copy.json"], ["export", "--out", "{tmp}/x.png"],
    ["export", "--view", "relations", "--out", "{tmp}/x.svg"], ["export", "--view", "timeline", "--out", "{tmp}/x.pdf"],
]


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: " ".join(a[:2]))
def test_no_command_opens_a_socket(argv: list[str], tmp_path: Path) -> None:
    bundled = str(viewer.load().meta.path)
    args = [a.format(tmp=tmp_path, bundled=bundled) for a in argv]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", NO_NETWORK, *args], capture_output=True, text=True, env=env,
                            timeout=180, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "a socket was opened" not in result.stderr


def test_the_window_opens_no_socket(qtbot, monkeypatch: pytest.MonkeyPatch, alliance) -> None:
    import socket

    def forbidden(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.main_window import MainWindow
    window = MainWindow(ViewState(alliance))
    qtbot.addWidget(window)
    window.show()
    window.state.select_event("E060")
    window.state.move_cursor("2023-11-09")
    window.grab()


def test_html_in_descriptions_is_shown_as_text_and_never_fetched(qtbot, write_dataset) -> None:
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.details import DetailsPanel
    folder = write_dataset('id,start,title,description\ne1,2020,Hi,"<img src=""http://example.com/x.png""> '
                           '<iframe src=""http://example.com""></iframe> <b>bold</b>"\n')
    state = ViewState(viewer.load(folder))
    panel = DetailsPanel(state)
    qtbot.addWidget(panel)
    requested: list[str] = []
    panel.browser.loadResource = lambda kind, url: requested.append(url if isinstance(url, str) else url.toString())  # type: ignore[method-assign]
    state.select_event("e1")
    assert '<img src="http://example.com/x.png">' in panel.html()
    assert requested == []


@pytest.mark.parametrize(("url", "opened"), [("https://example.com/a", True), ("javascript:alert(1)", False),
                                             ("file:///etc/passwd", False), ("http://example.com", True)])
def test_links_open_in_the_browser_only_for_http_and_https(qtbot, monkeypatch, alliance, url: str,
                                                           opened: bool) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.details import DetailsPanel
    calls: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda u: calls.append(u.toString()))
    panel = DetailsPanel(ViewState(alliance))
    qtbot.addWidget(panel)
    panel.browser.anchorClicked.emit(QUrl(url))
    assert bool(calls) is opened


def test_a_fifo_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    with pytest.raises(LoadError, match="not a regular file"):
        viewer.load(fifo)


def test_a_huge_sparse_binary_file_is_refused_at_once(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:
        handle.truncate(2 * 2**30)  # 2 GB of zeros, sparse: costs no disk
    with pytest.raises(LoadError, match="binary file"):
        viewer.load(big)


@pytest.mark.skipif(os.geteuid() != 0 or not Path("/usr/bin/setpriv").exists(), reason="needs root and setpriv")
def test_a_file_without_read_permission_gives_a_clear_message(tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("date,title\n2020-01-01,x\n")
    secret.chmod(0o000)
    tmp_path.chmod(0o755)
    code = f"from viewer import cli; import sys; sys.exit(cli.run(['info', {str(secret)!r}]))"
    result = subprocess.run(["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c",
                             code], capture_output=True, text=True, timeout=120, check=False,
                            env={**os.environ, "HOME": str(tmp_path)})
    if "ModuleNotFoundError" in result.stderr or "Permission denied: '/" in result.stderr:
        pytest.skip("the project is not readable by an unprivileged user here")
    assert result.returncode == 1
    assert "permission denied" in result.stderr and "secret.csv" in result.stderr


def test_loaders_never_write_to_the_files_they_read(tmp_path: Path, alliance) -> None:
    import shutil
    copy = tmp_path / "alliance"
    shutil.copytree(alliance.meta.path, copy)
    before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.iterdir()}
    viewer.load(copy)
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in copy.iterdir()} == before


def test_a_corrupt_settings_file_is_moved_aside_and_the_app_starts_clean(tmp_path: Path) -> None:
    from viewer.ui.shell.settings import Settings
    ini = tmp_path / "entente.ini"
    ini.write_bytes(b"[general\n\x00\xff\xfe=== garbage\n[[[[\nkey\n")
    settings = Settings(ini)
    assert settings.recent_files() == []
    assert (tmp_path / "entente.ini.corrupt").exists()


def _window_hook(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[list[tuple[str, str]], Path | None]:
    """The window's excepthook installed (its dialog recorded), logging to a file in ``tmp_path``: what the dialog
    was asked to show, and the log file."""
    from pyqtgraph import debug

    from viewer import logs
    from viewer.ui import app
    from viewer.ui.shell import dialogs
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append((message, details)))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(debug, "printExc", debug.printExc)
    logs._state.clear()
    log_file = logs.setup(tmp_path)
    app.install_excepthook(None)
    return shown, log_file


def test_an_uncaught_exception_in_the_window_is_shown_and_logged(qtbot, monkeypatch, tmp_path) -> None:
    from viewer import logs
    shown, log_file = _window_hook(monkeypatch, tmp_path)
    try:
        raise RuntimeError("boom")
    except RuntimeError:
        sys.excepthook(*sys.exc_info())
    message, details = shown[0]
    assert "boom" in message and str(log_file) in message and "Traceback" in details
    assert log_file is not None and "RuntimeError: boom" in log_file.read_text()
    logs._state.clear()


def test_an_exception_in_a_plots_event_handler_is_shown_and_logged_too(qtbot, monkeypatch, tmp_path) -> None:
    """pyqtgraph's scene catches what a click, drag or hover handler raises and would only warn on the console."""
    from pyqtgraph import debug

    from viewer import logs
    shown, log_file = _window_hook(monkeypatch, tmp_path)
    try:
        raise ValueError("a click that went wrong")
    except ValueError:
        debug.printExc("Error sending click event:")  # as pyqtgraph's GraphicsScene calls it
    assert shown and "a click that went wrong" in shown[0][0]
    assert log_file is not None and "ValueError: a click that went wrong" in log_file.read_text()
    logs._state.clear()
