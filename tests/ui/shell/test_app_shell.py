"""The app feels native: open, drop, recent files, restore, cancel, shortcuts and exports."""

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog

import viewer
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings


@pytest.fixture
def small(tmp_path: Path) -> Path:
    folder = tmp_path / "small"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title,actors\na,2020-01-05,First,acme\nb,2020-03,Second,acme\n")
    (folder / "entities.csv").write_text("id,name,kind\nacme,Acme,company\n")
    return folder


@pytest.fixture
def window(make_window, state: ViewState) -> MainWindow:
    return make_window(state, (1400, 800))


def open_and_wait(qtbot, window: MainWindow, path: str | None) -> None:
    with qtbot.waitSignal(window.loader.loaded, timeout=15_000):
        window.open_path(path)


def test_opening_a_file_runs_in_the_background_and_lands_in_recent_files(qtbot, window, small) -> None:
    open_and_wait(qtbot, window, str(small))
    assert len(window.state.dataset.events) == 2
    assert window.settings.recent_files()[0] == str(small)
    assert window.recent_menu.actions()[0].text() == str(small)


def test_dropping_a_folder_on_the_window_opens_it(qtbot, window, small) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(small))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loader.loaded, timeout=15_000):
        window.dropEvent(event)
    assert window.state.dataset.title == "small"


def test_recent_files_drop_ones_that_no_longer_exist(tmp_path: Path, small: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings.add_recent(str(tmp_path / "gone.json"))
    settings.add_recent(str(small))
    assert settings.recent_files() == [str(small)]


def test_reopening_a_dataset_restores_its_window_and_cursor(qtbot, window, small) -> None:
    open_and_wait(qtbot, window, str(small))
    window.state.move_cursor("2020-02-01")
    window.state.set_window(window.state.window.zoom(0.5))
    saved_window = window.state.window
    open_and_wait(qtbot, window, None)
    open_and_wait(qtbot, window, str(small))
    assert window.state.cursor.date().isoformat() == "2020-02-01"
    assert window.state.window.start == pytest.approx(saved_window.start, abs=1)


def test_cancel_keeps_the_current_dataset_even_when_the_result_arrives_later(qtbot, window, small) -> None:
    with qtbot.waitSignal(window.loader.cancelled, timeout=5_000):
        window.open_path(str(small))
        window.status_line.cancel_button.click()
    qtbot.wait(500)  # the abandoned load finishes in the background
    assert len(window.state.dataset.events) == 69
    assert not window.status_line.progress.isVisible()


def test_settings_survive_a_fresh_process(tmp_path: Path, small: Path) -> None:
    ini = tmp_path / "fresh.ini"
    write = (f"from viewer.ui.shell.settings import Settings; s = Settings({str(ini)!r}); "
             f"s.add_recent({str(small)!r}); s.set_flag('people', True); s.set_theme('dark'); s.sync()")
    read = (f"from viewer.ui.shell.settings import Settings; s = Settings({str(ini)!r}); "
            "print(s.recent_files(), s.flag('people'), s.theme())")
    env = {"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
    for code in (write.replace("Settings(", "Settings(__import__('pathlib').Path(").replace(".ini')", ".ini'))"),):
        subprocess.run([sys.executable, "-c", code], check=True, env=env)
    code = read.replace("Settings(", "Settings(__import__('pathlib').Path(").replace(".ini')", ".ini'))")
    out = subprocess.run([sys.executable, "-c", code], check=True, env=env, capture_output=True, text=True).stdout
    assert out.strip() == f"[{str(small)!r}] True dark"


def test_a_corrupt_view_state_is_ignored(tmp_path: Path) -> None:
    settings = Settings(tmp_path / "s.ini")
    settings._qs.setValue("datasets/x/view", "{broken")
    assert settings.view_state("x") == {}


@pytest.mark.parametrize(("name", "shortcut"), [
    ("open", "Ctrl+O"), ("quit", "Ctrl+Q"), ("fit", "Ctrl+0"), ("zoom_in", "Ctrl++"), ("zoom_out", "Ctrl+-"),
    ("export_all", "Ctrl+E"), ("previous", "Left"), ("next", "Right"), ("shortcuts", "F1"),
])
def test_actions_have_standard_shortcuts(window, name: str, shortcut: str) -> None:
    keys = [k.toString() for k in window.actions_by_name[name].shortcuts()]
    assert shortcut in keys


def test_zoom_and_fit_actions_change_the_window(window) -> None:
    before = window.state.window
    window.actions_by_name["zoom_in"].trigger()
    assert window.state.window.span == pytest.approx(before.span * 0.8)
    window.actions_by_name["fit"].trigger()
    assert window.state.window.start < viewer.load().events["start"].min().timestamp()


def test_next_and_previous_event_walk_through_time(window) -> None:
    window.state.select_event("E053")
    window.actions_by_name["next"].trigger()
    assert window.state.selection.events == frozenset({"E054"})
    window.actions_by_name["previous"].trigger()
    window.actions_by_name["previous"].trigger()
    assert window.state.selection.events == frozenset({"E052"})
    assert window.state.cursor.date().isoformat() == "2023-01-01"


def test_the_shortcuts_and_about_windows_open(window) -> None:
    window.actions_by_name["shortcuts"].trigger()
    window.actions_by_name["about"].trigger()
    texts = [d.findChild(type(window.details.browser)).toPlainText() for d in window._dialogs]
    assert "Ctrl+0" in texts[0]
    assert "PySide6" in texts[1] and "Renault" in texts[1]


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_the_export_menu_writes_images(window, tmp_path: Path, monkeypatch, suffix: str) -> None:
    target = tmp_path / f"out{suffix}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.actions_by_name["export_relations" if suffix == ".png" else "export_timeline"].trigger()
    assert target.exists() and target.stat().st_size > 1000


def test_the_export_menu_writes_events_and_relations_tables(window, tmp_path: Path, monkeypatch) -> None:
    import json
    events, relations = tmp_path / "events.csv", tmp_path / "relations.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(events), ""))
    window.actions_by_name["export_events_table"].trigger()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(relations), ""))
    window.state.move_cursor("2023-11-09")
    window.actions_by_name["export_relations_table"].trigger()
    assert events.read_text().startswith("id,start,end,precision,title")
    rows = json.loads(relations.read_text())
    assert {"source": "french_trust", "target": "nissan", "value": 28.4}.items() <= next(
        r for r in rows if r["source"] == "french_trust").items()


def test_moved_nodes_are_remembered_for_the_dataset(qtbot, window, small) -> None:
    window.relations.set_node_positions({"renault": (0.1, 0.9)})
    window.relations.positions_changed.emit(window.relations.node_positions())
    open_and_wait(qtbot, window, str(small))
    open_and_wait(qtbot, window, None)
    assert window.relations.node_positions()["renault"] == pytest.approx((0.1, 0.9))
