"""JSON lines read by Arrow's reader (200,000 lines: ~0.7 s, where a json.loads per line took ~4 s) give the
very cells the line-by-line reader gives, whatever the mix of types; a file Arrow refuses is read line by
line, and its bad lines are still reported by number."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
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


@pytest.mark.parametrize("shape", ["lists", "objects", "cut short"])
def test_a_line_nested_past_arrows_stack_is_read_line_by_line_not_a_crash(tmp_path: Path, shape: str) -> None:
    """Arrow's JSON reader recurses once per level: a line nested 30,000 deep overflowed its stack and the process
    died (a segmentation fault: the window vanished with the user's work). Such a line is found first and the file
    read line by line, which names the line. Run in a child process so that a crash fails this test only."""
    depth = 30_000
    nested = {"lists": "[" * depth + "]" * depth, "objects": '{"a":' * depth + "1" + "}" * depth,
              "cut short": "[" * depth}[shape]
    path = tmp_path / "deep.jsonl"
    # (the other lines lack "x": with a string there, Arrow refused the file before it recursed)
    path.write_text('{"date": "2020-01-02", "note": "[[[[ in a string"}\n'
                    f'{{"date": "2020-01-01", "x": {nested}}}\n{{"date": "2020-01-03"}}\n', encoding="utf-8")
    probe = ("import viewer, sys\nds = viewer.load(sys.argv[1])\n"
             "print(ds.event_count, [p.message for p in ds.problems])")
    done = subprocess.run([sys.executable, "-c", probe, str(path)], check=False, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    count, said = done.stdout.split(" ", 1)
    assert count == "2" and "line 2" in said


def test_deep_lines_are_found_outside_strings_only() -> None:
    """Brackets in a string, and a quote escaped by a backslash, do not count; an escaped backslash does not escape
    the quote after it."""
    def depth(text: str) -> int:
        return records_arrow._depth(np.frombuffer(text.encode(), dtype=np.uint8))
    assert depth('{"a": [[1]]}') == 3
    assert depth('{"a": "[[[[{{"}') == 1
    assert depth('{"a": "x\\"[[[["}') == 1  # \" stays in the string
    assert depth('{"a": "x\\\\", "b": [[[]]]}') == 4  # \\\\ is one backslash: the string ends there
    assert depth("[[[[") == 4
    shallow = ('{"p": [' + ",".join("[1.5, 2.5]" for _ in range(5000)) + "]}\n").encode()
    assert not records_arrow._too_deep(shallow * 3)  # long lines of many shallow lists stay on Arrow's path
    assert records_arrow._too_deep(shallow + b'{"x": ' + b"[" * 5000 + b"]" * 5000 + b"}\n")
