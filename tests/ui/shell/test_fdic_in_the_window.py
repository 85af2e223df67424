"""The FDIC failed-bank list (../shared/realdata) opened in the window as a user would: every column kept."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog
from pytestqt.qtbot import QtBot

import viewer
from viewer.model import navigation
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

REALDATA = Path(__file__).resolve().parents[3].parent / "shared" / "realdata"
FDIC = REALDATA / "csv" / "fdic_banklist_cp1252.csv"
pytestmark = [pytest.mark.realdata, pytest.mark.skipif(not FDIC.is_file(), reason="../shared/realdata is not present")]


@pytest.fixture
def fdic(qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    offered: list[str] = []

    def import_without_graph(dialog: MappingDialog) -> int:
        offered.append(dialog.graph.text())
        dialog.graph.setChecked(False)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", import_without_graph)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(FDIC))
    assert offered and "Acquiring Institution" in offered[0]  # the window offered the graph
    return window


def test_details_show_every_column_of_the_selected_bank(fdic: MainWindow) -> None:
    events = fdic.state.dataset.events
    fdic.state.select_event(str(events["id"].iloc[0]))
    html = fdic.details.browser.toPlainText()
    for name in ("City", "State", "Cert", "Acquiring Institution", "Fund"):
        assert name in html


def test_lanes_by_state_is_offered_and_draws_one_lane_per_state(fdic: MainWindow) -> None:
    combo = fdic.tools.group_by
    index = combo.findText("Lanes by State")
    assert index >= 0
    combo.setCurrentIndex(index)
    assert fdic.state.view.group_by == "attr:State"
    assert "IL" in fdic.timeline.lane_labels() or "GA" in fdic.timeline.lane_labels()


def test_searching_chicago_finds_every_chicago_bank(qtbot: QtBot, fdic: MainWindow) -> None:
    fdic.activateWindow()
    qtbot.keyClick(fdic, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(fdic.tools.filter_bar.search, "Chicago")
    qtbot.keyClick(fdic.tools.filter_bar.search, Qt.Key.Key_Return)
    ds = fdic.state.dataset
    matched = navigation.matches(ds, fdic.state.filters)
    chicago = (ds.events["attr:City"].astype(str).str.strip() == "Chicago").to_numpy()
    assert chicago.sum() == 20 and (matched & chicago).sum() == 20



def test_dragging_the_banks_copies_their_labels_and_a_dark_theme_draws_them_again(
        qtbot: QtBot, hand: Any, fdic: MainWindow) -> None:
    """The timeline's labels on a real file, panned with the hand: titles drawn once are copied on the
    next frames, and switching theme draws them again in its ink."""
    items = fdic.timeline.items
    QApplication.processEvents()
    assert items.labelled
    viewport = fdic.timeline.plot.viewport()
    start = QPoint(viewport.width() // 2, viewport.height() - 30)
    before, kept = fdic.state.window, items._labels.kept
    hand.press(viewport, start)
    for step in range(1, 9):  # a slow drag: a frame at each step
        hand.drag_to(viewport, start + QPoint(-30 * (step - 1), 0), start + QPoint(-30 * step, 0), steps=1)
        QApplication.processEvents()
    hand.release(viewport, start + QPoint(-240, 0))
    QApplication.processEvents()
    assert fdic.state.window.start > before.start and items.labelled
    assert items._labels.kept - kept < 8 * len(items.labelled)  # not every label drawn again at every step
    fdic.actions_by_name["theme_dark"].trigger()
    QApplication.processEvents()
    qtbot.waitUntil(lambda: items._labels.kept > 0 and not items._labels.wanted)  # made once the frame is shown
    assert items.labelled
    for picture, _advance in items._labels._sprites.values():  # light ink for the dark ground
        image = picture.toImage()
        inked = [image.pixelColor(x, y) for x in range(image.width()) for y in range(image.height())
                 if image.pixelColor(x, y).alpha() > 200]
        assert not inked or sum(c.lightness() for c in inked) / len(inked) > 100


@pytest.mark.parametrize("saved", ["under a title block", "as UTF-16 without a mark"])
def test_the_list_saved_as_other_tools_save_it_opens_with_every_bank(qtbot: QtBot, window: MainWindow,
                                                                     tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                     saved: str) -> None:
    """The same real file with a report's title lines above its header, or re-saved as UTF-16 without a byte
    order mark: both were refused; each opens with the banks of the original, walked with the keys."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    original = viewer.load(FDIC)
    data = FDIC.read_bytes()
    path = tmp_path / "banklist.csv"
    if saved == "under a title block":
        path.write_bytes(b"FDIC Failed Bank List\r\nDownloaded 2024-05-01\r\n\r\n" + data)
    else:
        path.write_bytes(data.decode("cp1252").encode("utf-16-le"))
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == original.event_count
    assert sorted(ds.events["title"]) == sorted(original.events["title"])
    said = " ".join(p.message for p in ds.problems)
    assert ("3 lines above the header skipped" if saved == "under a title block" else "read as UTF-16-LE") in said
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    last = original.events.sort_values("start")["title"].iloc[-1]
    assert escape(last, quote=False) in window.details.html()


def _drawn_nodes_in_view(window: MainWindow) -> tuple[list[str], list[str]]:
    """The graph's drawn nodes that lie inside its visible range, and those that do not."""
    canvas = window.relations.canvas
    (x0, x1), (y0, y1) = canvas.viewbox.viewRange()
    nodes = canvas.drawn[0]
    inside = [(x0 <= x <= x1 and y0 <= y <= y1) for x, y in nodes.xy]
    return ([k for k, ok in zip(nodes.ids, inside, strict=True) if ok],
            [k for k, ok in zip(nodes.ids, inside, strict=True) if not ok])


def test_the_graph_frames_the_banks_when_a_focused_view_gives_way_to_the_whole(
        qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The list with its graph (who acquired whom): at the end of the data the graph is big and shows a focused
    view, framed; the first bank, walked to with the keys, has two ties at its date, drawn where the whole
    graph's layout puts them. The frame follows them: they were drawn outside it, and the panel looked empty
    beside a table listing the two."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)  # the graph offered
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(FDIC))
    assert len(window.state.dataset.relations) > 500
    assert window.relations.focusing.active  # the whole graph at the cursor: a focused view
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    QApplication.processEvents()
    assert not window.relations.focusing.active and len(window.relation_tools.table.visible_ids()) == 2
    inside, outside = _drawn_nodes_in_view(window)
    assert "national_state_bank_of_metropolis" in inside and outside == []
    for _ in range(60):  # on through the next banks, the graph growing towards a focused view: all in the frame
        qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
        QApplication.processEvents()
        assert _drawn_nodes_in_view(window)[1] == []
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)  # back to a big graph: its focused view is framed again
    QApplication.processEvents()
    inside, outside = _drawn_nodes_in_view(window)
    assert window.relations.focusing.active and inside and outside == []
