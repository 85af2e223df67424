"""SQLite databases read as tables: which table is read, what is said about it, what a damaged or odd
database gets, and that the file is never written (nor anything fetched from the network)."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer import cli
from viewer.io import load, sqlite
from viewer.model.problems import LoadError
from viewer.source.connect import duckdb_connection

DAY = 86_400
MARCH_4_2019 = 1_551_693_600  # 10:00 UTC


def _database(path: Path, *statements: str, rows: dict[str, list[tuple[object, ...]]] | None = None) -> Path:
    with closing(sqlite3.connect(path)) as con:
        for statement in statements:
            con.execute(statement)
        for table, values in (rows or {}).items():
            con.executemany(f"INSERT INTO {table} VALUES ({', '.join('?' * len(values[0]))})", values)
        con.commit()
    return path


def _trades(path: Path) -> Path:
    """Notes first, then a table with an awkward name, Unix times, a BLOB column and mixed values, then a view."""
    trades: list[tuple[object, ...]] = [
        (MARCH_4_2019 + DAY * i, f"trade {i}", "Renault;Nissan", bytes([0xFF, 0xD8, i]) if i % 2 else b"plain",
         i if i % 3 else "n/a") for i in range(12)]
    return _database(path, "CREATE TABLE notes (id, body)",
                     'CREATE TABLE "Trade ""log"" 2019" (ts INTEGER, what TEXT, who TEXT, photo BLOB, amount)',
                     'CREATE VIEW recent AS SELECT ts, what, ts FROM "Trade ""log"" 2019"',
                     rows={"notes": [(1, "read me")], '"Trade ""log"" 2019"': trades})


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_a_table_named_events_is_read_whatever_comes_first(tmp_path: Path) -> None:
    path = _database(tmp_path / "registry.sqlite", "CREATE TABLE people (name, born)",
                     "CREATE TABLE Events (date TEXT, title TEXT, actors TEXT)",
                     rows={"people": [("Ada", "1815-12-10")],
                           "Events": [(f"2020-01-{d:02d}", f"Filing {d}", "acme") for d in range(1, 11)]})
    ds = load(path)
    assert ds.event_count == 10 and ds.title == "registry"
    said = [p.message for p in ds.problems if "read the table" in p.message]
    assert said == ["read the table 'Events' (the database's tables: people, Events)"]


def test_the_first_table_with_a_date_column_is_read_and_said(tmp_path: Path) -> None:
    path = _trades(tmp_path / "trades.db")
    before = _digest(tmp_path)
    ds = load(path)
    assert ds.event_count == 12
    messages = {p.message: p for p in ds.problems}
    said = "read the table 'Trade \"log\" 2019', the first with a date column (the database's tables: notes, "
    assert any(m.startswith(said) for m in messages)
    blob = next(p for p in ds.problems if "BLOB" in p.message)
    assert blob.field == "photo" and blob.level == "info"
    events = ds.events.set_index("title")  # "what" is the title
    assert events.loc["trade 0", "attr:photo"] == "plain" and events.loc["trade 1", "attr:photo"] == "<3 bytes>"
    # numbers with "n/a" where there is none: a column of numbers, "n/a" empty (missing_marks.MISSING)
    assert pd.isna(events.loc["trade 3", "attr:amount"]) and events.loc["trade 4", "attr:amount"] == 4.0
    assert ds.events["start"].min().isoformat() == "2019-03-04T10:00:00+00:00"
    assert not [p for p in ds.problems if "no time zone" in p.message]  # Unix time is UTC by definition
    assert _digest(tmp_path) == before  # not written, and nothing left beside it


def test_a_named_table_is_read_and_an_unknown_one_names_the_tables(tmp_path: Path) -> None:
    path = _trades(tmp_path / "trades.sqlite3")
    recent = load(path, sheet="recent", start="ts")
    assert recent.event_count == 12 and recent.events["title"].str.startswith("trade").all()
    with pytest.raises(LoadError, match=r"no table 'trades' in this SQLite database; its tables are notes, "
                                        r"Trade \"log\" 2019, recent"):
        load(path, sheet="trades")


def test_the_python_api_and_the_command_line_take_the_table(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    """tests/io/fixtures_tables/registry.sqlite: notes, 13 filings (one undated), and a view of the 4 recent ones."""
    path = tmp_path / "registry.db"
    path.write_bytes((Path(__file__).parent / "fixtures_tables" / "registry.sqlite").read_bytes())
    assert viewer.open(str(path)).count() == 12
    assert viewer.open(str(path), "recent").count() == 4
    assert cli.run(["info", str(path), "--table", "recent"]) in (0, 1)
    assert "Events:    4" in capsys.readouterr().out
    assert cli.run(["events", str(path), "--table", "nope"]) == 1
    assert "no table 'nope' in this SQLite database; its tables are notes, filings, recent" in capsys.readouterr().err


def test_a_database_in_write_ahead_mode_is_read_with_its_log(tmp_path: Path) -> None:
    live = tmp_path / "live"
    live.mkdir()
    con = sqlite3.connect(live / "journal.db")
    con.execute("PRAGMA journal_mode=wal")
    con.execute("CREATE TABLE events (date TEXT, title TEXT)")
    con.executemany("INSERT INTO events VALUES (?, ?)", [(f"2020-01-{d:02d}", f"e{d}") for d in range(1, 11)])
    con.commit()
    copy = tmp_path / "copy"
    shutil.copytree(live, copy)  # the rows are still in journal.db-wal
    con.close()
    assert (copy / "journal.db-wal").stat().st_size > 0
    assert load(copy / "journal.db").event_count == 10


@pytest.mark.parametrize(("content", "expected"), [
    (b"date,title\n2019-01-01,a\n", "not a readable SQLite database (file is not a database)"),
    (None, "not a readable SQLite database (database disk image is malformed)"),
])
def test_a_damaged_database_is_refused_by_name(tmp_path: Path, content: bytes | None, expected: str) -> None:
    path = tmp_path / "damaged.sqlite"
    if content is None:
        whole = _trades(tmp_path / "whole.sqlite").read_bytes()
        content = whole[:3000]
    path.write_bytes(content)
    with pytest.raises(LoadError, match=f"damaged.sqlite: {expected}".replace("(", r"\(").replace(")", r"\)")):
        load(path)


def test_a_database_without_tables_or_dates_says_what_was_expected(tmp_path: Path) -> None:
    with closing(sqlite3.connect(tmp_path / "nothing.sqlite")) as con:
        con.execute("PRAGMA user_version = 1")  # a database file with no table
    with pytest.raises(LoadError, match="a SQLite database with no tables; expected a table of events"):
        load(tmp_path / "nothing.sqlite")
    path = _database(tmp_path / "undated.sqlite", "CREATE TABLE t (x)", rows={"t": [(1,)]})
    with pytest.raises(LoadError, match="no date column among x"):
        load(path)


def test_identifiers_are_quoted_whatever_they_hold() -> None:
    assert sqlite.quoted('Trade "log"; DROP TABLE x') == '"Trade ""log""; DROP TABLE x"'
    assert sqlite.first_table(["people", "TIMELINE", "x"]) == "TIMELINE"
    assert sqlite.first_table(["people"]) == "people" and sqlite.first_table([]) is None


def test_the_engine_never_downloads_an_extension(tmp_path: Path) -> None:
    """DuckDB meeting a SQLite file (or an https path) would fetch an extension: Entente is offline."""
    con = duckdb_connection()
    setting = con.raw_sql("SELECT current_setting('autoinstall_known_extensions')").fetchall()
    assert setting == [(False,)]


def test_text_that_is_not_utf8_is_read_with_replacements_and_said(tmp_path: Path) -> None:
    """SQLite stores whatever bytes it is given; Python's sqlite3 raised UnicodeDecodeError out of the loader."""
    path = _database(tmp_path / "mixed.sqlite", "CREATE TABLE events (date TEXT, title TEXT)",
                     "INSERT INTO events VALUES ('2020-01-02', CAST(x'43616683e9' AS TEXT))",
                     "INSERT INTO events VALUES ('2020-01-03', 'Plain')")
    ds = load(path)
    assert ds.events["title"].tolist() == ["Caf\ufffd\ufffd", "Plain"]
    (said,) = [p for p in ds.problems if "not UTF-8" in p.message]
    assert said.level == "warning" and said.message.startswith("1 text values are not UTF-8")


def test_a_damaged_name_in_the_schema_is_refused_by_name(tmp_path: Path) -> None:
    path = _database(tmp_path / "names.sqlite", "CREATE TABLE events (date TEXT, title TEXT)",
                     rows={"events": [("2020-01-02", "A")]})
    data = bytearray(path.read_bytes())
    at = data.index(b"title TEXT")
    data[at] = 0x97  # the column's name in the stored CREATE statement, as a damaged disk leaves it
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"names.sqlite: not a readable SQLite database \(a name in it is not UTF-8"):
        load(path)


def test_a_column_of_dates_and_unix_seconds_with_a_bad_date_stays_on_the_calendar(tmp_path: Path) -> None:
    """SQLite keeps each value's own type: dates as text beside Unix seconds as integers. Before, one impossible
    date among them switched the column to years: 2019-03-04 was drawn at the year 2019's second from 1970."""
    path = _database(tmp_path / "mixed.db", "CREATE TABLE events (date, what)",
                     rows={"events": [("2019-03-04", "text"), ("2019-02-30", "impossible"), (MARCH_4_2019, "seconds")]})
    ds = load(path)
    assert [str(t)[:16] for t in ds.events["start"]] == ["2019-03-04 00:00", "2019-03-04 10:00"]
    said = [p.message for p in ds.problems]
    assert any("Unix time" in s for s in said) and not any("years" in s for s in said), said
    assert any(p.row == 2 and "2019-02-30" in p.message for p in ds.problems)


def test_dates_kept_as_julian_days_are_read_as_sqlite_writes_them(tmp_path: Path) -> None:
    """SQLite keeps a date as ISO text, Unix time or a Julian day number in a REAL (its own julianday()): the last
    were read as plain numbers on a numeric axis, all in one minute of 1970."""
    path = _database(tmp_path / "app.db", "CREATE TABLE events (created REAL, title TEXT)")
    with closing(sqlite3.connect(path)) as con:
        con.executemany("INSERT INTO events VALUES (julianday(?), ?)", [
            ("2019-03-04 10:00", "Signed"), ("2020-01-02", "Closed"), ("1850-06-30 23:59:59", "Founded")])
        con.commit()
    before = _digest(tmp_path)
    ds = viewer.load(path)
    assert ds.meta.clock == "calendar"
    assert [str(t) for t in ds.events["start"]] == ["1850-06-30 23:59:59+00:00", "2019-03-04 10:00:00+00:00",
                                                    "2020-01-02 00:00:00+00:00"]
    assert list(ds.events["precision"]) == ["time", "time", "day"]
    assert [p.message for p in ds.problems] == [
        "large numbers read as Julian day numbers (days from noon UTC on 24 November 4714 BC, as SQLite's "
        "julianday() writes a date)"]
    assert _digest(tmp_path) == before
