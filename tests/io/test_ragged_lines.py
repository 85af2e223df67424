"""Records with more fields than the header: a trailing delimiter on each record but not on the header, or a few
records with a field more. Each was skipped as "line 2 has 3 fields, more than the header": a whole file lost (and
300,000 such lines took 24 s to warn of). They are read as wide as the widest record; the fields past the header
are columns named by their place, and an always-empty one is left out."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import table


def _written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text", [
    ("export.csv", "date,title\n2019-01-01,a,\n2019-01-02,b,\n"),
    ("export.tsv", "date\ttitle\n2019-01-01\ta\t\n2019-01-02\tb\t\n"),
    ("semicolons.csv", "date;title\n2019-01-01;a;\n2019-01-02;b;\n"),
])
def test_a_trailing_delimiter_on_each_record_loses_nothing_and_says_nothing(tmp_path: Path, name: str,
                                                                            text: str) -> None:
    ds = viewer.load(_written(tmp_path, name, text))
    assert ds.events["title"].tolist() == ["a", "b"]
    assert not ds.problems
    assert not [c for c in ds.events.columns if c.startswith("attr:")]


def test_records_with_more_fields_keep_them_as_columns_named_by_their_place(tmp_path: Path) -> None:
    path = _written(tmp_path, "ragged.csv", 'date,title\n2019-01-01,a,x\n2019-01-02,"b\non two lines"\n'
                                            "2019-01-03,c,y,z\nsoon,d\n")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert events.loc["c", "attr:column3"] == "y" and events.loc["c", "attr:column4"] == "z"
    said = [(p.level, p.row, p.message) for p in ds.problems]
    assert said == [("info", 2, "2 lines (from line 2) have more fields than the table's first line; the fields "
                                "past it are kept as column3, column4"),
                    ("error", 6, "expected a date, got 'soon'; row skipped")]  # (its line, past the quoted break)
    assert list(table.preview(path).rows.columns) == ["date", "title", "column3", "column4"]


def test_a_headerless_log_whose_first_record_is_short_keeps_every_record(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, "log.csv", "2019-01-01,Call\n2019-01-02,Lunch,12.5\n2019-01-03,Taxi,20\n"
                                                   "2019-01-04,Coffee,3\n"))
    assert ds.event_count == 4
    assert not [p for p in ds.problems if p.level == "error"]
