"""The graph's Find box matches names first, then an entity's country, note and imported attributes."""

from __future__ import annotations

import pandas as pd

from viewer.model.dataset import Tables, build_dataset
from viewer.model.graph_focus import search

ENTITIES = pd.DataFrame({"id": ["acme", "globex", "initech"], "name": ["Acme Holdings", "Globex", "Initech Acme Unit"],
                         "kind": ["company"] * 3, "country": ["US", "DE", "US"],
                         "LEI": ["5493001KJTIIGC8Y1R12", "529900T8BM49AURSDO55", ""],
                         "City": ["Springfield", "Cypress Creek", "Austin"]})


def _entities() -> pd.DataFrame:
    return build_dataset(Tables(pd.DataFrame({"start": ["2020"]}), ENTITIES)).entities


def test_an_imported_attribute_such_as_an_lei_or_a_city_finds_its_entity() -> None:
    entities = _entities()
    assert "attr:LEI" in entities.columns  # the extra columns were kept as attributes
    assert search(entities, "529900t8bm49") == ["globex"]
    assert search(entities, "cypress") == ["globex"]
    assert search(entities, "de") == ["globex"]  # the country


def test_a_match_in_the_name_ranks_before_a_match_elsewhere() -> None:
    entities = _entities()
    assert search(entities, "acme") == ["acme", "initech"]  # the name starts with it, then a word in a name
    assert search(entities, "us")[:2] == ["acme", "initech"] and "globex" not in search(entities, "us")
