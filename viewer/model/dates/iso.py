"""Whole date columns in Arrow: ISO text parsed in C++ (the fast path of :mod:`columns`), text cleaned, and
dates written back at their precision."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import dates, text_arrow
from viewer.model.dates import PRECISION_DTYPE, ParsedDates
from viewer.model.dates.arrow import PRECISION_CODES, parse_fast

TEXT = pd.StringDtype("pyarrow")


def clean_arrow(values: pd.Series) -> pd.Series | None:
    """:func:`clean_text` for a text column, in Arrow; None for other columns."""
    if not pd.api.types.is_string_dtype(values.dtype):
        return None
    try:
        text = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    text = text_arrow.blanks_null(text_arrow.trimmed(text_arrow.without_nbsp(text_arrow.contiguous(text))))
    return pd.Series(text.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=values.index)


def ends_a_day(text: pa.Array) -> bool:
    """Whether a text writes the midnight that ends a day (``2020-01-01 24:00``): a column whose times are all at
    midnight reads as dates, but 24:00 is the end of the day written, not the whole day after.

    >>> ends_a_day(pa.array(["2020-01-01 24:00", "2020-01-02 00:00"])), ends_a_day(pa.array(["2020-01-02T00:00"]))
    (True, False)
    """
    return bool(pc.any(pc.match_substring_regex(text, r"[T ,]\s*24:00")).as_py())


def parse_iso_column(values: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series, list[tuple[str, str]]] | None:
    """Instants (UTC), precisions, invalid flags and notes for a column written wholly in ISO forms.

    None when any written value needs the general parser (other forms, time zones by name …). The
    notes match the general path's: times without a zone are reported, and a column whose zone-less
    times are all at midnight reads as dates.
    """
    if not (pd.api.types.is_string_dtype(values.dtype) or values.dtype == object):
        return None
    try:
        text = text_arrow.contiguous(pa.array(values, type=pa.string(), from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return None
    text = text_arrow.trimmed(text_arrow.without_nbsp(text))
    fast = parse_fast(text, trimmed=True)
    if (fast.present & (fast.codes < 0)).any():
        return None
    index = values.index
    codes = fast.codes.copy()
    is_time = codes == PRECISION_CODES["time"]
    notes: list[tuple[str, str]] = []
    # the general path reads a trailing zone letter (Z) as a zone name: those times count as zone-less here
    lettered = fast.lettered if fast.lettered is not None else text_arrow.last_is_letter(text)
    clocked = is_time & (fast.naive | lettered)
    if clocked.any() and (fast.micros[clocked] % 86_400_000_000 == 0).all() and not ends_a_day(text.filter(clocked)):
        codes[clocked] = PRECISION_CODES["day"]
        notes.append(("info", "every time is 00:00; read as dates (day precision)"))
    shift = codes == PRECISION_CODES["time"]
    shift &= fast.naive
    if shift.any():
        notes.append(("info", dates.zone_less(int(shift.sum()))))
    instants = pd.Series(fast.micros.view("datetime64[us]"), index=index).dt.tz_localize("UTC")
    precisions = dates.precision_series(codes, index)
    return instants, precisions, pd.Series(np.zeros(len(index), dtype=bool), index=index), notes


def parsed_dates(instants: pd.Series, precisions: pd.Series, keep: np.ndarray) -> ParsedDates:
    """Dates the loader already read, for build_dataset to take as they are."""
    at = instants[keep].reset_index(drop=True)
    if precisions.dtype == PRECISION_DTYPE:  # (the common case: recoding a million texts cost 0.15 s)
        codes = precisions.cat.codes.to_numpy()[keep]
    else:
        codes = pd.Categorical(precisions[keep], dtype=PRECISION_DTYPE).codes.copy()
    codes[at.isna().to_numpy()] = -1
    none = pd.Series(np.zeros(len(at), dtype=bool))
    return ParsedDates(at.where(codes >= 0), dates.precision_series(codes, at.index), none, none.copy())


def to_iso(instants: pd.Series, precisions: pd.Series) -> pd.Series:
    """Dates written back at their precision, so the model keeps 'ends in 2020' as the whole year.

    Years 1–9999 go through pandas' strftime in bulk; any other year (which strftime refuses) is
    written from its parts by :func:`viewer.model.dates.iso_date`.
    """
    out = pd.Series("", index=instants.index, dtype=object)
    years = instants.dt.year
    ordinary = ((years >= 1) & (years <= 9999)).fillna(False).to_numpy(dtype=bool)
    for precision, fmt in (("year", "%Y"), ("month", "%Y-%m"), ("day", "%Y-%m-%d"), ("time", "%Y-%m-%dT%H:%M:%SZ")):
        mask = (precisions == precision).fillna(False).to_numpy(dtype=bool)
        if (mask & ordinary).any():
            out[mask & ordinary] = instants[mask & ordinary].dt.strftime(fmt)
        for i in np.flatnonzero(mask & ~ordinary & instants.notna().to_numpy()).tolist():
            out.iloc[i] = dates.iso_date(instants.iloc[i], precision)
    return out


_UNITS = {"year": "Y", "month": "M", "day": "D"}


def iso_dates(instants: pd.Series, precisions: pd.Series) -> pd.Series:
    """:func:`viewer.model.dates.iso_date` for a whole column, in numpy: the same text, value for value
    (microseconds when there are any, ``Z``, any other precision written as a time, NaT as ""), with years
    outside 1–9999 written from their parts one by one."""
    naive = instants.dt.tz_convert("UTC").dt.tz_localize(None) if instants.dt.tz is not None else instants
    values = naive.to_numpy(dtype="datetime64[us]")
    kinds = np.asarray(precisions.astype(str), dtype=object)
    out = np.full(len(values), "", dtype=object)
    present = ~np.isnat(values)
    year = values.astype("datetime64[Y]").astype(np.int64) + 1970
    ordinary = present & (year >= 1) & (year <= 9999)
    for precision, unit in _UNITS.items():
        chosen = ordinary & (kinds == precision)
        if chosen.any():
            out[chosen] = np.datetime_as_string(values[chosen], unit=unit)  # type: ignore[call-overload]
    timed = ordinary & ~np.isin(kinds, list(_UNITS))
    if timed.any():
        at = values[timed]
        whole = at.astype(np.int64) % 1_000_000 == 0
        text = np.where(whole, np.datetime_as_string(at, unit="s"), np.datetime_as_string(at, unit="us"))
        out[timed] = np.char.add(text.astype(str), "Z")
    for i in np.flatnonzero(present & ~ordinary).tolist():
        out[i] = dates.iso_date(instants.iloc[i], str(kinds[i]))
    return pd.Series(out, index=instants.index, dtype=object)
