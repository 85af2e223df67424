"""A value that begins with a quote meant as a character swallowed the rows after it (silently, into one long
title) or had the file refused; now every row is read, and the line of the quote is said. Values quoted as
the format means keep their line breaks, whatever they hold."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import stray_quotes


def _table(rows: int, odd: dict[int, str], sep: str = ",", start: int = 0) -> str:
    lines = [sep.join(("date", "title", "actor") if start == 0 else ("title", "date", "actor"))]
    for i in range(1, rows + 1):
        title = odd.get(i, f"event {i}")
        lines.append(sep.join((f"2019-01-{i % 28 + 1:02d}", title, f"a{i % 3}")) if start == 0 else
                     sep.join((title, f"2019-01-{i % 28 + 1:02d}", f"a{i % 3}")))
    return "\n".join(lines) + "\n"


def _load(tmp_path: Path, text: str, name: str = "events.csv", encoding: str = "utf-8") -> viewer.Dataset:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return viewer.load(path)


def test_a_quote_nothing_closes_no_longer_has_the_file_refused(tmp_path: Path) -> None:
    ds = _load(tmp_path, _table(100, {5: '"Best of list then more'}))
    assert ds.event_count == 100
    (said,) = [p for p in ds.problems if p.level == "warning"]
    assert (said.row, said.field) == (6, "title") and "no quote closes it" in said.message
    assert ds.events.loc[ds.events["row"] == 6, "title"].item() == '"Best of list then more'


def test_two_stray_quotes_no_longer_make_the_rows_between_one_title(tmp_path: Path) -> None:
    ds = _load(tmp_path, _table(100, {5: '"Quoted start', 50: 'end of quote" here'}))
    assert ds.event_count == 100 and ds.events["title"].str.len().max() < 30
    (said,) = [p for p in ds.problems if p.level == "warning"]
    assert said.row == 6 and "line 51" in said.message and "44 lines" in said.message
    assert set(ds.events.loc[ds.events["row"].isin([6, 51]), "title"]) == {'"Quoted start', 'end of quote" here'}


@pytest.mark.parametrize(("sep", "encoding", "ending"), [(";", "cp1252", "\r\n"), ("\t", "utf-8", "\n"),
                                                         (",", "utf-16", "\r\n"), ("|", "utf-8", "\r")])
def test_any_delimiter_encoding_and_line_ending(tmp_path: Path, sep: str, encoding: str, ending: str) -> None:
    text = _table(30, {3: '"Société générale', 20: 'fin" ici'}, sep).replace("\n", ending)
    ds = _load(tmp_path, text, "events.txt" if sep == "|" else "events.csv", encoding)
    assert ds.event_count == 30
    assert [p.row for p in ds.problems if p.level == "warning" and p.row] == [4]  # (and cp1252 said)
    assert ds.events.loc[ds.events["row"] == 4, "title"].item() == '"Société générale'


def test_a_quote_that_opens_a_record(tmp_path: Path) -> None:
    """The first field: the record after the value says what a record begins with."""
    ds = _load(tmp_path, _table(40, {7: '"Opening', 9: 'closing"'}, start=1))
    assert ds.event_count == 40
    assert [(p.row, p.field) for p in ds.problems if p.level == "warning"] == [(8, "title")]


def test_values_quoted_as_meant_keep_their_lines(tmp_path: Path) -> None:
    """An address and a paragraph over several lines, commas and quotes inside: nothing said, nothing cut."""
    note = 'Rue de Rivoli 1,\nParis, 75001,\nFrance\n"quoted"'
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "title", "note"])
    for i in range(30):
        writer.writerow([f"2019-02-{i + 1 - 28 * (i >= 28):02d}", f"visit {i}", note if i % 5 == 0 else "plain"])
    ds = _load(tmp_path, buffer.getvalue())
    assert ds.event_count == 30 and not [p for p in ds.problems if p.level == "warning"]
    assert (ds.events["description"] == note).sum() == 6  # a note column is read as the description


settings_ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
cells = st.text(st.sampled_from(list('ab1,;"\n 9-')), max_size=12)


@settings_
@given(st.lists(st.tuples(cells, cells), min_size=1, max_size=20))
def test_whatever_a_csv_writer_quotes_is_read_back_as_written(tmp_path: Path, rows: list[tuple[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["date", "title", "note"])
    for i, (title, note) in enumerate(rows):
        writer.writerow([f"2020-03-{i + 1:02d}", f"t{i} {title}", note])
    text = buffer.getvalue()
    assert stray_quotes.find(text, ",", 3) == ([], [])
    ds = _load(tmp_path, text)
    assert ds.event_count == len(rows)
    read = ds.events.sort_values("row")["title"].tolist()
    assert read == [f"t{i} {title}".strip() for i, (title, _) in enumerate(rows)]
