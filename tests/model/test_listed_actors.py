"""Actors written as a list the way programs leave one in a cell: Python's repr or JSON ("['Renault', 'Nissan']",
'["Renault","Nissan"]', as a data frame with a column of lists saved to CSV writes it) and a column that separates
with '|'. Before, each such cell became one entity named "['Renault', 'Nissan']"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer
from viewer.model.columns import normalise_lists


def test_bracketed_lists_of_quoted_items_are_lists() -> None:
    cells = pd.Series(["['Renault', 'Nissan']", '["Renault","Nissan"]', "['Renault']", "[]", "Renault; Nissan",
                       "[Redacted]", "['O'Brien']"])
    assert normalise_lists(cells).astype(str).tolist() == ["Renault;Nissan", "Renault;Nissan", "Renault", "",
                                                           "Renault;Nissan", "[Redacted]", "['O'Brien']"]


def test_a_column_that_separates_with_pipes_is_a_column_of_lists() -> None:
    assert normalise_lists(pd.Series(["Renault|Nissan", "Renault | Mitsubishi", "Nissan"])).astype(str).tolist() == [
        "Renault;Nissan", "Renault;Mitsubishi", "Nissan"]
    # where ';' separates, a '|' is part of a name
    assert normalise_lists(pd.Series(["A|B;C", "D"])).astype(str).tolist() == ["A|B;C", "D"]


def test_a_table_of_listed_actors_opens_with_one_entity_each(tmp_path: Path) -> None:
    path = tmp_path / "saved_by_pandas.csv"
    path.write_text("date,title,actors\n2019-01-01,a,\"['Renault', 'Nissan']\"\n2019-01-02,b,\"['Nissan']\"\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert sorted(ds.entities["id"]) == ["Nissan", "Renault"]
    assert ds.events["actors"].astype(str).tolist() == ["Renault;Nissan", "Nissan"]


def test_actors_written_as_json_objects_are_their_names(tmp_path: Path) -> None:
    """An API's records hold their parties as objects: [{"name": "Renault", "role": "buyer"}, …], {"id": "Nissan"};
    each became one entity named by its JSON text."""
    path = tmp_path / "records.json"
    path.write_text('[{"date": "2019-01-01", "title": "a", "actors": [{"name": "Renault", "role": "buyer"}, '
                    '{"name": "Nissan"}]}, {"date": "2019-01-02", "title": "b", "actors": {"id": "Nissan"}}, '
                    '{"date": "2019-01-03", "title": "c", "actors": [{"role": "observer"}]}]', encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["actors"].astype(str).tolist()[:2] == ["Renault;Nissan", "Nissan"]
    assert ds.events["actors"].astype(str).tolist()[2] == '[{"role": "observer"}]'  # names no one: kept as written


def test_names_joined_by_a_comma_or_a_word_are_lists_where_each_stands_alone() -> None:
    """Before, "Renault, Nissan" was one actor beside Renault and Nissan; a name with a comma of its own stays."""
    cells = pd.Series(["Renault", "Nissan", "Renault, Nissan", "Renault & Nissan", "Nissan and Renault",
                       "Nissan Motor Co., Ltd.", "Smith, John", "Procter & Gamble", "Renault, Daimler"])
    assert normalise_lists(cells).astype(str).tolist() == [
        "Renault", "Nissan", "Renault;Nissan", "Renault;Nissan", "Nissan;Renault", "Nissan Motor Co., Ltd.",
        "Smith, John", "Procter & Gamble", "Renault, Daimler"]  # (Daimler stands alone nowhere: left whole)


def test_a_column_of_semicolon_lists_keeps_its_commas() -> None:
    cells = pd.Series(["Renault", "Nissan", "Renault;Nissan, Ltd.", "Nissan, Renault"])
    assert normalise_lists(cells).astype(str).tolist()[2:] == ["Renault;Nissan, Ltd.", "Nissan, Renault"]


def test_tags_written_with_commas_are_tags_each(tmp_path: Path) -> None:
    """Keywords are written "legal, capital": before, that was one tag beside "legal"."""
    path = tmp_path / "tagged.csv"
    path.write_text('date,title,tags\n2019-01-01,a,"legal, capital"\n2019-01-02,b,legal\n2019-01-03,c,strategy\n',
                    encoding="utf-8")
    events = viewer.load(path).events
    assert events["tags"].tolist() == ["legal;capital", "legal", "strategy"]
    listed = tmp_path / "listed.csv"
    listed.write_text('date,title,tags\n2019-01-01,a,"Smith, J.;legal"\n', encoding="utf-8")
    assert viewer.load(listed).events["tags"].tolist() == ["Smith, J.;legal"]  # a column of ';' lists: as written
