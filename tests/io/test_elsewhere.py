"""Files whose data is elsewhere or in a form nothing here reads are refused saying where it is and how to get it:
they were "JSON that Entente does not recognise" or "a binary file, not .numbers data"."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import duckdb
import pytest

import viewer
from viewer.model.problems import LoadError


def _iwork(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Index/Document.iwa", b"\x00\x1c\x00")
        archive.writestr("Metadata/Properties.plist", b"bplist00")
    return path


@pytest.mark.parametrize(("name", "said"), [
    ("Timeline.gsheet", r"a shortcut to a Google Sheets spreadsheet kept online \(https://docs\.google\.com/spread"
                        r"sheets/d/abc/edit\).*never goes online.*Comma-separated values"),
    ("Chronology.gdoc", r"a shortcut to a Google Docs document kept online .*Microsoft Word"),
])
def test_a_google_drive_shortcut_says_the_document_is_online(tmp_path: Path, name: str, said: str) -> None:
    path = tmp_path / name
    kind = "spreadsheets" if name.endswith("gsheet") else "document"
    path.write_text(json.dumps({"url": f"https://docs.google.com/{kind}/d/abc/edit", "doc_id": "abc"}))
    with pytest.raises(LoadError, match=said):
        viewer.load(path)


def test_an_apple_document_and_an_outlook_file_say_how_to_export_them(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"budget\.numbers: an Apple Numbers spreadsheet.*Export To → CSV or Excel"):
        viewer.load(_iwork(tmp_path / "budget.numbers"))
    pst = tmp_path / "archive.pst"
    pst.write_bytes(b"!BDN" + bytes(508))
    with pytest.raises(LoadError, match=r"an Outlook data file \(\.pst\).*\.mbox or \.eml"):
        viewer.load(pst)


def test_a_zip_named_numbers_that_is_no_iwork_document_is_read_as_any_other(tmp_path: Path) -> None:
    path = tmp_path / "events.numbers"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("events.csv", "date,title\n2019-01-01,a\n")
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    assert "Apple Numbers" not in str(refused.value)


@pytest.mark.parametrize("name", ["events.duckdb", "app.db"])
def test_a_duckdb_database_given_to_the_file_loader_says_how_it_opens(tmp_path: Path, name: str) -> None:
    """It was "a binary file, not .duckdb data; expected text …" though the window and viewer.open query it."""
    path = tmp_path / name
    with duckdb.connect(str(path)) as con:
        con.execute("CREATE TABLE events AS SELECT DATE '2019-03-04' AS start, 'Signed' AS title")
    with pytest.raises(LoadError, match=r"a DuckDB database, whose tables are queried where they are.*viewer\.open"):
        viewer.load(path)
    assert viewer.open(str(path)).count() == 1


def test_a_csv_whose_ninth_byte_starts_duck_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "fowl.csv"
    path.write_text("Company,DUCK count\n2019-03-04,3\n", encoding="utf-8")
    assert len(viewer.load(path).events) == 1


def _avro(path: Path) -> Path:
    """An Avro container file as its specification lays out the header: the magic, a map of metadata (the schema,
    the codec), a sync marker; then one block of two records (a date and a title)."""
    def text(value: bytes) -> bytes:
        return bytes([len(value) * 2]) + value  # (a zigzag varint of a length below 64: one byte)
    schema = json.dumps({"type": "record", "name": "event", "fields": [
        {"name": "date", "type": "string"}, {"name": "title", "type": "string"}]}).encode()
    sync = bytes(range(16))
    length = bytes([len(schema) * 2 % 128 | 128, len(schema) * 2 // 128])  # (two bytes: 64 to 8,191)
    header = b"Obj\x01" + b"\x04" + text(b"avro.schema") + length + schema + text(b"avro.codec") + text(b"null") \
        + b"\x00" + sync
    records = text(b"2019-03-04") + text(b"Signed") + text(b"2020-01-02") + text(b"Ended")
    path.write_bytes(header + b"\x04" + bytes([len(records) * 2]) + records + sync)
    return path


@pytest.mark.parametrize("name", ["events.avro", "part-00000"])
def test_an_avro_file_says_how_to_turn_it_into_what_is_read(tmp_path: Path, name: str) -> None:
    """It was "a binary file, not .avro data; expected text …": now what it is, and how to make Parquet of it."""
    with pytest.raises(LoadError, match=rf"{name}: an Avro file .*does not read; expected its records as Parquet or "
                                        r"CSV.*read_avro"):
        viewer.load(_avro(tmp_path / name))


@pytest.mark.parametrize(("name", "content", "said"), [
    ("survey.accdb", b"\x00\x01\x00\x00Standard ACE DB\x00" + bytes(500), r"a Microsoft Access database.*mdb-export"),
    ("old.MDB", b"\x00\x01\x00\x00Standard Jet DB\x00" + bytes(500), r"a Microsoft Access database.*External Data"),
    ("store", b"\x89HDF\r\n\x1a\n" + bytes(500), r"an HDF5 file.*pandas\.read_hdf\('.*store', KEY\)"),
    ("parcels.dbf", b"\x03\x77\x03\x04" + bytes(500), r"a dBase table .*LibreOffice Calc opens it"),
    ("parcels.shp", b"\x00\x00\x27\x0a" + bytes(500), r"a shapefile's shapes, which hold no dates.*GeoJSON"),
    ("frame.pkl", b"\x80\x05\x95" + bytes(500), r"a Python pickle, which Entente never opens .*to_parquet"),
    ("data.rds", b"\x1f\x8b\x08\x00" + bytes(500), r"an R data file.*readRDS\('.*data\.rds'\)"),
    ("session.RData", b"\x1f\x8b\x08\x00" + bytes(500), r"an R workspace.*load\('.*session\.RData'\)"),
    ("book.xlsb", b"PK\x03\x04" + bytes(500), r"an Excel binary workbook \(\.xlsb\).*Save As"),
])
def test_other_programs_data_files_say_how_to_get_a_file_that_is_read(tmp_path: Path, name: str, content: bytes,
                                                                       said: str) -> None:
    """Each was "a binary file, not .accdb data; expected text …": now what it is and how to export it."""
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError, match=rf"{name}: {said}"):
        viewer.load(path)


def test_a_pickle_is_never_unpickled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle
    monkeypatch.setattr(pickle, "load", lambda *_a, **_k: pytest.fail("unpickled"))
    monkeypatch.setattr(pickle, "loads", lambda *_a, **_k: pytest.fail("unpickled"))
    path = tmp_path / "events.pickle"
    path.write_bytes(pickle.dumps({"date": ["2019-03-04"], "title": ["x"]}))
    with pytest.raises(LoadError, match="never opens"):
        viewer.load(path)
