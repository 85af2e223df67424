"""An import spec: how the columns of an event table become events, attributes, entities and relations.

A spec says which column is which core field (start, title …), which columns name entities (one
entity per distinct value, with a kind), and that each row is also a relation between two of them
(of a kind, valid from the row's date or a column, with an optional value column). Placeholder
values ("No Acquirer", "none", "n/a", "-" …) name no entity. Columns not named as core fields stay
attributes, typed as inferred unless ``types`` says otherwise. A spec is saved as JSON
(:func:`write_spec`) and reused by ``viewer.load(path, mapping=spec_or_path)`` and
``entente … --mapping SPEC``. :func:`suggest_spec` (in :mod:`viewer.io.spec_suggest`) proposes one.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from viewer.io import reading
from viewer.io.atomic import replace_file
from viewer.model.attributes import TYPES
from viewer.model.clock import CLOCKS
from viewer.model.problems import LoadError

VERSION = 1
CORE_FIELDS = ("start", "end", "title", "description", "category", "url", "id", "time", "timezone", "end_time",
               "all_day", "duration")
PLACEHOLDERS = ("", "-", "--", "—", "?", "n/a", "na", "none", "null", "nil", "unknown", "not applicable",
                "not available", "no acquirer", "no buyer", "no owner", "no parent", "no one")
READ_OPTIONS = ("header", "delimiter", "encoding", "date_order", "clock")


@dataclass(frozen=True)
class EntityColumn:
    """A column whose values name entities (one per distinct value) of a kind."""

    column: str
    kind: str = "organisation"


@dataclass(frozen=True)
class RelationColumns:
    """Each row is also a relation ``source → target`` (entity columns) of ``kind``.

    Valid from the row's start (or the ``valid_from`` column) until ``valid_to`` (a column; open
    when None); ``value`` is an optional numeric column (a price, a share); ``kinds`` an optional column naming
    each row's kind ("Equity stake", "partnership"; a blank cell takes ``kind``).
    """

    source: str
    target: str
    kind: str = "related_to"
    valid_from: str | None = None
    valid_to: str | None = None
    value: str | None = None
    kinds: str | None = None


@dataclass(frozen=True)
class ImportSpec:
    """Which column is which: core fields, entity columns, relations, attribute types, placeholders."""

    start: str | None = None
    end: str | None = None
    title: str | None = None
    description: str | None = None
    category: str | None = None
    url: str | None = None
    id: str | None = None
    time: str | None = None
    timezone: str | None = None
    end_time: str | None = None  # the time of day of the end dates (Outlook's End Time beside its End Date)
    all_day: str | None = None  # a calendar's all-day flag (Outlook's "All day event"): those rows are whole days
    duration: str | None = None  # how long each event lasted (PT2H, 1:30:00, 90 min): its end where none is written
    actors: tuple[str, ...] = ()
    entities: tuple[EntityColumn, ...] = ()
    relations: tuple[RelationColumns, ...] = ()
    types: tuple[tuple[str, str], ...] = ()  # attribute name → text/number/date/category
    ignore: tuple[str, ...] = ()  # columns left out altogether
    placeholders: tuple[str, ...] = PLACEHOLDERS
    header: bool | None = None
    delimiter: str | None = None
    encoding: str | None = None
    date_order: str | None = None
    clock: str | None = None  # "number": the start column holds plain numbers (ticks), not dates

    def columns(self) -> list[str]:
        """Every column the spec names (to check them against a file's header)."""
        named = [getattr(self, f) for f in CORE_FIELDS]
        named += [*self.actors, *(e.column for e in self.entities)]
        for relation in self.relations:
            named += [relation.source, relation.target, relation.valid_from, relation.valid_to, relation.value,
                      relation.kinds]
        return [c for c in dict.fromkeys(named) if c]

    def options(self) -> dict[str, Any]:
        """The reading and core-field options the table reader takes (``start=…``, ``header=…``)."""
        out: dict[str, Any] = {f: getattr(self, f) for f in (*CORE_FIELDS, *READ_OPTIONS)
                               if getattr(self, f) is not None}
        if self.actors:
            out["actors"] = self.actors
        return out

    def is_placeholder(self, value: str) -> bool:
        """True when a cell names no entity ("No Acquirer", "n/a", "-", "" …); case and spaces do not matter."""
        return " ".join(value.split()).lower() in {p.lower() for p in self.placeholders}


def to_json(spec: ImportSpec) -> dict[str, Any]:
    """The spec as a JSON document (only what differs from the defaults, plus ``version``)."""
    doc: dict[str, Any] = {"version": VERSION}
    core = {f: getattr(spec, f) for f in CORE_FIELDS if getattr(spec, f) is not None}
    if core:
        doc["fields"] = core
    if spec.actors:
        doc["actors"] = list(spec.actors)
    if spec.entities:
        doc["entities"] = [{"column": e.column, "kind": e.kind} for e in spec.entities]
    if spec.relations:
        doc["relations"] = [{k.name: getattr(r, k.name) for k in fields(r) if getattr(r, k.name) is not None}
                            for r in spec.relations]
    if spec.types:
        doc["types"] = dict(spec.types)
    if spec.ignore:
        doc["ignore"] = list(spec.ignore)
    doc["placeholders"] = list(spec.placeholders)
    read = {k: getattr(spec, k) for k in READ_OPTIONS if getattr(spec, k) is not None}
    if read:
        doc["read"] = read
    return doc


def _strings(value: object, where: str, label: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        what = "cell values meaning no value, such as \"n/a\"" if where == "placeholders" else "column names"
        raise LoadError(f"{label}: '{where}' must be a list of {what} (strings)")
    return tuple(value)


def _object(value: object, where: str, label: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise LoadError(f"{label}: '{where}' must be an object")
    return value


def _text(value: object, where: str, label: str, default: str | None = None) -> str | None:
    if value is None:
        return default
    if not isinstance(value, str):
        raise LoadError(f"{label}: '{where}' must be a string, got {value!r}")
    return value


def from_json(document: object, label: str = "mapping") -> ImportSpec:
    """A spec from its JSON document; LoadError naming the key and what was expected otherwise."""
    doc = _object(document, "the spec", label)
    if doc.get("version", VERSION) != VERSION:
        raise LoadError(f"{label}: spec version {doc.get('version')!r}; expected {VERSION}")
    known = {"version", "fields", "actors", "entities", "relations", "types", "ignore", "placeholders", "read"}
    unknown = sorted(set(doc) - known)
    if unknown:
        raise LoadError(f"{label}: unknown keys {', '.join(unknown)}; expected {', '.join(sorted(known))}")
    core = _object(doc.get("fields") or {}, "fields", label)
    bad = sorted(set(core) - set(CORE_FIELDS))
    if bad:
        raise LoadError(f"{label}: unknown fields {', '.join(bad)}; expected {', '.join(CORE_FIELDS)}")
    values: dict[str, Any] = {k: _text(v, f"fields.{k}", label) for k, v in core.items()}
    values["actors"] = _strings(doc.get("actors"), "actors", label)
    for key in ("entities", "relations"):
        if not isinstance(doc.get(key) or [], list):
            raise LoadError(f"{label}: '{key}' must be a list of objects")
    entities = []
    for i, raw in enumerate(doc.get("entities") or []):
        item = _object(raw, f"entities[{i}]", label)
        column = _text(item.get("column"), f"entities[{i}].column", label)
        if not column:
            raise LoadError(f"{label}: 'entities[{i}]' needs a 'column'")
        entities.append(EntityColumn(column, _text(item.get("kind"), f"entities[{i}].kind", label, "organisation")
                                     or "organisation"))
    relations = []
    for i, raw in enumerate(doc.get("relations") or []):
        item = _object(raw, f"relations[{i}]", label)
        parts = {k: _text(item.get(k), f"relations[{i}].{k}", label)
                 for k in ("source", "target", "kind", "valid_from", "valid_to", "value", "kinds")}
        if not parts["source"] or not parts["target"]:
            raise LoadError(f"{label}: 'relations[{i}]' needs a 'source' and a 'target' column")
        relations.append(RelationColumns(parts["source"], parts["target"], parts["kind"] or "related_to",
                                         parts["valid_from"], parts["valid_to"], parts["value"], parts["kinds"]))
    types = _object(doc.get("types") or {}, "types", label)
    wrong = {k: v for k, v in types.items() if v not in TYPES}
    if wrong:
        raise LoadError(f"{label}: 'types' must map columns to {', '.join(TYPES)}; got {wrong}")
    read = _object(doc.get("read") or {}, "read", label)
    if "header" in read and read["header"] is not None and not isinstance(read["header"], bool):
        raise LoadError(f"{label}: 'read.header' must be true, false or null")
    for key in ("delimiter", "encoding", "date_order"):
        values[key] = _text(read.get(key), f"read.{key}", label)
    _check_reading(values, label)
    values["clock"] = _clock(read.get("clock"), label)
    placeholders = doc.get("placeholders")
    return replace(ImportSpec(**values), entities=tuple(entities), relations=tuple(relations),
                   types=tuple(sorted(types.items())), ignore=_strings(doc.get("ignore"), "ignore", label),
                   placeholders=PLACEHOLDERS if placeholders is None else _strings(placeholders, "placeholders",
                                                                                   label),
                   header=read.get("header"))


DATE_ORDERS = ("dmy", "mdy", "ymd")


def _check_reading(values: dict[str, Any], label: str) -> None:
    """LoadError for a ``read.delimiter`` of other than one character (``",,"`` raised Python's own TypeError out of
    the reader) or a ``read.date_order`` no order is (``"xyz"`` was taken without a word)."""
    delimiter, order = values.get("delimiter"), values.get("date_order")
    if delimiter is not None and len(delimiter) != 1:
        raise LoadError(f"{label}: 'read.delimiter' must be one character (such as \",\", \";\" or \"\\t\"), got "
                        f"{delimiter!r}")
    if order is not None and order.lower() not in DATE_ORDERS:
        raise LoadError(f"{label}: 'read.date_order' must be one of {', '.join(DATE_ORDERS)}, got {order!r}")
    if order is not None:
        values["date_order"] = order.lower()


def _clock(value: object, label: str) -> str | None:
    """``read.clock``: how the start column's times are read (``number`` for ticks), or None to guess."""
    if value not in (None, *CLOCKS):
        raise LoadError(f"{label}: 'read.clock' must be one of {', '.join(CLOCKS)}, got {value!r}")
    return None if value is None else str(value)


def read_spec(path: str | Path) -> ImportSpec:
    """Read a spec file (JSON); LoadError naming the file when it cannot be used."""
    path = Path(path)
    try:
        document = reading.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({reading.json_error(exc)}); expected an import spec") from exc
    return from_json(document, str(path))


def write_spec(spec: ImportSpec, path: str | Path) -> None:
    """Save a spec as JSON (written to a temporary file and renamed: a failed write changes nothing)."""
    replace_file(Path(path), json.dumps(to_json(spec), ensure_ascii=False, indent=2) + "\n")


def as_spec(mapping: object) -> ImportSpec | None:
    """A spec from what a caller passed as ``mapping``: a spec, its JSON document, or a path to one."""
    if mapping is None or isinstance(mapping, ImportSpec):
        return mapping
    if isinstance(mapping, dict):
        return from_json(mapping)
    if isinstance(mapping, str | Path):
        return read_spec(mapping)
    raise LoadError(f"mapping: expected an ImportSpec, a JSON object or a spec file path, got {type(mapping)!r}")


