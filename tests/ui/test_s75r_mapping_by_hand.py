"""The column-mapping dialog answered by hand, as a new user answers it, from a fresh window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from .window_reading import open_by_hand


def _said(dialog: MappingDialog) -> list[str]:
    return [dialog.problems.item(i).text() for i in range(dialog.problems.count())]


def _choices(dialog: MappingDialog) -> list[str]:
    combo = dialog.combos["start"]
    return [combo.itemText(i) for i in range(combo.count())]


def test_unticking_the_row_of_names_reads_the_table_again_and_imports(qtbot: QtBot, window: MainWindow,
                                                                      tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """"First row holds column names" was read only at Import: unticked, the dialog still offered ``col_a`` and said
    "No problems", and Import failed with "no column named 'col_a', 'col_b'". Now the rows and the columns are read
    again at once, each choice keeping its column, and the first row's cells are said as a row that is no date."""
    seen: dict[str, object] = {}

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        assert _choices(dialog)[1:] == ["col_a", "col_b"]
        qtbot.mouseClick(dialog.header, Qt.MouseButton.LeftButton)
        seen["choices"], seen["said"] = _choices(dialog)[1:], _said(dialog)
        seen["start"], seen["title"] = dialog.combos["start"].currentText(), dialog.combos["title"].currentText()
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    path = tmp_path / "minutes.csv"
    asked = open_by_hand(qtbot, window, monkeypatch, path, answer, "col_a;col_b\n03/04/2021;Board\n15/05/2021;Deal\n")
    assert len(asked) == 1
    assert seen["choices"] == ["column1", "column2"] and (seen["start"], seen["title"]) == ("column1", "column2")
    assert any("row 1" in s and "expected a date, got 'col_a'" in s for s in seen["said"])  # type: ignore[attr-defined]
    assert list(window.state.dataset.events["title"]) == ["Board", "Deal"]


def test_ticking_it_for_a_table_without_names_takes_the_first_row_as_names(qtbot: QtBot, window: MainWindow,
                                                                          tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    seen: dict[str, object] = {}

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        assert not dialog.header.isChecked() and _choices(dialog)[1:] == ["column1", "column2", "column3"]
        qtbot.mouseClick(dialog.header, Qt.MouseButton.LeftButton)
        seen["choices"] = _choices(dialog)[1:]
        return QDialog.DialogCode.Accepted

    path = tmp_path / "bare.csv"
    text = "03/04/2021;Board;acme\n15/05/2021;Deal;globex\n16/05/2021;Vote;globex\n"
    assert len(open_by_hand(qtbot, window, monkeypatch, path, answer, text)) == 1
    assert seen["choices"] == ["03/04/2021", "Board", "acme"]
    assert list(window.state.dataset.events["title"]) == ["Deal", "Vote"]


def test_one_column_chosen_for_several_fields_is_said(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The same column picked for Start date, End date and Title (a slip of the mouse in a long list): the dialog said
    "No problems in the first rows." and every event came in titled by its date. Now it says so, and still imports
    (a column may name both the title and the actor on purpose)."""
    said: list[list[str]] = []

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        for role in ("end", "title"):
            dialog.combos[role].setCurrentText("col_a")
        said.append(_said(dialog))
        dialog.combos["end"].setCurrentText("(none)")
        dialog.combos["title"].setCurrentText("col_b")
        said.append(_said(dialog))
        return QDialog.DialogCode.Accepted

    path = tmp_path / "minutes.csv"
    open_by_hand(qtbot, window, monkeypatch, path, answer, "col_a;col_b\n03/04/2021;Board\n15/05/2021;Deal\n")
    assert "[warning] 'col_a' is chosen for Start date, End date and Title: each reads the same cells" in said[0]
    assert "No problems in the first rows." not in said[0]
    assert not any("is chosen for" in s for s in said[1])
    assert list(window.state.dataset.events["title"]) == ["Board", "Deal"]


def test_an_encoding_chosen_renames_the_columns_of_the_ties_too(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A Windows-1252 table read as Latin-1, then as Cyrillic (a user trying the list): the fields followed their
    columns, but the offered ties still named "Société mère", and Import failed: "the mapping names columns this file
    lacks". The ties' columns follow by place as the fields do, and the graph is made."""
    offered: list[str] = []

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.graph.text())
        dialog.encoding.setCurrentIndex(dialog.encoding.findData("cp1251"))
        offered.append(dialog.graph.text())
        assert dialog.graph.isChecked() and dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return QDialog.DialogCode.Accepted

    path = tmp_path / "rachat.csv"
    path.write_bytes("Date;Société mère;Filiale;Participation\n03/04/2021;Acme SA;Globex SA;12\n"
                     "15/05/2021;Acme SA;Initech SA;40\n".encode("cp1252"))
    assert len(open_by_hand(qtbot, window, monkeypatch, path, answer)) == 1
    assert offered == ["Make entities and relations: Société mère → Filiale (equity stake)",
                       "Make entities and relations: Sociйtй mиre → Filiale (equity stake)"]
    relations = window.state.dataset.relations
    assert sorted(relations["value"]) == [12, 40] and len(window.state.dataset.events) == 2
