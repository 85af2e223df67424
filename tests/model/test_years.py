"""Years on the years clock: written by their size, read as people write them, and back again."""

from __future__ import annotations

import pandas as pd
import pytest

from viewer.model import clock, years


@pytest.mark.parametrize(("value", "text"), [
    (2019.0, "2019"), (-473.0, "-473"), (0.0, "0"), (-12_000.0, "-12,000"), (-2.5e6, "2.5 million years ago"),
    (-13.8e9, "13.8 billion years ago"), (5e9, "year 5 billion"), (1969.547945, "20 Jul 1969")])
def test_a_year_is_written_by_its_size_and_read_back_as_the_same_year(value: float, text: str) -> None:
    assert years.format_year(value) == text
    assert years.parse_year(text) == pytest.approx(value, abs=1e-3)


@pytest.mark.parametrize(("text", "value"), [
    ("473 BC", -472.0), ("473 BCE", -472.0), ("AD 79", 79.0), ("79 CE", 79.0), ("-13.8e9", -13.8e9),
    ("66 Ma", -66e6), ("4.54 Ga", -4.54e9), ("13.8 bya", -13.8e9), ("1,000", 1000.0), ("2019-07-02T12:00", 2019.5)])
def test_what_people_write_for_a_year_is_read(text: str, value: float) -> None:
    assert years.parse_year(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["soon", "", "1e14", "12 parsecs", "nan"])
def test_what_is_no_year_is_refused_with_examples(text: str) -> None:
    with pytest.raises(ValueError, match="473 BC"):
        years.parse_year(text)


def test_axis_ticks_change_unit_with_the_step_and_never_show_raw_exponents() -> None:
    assert [years.format_tick(v, 5e9) for v in (-1e10, -5e9, 0.0, 5e9)] == [
        "10 billion years ago", "5 billion years ago", "0", "year 5 billion"]
    assert years.format_tick(-6.6e7, 2e6) == "66 million years ago"
    assert years.format_tick(-12_000.0, 2000.0) == "-12,000"
    assert years.format_tick(1969.5, 0.5) == "Jul 1969"
    assert years.format_tick(1969.55, 0.01) == "20 Jul 1969"


def test_a_column_of_years_reads_numbers_eras_and_dates_and_flags_the_rest() -> None:
    parsed = clock.parse_years(pd.Series(["-13800000000", "473 BC", "1969-07-20", "", "soon", "-1e14"]))
    labels = [clock.format_instant(t, "time", clock.YEARS) for t in parsed.instants]
    assert labels == ["13.8 billion years ago", "-472", "20 Jul 1969", "", "", ""]
    assert parsed.invalid.tolist() == [False, False, False, False, True, True]
    assert set(parsed.precisions.dropna()) == {"time"}


def test_a_year_on_the_years_clock_is_stored_as_that_many_seconds_from_the_epoch() -> None:
    stamp = clock.parse_instant("-13.8e9", clock.YEARS).start
    assert clock.number(stamp) == -13.8e9 and clock.iso_instant(stamp, "time", clock.YEARS) == "-13800000000"
    assert clock.numeric(clock.YEARS) and not clock.numeric(clock.CALENDAR)


def test_decimal_years_and_calendar_instants_are_inverse_within_the_calendar() -> None:
    stamps = pd.Series(pd.to_datetime(["1969-07-20 00:00", "-0473-03-15 00:00"], format="ISO8601", utc=True))
    values = years.decimal_years(stamps)
    assert [years.format_year(v) for v in values] == ["20 Jul 1969", "15 Mar -473"]
