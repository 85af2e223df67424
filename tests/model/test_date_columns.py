"""Dates are read the way they were written, and every guess about how they were written is said out loud."""

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io import table
from viewer.model.dates import PRECISION_DTYPE
from viewer.model.dates.columns import _parse_column, clean_text, parse_column

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures_tables"


def parse(values: list[str | None], **options: object) -> tuple[list[str], list[object], list[str]]:
    result = parse_column(pd.Series(values, dtype=object), **options)  # type: ignore[arg-type]
    stamps = [str(t)[:19] if pd.notna(t) else "" for t in result.instants]
    return stamps, list(result.precisions), [f"{level}: {text}" for level, text in result.notes]


def test_values_above_twelve_in_the_first_place_make_the_column_day_first() -> None:
    stamps, _, notes = parse(["31/01/2020", "05/02/2020"])
    assert stamps == ["2020-01-31 00:00:00", "2020-02-05 00:00:00"]
    assert any("day-first" in n for n in notes)


def test_values_above_twelve_in_the_second_place_make_the_column_month_first() -> None:
    stamps, _, _ = parse(["01/31/2020", "02/05/2020"])
    assert stamps[1] == "2020-02-05 00:00:00"


def test_an_ambiguous_column_is_assumed_month_first_with_a_warning() -> None:
    stamps, _, notes = parse(["01/02/2020", "03/04/2020"])
    assert stamps[0] == "2020-01-02 00:00:00"
    assert any(n.startswith("warning") and "month-first" in n for n in notes)


def test_the_date_order_option_settles_an_ambiguous_column() -> None:
    stamps, _, notes = parse(["01/02/2020"], date_order="dmy")
    assert stamps == ["2020-02-01 00:00:00"] and not notes


def test_dotted_dates_are_day_first_when_nothing_says_otherwise() -> None:
    assert parse(["01.02.2020"])[0] == ["2020-02-01 00:00:00"]


def test_two_digit_years_pivot_like_strptime_and_say_so() -> None:
    stamps, _, notes = parse(["1/5/23", "12/31/69", "1/1/68"])
    assert [s[:4] for s in stamps] == ["2023", "1969", "2068"]
    assert any(n.startswith("info") and "two-digit" in n for n in notes)


@pytest.mark.parametrize(("text", "expected", "precision"), [
    ("1-May-23", "2023-05-01 00:00:00", "day"), ("May 3, 2021", "2021-05-03 00:00:00", "day"),
    ("March 2020", "2020-03-01 00:00:00", "month"), ("2001/01/01 00:47", "2001-01-01 00:47:00", "time"),
    ("2019", "2019-01-01 00:00:00", "year"), ("2019-12-29T14:30:00+01:00", "2019-12-29 13:30:00", "time"),
    ("1/31/06 11:59 PM", "2006-01-31 23:59:00", "time"),
])
def test_each_common_way_of_writing_a_date_is_read(text: str, expected: str, precision: str) -> None:
    stamps, precisions, _ = parse([text])
    assert (stamps[0], precisions[0]) == (expected, precision)


def test_excel_serial_numbers_are_days_since_1899_12_30_when_allowed() -> None:
    stamps, precisions, notes = parse(["44000", "44000.5"], excel=True)
    assert stamps == ["2020-06-18 00:00:00", "2020-06-18 12:00:00"]
    assert precisions == ["day", "time"]
    assert any("Excel" in n for n in notes)


def test_large_integers_are_unix_seconds_or_milliseconds() -> None:
    assert parse(["1600000000"])[0] == ["2020-09-13 12:26:40"]
    assert parse(["1600000000000"])[0] == ["2020-09-13 12:26:40"]


@pytest.mark.parametrize("unix", ["1546300800", "1546300800000"])
def test_a_unix_time_among_dates_and_years_is_that_time_not_a_year(unix: str) -> None:
    """Before, one Unix time among dates was read as the year 1,546,300,800: skipped, or (beside one bad date)
    switching the whole column to years, every date read as a year."""
    stamps, precisions, notes = parse(["2019-03-04", "2019-03-05", None, "1998", unix])
    assert stamps[-1] == "2019-01-01 00:00:00" and precisions[-1] == "time"
    assert stamps[3] == "1998-01-01 00:00:00" and precisions[3] == "year"
    assert any("Unix time" in n and unix in n for n in notes), notes
    assert parse(["2019-03-04", "1998", "99999"])[0][-1] == ""  # (a number of no such range stays unread)


@pytest.mark.parametrize("scale", [1, 1000])
def test_a_unix_time_column_reads_its_times_before_1970(scale: int) -> None:
    """Birth dates before 1970 are negative Unix times: the column went to the years clock, 1960 read as the year
    -315,619,200."""
    stamps, precisions, _ = parse([str(n * scale) for n in (-315619200, 946684800, 1262304000, -2208988800)])
    assert stamps == ["1960-01-01 00:00:00", "2000-01-01 00:00:00", "2010-01-01 00:00:00", "1900-01-01 00:00:00"]
    assert set(precisions) == {"time"}
    assert parse([str(n * scale) for n in (-2208988801, 946684800, 1262304000)])[0][0] == ""  # (before 1900: unread)


def test_zone_abbreviations_shift_times_to_utc_and_unknown_ones_are_reported() -> None:
    stamps, _, notes = parse(["2020-01-05 10:00 EST", "2020-07-05 10:00 PDT", "2020-07-05 10:00 XYZT"])
    assert stamps == ["2020-01-05 15:00:00", "2020-07-05 17:00:00", "2020-07-05 10:00:00"]
    assert any("XYZT" in n and "UTC" in n for n in notes)


def test_a_column_of_midnights_is_read_as_days() -> None:
    _, precisions, notes = parse(["1/5/2011 00:00:00", "1/18/2011 00:00:00"])
    assert precisions == ["day", "day"]
    assert any("00:00" in n for n in notes)


def test_deep_time_numbers_are_invalid_and_named() -> None:
    result = parse_column(pd.Series(["-13800000000", "-500", "2019"]))
    assert list(result.invalid) == [True, False, False]
    assert any("deep time" in text for _, text in result.notes)


def test_fixture_files_for_dates_load_with_the_expected_first_start() -> None:
    expectations = {"day_first.csv": "2020-01-31", "month_first.csv": "2020-01-31", "ambiguous.csv": "2020-01-02",
                    "two_digit_years.csv": "1969-12-31", "excel_serial.csv": "2020-06-18",
                    "tz_suffix.csv": "2020-01-05", "epoch.csv": "2020-09-13"}
    for name, first in expectations.items():
        ds = table.read(FIXTURES / name)
        assert str(ds.events["start"].iloc[0])[:10] == first, name


def test_a_million_rows_parse_by_unique_value_not_row_by_row() -> None:
    values = pd.Series(["1/5/2011 10:00", "1/18/2011 11:00", "12/31/2011 23:59"] * 333_334)
    result = parse_column(values)
    assert result.instants.notna().all() and result.order == "mdy"


def test_a_year_written_with_its_era_is_read_in_that_era() -> None:
    """"44 BC" was read as the year 44 in a time zone named BC; now it is the astronomical year -43 (1 BC is
    year 0), a date AD or CE is the date, a day or a month before Christ is read to the day or month, and a day
    that does not exist is reported rather than read after Christ."""
    values = pd.Series(["753 BC", "44 BCE", "1 BC", "1066 AD", "476 CE", "15 March 44 BC", "2019-03-04 10:00 EST",
                        "March 15, 44 BC", "Sept 44 B.C.", "AD 79", "30 February 44 BC", "44 B.C.E."])
    parsed = parse_column(values)
    years = [None if pd.isna(t) else t.year for t in parsed.instants]
    assert years == [-752, -43, 0, 1066, 476, -43, 2019, -43, -43, 79, None, -43]
    assert parsed.precisions.tolist()[:6] == ["year"] * 5 + ["day"]
    assert parsed.precisions.tolist()[7:10] == ["day", "month", "year"]
    assert parsed.instants.iloc[5] == parsed.instants.iloc[7] and parsed.instants.iloc[5].day == 15
    assert parsed.invalid.tolist() == [False] * 10 + [True, False]
    assert parsed.instants.iloc[6].hour == 15  # a time zone after a time is still one


@pytest.mark.parametrize(("values", "year"), [
    (["24 August 79", "410", "2019"], 79),  # a three-digit year beside it
    (["24 August 79", "44 BC"], 79),  # an era beside it
    (["24/08/79", "March 410"], 79),
    (["24 August AD 79", "4 September 476"], 79),  # an era inside, a three-digit year after a month
    (["24 August 79", "2019-03-04"], 1979),  # a modern column: the two-digit year is read as ever
    (["24 August 79", "2019-03-04 10:00:00.123"], 1979),  # (a time's milliseconds are no three-digit year)
])
def test_a_two_digit_year_is_the_year_written_where_the_column_reaches_back_before_1000(values: list[str],
                                                                                        year: int) -> None:
    parsed = parse_column(pd.Series(values))
    assert parsed.instants.iloc[0].year == year and not parsed.invalid.any()
    said = year == 79 and "AD" not in values[0]  # an era's own year is no two-digit year to explain
    assert any("read as written" in text for _level, text in parsed.notes) == said


def test_a_date_marked_as_approximate_is_read_as_written_and_said() -> None:
    values = pd.Series(["c. 1850", "circa 1900", "ca. 1066", "~1900", "about 1600", "1850?", "c. 44 BC", "Cairo"])
    parsed = parse_column(values)
    years = [None if pd.isna(t) else t.year for t in parsed.instants]
    assert years == [1850, 1900, 1066, 1900, 1600, 1850, -43, None]
    assert ("warning", ("dates marked as approximate or uncertain (c. 1850, 1850?, 2019~, [1850]) "
                       "read as the date written")) in parsed.notes
    assert not parse_column(pd.Series(["1850", "1900"])).notes


def test_a_month_written_with_its_number_before_the_year_is_that_month() -> None:
    """"03/2019" (forms, reporting periods) was "expected a date" and its row skipped."""
    parsed = parse_column(pd.Series(["03/2019", "12-2020", "13/2019", "3.2019", "2019-03"]))
    assert [None if pd.isna(t) else (t.year, t.month) for t in parsed.instants] == [
        (2019, 3), (2020, 12), None, None, (2019, 3)]
    assert parsed.precisions.tolist()[:2] == ["month", "month"]


def test_a_column_of_times_keeps_its_precisions_as_codes() -> None:
    """Typed times (Parquet, a workbook, a database) are read without a text per row: their precisions stay the
    model's categorical codes (as objects, recoding a million of them cost 0.15 s an open)."""
    times = pd.Series(pd.to_datetime(["2019-03-04 10:30", None, "2020-01-02 00:00"]))
    result = parse_column(times)
    assert result.precisions.dtype == PRECISION_DTYPE
    assert [str(p) for p in result.precisions] == ["time", "nan", "time"] and not result.invalid.any()
    midnights = parse_column(pd.Series(pd.to_datetime(["1850-03-04", None, "2020-01-02"]).tz_localize("UTC")))
    assert midnights.precisions.dtype == PRECISION_DTYPE
    assert [str(p) for p in midnights.precisions] == ["day", "nan", "day"]


def test_a_number_that_is_no_year_among_years_is_named_as_written() -> None:
    """2019.5 among whole years was named "e.g. 2,020": a year it is not, and not what the file holds."""
    _, precisions, notes = parse([2019.5, 2020.0, 1999.0, 1850.0])  # type: ignore[list-item]
    assert precisions == [None, "year", "year", "year"]
    assert notes == ["error: numbers outside the years -9999..9999 (deep time or not a year), e.g. 2,019.5; rows "
                     "skipped"]


INTEGERS = st.one_of(st.integers(1_000_000_000, 4_000_000_000), st.integers(10**12, 4 * 10**12),  # Unix s, ms
                     st.integers(19000101, 20991231), st.integers(100, 999_999), st.integers(20_000, 80_000),
                     st.integers(-10**6, 10**6), st.integers(10**15, 10**18))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), INTEGERS.map(str), INTEGERS.map(lambda n: f"00{n}" if n >= 0 else str(n))),
                min_size=1, max_size=8), st.booleans(), st.booleans())
def test_a_column_of_integers_reads_as_the_general_parser_reads_it(cells: list[str | None], excel: bool,
                                                                  yearish: bool) -> None:
    """Integers (Unix times, YYYYMMDD, serial days …) skip the passes for other forms (a million Unix times: 1.4 s
    to 0.5): the same instants, precisions, unread rows and notes as the general parser's, which a column read
    with its weekdays' text (``weekdays_of``) still takes."""
    values = pd.Series(cells, dtype=object)
    fast = _parse_column(values, date_order=None, excel=excel, yearish=yearish, times=None, zones=None)
    general = _parse_column(values, date_order=None, excel=excel, yearish=yearish, times=None, zones=None,
                            weekdays_of=clean_text(values))
    assert fast.instants.astype(str).tolist() == general.instants.astype(str).tolist()
    assert fast.precisions.astype(str).tolist() == general.precisions.astype(str).tolist()
    assert fast.invalid.tolist() == general.invalid.tolist() and fast.notes == general.notes


def test_julian_day_numbers_are_read_and_ordinal_dates_are_not_taken_for_them() -> None:
    stamps, precisions, notes = parse(["2458546.9166666665", "2458850.5", ""])
    assert stamps == ["2019-03-04 10:00:00", "2020-01-02 00:00:00", ""] and precisions[:2] == ["time", "day"]
    assert notes == ["info: large numbers read as Julian day numbers (days from noon UTC on 24 November 4714 BC, as "
                     "SQLite's julianday() writes a date)"]
    assert parse(["2019064", "2020100"])[2] == [  # YYYYDDD, not days from 4714 BC
        "info: seven-digit integers read as dates written YYYYDDD, a year and its day (2019064: 5 March 2019)"]


def test_seven_digit_integers_that_are_all_a_year_and_its_day_are_those_days(tmp_path: Path) -> None:
    """``2019064`` (YYYYDDD, as NASA's products and SAS's JULIAN7 write a date) was a number of unknown unit."""
    stamps, precisions, notes = parse(["2019064", "2020366", None])
    assert stamps == ["2019-03-05 00:00:00", "2020-12-31 00:00:00", ""] and precisions == ["day", "day", None]
    assert notes == ["info: seven-digit integers read as dates written YYYYDDD, a year and its day (2019064: 5 March "
                     "2019)"]
    assert parse(["2019366"])[0] == [""]  # (2019 has 365 days: no such date, and so no such column)
    path = tmp_path / "granules.csv"
    path.write_text("date,granule\n2019064,A\n2019065,B\n", encoding="utf-8")
    assert [str(t)[:10] for t in table.read(path).events["start"]] == ["2019-03-05", "2019-03-06"]


def test_signed_years_past_9999_read_after_the_numbers_are_not_said_skipped() -> None:
    """-86400 among years is no year of -9999..9999 to the numbers' reader, which said "rows skipped"; ISO's
    expanded form then reads it as the year it is: the row was kept, and the note said otherwise."""
    column = parse_column(pd.Series(["-1", "-86400", "0"]))
    assert column.instants.dt.year.tolist() == [-1, -86400, 0] and not column.invalid.any()
    assert not [text for level, text in column.notes if level == "error"], column.notes
    left = parse_column(pd.Series(["-1", "-86400", "0", "86400"]))  # (unsigned: no expanded year; skipped)
    assert left.invalid.tolist() == [False, False, False, True]
    assert any("rows skipped" in text for level, text in left.notes if level == "error"), left.notes


@pytest.mark.parametrize("written", ["2019-03-04T25:00:00", "2019-03-04 10:61", "2019-03-04 10:00:61",
                                     "2019-03-04T25:00:00+01:00", "04/03/2019 25:00", "4 March 2019 10:75"])
def test_a_time_no_clock_shows_is_no_date(written: str) -> None:
    """25:00 was 01:00 the next day and 10:61 was 11:01, silently: such a cell is unread, and said as any bad date."""
    stamps, _, _ = parse([written, "2019-03-05 10:00:00", "2019-03-06 11:00:00"])
    assert stamps[0] == "" and stamps[1] == "2019-03-05 10:00:00"


def test_the_end_of_a_day_and_a_leap_second_are_times() -> None:
    assert parse(["2019-03-04T24:00:00", "2016-12-31T23:59:60", "2019-03-04 10:00"])[0][:2] == [
        "2019-03-05 00:00:00", "2016-12-31 23:59:59"]  # (a leap second: its day's last instant, 23:59:59.999999)
