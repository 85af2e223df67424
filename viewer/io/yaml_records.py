"""YAML lists of records (``.yaml``, ``.yml``): a site's data file (Jekyll's ``_data/timeline.yml``, Hugo's), a
list kept by hand, a stream of documents one record each. Read as JSON records are (:mod:`viewer.io.records`):
each record's keys are its columns, found under a key as JSON's are; each row's line is its record's first line in
the file. YAML's own dates (``2019-03-04``, ``2019-03-04 10:00:00+01:00``) are written back in ISO form.

Parsed by PyYAML's safe loader (no object of Python's is made from a tag). Aliases refer to one node many times:
a document whose aliases would make more than :data:`MOST_VALUES` values when written out (a "billion laughs"),
or that refers to itself, is refused before anything is made of it. Never Qt.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import yaml

from viewer.io import compressed, free_memory, reading, records
from viewer.io.record_lists import records_of
from viewer.model.problems import LoadError, Problem

SUFFIXES = (".yaml", ".yml")
YAML_PEAK_PER_BYTE = 30  # a YAML document's nodes, then its values: Python objects, more than JSON's
MOST_VALUES = 5_000_000  # values a document may stand for, its aliases written out
EXPECTED = "a list of records (- date: 2019-03-04, title: …), or a mapping holding one under a key"
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _size(node: yaml.Node, sizes: dict[int, int], open_: set[int]) -> int:
    """How many values a node stands for with its aliases written out (each distinct node counted once)."""
    key = id(node)
    if key in sizes:
        return sizes[key]
    if key in open_:
        raise ValueError("the document refers to itself (an alias inside its own anchor)")
    open_.add(key)
    if isinstance(node, yaml.SequenceNode):
        size = 1 + sum(_size(item, sizes, open_) for item in node.value)
    elif isinstance(node, yaml.MappingNode):
        size = 1 + sum(_size(k, sizes, open_) + _size(v, sizes, open_) for k, v in node.value)
    else:
        size = 1
    open_.discard(key)
    sizes[key] = size
    if size > MOST_VALUES:
        raise ValueError(f"its aliases stand for more than {MOST_VALUES:,} values")
    return size


def _plain(value: Any) -> Any:
    """A loaded value with YAML's dates as ISO text (as a JSON record writes them)."""
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):  # (!!binary)
        return f"{len(value):,} bytes"
    return value


def load(path: Path) -> tuple[object, list[int] | None]:
    """The document (a stream of several: their list) and, for a list, each item's first line."""
    label = str(path)
    data = compressed.read_bytes(path)
    free_memory.check(path, len(data), per_byte=YAML_PEAK_PER_BYTE)
    try:
        text = reading.utf8(data).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{label}: not UTF-8 text (byte {exc.start}); expected UTF-8 YAML") from exc
    try:
        nodes = list(yaml.compose_all(text, Loader=_LOADER))
        sizes: dict[int, int] = {}
        for node in nodes:
            _size(node, sizes, set())
        loader = _LOADER("")
        documents = [loader.construct_document(node) for node in nodes]
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        said = " ".join(str(exc).replace('in "<unicode string>", ', "").split())
        raise LoadError(f"{label}: not readable YAML ({said}); expected {EXPECTED}") from exc
    if len(nodes) == 1:
        node = nodes[0]
        lines = [item.start_mark.line + 1 for item in node.value] if isinstance(node, yaml.SequenceNode) else None
        return _plain(documents[0]), lines
    return _plain([d for d in documents if d is not None]), [n.start_mark.line + 1 for n in nodes
                                                             if not (isinstance(n, yaml.ScalarNode) and not n.value)]


def read_frame(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The records as text cells, each record's line, and what reading said."""
    parsed = records.given(path)  # (parsed already by the route that found its dates: records.handed)
    document, lines = parsed if isinstance(parsed, tuple) else load(path)
    rows = records_of(document)
    if rows is None:
        raise LoadError(f"{path}: YAML that holds no records; expected {EXPECTED}")
    problems: list[Problem] = []
    if isinstance(document, list) and lines is not None and len(lines) == len(document) and len(rows) < len(document):
        for item, line in zip(document, lines, strict=True):  # (a null where an item was lost, a stray text)
            if not isinstance(item, dict):
                problems.append(Problem(str(path), f"item {'null' if item is None else repr(item)[:40]} is no "
                                        "record; skipped", line, None, "warning"))
        lines = [line for item, line in zip(document, lines, strict=True) if isinstance(item, dict)]
    if lines is None or len(lines) != len(rows) or not isinstance(document, list):
        lines = list(range(1, len(rows) + 1))  # (records under a key: numbered by their place)
    return records.as_frame(rows), np.asarray(lines, dtype=np.int64), problems
