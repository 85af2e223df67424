"""The command line reads and prints years for a dataset in deep time: ``--from -473``, ``--from -13.8e9``."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

IO = Path(__file__).parents[1] / "io"
TIMELINEJS = str(IO / "fixtures" / "timelinejs_deep.json")
CSV = str(IO / "fixtures_tables" / "deep_time.csv")
Run = Callable[..., tuple[int, str, str]]


def test_info_gives_the_span_in_years_and_says_the_clock(run: Run) -> None:
    code, out, _err = run("info", CSV)
    assert code == 0
    assert "Span:      13.8 billion years ago – 2019" in out and "Clock:     years" in out
    assert "1532" not in out and "1970" not in out


def test_events_from_a_bc_year_list_the_later_ones(run: Run) -> None:
    code, out, _err = run("events", TIMELINEJS, "--from", "-473", "--format", "json")
    assert code == 0
    titles = [e["title"] for e in json.loads(out)]
    assert titles == ["Ostracism of Themistocles", "Moon landing", "Now", "Sun becomes a red giant"]


def test_events_from_the_big_bang_in_scientific_notation_list_everything_before_a_bc_year(run: Run) -> None:
    code, out, _err = run("events", CSV, "--from", "-13.8e9", "--to", "473 BC", "--format", "json")
    assert code == 0
    found = json.loads(out)
    assert [(e["start"], e["title"]) for e in found] == [("-13800000000", "Big Bang"), ("-500", "Athens")]


def test_a_range_in_ma_reads_as_millions_of_years_ago(run: Run) -> None:
    code, out, _err = run("events", TIMELINEJS, "--from", "100 Ma", "--to", "-1e6", "--format", "json")
    assert code == 0 and [e["title"] for e in json.loads(out)] == ["Chicxulub"]


def test_a_date_that_is_no_year_says_what_a_year_looks_like(run: Run) -> None:
    code, _out, err = run("events", CSV, "--from", "someday")
    assert code == 2 and "13.8e9" in err
