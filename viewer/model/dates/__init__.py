"""Partial dates with precision: ``2019``, ``2019-12``, ``2019-12-29`` and ISO date-times.

The model keeps every date as an exact UTC instant (the *start* of what was written) plus a
precision. "February 2023" is the whole month: :func:`span_end` gives the end of that span.
Parsing is vectorised over pandas Series so a million rows cost a few regex passes, not a loop.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pandas as pd

from viewer.model.dates import expanded
from viewer.model.dates.arrow import NAT, parse_fast, to_arrow

PRECISIONS = ("year", "month", "day", "time")
PRECISION_DTYPE = pd.CategoricalDtype(list(PRECISIONS))
UTC_DTYPE = "datetime64[us, UTC]"
EPOCH = pd.Timestamp("1970-01-01", tz="UTC")
SECONDS_LIMIT = 9.2e12  # datetime64[us] holds about ±9.22e12 seconds around 1970: the numeric clocks' bound
EXPECTED = "a date like 2019, 2019-12, 2019-12-29 or 2019-12-29T14:30:00+01:00"


def zone_less(count: int) -> str:
    """The note for date-times written without a time zone: "1 date-time has …", "3 date-times have …"."""
    return f"{count:,} date-time has no time zone; taken as UTC" if count == 1 else \
        f"{count:,} date-times have no time zone; taken as UTC"

_YEAR = r"\d{4}"
_MONTH = r"\d{4}-\d{1,2}"
_DAY = r"\d{4}-\d{1,2}-\d{1,2}"
# (ISO 8601's hour alone, "2019-03-04T10", as loggers and Wikidata's hour precision write it, only after a T)
_TIME = (r"\d{4}-\d{1,2}-\d{1,2}(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?|T\d{2})"
         r"\s*(?:Z|[+-]\d{2}:?\d{2})?")
_HAS_OFFSET = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = _MONTHS  # as dates are written for a person: Jan … Dec


@dataclass(frozen=True)
class PartialDate:
    """One date as written: the instant where it starts (UTC) and how precisely it is known."""

    start: pd.Timestamp
    precision: str

    @property
    def end(self) -> pd.Timestamp:
        """The exclusive end of the span the date covers (equal to start for a time)."""
        return span_end_one(self.start, self.precision)

    def label(self) -> str:
        """The date for a person: ``2019``, ``Feb 2023``, ``6 Feb 2023``, ``6 Feb 2023 14:00 UTC``."""
        return format_date(self.start, self.precision)

    def iso(self) -> str:
        """The date written back at its precision: ``2019``, ``2023-02``, ``2023-02-06``."""
        return iso_date(self.start, self.precision)

    def __repr__(self) -> str:
        # pandas' own repr goes through strftime, which fails outside years 1–9999
        return f"PartialDate({iso_date(self.start, 'time')!r}, {self.precision!r})"

    def __str__(self) -> str:
        return self.label()


@dataclass(frozen=True)
class ParsedDates:
    """The result of parsing a column: instants, precisions, and which rows failed or were naive."""

    instants: pd.Series  # datetime64[us, UTC], NaT where empty or invalid
    precisions: pd.Series  # categorical of PRECISIONS, NaN where empty or invalid
    invalid: pd.Series  # bool: a value was written but could not be read
    naive: pd.Series  # bool: a time without an offset, taken as UTC


def _clean(values: pd.Series) -> pd.Series:
    text = values.astype("string").str.strip()
    return text.mask(text == "", pd.NA)


def _to_utc(text: pd.Series, fmt: str) -> pd.Series:
    out = pd.to_datetime(text, format=fmt, utc=True, errors="coerce")
    return out.astype(UTC_DTYPE)


def _parse_general(values: pd.Series, instants: pd.Series, precisions: pd.Series, naive: pd.Series) -> None:
    """The regex-driven parser for the forms the fast path leaves (e.g. ``2019-1-5``); fills in place."""
    text = _clean(values)
    present = text.notna()
    patterns = (("year", _YEAR, "%Y"), ("month", _MONTH, "%Y-%m"), ("day", _DAY, "%Y-%m-%d"))
    for precision, pattern, fmt in patterns:
        mask = present & text.str.fullmatch(pattern).fillna(False).astype(bool)
        if mask.any():
            rows = mask[mask].index
            instants[rows] = _to_utc(text[mask], fmt)
            precisions[rows] = precision
    mask = present & text.str.fullmatch(_TIME).fillna(False).astype(bool)
    if mask.any():
        rows = mask[mask].index
        chunk = text[mask].str.replace(" ", "T", n=1).str.replace(r"\s+", "", regex=True)
        has_offset = chunk.str.contains(_HAS_OFFSET).fillna(False).astype(bool)
        instants[rows] = _to_utc(chunk, "ISO8601")
        precisions[rows] = "time"
        naive[rows] = ~has_offset.to_numpy()


def parse_dates(values: pd.Series) -> ParsedDates:
    """Parse a column of partial dates; empty cells stay NaT, unreadable ones are flagged."""
    index = values.index
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        series = values if getattr(values.dt, "tz", None) is not None else values.dt.tz_localize("UTC")
        instants = series.dt.tz_convert("UTC").astype(UTC_DTYPE)
        codes = np.where(instants.notna().to_numpy(), PRECISIONS.index("time"), -1).astype(np.int8)
        none = pd.Series(np.zeros(len(index), dtype=bool), index=index)
        return ParsedDates(instants, precision_series(codes, index), none, none.copy())
    fast = parse_fast(to_arrow(values))
    codes = fast.codes.copy()
    micros = fast.micros.copy()
    naive_flags = fast.naive.copy()
    rest = fast.present & (codes < 0)
    if rest.any():  # what the fast path does not recognise goes through the general parser
        rows = pd.RangeIndex(len(index))
        instants = pd.Series(pd.NaT, index=rows, dtype=UTC_DTYPE)
        precisions = pd.Series(pd.NA, index=rows, dtype="object")
        naive = pd.Series(False, index=rows)
        _parse_general(values.reset_index(drop=True)[rest], instants, precisions, naive)
        done = instants[rest].notna().to_numpy()
        picked = np.flatnonzero(rest)[done]
        micros[picked] = instants.iloc[picked].dt.tz_localize(None).to_numpy(dtype="datetime64[us]").view(np.int64)
        codes[picked] = [PRECISIONS.index(str(p)) for p in precisions.iloc[picked]]
        naive_flags[picked] = naive.iloc[picked].to_numpy()
    left = np.flatnonzero(fast.present & (codes < 0))
    if len(left):  # years before 1 or after 9999, as iso_date writes them (-0473-03-15, 12000)
        far, named = expanded.read_column(values.iloc[left])
        done = far != NAT
        micros[left[done]] = far[done]
        codes[left[done]] = [PRECISIONS.index(str(p)) for p in named[done]]
    # int64 min is NaT, so unparsed rows (micros == NAT) come out as NaT without a mask pass
    stamps = pd.Series(micros.view("datetime64[us]"), index=index).dt.tz_localize("UTC")
    invalid = fast.present & (codes < 0)
    return ParsedDates(stamps, precision_series(codes, index), pd.Series(invalid, index=index),
                       pd.Series(naive_flags & ~invalid, index=index))


def precision_series(codes: np.ndarray, index: pd.Index) -> pd.Series:
    """Precisions as the categorical :data:`PRECISION_DTYPE` from codes (-1: none), with no object per row."""
    return pd.Series(pd.Categorical.from_codes(np.asarray(codes, dtype=np.int8), dtype=PRECISION_DTYPE),
                     index=index)


def parse_date(text: str | pd.Timestamp | object) -> PartialDate:
    """Parse one date (string, ``datetime`` or ``pd.Timestamp``); raise ValueError when unreadable."""
    if isinstance(text, PartialDate):
        return text
    if not isinstance(text, str):
        stamp = pd.Timestamp(text)
        stamp = stamp.tz_localize("UTC") if stamp.tzinfo is None else stamp.tz_convert("UTC")
        is_date = isinstance(text, date) and not isinstance(text, datetime)
        return PartialDate(stamp.as_unit("us"), "day" if is_date else "time")
    parsed = parse_dates(pd.Series([text], dtype="object"))
    if parsed.instants.isna().iloc[0]:
        raise ValueError(f"expected {EXPECTED}, got {text!r}")
    return PartialDate(parsed.instants.iloc[0], str(parsed.precisions.iloc[0]))


def span_end(instants: pd.Series, precisions: pd.Series) -> pd.Series:
    """The exclusive end of each date's precision span: a year later, a month later, a day later."""
    naive = instants.dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
    # compare small integer codes, not a million strings
    ticks = span_end_ticks(naive.view(np.int64), pd.Categorical(precisions, dtype=PRECISION_DTYPE).codes)
    return pd.Series(ticks.view("datetime64[us]"), index=instants.index).dt.tz_localize("UTC").astype(UTC_DTYPE)


def span_end_ticks(ticks: np.ndarray, codes: np.ndarray) -> np.ndarray:
    """:func:`span_end` in numpy: microsecond ticks (int64, NaT as numpy writes it) and precision codes (the
    positions in :data:`PRECISIONS`; -1 or ``time``: the instant itself).

    >>> ticks = np.array(["2019-03-04T10:30", "2019-03-04", "2019-12-31", "NaT"], "datetime64[us]").view(np.int64)
    >>> span_end_ticks(ticks, np.array([3, 1, 0, 2])).view("datetime64[us]").astype("datetime64[m]")
    array(['2019-03-04T10:30', '2019-04-01T00:00', '2020-01-01T00:00', 'NaT'], dtype='datetime64[m]')
    """
    out = ticks.copy()
    for name, unit in (("year", "Y"), ("month", "M"), ("day", "D")):
        mask = codes == PRECISIONS.index(name)
        if mask.any():
            days = ticks[mask].view("datetime64[us]").astype(f"datetime64[{unit}]") + 1
            out[mask] = days.astype("datetime64[us]").view(np.int64)
    return out


def span_end_one(start: pd.Timestamp, precision: str) -> pd.Timestamp:
    """:func:`span_end` for one date, in numpy scalars (a Series of one cost ~3 ms, per fuzzy edge label)."""
    stamp = pd.Timestamp(start)
    if pd.isna(stamp):
        return pd.Timestamp(pd.NaT)
    naive = (stamp.tz_convert("UTC").tz_localize(None) if stamp.tzinfo is not None else stamp).as_unit("us")
    unit = {"year": "Y", "month": "M", "day": "D"}.get(str(precision))
    out = naive.to_datetime64()
    if unit is not None:
        out = (out.astype(f"datetime64[{unit}]") + 1).astype("datetime64[us]")
    return pd.Timestamp(out).tz_localize("UTC")


def format_date(stamp: pd.Timestamp, precision: str) -> str:
    """A date for a person, at its precision: ``2019``, ``Feb 2023``, ``6 Feb 2023``."""
    if pd.isna(stamp):
        return ""
    if precision == "year":
        return f"{stamp.year}"
    if precision == "month":
        return f"{_MONTHS[stamp.month - 1]} {stamp.year}"
    if precision == "day":
        return f"{stamp.day} {_MONTHS[stamp.month - 1]} {stamp.year}"
    # built from parts: strftime cannot format years before 1
    return f"{stamp.day} {_MONTHS[stamp.month - 1]} {stamp.year} {stamp.hour:02d}:{stamp.minute:02d} UTC"


def iso_date(stamp: pd.Timestamp, precision: str) -> str:
    """A date written back in ISO form at its precision (``2023-02``); empty for NaT."""
    if pd.isna(stamp):
        return ""
    year = f"{stamp.year:04d}" if stamp.year >= 0 else f"-{-stamp.year:04d}"
    if precision == "year":
        return year
    if precision == "month":
        return f"{year}-{stamp.month:02d}"
    day = f"{year}-{stamp.month:02d}-{stamp.day:02d}"  # from parts: years before 1 have no strftime
    if precision == "day":
        return day
    seconds = f"{stamp.second:02d}" + (f".{stamp.microsecond:06d}" if stamp.microsecond else "")
    return f"{day}T{stamp.hour:02d}:{stamp.minute:02d}:{seconds}Z"


def to_seconds(instants: pd.Series | pd.Timestamp) -> np.ndarray | float:
    """Unix seconds (float) for the date axis; the one place where that conversion is made."""
    if isinstance(instants, pd.Timestamp):
        return float((instants - EPOCH) / pd.Timedelta(seconds=1))
    if instants.dtype != UTC_DTYPE:
        return ((instants - EPOCH) / pd.Timedelta(seconds=1)).to_numpy(dtype="float64", na_value=np.nan)
    ticks = instants.array.asi8  # microseconds since 1970: the same floats as pandas' subtraction, without its passes
    seconds = ticks / np.float64(1_000_000)
    seconds[ticks == NAT] = np.nan
    return seconds


def to_micros(instants: pd.Series) -> np.ndarray:
    """UTC instants as int64 microseconds (NaT the least integer): one numeric axis, whatever the column's zone."""
    return instants.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[us]").view(np.int64)


def from_seconds(seconds: float) -> pd.Timestamp:
    """The UTC instant for Unix seconds (inverse of :func:`to_seconds`)."""
    return (EPOCH + pd.Timedelta(microseconds=round(seconds * 1e6))).as_unit("us")
