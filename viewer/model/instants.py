"""A time given to a query by a person or a program (``--at``, ``relations_at(2019)``), read on a dataset's clock.

Every date argument of the Python API (:class:`~viewer.model.dataset.Dataset`) and of the command line goes
through :func:`read`, so both take the same things and refuse them with the same words:

- on the calendar, text as a table writes a date (``2019-12``, ``19 Nov 2018``, ``44 BC``) or a named period
  (``Q1 2019``, ``2019-W05``, ``19th century``: its first date, or its last as a window's end); a whole number is
  that year (``2019``, as ``--at 2019`` is); an instant (``Timestamp``, ``datetime``) as it is;
- on a clock of numbers, the number;
- None where a time is needed, NaN, a fraction of a year or a true/false value: a ValueError saying what was
  expected.

>>> read(2019, "calendar").label(), read("Q1 2019", "calendar", upper=True).label()
('2019', 'Mar 2019')
>>> read("2019-02-30", "calendar")
Traceback (most recent call last):
ValueError: 2019-02-30: February 2019 has no 30th day
"""

from __future__ import annotations

import calendar
import math
import re

import numpy as np

from viewer.model import clock
from viewer.model.dates import PartialDate, periods

_ISO_DAY = re.compile(r"\s*([-+]?\d{4})-(\d{1,2})(?:-(\d{1,2}))?(?:[T ].*)?\s*")
_MONTH_NAMES = tuple(calendar.month_name)
_CALENDAR_EXAMPLES = "a date such as 2019, 2019-12, 2019-12-29, 19 Nov 2018 or Q1 2019"


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def impossible(text: str) -> str | None:
    """Why an ISO date names no day of the calendar (``2019-02-30``, ``2019-13``), or None.

    >>> impossible("2019-02-30"), impossible("2019-13-01"), impossible("2019-02-28")
    ('2019-02-30: February 2019 has no 30th day', '2019-13-01: there is no month 13', None)
    """
    found = _ISO_DAY.fullmatch(text)
    if found is None:
        return None
    year, month = int(found[1]), int(found[2])
    if not 1 <= month <= 12:
        return f"{text.strip()}: there is no month {month}"
    if found[3] is None:
        return None
    day, last = int(found[3]), calendar.monthrange(year if 1 <= year <= 9999 else 2000, month)[1]
    if not 1 <= day <= last:
        return f"{text.strip()}: {_MONTH_NAMES[month]} {year} has no {_ordinal(day)} day"
    return None


def expected(on: str) -> str:
    """What a time on clock ``on`` is written as, for a message."""
    return _CALENDAR_EXAMPLES if on == clock.CALENDAR else clock.expected(on)


def _refused(value: object, on: str) -> ValueError:
    said = impossible(value) if isinstance(value, str) else None
    return ValueError(said or f"expected {expected(on)}; got {value!r}")


def _period(text: str, upper: bool) -> PartialDate | None:
    """A named period's first date (its last, for a window's ``upper`` end), as a table's cell reads it."""
    found = periods.bounds(text)
    if found is None:
        return None
    try:
        return clock.parse_instant(found[1] if upper else found[0], clock.CALENDAR)
    except ValueError:
        return None


def read(value: object, on: str, *, upper: bool = False, required: bool = False) -> PartialDate | None:
    """``value`` as a time on clock ``on``; None stays None unless ``required`` (ValueError then).

    ``upper``: the time ends a window, so a named period (``Q1 2019``) stands for its last date.
    """
    if value is None:
        if required:
            raise ValueError(f"expected {expected(on)}; got None")
        return None
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"expected {expected(on)}; got {value!r}")
    if isinstance(value, (float, np.floating)) and math.isnan(value):
        raise ValueError(f"expected {expected(on)}; got NaN")
    if on == clock.CALENDAR and isinstance(value, (int, float, np.integer, np.floating)):
        if not float(value).is_integer():
            raise ValueError(f"{value!r} is no whole year; expected {_CALENDAR_EXAMPLES} (a number is a year)")
        value = str(int(value))  # the year 2019, as --at 2019 reads it, not 2019 ns after 1970
    try:
        return clock.parse_instant(value, on)
    except ValueError as exc:
        if isinstance(value, str) and on == clock.CALENDAR:
            if (period := _period(value, upper)) is not None:
                return period
            raise _refused(value, on) from exc
        raise


def readable(text: str) -> bool:
    """Whether ``text`` is a time on some clock, a named period (``Q1 2019``) included."""
    return clock.readable(text) or periods.bounds(text) is not None


def unreadable(text: str) -> str:
    """Why ``text`` is no time on any clock, for ``--at``/``--from``/``--to``: one sentence per case."""
    said = impossible(text)
    if said:
        return said
    return (f"expected {_CALENDAR_EXAMPLES}; got {text!r}. A dataset of numbers takes a number such as 42; one "
            "in deep time, a year such as -473, -13.8e9 or 66 Ma; one of hours, minutes and seconds, a time such "
            "as 9:30.")


def needed(value: object, on: str) -> PartialDate:
    """``value`` as a time on clock ``on`` (:func:`read`), where a time is needed: ValueError for None."""
    found = read(value, on, required=True)
    if found is None:  # (read refuses None when required: this is for the type checker)
        raise ValueError(f"expected {expected(on)}; got None")
    return found
