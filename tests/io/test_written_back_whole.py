"""A dataset written and read back is the dataset: values to their last digit (``%g`` kept six: a deal of
1,234,567.891 came back as 1,234,570), a text that reads "nan" (a person called Nan lost her id, and her tie), the
exports' times on the dataset's own clock, and the files a user keeps in a dataset folder written over itself."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import viewer
from viewer.cli import main as cli
from viewer.io import native_write, table_export
from viewer.model.table_build import EVENT_COLUMNS, RELATION_COLUMNS


def test_values_and_nan_texts_are_written_back_as_they_were(write_dataset: Callable[..., Path],
                                                            tmp_path: Path) -> None:
    folder = write_dataset("id,start,title,actors,category\nE1,2020-01-01,nan,nan;bob,nan\n"
                           "nan,2020-02-01,Second,bob,x\n",
                           "id,name,kind,note\nnan,Nan Goldin,person,nan\nbob,Bob,person,\n",
                           "id,source,target,kind,value,valid_from\nR1,nan,bob,price_eur,1234567.891,2020\n"
                           "R2,bob,nan,equity_stake,33.3333333333,2020\nR3,nan,bob,weight,1250001,2020\n")
    before = viewer.load(folder)
    native_write.write(before, tmp_path / "again")
    after = viewer.load(tmp_path / "again")
    assert after.relations["value"].tolist() == [1234567.891, 33.3333333333, 1250001.0]
    assert sorted(after.entities["id"]) == ["bob", "nan"] and len(after.relations) == 3
    assert after.events["id"].tolist() == ["E1", "nan"] and after.events["title"].tolist() == ["nan", "Second"]
    assert after.events["category"].astype(str).tolist() == ["nan", "x"]
    assert not [p for p in after.problems if p.level != "info"]
    exported = table_export.table_text(before.relations, list(RELATION_COLUMNS), "csv")
    assert "1234567.891" in exported and "33.3333333333" in exported and "1250001" in exported


def test_an_export_of_ticks_writes_the_ticks(tmp_path: Path) -> None:
    ticks = tmp_path / "ticks.csv"
    ticks.write_text("tick,title\n0.5,Start\n42,Middle\n", encoding="utf-8")
    ds = viewer.load(ticks)
    assert ds.meta.clock == "number"
    written = table_export.table_text(ds.events, list(EVENT_COLUMNS), "csv", ds.meta.clock)
    assert [line.split(",")[1] for line in written.splitlines()[1:]] == ["0.5", "42"]  # (was 1970-01-01T00:00:42Z)


def test_a_dataset_converted_over_itself_keeps_the_users_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "ds"
    native_write.write(viewer.load(), folder)
    (folder / "NOTES.md").write_text("my notes", encoding="utf-8")
    (folder / "sources").mkdir()
    (folder / "sources" / "report.pdf").write_bytes(b"%PDF")
    (folder / "events.parquet").write_bytes(b"old table")  # (a table of the dataset: replaced, not kept)
    assert cli(["convert", str(folder), str(folder), "--force"]) == 0
    assert (folder / "NOTES.md").read_text(encoding="utf-8") == "my notes"
    assert (folder / "sources" / "report.pdf").read_bytes() == b"%PDF"
    assert not (folder / "events.parquet").exists()
    assert viewer.load(folder).event_count == viewer.load().event_count


def test_whole_numbers_past_a_floats_digits_come_back_whole(tmp_path: Path) -> None:
    """A Parquet int64 attribute (an account number) was written 9.00719925474099e+15 and read back rounded."""
    import pandas as pd
    pd.DataFrame({"start": ["2020-01-01", "2020-01-02"], "title": ["a", "b"],
                  "account": pd.array([9007199254740993, 1234567890123456789], dtype="int64"),
                  "count": pd.array([3, 4], dtype="int64")}).to_parquet(tmp_path / "events.parquet")
    before = viewer.load(tmp_path / "events.parquet")
    assert cli(["convert", str(tmp_path / "events.parquet"), str(tmp_path / "out")]) == 0
    after = viewer.load(tmp_path / "out")
    assert after.events["attr:account"].tolist() == ["9007199254740993", "1234567890123456789"]
    assert after.events["attr:count"].tolist() == before.events["attr:count"].tolist() == [3, 4]
