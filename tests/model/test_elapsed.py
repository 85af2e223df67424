"""The elapsed clock: hours, minutes and seconds with no date, read, written, ticked and snapped."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from viewer.model import clock, elapsed


@pytest.mark.parametrize(("text", "seconds"), [
    ("9:00", 32_400.0), ("09:15:30", 33_330.0), ("00:00:01,600", 1.6), ("00:00:01.600", 1.6),
    ("1:23.4", 83.4),  # one colon and a fraction: a lap's minutes and seconds
    ("9 PM", 75_600.0), ("12 AM", 0.0), ("12:30 am", 1_800.0), ("9:30 p.m.", 77_400.0), ("9h30", 34_200.0),
    ("-0:05", -300.0), ("100:00:00", 360_000.0), ("25", 25.0), (" 7:05 ", 25_500.0), (42, 42.0),
    ("0 days 00:00:01.500000", 1.5), ("1 days 02:00:00", 93_600.0),  # pandas writes a duration so
])
def test_written_times_read_as_seconds(text: object, seconds: float) -> None:
    assert elapsed.parse_elapsed(text) == pytest.approx(seconds)


@pytest.mark.parametrize("text", ["13 PM", "9:75", "9:30:61", "1:75.3", "abc", "1:2", "", "13:00 PM", "nan", "1e400",
                                  "2019-03-04", True])
def test_what_is_no_time_is_refused_by_name(text: object) -> None:
    with pytest.raises(ValueError, match="expected a time like 9:30"):
        elapsed.parse_elapsed(text)


def test_a_column_is_read_once_per_distinct_cell_and_flags_the_unreadable() -> None:
    seconds, bad = elapsed.parse_column(pd.Series(["9:00", "9:00", None, "soon", "1:23.4", "30", "  "]))
    assert np.allclose(seconds, [32_400, 32_400, np.nan, np.nan, 83.4, 30, np.nan], equal_nan=True)
    assert bad.tolist() == [False, False, False, True, False, False, False]


def test_only_a_column_of_written_times_looks_elapsed() -> None:
    assert elapsed.looks_elapsed(pd.Series(["9:00", "10:15 PM", None, "0:01:23,5"]))
    assert not elapsed.looks_elapsed(pd.Series(["1", "2"]))  # bare numbers say nothing of hours
    assert not elapsed.looks_elapsed(pd.Series(["9:00", "2019-03-04"]))
    assert not elapsed.looks_elapsed(pd.Series([None, ""], dtype=object))


@pytest.mark.parametrize(("value", "step", "text"), [
    (5_400.0, None, "1:30"), (1.6, None, "0:00:01.6"), (-90.0, None, "-0:01:30"), (93_600.0, None, "26:00"),
    (33_330.0, None, "9:15:30"), (32_430.0, 60.0, "9:00"), (32_430.0, 1.0, "9:00:30"), (1.25, 0.05, "0:00:01.25"),
    (math.nan, None, ""),
])
def test_times_are_written_as_a_clock_writes_them(value: float, step: float | None, text: str) -> None:
    assert elapsed.format_elapsed(value, step) == text


def test_ticks_fall_on_a_clock_faces_steps() -> None:
    assert elapsed.nice_step(8 * 3600, 8) == 3600.0
    assert elapsed.nice_step(90, 6) == 15.0
    assert elapsed.nice_step(2.0, 4) == 0.5
    assert elapsed.nice_step(40 * 86_400, 6) == 10 * 86_400
    step, ticks = clock.number_ticks(8 * 3600 + 100, 18 * 3600, 6, clock.ELAPSED)
    assert step == 7200.0
    assert [clock.tick_text(t, step, clock.ELAPSED) for t in ticks] == ["10:00", "12:00", "14:00", "16:00", "18:00"]


def test_the_cursor_snaps_to_a_clock_faces_step() -> None:
    assert elapsed.grain(8 * 3600) == 120.0 and elapsed.grain(10) == 0.01
    assert clock.format_instant(clock.snap(33_211.0, 8 * 3600, clock.ELAPSED), "time", clock.ELAPSED) == "9:14"
    assert clock.format_range(32_401.3, 35_999.9, clock.ELAPSED) == ("9:00:00", "10:00:00")


def test_a_time_written_for_a_file_reads_back_the_same() -> None:
    for seconds in (0.0, 1.6, 83.4, 33_330.0, 360_000.123456, -300.0):
        written = clock.iso_instant(clock.instant(seconds), "time", clock.ELAPSED)
        assert clock.number(clock.parse_instant(written, clock.ELAPSED).start) == pytest.approx(seconds)


def test_the_clock_is_named_for_people() -> None:
    assert clock.ELAPSED in clock.CLOCKS and clock.numeric(clock.ELAPSED)
    assert "hours, minutes and seconds" in clock.WORDS[clock.ELAPSED]
    assert clock.expected(clock.ELAPSED) == elapsed.EXPECTED
    assert clock.readable("9:30") and clock.readable("66 Ma") and not clock.readable("soon")


def test_a_column_reads_each_form_as_one_cell_does() -> None:
    """The column is read in Arrow and numpy at once; each cell must come out as reading it alone does."""
    forms = ["9:00", "09:15:30", "00:00:01,600", "1:23.4", "9 PM", "12 AM", "12:00 PM", "12:30 am", "9:30 p.m.",
             "9h30", "-0:05", "+1:00", "100:00:00", "25", "0 days 00:00:01.500000", "1 days 02:00:00",
             "23:59:59.999999", "1:02:03.1234567", "13 PM", "0 AM", "9:75", "9:30:61", "1:75.3", "13:00 PM", "abc"]
    seconds, bad = elapsed.parse_column(pd.Series(forms))
    for written, value, unread in zip(forms, seconds, bad, strict=True):
        try:
            alone = elapsed.parse_elapsed(written)
        except ValueError:
            assert math.isnan(value) and unread, written
        else:
            assert value == pytest.approx(alone) and not unread, written


def test_times_of_day_stored_as_such_are_read_without_text() -> None:
    import datetime as dt

    seconds, bad = elapsed.parse_column(pd.Series([dt.time(9), None, dt.time(9, 15, 30, 500_000)], dtype=object))
    assert np.allclose(seconds, [32_400.0, np.nan, 33_330.5], equal_nan=True) and not bad.any()
    mixed, _ = elapsed.parse_column(pd.Series([dt.time(9), "10:00"], dtype=object))  # (read as text)
    assert mixed.tolist() == [32_400.0, 36_000.0]
