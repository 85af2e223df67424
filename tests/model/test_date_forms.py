"""Dates in standard forms beyond the common ones: ISO week and ordinal dates, East Asian dates, named periods
(quarters, halves, ISO weeks, centuries) and spans open at their end. Before, each row was skipped as
"expected a date", and an ordinal date ("2019-064") was read as the years 2019 to 64."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import forms, periods, ranges

SINGLE = {  # written -> (date, precision)
    "2019-W10-3": ("2019-03-06", "day"),
    "2019W103": ("2019-03-06", "day"),
    "2020-W53-7": ("2021-01-03", "day"),
    "2019-064": ("2019-03-05", "day"),
    "2020-366": ("2020-12-31", "day"),
    "2019年3月4日": ("2019-03-04", "day"),
    "2019年3月4日(月)": ("2019-03-04", "day"),
    "２０１９年３月４日": ("2019-03-04", "day"),
    "2019年3月": ("2019-03-01", "month"),
    "2019年": ("2019-01-01", "year"),
    "2019년 3월 4일": ("2019-03-04", "day"),
}
PERIODS = {  # written -> (start, end, precision of both)
    "Q1 2019": ("2019-01-01", "2019-03-01", "month"),
    "2019-Q2": ("2019-04-01", "2019-06-01", "month"),
    "Q4/2019": ("2019-10-01", "2019-12-01", "month"),
    "3rd quarter 2019": ("2019-07-01", "2019-09-01", "month"),
    "first quarter of 2020": ("2020-01-01", "2020-03-01", "month"),
    "H2 2019": ("2019-07-01", "2019-12-01", "month"),
    "2019-W10": ("2019-03-04", "2019-03-10", "day"),
    "19th century": ("1801-01-01", "1900-01-01", "year"),
    "XIXe siècle": ("1801-01-01", "1900-01-01", "year"),
    "19. Jahrhundert": ("1801-01-01", "1900-01-01", "year"),
    "the 21st century": ("2001-01-01", "2100-01-01", "year"),
}
OPEN = {"1998–present": "1998-01-01", "since March 2015": "2015-03-01", "2019-03-04/..": "2019-03-04",
        "2001 –": "2001-01-01", "2010 to date": "2010-01-01", "2012 - now": "2012-01-01"}
UNREAD = ["2019-W54-1", "2019-000", "2019年13月", "Q5 2019", "2019-W54", "LX century", "since then", "2019-366"]


def _written(tmp_path: Path, values: list[str]) -> Path:
    path = tmp_path / "forms.csv"
    rows = [f'"{value}",row {i}' for i, value in enumerate(values)]
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_week_ordinal_and_east_asian_dates_read_as_single_dates(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, list(SINGLE)))
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    by_title = ds.events.set_index("title")
    for i, (date, precision) in enumerate(SINGLE.values()):
        row = by_title.loc[f"row {i}"]
        assert (row["start"], str(row["precision"])) == (pd.Timestamp(date, tz="UTC"), precision), i
        assert pd.isna(row["end"]), i


def test_named_periods_open_from_their_first_to_their_last_date(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, list(PERIODS)))
    by_title = ds.events.set_index("title")
    for i, (start, end, precision) in enumerate(PERIODS.values()):
        row = by_title.loc[f"row {i}"]
        assert (row["start"], row["end"]) == (pd.Timestamp(start, tz="UTC"), pd.Timestamp(end, tz="UTC")), i
        assert str(row["precision"]) == str(row["end_precision"]) == precision, i


def test_a_century_before_christ_runs_from_its_hundredth_year_to_its_first() -> None:
    assert periods.bounds("5th century BC") == ("500 BC", "401 BC")
    cut = ranges.cut(pd.Series(["5th century BC"], dtype="string[pyarrow]"), pd.Series([True]))
    assert cut.values.tolist() == ["500 BC"] and cut.ends is not None and cut.ends.tolist() == ["401 BC"]


def test_a_millennium_and_a_span_with_one_era_run_before_christ(tmp_path: Path) -> None:
    """"2500–2400 BC" started in 2500 AD, its end dropped as before its start; "1st millennium BC" was
    unread."""
    assert periods.bounds("1st millennium BC") == ("1000 BC", "1 BC")
    assert periods.bounds("2nd millennium") == ("1001", "2000") and periods.bounds("11th millennium") is None
    ds = viewer.load(_written(tmp_path, ["2500–2400 BC", "1st millennium BC", "c. 2600–2500 BC", "300 BC–AD 200"]))
    years = [(row.start.year, row.end.year) for row in ds.events.sort_values("row").itertuples()]
    assert years == [(-2499, -2399), (-999, 0), (-2599, -2499), (-299, 200)]
    assert not [p for p in ds.problems if p.level in ("error", "warning") and "approximate" not in p.message]


def test_spans_open_at_their_end_keep_their_start_and_are_said_once(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, [*OPEN, "2001–2003"]))
    by_title = ds.events.set_index("title")
    for i, start in enumerate(OPEN.values()):
        assert by_title.loc[f"row {i}", "start"] == pd.Timestamp(start, tz="UTC"), i
        assert pd.isna(by_title.loc[f"row {i}", "end"]), i
    assert by_title.loc[f"row {len(OPEN)}", "end"].year == 2003
    said = [p for p in ds.problems if "open at their end" in p.message]
    assert len(said) == 1 and said[0].message.startswith(f"{len(OPEN)} spans") and said[0].level == "info"
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_an_end_column_that_says_present_leaves_the_end_open_without_a_warning_per_row(tmp_path: Path) -> None:
    path = tmp_path / "ends.csv"
    path.write_text("start,end,title\n1998,present,a\n2001,2005,b\n2003,Ongoing,c\n2004,soon,d\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["end"].notna().sum() == 1 and ds.event_count == 4
    assert [p.message for p in ds.problems if p.level == "warning"] == ["expected a date (end ignored), got 'soon'"]
    assert any(p.message.startswith("2 ends written as open") for p in ds.problems)


@pytest.mark.parametrize("written", UNREAD)
def test_what_is_no_such_date_is_said_by_its_row_and_not_guessed(tmp_path: Path, written: str) -> None:
    ds = viewer.load(_written(tmp_path, [written, "2019-03-04"]))
    assert ds.event_count == 1
    assert any(p.row == 2 and written in p.message and "expected a date" in p.message for p in ds.problems)


def test_an_ordinal_date_is_no_longer_a_span_of_years(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["2019-064", "2019-2020"]))
    by_title = ds.events.set_index("title")
    assert by_title.loc["row 0", "start"] == pd.Timestamp("2019-03-05", tz="UTC")
    assert pd.isna(by_title.loc["row 0", "end"]) and by_title.loc["row 1", "end"].year == 2020


def test_a_column_of_quarters_is_found_as_the_date_column_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "quarters.csv"
    path.write_text("region,period,revenue\nnorth,Q1 2019,10\nsouth,Q2 2019,12\nwest,2019-Q3,9\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 3 and ds.events["end"].notna().all()
    assert sorted(ds.events["start"].dt.month) == [1, 4, 7]


def test_forms_read_each_distinct_value_once_and_leave_others_unread() -> None:
    values = pd.Series(["2019-W10-3", "2019-W10-3", None, "2019-03-04", "Q1 2019"], dtype="object")
    micros, precisions, buddhist = forms.read_column(values)
    assert precisions.tolist() == ["day", "day", None, None, None] and buddhist == 0
    assert micros[0] == pd.Timestamp("2019-03-06").value // 1000
