"""JSON records as a table: a list of objects (or one kept deeper: :mod:`viewer.io.record_lists`), or JSON
lines, one object per line (``.jsonl``/``.ndjson``, as data platforms export them, or a ``.json`` written so).

Every cell comes back as text; a list of plain values as a ';' list, other structures as their JSON. A line
that is not a JSON object is reported by its line and skipped; the others are read. JSON is known by its content
under any name that is no other format's (:mod:`viewer.io.json_sniff`: a ``.har``, ``Bookmarks``, a ``.txt`` of
lines). Text written as UTF-8 bytes one per character, as Facebook's exports write it ("J\\u00c3\\u00bcrgen"),
is read as the text it stands for (:func:`viewer.io.meta_text.escaped_bytes`), and said.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed, extended_json, json_sniff, meta_text, reading, record_shapes, records_arrow
from viewer.io.json_cells import column_text
from viewer.io.record_lists import among_others, headerless, records_of
from viewer.io.table_fast import TEXT
from viewer.model.problems import LoadError, Problem

JSON_TYPES = {type(None): "null", bool: "true or false", int: "number", float: "number", str: "string",
              list: "list"}  # a line's value as JSON names it (Python's names: "a JSON NoneType")

LINES_SUFFIXES = json_sniff.LINES_SUFFIXES
REPORTED_LINES = 100  # bad lines reported one by one; the rest are counted in one more problem
EXPECTED = ("a list of objects, or an object holding one (under 'data', 'records', 'items' …), GeoJSON features, "
            "SPARQL results, or one object per line")


def is_lines_error(exc: json.JSONDecodeError) -> bool:
    """The error ``json.loads`` gives a document of JSON lines: one whole value, then more on the next line."""
    return exc.msg == "Extra data" and "\n" in exc.doc[:exc.pos]


def holds_json(path: Path, suffix: str) -> bool:
    """Whether the table reader reads a file as JSON records: named so, or JSON by its content under a name that
    is no other format's (:mod:`viewer.io.json_sniff`; only its first bytes are read for that)."""
    if suffix in (*json_sniff.JSON_SUFFIXES, *LINES_SUFFIXES):
        return True
    return json_sniff.sniffed(suffix) and json_sniff.kind(path) is not None


_HANDED = threading.local()  # the document already parsed for the file this thread reads


@contextmanager
def handed(path: Path, document: object) -> Iterator[None]:
    """:func:`read` takes ``document`` as ``path``'s parse inside the block (the route that told what the file is
    had parsed it: a 45 MB export was parsed twice, 0.4 s)."""
    _HANDED.given = (path, document)
    try:
        yield
    finally:
        _HANDED.given = None


def given(path: Path) -> object:
    """What :func:`handed` gave as ``path``'s parse, else None."""
    held = getattr(_HANDED, "given", None)
    return held[1] if held is not None and held[0] == path else None


def read(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The records as text cells, each record's line in the file (its position for a list) and the problems."""
    data = without_line_marks(reading.utf8(compressed.read_bytes(path)))
    try:
        text = data.decode("utf-8-sig")  # checked before Arrow's reader, which lets bytes that are no UTF-8 through
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start}); expected UTF-8 JSON") from exc
    suffix = compressed.inner_suffix(path)
    lines = suffix in LINES_SUFFIXES or (suffix not in json_sniff.JSON_SUFFIXES and json_sniff.kind(path) == "lines")
    # mongoexport's wrapped values are unwrapped by the Python parse, and escaped bytes repaired
    escaped = _may_escape_bytes(data)
    arrow = not extended_json.written_in(data) and not escaped
    # (a mark left before the first line, the one a text with no later mark keeps, sent Arrow's reader nowhere)
    if lines and arrow and (fast := records_arrow.read_lines(data.removeprefix(BOM), unwrap=True)) is not None:
        return fast[0], fast[1], []
    del data
    if not lines:
        try:
            document = given(path)
            document = reading.loads(text) if document is None else document
        except (json.JSONDecodeError, RecursionError) as exc:
            if not (isinstance(exc, json.JSONDecodeError) and is_lines_error(exc)):
                raise LoadError(f"{path}: not readable JSON ({reading.json_error(exc)})") from exc
        else:
            said = _repair(document, str(path)) if escaped else []
            rows = records_of(said[0] if said else document)
            if rows is None:
                raise LoadError(f"{path}: expected {EXPECTED}")
            # records among nulls: each by its place (a list of records alone is not looked over again)
            if isinstance(document, list) and len(rows) < len(document) and (kept := among_others(document)) \
                    and len(kept) == len(rows):
                return as_frame(rows), np.asarray(kept, dtype=np.int64) + 1, [*said[1:], *_others(document, str(path))]
            named = [Problem(str(path), "no row of names heads the lists; columns named column1, column2 …", None,
                             None, "info")] if headerless(document) else []
            return as_frame(rows), np.arange(1, len(rows) + 1), [*said[1:], *named]
        if arrow and (fast := records_arrow.read_lines(text.encode(), unwrap=True)) is not None:  # one object per line
            return fast[0], fast[1], []
    rows, numbers, problems = _lines(text, str(path))
    if escaped and (said := _repair(rows, str(path))):
        rows, problems = said[0], problems + said[1:]
    return as_frame(record_shapes.unwrapped(rows)), np.asarray(numbers, dtype=np.int64), problems


BOM = b"\xef\xbb\xbf"


def without_line_marks(data: bytes) -> bytes:
    """The text without the UTF-8 byte order mark that opens any of its lines (JSON lines joined with ``cat`` from
    files each written with a mark, PowerShell's UTF-8): before, only the first line's was taken off, and each later
    line was skipped as "not readable JSON (unexpected UTF-8 BOM)". Only a text with a mark past its first byte is
    copied; a mark inside a line stays (a JSON text cannot break a string over lines, so none is taken from one)."""
    if data.find(BOM, 1) < 0:
        return data
    return data.removeprefix(BOM).replace(b"\n" + BOM, b"\n")


# Meta's bytes as escapes ("\\u00c3\\u00bc") or as characters ("Ã¼", bytes C3 83 C2 BC in UTF-8): only a text that
# writes them is looked into
_ESCAPES = re.compile(rb"\\u00[c-fC-F][0-9a-fA-F]\\u00[89abAB][0-9a-fA-F]")
_CHARACTERS = re.compile(rb"\xc3[\x82-\xb4]\xc2[\x80-\xbf]")


def _may_escape_bytes(data: bytes) -> bool:
    """Whether a JSON text may write UTF-8 bytes one per character (looked for in its bytes: ~1 GB/s)."""
    if b"\\u00" in data and _ESCAPES.search(data) is not None:
        return True
    return not data.isascii() and _CHARACTERS.search(data) is not None


def _repair(value: Any, label: str) -> list[Any]:
    """``[the value with its strings repaired, the problem saying so]`` when its strings are UTF-8 bytes written one
    per character (:func:`viewer.io.meta_text.escaped_bytes`); [] when they are not."""
    if not meta_text.escaped_bytes(_strings(value)):
        return []
    example = next(text for text in _strings(value) if meta_text.ESCAPED_BYTES.search(text))
    return [_walk(value, meta_text.repaired),
            Problem(label, f"text written as UTF-8 bytes one per character, as Facebook's exports write it "
                    f"({example[:40]!r}): read as the text it stands for ({meta_text.repaired(example)[:40]!r})",
                    None, None, "info")]


def _strings(value: Any) -> Iterator[str]:
    """Every string in a value, keys too, without recursion (a document may nest as deep as the parser allows)."""
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            todo.extend(item.keys())
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)


def _walk(value: Any, change: Callable[[str], str]) -> Any:
    """The value with ``change`` applied to each string in it (keys too), without recursion."""
    root: list[Any] = [value]
    todo: list[tuple[Any, Any, Any]] = [(value, root, 0)]
    while todo:
        source, parent, key = todo.pop()
        if isinstance(source, str):
            parent[key] = change(source)
        elif isinstance(source, dict):
            copy: dict[Any, Any] = {}
            for name, member in source.items():
                changed = change(name) if isinstance(name, str) else name
                copy[changed] = member
                if isinstance(member, str | dict | list):
                    todo.append((member, copy, changed))
            parent[key] = copy
        elif isinstance(source, list):
            items = list(source)
            todo.extend((item, items, at) for at, item in enumerate(items) if isinstance(item, str | dict | list))
            parent[key] = items
    return root[0]


def _no_object(value: object) -> str:
    """What a value that should be a record is, as JSON names it ("a JSON null, not an object")."""
    return f"a JSON {JSON_TYPES.get(type(value), type(value).__name__)}, not an object"


def _others(document: list[Any], label: str) -> list[Problem]:
    """Each item of a list of records that is no object, said by its place (the first :data:`REPORTED_LINES`)."""
    others = [(at, item) for at, item in enumerate(document, start=1) if not isinstance(item, dict)]
    said = [Problem(label, f"item {at}: {_no_object(item)}; item skipped", at, None) for at, item in
            others[:REPORTED_LINES]]
    if len(others) > REPORTED_LINES:
        said.append(Problem(label, f"{len(others) - REPORTED_LINES:,} more items that are no JSON object were skipped"))
    return said


def _lines(text: str, label: str) -> tuple[list[dict[str, Any]], list[int], list[Problem]]:
    """The objects of JSON lines with their line numbers; a line that is no object is reported and skipped."""
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    problems: list[Problem] = []
    bad = 0
    hooked = reading.escapes_surrogates(text) or extended_json.written_in(text)
    parse = reading.loads if hooked else reading.parse  # the hooked parse only if needed
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may stand in a string
        if not line.strip():
            continue
        try:
            value = parse(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            value, why = None, f"not readable JSON ({reading.json_error(exc, one_line=True)})"
        else:
            why = "" if isinstance(value, dict) else _no_object(value)
        if why:
            bad += 1
            if bad <= REPORTED_LINES:
                problems.append(Problem(label, f"line {number}: {why}; line skipped", number, None))
            continue
        rows.append(value)
        numbers.append(number)
    if bad > REPORTED_LINES:
        problems.append(Problem(label, f"{bad - REPORTED_LINES:,} more lines that are no JSON object were skipped"))
    if not rows:
        first = f" ({problems[0].message})" if problems else ""
        raise LoadError(f"{label}: no JSON object on any line{first}; expected {EXPECTED}")
    return rows, numbers, problems


def as_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The records as text cells ("" where a record has no value)."""
    frame = pd.DataFrame(rows, dtype=object)  # ints stay ints where a record lacks the value (not 366489.0)
    return pd.DataFrame({column: pd.Series(column_text(frame[column].tolist()), dtype=TEXT)
                         for column in frame.columns}, index=frame.index)
