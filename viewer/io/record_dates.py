"""Which field of JSON records holds their dates, by its values, where no name says so (or the name misleads):

- a field whose values read as dates, whatever it is called: Spotify's ``endTime``, Companies House's
  ``appointed_on``, ``notified_on``; or counts of time since 1970 under a name of time (Google's ``time_usec``);
  of several, the one written first in time is the start (``appointed_on`` before ``resigned_on``), and one
  named as an ending (``resigned_on``, ``ceased_on``) that never comes before it is the end;
- a field named as the start (``time``, ``ts``) that holds small numbers beside a field of ISO date-times: the
  date-times are the start. A HAR capture's ``time`` is each request's length in milliseconds beside its
  ``startedDateTime``; any API's records may write a duration or count so. Numbers under 10^8 are no count of
  time since 1970, and beside an instant written in full they are no ticks of a clock of their own either.

Before, such records were refused as "JSON that Entente does not recognise", or read on a clock of milliseconds.
The choice is handed to the table reader as its ``start`` (and ``end``) option; one the caller gave wins.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from viewer.io.json_cells import cell_text
from viewer.io.table_mapping import YEAR_KEYS, column_key, guess_mapping
from viewer.model.dates import columns as date_columns
from viewer.model.dates.numbers import UNIX_UNITS

SAMPLE = 200
SHARE = 0.8  # of a field's values that must read as dates
_ISO_TIME = r"^\s*\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}"
_TIMED = re.compile(r"(?i)time|date|stamp|usec|msec|epoch|(^|_)(at|on|utc)$|[a-z](At|On)$")  # time_usec, createdAt,
# created_utc (Reddit's)
_ENDING = re.compile(r"^(ceased|resigned|ended|expired|dissolved|terminated|cancell?ed|withdrawn|revoked|left|"
                     r"closed|finished|stopped)(on|at|date)?$")
# a place's coordinates or name, never a date (a location history's startLocation.latitudeE7)
_PLACE = re.compile(r"(?i)latitude|longitude|location|coordinate|(^|[._])(lat|lng|lon)(E7)?($|[._])")
_ENDS = re.compile(r"(^|[._])end|[a-z]End")  # duration.endTimestamp, endTime
COUNTED_BELOW = UNIX_UNITS[0][1]  # 10^8: below it no number is a count of time since 1970


def _written(sample: list[dict[str, Any]], name: str) -> list[Any]:
    """The field's plain values where written (no object, no list, no empty text)."""
    return [row[name] for row in sample if row.get(name) not in (None, "") and not isinstance(row[name], dict | list)]


def _number(value: object) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip()) if re.fullmatch(r"\s*-?\d+(\.\d+)?\s*", str(value)) else None
    except ValueError:
        return None


def _counts_time(name: str, values: list[Any]) -> bool:
    """Numbers that count time since 1970 (seconds … nanoseconds), under a name of time."""
    numbers = [_number(v) for v in values]
    if not values or None in numbers or not _TIMED.search(name):
        return False
    return any(sum(low <= n < high for n in numbers if n is not None) >= SHARE * len(numbers)
               for _unit, low, high in UNIX_UNITS)


def _dated(name: str, values: list[Any]) -> bool:
    if not values:
        return False
    if _counts_time(name, values):
        return True
    return date_columns.looks_like_dates(pd.Series([cell_text(v) for v in values], dtype=object), SHARE)


def dated_fields(rows: list[dict[str, Any]]) -> list[str]:
    """The records' fields whose values read as dates (or counts of time under a name of time), in order."""
    sample = [row for row in rows[:SAMPLE] if isinstance(row, dict)]
    names = list(dict.fromkeys(str(key) for row in sample for key in row))
    return [name for name in names if _dated(name, _written(sample, name))]


def _instants(sample: list[dict[str, Any]], name: str) -> pd.Series:
    texts = pd.Series([cell_text(row.get(name)) if not isinstance(row.get(name), dict | list) else ""
                       for row in sample], dtype=object)
    return date_columns.parse_column(texts).instants.reset_index(drop=True)


def _before(first: pd.Series, then: pd.Series) -> bool:
    """Whether ``first`` comes no later than ``then`` in every record that has both (and some have both)."""
    both = first.notna() & then.notna()
    return bool(both.any()) and bool((first[both] <= then[both]).all())


def _iso_beside_numbers(sample: list[dict[str, Any]], names: list[str], start: str, end: str | None) -> str | None:
    """A field of ISO date-times beside a start field of small numbers (a HAR's ``time``); None otherwise."""
    numbers = [_number(v) for v in _written(sample, start)]
    if not numbers or None in numbers or column_key(start) in YEAR_KEYS or any(
            abs(n) >= COUNTED_BELOW for n in numbers if n is not None):
        return None
    for name in names:
        values = _written(sample, name)
        if name in (start, end) or not values or not all(isinstance(v, str) for v in values):
            continue
        if pd.Series(values, dtype=object).str.match(_ISO_TIME).mean() >= SHARE:
            return name
    return None


def date_options(rows: list[dict[str, Any]] | None, options: dict[str, Any]) -> dict[str, Any]:
    """The reading options with ``start`` (and ``end``) chosen from the records' values (see the module's note)
    when the caller gave none and the names do not say; the options as they are otherwise."""
    if not rows or options.get("start") is not None or options.get("mapping") is not None:
        return options
    sample = [row for row in rows[:SAMPLE] if isinstance(row, dict)]
    names = list(dict.fromkeys(str(key) for row in sample for key in row))
    guess = guess_mapping(names)
    named = None if _PLACE.search(str(guess.start)) else guess.start  # (startLocation.latitudeE7: no date)
    placed_end = guess.end is not None and bool(_PLACE.search(guess.end))
    present = [row[named] for row in sample if named is not None and row.get(named) not in (None, "")]
    if named is not None and present and sum(not isinstance(v, dict | list) for v in present) >= SHARE * len(present):
        instead = _iso_beside_numbers(sample, names, named, guess.end)
        return {**options, "start": instead} if instead is not None else options
    dated = [name for name in names
             if name != named and not _PLACE.search(name) and _dated(name, _written(sample, name))]
    if not dated:
        return options
    written = {name: len(_written(sample, name)) for name in dated}
    instants = {name: _instants(sample, name) for name in dated}
    likely = [name for name in dated if written[name] >= 0.5 * max(written.values())]
    start = max(likely, key=lambda name: sum(_before(instants[name], instants[other])
                                             for other in dated if other != name))
    chosen: dict[str, Any] = {"start": start}
    if guess.end == start:  # Spotify's endTime, its only date: the start, and no end of its own
        chosen["end"] = ""
    elif guess.end is None or placed_end:
        end = next((name for name in dated if name != start and (_ENDING.match(column_key(name)) or _ENDS.search(name))
                    and _before(instants[start], instants[name])), None)
        if end is not None or placed_end:
            chosen["end"] = end or ""
    return {**options, **chosen}
