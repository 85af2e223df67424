"""What the relationship panel says, driven from a fresh window with real keys and typing, where a tester found it
wrong: the relations table listed a tie of a company dissolved by then (the graph, the CLI and the API did not), the
graph said "No relations hold as of …" when People or the legend hid the ties that held, and Find took "Acme
Holdings" for "Acme", reached only the first of two entities of one name, missed a name holding zero-width spaces
and said nothing when nothing matched."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from viewer.ui.relations.canvas import ZOOM_IN_MOST, ZOOM_OUT_MOST
from viewer.ui.relations.table import COLUMNS
from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import open_folder_by_hand
from .gestures import drag


def _folder(root: Path, events: str, entities: str, relations: str) -> Path:
    root.mkdir()
    (root / "events.csv").write_text(events, encoding="utf-8")
    (root / "entities.csv").write_text(entities, encoding="utf-8")
    (root / "relations.csv").write_text(relations, encoding="utf-8")
    return root


def _keys(qtbot: QtBot, window: MainWindow, *keys: Qt.Key) -> None:
    window.timeline.plot.setFocus()
    for key in keys:
        QTest.keyClick(window.timeline.plot, key)
    qtbot.wait(20)


def _find(qtbot: QtBot, window: MainWindow, text: str) -> None:
    """Click into Find, select what it holds, type ``text`` and press Return, as a user does."""
    box = window.relations.header.search
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton)
    box.selectAll()
    QTest.keyClicks(box, text)
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.wait(20)


def test_the_table_leaves_out_a_tie_of_a_company_gone_by_then(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "dissolved", "id,start,title\nE1,2008-01-01,Stake taken\nE2,2015-01-01,Review\n",
                     "id,name,kind,valid_from,valid_to\nc0,Parent,company,,\nc1,Dissolved Co,company,2000,2010\n"
                     "c2,Other,company,,\n",
                     "id,source,target,kind,value,valid_from,valid_to\nR1,c0,c1,equity_stake,20,2005,\n"
                     "R2,c0,c2,equity_stake,30,2005,\n")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    table = window.relation_tools.table
    _keys(qtbot, window, Qt.Key.Key_Home)
    assert sorted(table.visible_ids()) == ["R1", "R2"]
    _keys(qtbot, window, Qt.Key.Key_End)  # 2015: Dissolved Co was wound up in 2010, and its stake with it
    assert table.visible_ids() == ["R2"]
    assert sorted(window.relations.canvas.nodes.ids) == ["c0", "c2"]


def test_an_empty_graph_says_what_hides_the_ties_that_hold(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "leaders", "id,start,title\nE1,2010-01-01,Board named\nE2,2012-01-01,Stake\n",
                     "id,name,kind\np1,Ann Person,person\np2,Bob Person,person\nc1,Acme,company\nc2,Beta,company\n",
                     "id,source,target,kind,value,valid_from,valid_to\nL1,p1,c1,leadership,,2009,\n"
                     "L2,p2,c2,leadership,,2009,\nS1,c1,c2,equity_stake,30,2011-06,\n")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    panel = window.relations
    _keys(qtbot, window, Qt.Key.Key_Home)  # 2010: the two leaders only
    if panel.people.isChecked():  # (a graph mostly of people opens with them shown)
        qtbot.mouseClick(panel.people, Qt.MouseButton.LeftButton, pos=panel.people.rect().center())
    assert not panel.people.isChecked()
    note = panel.canvas.note
    assert note.isVisible()
    assert note.text() == ("No relations shown as of 1 Jan 2010: 2 ties hidden: 2 of people or leadership (People is "
                           "off) there. Tick People, or the kinds in the legend, to show them.")
    qtbot.mouseClick(panel.people, Qt.MouseButton.LeftButton, pos=panel.people.rect().center())
    assert not note.isVisible() and len(panel.canvas.edges.ids) == 2
    panel.set_hidden_kinds(frozenset({"leadership"}))  # (the legend's own clicks: its tests)
    qtbot.wait(20)
    assert note.text().startswith("No relations shown as of 1 Jan 2010: 2 ties hidden: 2 of a kind unticked")
    _keys(qtbot, window, Qt.Key.Key_End)
    assert not note.isVisible()


def test_find_takes_the_very_name_then_the_next_match_and_says_when_it_finds_nothing(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _folder(tmp_path / "names", "id,start,title\nE1,2010-01-01,a\nE2,2020-01-01,b\n",
                     "id,name,kind\nacme,Acme,company\nacmeh,Acme Holdings,company\nbeta,Beta,company\n"
                     "n4,Same Name,company\nn5,Same Name,company\nz,Zero\u200bWidth\u200b\u200bCo,company\n"
                     "lonely,Lonely,company\n",
                     "id,source,target,kind,value,valid_from,valid_to\nR1,acme,beta,equity_stake,20,2009,2012\n"
                     "R2,acmeh,beta,equity_stake,30,2009,\nR3,n4,n5,partnership,,2009,\nR4,z,beta,partnership,,2009,\n")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    panel, box = window.relations, window.relations.header.search
    _keys(qtbot, window, Qt.Key.Key_End)  # 2020: Acme has no tie left, Acme Holdings has
    _find(qtbot, window, "Acme")
    assert window.state.selection.entities == frozenset({"acme"})
    assert box.toolTip().startswith("\u2068Acme\u2069 holds no tie shown as of 1 Jan 2020")
    _find(qtbot, window, "same name")
    first = window.state.selection.entities
    QTest.keyClick(box, Qt.Key.Key_Return)  # Return again: the other of that name
    assert {*first, *window.state.selection.entities} == {"n4", "n5"}
    assert box.toolTip().startswith("Type a name")  # (both drawn: nothing to say)
    _find(qtbot, window, "ZeroWidthCo")
    assert window.state.selection.entities == frozenset({"z"})
    _find(qtbot, window, "zzz")
    assert window.state.selection.entities == frozenset({"z"}) and box.property("missed")
    assert box.toolTip() == "No entity matches “zzz”"
    QTest.keyClick(box, Qt.Key.Key_Backspace)  # typing again takes the word back
    assert not box.property("missed")
    assert panel.find_entity("Lonely") == "lonely"


def test_a_view_panned_off_the_graph_says_so_and_the_next_drawing_is_framed(
        qtbot: QtBot, hand: Hand, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tester's case: past the ties' years the graph is empty; a drag of the empty background, then Home,
    drew the ties out of sight with nothing said. And the wheel went on without end (60 notches out, a speck)."""
    folder = _folder(tmp_path / "gap", "id,start,title\nE0,2000-06-01,Founded\nE1,2010-01-01,Later\n",
                     "id,name,kind\n" + "".join(f"c{i},Company {i},company\n" for i in range(5)),
                     "id,source,target,kind,value,valid_from,valid_to\n"
                     + "".join(f"R{i},c{i},c{i + 1},equity_stake,{10 + i},2000,2003\n" for i in range(4)))
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    panel = window.relations
    canvas, viewport = panel.canvas, panel.canvas.viewport()
    _keys(qtbot, window, Qt.Key.Key_End)  # 2010: nothing holds
    assert canvas.note.isVisible()
    middle = viewport.rect().center()
    drag(qtbot, panel, middle, middle + QPoint(300, 200))
    _keys(qtbot, window, Qt.Key.Key_Home)  # 2000: the four ties, framed again where the drag had left the view
    assert len(canvas.nodes.ids) == 5 and canvas.any_in_view() and canvas.hint.isHidden()
    drag(qtbot, panel, middle, middle + QPoint(-400, -300))
    drag(qtbot, panel, middle, middle + QPoint(-400, -300))
    assert not canvas.any_in_view() and not canvas.hint.isHidden()  # "Nothing in view: Fit frames the graph again"
    qtbot.mouseClick(panel.header.fit, Qt.MouseButton.LeftButton)
    assert canvas.any_in_view() and canvas.hint.isHidden()
    fitted = canvas.viewbox.viewRect().width()
    for _ in range(6):
        hand.wheel(viewport, middle, -10)
    assert canvas.viewbox.viewRect().width() <= fitted * ZOOM_OUT_MOST * 1.01
    for _ in range(12):
        hand.wheel(viewport, middle, 10)
    assert canvas.viewbox.viewRect().width() >= fitted / ZOOM_IN_MOST * 0.99


def test_ties_without_a_value_sort_last_whichever_way_the_value_column_is_clicked(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A partnership with no value sorted between -5% and 0% (it was taken for -1)."""
    folder = _folder(tmp_path / "values", "id,start,title\nE1,2020-01-01,a\n",
                     "id,name,kind\n" + "".join(f"c{i},Company {i},company\n" for i in range(5)),
                     "id,source,target,kind,value,valid_from,valid_to\nR1,c0,c1,equity_stake,-5,2019,\n"
                     "R2,c0,c2,equity_stake,0,2019,\nR3,c0,c3,partnership,,2019,\nR4,c0,c4,equity_stake,10,2019,\n")
    open_folder_by_hand(qtbot, window, monkeypatch, folder)
    table = window.relation_tools.table
    header = table.view.horizontalHeader()
    column = COLUMNS.index("Value")
    at = QPoint(header.sectionViewportPosition(column) + header.sectionSize(column) // 2, header.height() // 2)
    orders = []
    for _ in range(2):
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
        orders.append(table.visible_ids())
    assert sorted(orders) == [["R1", "R2", "R4", "R3"], ["R4", "R2", "R1", "R3"]]
