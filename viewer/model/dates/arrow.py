"""The fast path for parsing date columns: fixed-width ISO forms parsed by Arrow in C++.

Most files write every date the same way (``2019-12-29`` or ``2019-12-29T14:30:00Z``). Those values
are parsed here in a few vectorised passes; whatever this path does not recognise is left for the
general parser in :mod:`viewer.model.dates`, so the answers are the same, only faster.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow
from viewer.model.dates.zones import offsets_in_use, spaced_spans

NAT = np.iinfo(np.int64).min
# (precision, width, formats tried in order, offset-aware?)
_FIXED = (("year", 4, ("%Y",)), ("month", 7, ("%Y-%m",)), ("day", 10, ("%Y-%m-%d",)))
_AWARE = ("%Y-%m-%dT%H:%M:%S%z", "%Y-%m-%d %H:%M:%S%z", "%Y-%m-%dT%H:%M%z", "%Y-%m-%d %H:%M%z")
_NAIVE = ("%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M")
PRECISION_CODES = {"year": 0, "month": 1, "day": 2, "time": 3}


@dataclass(frozen=True)
class FastResult:
    """Microseconds since the epoch (``NAT`` where not parsed), precision codes (-1: not parsed), naive flags."""

    micros: np.ndarray
    codes: np.ndarray
    naive: np.ndarray
    present: np.ndarray  # something other than white space was written
    lettered: np.ndarray | None = None  # ends in a letter (a zone: Z), where the parse knows it without a pass


def _digits(text: pa.Array, start: int, stop: int) -> np.ndarray:
    part = pc.utf8_slice_codeunits(text, start, stop)
    # e.g. '0:' in a mangled time, or '٠١' (Arabic-Indic digits, which Arrow's integer cast refuses): not a
    # date anyway (utf8_is_digit let those through, and a file holding one failed to open)
    part = pc.if_else(pc.match_substring_regex(part, "^[0-9]+$").fill_null(False), part, "0")
    return np.asarray(pc.cast(part, pa.int64(), safe=False).to_numpy(zero_copy_only=False), dtype=np.int64)


def _valid_day(text: pa.Array) -> np.ndarray:
    """Arrow's strptime rolls 2019-02-30 over into March: check the written day fits its month."""
    day = _digits(text, 8, 10)
    valid = (day >= 1) & (day <= 31)
    late = np.flatnonzero(day > 28)  # only these can overflow their month
    if len(late):
        chunk = _take(text, late)
        year, month = _digits(chunk, 0, 4), _digits(chunk, 5, 7)
        month_start = (year - 1970) * 12 + (month - 1)
        length = (np.asarray(month_start + 1, dtype="datetime64[M]").astype("datetime64[D]")
                  - np.asarray(month_start, dtype="datetime64[M]").astype("datetime64[D]")).astype(np.int64)
        valid[late] &= day[late] <= length
    return valid


def _valid_clock(text: pa.Array) -> np.ndarray:
    """Arrow's strptime rolls 25:00 over into the next day and 10:61 into 11:01 too: check the written time is
    one (24:00:00, ISO's end of a day, and a leap second's :60 are)."""
    hour, minute, second = _digits(text, 11, 13), _digits(text, 14, 16), _second(text)
    return (minute <= 59) & (second <= 60) & ((hour <= 23) | ((hour == 24) & (minute == 0) & (second == 0)))


def _second(text: pa.Array) -> np.ndarray:
    """The second each ISO date-time writes (0 where it writes none)."""
    seconds = pc.equal(pc.utf8_slice_codeunits(text, 16, 17), ":").fill_null(False)
    return np.where(np.asarray(seconds.to_numpy(zero_copy_only=False), dtype=bool), _digits(text, 17, 19), 0)


def _take(text: pa.Array, rows: np.ndarray) -> pa.Array:
    return text if len(rows) == len(text) else text.take(pa.array(rows))


def _cast_all(text: pa.Array, aware: bool) -> np.ndarray | None:
    """Arrow's ISO 8601 cast: several times faster than strptime, but all-or-nothing."""
    try:
        stamps = pc.cast(text, pa.timestamp("us", tz="UTC") if aware else pa.timestamp("us"))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        return None
    if stamps.null_count:
        return None
    return np.array(stamps.cast(pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)  # writable copy


def _parse(text: pa.Array, formats: tuple[str, ...]) -> tuple[np.ndarray, np.ndarray, bool]:
    """Try each format on what is still unparsed: micros, a parsed mask, and whether the parse was strict
    (Arrow's cast rejects 2019-02-30; its strptime rolls it over, so those results need checking)."""
    fast = _cast_all(text, aware=formats is _AWARE) if formats[0].startswith("%Y-%m-%d") else None
    if fast is not None:
        return fast, np.ones(len(text), dtype=bool), True
    micros = np.full(len(text), NAT, dtype=np.int64)
    todo = np.arange(len(text))
    for fmt in formats:
        if not len(todo):
            break
        chunk = _take(text, todo)
        stamps = pc.strptime(chunk, format=fmt, unit="us", error_is_null=True)
        values = np.asarray(stamps.cast(pa.int64()).fill_null(NAT).to_numpy(zero_copy_only=False), dtype=np.int64)
        ok = values != NAT
        micros[todo[ok]] = values[ok]
        todo = todo[~ok]
    return micros, micros != NAT, False


def _zulu(text: pa.Array) -> np.ndarray:
    """Whether each value ends in Z or z (UTC written as a letter): a literal test, 20x cheaper than a regex."""
    ends = pc.or_(pc.ends_with(text, "Z"), pc.ends_with(text, "z")).fill_null(False)
    return np.asarray(ends.to_numpy(zero_copy_only=False), dtype=bool)


def _may_have_offset(text: pa.Array, zulu: np.ndarray) -> np.ndarray:
    """Whether each date-time writes something an offset needs after its date (a sign or Z): only those are
    tried with offsets. Arrow's cast of a column without them to an aware type fails only after reading it
    all, and four strptime passes followed: 60 ms a column of 50,000, each of a wide table's columns. A value
    ending in Z (``zulu``, from :func:`_zulu`) needs no regex (the common export: 70-110 ms saved a column of a
    million)."""
    found = zulu.copy()
    others = np.flatnonzero(~found)
    if len(others):
        signed = pc.match_substring_regex(_take(text, others), r"^.{10}.*[-+Zz]").fill_null(False)
        found[others] = np.asarray(signed.to_numpy(zero_copy_only=False), dtype=bool)
    return found


def _offset_fits(text: pa.Array, zulu: np.ndarray) -> np.ndarray:
    """Whether each value read with a UTC offset writes one a zone uses, by sign, hours and minutes
    (:func:`~viewer.model.dates.zones.offsets_in_use`): Arrow reads "+25:00" as a shift of a day and an hour, which
    the general parser refuses, as Python's datetime does. "2019-03-04 09:00-11:00" is a span
    (:func:`~viewer.model.dates.zones.spaced_spans`). A value ending in Z fits without a look."""
    fits = np.ones(len(text), dtype=bool)
    others = np.flatnonzero(~zulu)
    if not len(others):
        return fits
    parts = pc.extract_regex(_take(text, others), r"(?P<sign>[+-])(?P<h>\d{2}):?(?P<m>\d{2})?$")

    def number(name: str) -> np.ndarray:  # "" where the group or the whole match is missing
        digits = parts.field(name)
        digits = pc.if_else(pc.equal(digits, "").fill_null(True), "0", digits)
        return np.asarray(pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False))

    hours, minutes = number("h"), number("m")
    signed = np.asarray(pc.is_valid(parts).to_numpy(zero_copy_only=False), dtype=bool)
    west = np.asarray(pc.equal(parts.field("sign"), "-").fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    fits[others] = signed & offsets_in_use(west, hours, minutes) & ~spaced_spans(_take(text, others))
    return fits


def to_arrow(values: object) -> pa.Array:
    """A string array for a pandas column of text (numbers and other objects become their text)."""
    try:
        return pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        series = pd.Series(values, dtype="object")
        return pa.array(series.where(series.isna(), series.map(str)), type=pa.string(), from_pandas=True)


def parse_fast(values: pa.Array, trimmed: bool = False) -> FastResult:
    """Parse the fixed-width ISO values of a string array; others stay unparsed (code -1). ``trimmed``: the
    caller trimmed the values already (a check for spaces costs a pass over them)."""
    text = values if trimmed else text_arrow.trimmed(values.cast(pa.string()))
    n = len(text)
    lengths = np.asarray(pc.utf8_length(text).fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)
    quick = _all_zulu(text, lengths)
    if quick is not None:
        return quick
    micros = np.full(n, NAT, dtype=np.int64)
    codes = np.full(n, -1, dtype=np.int8)
    naive = np.zeros(n, dtype=bool)
    for precision, width, formats in _FIXED:
        rows = np.flatnonzero(lengths == width)
        if len(rows) and precision != "year":  # (%Y-%m and %Y-%m-%d as the date-times below: 1589377193 is none)
            rows = rows[_may_be_iso(_take(text, rows))]
        if len(rows):
            chunk = _take(text, rows)
            parsed, ok, strict = _parse(chunk, formats)
            if precision == "day" and ok.any() and not strict:
                ok &= _valid_day(chunk)
            micros[rows[ok]] = parsed[ok]
            codes[rows[ok]] = PRECISION_CODES[precision]
    rows = np.flatnonzero(lengths >= 16)
    if len(rows):
        rows = rows[_may_be_iso(_take(text, rows))]
    if len(rows):
        chunk = _take(text, rows)
        aware, aware_ok, strict = np.full(len(rows), NAT, dtype=np.int64), np.zeros(len(rows), dtype=bool), True
        zulu = _zulu(chunk)
        signed = np.flatnonzero(_may_have_offset(chunk, zulu))
        if len(signed):
            written = _take(chunk, signed)
            aware[signed], aware_ok[signed], strict = _parse(written, _AWARE)
            aware_ok[signed] &= _offset_fits(written, zulu[signed])
        rest = np.flatnonzero(~aware_ok)
        naive_micros, naive_ok, naive_strict = (_parse(_take(chunk, rest), _NAIVE) if len(rest)
                                                else (aware, aware_ok[:0], True))
        aware[rest[naive_ok]] = naive_micros[naive_ok]
        ok = aware_ok.copy()
        ok[rest[naive_ok]] = True
        if not (strict and naive_strict):
            ok &= _valid_day(chunk) & _valid_clock(chunk)
            aware -= _second(chunk) == 60  # a leap second, rolled into the next day: the last microsecond of its own
        micros[rows[ok]] = aware[ok]
        codes[rows[ok]] = PRECISION_CODES["time"]
        flag = np.zeros(len(rows), dtype=bool)
        flag[rest[naive_ok]] = True
        naive[rows[ok & flag]] = True
    return FastResult(micros, codes, naive, lengths > 0)


def _may_be_iso(text: pa.Array) -> np.ndarray:
    """Whether each value (none shorter than seven characters) starts as every form in :data:`_AWARE` and
    :data:`_NAIVE` does, and the month's and the day's of :data:`_FIXED`: a digit or a sign, and a hyphen among the
    next five bytes (``%Y`` reads a sign and up to four digits). Only those are tried: Arrow's cast and strptime read
    a whole column before they refuse it; a column of mail dates (``Wed, 13 May 2020 13:39:53 +0000``) went through
    ten passes, and a million Unix times (``1589377193``, as long as ``2020-05-13``) cost half a second."""
    spans = text_arrow.byte_starts(text)
    if spans is None:
        return np.ones(len(text), dtype=bool)
    starts, data = spans
    may = data[starts + 4] == ord("-")  # (ISO's own, 2019-…, told by one byte)
    if may.all():
        return may
    others = np.flatnonzero(~may)
    at = starts[others]
    lead = data[at]
    hyphen = np.zeros(len(others), dtype=bool)
    for k in range(1, 6):
        hyphen |= data[at + k] == ord("-")
    may[others] = (((lead >= ord("0")) & (lead <= ord("9"))) | (lead == ord("+")) | (lead == ord("-"))) & hyphen
    return may


def _all_zulu(text: pa.Array, lengths: np.ndarray) -> FastResult | None:
    """The common export, where every written value is a date-time in UTC ending in Z (``2019-12-29T14:30:00Z``),
    parsed in one cast, or None. What :func:`parse_fast` gives them (the same cast, every offset fitting), without
    its passes that sort out mixed forms, which cost twice the cast."""
    present = lengths > 0
    if not present.any() or lengths[present].min() < 16:
        return None
    written = text if present.all() else _take(text, np.flatnonzero(present))
    if not pc.all(pc.ends_with(written, "Z")).as_py() or not _may_be_iso(written).all():
        return None  # (ISO's basic form, 20200513T133953Z, fails Arrow's cast only once it is all read)
    cast = _cast_all(written, aware=True)
    if cast is None:
        return None
    micros = cast if len(cast) == len(text) else np.full(len(text), NAT, dtype=np.int64)
    if micros is not cast:
        micros[present] = cast
    codes = np.where(present, np.int8(PRECISION_CODES["time"]), np.int8(-1)).astype(np.int8)
    return FastResult(micros, codes, np.zeros(len(text), dtype=bool), present, lettered=present)
