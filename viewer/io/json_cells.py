"""JSON values as the text cells of a table, one way for every JSON reader (records, JSON lines by Python or
by Arrow): "" for none, a list of plain values as a ';' list (as Entente's columns hold lists), other
structures as their JSON without null members, whole numbers without a fraction. Never Qt.
"""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["TOO_DEEP", "cell_text", "column_text", "is_plain", "number_text"]

TOO_DEEP = "(nested too deep to show)"


def is_plain(value: object) -> bool:
    """A JSON value with a plain text form: a scalar, or a list of scalars (``["acme", "globex"]``)."""
    if isinstance(value, list):
        return not any(isinstance(v, (dict, list)) for v in value)
    return not isinstance(value, dict)


def cell_text(value: object) -> str:
    """A JSON cell as text: "" for none, a list of scalars as a ';' list (as Entente's columns hold lists), text
    written in runs as that text, other structures as their JSON, a whole number as one (``52.0`` as ``52``: JSON
    does not tell them apart, and Arrow's reader reads both as 52.0)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return number_text(value)
    if isinstance(value, list) and (is_plain(value) or is_rich_text(value)):
        return _list_text(value)
    if not isinstance(value, (dict, list)):
        return str(value)
    try:
        return json.dumps(_without_nulls(value), default=str)  # (a Parquet record's date or amount)
    except RecursionError:  # a structure nested nearly as deep as Python's parser allows
        return TOO_DEEP


def column_text(values: list[Any]) -> list[str]:
    """:func:`cell_text` of each value, a column at once: a column of text, whole numbers and booleans (most are)
    without a call per cell (300,000 records' cells took 1.4 s); a missing value (a NaN where a record lacks the
    key) is "".

    >>> column_text(["a", None, 3, True]), column_text([1.0, float("nan"), {"k": None}])
    (['a', '', '3', 'True'], ['1', '', '{}'])
    """
    kinds = set(map(type, values))
    if kinds <= {str}:
        return values
    if kinds <= {str, int, bool, type(None)}:
        return ["" if value is None else str(value) for value in values]
    return [cell_text(value) for value in values]


def _list_text(value: list[Any]) -> str:
    if is_plain(value):
        return ";".join(cell_text(v) for v in value if v is not None)
    return "".join(v if isinstance(v, str) else str(v.get("text", v.get("plain_text", ""))) for v in value)


def is_rich_text(value: list[Any]) -> bool:
    """Text in runs, as chat and note apps export it: strings and objects holding their ``text`` (Telegram's
    ``["See ", {"type": "link", "text": "https://…"}]``) or ``plain_text`` (Notion's rich text)."""
    runs = [v for v in value if isinstance(v, dict)]
    return bool(runs) and all(isinstance(v, str) or (isinstance(v, dict) and (
        isinstance(v.get("text"), str) or isinstance(v.get("plain_text"), str))) for v in value)


def _without_nulls(value: object) -> object:
    """A structure without its null members: Arrow's reader gives every object every key seen in its column
    (null where a record lacks one), so a null member is dropped by every reader alike. Without recursion: a
    line may nest as deep as the JSON parser allows."""
    root: list[object] = [value]
    todo: list[tuple[object, Any, Any]] = [(value, root, 0)]
    while todo:
        source, parent, key = todo.pop()
        if isinstance(source, dict):
            copy: dict[str, object] = {}
            for name, member in source.items():
                if member is not None:
                    copy[name] = member
                    if isinstance(member, (dict, list)):
                        todo.append((member, copy, name))
            parent[key] = copy
        elif isinstance(source, list):
            items = list(source)
            todo.extend((item, items, at) for at, item in enumerate(items) if isinstance(item, (dict, list)))
            parent[key] = items
    return root[0]


def number_text(value: float) -> str:
    """A JSON number as text: whole numbers without a fraction (up to 2**53, where doubles count exactly)."""
    return str(int(value)) if value.is_integer() and abs(value) < 2**53 else str(value)
