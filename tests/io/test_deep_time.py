"""Deep time: files whose years the calendar cannot place open on the years clock, with the right values."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from viewer.io import native, native_write, table, timeline_xml, timelinejs
from viewer.model import clock
from viewer.model.clock import CALENDAR, YEARS
from viewer.model.dataset import Dataset

FIXTURES = Path(__file__).parent / "fixtures"
TABLES = Path(__file__).parent / "fixtures_tables"


def _years(ds: Dataset, column: str = "start") -> list[float]:
    return [round(clock.number(t), 3) if pd.notna(t) else float("nan") for t in ds.events[column]]


def _labels(ds: Dataset) -> dict[str, str]:
    return {str(r["title"]): ds.format_time(r["start"], str(r["precision"])) for _, r in ds.events.iterrows()}


def test_a_csv_year_column_from_the_big_bang_to_now_keeps_every_row_as_years() -> None:
    ds = table.read(TABLES / "deep_time.csv")
    assert ds.meta.clock == YEARS
    assert list(ds.events["title"]) == ["Big Bang", "Athens", "Now"]
    assert _years(ds) == [-13_800_000_000.0, -500.0, 2019.0]
    assert _labels(ds) == {"Big Bang": "13.8 billion years ago", "Athens": "-500", "Now": "2019"}
    assert not [p for p in ds.problems if p.level == "error"]
    assert any("-13800000000" in p.message and p.level == "info" for p in ds.problems)


def test_a_timelinejs_file_mixing_deep_time_bc_and_ordinary_dates_loads_every_event() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_deep.json")
    assert ds.meta.clock == YEARS and len(ds.events) == 8
    labels = _labels(ds)
    assert labels["Big Bang"] == "13.8 billion years ago"
    assert labels["Earth forms"] == "4.54 billion years ago"
    assert labels["Chicxulub"] == "66 million years ago"
    assert labels["Ostracism of Themistocles"] == "15 Mar -473"
    assert labels["Moon landing"] == "20 Jul 1969"
    assert labels["Now"] == "2019"
    assert labels["Sun becomes a red giant"] == "year 5 billion"
    bronze = ds.events[ds.events["title"] == "Early Bronze Age"].iloc[0]
    assert clock.number(bronze["end"]) == -2499.0  # the end year -2500 covers its whole year
    assert not [p for p in ds.problems if p.level in ("error", "warning")]


def test_a_geology_table_in_ma_and_ga_reads_ages_as_years_before_zero() -> None:
    ds = table.read(TABLES / "geology_ma.csv")
    assert ds.meta.clock == YEARS and len(ds.events) == 5
    assert _years(ds)[:4] == [-4_540_000_000.0, -541_000_000.0, -66_000_000.0, -472.0]
    assert _labels(ds)["Fifty years after the Moon landing"] == "20 Jul 2019"


def test_ordinary_and_merely_ancient_files_stay_on_the_calendar() -> None:
    assert table.read(TABLES / "comma.csv").meta.clock == CALENDAR
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    assert ds.meta.clock == CALENDAR


def test_a_year_beyond_even_the_years_clock_is_reported_and_its_row_skipped(tmp_path: Path) -> None:
    path = tmp_path / "too_far.csv"
    path.write_text("year,title\n-13800000000,Big Bang\n-1e14,Before time\n2019,Now\n", encoding="utf-8")
    ds = table.read(path)
    assert list(ds.events["title"]) == ["Big Bang", "Now"]
    assert any(p.row == 3 and "-1e14" in p.message for p in ds.problems)


def test_a_timeline_file_with_a_year_before_the_calendar_opens_on_the_years_clock(tmp_path: Path) -> None:
    path = tmp_path / "deep.timeline"
    path.write_text(
        "<?xml version='1.0' encoding='utf-8'?><timeline><version>2.4.0</version><timetype>gregoriantime"
        "</timetype><events><event><start>-4540000000-01-01 00:00:00</start><end>-4540000000-01-01 00:00:00"
        "</end><text>Earth forms</text></event><event><start>1969-07-20 20:17:00</start>"
        "<end>1969-07-20 20:17:00</end><text>Moon landing</text></event></events></timeline>",
        encoding="utf-8")
    ds = timeline_xml.read(path)
    assert ds.meta.clock == YEARS
    assert _labels(ds) == {"Earth forms": "4.54 billion years ago", "Moon landing": "20 Jul 1969 20:17 UTC"}


def test_a_deep_time_dataset_written_natively_reads_back_on_the_years_clock(tmp_path: Path) -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_deep.json")
    target = tmp_path / "deep"
    native_write.write(ds, target)
    back = native.read(target)
    assert back.meta.clock == YEARS
    assert _years(back) == _years(ds)


def test_dates_before_year_1_and_after_9999_written_natively_read_back_on_the_calendar(tmp_path: Path) -> None:
    """Within ±290,000 years a dataset stays on the calendar; its native files write expanded ISO years
    (-0473-03-15, 12000), and they read back, as a folder and as one JSON file, at the same precision."""
    source = tmp_path / "deep.json"
    source.write_text('{"events": ['
                      '{"start_date": {"year": -473, "month": 3, "day": 15}, "text": {"headline": "Ides"}},'
                      '{"start_date": {"year": -44}, "text": {"headline": "Caesar"}},'
                      '{"start_date": {"year": 12000, "month": 5}, "text": {"headline": "Far"}},'
                      '{"start_date": {"year": 2020}, "text": {"headline": "Now"}}]}')
    ds = timelinejs.read(source)
    assert ds.meta.clock == CALENDAR
    for target in (tmp_path / "deep", tmp_path / "deep_native.json"):
        native_write.write(ds, target)
        back = native.read(target)
        assert back.meta.clock == CALENDAR and not [p for p in back.problems if p.level == "error"], back.problems
        assert _labels(back) == _labels(ds) == {"Ides": "15 Mar -473", "Caesar": "-44", "Far": "May 12000",
                                                "Now": "2020"}


def test_a_table_reads_expanded_iso_years_on_the_calendar_and_as_years_beside_a_bare_year(tmp_path: Path) -> None:
    rows = "1,-0473-03-15,Ides\n2,-0044,Caesar\n3,12000-05,Far\n4,10000-01-01T10:30:00Z,Later\n6,2020-01-01,Now\n"
    path = tmp_path / "events.csv"
    path.write_text("id,start,title\n" + rows)
    ds = table.read(path)
    assert ds.meta.clock == CALENDAR and not ds.problems
    assert _labels(ds) == {"Ides": "15 Mar -473", "Caesar": "-44", "Far": "May 12000",
                           "Later": "1 Jan 10000 10:30 UTC", "Now": "1 Jan 2020"}
    # among dates written as dates, a bare number the calendar could hold is a mistyped date: said, its row skipped
    path.write_text("id,start,title\n" + rows + "5,12345,Number\n")
    ds = table.read(path)
    assert ds.meta.clock == CALENDAR and "Number" not in set(ds.events["title"])
    assert any(p.row == 7 and "'12345'" in p.message and "skipped" in p.message for p in ds.problems)
    # among years, it is a year past 9999: the years clock
    path.write_text("id,start,title\n2,-0044,Caesar\n6,2020,Now\n5,12345,Number\n")
    ds = table.read(path)
    assert ds.meta.clock == YEARS
    assert dict(zip(ds.events["title"], _years(ds), strict=True)) == {"Caesar": -44.0, "Now": 2020.0,
                                                                       "Number": 12345.0}


def test_one_mistyped_year_among_a_thousand_dates_is_skipped_not_a_clock(tmp_path: Path) -> None:
    """``2019-05-02 10:00`` typed ``20190`` once in a thousand rows moved every date to the years clock, near 1970's
    first hour; an Excel serial among dates, and the Big Bang beside the Moon landing, as they were."""
    path = tmp_path / "log.csv"
    rows = [f"{1 + i % 28:02d}/{1 + i % 12:02d}/2019 10:{i % 60:02d},entry {i}" for i in range(1000)]
    rows[500] = "20190,entry 500"
    path.write_text("date,title\n" + "\n".join(rows) + "\n", encoding="utf-8")
    ds = table.read(path)
    assert ds.meta.clock == CALENDAR and len(ds.events) == 999
    assert ds.events["start"].min().year == 2019 and ds.events["start"].max().year == 2019
    assert any(p.row == 502 and "'20190'" in p.message for p in ds.problems)
    path.write_text("date,title\n2020-01-01,a\n43845,b\n2020-01-03,c\n", encoding="utf-8")
    assert table.read(path).meta.clock == CALENDAR
    path.write_text("date,title\n1969-07-20,Moon landing\n-13800000000,Big Bang\n2019-04-10,Black hole\n",
                    encoding="utf-8")
    assert table.read(path).meta.clock == YEARS


def test_notes_quote_a_parquet_number_as_written(tmp_path: Path) -> None:
    """A Parquet column of float years (2020.5) and one of float months (13.0) were quoted in the notes as numpy
    writes them ("np.float64(2020.5)")."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    import viewer

    years = tmp_path / "years.parquet"
    pq.write_table(pa.table({"year": [2019.0, 2020.5, 2021.0], "title": ["a", "b", "c"]}), years)
    months = tmp_path / "months.parquet"
    pq.write_table(pa.table({"year": [2019, 2020, 2021], "month": [1.0, 13.0, 2.0], "title": ["a", "b", "c"]}),
                   months)
    said = " ".join(p.message for path in (years, months) for p in viewer.load(path).problems)
    assert "(e.g. '2020.5')" in said and "e.g. '13.0'" in said and "np." not in said
