"""Rows written as JSON lists with no row of names first (``json.dump(rows)``, pandas' ``to_json(orient="values")``)
keep their first row: it was taken for the column names and its event lost without a word."""

from __future__ import annotations

import json
from pathlib import Path

import viewer

ROWS = [["2020-01-01", "Board meeting in Paris", "Acme"], ["2020-01-02", "Plant opens in Douai", "Acme"],
        ["2020-01-03", "Recall of the Zoe", "Beta"]]


def test_every_row_is_an_event_and_the_columns_are_numbered(tmp_path: Path) -> None:
    path = tmp_path / "rows.json"
    path.write_text(json.dumps(ROWS), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == [r[1] for r in ROWS]
    assert ds.events["start"].dt.day.tolist() == [1, 2, 3]
    assert any("no row of names" in str(p) for p in ds.problems)


def test_under_a_key_too(tmp_path: Path) -> None:
    path = tmp_path / "sheet.json"
    path.write_text(json.dumps({"values": ROWS}), encoding="utf-8")
    assert len(viewer.load(path).events) == 3


def test_a_row_of_names_is_still_the_names(tmp_path: Path) -> None:
    path = tmp_path / "named.json"
    path.write_text(json.dumps([["when", "what"], *[[r[0], r[1]] for r in ROWS]]), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == [r[1] for r in ROWS]
    assert not any("no row of names" in str(p) for p in ds.problems)
