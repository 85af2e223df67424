"""A register of stakes as a plain table ("Date, Parent, Subsidiary, Stake": 36.8% in 1999, 44.4% in 2002, 15% in
2023), opened from a fresh window with Ctrl+O and its suggested ties kept: each row's stake holds until the next
row of the same two parties, so the graph draws one stake at a time, the one of the cursor's date, and each event
is named by its tie. Before, the stake column was left aside (ties with no value, of kind "owns"), every row's tie
stayed open (three Renault → Nissan edges side by side in 2024) and the events were called row1, row2 …"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import NONE, MappingDialog

from ..conftest import Hand
from ..window_reading import accepting, details_after, drag_cursor, open_by_hand

REGISTER = ("Date,Parent,Subsidiary,Stake\n1999-03-27,Renault,Nissan,36.8%\n2002-03-01,Renault,Nissan,44.4%\n"
            "2016-10-20,Nissan,Mitsubishi Motors,34%\n2023-11-08,Renault,Nissan,15%\n")


def _stakes(qtbot: QtBot, window: MainWindow) -> dict[tuple[str, str], str]:
    qtbot.waitUntil(lambda: bool(window.relations.edge_labels()), timeout=3000)
    return {(source, target): text for (source, target, _), text in window.relations.edge_labels().items()}


def test_a_register_draws_the_stake_of_the_cursors_date(qtbot: QtBot, hand: Hand, window: MainWindow,
                                                        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    offered: list[str] = []
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "register.csv", accepting(offered), text=REGISTER)
    assert offered == ["Make entities and relations: Parent → Subsidiary (equity stake)"]
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Renault → Nissan (36.8%)" in first
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Renault → Nissan (15%)" in last
    window.tools.presets["all"].trigger()  # the toolbar's "All events": the whole register in view
    drag_cursor(qtbot, hand, window, 2010.0)
    assert _stakes(qtbot, window) == {("renault", "nissan"): "44.4%"}
    drag_cursor(qtbot, hand, window, 2024.0)
    assert _stakes(qtbot, window) == {("renault", "nissan"): "15%", ("nissan", "mitsubishi_motors"): "34%"}


def test_a_role_set_to_none_is_obeyed_with_the_ties_kept(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """With the suggested ties kept, the dialog's choices travel as a spec: a guessed Duration set to "(none)" was
    guessed again from its name, and each stake's event got an end."""
    def without_duration(dialog: MappingDialog) -> QDialog.DialogCode:
        assert dialog.combos["duration"].currentText() == "Duration" and dialog.graph.isChecked()
        dialog.combos["duration"].setCurrentText(NONE)
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "register.csv", without_duration, text=(
        "Date,Parent,Subsidiary,Stake,Duration\n1999-03-27T10:00:00Z,Renault,Nissan,36.8%,PT2H\n"
        "2002-03-01T10:00:00Z,Renault,Nissan,44.4%,PT3H\n"))
    ds = window.state.dataset
    assert len(ds.relations) == 2 and ds.events["end"].isna().all()
    assert ds.events["attr:Duration"].tolist() == ["PT2H", "PT3H"]  # kept as written


def test_the_parties_kinds_are_guessed_and_drawn_apart(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, every party of a table was an "entity", drawn as "other": the state and the companies alike."""
    def accept(_dialog: MappingDialog) -> QDialog.DialogCode:
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "register.csv", accept, text=(
        "Date,Parent,Subsidiary,Stake\n2015-04-30,French State,Renault,19.7%\n1999-03-27,Renault,Nissan,36.8%\n"
        "2016-10-20,Nissan Motor Co. Ltd.,Mitsubishi Motors,34%\n"))
    kinds = dict(zip(window.state.dataset.entities["name"], window.state.dataset.entities["kind"], strict=True))
    assert kinds == {"French State": "government", "Renault": "company", "Nissan": "company",
                     "Nissan Motor Co. Ltd.": "company", "Mitsubishi Motors": "company"}
    assert window.relations.node_legend.kinds == ["company", "government"]


def test_with_ties_kept_rows_are_named_by_their_tie_not_by_a_guessed_column(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Before, a register whose holders vary had its Parent column preselected as the title (the text that varies
    most): each stake's event was titled "Renault", "Daimler AG", not "Renault → Nissan (36.8%)"."""
    seen: list[tuple[str, str]] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        title = dialog.combos["title"]
        seen.append((title.currentText(), ""))
        dialog.graph.click()  # no ties: the guessed title comes back
        seen.append((title.currentText(), "unticked"))
        dialog.graph.click()
        seen.append((title.currentText(), "ticked"))
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "register.csv", accept, text=(
        "Date,Parent,Subsidiary,Stake\n1999-03-27,Renault,Nissan,36.8%\n2010-04-07,Daimler AG,Renault,3.1%\n"
        "2015-04-30,French State,Renault,19.7%\n2016-10-20,Nissan,Mitsubishi Motors,34%\n"))
    assert seen == [(NONE, ""), ("Parent", "unticked"), (NONE, "ticked")]
    assert window.state.dataset.events["title"].tolist() == [
        "Renault → Nissan (36.8%)", "Daimler AG → Renault (3.1%)", "French State → Renault (19.7%)",
        "Nissan → Mitsubishi Motors (34%)"]


def test_a_holding_s_many_stakes_are_drawn_thinner_than_a_lone_one(qtbot: QtBot, window: MainWindow,
                                                                   tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Sixty whole-owned subsidiaries of one holding: at full width their stakes drew one black disc over the
    holding and its values. A lone 100% stake elsewhere keeps its width; a stake written below 0 is the thinnest."""
    rows = [f"2019-01-{1 + i % 28:02d},Holding,Subsidiary {i},100%" for i in range(60)]
    rows += ["2019-02-01,Alpha,Beta,100%", "2019-02-02,Gamma,Delta,-20%"]
    path = tmp_path / "holding.csv"
    path.write_text("Date,Parent,Subsidiary,Stake\n" + "\n".join(rows) + "\n", encoding="utf-8")
    open_by_hand(qtbot, window, monkeypatch, path, lambda dialog: QDialog.DialogCode.Accepted)
    assert "Gamma" in details_after(qtbot, window, Qt.Key.Key_End)
    canvas = window.relations.canvas
    qtbot.waitUntil(lambda: len(canvas.edges.ids) == 62, timeout=3000)
    width = dict(zip(zip(canvas.edges.sources, canvas.edges.targets, strict=True), canvas.edges.widths.tolist(),
                     strict=True))
    lone, negative = width[("alpha", "beta")], width[("gamma", "delta")]
    held = [w for (source, _), w in width.items() if source == "holding"]
    assert lone == 8.0 and 1.5 <= negative < 2.0
    assert len(held) == 60 and all(w < lone / 1.8 for w in held)
