"""A table of short rows takes more memory than six times its text: each row costs its cells' offsets and the model's
columns whatever its length (157 MB of 20-byte rows peaked at 1.6 GB, ten bytes a byte). The check counted bytes
alone and let such a table through to the system's out-of-memory killer; it now counts the rows too, as many as the
table's first megabyte holds for its size, and while a packed table is unpacked."""

from __future__ import annotations

import gzip
from pathlib import Path

import pyarrow as pa
import pytest

import viewer
from viewer.io import free_memory, table_stream
from viewer.model.problems import LoadError
from viewer.source import csv_parquet

ROWS = 600_000


def _table(path: Path, title: str) -> Path:
    lines = "".join(f"2020-01-{1 + i % 28:02d},{title}{i % 10}\n" for i in range(ROWS))
    path.write_text("date,title\n" + lines, encoding="utf-8")
    return path


@pytest.fixture
def streamed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1 << 20)
    monkeypatch.setattr(table_stream, "PACKED_FROM", 1 << 10)


def test_short_rows_are_counted_in_what_a_table_needs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     streamed: None) -> None:
    path = _table(tmp_path / "short.csv", "t")  # 8.4 MB, 14 bytes a row: 50 MB by its bytes, 118 MB by its rows
    size = path.stat().st_size
    monkeypatch.setenv(free_memory.SETTING, str(size * 8))
    with pytest.raises(LoadError, match=r"short.csv: the file holds [\d.]+ MB, which takes about 1\d\d MB of memory"):
        viewer.load(path)
    assert csv_parquet.needs_out_of_core(path)  # and the window offers to convert it, as for any table too big


def test_long_rows_are_read_as_before(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, streamed: None) -> None:
    path = _table(tmp_path / "long.csv", "A meeting of the board about the plant in Douai, number ")
    monkeypatch.setenv(free_memory.SETTING, str(path.stat().st_size * 7))
    assert len(viewer.load(path).events) == ROWS and not csv_parquet.needs_out_of_core(path)


def test_a_packed_table_of_short_rows_stops_as_it_is_unpacked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              streamed: None) -> None:
    plain = _table(tmp_path / "short.csv", "t")
    packed = tmp_path / "short.csv.zst"
    with pa.output_stream(str(packed), compression="zstd") as out:  # (keeps no size at its end: checked unpacking)
        out.write(plain.read_bytes())
    monkeypatch.setenv(free_memory.SETTING, str(plain.stat().st_size * 8))
    with pytest.raises(LoadError, match=r"short.csv.zst: the file unpacks to more than"):
        viewer.load(packed)
    gz = tmp_path / "short.csv.gz"
    gz.write_bytes(gzip.compress(plain.read_bytes()))
    with pytest.raises(LoadError, match=r"short.csv.gz: the file unpacks to [\d.]+ MB, which takes about 1\d\d MB"):
        viewer.load(gz)
