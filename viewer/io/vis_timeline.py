"""vis-timeline item data: a JSON list of items, or ``{"items": [...], "groups": [...]}``.

An item has ``id``, ``content`` (HTML), ``start``, optional ``end``, ``type`` (box, point, range,
background) and ``group``. Dates are ISO strings or numbers (milliseconds since 1970, as JavaScript
writes them). A date-only end is the midnight the item stops, so it is read as the day before at
day precision (``2014-04-16`` to ``2014-04-19`` covers the 16th, 17th and 18th). Groups become
entities (their ``content`` is the name) and an item's group its actor. Every item keeps its row,
so problems found while parsing dates point at the item's position.
"""

from __future__ import annotations

import math
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io.html_text import to_text
from viewer.io.reading import read_json
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

_TYPES = ("box", "point", "range", "background")
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_MAX_MS = 8.64e15  # JavaScript's Date range: ±100,000,000 days around 1970


def looks_like(document: object) -> bool:
    """True for a parsed vis-timeline document: a list of items with ``start``, or ``{"items": [...]}``."""
    if isinstance(document, dict):
        if "events" in document or not isinstance(document.get("items"), list):
            return False
        if not document["items"]:
            return "groups" in document
        document = document["items"]
    if not isinstance(document, list) or not document:
        return False
    sample = [item for item in document[:100] if isinstance(item, dict)]
    return bool(sample) and sum("start" in item for item in sample) >= 0.8 * len(sample) and any(
        "content" in item or "group" in item or "type" in item for item in sample)


def read(path: str | Path, **_options: object) -> Dataset:
    """Read a vis-timeline JSON file (items list or ``{"items", "groups"}`` object) into a Dataset."""
    path = Path(path)
    label = str(path)
    document = _load_json(path)
    groups: list[Any] = []
    if isinstance(document, dict) and isinstance(document.get("items"), list):
        items = document["items"]
        groups = document.get("groups") or []
    elif isinstance(document, list):
        items = document
    else:
        raise LoadError(f"{path}: not vis-timeline data; expected a list of items (each with 'start') or an "
                        "object with an 'items' list")
    problems: list[Problem] = []
    rows = [_item_row(item, index, label, problems) for index, item in enumerate(items)]
    events = pd.DataFrame(rows, columns=["id", "start", "end", "title", "description", "actors", "category",
                                         "tags"])
    entities = _group_table(groups, label, problems)
    meta = DatasetMeta(title=path.stem, path=label)
    return build_dataset(Tables(events, entities, None, label, label, label), meta, problems)


def _load_json(path: Path) -> object:
    return read_json(path, "vis-timeline JSON (a list of items, or {items, groups})")


def _scalar(value: object) -> str:
    if isinstance(value, bool) or value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _date(value: object, row: int, field: str, label: str, problems: list[Problem]) -> str:
    """A date as text the model parses: ISO strings pass through, numbers are milliseconds since 1970."""
    if value is None or value == "":
        return ""
    if isinstance(value, int | float) and not isinstance(value, bool):
        if not (math.isfinite(value) and abs(value) <= _MAX_MS):
            problems.append(Problem(label, f"expected milliseconds since 1970 within JavaScript's date range, "
                                    f"got {value!r}", row, field))
            return ""
        stamp = pd.Timestamp(np.datetime64(round(value), "ms").astype("datetime64[us]"))
        if not 1 <= stamp.year <= 9999:
            problems.append(Problem(label, f"{value!r} ms is year {stamp.year}; only years 1–9999 are read "
                                    "from numbers", row, field))
            return ""
        return stamp.isoformat() + "Z"
    if isinstance(value, str):
        return value.strip()
    problems.append(Problem(label, f"expected an ISO date text or a number, got {type(value).__name__}", row, field))
    return ""


def _inclusive_end(start: str, end: str) -> str:
    """vis ends are instants: a date-only end is the midnight it stops, so the last whole day is the one before."""
    if not (_DAY.fullmatch(start) and _DAY.fullmatch(end)) or end <= start:
        return end
    try:
        return (date.fromisoformat(end) - timedelta(days=1)).isoformat()
    except ValueError:
        return end  # build_dataset names the bad date


def _item_row(item: object, index: int, label: str, problems: list[Problem]) -> dict[str, str]:
    row = index + 1
    if not isinstance(item, dict):
        problems.append(Problem(label, "expected an object (one item)", row, "item"))
        return {"id": f"item-{row}", "start": ""}
    kind = _scalar(item.get("type")).strip().lower()
    if kind and kind not in _TYPES:
        problems.append(Problem(label, f"unknown type {kind!r}; expected {', '.join(_TYPES)}", row, "type",
                                "warning"))
    background = kind == "background"
    title = item.get("title")
    start = _date(item.get("start"), row, "start", label, problems)
    return {
        "id": _scalar(item.get("id")).strip() or f"item-{row}",
        "start": start,
        "end": _inclusive_end(start, _date(item.get("end"), row, "end", label, problems)),
        "title": " ".join(to_text(_scalar(item.get("content"))).split()),
        "description": to_text(title) if isinstance(title, str) else "",
        "actors": _scalar(item.get("group")).strip().replace(";", ","),
        "category": "background" if background else "",
        "tags": "background" if background else "",
    }


def _group_table(groups: object, label: str, problems: list[Problem]) -> pd.DataFrame | None:
    if not isinstance(groups, list):
        problems.append(Problem(label, "expected a list of groups; ignored", None, "groups", "warning"))
        return None
    records = []
    for index, group in enumerate(groups):
        if not isinstance(group, dict) or _scalar(group.get("id")).strip() == "":
            problems.append(Problem(label, "expected a group object with an id; skipped", index + 1, "groups",
                                    "warning"))
            continue
        group_id = _scalar(group["id"]).strip().replace(";", ",")
        name = " ".join(to_text(_scalar(group.get("content"))).split()) or group_id
        records.append({"id": group_id, "name": name, "kind": "group"})
    return pd.DataFrame(records, columns=["id", "name", "kind"]) if records else None
