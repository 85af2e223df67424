"""JSON lines read by Arrow's reader (200,000 lines: ~0.7 s, where a json.loads per line took ~4 s) give the
very cells the line-by-line reader gives, whatever the mix of types; a file Arrow refuses is read line by
line, and its bad lines are still reported by number."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

import viewer
from viewer.io import records, records_arrow

KINDS = ["text", "int", "float", "bool", "texts", "ints", "object", "objects", "stamp", "mixed", "number"]


def _value(rng: random.Random, kind: str) -> Any:
    if rng.random() < 0.1:
        return None
    return {
        "text": lambda: rng.choice(["a", "é", 'x"y', "line\nbreak", "日本", "2020-03-19T02:00:00Z", "", "\x1fz"]),
        "int": lambda: rng.randint(-10**6, 10**6),
        "float": lambda: rng.choice([0.5, 1e20, -3.25, 1e-7, 123456.789, 52.0]),
        "bool": lambda: rng.random() < 0.5,
        "texts": lambda: [rng.choice(["p", "q", "r"]) for _ in range(rng.randint(0, 3))],
        "ints": lambda: [rng.randint(0, 9) for _ in range(rng.randint(0, 3))],
        "object": lambda: {"name": rng.choice(["u1", "é", None]), "n": rng.randint(0, 3),
                           **({"x": 1.5} if rng.random() < 0.3 else {})},
        "objects": lambda: [{"k": rng.randint(0, 2)}],
        "stamp": lambda: rng.choice(["2020-03-19T02:00:00Z", "2021-01-01T10:00:00", "2021-01-01"]),
        "mixed": lambda: rng.choice([1, "a", 2.5, True, [1], {"a": 1}]),
        "number": lambda: rng.choice([1, 2.5, 10**15, 1e20, -0.0]),
    }[kind]()


def _document(seed: int) -> str:
    rng = random.Random(seed)
    kinds = rng.sample(KINDS, rng.randint(1, 6))
    rows = []
    for i in range(rng.randint(1, 60)):
        row = {"id": f"e{i}"} | {k: _value(rng, k) for k in kinds if rng.random() < 0.9}
        rows.append(json.dumps(row, ensure_ascii=rng.random() < 0.5))
    if rng.random() < 0.2:
        rows.insert(rng.randint(0, len(rows)), "  ")  # a blank line: the others keep their numbers
    return "\n".join(rows) + "\n"


@pytest.mark.parametrize("seed", range(0, 240, 8))
def test_arrow_and_the_line_by_line_reader_give_the_same_cells(seed: int) -> None:
    for doc in (_document(s) for s in range(seed, seed + 8)):
        slow_rows, numbers, _ = records._lines(doc, "x")
        slow = records.as_frame(slow_rows)
        fast = records_arrow.read_lines(doc.encode())
        if fast is None:  # a column of mixed types: Arrow refuses it, the other reader reads it
            continue
        frame, lines = fast
        assert lines.tolist() == numbers
        assert list(frame.columns) == list(slow.columns)
        for column in slow.columns:
            assert frame[column].tolist() == slow[column].tolist(), column


def test_most_documents_take_the_fast_path() -> None:
    read = sum(records_arrow.read_lines(_document(s).encode()) is not None for s in range(200))
    assert read > 120


def test_cells_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    rows = [{"id": "a", "at": "2020-03-19T02:00:00Z", "n": 366489, "session": {"name": "u1", "tier": None},
             "tags": ["x", "y"], "score": 52.0},
            {"id": "b", "at": "2020-03-19T04:00:00+02:00", "session": {"name": "u2"}, "tags": [], "score": 0.25}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("id")
    assert events.loc["a", "start"] == events.loc["b", "start"] == pd.Timestamp("2020-03-19T02:00Z")
    assert events.loc["a", "attr:session"] == '{"name": "u1"}' and events.loc["b", "attr:session"] == '{"name": "u2"}'
    assert events.loc["a", "tags"] == "x;y"
    assert events.loc["a", "attr:n"] == 366489
    cells = records.read(path)[0]
    assert cells["n"].tolist() == ["366489", ""] and cells["score"].tolist() == ["52", "0.25"]  # was 366489.0
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_bad_line_is_still_reported_by_its_number(tmp_path: Path) -> None:
    path = tmp_path / "log.jsonl"
    path.write_text('{"date": "2020-01-01", "title": "a"}\n\n{oops\n{"date": "2020-01-02", "title": "b"}\n',
                    encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 2
    assert [(p.row, p.message.split(":")[0]) for p in ds.problems if p.level != "info"] == [(3, "line 3")]


def test_a_separator_inside_an_object_does_not_merge_two_objects() -> None:
    doc = '{"o": {"a": "p\\u001fq", "b": "r"}}\n{"o": {"a": "p", "b": "q\\u001fr"}}\n'
    fast = records_arrow.read_lines(doc.encode())
    assert fast is not None
    first, second = fast[0]["o"].tolist()
    assert first != second and json.loads(first) == {"a": "p\x1fq", "b": "r"}


@pytest.mark.parametrize("depth", [40, 500, 990, 5000])
@pytest.mark.parametrize("shape", ["lists", "objects"])
@pytest.mark.parametrize("suffix", [".jsonl", ".json"])
def test_values_nested_thousands_deep_open_or_are_refused_by_name(tmp_path: Path, depth: int, shape: str,
                                                                  suffix: str) -> None:
    """Arrow's reader took them, and writing the schema or a cell back recursed past Python's limit: a
    RecursionError out of the loader. Now the line-by-line reader takes deep ones and says which line fails."""
    nested = "[" * depth + "]" * depth if shape == "lists" else '{"a":' * depth + "1" + "}" * depth
    flat = [f'{{"date": "2020-01-0{i}", "x": [1]}}' for i in range(2, 6)]  # a .json of records is mostly flat
    lines = [f'{{"date": "2020-01-01", "x": {nested}}}', *flat]
    path = tmp_path / f"deep{suffix}"
    path.write_text("\n".join(lines) if suffix == ".jsonl" else "[" + ",".join(lines) + "]", encoding="utf-8")
    try:
        ds = viewer.load(path)
    except viewer.LoadError as exc:
        assert str(path) in str(exc) and suffix == ".json" and depth >= 990
        return
    assert ds.event_count in (4, 5)
    if depth <= 500:
        assert ds.event_count == 5
