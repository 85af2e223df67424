"""A tie made from a table's columns is checked by the model under its own field names (``valid_to``,
``value``): its problems said "field 'valid_to': valid_to is before valid_from; row skipped" of a table whose
columns are ``from_date`` and ``to_date``, and the row itself (its event) was kept. They now name the columns
the user wrote, and say that the tie, not the row, is skipped."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import viewer
from viewer.io.spec_suggest import suggest_spec

TIES = ("source,target,relation,share,from_date,to_date\n"
        "Renault,Nissan,stake,43.4,1999-03-27,2023-11-08\n"
        "Nissan,Renault,stake,15,2002-03-01,1999-01-01\n"
        "Renault,Dacia,stake,lots,1999-09-01,\n")


def test_a_ties_problems_name_the_tables_own_columns(tmp_path: Path) -> None:
    path = tmp_path / "ties.csv"
    path.write_text(TIES, encoding="utf-8")
    spec = suggest_spec(path)
    spec = replace(spec, relations=(replace(spec.relations[0], value="share"),))  # "lots" kept it from suggesting
    ds = viewer.load(path, mapping=spec)
    backwards = [p for p in ds.problems if "relation skipped" in p.message]
    assert len(backwards) == 1, ds.problems
    assert (backwards[0].row, backwards[0].field) == (3, "to_date")  # the file's third line
    assert backwards[0].message.startswith("to_date is before from_date; relation skipped, got '1999-01-01'")
    not_a_number = [p for p in ds.problems if "expected a number" in p.message]
    assert [(p.row, p.field) for p in not_a_number] == [(4, "share")]
    assert not [p for p in ds.problems if p.field in ("valid_to", "valid_from", "value")], ds.problems
    assert len(ds.events) == 3, "each row's event is kept"


def test_a_relations_file_of_the_house_columns_still_names_them(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\ne1,2020-01-01,One\n", encoding="utf-8")
    (folder / "relations.csv").write_text("source,target,kind,valid_from,valid_to\na,b,partnership,2020,2019\n",
                                          encoding="utf-8")
    ds = viewer.load(folder)
    (problem,) = [p for p in ds.problems if "relation skipped" in p.message]
    assert (problem.field, problem.message.split(";")[0]) == ("valid_to", "valid_to is before valid_from")
