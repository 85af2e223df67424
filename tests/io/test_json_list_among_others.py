"""A JSON list of records with other items among them (``null`` where an API lost a record, a stray number or
text): the records are read, each item that is no object said by its place. Such a list was refused as JSON of no
known kind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError


def _open(tmp_path: Path, items: list[object]) -> viewer.Dataset:
    path = tmp_path / "records.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return viewer.load(path)


def test_records_among_nulls_are_read_and_each_null_said_by_its_place(tmp_path: Path) -> None:
    ds = _open(tmp_path, [None, {"date": "2019-01-01", "title": "a"}, None, {"date": "2019-02-01", "title": "b"}])
    assert ds.events["title"].tolist() == ["a", "b"]
    said = [(p.row, p.message) for p in ds.problems if "not an object" in p.message]
    assert said == [(1, "item 1: a JSON null, not an object; item skipped"),
                    (3, "item 3: a JSON null, not an object; item skipped")]


def test_a_record_among_mostly_nulls_is_read(tmp_path: Path) -> None:
    ds = _open(tmp_path, [None, None, None, {"date": "2019-01-01", "title": "the one left"}])
    assert ds.events["title"].tolist() == ["the one left"]


def test_stray_numbers_and_texts_are_said_where_records_are_most(tmp_path: Path) -> None:
    ds = _open(tmp_path, [{"date": "2019-01-01", "title": "a"}, 5, {"date": "2019-02-01", "title": "b"}, "x"])
    assert ds.events["title"].tolist() == ["a", "b"]
    assert [p.row for p in ds.problems if "not an object" in p.message] == [2, 4]


@pytest.mark.parametrize("items", [[1, 2, 3, {"date": "2019-01-01", "title": "a"}], [None, None], ["a", "b"]])
def test_a_list_of_other_things_is_still_refused_by_name(tmp_path: Path, items: list[object]) -> None:
    with pytest.raises(LoadError, match=r"records\.json"):
        _open(tmp_path, items)
