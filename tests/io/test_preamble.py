"""A title, notes or an export stamp above a table's header (government, bank and spreadsheet exports): the
file was refused ("no date column among Registry of filings"); the header is found under them, rows keep the
line numbers of the file, and what was skipped is said. A table that starts with its header, or with short
records, is read from its first line as before."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import preamble

TABLE = ("Date{d}Title{d}Actor\n2019-01-02{d}First{d}a\n2019-02-03{d}Second{d}b\nnot a date{d}Bad{d}c\n"
         "2019-03-04{d}Third{d}d\n")


@pytest.mark.parametrize(("delimiter", "ending", "encoding"), [(",", "\n", "utf-8"), (";", "\r\n", "cp1252"),
                                                                ("\t", "\r", "utf-8"), ("|", "\n", "utf-8-sig")])
def test_a_title_and_notes_above_the_header_are_skipped(tmp_path: Path, delimiter: str, ending: str,
                                                        encoding: str) -> None:
    above = "Registre des dépôts\nExported 2024-05-01 by the clerk; page 1 of 1\n\n"
    path = tmp_path / ("export.txt" if delimiter == "|" else "export.csv")
    path.write_bytes((above + TABLE.format(d=delimiter)).replace("\n", ending).encode(encoding))
    ds = viewer.load(path)
    assert ds.events.sort_values("row")["title"].tolist() == ["First", "Second", "Third"]
    assert ds.events.sort_values("row")["row"].tolist() == [5, 6, 8]
    assert [p.row for p in ds.problems if p.level == "error"] == [7]
    assert any("3 lines above the header skipped" in p.message for p in ds.problems)


def test_a_workbook_with_a_title_block(tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    rows = [["Quarterly report", None, None], ["Prepared by the registry", None, None], [None, None, None],
            ["Date", "Title", "Actor"], [pd.Timestamp("2019-01-02"), "First", "a"], ["not a date", "Bad", "b"],
            [pd.Timestamp("2019-02-03"), "Second", "c"]]
    pd.DataFrame(rows).to_excel(path, header=False, index=False)
    ds = viewer.load(path)
    assert ds.events.sort_values("row")["title"].tolist() == ["First", "Second"]
    assert [p.row for p in ds.problems if p.level == "error"] == [6]


@pytest.mark.parametrize("text", [
    "2019-01-01,first,\n2019-01-02,second,x\n2019-01-03,third,y\n",  # a first record missing its last field
    "date,title,\n2019-01-01,first,x\n2019-01-02,second,y\n",  # a header with an unnamed column
    "date,title\n2019-01-01,one\n2019-01-02,two\n",
])
def test_a_table_starting_with_its_header_or_a_short_record_is_read_whole(tmp_path: Path, text: str) -> None:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == text.count("\n") - (0 if text.startswith("2019") else 1)
    assert not any("above the header" in p.message for p in ds.problems)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.text(st.sampled_from(list("ab1 ,;\"-")), max_size=6), min_size=3, max_size=3),
                min_size=1, max_size=12))
def test_a_header_filling_the_width_is_never_skipped(rows: list[list[str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "title", "note"])
    writer.writerows(rows)
    parsed = list(csv.reader(io.StringIO(buffer.getvalue())))
    assert preamble.rows_before_header(parsed) == 0


def test_a_survey_of_thousands_of_columns_keeps_each_name(tmp_path: Path) -> None:
    """Repeated and blank names among 6,000 columns are numbered as in a narrow table (this took 2 s alone)."""
    names = ["date", "title"] + [f"q{i % 3000}" for i in range(5_996)] + ["", "q1"]
    path = tmp_path / "survey.csv"
    path.write_text(",".join(names) + "\n" + ",".join(["2020-01-02", "Reply"] + ["1"] * 5_998) + "\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    columns = [c for c in ds.events.columns if c.startswith("attr:")]
    assert len(columns) == 5_998
    assert columns[:2] == ["attr:q0", "attr:q1"] and "attr:q0_3003" in columns and "attr:column5999" in columns
    assert columns[-1] == "attr:q1_6000"


def test_a_quoted_value_with_line_breaks_and_commas_is_no_title_block(tmp_path: Path) -> None:
    """Its lines, split apart, looked wider than the header: the header was taken for a title and skipped
    (found by the property test of written quotes)."""
    path = tmp_path / "notes.csv"
    path.write_text('date,title,note\n2020-03-01,"t0 \n,,,","\n,"\n2020-03-02,t1 ,1\n', encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 2 and ds.events["title"].tolist() == ["t0 \n,,,", "t1"]
    assert not [p for p in ds.problems if "above the header" in p.message]


def test_an_unquoted_comma_in_the_first_record_keeps_the_header(tmp_path: Path) -> None:
    """The first record one field too wide ("Smith, John met X") was taken for the header, the real header for a
    line of notes above it: every title was lost (row2, row3 …) and the actors with them."""
    path = tmp_path / "meetings.csv"
    path.write_text("date,title,actor\n2020-01-01,Smith, John met X,Y\n2020-01-02,B,Z\n2020-01-03,C,W\n"
                    "2020-01-04,D,V\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Smith", "B", "C", "D"]
    assert ds.events["actors"].astype(str).tolist()[1:] == ["Z", "W", "V"]
    assert not [p for p in ds.problems if "above the header" in p.message]
    assert [p.row for p in ds.problems if "more fields than the table's first line" in p.message] == [2]
