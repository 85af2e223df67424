"""A date's parts written in numbers: which of two is the day and which the month (values above 12 show it, the
weekdays written before the dates, else the computer's habit, said), two-digit years (1969-2068, said, and warned
of when they fall in the future), and a clock's hours (12 AM is 0, 1 PM 13); made into instants at their precision.
Split from :mod:`viewer.model.dates.columns`, which finds the parts."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from viewer.model import dates
from viewer.model.dates import habit


def hours(parts: pd.DataFrame) -> pd.Series:
    """Hours of a clock match, with 12 AM → 0 and 1 PM → 13."""
    hour = parts["h"]
    if parts["ampm"].isna().all():
        return hour
    ampm = parts["ampm"].fillna("").str.lower().str[:1].to_numpy(dtype=object)
    return pd.Series(np.where(ampm == "", hour, hour % 12 + np.where(ampm == "p", 12, 0)), index=parts.index)


def micros(parts: pd.DataFrame) -> pd.Series:
    """The microseconds a time's fraction of a second writes, to its sixth digit (``.5`` is 500,000, ``.123456789012``
    123,456: a fraction of ten digits or more was dropped whole, 10:00:00.9999999999 read as 10:00:00).

    >>> micros(pd.DataFrame({"f": [5.0, 123456789012.0, float("nan")], "f_len": [1.0, 12.0, float("nan")]})).tolist()
    [500000.0, 123456.0, 0.0]
    """
    if "f" not in parts:
        return pd.Series(0.0, index=parts.index)
    digits = parts["f_len"].fillna(0).to_numpy(dtype=float)
    written = parts["f"].fillna(0).to_numpy(dtype=float)
    # (by exact powers of ten: 1e-6 as a float is a hair under a millionth, and floored 123456 to 123455)
    scaled = np.where(digits > 6, written / 10.0 ** np.maximum(digits - 6, 0),
                      written * 10.0 ** np.maximum(6 - digits, 0))
    return pd.Series(np.floor(scaled), index=parts.index)


def components(parts: pd.DataFrame, year: pd.Series, month: pd.Series, day: pd.Series
                ) -> tuple[pd.Series, pd.Series]:
    hour, minute, second = hours(parts).fillna(0), parts["mi"].fillna(0), parts["s"].fillna(0)
    leap = (second == 60).to_numpy()  # a leap second (23:59:60) is the day's last instant, not the next day's first
    frame = pd.DataFrame({"year": year, "month": month, "day": day, "hour": hour, "minute": minute,
                          "second": second.where(~leap, 59), "us": micros(parts).where(~leap, 999_999)})
    stamps = pd.to_datetime(frame.astype("float64"), errors="coerce").dt.tz_localize("UTC")
    # pandas adds the time to the day: 25:00 was 01:00 the next day, 10:61 11:01 (24:00:00 ends the day)
    clock = (minute < 60) & (second < 61) & ((hour < 24) | ((hour == 24) & (minute == 0) & (second == 0)))
    stamps = stamps.where(clock.to_numpy(dtype=bool))
    precision = pd.Series(np.where(parts["h"].notna(), "time", "day"), index=parts.index, dtype="object")
    return stamps.astype(dates.UTC_DTYPE), precision


def two_digit(years: pd.Series, lengths: pd.Series, notes: list[tuple[str, str]]) -> pd.Series:
    short = lengths == 2
    if short.any():
        notes.append(("info", "two-digit years read as 1969–2068 (00–68 → 2000s, 69–99 → 1900s)"))
        years = years.where(~short, years + np.where(years < 69, 2000, 1900))
        future = short & (years > pd.Timestamp.now(tz="UTC").year)
        if future.any():
            notes.append(("warning", f"{int(future.sum()):,} distinct two-digit years fall in the future "
                                     f"({int(years[future].min())}–{int(years[future].max())}); perhaps they "
                                     "are 100 years earlier — kept as read"))
    return years


def decide_order(a: pd.Series, b: pd.Series, sep: pd.Series, order: str | None,
                  notes: list[tuple[str, str]], vote: Callable[[], str | None]) -> str:
    if order in ("dmy", "mdy", "ymd"):
        return order
    day_first, month_first = int(((a > 12) & (b <= 12)).sum()), int(((b > 12) & (a <= 12)).sum())
    if day_first and month_first:
        chosen = "dmy" if day_first >= month_first else "mdy"
        notes.append(("warning", f"day/month order is mixed ({day_first} values day-first, {month_first} "
                                 f"month-first); read as {chosen}, the others are unreadable"))
        return chosen
    if day_first or month_first:
        chosen = "dmy" if day_first else "mdy"
        notes.append(("info", f"read as {'day' if day_first else 'month'}-first (values above 12 show it)"))
        return chosen
    if voted := vote():  # "Mon 08/01/24": 8 January is a Monday, 1 August 2024 a Thursday
        notes.append(("info", f"read as {'day' if voted == 'dmy' else 'month'}-first (the weekdays written before "
                              "the dates show it)"))
        return voted
    dotted = bool((sep == ".").mean() > 0.5)
    local = not dotted and habit.day_first()  # (05/03/2019 on a British or French computer: 5 March)
    chosen = "dmy" if dotted or local else "mdy"
    why = f", as this computer's locale ({habit.locale_name()}) writes dates" if local else ""
    notes.append(("warning", f"day/month order is ambiguous (no value above 12); assumed "
                             f"{'day' if chosen == 'dmy' else 'month'}-first{why} — pass date_order to change it"))
    return chosen
