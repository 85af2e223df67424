"""Edge tables as people keep them: ends written as ids (``n12``, an account's ``1002``) under ``source``/``target``
or ``from``/``to``, and a column naming each tie's kind ("Equity stake", "partnership", "wire"). Before, such a
table made no ties at all (the ends were too short to read as names), a relation column was one kind for every row,
and a ``to`` column of account numbers was read as years: every row's end "before its start", the column lost."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io.import_spec import RelationColumns, from_json, to_json
from viewer.io.spec_suggest import suggest_spec
from viewer.io.table_mapping import guess_mapping

KINDS = ("date,source,target,relation,share\n2019-01-01,Renault,Nissan,Equity stake,43.4%\n"
         "2019-01-01,Nissan,Renault,Equity stake,15%\n2020-01-01,Renault,Nissan,Partnership,\n"
         "2020-02-01,Renault,Daimler,,3.1%\n")
IDS = "date,source,target,relation\n2019-01-01,n1,n2,partner\n2019-02-01,n2,n3,partner\n2019-03-01,n3,n1,rival\n"
PAYMENTS = ("date,from,to,type,amount\n2019-01-01,1001,1002,wire,500\n2019-01-02,1002,1003,wire,250\n"
            "2019-01-03,1003,1001,cash,100\n")


def _written(tmp_path: Path, text: str, name: str = "edges.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _ties(path: Path, at: str) -> set[tuple[str, str, str, str]]:
    ds = viewer.load(path, mapping=suggest_spec(path))
    valid = ds.relations_at(at)
    return {(r.source, r.target, r.kind, str(r.value) if r.value == r.value else "")
            for r in valid.itertuples()}


def test_a_relation_column_names_each_ties_kind_in_the_house_words(tmp_path: Path) -> None:
    path = _written(tmp_path, KINDS)
    spec = suggest_spec(path)
    assert spec.relations == (RelationColumns("source", "target", "related_to", value="share", kinds="relation"),)
    ties = _ties(path, "2020-06-01")
    # a stake and a partnership between the same two hold side by side; a blank kind is the spec's own
    assert ties == {("renault", "nissan", "equity_stake", "43.4"), ("nissan", "renault", "equity_stake", "15.0"),
                    ("renault", "nissan", "partnership", ""), ("renault", "daimler", "related_to", "3.1")}


def test_ends_written_as_ids_make_ties(tmp_path: Path) -> None:
    path = _written(tmp_path, IDS)
    assert _ties(path, "2019-06-01") == {("n1", "n2", "partnership", ""), ("n2", "n3", "partnership", ""),
                                         ("n3", "n1", "rival", "")}  # (a partner is the house's partnership)


def test_gephis_type_of_direction_is_no_kind(tmp_path: Path) -> None:
    path = _written(tmp_path, "Source,Target,Type,Weight,start\n1,2,Directed,1,2019-01-01\n2,3,Directed,2,2019-02-01\n")
    relation, = suggest_spec(path).relations
    assert (relation.source, relation.target, relation.kinds, relation.value) == ("Source", "Target", None, "Weight")


def test_a_to_column_of_account_numbers_is_no_end_and_makes_ties(tmp_path: Path) -> None:
    path = _written(tmp_path, PAYMENTS)
    ds = viewer.load(path)
    assert ds.events["end"].isna().all()
    assert ds.events["attr:to"].tolist() == [1002, 1003, 1001]  # kept with its event
    assert not [p for p in ds.problems if p.level == "warning"]  # (was: "end is before start" on every row)
    assert any("'to' holds no dates (such as '1002')" in p.message for p in ds.problems)
    spec = suggest_spec(path)
    assert spec.end is None
    assert _ties(path, "2019-06-01") == {("1001", "1002", "wire", "500.0"), ("1002", "1003", "wire", "250.0"),
                                         ("1003", "1001", "cash", "100.0")}


@pytest.mark.parametrize("ends", ["2003,2005", "2003-05-01,2005-06-01"])
def test_an_end_column_of_years_after_the_starts_stays_the_end(tmp_path: Path, ends: str) -> None:
    first, second = ends.split(",")
    path = _written(tmp_path, f"start,end,title\n1998-03-12,{first},a\n2001-01-01,{second},b\n")
    assert viewer.load(path).events["end"].notna().all()


def test_a_kinds_column_survives_the_specs_json(tmp_path: Path) -> None:
    spec = suggest_spec(_written(tmp_path, KINDS))
    assert to_json(spec)["relations"][0]["kinds"] == "relation"
    assert from_json(to_json(spec)) == spec
    assert "relation" in spec.columns()


def test_the_party_that_leads_is_a_person(tmp_path: Path) -> None:
    """A leadership tie's source (a CEO) is a person, so the panel's People switch shows or hides it with its tie;
    before, it was an "entity", drawn with the companies' ties hidden."""
    path = _written(tmp_path, "date,source,target,relation\n2018-11-19,Carlos Ghosn,Nissan,Leadership\n"
                              "2019-01-24,Jean-Dominique Senard,Renault,Leadership\n"
                              "2019-02-01,Renault,Nissan,Partner\n")
    ds = viewer.load(path, mapping=suggest_spec(path))
    kinds = dict(zip(ds.entities["name"], ds.entities["kind"].astype(str), strict=True))
    assert kinds == {"Carlos Ghosn": "person", "Jean-Dominique Senard": "person", "Nissan": "entity",
                     "Renault": "entity"}  # (partners, held by none: nothing says what they are)


@pytest.mark.parametrize(("first", "last"), [("from_date", "to_date"), ("date", "date_to"), ("valid_from", "valid_to")])
def test_a_spells_bounds_are_its_start_and_end(first: str, last: str) -> None:
    """``to_date`` ended in "date" and read as a start, so a table of spells had no end (and its ties held on)."""
    mapping = guess_mapping([first, last, "source", "target"])
    assert (mapping.start, mapping.end) == (first, last)
    assert guess_mapping(["today", "title"]).end is None


def test_a_ties_problem_names_its_line_in_the_file(tmp_path: Path) -> None:
    path = _written(tmp_path, "from_date,to_date,source,target,relation\n2010-01-01,2015-01-01,A Corp,B Corp,partner\n"
                              "2016-01-01,2014-01-01,C Corp,A Corp,partner\n")
    assert _ties(path, "2013-01-01") == {("a_corp", "b_corp", "partnership", "")}
    ds = viewer.load(path, mapping=suggest_spec(path))
    backwards = [p for p in ds.problems if p.field == "to_date" and "relation skipped" in p.message]
    assert [p.row for p in backwards] == [3]  # (its line, not its place among the ties: 2)


def test_a_stake_ends_where_its_row_does_and_a_register_supersedes_the_rest(tmp_path: Path) -> None:
    """Wikidata's owned-by with its start and end qualifiers: the tie ended with its row (before, it held on beside
    the next stake); a register whose end column is mostly empty still ends each such row at the next."""
    owned = _written(tmp_path, "item,itemLabel,owner,ownerLabel,start,end,share\n"
                               "Q20165,Nissan,Q6686,Renault,1999-03-27T00:00:00Z,2023-11-08T00:00:00Z,0.434\n"
                               "Q20165,Nissan,Q6686,Renault,2023-11-08T00:00:00Z,,0.15\n", "owned.csv")
    assert _ties(owned, "2020-01-01") == {("renault", "nissan", "equity_stake", "43.4")}
    assert _ties(owned, "2024-01-01") == {("renault", "nissan", "equity_stake", "15.0")}
    register = _written(tmp_path, "Date,Parent,Subsidiary,Stake,End\n1999-03-27,Renault,Nissan,36.8%,\n"
                                  "2002-03-01,Renault,Nissan,44.4%,\n2016-10-20,Nissan,Mitsubishi,34%,2018-01-01\n",
                        "register.csv")
    assert _ties(register, "2017-01-01") == {("renault", "nissan", "equity_stake", "44.4"),
                                             ("nissan", "mitsubishi", "equity_stake", "34.0")}
    assert _ties(register, "2019-01-01") == {("renault", "nissan", "equity_stake", "44.4")}
