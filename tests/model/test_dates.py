"""Partial dates keep their precision; a month is the whole month, never silently its first day."""

import pandas as pd
import pytest

from viewer.model import dates


def parsed(*values: object) -> dates.ParsedDates:
    return dates.parse_dates(pd.Series(list(values), dtype="object"))


def test_precision_is_inferred_from_how_the_date_is_written() -> None:
    result = parsed("2019", "2019-12", "2019-12-29", "2019-12-29T14:30:00+01:00")
    assert list(result.precisions.astype(str)) == ["year", "month", "day", "time"]


def test_times_with_offsets_are_converted_to_utc() -> None:
    result = parsed("2019-12-29T14:30:00+01:00", "2019-12-29T14:30:00-05:00")
    assert list(result.instants) == [pd.Timestamp("2019-12-29 13:30", tz="UTC"),
                                     pd.Timestamp("2019-12-29 19:30", tz="UTC")]


def test_naive_times_are_taken_as_utc_and_flagged() -> None:
    result = parsed("2020-01-01 10:00", "2020-01-01T10:00Z")
    assert result.instants.iloc[0] == pd.Timestamp("2020-01-01 10:00", tz="UTC")
    assert list(result.naive) == [True, False]


def test_an_hour_alone_after_a_t_is_a_time() -> None:
    """ISO 8601's hour without minutes, as loggers and Wikidata's hour precision write it (refused before)."""
    result = parsed("2019-03-04T10", "2019-03-04T10Z", "2019-03-04T10+01:00", "2019-03-04T25", "2019-03-04 10")
    assert list(result.instants.iloc[:3]) == [pd.Timestamp("2019-03-04 10:00", tz="UTC")] * 2 + [
        pd.Timestamp("2019-03-04 09:00", tz="UTC")]
    assert list(result.precisions.astype(str).iloc[:3]) == ["time"] * 3
    assert list(result.naive.iloc[:3]) == [True, False, False]
    assert list(result.invalid) == [False, False, False, True, True]  # no hour 25; a space and two digits say nothing


def test_unreadable_values_are_flagged_and_empty_cells_are_not() -> None:
    result = parsed("yesterday", "", None, "2023-02-30", "-13800000000")
    assert list(result.invalid) == [True, False, False, True, True]
    assert result.instants.isna().all()


def test_a_month_spans_the_whole_month_and_a_year_the_whole_year() -> None:
    assert dates.parse_date("2023-02").end == pd.Timestamp("2023-03-01", tz="UTC")
    assert dates.parse_date("2019").end == pd.Timestamp("2020-01-01", tz="UTC")
    assert dates.parse_date("2019-12-31").end == pd.Timestamp("2020-01-01", tz="UTC")


def test_an_exact_time_spans_no_time_at_all() -> None:
    moment = dates.parse_date("2019-12-29T14:30:00Z")
    assert moment.end == moment.start


@pytest.mark.parametrize(("text", "label", "iso"), [
    ("2019", "2019", "2019"), ("2023-02", "Feb 2023", "2023-02"), ("2023-02-06", "6 Feb 2023", "2023-02-06"),
])
def test_a_date_is_shown_at_its_precision(text: str, label: str, iso: str) -> None:
    date = dates.parse_date(text)
    assert (date.label(), date.iso()) == (label, iso)


def test_parse_date_accepts_datetime_objects_and_timestamps() -> None:
    import datetime
    assert dates.parse_date(datetime.date(2020, 1, 2)).precision == "day"
    assert dates.parse_date(pd.Timestamp("2020-01-02 03:04", tz="Europe/Paris")).start == pd.Timestamp(
        "2020-01-02 02:04", tz="UTC")


def test_unix_seconds_round_trip() -> None:
    stamp = pd.Timestamp("2023-02-06 12:00", tz="UTC")
    assert dates.from_seconds(float(dates.to_seconds(stamp))) == stamp


DEEP = [("-0473-03-15T10:00:00.5", "-0473-03-15T10:00:00.500000Z", "15 Mar -473 10:00 UTC"),
        ("12000-01-01T00:00:00", "12000-01-01T00:00:00Z", "1 Jan 12000 00:00 UTC"),
        ("-200000-06-01T12:30:00.25", "-200000-06-01T12:30:00.250000Z", "1 Jun -200000 12:30 UTC")]


@pytest.mark.parametrize(("instant", "iso", "label"), DEEP)
def test_dates_outside_years_1_to_9999_are_written_printed_and_labelled(instant: str, iso: str, label: str) -> None:
    import numpy as np
    stamp = pd.Timestamp(np.datetime64(instant, "us")).tz_localize("UTC")
    date = dates.PartialDate(stamp, "time")
    assert date.iso() == iso and date.label() == label and str(date) == label
    assert repr(date) == f"PartialDate({iso!r}, 'time')"  # pandas' own repr raises here
    for precision in dates.PRECISIONS:
        assert dates.format_date(stamp, precision) and dates.iso_date(stamp, precision)
    back = dates.from_seconds(float(dates.to_seconds(stamp)))
    assert abs((back - stamp) / pd.Timedelta(milliseconds=1)) < 1  # float seconds keep ~1 µs near 2000 only


def test_a_whole_column_is_written_back_as_iso_date_writes_each_value() -> None:
    """The exports' bulk writer matches the one-value writer everywhere: microseconds, NaT, unknown
    precisions (written as times), years before 1 and after 9999."""
    import numpy as np

    from viewer.model.dates import iso_date
    from viewer.model.dates.iso import iso_dates
    rng = np.random.default_rng(0)
    n = 5_000
    micros = rng.integers(-(10**17), 10**17, n)  # about ±3,000 years around 1970
    micros[:50] = rng.integers(-9 * 10**18, 9 * 10**18, 50)  # ±285,000 years
    micros[50:2000] = micros[50:2000] // 1_000_000 * 1_000_000  # whole seconds
    instants = pd.Series(pd.to_datetime(micros, unit="us", utc=True)).astype("datetime64[us, UTC]")
    instants[rng.random(n) < 0.05] = pd.NaT
    precisions = pd.Series(rng.choice(["year", "month", "day", "time", "", "week"], n))
    precisions[rng.random(n) < 0.05] = None
    expected = [iso_date(t, str(p)) for t, p in zip(instants, precisions, strict=True)]
    assert list(iso_dates(instants, precisions)) == expected
    assert any(e.endswith("Z") and "." in e for e in expected) and any(len(e) == 4 for e in expected)
    assert "" in expected and any(e.startswith("-") for e in expected)


@pytest.mark.parametrize("stamp", ["2019-03-15 10:20:30.123456", "1600-12-31", "2262-01-01", "2023-12-31 23:59",
                                   "0001-02-28", "2024-02-29"])
@pytest.mark.parametrize("precision", ["year", "month", "day", "time"])
def test_one_date_spans_to_where_its_column_spans(stamp: str, precision: str) -> None:
    from viewer.model.dates import UTC_DTYPE, span_end, span_end_one
    start = pd.Timestamp(stamp, tz="UTC")
    whole = span_end(pd.Series([start], dtype=UTC_DTYPE), pd.Series([precision])).iloc[0]
    one = span_end_one(start, precision)
    assert one == whole and one.unit == whole.unit and one.tzinfo is not None
    assert span_end_one(start.tz_convert("Asia/Tokyo"), precision) == whole  # the same instant, another zone
    assert pd.isna(span_end_one(pd.NaT, precision))


@pytest.mark.parametrize("unit", ["us", "s"])
def test_seconds_of_a_column_are_pandas_own_arithmetic(unit: str) -> None:
    """The column path reads the microseconds directly; the floats are those of (instant - 1970) / 1 s."""
    import numpy as np

    rng = np.random.default_rng(5)
    micros = rng.integers(-(2**58), 2**58, 10_000)
    column = pd.Series(pd.to_datetime(micros, unit="us", utc=True)).astype(f"datetime64[{unit}, UTC]")
    column.iloc[[3, 70]] = pd.NaT
    expected = ((column - dates.EPOCH) / pd.Timedelta(seconds=1)).to_numpy(dtype="float64", na_value=np.nan)
    assert np.array_equal(dates.to_seconds(column), expected, equal_nan=True)
