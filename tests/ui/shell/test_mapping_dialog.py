"""A table whose columns cannot be mapped automatically asks the user before importing."""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog

from viewer.io import table
from viewer.ui.shell.mapping_dialog import MappingDialog, needs_mapping


@pytest.fixture
def odd_table(tmp_path: Path) -> Path:
    path = tmp_path / "ledger.csv"
    path.write_text("col_a;col_b;col_c\n03/04/2021;Board meets;acme\n15/05/2021;Deal signed;globex\n"
                    "not a date;Broken row;acme\n", encoding="utf-8")
    return path


def test_a_table_with_unknown_column_names_needs_a_mapping(odd_table: Path) -> None:
    asked = needs_mapping(odd_table)
    assert asked is not None and not asked[0].mapping.certain and asked[1] is None


def test_a_table_with_common_names_opens_directly(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("date,title\n2021-01-02,Hello\n")
    assert needs_mapping(path) is None


def test_the_dialog_previews_rows_and_reports_problems_before_import(qtbot, odd_table: Path) -> None:
    preview = table.preview(odd_table)
    dialog = MappingDialog(odd_table, preview)
    qtbot.addWidget(dialog)
    assert dialog.table.model().rowCount() == 3
    dialog.combos["start"].setCurrentText("col_a")
    dialog.combos["title"].setCurrentText("col_b")
    dialog.combos["actors"].setCurrentText("col_c")
    dialog.order.setCurrentIndex(dialog.order.findData("dmy"))
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any("row 4" in p and "not a date" in p for p in problems)
    options = dialog.options()
    assert options["start"] == "col_a" and options["date_order"] == "dmy"
    ds = table.read(odd_table, **options)
    assert list(ds.events["title"]) == ["Board meets", "Deal signed"]
    assert ds.events["start"].iloc[0].month == 4  # 03/04 read day-first, as chosen


def test_import_is_disabled_until_a_start_column_is_chosen(qtbot, odd_table: Path) -> None:
    dialog = MappingDialog(odd_table, table.preview(odd_table))
    qtbot.addWidget(dialog)
    dialog.combos["start"].setCurrentText("(none)")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_opening_such_a_table_in_the_window_goes_through_the_dialog(qtbot, odd_table: Path, alliance,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.main_window import MainWindow

    def accept(dialog: MappingDialog) -> int:
        dialog.combos["start"].setCurrentText("col_a")
        dialog.combos["title"].setCurrentText("col_b")
        dialog.order.setCurrentIndex(dialog.order.findData("dmy"))
        return QDialog.DialogCode.Accepted

    import threading

    from viewer.ui.shell import loading
    previews: list[str] = []
    real = loading.needs_mapping

    def watched(path: str) -> object:
        previews.append(threading.current_thread().name)
        return real(path)

    monkeypatch.setattr(loading, "needs_mapping", watched)
    monkeypatch.setattr(MappingDialog, "exec", accept)
    window = MainWindow(ViewState(alliance))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loader.loaded, timeout=15_000):
        window.open_path(str(odd_table))
    assert list(window.state.dataset.events["title"]) == ["Board meets", "Deal signed"]
    assert previews and all(name.startswith("entente-load") for name in previews)  # never on the UI thread


def test_add_to_dataset_joins_the_file_to_the_open_one(qtbot, alliance, tmp_path: Path) -> None:
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.main_window import MainWindow
    extra = tmp_path / "extra.csv"
    extra.write_text("date,title,actor\n2024-01-01,Something new,renault\n")
    window = MainWindow(ViewState(alliance))
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.loader.loaded, timeout=15_000):
        window.open_path(str(extra), add=True)
    assert len(window.state.dataset.events) == 70
    assert len(window.state.dataset.relations) == 53


def test_a_table_whose_columns_name_parties_offers_the_graph(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("Bank Name,City,Closing Date,Acquiring Institution\nFirst Bank,Chicago,2012-01-05,Big Bank\n"
                    "Second Bank,Austin,2013-02-01,No Acquirer\n", encoding="utf-8")
    asked = needs_mapping(path)
    assert asked is not None and asked[1] is not None
    dialog = MappingDialog(path, asked[0], suggestion=asked[1])
    qtbot.addWidget(dialog)
    assert dialog.graph.isChecked() and "Acquiring Institution" in dialog.graph.text()
    spec = dialog.load_options()["mapping"]
    assert spec.relations and spec.start == "Closing Date"
    dialog.graph.setChecked(False)
    assert "mapping" not in dialog.load_options()


def test_an_encoding_chosen_in_the_dialog_reads_the_names_and_rows_again(qtbot, window, tmp_path: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """A Czech table in Windows-1250 reads as Western text (Pøedmìt) too well to be told apart: choosing its code
    page by the keys read the rows in it, but the columns kept their old names and the import refused them."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ..window_reading import open_by_hand
    path = tmp_path / "zasedani.csv"
    path.write_bytes("Datum;Předmět;Účastník\n04.03.2019;Zasedání představenstva v Brně;Škoda\n"
                     "05.03.2019;Výroční zpráva;Škoda\n".encode("cp1250"))
    seen: dict[str, object] = {}

    def choose(dialog: MappingDialog) -> QDialog.DialogCode:
        assert dialog.combos["title"].currentText() == "Pøedmìt"
        dialog.encoding.setFocus()
        QTest.keyClicks(dialog.encoding, "Central")  # as a user types into the closed list to pick an item
        seen["encoding"] = dialog.encoding.currentData()
        seen["title"] = dialog.combos["title"].currentText()
        seen["read as"] = dialog.read_as.text()
        seen["cell"] = dialog.table.model().index(0, 1).data(Qt.ItemDataRole.DisplayRole)
        return QDialog.DialogCode.Accepted

    assert open_by_hand(qtbot, window, monkeypatch, path, answer=choose)
    assert seen == {"encoding": "cp1250", "title": "Předmět", "read as": "Read as cp1250, delimiter ';', dates dmy",
                    "cell": "Zasedání představenstva v Brně"}
    assert window.state.dataset.events["title"].tolist() == ["Zasedání představenstva v Brně", "Výroční zpráva"]


def test_a_register_in_german_offers_its_stakes_and_draws_them(qtbot, window, tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A register whose columns are named in German ("Muttergesellschaft", "Tochtergesellschaft", "Anteil") was
    offered as "related to" ties without their shares; now as the equity stakes they are, drawn at the cursor."""
    from ..window_reading import open_by_hand
    path = tmp_path / "beteiligungen.csv"
    path.write_text("Datum;Muttergesellschaft;Tochtergesellschaft;Anteil\n27.03.1999;Renault SA;Nissan Motor;36,8\n"
                    "20.10.2016;Nissan Motor;Mitsubishi Motors;34,0\n", encoding="utf-8")
    offered: list[str] = []

    def keep_the_graph(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.graph.text())
        assert dialog.graph.isChecked()
        return QDialog.DialogCode.Accepted

    assert open_by_hand(qtbot, window, monkeypatch, path, answer=keep_the_graph)
    assert offered == ["Make entities and relations: Muttergesellschaft → Tochtergesellschaft (equity stake)"]
    ds = window.state.dataset
    assert ds.relations["kind"].tolist() == ["equity_stake"] * 2 and ds.relations["value"].tolist() == [36.8, 34.0]
    window.state.move_cursor("2020-01-01")
    qtbot.wait(50)
    assert all(window.relations.is_placed(entity) for entity in ds.entities["id"])


def test_a_start_named_only_by_how_it_begins_is_not_offered_as_the_start(qtbot, window, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """The FEC's candidate summaries: the dialog offered ``Beginning_Cash`` (cash amounts) as the start, and
    accepting it opened a clock of amounts. Now it offers the dates, and Home walks to the first of them."""
    from PySide6.QtCore import Qt

    from tests.io.test_event_data_headers import FEC

    from ..window_reading import details_after, open_by_hand
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "contributions.csv", text=FEC, answer=accept)
    assert offered == ["Coverage_End_Date"]  # (the guess changed by the values: the dialog asks)
    assert window.state.dataset.meta.clock == "calendar"
    shown = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "BARNETT, BRYAN" in shown and "26 Jan 2015" in shown


def test_a_table_of_candidates_opens_at_their_primaries_from_the_window(qtbot, window, tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """538's primary candidates: "Candidate" was read as a date column's name, the dialog offered it as the start and
    every row was refused. Opened with Ctrl+O, the primaries' dates are the start and the keys walk them."""
    from PySide6.QtCore import Qt

    from tests.io.test_event_data_headers import PRIMARIES

    from ..window_reading import details_after, open_by_hand
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    open_by_hand(qtbot, window, monkeypatch, tmp_path / "dem_candidates.csv", text=PRIMARIES, answer=accept)
    assert offered == ["Primary Date"]  # (asked: no column is named as a title)
    assert window.state.dataset.event_count == 3
    assert "Gavin Dass" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Summer Lee" in details_after(qtbot, window, Qt.Key.Key_End)


def test_days_with_no_year_are_refused_as_such_and_the_dataset_stays(qtbot, window, tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtGui import QKeySequence
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from tests.io.test_event_data_headers import STATEMENTS
    from viewer.ui.shell import dialogs
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / "statements.csv"
    path.write_text(STATEMENTS, encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    before = window.state.dataset
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Open))
    assert len(shown) == 1 and "holds days of a month with no year (such as '26-Dec')" in shown[0], shown
    assert window.state.dataset is before


def test_a_draft_year_is_offered_as_the_start_not_a_starter(qtbot, window, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import Qt

    from ..window_reading import details_after, open_by_hand
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    text = ("Player,Position,Draft Year,Projected SPM,Starter\nKarl-Anthony Towns,C,2015,1.03,0.43\n"
            "Tim Duncan,PF,1997,2.1,0.45\n")
    open_by_hand(qtbot, window, monkeypatch, tmp_path / "historical_projections.csv", text=text, answer=accept)
    assert offered == ["Draft Year"] and window.state.dataset.meta.clock == "calendar"
    assert "Tim Duncan" in details_after(qtbot, window, Qt.Key.Key_Home)
