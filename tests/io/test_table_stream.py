"""A long UTF-8 table is read by Arrow from its file, not through Python bytes (viewer.io.table_stream), unpacked as
it is read when it is packed with gzip, bzip2 or zstd.

The streamed read must give what the general path gives, to the cell, the row number and the word said, and must
step aside for every file the general path reads differently.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import compressed, lines, table_read, table_stream

TEXTS = {
    "plain": b'id,start,title\n1,2019-01-02,Renault\n2,2019-03-04,"Nissan, Ltd"\n',
    "no last line break": b"id,start,title\n1,2019-01-02,Renault\n2,2019-03-04,Nissan",
    "byte order mark": b"\xef\xbb\xbfid,start,title\r\n1,2019-01-02,Renault\r\n",
    "CRLF": b"id,start,title\r\n1,2019-01-02,Renault\r\n2,2019-03-04,Nissan\r\n",
    "lone CR": b"id,start,title\r1,2019-01-02,Renault\r2,2019-03-04,Nissan\r",
    "mixed endings": b"id,start,title\r\n1,2019-01-02,Renault\r2,2019-03-04,Nissan\n",
    "ends with a lone CR": b"id,start,title\n1,2019-01-02,Renault\n2,2019-03-04,Nissan\r",
    "a value over two lines": b'id,start,title\n1,2019-01-02,"Renault\nNissan"\n2,2019-03-04,Mitsubishi\n',
    "a blank line": b"id,start,title\n1,2019-01-02,Renault\n\n2,2019-03-04,Nissan\n",
    "blank lines at the end": b"id,start,title\n1,2019-01-02,Renault\n\n\n",
    "a row too long": b"id,start,title\n1,2019-01-02,Renault,extra\n2,2019-03-04,Nissan\n",
    "a stray quote": b'id,start,title\n1,2019-01-02,5" screen\n2,2019-03-04,Nissan\n3,2019-05-06,"Renault"\n',
    "Excel's sep= line": b"sep=;\nid;start;title\n1;2019-01-02;Renault\n",
    "notes above the header": b"Exported 2024-01-01\nAlliance events\n\nid,start,title\n1,2019-01-02,Renault\n",
    "not UTF-8": b"id,start,title\n1,2019-01-02,Citro\xebn\n",
    "UTF-16": "id,start,title\n1,2019-01-02,Renault\n".encode("utf-16"),
    "UTF-16 without its mark": "id,start,title\n1,2019-01-02,Renault\n".encode("utf-16-le"),
    "tabs": b"id\tstart\ttitle\n1\t2019-01-02\tRenault\n",
    "semicolons": b"id;start;title\n1;02.01.2019;Renault\n",
    "no header": b"2019-01-02,Renault\n2019-03-04,Nissan\n",
    "spaces only": b"   \n  \n",
    "empty cells": b'id,start,end,title\n1,2019-01-02,,""\n2,2019-03-04,2019-04-01,Nissan\n',
}


def _raw(path: Path, streamed_from: int, monkeypatch: pytest.MonkeyPatch) -> tuple[object, ...]:
    monkeypatch.setattr(table_stream, "STREAMED_FROM", streamed_from)
    monkeypatch.setattr(table_stream, "PACKED_FROM", streamed_from)
    try:
        raw = table_read.load_raw(path, {})
    except viewer.LoadError as exc:
        return ("refused", str(exc))
    return (raw.frame.to_dict("list"), list(raw.frame.columns), raw.encoding, raw.delimiter, raw.header,
            [(p.message, p.row, p.field, p.level) for p in raw.problems], raw.rows.tolist())


@pytest.mark.parametrize("name", TEXTS)
def test_the_streamed_read_gives_what_the_general_path_gives(name: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(TEXTS[name])
    general = _raw(path, 1 << 62, monkeypatch)
    streamed = _raw(path, 0, monkeypatch)
    assert streamed == general


def _zstd(data: bytes) -> bytes:
    out = pa.BufferOutputStream()
    with pa.CompressedOutputStream(out, "zstd") as packing:
        packing.write(data)
    return out.getvalue().to_pybytes()


def _members(data: bytes) -> bytes:
    """Two gzip members, as ``cat a.csv.gz b.csv.gz`` makes: both are read."""
    return gzip.compress(data[:len(data) // 2]) + gzip.compress(data[len(data) // 2:])


PACKINGS: dict[str, Callable[[bytes], bytes]] = {
    "events.csv.gz": gzip.compress, "events.csv.bz2": bz2.compress, "events.csv.zst": _zstd, "parts.csv.gz": _members,
    "events.csv": gzip.compress}  # (the last: gzip under a plain table's name, known by its first bytes)


@pytest.mark.parametrize("name", ["plain", "CRLF", "lone CR", "a value over two lines", "not UTF-8", "UTF-16",
                                  "a row too long", "notes above the header"])
@pytest.mark.parametrize("packed", PACKINGS)
def test_a_packed_file_streamed_gives_what_the_general_path_gives(name: str, packed: str, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / packed
    path.write_bytes(PACKINGS[packed](TEXTS[name]))
    assert compressed.compression(path) in table_stream.UNPACKED_BY_ARROW
    general = _raw(path, 1 << 62, monkeypatch)
    streamed = _raw(path, 0, monkeypatch)
    assert streamed == general


@pytest.mark.parametrize("packed", PACKINGS)
def test_a_packed_file_is_unpacked_by_arrow_as_it_is_read_not_whole(packed: str, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """A 29 MB gzip of 2.5 GB of rows was unpacked whole into Python bytes, copied, then read: 45 s and 10.7 GB
    before its refusal (one column past 2 GB), where the same rows unpacked on disk took 11 s and 3.5 GB."""
    path = tmp_path / packed
    rows = [f"E{i},2019-01-{1 + i % 28:02d}T10:00:00Z,Event {i}" for i in range(5000)]
    path.write_bytes(PACKINGS[packed](("id,start,title\n" + "\n".join(rows) + "\n").encode()))
    monkeypatch.setattr(table_stream, "PACKED_FROM", 1024)

    def no_bytes(_path: Path) -> bytes:
        raise AssertionError("the whole file was unpacked into Python")

    monkeypatch.setattr(compressed, "read_bytes", no_bytes)
    dataset = viewer.load(path)
    assert len(dataset.events) == 5000 and "Event 4999" in set(dataset.events["title"])
    assert not [p for p in dataset.problems if p.level != "info"]


def test_a_damaged_packing_is_refused_by_name_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv.gz"
    rows = "".join(f"E{i},2019-01-{1 + i % 28:02d},Event {i}\n" for i in range(5000))
    path.write_bytes(gzip.compress(("id,start,title\n" + rows).encode())[:-3000])  # cut short
    assert _raw(path, 0, monkeypatch) == _raw(path, 1 << 62, monkeypatch)
    assert _raw(path, 0, monkeypatch)[0] == "refused" and str(path) in str(_raw(path, 0, monkeypatch)[1])


def test_a_plain_file_is_read_by_arrow_from_the_file_not_through_its_bytes(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv"
    rows = [f"E{i},2019-01-{1 + i % 28:02d}T10:00:00Z,Event {i}" for i in range(5000)]
    path.write_text("id,start,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1024)

    def no_bytes(_path: Path) -> bytes:
        raise AssertionError("the whole file was read into Python")

    monkeypatch.setattr(compressed, "read_bytes", no_bytes)
    dataset = viewer.load(path)
    assert len(dataset.events) == 5000
    assert dataset.events["title"].iloc[0] == "Event 0"
    assert not [p for p in dataset.problems if p.level != "info"]


def test_a_small_file_or_one_arrow_cannot_unpack_takes_the_general_path(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    text = b"id,start,title\n1,2019-01-02,Renault\n"
    packed = tmp_path / "events.csv.gz"
    packed.write_bytes(gzip.compress(text * 1))
    plain = tmp_path / "events.csv"
    plain.write_bytes(text)
    xz = tmp_path / "events.csv.xz"
    xz.write_bytes(lzma.compress(text))
    assert not table_stream.eligible(packed, {})  # (below PACKED_FROM)
    monkeypatch.setattr(table_stream, "PACKED_FROM", 0)
    assert table_stream.eligible(packed, {}) and not table_stream.eligible(xz, {})
    assert not table_stream.eligible(tmp_path / "events.zip", {})
    assert not table_stream.eligible(plain, {})  # (below STREAMED_FROM)
    assert not table_stream.eligible(plain, {"encoding": "cp1252"})


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=64).map(lambda b: bytes(c for c in b if c in b"ab\r\n\"") or b""),
       st.integers(min_value=1, max_value=9))
def test_lines_are_counted_a_piece_at_a_time_as_in_the_whole_bytes(data: bytes, piece: int) -> None:
    """Lines (and a CR that ends one alone) across the pieces' edges: as :func:`lines.line_count` counts them
    in the bytes the general path makes LF first."""
    path = Path(__import__("tempfile").mkstemp()[1])
    try:
        path.write_bytes(data)
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(table_stream, "PIECE", piece)
            counted = table_stream.line_count(path)
    finally:
        path.unlink()
    if lines.normalise_bytes(data) != data:
        assert counted is None
    else:
        assert counted == lines.line_count(data)


def test_a_long_file_opens_the_same_either_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The dataset, not only the cells: ids, dates, ends and line numbers."""
    generator = np.random.default_rng(7)
    starts = pd.Timestamp("2018-11-19") + pd.to_timedelta(generator.integers(0, 1500, 3000), unit="D")
    ends = [("" if i % 3 else (s + pd.Timedelta(days=5)).strftime("%Y-%m-%d")) for i, s in enumerate(starts)]
    frame = pd.DataFrame({"id": [f"E{i}" for i in range(3000)], "start": starts.strftime("%Y-%m-%dT%H:%M:%SZ"),
                          "end": ends, "title": [f"Event, {i}" for i in range(3000)]})
    path = tmp_path / "events.csv"
    frame.to_csv(path, index=False, lineterminator="\r\n")
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1 << 62)
    general = viewer.load(path)
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 0)
    streamed = viewer.load(path)
    pd.testing.assert_frame_equal(streamed.events, general.events)
    assert [p.message for p in streamed.problems] == [p.message for p in general.problems]


def test_a_long_file_bigger_than_the_free_memory_reads_is_refused_by_name_as_before(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from viewer.io import free_memory
    path = tmp_path / "events.csv"
    path.write_text("id,start,title\n" + "".join(f"{i},2019-03-04,Meeting {i}\n" for i in range(20_000)),
                    encoding="utf-8")
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1024)
    monkeypatch.setenv(free_memory.SETTING, "300000")
    with pytest.raises(viewer.LoadError) as caught:  # (the reader's own check: not every caller goes by load)
        table_read.load_raw(path, {})
    assert str(caught.value).startswith(f"{path}: the file holds "), caught.value
