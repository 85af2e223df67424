"""ORC files as Hive, Spark and Trino write a table's data: read as the same table written as Parquet is (they were
"a binary file, not .orc data"); under no suffix by what they hold; a time Arrow's ORC reader cannot hold leaves
its column out, said, and the rest is read; a damaged one is refused by name."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import orc

import viewer
from viewer.io import orc_files, table
from viewer.model.problems import LoadError


def _deals() -> pa.Table:
    return pa.table({
        "date": pa.array([date(2019, 3, 4), date(2020, 1, 2), None, date(1850, 6, 1)], pa.date32()),
        "signed": pa.array([datetime(2019, 3, 4, 10, 30), None, datetime(2021, 5, 6), datetime(1999, 1, 1)],
                           pa.timestamp("us", tz="UTC")),
        "title": ["Alliance signed", "Stake raised", "No date", "Old deal"],
        "parties": pa.array([["Renault", "Nissan"], ["Nissan"], [], None], pa.list_(pa.string())),
        "share": pa.array([43.4, 15.0, None, 1.5]),
        "year": pa.array([2019, 2020, 2021, 1850], pa.int32()),
    })


def test_an_orc_file_reads_as_the_same_table_in_parquet(tmp_path: Path) -> None:
    orc.write_table(_deals(), str(tmp_path / "deals.orc"))
    pq.write_table(_deals(), tmp_path / "deals.parquet")
    as_orc, as_parquet = viewer.load(tmp_path / "deals.orc"), viewer.load(tmp_path / "deals.parquet")
    assert as_orc.events["title"].tolist() == ["Old deal", "Alliance signed", "Stake raised"]
    pd.testing.assert_frame_equal(as_orc.events, as_parquet.events)
    said = [p.message for p in as_orc.problems]
    assert said == [p.message for p in as_parquet.problems] and any("row 3" in m for m in said), said


@pytest.mark.parametrize("name", ["000000_0", "part-00000-5c1d.c000"])
def test_a_part_file_without_the_suffix_is_read_by_what_it_holds(tmp_path: Path, name: str) -> None:
    """Hive names its files 000000_0, Spark part-00000-….c000.snappy.orc or without a suffix."""
    orc.write_table(_deals(), str(tmp_path / name), compression="snappy")
    assert orc_files.is_orc(tmp_path / name)
    assert len(viewer.load(tmp_path / name).events) == 3


def test_a_csv_whose_first_column_is_orcid_is_read_as_a_csv(tmp_path: Path) -> None:
    path = tmp_path / "authors"
    path.write_text("ORCID,date,title\n0000-0002-1825-0097,2019-03-04,Paper\n", encoding="utf-8")
    assert not orc_files.is_orc(path)
    assert viewer.load(path).events["title"].tolist() == ["Paper"]


def test_a_column_of_times_past_what_arrow_holds_is_left_out_and_said(tmp_path: Path) -> None:
    """Arrow's ORC reader refuses a whole file for one time before 1677 (nanoseconds): the rest is read."""
    path = tmp_path / "leases.orc"
    orc.write_table(pa.table({
        "start": pa.array([date(1500, 5, 1), date(2019, 3, 4)], pa.date32()),
        "expires": pa.array([datetime(9999, 12, 31), datetime(2030, 1, 1)], pa.timestamp("us")),
        "title": ["Lease of the mill", "Lease of the shop"]}), str(path))
    ds = viewer.load(path)
    assert [int(y) for y in ds.events["start"].dt.year] == [1500, 2019]
    assert ds.events["title"].tolist() == ["Lease of the mill", "Lease of the shop"]
    assert [(p.field, p.level) for p in ds.problems if "ORC reader" in p.message] == [("expires", "warning")]
    assert "before 1677 or after 2262" in str(ds.problems[0]) and str(path) in str(ds.problems[0])
    with pytest.raises(LoadError, match=r"leases\.orc: no column named 'expires'"):
        viewer.load(path, start="expires")


def test_a_preview_reads_the_first_rows(tmp_path: Path) -> None:
    path = tmp_path / "deals.orc"
    orc.write_table(_deals(), str(path))
    preview = table.preview(path, rows=2)
    assert preview.rows["title"].tolist() == ["Alliance signed", "Stake raised"] and preview.mapping.start == "date"


@pytest.mark.parametrize("cut", [0.3, 0.7, 0.95])
def test_a_damaged_orc_file_is_refused_by_name(tmp_path: Path, cut: float) -> None:
    whole = tmp_path / "whole.orc"
    orc.write_table(_deals(), str(whole))
    data = whole.read_bytes()
    path = tmp_path / "cut.orc"
    path.write_bytes(data[:int(len(data) * cut)])
    with pytest.raises(LoadError, match=rf"{path}: not a readable ORC file .*expected an ORC file as Hive"):
        viewer.load(path)


def test_a_refusal_for_want_of_dates_names_the_date_column_left_out(tmp_path: Path) -> None:
    """Its only date column left out, the file was refused as having "no date column among title", not saying why."""
    path = tmp_path / "births.orc"
    orc.write_table(pa.table({"born": pa.array([datetime(1500, 5, 1), datetime(1990, 1, 1)], pa.timestamp("us")),
                              "title": ["Old", "New"]}), str(path))
    with pytest.raises(LoadError, match=r"births\.orc: no date column among title;.*the column 'born' holds a time "
                                        r"before 1677 or after 2262"):
        viewer.load(path)
