"""The command line prints and accepts plain numbers for a dataset whose times are numbers."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures_tables"
INTEGER, TICKS = str(FIXTURES / "ticks_integer.gexf"), str(FIXTURES / "ticks.csv")
Run = Callable[..., tuple[int, str, str]]
Rows = Callable[[str], list[dict[str, str]]]


def test_info_gives_the_span_in_numbers_and_says_the_clock(run: Run) -> None:
    code, out, _err = run("info", INTEGER)
    assert code == 0
    assert "Span:      0 – 300" in out and "Clock:     numbers" in out and "1970" not in out


def test_relations_at_a_number_lists_the_edges_valid_then(run: Run, rows: Rows) -> None:
    code, out, _err = run("relations", INTEGER, "--at", "42", "--format", "csv")
    spans = {(r["source"], r["target"]): (r["valid_from"], r["valid_to"]) for r in rows(out)}
    assert code == 0 and spans == {("a", "b"): ("10", "300"), ("b", "c"): ("42", "60"), ("a", "d"): ("0", "")}
    _code, table, _err = run("relations", INTEGER, "--at", "42")
    assert table.startswith("Relations valid at 42\n") and "1970" not in table


def test_relations_at_a_number_leave_out_a_node_outside_its_spell(run: Run, rows: Rows) -> None:
    _code, out, _err = run("relations", INTEGER, "--at", "130", "--format", "csv")
    assert ("c", "d") not in {(r["source"], r["target"]) for r in rows(out)}


def test_events_take_a_numeric_range_and_print_numbers(run: Run) -> None:
    code, out, _err = run("events", TICKS, "--from", "0.5", "--to", "42.25", "--format", "json")
    found = json.loads(out)
    assert code == 0
    assert [(e["start"], e["end"], e["title"]) for e in found] == [
        ("0.5", "", "First contact"), ("1", "4.5", "Trade window"), ("42", "", "Shock"), ("42.25", "", "Aftershock")]


def test_diff_between_two_numbers_is_titled_with_them(run: Run) -> None:
    code, out, _err = run("diff", INTEGER, "--from", "10", "--to", "250")
    assert code == 0 and out.startswith("Relations from 10 to 250\n")
    assert "added" in out and "1970" not in out


def test_a_date_for_a_numeric_dataset_and_a_number_for_a_dated_one_are_usage_errors(run: Run) -> None:
    code, _out, err = run("relations", INTEGER, "--at", "2019-12")
    assert code == 2 and "number" in err
    code, _out, err = run("relations", "--at", "42")
    assert code == 2 and "dated" in err


def test_convert_keeps_the_numbers_and_the_clock(run: Run, rows: Rows, tmp_path: Path) -> None:
    out = tmp_path / "ticks"
    assert run("convert", INTEGER, str(out))[0] == 0
    assert json.loads((out / "dataset.json").read_text())["clock"] == "number"
    assert "10,300" in (out / "relations.csv").read_text()
    code, text, _err = run("relations", str(out), "--at", "42", "--format", "csv")
    assert code == 0 and len(rows(text)) == 3
