"""Tables as data platforms and archives hand them out: compressed (``.csv.gz``, ``.bz2``, ``.xz``, ``.zst``),
JSON lines (``.jsonl``, ``.ndjson``, or a ``.json`` written one object per line), Arrow IPC (Feather) files
and streams, and workbooks whose dated sheet is not the first. Before, a ``.csv.gz`` was read as text and
refused for "no date column among <its compressed bytes>", JSON lines were "not readable JSON", an Arrow file
was "a binary file", and a workbook was read from its first sheet only."""

from __future__ import annotations

import bz2
import gzip
import json
import lzma
import zipfile
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
from pyarrow import feather
from pyarrow import parquet as pq

import viewer
from viewer.io import table
from viewer.model.problems import LoadError

CSV = "id,date,title,actors\ne1,2021-03-01,Opening,acme;globex\ne2,2021-04-15,Merger,acme\ne3,2021-02-01,Talks,globex\n"
RECORDS = [{"id": "e1", "date": "2021-03-01", "title": "Opening", "actors": ["acme", "globex"]},
           {"id": "e2", "date": "2021-04-15", "title": "Merger", "actors": ["acme"], "where": {"city": "Paris"}},
           {"id": "e3", "date": "2021-02-01", "title": "Talks\u2028(night)", "actors": ["globex"]}]


def _zstd(data: bytes) -> bytes:
    sink = pa.BufferOutputStream()
    with pa.CompressedOutputStream(sink, "zstd") as stream:
        stream.write(data)
    return sink.getvalue().to_pybytes()


def _same_three(ds: viewer.Dataset) -> None:
    assert ds.events["id"].tolist() == ["e3", "e1", "e2"]
    assert ds.events["title"].tolist()[1:] == ["Opening", "Merger"]
    assert ds.events["actors"].tolist()[1] == "acme;globex"


@pytest.mark.parametrize(("suffix", "pack"), [(".gz", gzip.compress), (".bz2", bz2.compress), (".xz", lzma.compress),
                                              (".zst", _zstd)])
def test_a_compressed_table_opens_as_the_table_it_holds(tmp_path: Path, suffix: str, pack: object) -> None:
    path = tmp_path / f"events.csv{suffix}"
    path.write_bytes(pack(CSV.encode()))  # type: ignore[operator]
    _same_three(viewer.load(path))
    lines = tmp_path / f"events.jsonl{suffix}"
    lines.write_bytes(pack("\n".join(json.dumps(r) for r in RECORDS).encode()))  # type: ignore[operator]
    _same_three(viewer.load(lines))


def _zipped(path: Path, members: dict[str, bytes], password_flag: bool = False) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    if password_flag:  # as an encrypted member is marked (zipfile cannot write one)
        packed = bytearray(path.read_bytes())
        for at in (6, packed.rindex(b"PK\x01\x02") + 8):
            packed[at] |= 1
        path.write_bytes(bytes(packed))
    return path


@pytest.mark.parametrize(("name", "members"), [
    ("20210301.export.CSV.zip", {"20210301.export.CSV": CSV.encode()}),  # as GDELT hands its files out
    ("download.zip", {"README.txt": b"Exported from the registry.\n" * 20, "data/events.csv": CSV.encode(),
                      "__MACOSX/data/._events.csv": b"\x00\x05\x16\x07"}),
    ("lines.zip", {"events.jsonl": "\n".join(json.dumps(r) for r in RECORDS).encode()}),
])
def test_a_zip_archive_opens_as_the_table_it_holds(tmp_path: Path, name: str, members: dict[str, bytes]) -> None:
    ds = viewer.load(_zipped(tmp_path / name, members))
    _same_three(ds)
    said = [p.message for p in ds.problems if "from the archive" in p.message]
    if name == "download.zip":  # the table, not the larger README; macOS's copy is no file of the archive
        assert said == ["read data/events.csv from the archive (it holds README.txt, data/events.csv)"]
    else:
        assert said == []


def test_a_packed_table_under_a_plain_name_is_known_by_its_bytes(tmp_path: Path) -> None:
    for pack in (gzip.compress, bz2.compress, lzma.compress, _zstd):
        path = tmp_path / "events.csv"
        path.write_bytes(pack(CSV.encode()))
        _same_three(viewer.load(path))
        assert viewer.load(path).title == "events"
    path.write_text("BZh,date,title\nx,2021-03-01,Opening\n", encoding="utf-8")  # bzip2's first bytes, as text
    assert viewer.load(path).event_count == 1


def test_a_zip_archive_without_a_table_or_with_a_locked_one_is_refused_by_name(tmp_path: Path) -> None:
    documents = _zipped(tmp_path / "scans.zip", {"a.pdf": b"%PDF-1.4", "b.xlsx": b"PK"})
    with pytest.raises(LoadError, match=r"scans\.zip: a ZIP archive holding a\.pdf, b\.xlsx; Entente reads a table "
                                        r"from an archive .* unpack the others first"):
        viewer.load(documents)
    locked = _zipped(tmp_path / "locked.zip", {"events.csv": CSV.encode()}, password_flag=True)
    with pytest.raises(LoadError, match=r"locked\.zip: not a readable zip file \(.*encrypted, password required"):
        viewer.load(locked)
    cut = tmp_path / "cut.zip"
    rows = "".join(f"e{i},2021-03-{i % 28 + 1:02d},Filing {i * 7919 % 10007}\n" for i in range(400)).encode()
    cut.write_bytes(_zipped(tmp_path / "whole.zip", {"events.csv": rows}).read_bytes()[:300])  # no directory left
    with pytest.raises(LoadError, match=r"cut\.zip: a ZIP archive that cannot be read"):
        viewer.load(cut)
    # a damaged "version needed" in the directory: Python's zipfile raised NotImplementedError out of the loader
    data = bytearray(_zipped(tmp_path / "fine.zip", {"events.csv": CSV.encode()}).read_bytes())
    entry = data.index(b"PK\x01\x02")
    data[entry + 6:entry + 8] = b"\xff\x00"
    odd = tmp_path / "odd.zip"
    odd.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"odd\.zip: a ZIP archive that cannot be read"):
        viewer.load(odd)

    nameless = tmp_path / "nameless.zip"  # an entry with an empty name: zipfile's is_dir() raised IndexError
    with zipfile.ZipFile(nameless, "w") as archive:
        archive.writestr(zipfile.ZipInfo(""), b"x")
        archive.writestr("events.csv", CSV)
    assert viewer.load(nameless).event_count > 0


def test_a_damaged_or_foreign_compressed_file_is_refused_by_name(tmp_path: Path) -> None:
    cut = tmp_path / "cut.csv.gz"
    cut.write_bytes(gzip.compress(("date,title\n" + "".join(f"2020-01-{i % 28 + 1:02d},row {i}\n"
                                                          for i in range(5000))).encode())[:2000])
    with pytest.raises(LoadError, match=r"cut\.csv\.gz: not a readable gzip file"):
        viewer.load(cut)
    calendar = tmp_path / "holidays.ics.gz"
    calendar.write_bytes(gzip.compress(b"BEGIN:VCALENDAR\nEND:VCALENDAR\n"))
    with pytest.raises(LoadError, match=r"holidays\.ics\.gz: a compressed \.ics; .* unpack it first"):
        viewer.load(calendar)


@pytest.mark.parametrize("name", ["events.jsonl", "events.ndjson", "events.json"])
def test_json_lines_open_each_object_a_row(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS) + "\n", encoding="utf-8")
    ds = viewer.load(path)
    _same_three(ds)
    assert ds.events["title"].iloc[0] == "Talks\u2028(night)"  # a line separator inside a string is no line end
    assert json.loads(ds.events["attr:where"].iloc[2]) == {"city": "Paris"}


def test_a_line_that_is_no_object_is_reported_by_its_line_and_the_rest_open(tmp_path: Path) -> None:
    lines = [json.dumps(RECORDS[0]), "{broken", "", "[1, 2]", json.dumps(RECORDS[1]), '"text"', json.dumps(RECORDS[2])]
    path = tmp_path / "export.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 3
    assert [(p.row, p.message.split(";")[0]) for p in ds.problems if p.level == "error"] == [
        (2, "line 2: not readable JSON (column 2: expecting property name enclosed in double quotes, found 'broke')"),
        (4, "line 4: a JSON list, not an object"), (6, "line 6: a JSON string, not an object")]
    nothing = tmp_path / "nothing.jsonl"
    nothing.write_text("1\n2\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"nothing\.jsonl: no JSON object on any line"):
        viewer.load(nothing)


@pytest.mark.parametrize("name", ["events.arrow", "events.feather", "events.arrows"])
def test_an_arrow_ipc_file_or_stream_opens_with_its_types(tmp_path: Path, name: str) -> None:
    data = pa.table({"id": ["e1", "e2", "e3"], "date": pa.array([pd.Timestamp(d) for d in
                                                                   ("2021-03-01", "2021-04-15", "2021-02-01")]),
                     "title": ["Opening", "Merger", "Talks"], "actors": [["acme", "globex"], ["acme"], ["globex"]],
                     "amount": [1.5, 2.0, None]})
    path = tmp_path / name
    if name.endswith(".arrows"):
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, data.schema) as writer:
            writer.write_table(data)
    else:
        feather.write_feather(data, path)
    ds = viewer.load(path)
    assert ds.events["id"].tolist() == ["e3", "e1", "e2"] and ds.events["actors"].iloc[1] == "acme;globex"
    assert [(a.name, a.type) for a in ds.attributes] == [("amount", "number")]
    damaged = tmp_path / f"damaged{path.suffix}"
    damaged.write_bytes(path.read_bytes()[:200])
    with pytest.raises(LoadError, match=rf"damaged\{path.suffix}: not a readable Arrow IPC"):
        viewer.load(damaged)


def _workbook(path: Path) -> Path:
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"About": ["Exported from the registry", "Do not edit"]}).to_excel(writer, sheet_name="Notes",
                                                                                        index=False)
        pd.DataFrame({"Date": pd.to_datetime(["2021-03-01", "2021-04-15"]), "Event": ["Opening", "Merger"]}
                     ).to_excel(writer, sheet_name="Events", index=False)
    return path


def test_a_workbook_is_read_from_its_first_sheet_with_dates(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "register.xlsx")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Opening", "Merger"]
    assert any("read the sheet 'Events'" in p.message and "Notes, Events" in p.message for p in ds.problems)
    assert table.preview(path).mapping.start == "Date"
    with pytest.raises(LoadError, match="no date column among About"):
        viewer.load(path, sheet="Notes")


@pytest.mark.parametrize("name", ["spark.parquet", "spark.arrow"])
def test_columns_of_bytes_read_as_text_and_bytes_that_are_no_text_are_said(tmp_path: Path, name: str) -> None:
    """Spark, Hive and Impala write text as bytes without saying it is text: it reads as text. Bytes that
    are not UTF-8 (an image, a Latin-1 name) are shown with U+FFFD and said once per column (before, they
    raised UnicodeDecodeError out of the reader)."""
    data = pa.table({"start": pa.array([b"2021-03-01", b"2021-04-15"], pa.binary()),
                     "title": pa.array(["Café".encode(), "Caf\xe9".encode("latin-1")], pa.binary()),
                     "code": pa.array([b"AB", b"CD"], pa.binary(2))})
    path = tmp_path / name
    if name.endswith(".parquet"):
        pq.write_table(data, path)
    else:
        feather.write_feather(data, path)
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Café", "Caf\ufffd"]
    assert ds.events["attr:code"].astype(str).tolist() == ["AB", "CD"]
    assert [(p.field, p.level) for p in ds.problems if "not UTF-8" in p.message] == [("title", "warning")]
