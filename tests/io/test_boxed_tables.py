"""Tables drawn in boxes as terminals print them (the mysql client's, tabulate's grid, DuckDB's command line) are
read from their rows between bars, each row by its line in the file, DuckDB's row of types left out; they were
refused ("no date column among +----+------------+…")."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer

MYSQL = """+----+------------+------------------------+
| id | date       | title                  |
+----+------------+------------------------+
|  1 | 2019-01-01 | Arrest of the chairman |
|  2 | 2019-03-12 | Board meeting          |
+----+------------+------------------------+
2 rows in set (0.00 sec)
"""
DUCKDB = """┌───────┬────────────┬────────────────────────┐
│  id   │    date    │         title          │
│ int32 │    date    │        varchar         │
├───────┼────────────┼────────────────────────┤
│     1 │ 2019-01-01 │ Arrest of the chairman │
│     2 │ 2019-03-12 │ Board meeting          │
└───────┴────────────┴────────────────────────┘
"""
GRID = """+------+------------+------------------------+
|   id | date       | title                  |
+======+============+========================+
|    1 | 2019-01-01 | Arrest of the chairman |
+------+------------+------------------------+
|    2 | 2019-03-12 | Board meeting          |
+------+------------+------------------------+
"""


@pytest.mark.parametrize(("text", "rows"), [(MYSQL, [4, 5]), (DUCKDB, [5, 6]), (GRID, [4, 6])])
def test_a_boxed_table_is_read_from_its_rows(tmp_path: Path, text: str, rows: list[int]) -> None:
    path = tmp_path / "result.txt"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.sort_values("row")
    assert events["title"].tolist() == ["Arrest of the chairman", "Board meeting"]
    assert [str(t.date()) for t in events["start"]] == ["2019-01-01", "2019-03-12"]
    assert events["row"].tolist() == rows
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    assert any("drawn in a box" in p.message for p in ds.problems)


def test_a_table_of_bars_without_a_box_is_read_as_before(tmp_path: Path) -> None:
    """A Markdown-like table of bars without a rule on top is no box: read as a |-delimited table, as before."""
    path = tmp_path / "plain.txt"
    path.write_text("date|title\n2019-01-01|a\n2019-03-12|b\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["a", "b"]
    assert not any("drawn in a box" in p.message for p in ds.problems)
