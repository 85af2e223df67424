"""A file whose text needs more memory than is free is refused by name before it is read (the system would kill
the app, not raise); an archive is unpacked only up to that limit, so a small file of gigabytes of zeros stops
there. A preview of a big table reads its first megabyte, not the whole file."""

from __future__ import annotations

import bz2
import gzip
import io
import json
import lzma
import zipfile
from collections.abc import Callable
from pathlib import Path

import pyarrow as pa
import pytest

import viewer
from viewer.io import compressed, free_memory, table, table_stream
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"
ROW = "2019-03-{day:02d},Meeting number {i} in Paris,Renault;Nissan\n"


def _table(path: Path, rows: int) -> Path:
    path.write_text("date,title,actors\n" + "".join(ROW.format(day=1 + i % 28, i=i) for i in range(rows)),
                    encoding="utf-8")
    return path


@pytest.fixture
def free(monkeypatch: pytest.MonkeyPatch):
    """Set the memory taken as free, in bytes."""
    return lambda size: monkeypatch.setenv(free_memory.SETTING, str(size))


def test_a_table_bigger_than_the_free_memory_reads_is_refused_by_name(tmp_path: Path, free) -> None:
    path = _table(tmp_path / "events.csv", 20_000)  # ~900 KB
    free(600_000)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    assert said.startswith(f"{path}: the file holds 1.1 MB, which takes about 6.7 MB of memory to open, and "
                           "600 KB is free."), said
    assert "Parquet" in said and "Big data" in said
    free(60_000_000)
    assert viewer.load(path).event_count == 20_000  # with room, the same file opens


@pytest.mark.parametrize("setting", ["0", "off", "-5", "inf", "1e999"])
def test_the_check_is_turned_off_by_a_setting_of_zero_or_nonsense(tmp_path: Path, free, setting: str) -> None:
    free(setting)
    assert free_memory.free_bytes() is None
    assert viewer.load(_table(tmp_path / "events.csv", 100)).event_count == 100


def test_without_a_setting_the_free_memory_is_the_systems(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(free_memory.SETTING, raising=False)
    free = free_memory.free_bytes()
    assert free is not None and free > 10_000_000


def _bomb(kind: str, path: Path, size: int) -> Path:
    """``size`` bytes of one repeated row, packed small."""
    data = b"date,title\n" + b"2020-01-01,a\n" * (size // 13)
    packers: dict[str, Callable[[bytes], bytes]] = {"gzip": gzip.compress, "bz2": bz2.compress,
                                                     "xz": lzma.compress}
    if kind in packers:
        path.write_bytes(packers[kind](data))
    elif kind == "zstd":
        with pa.output_stream(str(path), compression="zstd") as out:
            out.write(data)
    else:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr("events.csv", data)
    return path


@pytest.mark.parametrize(("kind", "name"), [("gzip", "events.csv.gz"), ("bz2", "events.csv.bz2"),
                                            ("xz", "events.csv.xz"), ("zstd", "events.csv.zst"),
                                            ("zip", "events.zip")])
def test_an_archive_is_unpacked_only_up_to_what_the_memory_can_read(tmp_path: Path, free, kind: str,
                                                                    name: str, monkeypatch: pytest.MonkeyPatch
                                                                    ) -> None:
    path = _bomb(kind, tmp_path / name, 8_000_000)
    assert path.stat().st_size < 400_000  # (8 MB packed small)
    free(6_000_000)  # 1 MB of text can be read
    unpacked: list[int] = []
    reading = compressed._read_within

    def counted(at: Path, stream: io.BufferedIOBase) -> bytes:
        class Counting:
            def read(self, size: int) -> bytes:
                chunk = stream.read(size)
                unpacked.append(len(chunk))
                return chunk
        return reading(at, Counting())  # type: ignore[arg-type]

    monkeypatch.setattr(compressed, "CHUNK", 1 << 16)
    monkeypatch.setattr(compressed, "_read_within", counted)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    if kind in ("zip", "gzip"):  # its directory, or gzip's last bytes, say how much it holds: refused at once
        assert said.startswith(f"{path}: the file unpacks to 8.0 MB, which takes about 48 MB"), said
        assert not unpacked
    else:
        assert said.startswith(f"{path}: the file unpacks to more than 1.0 MB, which takes about 6.0 MB"), said
        assert sum(unpacked) <= 1_000_000 + (1 << 16)  # stopped at the limit, not at the end
    free(100_000_000)
    assert viewer.load(path).event_count == 8_000_000 // 13


def test_a_gzip_file_whose_size_wraps_past_4_gb_is_stopped_while_unpacking(tmp_path: Path, free,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """gzip keeps the size modulo 4 GB: a bomb of 4 GB and a few bytes says it holds a few bytes."""
    monkeypatch.setattr(compressed, "CHUNK", 1 << 16)
    path = _bomb("gzip", tmp_path / "events.csv.gz", 4_000_000)
    data = bytearray(path.read_bytes())
    data[-4:] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    free(6_000_000)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value).startswith(f"{path}: the file unpacks to more than 1.0 MB"), caught.value


@pytest.mark.parametrize(("kind", "name"), [("gzip", "events.csv.gz"), ("bz2", "events.csv.bz2"),
                                            ("zstd", "events.csv.zst")])
def test_a_long_packed_table_unpacked_by_arrow_stops_at_the_limit_too(tmp_path: Path, free, kind: str, name: str,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A packed table long enough to be unpacked by Arrow as it is read (:mod:`viewer.io.table_stream`): its lines
    are counted before it is read, and the count stops where the general path's unpacking stops."""
    monkeypatch.setattr(table_stream, "PACKED_FROM", 0)
    monkeypatch.setattr(table_stream, "PIECE", 1 << 16)
    path = _bomb(kind, tmp_path / name, 8_000_000)
    if kind == "gzip":  # (its last bytes understate it, as a bomb of 4 GB and a few bytes says it holds a few)
        data = bytearray(path.read_bytes())
        data[-4:] = (100).to_bytes(4, "little")
        path.write_bytes(bytes(data))
    free(6_000_000)
    assert table_stream.eligible(path, {})
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    # (sooner than the general path, at 1.0 MB: its 13-byte rows are counted too, 459 KB of them need the 6 MB free)
    assert str(caught.value).startswith(f"{path}: the file unpacks to more than 459 KB"), caught.value
    if kind != "gzip":  # (the gzip's last bytes, changed, damage it: with room, it is refused as damaged)
        free(130_000_000)  # (8 MB of 13-byte rows: 118 MB)
        assert viewer.load(path).event_count == 8_000_000 // 13


def test_a_zip_whose_directory_understates_its_member_still_stops_at_the_limit(tmp_path: Path, free) -> None:
    path = _bomb("zip", tmp_path / "events.zip", 4_000_000)
    data = bytearray(path.read_bytes())
    for at in (i for i in range(len(data) - 4) if bytes(data[i:i + 4]) in (b"PK\x03\x04", b"PK\x01\x02")):
        field = at + (22 if data[at + 2] == 3 else 24)  # the uncompressed size, in the local and central headers
        data[field:field + 4] = (1_000).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    free(6_000_000)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value).startswith(f"{path}: "), caught.value  # refused by name, whatever zipfile says


def test_a_json_document_is_held_to_what_parsing_it_whole_takes(tmp_path: Path, free) -> None:
    """A JSON document is parsed whole (its keys say its format): about ten times its size; a fixed 64 MB limit
    refused a 129 MB export that opens in 1.2 GB."""
    path = tmp_path / "events.json"
    path.write_text(json.dumps([{"date": f"2019-03-{1 + i % 28:02d}", "title": f"Meeting {i}"}
                                for i in range(20_000)]), encoding="utf-8")
    size = path.stat().st_size
    free(size * 8)  # room for a table of its size, not for the document
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value).startswith(f"{path}: the file holds {free_memory.size_text(size)}, which takes "
                                        f"about {free_memory.size_text(size * 10)} of memory"), caught.value
    free(size * 12)
    assert viewer.load(path).event_count == 20_000


def test_a_mailbox_and_parquet_are_not_held_to_the_text_limit(tmp_path: Path, free) -> None:
    """A mailbox is read a message at a time, Parquet by its columns: neither is six times its size."""
    free(6)
    assert viewer.load(FIXTURES / "inbox.mbox").event_count > 0
    parquet = tmp_path / "events.parquet"
    viewer.load(FIXTURES / "inbox.mbox").events[["id", "start", "title"]].to_parquet(parquet)
    assert viewer.load(parquet).event_count > 0


def test_a_native_folder_s_events_table_is_held_to_it(tmp_path: Path, free) -> None:
    folder = tmp_path / "dataset"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\n" + "".join(f"e{i},2019-03-01,Meeting {i}\n"
                                                                     for i in range(5_000)), encoding="utf-8")
    free(60_000)
    with pytest.raises(LoadError, match=r"events\.csv: the file holds 1\d\d KB"):
        viewer.load(folder)


def test_a_column_arrow_cannot_hold_in_one_piece_is_said_by_name(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A cell of gigabytes (a file that is one line of zeros) overflows Arrow's 2 GB text column."""
    path = _table(tmp_path / "events.csv", 3)

    def overflow(*_a: object, **_k: object) -> viewer.Dataset:
        raise pa.ArrowInvalid("Failed casting from large_string to string: input array too large")

    monkeypatch.setattr(table, "read", overflow)
    import viewer.io as io_  # (the dispatch holds the reader it was given)
    monkeypatch.setattr(io_, "_TABLE", [io_.Candidate(overflow)])
    monkeypatch.setitem(io_.READERS, ".csv", [io_.Candidate(overflow)])
    with pytest.raises(LoadError, match=r"events\.csv: a column holds more than 2 GB of text"):
        viewer.load(path)


def test_a_preview_reads_the_first_megabyte_cut_after_a_whole_record(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv"
    note = '"a note\nover two lines, with a comma"'
    path.write_text("date,title,note\n" + "".join(f"2019-03-01,Meeting {i},{note}\n" for i in range(60_000)),
                    encoding="utf-8")
    assert path.stat().st_size > 3 * compressed.PREVIEW_BYTES
    monkeypatch.setattr(compressed, "read_bytes", lambda p: pytest.fail("the whole file was read for a preview"))
    head = compressed.read_records_head(path)
    assert len(head) <= compressed.PREVIEW_BYTES and head.endswith(b'comma"\n') and head.count(b'"') % 2 == 0
    preview = table.preview(path)
    assert preview.mapping.start == "date" and len(preview.rows) == 20
    assert preview.rows["note"].iloc[0] == "a note\nover two lines, with a comma"


@pytest.mark.parametrize("text", ["date,title\n2019-03-01,short\n", "date,title\r2019-03-01,old Mac lines\r" * 9])
def test_a_short_file_or_one_without_line_breaks_is_previewed_whole(tmp_path: Path, text: str) -> None:
    path = tmp_path / "events.csv"
    path.write_text(text, encoding="utf-8")
    assert compressed.read_records_head(path, size=40 if "\r" in text else 1 << 20) == path.read_bytes()


@pytest.mark.parametrize("size", [1.0, 999, 1_000, 12_345, 1_500_000, 23_400_000_000])
def test_sizes_are_said_as_a_person_reads_them(size: float) -> None:
    expected = {1.0: "1 byte", 999: "999 bytes", 1_000: "1.0 KB", 12_345: "12 KB", 1_500_000: "1.5 MB",
                23_400_000_000: "23 GB"}
    assert free_memory.size_text(size) == expected[size]


def test_a_utf_16_table_is_previewed_from_its_head_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Excel's "Unicode text" is UTF-16: its line breaks are two bytes, so its head is cut as text."""
    path = tmp_path / "events.txt"
    path.write_text("date\ttitle\n" + "".join(f"2019-03-01\tRéunion {i}\n" for i in range(60_000)),
                    encoding="utf-16")
    assert path.stat().st_size > 2 * compressed.PREVIEW_BYTES
    monkeypatch.setattr(compressed, "read_bytes", lambda p: pytest.fail("the whole file was read for a preview"))
    head = compressed.read_records_head(path)
    assert head.startswith(b"\xff\xfe") and head.decode("utf-16").endswith("\n")
    preview = table.preview(path)
    assert preview.mapping.start == "date" and preview.rows["title"].iloc[0] == "Réunion 0"


def test_a_parquet_table_is_previewed_from_its_first_rows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pandas as pd
    import pyarrow.parquet as pq

    path = tmp_path / "events.parquet"
    pd.DataFrame({"when": ["2019-03-01"] * 50_000, "headline": [f"Meeting {i}" for i in range(50_000)],
                  "who": [["Renault", "Nissan"]] * 50_000}).to_parquet(path, row_group_size=10_000)
    monkeypatch.setattr(pq, "read_table", lambda *a, **k: pytest.fail("the whole file was read for a preview"))
    preview = table.preview(path)
    assert len(preview.rows) == 20 and preview.mapping.start == "when"
    assert list(preview.rows["who"].iloc[:2]) == ["Renault;Nissan"] * 2  # lists joined, as the loader joins them
