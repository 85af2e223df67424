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


def _iso(ds: viewer.Dataset) -> list[str]:
    from viewer.model.dates import iso_date
    events = ds.events.sort_values("row")
    return [iso_date(t, p) for t, p in zip(events["start"], events["precision"], strict=True)]


def test_a_date_column_of_days_without_years_is_completed_by_the_year_column(tmp_path: Path) -> None:
    """Wikipedia's timelines write "Year | Date | Event" ("753 BC | 21 April | …"): the dates named no year,
    every row was skipped and nothing opened. A row with a year and no day is its year."""
    path = tmp_path / "rome.csv"
    path.write_text("Year,Date,Event\n753 BC,21 April,Romulus founds Rome\n509 BC,,The Republic\n"
                    "44 BC,15 March,Caesar\nAD 79,24 August,Vesuvius\n476,4 September,Odoacer\n"
                    "1066,October 14th,Hastings\n1492,Oct.,Columbus\n", encoding="utf-8")
    ds = viewer.load(path)
    assert _iso(ds) == ["-0752-04-21", "-0508", "-0043-03-15", "0079-08-24", "0476-09-04", "1066-10-14", "1492-10"]
    assert not [p for p in ds.problems if p.level == "error"]
    assert any(p.message == "dates made from the columns Date and Year (the dates name no year)" for p in ds.problems)
    assert ds.events.sort_values("row")["attr:Year"].tolist()[:2] == ["753 BC", "509 BC"]  # kept as written


def test_a_workbooks_years_complete_the_days_and_a_day_without_its_year_is_said(tmp_path: Path) -> None:
    path = tmp_path / "rome.parquet"
    pq.write_table(pa.table({"Year": [753.0, 509.0, None], "Date": ["21 April", None, "15 March"],
                             "Event": ["Rome", "Republic", "Ides"]}), path)
    ds = viewer.load(path)
    assert _iso(ds) == ["0753-04-21", "0509"]  # (years without an era: after Christ)
    assert [(p.row, p.message) for p in ds.problems if p.level == "error"] == [
        (3, "expected a date, got '15 March'; row skipped")]  # (a Parquet file's third row)


def test_a_date_column_naming_its_years_or_no_month_is_not_completed(tmp_path: Path) -> None:
    full = tmp_path / "full.csv"
    full.write_text("Year,Date,Event\n2019,4 March 2019,a\n2020,5 May 2020,b\n", encoding="utf-8")
    assert _iso(viewer.load(full)) == ["2019-03-04", "2020-05-05"]
    words = tmp_path / "words.csv"
    words.write_text("Year,Date,Event\n2019,unknown,a\n2020,2020-05-05,b\n", encoding="utf-8")
    ds = viewer.load(words)
    assert _iso(ds) == ["2020-05-05"] and not any("name no year" in p.message for p in ds.problems)


def test_a_month_column_of_names_makes_the_month(tmp_path: Path) -> None:
    """Before, "March" beside 2019 was read as the year 2019 alone, silently."""
    path = tmp_path / "table.csv"
    path.write_text("Year,Month,title\n2019,March,a\n2019,Sept.,b\n2020,März,c\n2021,Smarch,d\n2022,0,e\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == [("2019-03-01", "month"), ("2019-09-01", "month"), ("2020-03-01", "month"),
                           ("2021-01-01", "year"), ("2022-01-01", "year")]
    said = [p for p in ds.problems if p.level == "warning"]
    assert len(said) == 1 and said[0].field == "Month" and "1 month not read" in said[0].message
    assert "'Smarch'" in said[0].message  # an unknown month, 0, is no mistake


def test_a_year_and_a_quarter_column_make_the_quarter(tmp_path: Path) -> None:
    """Before, the quarter was left as an attribute and every event fell on 1 January."""
    path = tmp_path / "table.csv"
    path.write_text("year,quarter,value\n2019,Q1,a\n2019,3,b\n2020,,c\n", encoding="utf-8")
    events = viewer.load(path).events.sort_values("row")
    assert [(str(s.date()), None if pd.isna(e) else str(e.date())) for s, e in zip(events["start"], events["end"],
                                                                                  strict=True)] == [
        ("2019-01-01", "2019-03-01"), ("2019-07-01", "2019-09-01"), ("2020-01-01", None)]
