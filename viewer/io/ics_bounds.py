"""How far a recurring event is expanded: :data:`MAX_YEARS` after its start, and a rule that repeats within the day
(every second, minute or hour) over no more than :data:`MOST_STEPS` of its steps.

dateutil walks such a rule step by step through its days: ``FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30``, a 30 February
that never comes, took 14 s an event to find nothing in ten years (a calendar of six: past a minute). Ten thousand
steps are hours of seconds, a week of minutes, a year of hours: more than the occurrences kept.

>>> from datetime import datetime
>>> reach(datetime(2019, 1, 1), {"FREQ": ["SECONDLY"], "INTERVAL": [2]})
(datetime.datetime(2019, 1, 1, 5, 33, 20), '20,000 seconds')
>>> reach(datetime(2019, 1, 1), {"FREQ": ["WEEKLY"]})
(datetime.datetime(2029, 1, 1, 0, 0), '10 years')

A rule no day ever meets is not given to dateutil at all: it walks on to the year 9999 looking for one.

>>> never(date(2019, 1, 1), date(2029, 1, 1), {"FREQ": ["DAILY"], "BYMONTH": [2], "BYMONTHDAY": [30]})
True
>>> never(date(2019, 1, 1), date(2029, 1, 1), {"FREQ": ["DAILY"], "BYMONTH": [2], "BYMONTHDAY": [-1]})
False
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

import numpy as np
import pandas as pd
from dateutil.relativedelta import relativedelta
from dateutil.rrule import rrulestr

MAX_YEARS = 10
MOST_STEPS = 10_000
STEPS = {"SECONDLY": ("second", timedelta(seconds=1)), "MINUTELY": ("minute", timedelta(minutes=1)),
         "HOURLY": ("hour", timedelta(hours=1))}


def reach(start: date, rule: Any = None) -> tuple[date, str]:
    """The last moment a series from ``start`` by ``rule`` (an RRULE's parts, or None) is expanded to, and that
    reach in words."""
    try:
        limit: date = start + relativedelta(years=MAX_YEARS)
    except (ValueError, OverflowError):
        limit = start.replace(year=9999, month=12, day=31)
    words = f"{MAX_YEARS} years"
    frequencies = rule.get("FREQ", []) if hasattr(rule, "get") else []
    step = STEPS.get(str(frequencies[0]).upper()) if frequencies and isinstance(start, datetime) else None
    if step is None:
        return limit, words
    intervals = rule.get("INTERVAL", [1])
    every = intervals[0] if intervals and isinstance(intervals[0], int) and intervals[0] > 0 else 1
    try:
        shorter = start + step[1] * every * MOST_STEPS
    except OverflowError:
        return limit, words
    if shorter >= limit:  # (both datetimes, as start is)
        return limit, words
    return shorter, f"{every * MOST_STEPS:,} {step[0]}s"


WEEKDAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
WALKED_BY_DAY = {"WEEKLY", "DAILY", "HOURLY", "MINUTELY", "SECONDLY"}  # (a yearly rule's walk is a year a step)


def never(start: date, limit: date, rule: Any) -> bool:
    """True when no day from ``start`` to ``limit`` meets the rule's month, day of the month, day of the year and
    weekday (an ordinal weekday, ``1MO``, taken as any Monday: a day it leaves in could still be left out by the
    rule, never the other way), for a rule dateutil walks day by day; False when that cannot be told."""
    frequencies = rule.get("FREQ", []) if hasattr(rule, "get") else []
    if not frequencies or str(frequencies[0]).upper() not in WALKED_BY_DAY:
        return False
    try:
        days = pd.date_range(pd.Timestamp(start.isoformat()[:10]), pd.Timestamp(limit.isoformat()[:10]), freq="D",
                             unit="s")
        months = {int(str(m)) for m in rule.get("BYMONTH", [])}
        monthdays = {int(str(d)) for d in rule.get("BYMONTHDAY", [])}
        yeardays = {int(str(d)) for d in rule.get("BYYEARDAY", [])}
        weekdays = {WEEKDAYS[str(d).strip()[-2:].upper()] for d in rule.get("BYDAY", [])}
    except (ValueError, KeyError, OverflowError, TypeError):
        return False
    met = np.ones(len(days), dtype=bool)
    if months:
        met &= np.isin(days.month, list(months))
    if monthdays:
        day, length = np.asarray(days.day), np.asarray(days.days_in_month)
        met &= np.isin(day, list(monthdays)) | np.isin(day - length - 1, list(monthdays))
    if yeardays:
        day, length = np.asarray(days.day_of_year), np.where(days.is_leap_year, 366, 365)
        met &= np.isin(day, list(yeardays)) | np.isin(day - length - 1, list(yeardays))
    if weekdays:
        met &= np.isin(days.day_of_week, list(weekdays))
    return not bool(met.any())


def why(exc: Exception, rules: list[Any]) -> str:
    """What is wrong with a recurrence that could not be expanded. recurring-ical-events says "UNTIL parameter is
    missing" of any rule dateutil refuses, taking each refusal for an UNTIL written without its zone: a rule of no
    UNTIL at all, ``BYSETPOS=0`` or ``BYSETPOS=400``, was said so. dateutil's own reason then, and the rule.

    >>> why(ValueError("UNTIL parameter is missing"), ["FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0"])
    'bysetpos must be between 1 and 366, or between -366 and -1: FREQ=MONTHLY;BYDAY=MO;BYSETPOS=0'
    """
    if "UNTIL parameter is missing" not in str(exc):
        return str(exc)
    for rule in rules:
        written = rule.to_ical().decode() if hasattr(rule, "to_ical") else str(rule)
        try:
            rrulestr(written, dtstart=datetime(2001, 1, 1), ignoretz=True)
        except (ValueError, TypeError, OverflowError, KeyError, IndexError) as error:
            return f"{error}: {written[:80]}"
    return str(exc) if rules else "its RRULE cannot be read, as its value's problem says"


def later(moment: datetime, span: timedelta, bound: datetime) -> datetime:
    """``moment`` plus ``span``, or ``bound`` when that is sooner (or past the year 9999)."""
    try:
        return min(moment + span, bound)
    except OverflowError:
        return bound


def day_before(start: date) -> date:
    """The day before ``start``, which expansion starts after (``start`` itself on the calendar's first day)."""
    try:
        return start - timedelta(days=1)
    except OverflowError:
        return start
