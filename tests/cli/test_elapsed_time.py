"""The command line on a table of times with no date: the elapsed clock's times are read and written as
hours, minutes and seconds (``--from 9:10``), and a conversion keeps the clock."""

from __future__ import annotations

import json
from pathlib import Path

import viewer
from viewer.model import clock

from ..io.test_table_elapsed import DAY, TRANSCRIPT, as_written
from .conftest import Run


def test_the_command_line_reads_and_writes_times(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "day.csv"
    path.write_text(DAY, encoding="utf-8")
    code, out, _err = run("info", str(path))
    assert code == 0 and "Span:      9:00 – 11:00" in out and "Clock:     hours, minutes and seconds" in out
    code, out, _err = run("events", str(path), "--from", "9:10", "--to", "10:40", "--format", "json")
    assert code == 0 and [(e["start"], e["title"]) for e in json.loads(out)] == [("9:15", "Keynote"),
                                                                                ("10:30", "Coffee")]
    code, _out, err = run("events", str(path), "--from", "2019-12")
    assert code == 2 and "hours, minutes and seconds" in err


def test_convert_keeps_the_times_and_the_clock(run: Run, tmp_path: Path) -> None:
    source = tmp_path / "cues.tsv"
    source.write_text(TRANSCRIPT, encoding="utf-8")
    out = tmp_path / "native"
    assert run("convert", str(source), str(out))[0] == 0
    assert json.loads((out / "dataset.json").read_text())["clock"] == "elapsed"
    again = viewer.load(out)
    assert again.meta.clock == clock.ELAPSED
    assert [as_written(t) for t in again.events["end"]] == ["0:00:04.2", "0:00:07.999"]
