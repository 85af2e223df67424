"""One name is one entity however its accents are written: "é" as one character or as an e and a combining accent
(as macOS writes file names and some exports write names) are the same text; they were two entities, two lanes
and two filter choices."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import viewer

WHOLE = "Société Générale"
APART = unicodedata.normalize("NFD", WHOLE)


def test_actors_and_categories_written_both_ways_are_one(tmp_path: Path) -> None:
    path = tmp_path / "events.csv"
    path.write_text(f"date,title,actor,type\n2020-01-01,a,{WHOLE},Réunion\n2020-01-02,b,{APART},"
                    f"{unicodedata.normalize('NFD', 'Réunion')}\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.entities["name"].tolist() == [WHOLE]
    assert ds.events["category"].astype(str).tolist() == ["Réunion", "Réunion"]
    assert ds.events["category"].cat.categories.tolist() == ["Réunion"]


def test_a_relation_by_the_name_written_apart_reaches_the_entity(tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_text(f"id,start,title,actors\ne1,2020-01-01,a,{APART}\n", encoding="utf-8")
    (tmp_path / "entities.csv").write_text(f"id,name,kind\nsg,{WHOLE},company\nbnp,BNP,company\n", encoding="utf-8")
    (tmp_path / "relations.csv").write_text(f"source,target,kind,value,valid_from\n{APART},bnp,equity_stake,5,2019\n",
                                            encoding="utf-8")
    ds = viewer.load(tmp_path)
    assert ds.entities["id"].tolist() == ["sg", "bnp"]
    assert ds.relations[["source", "target"]].values.tolist() == [["sg", "bnp"]]
    assert ds.events["actors"].astype(str).tolist() == ["sg"]


def test_ids_written_both_ways_are_one_id(tmp_path: Path) -> None:
    (tmp_path / "events.csv").write_text(f"id,start,title,actors\ne1,2020-01-01,a,{APART}\n", encoding="utf-8")
    (tmp_path / "entities.csv").write_text(f"id,name,kind\n{WHOLE},SG,company\n", encoding="utf-8")
    ds = viewer.load(tmp_path)
    assert ds.entities["id"].tolist() == [WHOLE] and ds.events["actors"].astype(str).tolist() == [WHOLE]
    assert not [p for p in ds.problems if "unknown" in str(p)]
