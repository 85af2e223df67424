"""MongoDB's Extended JSON, as ``mongoexport`` writes it: a value wrapped in an object of one ``$`` key
(``{"$date": "2019-03-04T10:00:00Z"}``, ``{"$date": {"$numberLong": "1551693600000"}}``, ``{"$oid": "5c7d…"}``,
``{"$numberLong": "12"}``). Such a file was refused ("no date column among _id, createdAt"): each wrapper is
unwrapped as it is parsed, a date into ISO text (milliseconds since the epoch, in UTC, when so written).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

WRAPPERS = frozenset({"$oid", "$date", "$numberLong", "$numberInt", "$numberDouble", "$numberDecimal", "$symbol"})
_MARKS = ('"$oid"', '"$date"', '"$number', '"$symbol"')


def written_in(text: str | bytes) -> bool:
    """Whether a JSON text may hold such wrappers (a plain search: most texts hold none and parse as they did)."""
    if isinstance(text, bytes):
        return any(mark.encode() in text for mark in _MARKS)
    return any(mark in text for mark in _MARKS)


def unwrap(value: dict[str, Any]) -> Any:
    """The value an object of one wrapper key stands for; any other object as it is (a ``json`` object hook:
    inner objects come first, so ``{"$date": {"$numberLong": …}}`` arrives as ``{"$date": 1551693600000}``)."""
    if len(value) != 1:
        return value
    ((key, inner),) = value.items()
    if key not in WRAPPERS:
        return value
    if key == "$date":
        return _date(inner)
    if isinstance(inner, str) and key in ("$numberLong", "$numberInt", "$numberDouble"):
        return _number(inner, int if key != "$numberDouble" else float)
    return inner


def _number(text: str, kind: type[int] | type[float]) -> object:
    """A number written as text, as a number (``NaN`` and ``Infinity``, and anything unreadable, as written)."""
    if text.strip().lower() in ("nan", "infinity", "-infinity", "+infinity"):
        return text
    try:
        return kind(text)
    except ValueError:
        return text


def _date(inner: object) -> object:
    """ISO text for a date written as milliseconds since the epoch; a date written as text, as it is."""
    if isinstance(inner, (int, float)) and not isinstance(inner, bool):
        try:
            moment = dt.datetime(1970, 1, 1, tzinfo=dt.UTC) + dt.timedelta(milliseconds=inner)
        except (OverflowError, ValueError):
            return str(inner)
        return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")
    return inner
