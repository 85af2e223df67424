"""A table that writes its dates as year, month and day columns (statistical tables; the Global Terrorism
Database's iyear, imonth, iday with 0 for an unknown part): every event fell on 1 January of its year,
silently; now the date is made from the three, as precise as its parts."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pyarrow as pa
from pyarrow import parquet as pq

import viewer


def _starts(ds: viewer.Dataset) -> list[tuple[str, str]]:
    events = ds.events.sort_values("row")
    return [(str(t.date()), str(p)) for t, p in zip(events["start"], events["precision"], strict=True)]


def test_year_month_and_day_columns_make_the_date(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("Year,Month,Day,title\n2019,3,4,a\n2020,12,31,b\n2021,1,,c\n2022,0,0,d\n2019,2,30,e\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == [("2019-03-04", "day"), ("2020-12-31", "day"), ("2021-01-01", "month"),
                           ("2022-01-01", "year")]
    assert [(p.row, p.message) for p in ds.problems if p.level == "error"] == [
        (6, "expected a date, got '2019-02-30'; row skipped")]
    assert any(p.message == "dates made from the columns Year, Month and Day" for p in ds.problems)


def test_the_global_terrorism_databases_columns_as_parquet_numbers(tmp_path: Path) -> None:
    path = tmp_path / "gtd.parquet"
    pq.write_table(pa.table({"eventid": ["197000000001", "197000000002", "197001000001"],
                             "iyear": [1970, 1970, 1970], "imonth": [7, 0, 1], "iday": [2.0, 0.0, None],
                             "country_txt": ["Dominican Republic", "Mexico", "Philippines"]}), path)
    ds = viewer.load(path)
    assert _starts(ds) == [("1970-07-02", "day"), ("1970-01-01", "year"), ("1970-01-01", "month")]
    assert ds.events.sort_values("row")["id"].tolist() == ["197000000001", "197000000002", "197001000001"]


def test_a_year_column_alone_or_a_start_named_otherwise_is_left_as_it_is(tmp_path: Path) -> None:
    alone = tmp_path / "years.csv"
    alone.write_text("year,title\n2019,a\n2020,b\n", encoding="utf-8")
    assert _starts(viewer.load(alone)) == [("2019-01-01", "year"), ("2020-01-01", "year")]
    other = tmp_path / "dated.csv"
    pd.DataFrame({"date": ["2019-05-06", "2020-07-08"], "month": [1, 2], "day": [3, 4], "title": ["a", "b"]}).to_csv(
        other, index=False)
    assert _starts(viewer.load(other)) == [("2019-05-06", "day"), ("2020-07-08", "day")]
