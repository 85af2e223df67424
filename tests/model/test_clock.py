"""The numeric clock: numbers stored as instants, written back exactly, read from text, ticked and snapped."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from viewer.model import clock, navigation
from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.dates import EPOCH, to_seconds


@pytest.mark.parametrize("text", ["42", "42.5", "-3", "0", "0.000001", "1000000000000", "-9100000000000"])
def test_a_number_written_back_is_the_number_read(text: str) -> None:
    stamp = clock.parse_instant(text, clock.NUMBER).start
    assert clock.format_number(stamp) == text
    assert clock.format_instant(stamp, "day", clock.NUMBER) == text == clock.iso_instant(stamp, "year", clock.NUMBER)


def test_a_number_is_the_unix_second_the_axis_shows() -> None:
    assert float(to_seconds(clock.instant(42.5))) == 42.5
    assert clock.instant(0) == EPOCH


def test_the_calendar_clock_keeps_dates() -> None:
    stamp = clock.parse_instant("2023-02", clock.CALENDAR).start
    assert clock.format_instant(stamp, "month") == "Feb 2023"
    assert clock.iso_instant(stamp, "month") == "2023-02"


@pytest.mark.parametrize("bad", ["soon", "", "1e13", "nan", "inf", "2019-12"])
def test_text_that_is_no_usable_number_is_refused_with_the_expectation(bad: str) -> None:
    with pytest.raises(ValueError, match="a number like 42"):
        clock.parse_instant(bad, clock.NUMBER)


def test_a_column_of_numbers_flags_what_it_cannot_hold() -> None:
    parsed = clock.parse_numbers(pd.Series(["1", " 2.5 ", None, "x", "-1e13", "7"]))
    assert parsed.invalid.tolist() == [False, False, False, True, True, False]
    assert [clock.format_number(t) for t in parsed.instants] == ["1", "2.5", "", "", "", "7"]
    assert set(parsed.precisions.dropna()) == {"time"}
    ints = clock.parse_numbers(pd.Series(np.array([0, 10, 500], dtype=np.int64)))
    assert [clock.format_number(t) for t in ints.instants] == ["0", "10", "500"]


def test_ticks_are_one_two_or_five_times_a_power_of_ten() -> None:
    step, values = clock.number_ticks(-10.0, 510.0, 6)
    assert step == 100.0 and values.tolist() == [0.0, 100.0, 200.0, 300.0, 400.0, 500.0]
    step, values = clock.number_ticks(0.1, 0.95, 5)
    assert step == 0.2 and [clock.format_tick(v, step) for v in values] == ["0.2", "0.4", "0.6", "0.8"]


def test_navigation_lengths_follow_the_span_of_numbers_and_stay_fixed_for_dates() -> None:
    assert clock.scale(clock.NUMBER, 5.0).margin == 0.01
    assert clock.scale(clock.NUMBER, 0.0).margin == 1.0
    assert clock.scale(clock.CALENDAR, 5.0).margin == 86400.0


def test_the_cursor_snaps_to_a_grain_of_the_visible_span() -> None:
    assert clock.format_number(clock.snap(41.97, 500.0)) == "42"
    assert clock.format_number(clock.snap(0.123456, 10.0)) == "0.12"


def _ticks(*starts: str) -> Tables:
    return Tables(pd.DataFrame({"id": [f"e{i}" for i in range(len(starts))], "start": list(starts)}))


def test_a_numeric_dataset_fits_its_window_to_its_numbers_not_to_days() -> None:
    ds = build_dataset(_ticks("0", "100"), DatasetMeta(clock=clock.NUMBER))
    window = navigation.default_window(ds)
    assert -5 < window.start < 0 and 100 < window.end < 105
    assert clock.format_number(navigation.default_cursor(ds)) == "102"
    clamped = navigation.clamp(window.zoom(1e-9), ds)
    assert clamped.span == pytest.approx(1e-3)


def test_playback_on_numbers_crosses_a_share_of_the_window() -> None:
    ds = build_dataset(_ticks("0", "100"), DatasetMeta(clock=clock.NUMBER))
    window = navigation.fit_all(ds)
    moved, done = navigation.play_step(clock.instant(0), "year", window, ticks=20, on=clock.NUMBER)
    assert not done and float(to_seconds(moved)) == pytest.approx(window.span / 2)


def test_an_unknown_clock_is_refused() -> None:
    with pytest.raises(ValueError, match="calendar, number"):
        build_dataset(_ticks("0"), DatasetMeta(clock="sundial"))
