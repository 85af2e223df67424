"""JSON records whose dates sit one level further in, brought up into the records (for
:mod:`viewer.io.record_lists`), only when the records as found have no date of their own:

- records each wrapped in one member whose name says what kind of record it is (Google's Semantic Location
  History: ``timelineObjects`` of ``{"placeVisit": {…}}`` and ``{"activitySegment": {…}}``): the member's fields,
  with its name as the record's ``kind``;
- records whose dates are in an object of theirs (a visit's ``duration.startTimestamp``, and with them its
  place's ``location.name``): that object's members come up, under their own names where no other has them
  (``startTimestamp``, ``name``), else as ``startLocation.latitudeE7``;
- records each holding a list of dated records (a wiki's pages, each with its ``revisions``, as MediaWiki's API
  answers): the inner records, each with its parent's plain members, its title or name as ``page`` (so that an
  edit is named by its own summary, not by its page's title), the others as ``page.pageid`` ….

Before, each was refused as "JSON that Entente does not recognise".
"""

from __future__ import annotations

from typing import Any

from viewer.io.record_dates import dated_fields
from viewer.io.table_mapping import guess_mapping

SAMPLE = 50
HELD = 0.8  # of the sampled records that must hold the inner list


def brought_up(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with their dates brought up (see the module), or the records as they are."""
    if not rows or _dated(rows):
        return rows
    kinds = _by_kind(rows)
    if kinds is not None and _dated(kinds):
        return kinds
    flattened = _flattened(kinds or rows)  # (each tried only when the one before found no date)
    if flattened is not None and _dated(flattened):
        return flattened
    inner = _inner(rows)
    return inner if inner is not None and _dated(inner) else rows


def _dated(rows: list[dict[str, Any]]) -> bool:
    """Whether a name says a date (as a table's header would) or a field's values read as dates."""
    sample = [row for row in rows[:SAMPLE] if isinstance(row, dict)]
    named = guess_mapping(list(dict.fromkeys(str(key) for row in sample for key in row))).start
    return (named is not None and any(_plain(row.get(named)) for row in sample)) or bool(dated_fields(sample))


def _plain(value: object) -> bool:
    return value is not None and value != "" and not isinstance(value, dict | list)


def _by_kind(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """Records each a single member holding an object, under two names or more: the objects, named by ``kind``."""
    sample = rows[:SAMPLE]
    if not all(isinstance(row, dict) and len(row) == 1 and isinstance(next(iter(row.values())), dict)
               for row in sample) or len({next(iter(row)) for row in sample}) < 2:
        return None
    out = []
    for row in rows:
        if isinstance(row, dict) and len(row) == 1 and isinstance(inner := next(iter(row.values())), dict):
            out.append({**inner, "kind": str(next(iter(row)))} if "kind" not in inner else dict(inner))
        else:
            out.append(row)
    return out


def _flattened(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The records with each member that holds an object replaced by that object's members, under their own names
    (a visit's ``startTimestamp``, its place's ``name``) where no other member or record field has that name, else
    as ``key.name`` (``startLocation.latitudeE7`` beside ``endLocation.latitudeE7``); None when no record has such
    a member."""
    sample = rows[:SAMPLE]
    if not any(isinstance(value, dict) for row in sample for value in row.values()):
        return None
    owners: dict[str, set[str]] = {}  # each inner name, and the members it is found under
    for row in sample:
        for key, value in row.items():
            owners.setdefault(str(key), set()).add("")
            if isinstance(value, dict):
                for inner in value:
                    owners.setdefault(str(inner), set()).add(str(key))
    out = []
    for row in rows:
        record: dict[str, Any] = {}
        for key, value in row.items():
            if isinstance(value, dict) and value:
                record.update({(str(inner) if owners.get(str(inner)) == {str(key)} else f"{key}.{inner}"): held
                               for inner, held in value.items()})
            else:
                record[key] = value
        out.append(record)
    return out


def _inner(rows: list[dict[str, Any]]) -> list[dict[str, Any]] | None:
    """The records of the list each record holds (under one name, in most of them), each with its parent's plain
    members; None when the records hold no such list or its records have no dates."""
    sample = rows[:SAMPLE]
    names = [key for key in dict.fromkeys(key for row in sample for key in row)
             if sum(_records(row.get(key)) for row in sample) >= HELD * len(sample)]
    name = next((key for key in names if _dated([item for row in sample for item in row.get(key) or []][:SAMPLE])),
                None)
    if name is None:
        return None
    prefix = "page" if name in ("revisions", "edits") else "parent"
    out: list[dict[str, Any]] = []
    for row in rows:
        items = row.get(name)
        if not isinstance(items, list) or not _records(items):
            continue
        outer = {key: value for key, value in row.items() if key != name and _plain(value)}
        carried = {(prefix if key in ("title", "name") else f"{prefix}.{key}"): value for key, value in outer.items()}
        out.extend({**carried, **item} for item in items)
    return out


def _records(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)
