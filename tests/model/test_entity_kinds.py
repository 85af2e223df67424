"""Kinds guessed for the parties a table names without saying what they are."""

from __future__ import annotations

import pandas as pd
import pytest

from viewer.model import entity_kinds


@pytest.mark.parametrize(("name", "kind"), [
    ("French State", "government"), ("Ministry of Economy", "government"), ("Republic of Korea", "government"),
    ("Bundesministerium der Finanzen", "government"), ("U.S. Department of the Treasury", "government"),
    ("Renault SA", "company"), ("Nissan Motor Co., Ltd.", "company"), ("Volkswagen AG", "company"),
    ("Apple Inc.", "company"), ("Daimler Truck Holding AG", "company"), ("Renault Group", "company"),
    ("State Street Corp.", "company"), ("First Republic Bank", "company"), ("Citizens State Bank", "company"),
    ("Central Bank of Kansas City", "company"), ("MagnetBank", "company"), ("NextBank, NA", "company"),
    ("Bavarian State", "government"),  # (banks hold "State", "Republic" and "Central")
    ("Carlos Ghosn", "entity"), ("Geely", "entity"), ("Alliance Board", "entity"),
])
def test_a_name_says_government_or_company_or_nothing(name: str, kind: str) -> None:
    guessed = entity_kinds.guessed(pd.Series([name]), pd.Series(["entity"]), pd.Series([False]))
    assert guessed.tolist() == [kind]


def test_a_held_party_is_a_company_and_a_given_kind_is_kept() -> None:
    relations = pd.DataFrame({"source": ["state", "a", "b"], "target": ["renault", "c", "d"],
                              "kind": ["equity_stake", "acquired_by", "partnership"]})
    assert entity_kinds.held_ids(relations) == {"renault", "a", "c"}
    guessed = entity_kinds.guessed(pd.Series(["Renault", "Ana Lopez", "Apple Inc."]),
                                   pd.Series(["organisation", "person", "trust"]), pd.Series([True, True, False]))
    assert guessed.tolist() == ["company", "person", "trust"]
    assert entity_kinds.held_ids(None) == set()
