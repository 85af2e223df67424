"""A graph's nodes and edges made when first read (viewer.model.taken): the same items, in the same order, as a
tuple made at once, and only those read are made."""

from __future__ import annotations

import gc
import weakref

import numpy as np
import pandas as pd
import pytest

from viewer.model import graph, graph_focus
from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.taken import BLOCK, Taken, take


def _taken(n: int, moved: bool = False) -> tuple[Taken[str], list[int]]:
    store = np.full(n, None, dtype=object)
    asked: list[int] = []

    def make(at: np.ndarray) -> None:
        new = [int(i) for i in at if store[i] is None]
        asked.extend(new)
        for i in new:
            store[i] = f"item {i}"

    at = np.arange(n)[::-1].copy()  # read back to front: places are not store positions
    beside = (np.arange(n) % 3 == 0, lambda j, item: f"{item} in lane {j}") if moved else None
    return Taken(store, at, make, beside), asked


def test_an_item_read_makes_it_and_those_around_it_only() -> None:
    items, asked = _taken(10 * BLOCK)
    assert items[5] == f"item {10 * BLOCK - 6}"
    assert 0 < len(asked) <= BLOCK
    assert items[-1] == "item 0" and len(asked) <= 2 * BLOCK
    with pytest.raises(IndexError):
        items[10 * BLOCK]
    assert len(items) == 10 * BLOCK and len(asked) < len(items)


def test_every_item_read_is_the_tuple_made_at_once() -> None:
    for moved in (False, True):
        items, asked = _taken(700, moved)
        whole = tuple(items)
        assert len(asked) == 700 and len(set(asked)) == 700  # each made once
        fresh, _ = _taken(700, moved)
        assert [fresh[j] for j in range(700)] == list(whole)  # one by one, the same
        assert items == whole and whole == items and hash(items) == hash(whole)
        assert items[2:8:3] == whole[2:8:3]
        places = np.array([699, 3, 0, 350])
        other, _ = _taken(700, moved)
        assert take(other, places) == [whole[i] for i in places.tolist()] == take(whole, places)
    assert _taken(3, True)[0][0] == "item 2 in lane 0" and _taken(3, True)[0][1] == "item 1"
    assert _taken(0)[0] == () and _taken(2)[0] != ("item 1",)


def _register(n: int) -> Dataset:
    """A chain of ``n`` companies, each holding a fifth of the next."""
    entities = pd.DataFrame({"id": [f"c{i}" for i in range(n)], "name": [f"Co {i}" for i in range(n)]})
    relations = pd.DataFrame({"source": [f"c{i}" for i in range(n - 1)], "target": [f"c{i + 1}" for i in range(n - 1)],
                              "kind": "equity_stake", "value": "20"})
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))


def test_a_big_graphs_focus_makes_only_the_nodes_and_edges_it_shows() -> None:
    ds = _register(5000)
    view = graph.graph_at(ds, "2020")
    assert len(view.nodes) == 5000 and len(view.edges) == 4999
    made = graph._ROWS.get(ds, "rows", lambda: pytest.fail("graph_at made no rows for the dataset"))
    assert not made.edges_made.any() and not made.nodes_made.any()
    focused = graph_focus.focus(view, ds.entities, ["c2500"], max_nodes=10)
    assert {"c2499", "c2500", "c2501"} <= focused.view.node_ids()
    assert 0 < made.edges_made.sum() < 100 and 0 < made.nodes_made.sum() < 100
    assert view.node_ids() == set(ds.entities["id"]) and made.nodes_made.sum() < 100  # (read from the codes)


def test_a_graphs_edges_outlive_their_dataset() -> None:
    ds = _register(50)
    edges = graph.graph_at(ds, "2020").edges
    gone = weakref.ref(ds)
    del ds
    gc.collect()
    assert gone() is None
    assert [e.source for e in edges][:3] == ["c0", "c1", "c2"] and edges[-1].target == "c49"
