"""Date columns are read in passes chosen by how their values look, and each choice gives what the passes over
every value gave, value for value: respelling runs a rewrite only when one of the column's shapes (its values with
each digit as 0) matches it, expanded years are looked at only where a value starts as one, and ISO's date-times
are tried only on values that start as one; spans of times are taken apart only where one matched, and RDF's
literals and zero parts only where a value holds their marks; and a column of few shapes has its parts sliced
out at the places its shapes' matches give."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import text_arrow
from viewer.model.dates import arrow, columns, expanded, numbers, respell, shaped, wikidata, zones

# spellings each rewrite is for, and some it must leave alone; their digits are drawn anew in each example
SPELLINGS = [
    "Mon, 04 Mar 2019 10:00:00 +0000", "Monday, March 4, 2019", "4th March 2019", "the 22nd of April 2021",
    "20190304T100000Z", "20190304T1000", "2019 Mar 4", "10:00 4 March 2019", "2019-03-04 10h30", "4. März 2019",
    "Mittwoch, 6. März 2019", "4 de marzo de 2019", "1er janvier 2019", "15 août 1969", "Dezember 2019",
    "2019-03-04T10:00+01:00[Europe/Paris]", "04-MAR-19 02.30.00.000000 PM", "2019-03-04T10:00:00,5Z",
    "[04/Mar/2019:10:00:00 +0000]", "04MAR2019:10:00:00", "04MAR2019", "Mar-19", "Mar-75", "Mar '07",
    "5 Sep '19", "5 Sep '75", "Sep 5 '68", "Sep 5 '69", "Mon Mar 04 10:00:00 +0000 2019",
    "Tue Mar 2 17:30:12 2021 -0500", "Mon Mar  4 10:00:00 UTC 2019", "Mar 4, 2019 @ 10:00:00.000",
    "March 4, 2019 at 10:00 AM", "12 Dez 2020", "3 févr. 2021", "12/Mär/21 3:45 PM", "3 out of 4",
    "March 3, 1999[2]", "19 ноября 2018 г.", "Mo 08.01.24", "lun. 08/01/24", "10\u202fAM", "2019-03-04 10am",
    "4 March 2019 at noon", "Mon Mar 04 2019 10:00:00 GMT+0100 (Central European Standard Time)", "2019.03.04",
    "no date here", "", "Q3 2019", "12345", "-0473-03-15",
]


def _redrawn(spelling: str, digits: list[int]) -> str:
    """The spelling with its digits replaced, one by one, from ``digits`` (kept where they run out)."""
    left = iter(digits)
    return re.sub(r"\d", lambda found: str(next(left, found.group(0))), spelling)


values = st.lists(st.tuples(st.sampled_from(SPELLINGS), st.lists(st.integers(0, 9), max_size=14)),
                  min_size=1, max_size=40).map(lambda drawn: [_redrawn(*one) for one in drawn])


@settings(max_examples=150, deadline=None)
@given(values, st.lists(st.booleans(), max_size=40))
def test_rewrites_chosen_by_shape_give_what_every_rewrite_gave(written: list[str], missing: list[bool]) -> None:
    gone = missing + [False] * len(written)
    column = pa.array([None if gone[i] else text for i, text in enumerate(written)], pa.string())
    by_shape = respell.respelled(column)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(respell, "_MANY_SHAPES", -1.0)  # every column has too many shapes: each rewrite runs whole
        whole = respell.respelled(column)
    assert by_shape.to_pylist() == whole.to_pylist()


def test_only_two_digit_years_hang_on_a_digits_value() -> None:
    """A rewrite that tells one digit from another (other than those :data:`respell._LOOSE` loosens) would be
    skipped wrongly by its column's shapes."""
    for pattern, _ in respell._REWRITES:
        loose = respell._LOOSE.get(pattern, pattern)
        bare = re.sub(r"\{\d+(?:,\d*)?\}|\\x\{[0-9A-Fa-f]+\}", "", loose)  # counts and code points
        assert not re.search(r"\d", bare), pattern


def test_shapes_keep_every_character_but_digits() -> None:
    text = pa.array(["Wed, 13 May 2020", None, "٢٠١٩ 1999", "", "x9"], pa.string()).slice(0)
    assert text_arrow.digits_as_zero(text).to_pylist() == ["Wed, 00 May 0000", None, "٢٠١٩ 0000", "", "x0"]
    assert text_arrow.digits_as_zero(text.slice(2, 2)).to_pylist() == ["٢٠١٩ 0000", ""]


def _every_value(values: pd.Series, bare_years: bool) -> tuple[np.ndarray, np.ndarray]:
    """:func:`expanded.read_column` as it was: each distinct value read by :func:`expanded.read_one`."""
    codes, uniques = pd.factorize(values.astype("object"))
    micros = np.full(len(uniques) + 1, arrow.NAT, dtype=np.int64)
    precisions = np.full(len(uniques) + 1, None, dtype=object)
    for i, text in enumerate(uniques.tolist()):
        read = expanded.read_one(str(text), bare_years)
        if read is not None:
            micros[i], precisions[i] = read[0].astype(np.int64), read[1]
    return micros[codes], precisions[codes]


years = st.one_of(
    st.sampled_from(["-0473-03-15", "12000-05", "+2019", "12345", "-44", "2019-03-04", "Wed, 13 May 2020 +0000",
                     "\u00a0-0473", " \t12000-05-01T10:00Z", "\u300012000", "+12000-13", "x12000", "1e5",
                     "20200513T133953Z", "1234567890123", "12000Z", "12000+00:00", "-12 ", "12345\u2003"]),
    st.from_regex(r"\A[\s\u00a0\u2003]{0,2}[+-]?\d{1,14}(-\d\d(-\d\d( \d\d:\d\d)?)?|T\d{4,6}Z?)?(Z|\+00:?00)?\s?\Z"),
    st.text(max_size=8),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(years, st.none(), st.integers(-99999, 99999)), max_size=30), st.booleans())
def test_expanded_years_looked_at_only_where_one_starts(written: list[object], bare_years: bool) -> None:
    values = pd.Series(written, dtype="object")
    micros, precisions = expanded.read_column(values, bare_years)
    were_micros, were_precisions = _every_value(values, bare_years)
    assert micros.tolist() == were_micros.tolist()
    assert precisions.tolist() == were_precisions.tolist()


iso_like = st.from_regex(r"\A[+-]?\d{1,5}[-/.]\d{1,2}[-/.]\d{1,2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d{1,6})?)?"
                         r"(Z|[+-]\d{2}(:?\d{2})?| ?[A-Z]{3})?\Z")
written_times = st.one_of(iso_like, st.sampled_from(["Wed, 13 May 2020 13:39:53 +0000", "05/13/2020 01:39:53 PM",
                                                      "2019-03-04T10:00:00+01:00", "  2019-03-04 10:00  ", "2019",
                                                      "2019-03", "2019-02-30", "2019-02-30T10:00:00Z", "", "x-2019"]),
                          st.text(st.sampled_from("0123456789-+:T Z/."), max_size=22),
                          st.from_regex(r"\A[+-]?\d{1,5}[-/.]\d{1,2}([-/.]\d{1,2})?\Z"), st.from_regex(r"\A\d{7,10}\Z"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(written_times, st.none()), max_size=30))
def test_iso_times_tried_only_where_one_starts(written: list[str | None]) -> None:
    text = pa.array(written, pa.string())
    chosen = arrow.parse_fast(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(arrow, "_may_be_iso", lambda text: np.ones(len(text), dtype=bool))
        every = arrow.parse_fast(text)
    for field in ("micros", "codes", "naive", "present"):
        assert getattr(chosen, field).tolist() == getattr(every, field).tolist(), field


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(values.map(lambda drawn: drawn[0]), written_times, st.none()), min_size=1, max_size=30),
       st.integers(1, 6))
def test_a_column_reads_as_with_every_pass(written: list[str | None], repeats: int) -> None:
    """A column of any of these spellings, read whole, as the passes over every value read it (an offset's formats
    were tried on every value: now on those ending in one; a time ending in AM or PM was taken apart for a zone;
    a column of few distinct values had each row respelled, not each value)."""
    column = pd.Series(written * repeats, dtype="object")
    chosen = columns.parse_column(column)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(respell, "_MANY_SHAPES", -1.0)
        patch.setattr(respell, "_OFFSET_LAST", "")
        patch.setattr(arrow, "_may_be_iso", lambda text: np.ones(len(text), dtype=bool))
        patch.setattr(shaped, "extract", lambda *args: None)
        patch.setattr(zones, "AM_PM_LAST", r"[^\s\S]")
        patch.setattr(respell, "_FEW_DISTINCT", -1.0)
        every = columns.parse_column(column)
    assert chosen.instants.tolist() == every.instants.tolist()
    assert chosen.precisions.tolist() == every.precisions.tolist()
    assert chosen.invalid.tolist() == every.invalid.tolist()
    assert chosen.notes == every.notes


def _spans_as_they_were(values: pd.Series) -> np.ndarray:
    """:func:`zones.time_spans` as it was: every value taken apart."""
    written = pa.array(values.astype("object").where(values.notna(), None).tolist(), pa.string())
    found = pc.extract_regex(written, zones._TIME_SPAN)
    spans = np.asarray(pc.is_valid(found).to_numpy(zero_copy_only=False), dtype=bool)
    if not spans.any():
        return spans

    def number(name: str) -> np.ndarray:
        digits = found.field(name)
        digits = pc.if_else(pc.equal(digits, "").fill_null(True), "0", digits)
        return np.asarray(pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False))

    hours, minutes = number("h"), number("m")
    slash = np.asarray(pc.equal(found.field("joint"), "/").fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    return spans & (slash | ~zones.offsets_in_use(np.ones(len(spans), dtype=bool), hours, minutes)
                    | zones.spaced_spans(pc.utf8_trim_whitespace(written)))


times_of_day = st.from_regex(r"\A(2019-03-04[T ]| )?\d{1,2}:\d{2}(:\d{2})? ?[-/] ?\d{1,2}:?\d{2}(:\d{2})?\Z")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(times_of_day, written_times, st.none()), max_size=30), st.booleans())
def test_spans_of_times_taken_apart_only_where_one_matched(written: list[str | None], arrow_backed: bool) -> None:
    values = pd.Series(written, dtype="string[pyarrow]" if arrow_backed else "object")
    assert zones.time_spans(values).tolist() == _spans_as_they_were(values).tolist()


literals = st.one_of(
    st.sampled_from(['"1066-10-14T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>', '"2019-03-04"^^xsd:date',
                     "2019^^xsd:gYear", '"2019-03-04"', '" 2019-03 "', "1850-00-00T00:00:00Z", "+1850-03-00",
                     "-0044-00-00T00:00:00Z", "0000-00-00", "2019-13-00", '"x"^^xsd:string', "a^^b", '"']),
    st.from_regex(r'\A"?[+-]?\d{4,5}-\d{2}-\d{2}(T00:00:00Z)?"?(\^\^xsd:date(Time)?)?\Z'))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(literals, written_times, st.none()), max_size=30))
def test_literals_unwrapped_only_where_a_value_holds_their_marks(written: list[str | None]) -> None:
    text = pa.array(written, pa.string())
    plain, micros, precisions = wikidata.read_column(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(wikidata, "_holds", lambda text, letters: True)
        every_plain, every_micros, every_precisions = wikidata.read_column(text)
    assert plain.to_pylist() == every_plain.to_pylist()
    assert micros.tolist() == every_micros.tolist()
    assert precisions.tolist() == every_precisions.tolist()


PATTERNS = [columns._NUMERIC, columns._DAY_NAMED, columns._NAMED_DAY, columns._NAMED_MONTH, columns._NUMBERED_MONTH,
            columns._CLOCK, f"(?P<n>{columns._NUMBER})", zones.SUFFIX]
clock_like = st.from_regex(r"\A\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}"
                           r"([ T,]+\d{1,2}:\d{2}(:\d{2})?(\.\d+)? ?([AaPp]\.?[Mm]\.?)?)?\Z")
named_like = st.from_regex(r"\A(\d{1,2}[- /.]+)?(Jan|March|Sept|xyz)\.?[-\s/.,]+\d{1,2}(st|th)?,? \d{2,4}( \d:\d\d)?\Z")
parts_of = st.one_of(clock_like, named_like, written_times, st.from_regex(r"\A-?\d{13,22}\Z"),
                     st.sampled_from(["9 PM", "0903", "9h03", "12", "-3.5", "x"]),
                     st.text(st.sampled_from("0123456789 :./-APMapm\x0b\u0663"), max_size=14))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(parts_of, st.none()), max_size=40), st.sampled_from(PATTERNS), st.booleans())
def test_parts_sliced_by_shape_as_matched_value_by_value(written: list[str | None], pattern: str, many: bool) -> None:
    values = pd.Series(written * (9 if many else 1), dtype=columns.TEXT)  # (many: a column of few shapes)
    sliced = columns._extract(values, pattern)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(shaped, "extract", lambda *args: None)
        matched = columns._extract(values, pattern)
    pd.testing.assert_frame_equal(sliced, matched)


def test_a_pattern_telling_digits_apart_is_matched_value_by_value() -> None:
    assert shaped._compiled(r"^(?:(?P<y>[0-5]\d))$") is None
    assert shaped._compiled(r"^(?:(?P<y>19\d\d))$") is None
    assert shaped._compiled(r"^(?:(?P<y>\d{2,4}))$") is not None
    assert shaped._compiled(r"(?U)^(?:(?P<y>\d{2,4}))$") is None  # (RE2's ungreedy, Python's Unicode)


zoned = st.one_of(st.from_regex(r"\A(2019-03-04 |03/04/2019 )?\d{1,2}:\d{2}(:\d{2})? ?([AP]\.?M\.?|am)? ?"
                                r"(EST|UTC|Z|A|P|BC|GMT\+1|Europe/Paris|\(PST\))?\Z"),
                  st.sampled_from(["201X", "44 BC", "10:00Z", "T1000Z", "10 PM"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(zoned, written_times, st.none()), max_size=30))
def test_zones_sought_as_before_where_a_clock_ends_in_am_or_pm(written: list[str | None]) -> None:
    values = pd.Series(written, dtype=columns.TEXT)
    rest, parts, has_zone = columns._without_zones(values)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(zones, "AM_PM_LAST", r"[^\s\S]")
        every_rest, every_parts, every_has_zone = columns._without_zones(values)
    assert has_zone.tolist() == every_has_zone.tolist()
    assert rest.tolist() == every_rest.tolist()
    assert parts["zone"].where(has_zone).tolist() == every_parts["zone"].where(every_has_zone).tolist()


def _compact_as_it_was(nums: pd.Series) -> pd.Series:
    """:func:`numbers.compact_dates` as it was: every number written out and every one built as a date."""
    day_form, month_form = numbers._valid_compact(nums)
    whole = nums.where(day_form | month_form, 0).astype("int64")
    year = np.where(day_form, whole // 10000, whole // 100)
    month = np.where(day_form, (whole // 100) % 100, whole % 100)
    day = np.where(day_form, whole % 100, 1)
    valid = (day_form | month_form).to_numpy()
    frame = pd.DataFrame({"year": np.where(valid, year, np.nan), "month": np.where(valid, month, np.nan),
                          "day": np.where(valid, day, np.nan)}, index=nums.index)
    stamps = pd.to_datetime(frame, errors="coerce").astype("datetime64[us]")
    integral = (nums % 1 == 0) & nums.notna()
    digits = nums.where(integral & (nums >= 0), 0).astype("int64").astype(str).where(integral)
    timed = pd.Series(pd.NaT, index=nums.index, dtype="datetime64[us]")
    for length, form in ((14, "%Y%m%d%H%M%S"), (12, "%Y%m%d%H%M")):
        rows = digits.str.len() == length
        if rows.any():
            timed[rows] = pd.to_datetime(digits[rows], format=form, errors="coerce").astype("datetime64[us]")
    timed = timed.where((timed.dt.year >= numbers.YEARS[0]) & (timed.dt.year <= numbers.YEARS[1]))
    return stamps.where(timed.isna(), timed)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.integers(-10**15, 10**15), st.sampled_from([20190304, 201903, 20190304103000,
                                                                          201903041030, 1551693600, 19991231.5,
                                                                          20191340, 99999999999999]),
                          st.floats(-1e15, 1e15), st.none()), max_size=30), st.booleans())
def test_compact_numbers_written_out_only_at_their_lengths(written: list[float | None], repeated: bool) -> None:
    nums = pd.Series(written, dtype="float64", index=[7] * len(written) if repeated else None)
    instants, _precision, _read = numbers.compact_dates(nums)
    expected = _compact_as_it_was(nums)
    assert instants.dt.tz_localize(None).astype("datetime64[us]").tolist() == expected.tolist()
