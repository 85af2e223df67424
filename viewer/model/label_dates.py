"""The dates that open the label of an event known only to the month or year, for many events at once.

``Feb 2023 · Paris gives Tokyo…`` says the month is all we know. The text is the one
:func:`viewer.model.query.describe_span` writes (``Mar–May 2002`` for months of one year), built here in
Arrow for a whole column: made one event at a time through pandas it cost 0.6 ms an event, and a file of
100,000 month- and year-dated events held the window for a minute while their label lengths were taken.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates import MONTH_NAMES

SEPARATOR = " · "  # between the dates and the title
_MONTH_NAMES = pa.array(MONTH_NAMES)


def coarse(events: pd.DataFrame) -> np.ndarray:
    """Which events are known only to the month or year (their labels open with their dates)."""
    return events["precision"].isin(["year", "month"]).to_numpy(dtype=bool)


def labels(events: pd.DataFrame, rows: np.ndarray) -> pa.Array:
    """The labels of ``rows`` (positions in ``events``, each a month- or year-dated event): dates, separator,
    title."""
    rows = np.asarray(rows, dtype=np.int64)
    start = events["start"].iloc[rows].reset_index(drop=True)
    end = events["end"].iloc[rows].reset_index(drop=True)
    precision = _text(events["precision"].iloc[rows])
    given = _text(events["end_precision"].iloc[rows])
    has_end = pa.array(end.notna().to_numpy(dtype=bool))
    end_precision = pc.if_else(pc.is_null(given), precision, given)  # an end without its own takes the start's
    starts, ends = _parts(start), _parts(end)
    first, last = _formatted(starts, precision), _formatted(ends, end_precision)
    same_year = pa.array((starts["year"] == ends["year"]) & ends["present"])
    months = pc.and_(pc.and_(pc.equal(precision, "month"), pc.fill_null(pc.equal(given, "month"), False)), same_year)
    # Mar–May 2002: the start's month alone when both ends are months of one year
    when = pc.if_else(months, _join(pc.utf8_slice_codeunits(first, 0, 3), "–", last),
                      pc.if_else(has_end, _join(first, " – ", last), first))
    titles = pa.array(events["title"].iloc[rows], type=pa.string(), from_pandas=True).fill_null("")
    return _join(when, SEPARATOR, titles)


def lengths(events: pd.DataFrame, rows: np.ndarray) -> np.ndarray:
    """The number of characters of each of :func:`labels`, counted from the dates' parts without writing them
    (a million month-dated labels written out took 2.3 s of a dataset's arrival in the window)."""
    rows = np.asarray(rows, dtype=np.int64)
    starts = _parts(events["start"].iloc[rows].reset_index(drop=True))
    ends = _parts(events["end"].iloc[rows].reset_index(drop=True))
    precision = np.asarray(_text(events["precision"].iloc[rows]).to_numpy(zero_copy_only=False), dtype=object)
    given = np.asarray(_text(events["end_precision"].iloc[rows]).to_numpy(zero_copy_only=False), dtype=object)
    end_precision = np.where(pd.isna(given), precision, given)
    first, last = _written_length(starts, precision), _written_length(ends, end_precision)
    months = (precision == "month") & (given == "month") & (starts["year"] == ends["year"]) & ends["present"]
    when = np.where(months, 4 + last, first + np.where(ends["present"], 3 + last, 0))  # "Mar–" or " – "
    titles = pa.array(events["title"].iloc[rows], type=pa.string(), from_pandas=True).fill_null("")
    chars = np.asarray(pc.utf8_length(titles).to_numpy(zero_copy_only=False), dtype=np.int64)
    return when + len(SEPARATOR) + chars


_POWERS = 10 ** np.arange(1, 19, dtype=np.int64)


def _written_length(parts: dict[str, np.ndarray], precision: np.ndarray) -> np.ndarray:
    """How many characters :func:`_formatted` writes for each instant (0 for none)."""
    def width(values: np.ndarray) -> np.ndarray:
        return 1 + np.searchsorted(_POWERS, np.abs(values), side="right") + (values < 0)

    year = width(parts["year"])
    in_month = 4 + year  # "Mar 2019"
    in_day = width(parts["day"]) + 1 + in_month
    written = np.where(precision == "year", year, np.where(precision == "month", in_month,
                                                            np.where(precision == "day", in_day, in_day + 10)))
    return np.where(parts["present"], written, 0)


def _text(values: pd.Series) -> pa.Array:
    """A precision column as strings (null where missing)."""
    return pa.array(values.astype("object").to_numpy(dtype=object), type=pa.string(), from_pandas=True)


def _join(*parts: pa.Array | str) -> pa.Array:
    return pc.binary_join_element_wise(*parts, "")


def _parts(stamps: pd.Series) -> dict[str, np.ndarray]:
    """Year, month, day, hour and minute of each UTC instant (numpy's calendar: year 0 and before as pandas
    counts them), and which are present (the others read as 1970-01-01)."""
    present = stamps.notna().to_numpy(dtype=bool)
    at = stamps.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
    at = np.where(present, at, np.datetime64(0, "us"))
    months = at.astype("datetime64[M]")
    micros = (at - at.astype("datetime64[D]")).astype(np.int64)  # into the day
    return {"year": at.astype("datetime64[Y]").astype(np.int64) + 1970,
            "month": months.astype(np.int64) % 12 + 1,
            "day": (at.astype("datetime64[D]") - months.astype("datetime64[D]")).astype(np.int64) + 1,
            "hour": micros // 3_600_000_000, "minute": micros // 60_000_000 % 60, "present": present}


def _formatted(parts: dict[str, np.ndarray], precision: pa.Array) -> pa.Array:
    """:func:`viewer.model.dates.format_date` of each instant at its precision ("" for none)."""
    year = pc.cast(pa.array(parts["year"]), pa.string())
    day = pc.cast(pa.array(parts["day"]), pa.string())
    month = _MONTH_NAMES.take(pa.array(parts["month"] - 1))
    clock = _join(pc.utf8_lpad(pc.cast(pa.array(parts["hour"]), pa.string()), 2, "0"), ":",
                  pc.utf8_lpad(pc.cast(pa.array(parts["minute"]), pa.string()), 2, "0"))
    in_month = _join(month, " ", year)
    in_day = _join(day, " ", in_month)
    written = pc.if_else(pc.fill_null(pc.equal(precision, "year"), False), year,
                         pc.if_else(pc.fill_null(pc.equal(precision, "month"), False), in_month,
                                    pc.if_else(pc.fill_null(pc.equal(precision, "day"), False), in_day,
                                               _join(in_day, " ", clock, " UTC"))))
    return pc.if_else(pa.array(parts["present"]), written, "")
