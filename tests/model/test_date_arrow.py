"""The fast date path gives the same answers as the general parser, only faster."""

import random

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

from viewer.model import dates
from viewer.model.dates import arrow
from viewer.model.dates.arrow import parse_fast

SAMPLES = ["2019", "2019-12", "2019-12-29", "2019-12-29T14:30:00Z", "2019-12-29T14:30:00+01:00",
           "2019-12-29 14:30:00", "2019-12-29T14:30", "2019-1-5", "2019-02-30", "2019-02-30T10:00:00Z",
           "2020-02-29", "2019-04-31T01:00Z", " 2019 ", "", None, "abc", "0000:00", "2019-12-29T14:30:00.250Z"]


def general(values: list[object]) -> dates.ParsedDates:
    instants = pd.Series(pd.NaT, index=range(len(values)), dtype=dates.UTC_DTYPE)
    precisions = pd.Series(pd.NA, index=range(len(values)), dtype="object")
    naive = pd.Series(False, index=range(len(values)))
    series = pd.Series(values, dtype="object")
    dates._parse_general(series[series.notna() & (series.astype(str).str.strip() != "")], instants, precisions,
                         naive)
    return dates.ParsedDates(instants, precisions, instants.isna(), naive)


@pytest.mark.parametrize("value", SAMPLES)
def test_each_form_parses_the_same_on_both_paths(value: object) -> None:
    fast = dates.parse_dates(pd.Series([value], dtype="object"))
    slow = general([value])
    assert fast.instants.iloc[0] is pd.NaT or fast.instants.iloc[0] == slow.instants.iloc[0]
    assert (fast.instants.isna() == slow.instants.isna()).all()
    if not fast.instants.isna().iloc[0]:
        assert str(fast.precisions.iloc[0]) == str(slow.precisions.iloc[0])
        assert bool(fast.naive.iloc[0]) == bool(slow.naive.iloc[0])


def test_the_fast_path_refuses_days_that_do_not_exist() -> None:
    result = parse_fast(pa.array(["2019-02-29", "2020-02-29", "2019-04-31T10:00:00", "2019-04-30T10:00:00"]))
    assert list(result.codes) == [-1, 2, -1, 3]



TIMES = ["2019-12-29T14:30:00", "2019-12-29 14:30:00", "2019-12-29T14:30", "2019-12-29 14:30", "2019-02-30 10:00",
         "2019-04-31T23:59:59", "2020-02-29 00:00", "2019-12-29T14:30:00.250"]
OFFSETS = ["Z", "+01:00", "-05:00", "+0530", "-0800", "+01", "z", " UTC", " +01:00", "+25:00", "-", "+", "Z+"]


@pytest.mark.parametrize("mix", ["naive", "aware", "mixed", "odd"])
@pytest.mark.parametrize("seed", [1, 2])
def test_only_date_times_that_write_a_sign_or_z_are_tried_with_offsets_and_read_the_same(
        mix: str, seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A naive column was first cast to an aware type, which fails only after reading the whole column, then
    tried with four offset formats: now only values with a sign or Z after their date are. Same answers as
    trying every value with offsets, whatever the mix."""
    rng = random.Random(f"{mix}{seed}")
    values = []
    for _ in range(400):
        aware = mix == "aware" or (mix in ("mixed", "odd") and rng.random() < 0.5)
        value = rng.choice(TIMES) + (rng.choice(OFFSETS[:6] if mix != "odd" else OFFSETS) if aware else "")
        values.append(value if mix != "odd" or rng.random() < 0.8 else str(rng.choice(SAMPLES)))
    text = pa.array(values)
    found = arrow.parse_fast(text)
    monkeypatch.setattr(arrow, "_may_have_offset", lambda chunk, zulu: np.ones(len(chunk), dtype=bool))
    every = arrow.parse_fast(text)
    for name in ("micros", "codes", "naive", "present"):
        assert np.array_equal(getattr(found, name), getattr(every, name)), name
    if mix == "aware":
        assert (found.codes == 3).sum() > 200  # the rest name days that do not exist


@pytest.mark.parametrize("value", ["2019-12-29T14:30:00+25:00", "2019-12-29 14:30+24:00", "2019-12-29T14:30:00+01:99",
                                   "2019-12-29T14:30:00-23:59", "2019-12-29T14:30:00+14:00"])
def test_an_offset_of_a_day_or_more_is_refused_as_the_general_parser_refuses_it(value: str) -> None:
    """Arrow read "+25:00" as a shift of a day and an hour: the event landed on the day before, silently."""
    fast = dates.parse_dates(pd.Series([value], dtype="object"))
    assert fast.instants.isna().iloc[0] == general([value]).instants.isna().iloc[0]
    assert fast.instants.isna().iloc[0] == (value.endswith(("+25:00", "+24:00", "+01:99")))


def test_an_offset_of_a_day_is_refused_among_values_written_in_z() -> None:
    """Values ending in Z skip the offset regex: the ones beside them that write "+25:00" are still refused,
    and each keeps its own answer whatever its neighbours are."""
    odd = ["2019-12-29T14:30:00+25:00", "2019-12-29T14:30:00z", "2019-12-29T14:30:00+02:00", "2019-12-29T14:30:00Z+"]
    values: list[object] = [*["2019-12-29T14:30:00Z"] * 50, *odd]
    found = dates.parse_dates(pd.Series(values, dtype="object"))
    expected = general(values)
    assert found.instants.isna().tolist() == expected.instants.isna().tolist()
    assert found.instants.isna().iloc[50] and not found.instants.isna().iloc[:50].any()
    assert found.instants.iloc[52] == pd.Timestamp("2019-12-29T12:30:00Z")


ZULU_SAMPLES = ["2019-12-29T14:30:00Z", "2019-12-29T14:30Z", "2019-12-29 14:30:00Z", "2019-12-29T14:30:00.250Z",
                "2019-02-30T10:00:00Z", "2019-04-31T01:00Z", "2019-12-29T14:30:00z", "2019-12-29T14:30:00+01:00",
                "2019-12-29Z", "2019-12-29T14Z", "2019-12-29", "", None, "   ", "2019-12-29T24:00:00Z",
                "x019-12-29T14:30:00Z"]


@pytest.mark.parametrize("seed", range(60))
def test_a_column_written_wholly_in_z_reads_as_the_passes_for_mixed_forms_read_it(
        seed: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """The one-cast path for UTC date-times written with Z gives what the full path gives, or steps aside."""
    rng = random.Random(seed)
    common = [*ZULU_SAMPLES[:4], "", None]
    values = [rng.choice(common) for _ in range(rng.randint(1, 30))]
    if seed % 2:  # a stranger among them, which sends the column the long way
        values[rng.randrange(len(values))] = rng.choice(ZULU_SAMPLES)
    text = arrow.to_arrow(pd.Series(values, dtype="object"))
    quick = parse_fast(text)
    monkeypatch.setattr(arrow, "_all_zulu", lambda *_: None)
    full = parse_fast(text)
    for field in ("micros", "codes", "naive", "present"):
        assert getattr(quick, field).tolist() == getattr(full, field).tolist(), (field, values)


def test_the_one_cast_path_is_taken_for_a_column_of_z_times_with_blanks() -> None:
    text = pa.array(["2019-12-29T14:30:00Z", "", None, "2020-01-05T08:00:00Z"])
    lengths = np.array([20, 0, 0, 20])
    found = arrow._all_zulu(text, lengths)
    assert found is not None
    assert found.codes.tolist() == [3, -1, -1, 3] and found.present.tolist() == [True, False, False, True]
    assert arrow._all_zulu(pa.array(["2019-12-29T14:30:00+01:00"]), np.array([25])) is None
