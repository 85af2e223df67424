"""Exports from the File menu of a fresh window, as a user picks them: a part of the open dataset is refused over the
dataset's own files (events.csv went from 69 events to the window's 54 on disk, silently), the events of a dataset
on numbers are written as numbers (they were 1970's seconds), and a picture or the Problems written where they
cannot be are refused saying why (the Problems export raised, a picture said only "Could not write")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMenu
from pytestqt.qtbot import QtBot

from viewer.ui.shell import dialogs, saving
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import menu_named, open_by_hand

BUNDLED = Path(__file__).parents[3] / "resources" / "datasets" / "alliance"


def _said(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    return shown


def _saving_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))


def _pick(window: MainWindow, text: str) -> None:
    """The File menu's entry (in its Export submenu) whose text starts so, triggered as a click does."""
    menu = menu_named(window, "&File")
    subs = [sub for entry in menu.actions() if isinstance(sub := entry.menu(), QMenu)]
    actions = [*menu.actions(), *(a for sub in subs for a in sub.actions())]
    next(a for a in actions if a.text().replace("&", "").startswith(text)).trigger()


def test_a_part_is_refused_over_the_open_datasets_own_file(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "alliance"
    shutil.copytree(BUNDLED, folder)
    open_by_hand(qtbot, window, monkeypatch, folder / "dataset.json")
    before = (folder / "events.csv").read_bytes()
    shown = _said(monkeypatch)
    _saving_to(monkeypatch, folder / "events.csv")
    _pick(window, "Events in the window")
    assert len(shown) == 1 and "is a file of the open dataset" in shown[0] and str(folder / "events.csv") in shown[0]
    assert (folder / "events.csv").read_bytes() == before
    _saving_to(monkeypatch, tmp_path / "part.csv")
    _pick(window, "Events in the window")
    assert len(shown) == 1 and (tmp_path / "part.csv").is_file()


def test_the_events_of_ticks_are_exported_as_ticks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "ticks.csv", text="tick,title\n0.5,Start\n42,Middle\n")
    _saving_to(monkeypatch, tmp_path / "out.csv")
    _pick(window, "Events in the window")
    written = (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()
    assert [line.split(",")[1] for line in written[1:]] == ["0.5", "42"]


def test_a_picture_or_the_problems_written_where_they_cannot_be_say_why(qtbot: QtBot, window: MainWindow,
                                                                        tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown = _said(monkeypatch)
    _saving_to(monkeypatch, tmp_path / "picture")
    _pick(window, "Image of the window")
    _saving_to(monkeypatch, tmp_path / "gone" / "picture.png")
    _pick(window, "Image of the window")
    assert shown == [f"Could not write {tmp_path / 'picture'}: a picture is written as PNG, SVG, PDF: end the name "
                     "in .png, .svg, .pdf",
                     f"Could not write {tmp_path / 'gone' / 'picture.png'}: its folder does not exist: "
                     f"{tmp_path / 'gone'}"]
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "log.csv", text="date,title\n2019-01-01,One\nsoon,Two\n")
    _saving_to(monkeypatch, tmp_path)  # a folder
    window.show_problems()
    window.problems.export_button.click()
    assert shown[-1] == f"Could not write {tmp_path}: Is a directory"


def test_a_graph_opened_is_saved_whole_as_a_dataset_with_its_keys(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A GEXF opened in the window could be exported in parts only; Save as dataset (Ctrl+Shift+S) keeps it whole,
    as a folder or one .json, and a folder of other files is refused by name."""
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest

    import viewer
    graph = Path(__file__).parents[2] / "io" / "fixtures_tables" / "alliance.graphml"
    open_by_hand(qtbot, window, monkeypatch, graph)
    shown = _said(monkeypatch)
    opened = window.state.dataset
    for target, kind in ((tmp_path / "graph", saving.FOLDER), (tmp_path / "graph", saving.ONE_FILE)):
        monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, t=target, k=kind, **kw: (str(t), k))
        QTest.keySequence(window, QKeySequence("Ctrl+Shift+S"))
    assert shown == []
    for saved in (viewer.load(tmp_path / "graph"), viewer.load(tmp_path / "graph.json")):
        assert (len(saved.entities), len(saved.relations)) == (len(opened.entities), len(opened.relations))
        assert saved.relations["value"].fillna(-1).tolist() == opened.relations["value"].fillna(-1).tolist()
    (tmp_path / "papers").mkdir()
    (tmp_path / "papers" / "letter.txt").write_text("mine", encoding="utf-8")
    _saving_to(monkeypatch, tmp_path / "papers")
    QTest.keySequence(window, QKeySequence("Ctrl+Shift+S"))
    assert len(shown) == 1 and str(tmp_path / "papers") in shown[0] and "not a dataset" in shown[0]
    assert (tmp_path / "papers" / "letter.txt").read_text(encoding="utf-8") == "mine"
