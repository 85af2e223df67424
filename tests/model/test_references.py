"""References to entities written by name where the tables use ids: read as the entity they name, said once per
table; before, each became a second entity of kind unknown, and the graph drew two nodes for one company."""

from __future__ import annotations

import pandas as pd

from viewer.model.dataset import Tables, build_dataset

ENTITIES = pd.DataFrame({"id": ["renault", "nissan", "t1", "t2"],
                         "name": ["Renault Group", "Nissan Motor", "Trust", "Trust"],
                         "kind": ["company", "company", "trust", "trust"]})


def _tables(actors: list[str], relations: list[tuple[str, str]]) -> Tables:
    events = pd.DataFrame({"start": ["2019-01-01"] * len(actors), "title": [f"e{i}" for i in range(len(actors))],
                           "actors": actors})
    ties = pd.DataFrame({"source": [a for a, _ in relations], "target": [b for _, b in relations],
                         "kind": "equity_stake", "value": "10", "valid_from": "2018"})
    return Tables(events, ENTITIES, ties)


def test_names_and_ids_in_other_case_are_read_as_the_entity() -> None:
    ds = build_dataset(_tables(["Renault Group;NISSAN", "nissan"], [("Renault Group", "Nissan  Motor")]))
    assert ds.events["actors"].astype(str).tolist() == ["renault;nissan", "nissan"]
    assert ds.relations[["source", "target"]].values.tolist() == [["renault", "nissan"]]
    assert sorted(ds.entities["id"]) == ["nissan", "renault", "t1", "t2"]  # no entity added
    said = [(p.field, p.level, p.message) for p in ds.problems]
    assert said == [
        ("actors", "info", "2 references written by an entity's name (or its id in other case) read as that entity "
                           "('NISSAN' → nissan, 'Renault Group' → renault)"),
        ("source/target", "info", "2 references written by an entity's name (or its id in other case) read as that "
                                  "entity ('Nissan  Motor' → nissan, 'Renault Group' → renault)")]


def test_a_name_two_entities_share_and_a_name_no_entity_has_stay_unknown() -> None:
    ds = build_dataset(_tables(["Trust;Ford"], [("Trust", "renault")]))
    assert ds.events["actors"].astype(str).tolist() == ["Trust;Ford"]
    added = ds.entities[ds.entities["kind"] == "unknown"]["id"].tolist()
    assert sorted(added) == ["Ford", "Trust"]
    assert not [p for p in ds.problems if "read as that entity" in p.message]
    said = [(p.field, p.message) for p in ds.problems if p.level == "warning"]
    shared = ("'Trust' names 2 entities (t1, t2), so no one of them could be chosen: it is an entity of its own, of "
              "kind 'unknown'; write the id of the one meant")
    assert said == [  # (the shared name was also said as "not in the entity table", which told nothing of why)
        ("actors", shared), ("source/target", shared),
        ("actors", "refers to entities not in the entity table: Ford; added them with kind 'unknown'")]
