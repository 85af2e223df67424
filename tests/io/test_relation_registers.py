"""A register of ties as a plain table: the suggested spec values each tie by its stake column (and a stake of
percentages is an equity stake), each row's tie holds until the next row of the same two parties, and a row with
no title of its own is named by its tie. Before, the stake column was left aside, every row's tie stayed open (each
stake ever held drawn at once) and the rows were called row1, row2 …"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

import viewer
from viewer.io.spec_suggest import suggest_spec
from viewer.model.graph import graph_at

REGISTER = ("Date,Parent,Subsidiary,Stake\n1999-03-27,Renault,Nissan,36.8%\n2002-03-01,Renault,Nissan,44.4%\n"
            "2016-10-20,Nissan,Mitsubishi Motors,34%\n2023-11-08,Renault,Nissan,15%\n")


def _opened(tmp_path: Path, text: str) -> viewer.Dataset:
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    return viewer.load(path, mapping=suggest_spec(path))


def _ties(ds: viewer.Dataset, when: str) -> set[tuple[str, str, str, str]]:
    return {(e.source, e.target, e.kind, e.label) for e in graph_at(ds, when).edges}


def test_a_register_of_stakes_draws_one_stake_at_a_time(tmp_path: Path) -> None:
    ds = _opened(tmp_path, REGISTER)
    assert _ties(ds, "2000-01-01") == {("renault", "nissan", "equity_stake", "36.8%")}
    assert _ties(ds, "2010-01-01") == {("renault", "nissan", "equity_stake", "44.4%")}
    assert _ties(ds, "2024-01-01") == {("renault", "nissan", "equity_stake", "15%"),
                                       ("nissan", "mitsubishi_motors", "equity_stake", "34%")}
    assert ds.events["title"].tolist() == ["Renault → Nissan (36.8%)", "Renault → Nissan (44.4%)",
                                           "Nissan → Mitsubishi Motors (34%)", "Renault → Nissan (15%)"]


def test_a_value_named_otherwise_is_kept_and_a_tie_with_no_value_stays_open(tmp_path: Path) -> None:
    spec = suggest_spec(_write(tmp_path, "date,buyer,seller,deal value\n2019-01-01,Acme Corp,Beta Ltd,$5.4bn\n"
                                         "2020-01-01,Acme Corp,Beta Ltd,$1bn\n"))
    assert [(r.value, r.kind) for r in spec.relations] == [("deal value", "related_to")]
    plain = viewer.load(_write(tmp_path, "date,owner,company\n2019-01-01,Acme Corp,Beta Ltd\n"
                                         "2020-01-01,Acme Corp,Beta Ltd\n"), mapping=suggest_spec(
        tmp_path / "table.csv"))
    assert plain.relations["valid_to"].isna().all()  # no value: each row is a tie of its own, open


def test_a_register_naming_its_ends_keeps_them(tmp_path: Path) -> None:
    path = _write(tmp_path, "date,parent,subsidiary,stake,until\n2019-01-01,A Corp,B Ltd,40%,2019-06-30\n"
                            "2020-01-01,A Corp,B Ltd,50%,\n")
    spec = suggest_spec(path)
    spec = replace(spec, relations=tuple(replace(r, valid_to="until") for r in spec.relations))
    ds = viewer.load(path, mapping=spec)
    assert ds.relations["valid_to"].tolist()[0] == pd.Timestamp("2019-06-30", tz="UTC")
    assert pd.isna(ds.relations["valid_to"].tolist()[1])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path
