"""JSON records as a table: a list of objects (or one kept deeper: :mod:`viewer.io.record_lists`), or JSON
lines, one object per line (``.jsonl``/``.ndjson``, as data platforms export them, or a ``.json`` written so).

Every cell comes back as text; a list of plain values as a ';' list, other structures as their JSON. A line
that is not a JSON object is reported by its line and skipped; the others are read.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed, extended_json, reading, records_arrow
from viewer.io.json_cells import cell_text
from viewer.io.record_lists import records_of
from viewer.io.table_fast import TEXT
from viewer.model.problems import LoadError, Problem

LINES_SUFFIXES = (".jsonl", ".ndjson")
REPORTED_LINES = 100  # bad lines reported one by one; the rest are counted in one more problem
EXPECTED = ("a list of objects, or an object holding one (under 'data', 'records', 'items' …), GeoJSON features, "
            "SPARQL results, or one object per line")


def is_lines_error(exc: json.JSONDecodeError) -> bool:
    """The error ``json.loads`` gives a document of JSON lines: one whole value, then more on the next line."""
    return exc.msg == "Extra data" and "\n" in exc.doc[:exc.pos]


def read(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The records as text cells, each record's line in the file (its position for a list) and the problems."""
    data = compressed.read_bytes(path)
    try:
        text = data.decode("utf-8-sig")  # checked before Arrow's reader, which lets bytes that are no UTF-8 through
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start}); expected UTF-8 JSON") from exc
    lines = compressed.inner_suffix(path) in LINES_SUFFIXES
    arrow = not extended_json.written_in(data)  # mongoexport's wrapped values are unwrapped by the Python parse
    if lines and arrow and (fast := records_arrow.read_lines(data)) is not None:
        return fast[0], fast[1], []
    del data
    if not lines:
        try:
            document = reading.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            if not (isinstance(exc, json.JSONDecodeError) and is_lines_error(exc)):
                raise LoadError(f"{path}: not readable JSON ({exc})") from exc
        else:
            rows = records_of(document)
            if rows is None:
                raise LoadError(f"{path}: expected {EXPECTED}")
            return as_frame(rows), np.arange(1, len(rows) + 1), []
        if arrow and (fast := records_arrow.read_lines(text.encode())) is not None:  # one object per line
            return fast[0], fast[1], []
    rows, numbers, problems = _lines(text, str(path))
    return as_frame(rows), np.asarray(numbers, dtype=np.int64), problems


def _lines(text: str, label: str) -> tuple[list[dict[str, Any]], list[int], list[Problem]]:
    """The objects of JSON lines with their line numbers; a line that is no object is reported and skipped."""
    rows: list[dict[str, Any]] = []
    numbers: list[int] = []
    problems: list[Problem] = []
    bad = 0
    hooked = reading.escapes_surrogates(text) or extended_json.written_in(text)
    parse = reading.loads if hooked else json.loads  # the hooked parse only if needed
    for number, line in enumerate(text.split("\n"), start=1):  # not splitlines: U+2028 may stand in a string
        if not line.strip():
            continue
        try:
            value = parse(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            value, why = None, f"not readable JSON ({exc})"
        else:
            why = "" if isinstance(value, dict) else f"a JSON {type(value).__name__}, not an object"
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
    return pd.DataFrame({column: pd.Series([cell_text(v) for v in frame[column].tolist()], dtype=TEXT)
                         for column in frame.columns}, index=frame.index)
