"""Tables as data platforms hand them out, opened from a fresh window as a user opens them: a gzipped CSV,
JSON lines with a damaged line (reported by its line in Problems), an Arrow file and a workbook whose dated
sheet comes second; each is then walked with the keys."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from pyarrow import feather
from pyarrow import parquet as pq
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import MappingDialog

from ..window_reading import details_after

ROWS = [{"id": f"e{i}", "date": f"2021-{i % 12 + 1:02d}-{i % 27 + 1:02d}", "title": f"Filing {i}",
         "actors": ["acme", "globex"][: i % 2 + 1]} for i in range(40)]


def _gzipped_csv(folder: Path) -> Path:
    path = folder / "filings.csv.gz"
    frame = pd.DataFrame(ROWS).assign(actors=lambda f: f["actors"].map(";".join))
    path.write_bytes(gzip.compress(frame.to_csv(index=False).encode()))
    return path


def _zip_archive(folder: Path) -> Path:
    """A download: the table in a folder of a ZIP archive, beside a README (it was refused as a binary file)."""
    path = folder / "filings.zip"
    frame = pd.DataFrame(ROWS).assign(actors=lambda f: f["actors"].map(";".join))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", "Registry export\n" * 200)
        archive.writestr("export/filings.csv", frame.to_csv(index=False))
    return path


def _json_lines(folder: Path) -> Path:
    path = folder / "filings.jsonl"
    lines = [json.dumps(r) for r in ROWS]
    lines.insert(5, "{not json")
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _arrow(folder: Path) -> Path:
    path = folder / "filings.arrow"
    feather.write_feather(pa.Table.from_pylist(ROWS), path)
    return path


def _spark_parquet(folder: Path) -> Path:
    """Text written as bytes, as Spark writes it unannotated; one title in Latin-1."""
    path = folder / "filings.parquet"
    table = pa.Table.from_pylist(ROWS)
    titles = [f"{t} café".encode("latin-1" if i == 3 else "utf-8")
              for i, t in enumerate(table.column("title").to_pylist())]
    pq.write_table(table.set_column(2, "title", pa.array(titles, pa.binary())), path)
    return path


def _workbook(folder: Path, suffix: str = ".xlsx") -> Path:
    path = folder / f"filings{suffix}"
    with pd.ExcelWriter(path, engine="odf" if suffix == ".ods" else None) as writer:
        pd.DataFrame({"Read me": ["Registry export"]}).to_excel(writer, sheet_name="Read me", index=False)
        pd.DataFrame(ROWS).assign(actors=lambda f: f["actors"].map(";".join)).to_excel(writer, sheet_name="Filings",
                                                                                      index=False)
    return path


def _opendocument(folder: Path) -> Path:
    """A LibreOffice spreadsheet, notes first, as a workbook."""
    return _workbook(folder, ".ods")


@pytest.mark.parametrize("make", [_gzipped_csv, _zip_archive, _json_lines, _arrow, _spark_parquet, _workbook,
                                  _opendocument],
                         ids=lambda f: f.__name__[1:])
def test_an_export_opens_in_a_fresh_window_and_its_events_are_walked(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: object) -> None:
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = make(tmp_path)  # type: ignore[operator]
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 40 and ds.title == "filings"
    assert set(ds.entities["id"]) >= {"acme", "globex"}
    problems = [(p.row, p.message) for p in ds.problems]
    if path.suffix == ".jsonl":
        assert (6, "line 6: not readable JSON (column 2: expecting property name enclosed in double quotes, found "
                "'not j'); line skipped") in problems
        assert window.problems.model.rowCount() >= 1
    if path.suffix == ".parquet":
        assert [p.field for p in ds.problems if "not UTF-8" in p.message] == ["title"]
    if path.suffix in (".xlsx", ".ods"):
        assert any("read the sheet 'Filings'" in message for _, message in problems)
    if path.suffix == ".zip":
        assert (None, "read export/filings.csv from the archive (it holds README.txt, export/filings.csv)") in problems
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    first = window.state.selection.events
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.state.selection.events and window.state.selection.events != first
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert "Filing" in window.details.html()


def test_a_log_of_json_lines_with_nested_objects_opens_and_shows_them(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A clean log (read by Arrow's reader): nested objects and lists shown as their text, times kept as written."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / "audit.jsonl"
    lines = [json.dumps({"id": f"e{i}", "timestamp": f"2021-03-{i % 28 + 1:02d}T10:00:00Z", "message": f"login {i}",
                         "session": {"name": f"u{i % 3}", "tier": None if i % 2 else "gold"}, "tags": ["auth", "web"],
                         "score": i / 4}) for i in range(300)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 300 and not [p for p in ds.problems if p.level in ("warning", "error")]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    text = window.details.html()
    assert "&quot;name&quot;: &quot;u0&quot;" in text or '"name": "u0"' in text
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)
    assert window.state.selection.events


def test_a_european_excel_export_with_a_separator_line_opens(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """``sep=;`` on the first line names the delimiter (the file was refused); its bad row is said by its line."""
    offered: list[str] = []

    def accept(dialog: MappingDialog) -> QDialog.DialogCode:  # German names: the dialog asks, the user says OK
        offered.append(dialog.combos["start"].currentText())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MappingDialog, "exec", accept)
    path = tmp_path / "umsatz.csv"
    rows = "".join(f"2021-03-0{i};Auftrag {i};{i},5\r\n" for i in range(1, 6))
    path.write_bytes(f"sep=;\r\nDatum;Titel;Betrag\r\n{rows}kein Datum;Auftrag X;3\r\n".encode())
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert offered in ([], ["Datum"])
    assert ds.event_count == 5 and [p.row for p in ds.problems if p.level == "error"] == [8]
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)
    assert "Auftrag 5" in window.details.html()


@pytest.mark.parametrize("name", ["registry.xls", "registry.xlsx"])
def test_an_excel_97_workbook_opens_also_under_a_newer_name(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A workbook saved in the Excel 97-2003 format (tests/io/fixtures_tables/registry_1999.xls, made with
    xlwt: a notes sheet, then dated rows with one bad date): it was refused, and under an .xlsx name the
    message asked to install a package."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / name
    path.write_bytes((Path(__file__).parents[2] / "io" / "fixtures_tables" / "registry_1999.xls").read_bytes())
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 4 and [p.row for p in ds.problems if p.level == "error"] == [6]
    assert "Appeal lodged" in details_after(qtbot, window, Qt.Key.Key_End)
    assert "Décision rendue" in details_after(qtbot, window, Qt.Key.Key_Left)


def test_a_table_with_year_month_and_day_columns_opens_on_its_days(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Incidents written as iyear, imonth, iday (0: unknown): each fell on 1 January before; the keys now walk
    them on their days, and the one with only a year known is a year."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / "incidents.csv"
    path.write_text("eventid,iyear,imonth,iday,summary\n1,1970,7,2,Summer attack\n2,1970,0,0,Undated attack\n"
                    "3,1970,3,15,Spring attack\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    assert window.state.dataset.event_count == 3
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Summer attack" in last and "2 Jul 1970" in last
    before = details_after(qtbot, window, Qt.Key.Key_Left)
    assert "Spring attack" in before and "15 Mar 1970" in before


def test_a_mongoexport_file_opens_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """MongoDB's export, values wrapped as {"$date": …} and {"$oid": …}: it was refused for having no date."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / "orders.json"
    stamps = [{"$date": {"$numberLong": str(1_700_000_000_000 + i * 3_600_000)}} for i in range(12)]
    path.write_text("\n".join(json.dumps({"_id": {"$oid": f"65a{i:021x}"}, "title": f"Order {i}", "createdAt": at})
                              for i, at in enumerate(stamps)) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    assert window.state.dataset.event_count == 12
    assert "Order 0" in details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Order 11" in details_after(qtbot, window, Qt.Key.Key_End)


def test_an_earthquake_feed_in_geojson_opens_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """USGS's GeoJSON feed (times in milliseconds under 'time', places as coordinates): it was refused as JSON
    Entente does not recognise, and its times would have been read as ticks."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    features = [{"type": "Feature", "id": f"ci{i}", "geometry": {"type": "Point", "coordinates": [-117.6, 35.77, 8]},
                 "properties": {"mag": 5 + i / 10, "time": 1_562_383_800_000 + i * 600_000,
                                "title": f"M {5 + i / 10:.1f} - Ridgecrest"}} for i in range(8)]
    path = tmp_path / "quakes.geojson"
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    assert window.state.dataset.event_count == 8 and window.state.dataset.meta.clock == "calendar"
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "M 5.0 - Ridgecrest" in first and "6 Jul 2019" in first and "35.77" in first
    assert "M 5.7 - Ridgecrest" in details_after(qtbot, window, Qt.Key.Key_End)


def test_a_banks_xls_that_is_an_html_table_opens_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Online banking's "Excel" export, an HTML table under an .xls name: it was refused (File is not a zip file)."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    rows = "".join(f"<tr><td>{day:02d}/03/2021</td><td>Payment {day}</td><td>-{day}.50</td></tr>"
                   for day in range(1, 15))
    path = tmp_path / "statement.xls"
    path.write_text(f"<html><body><table><tr><th>Date</th><th>Description</th><th>Amount</th></tr>{rows}</table>"
                    "</body></html>", encoding="utf-8")
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    ds = window.state.dataset
    assert ds.event_count == 14 and any("holds an HTML table" in p.message for p in ds.problems)
    assert "Payment 1" in details_after(qtbot, window, Qt.Key.Key_Home)
    last = details_after(qtbot, window, Qt.Key.Key_End)
    assert "Payment 14" in last and "14 Mar 2021" in last


def test_a_newsrooms_rss_feed_opens_and_is_walked(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A press office's feed (tests/io/fixtures_tables/newsroom.rss): its items were refused as XML Entente does
    not know; they are events with their links, authors and categories."""
    monkeypatch.setattr(MappingDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)
    path = tmp_path / "newsroom.rss"
    path.write_bytes((Path(__file__).parents[2] / "io" / "fixtures_tables" / "newsroom.rss").read_bytes())
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    assert window.state.dataset.event_count == 3
    first = details_after(qtbot, window, Qt.Key.Key_Home)
    assert "Alliance signs agreement" in first and "https://example.org/a" in first
    assert "Board meeting" in details_after(qtbot, window, Qt.Key.Key_Right)
    assert "London event" in details_after(qtbot, window, Qt.Key.Key_End)
