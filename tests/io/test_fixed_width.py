"""Text tables lined up with spaces (a report saved as text, Excel's .prn, a table copied from a PDF) are read in
their columns; they were read as one column of whole lines and refused for having no date."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import table, table_stream

REPORT = """Alliance events, as printed by the ledger system

Date          Amount  Party        Title
2018-11-19     1,500  Nissan       Arrest of the chairman
2019-03-12        20  Renault      New governance board

2019-04-04   120,000  Nissan       Second arrest, and a title long enough to run past every other column
2023-02-06       7.5  Renault-Niss London event
"""


def _write(tmp_path: Path, text: str, name: str = "report.prn") -> Path:
    path = tmp_path / name
    path.write_text(text)
    return path


def test_a_report_lined_up_with_spaces_is_read_in_its_columns(tmp_path: Path) -> None:
    ds = viewer.load(_write(tmp_path, REPORT))
    events = ds.events.sort_values("row")
    assert events["row"].tolist() == [4, 5, 7, 8]  # each row's line, below the title and the blank lines
    assert [str(t.date()) for t in events["start"]] == ["2018-11-19", "2019-03-12", "2019-04-04", "2023-02-06"]
    assert events["title"].tolist() == ["Arrest of the chairman", "New governance board",
                                        "Second arrest, and a title long enough to run past every other column",
                                        "London event"]
    assert events["actors"].tolist() == ["Nissan", "Renault", "Nissan", "Renault-Niss"]
    assert events["attr:Amount"].tolist() == ["1,500", "20", "120,000", "7.5"]  # right-aligned, commas and all
    said = [p.message for p in ds.problems]
    assert "columns lined up with spaces (fixed width): read as 4 columns" in said
    assert "1 line above the header skipped (a title or notes)" in said


def test_text_across_a_column_edge_is_cut_there_and_its_line_named(tmp_path: Path) -> None:
    lines = ["Date        Who      Title"] + [f"2019-01-{d:02d}  Nissan   Meeting {d}" for d in range(1, 30)]
    lines[20] = "2019-01-20  Mitsubishi Motors took part"  # its actor runs into the title's column
    ds = viewer.load(_write(tmp_path, "\n".join(lines) + "\n", "minutes.txt"))
    assert ds.event_count == 29
    row = ds.events.loc[ds.events["row"] == 21].iloc[0]
    assert (row["actors"], row["title"]) == ("Mitsubishi", "Motors took part")  # cut after the word
    (crossing,) = [p for p in ds.problems if "runs across" in p.message]
    assert (crossing.row, crossing.level) == (21, "warning")


@pytest.mark.parametrize(("name", "text", "columns"), [
    ("dates.txt", "date\n19 Nov 2018\n06 Feb 2023\n12 Mar 2019\n", ["date"]),  # one column of spaced dates
    ("aligned.csv", "date      , title\n2019-01-01, Arrest\n2019-04-04, Second\n", ["date", "title"]),  # delimited
    ("quoted.csv", 'date,title\n2019-01-01,"a  b\nc"\n2019-04-04,"d  e"\n', ["date", "title"]),
])
def test_a_table_whose_delimiter_splits_it_or_one_column_stays_as_it_was(tmp_path: Path, name: str, text: str,
                                                                         columns: list[str]) -> None:
    preview = table.preview(_write(tmp_path, text, name))
    assert list(preview.rows.columns) == columns
    assert not any("fixed width" in p.message for p in preview.problems)


def test_notes_each_led_by_a_date_and_two_spaces_stay_dated_lines(tmp_path: Path) -> None:
    """Their first line is no header (a date): read as notes, each line an event, as before (the window asked about
    two columns without names)."""
    path = _write(tmp_path, "2018-11-19  Arrest of Carlos Ghosn\n2019-03-12  Board meeting\n"
                  "2019-12-29  Ghosn flees Japan\n", "notes.txt")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Arrest of Carlos Ghosn", "Board meeting", "Ghosn flees Japan"]
    said = [p.message for p in ds.problems]
    assert "read the 3 lines led by a date" in said and not any("fixed width" in m for m in said)


SQLCMD = """id          date       title
----------- ---------- ------------------------------
          1 2019-01-01 Arrest of the chairman
          2 2019-03-12 Board meeting
          3 2019-12-29 Escape

(3 rows affected)
"""
SQLPLUS = """
        ID EVENT_DAT TITLE
---------- --------- ------------------------------
         1 01-JAN-19 Arrest of the chairman
         2 12-MAR-19 Board meeting
         3 29-DEC-19 Escape
"""
PSQL = """ id |    date    |        title
----+------------+----------------------
  1 | 2019-01-01 | Arrest of the chairman
  2 | 2019-03-12 | Board meeting
  3 | 2019-12-29 | Escape
(3 rows)
"""


@pytest.mark.parametrize("text", [SQLCMD, SQLPLUS, PSQL])
def test_a_query_s_result_as_sql_clients_print_it(tmp_path: Path, text: str) -> None:
    """SQL Server's sqlcmd and Oracle's SQL*Plus print a result in columns a rule of dashes draws under the header
    (a space apart, names right-aligned over numbers), and the count of rows under it; psql's is delimited by |."""
    ds = viewer.load(_write(tmp_path, text, "result.txt"))
    events = ds.events.sort_values("row")
    assert events["title"].tolist() == ["Arrest of the chairman", "Board meeting", "Escape"]
    assert [str(t.date()) for t in events["start"]] == ["2019-01-01", "2019-03-12", "2019-12-29"]
    assert not [p for p in ds.problems if p.level == "warning" or "crosses" in p.message]
    assert ("fixed width" in " ".join(p.message for p in ds.problems)) == (text != PSQL)


def test_the_mapping_dialog_preview_shows_the_columns(tmp_path: Path) -> None:
    preview = table.preview(_write(tmp_path, REPORT))
    assert list(preview.rows.columns) == ["Date", "Amount", "Party", "Title"]
    assert preview.delimiter is None and preview.mapping.start == "Date"


def test_a_long_file_read_straight_from_disk_is_read_in_its_columns_too(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1000)  # (Arrow reads such a file as one column)
    body = "".join(f"2019-{m:02d}-{d:02d}  Renault   event {m} {d}\n" for m in range(1, 13) for d in range(1, 29))
    ds = viewer.load(_write(tmp_path, "Date        Party     Title\n" + body, "long.txt"))
    assert ds.event_count == 12 * 28 and set(ds.events["actors"]) == {"Renault"}
    assert ds.events.sort_values("row")["title"].iloc[0] == "event 1 1"


_WORDS = st.text("abcdefghijklmnopqrstuvwxyz,.", min_size=1, max_size=8)
_CELLS = st.lists(_WORDS, min_size=1, max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.dates(), _CELLS, _CELLS), min_size=2, max_size=15))
def test_whatever_is_padded_into_columns_is_read_back(tmp_path_factory: pytest.TempPathFactory,
                                                      rows: list[tuple[object, str, str]]) -> None:
    dates = [str(day) for day, _, _ in rows]
    width = [max(len(v) for v in column) for column in (dates, [a for _, a, _ in rows])]
    width = [max(width[0], 4), max(width[1], 5)]
    lines = ["date".ljust(width[0]) + "  " + "party".ljust(width[1]) + "  title"]
    lines += [f"{day.ljust(width[0])}  {party.ljust(width[1])}  {title}" for day, (_, party, title)
              in zip(dates, rows, strict=True)]
    folder = tmp_path_factory.mktemp("padded")
    read = table.preview(_write(folder, "\n".join(lines) + "\n", "padded.txt"), rows=100).rows
    assert read.values.tolist() == [[day, party, title] for day, (_, party, title) in zip(dates, rows, strict=True)]
