"""Answers remembered for the last dataset: reused while it is asked about, never kept past it."""

from __future__ import annotations

import gc
import weakref

import pandas as pd

import viewer
from viewer.model import graph
from viewer.model.dataset import Tables, build_dataset
from viewer.model.memo import LIMIT, Memo


class Owner:
    """Something a memo can hold weakly."""


def test_a_memo_makes_each_answer_once_per_owner_and_forgets_on_a_new_owner() -> None:
    memo: Memo[int] = Memo()
    made: list[str] = []

    def make(key: str) -> int:
        made.append(key)
        return len(made)

    first, second = Owner(), Owner()
    assert memo.get(first, "a", lambda: make("a")) == 1
    assert memo.get(first, "a", lambda: make("a")) == 1  # remembered
    assert memo.get(second, "a", lambda: make("a")) == 2  # another owner: asked again
    assert memo.get(first, "a", lambda: make("a")) == 3  # the first was forgotten
    for i in range(LIMIT + 5):  # a bounded number of answers
        memo.get(first, i, lambda: 0)
    assert len(memo._answers) <= LIMIT


def test_a_memo_never_keeps_its_owner_alive() -> None:
    memo: Memo[int] = Memo()
    owner = Owner()
    memo.get(owner, "a", lambda: 1)
    gone = weakref.ref(owner)
    del owner
    gc.collect()
    assert gone() is None


def test_the_graph_between_two_changes_is_the_same_graph_at_its_own_date() -> None:
    ds = viewer.load()
    a, b = graph.graph_at(ds, "2021-03-01"), graph.graph_at(ds, "2021-03-02")
    assert (a.nodes, a.edges) == (b.nodes, b.edges) and a.when != b.when
    assert b.when == pd.Timestamp("2021-03-02", tz="UTC")
    later = graph.graph_at(ds, "2023-12-01")  # after the 2023 restructuring: other ties
    assert later.edges != a.edges
    # a new dataset with the same shape of relations is not answered from the old one's graph
    events = pd.DataFrame({"id": ["e"], "start": ["2020-01-01"], "title": ["t"], "actors": ["x"]})
    entities = pd.DataFrame({"id": ["x", "y"], "name": ["X", "Y"], "kind": ["company", "company"]})
    relations = pd.DataFrame({"source": ["x"], "target": ["y"], "kind": ["equity_stake"], "value": [10.0]})
    one = graph.graph_at(build_dataset(Tables(events, entities, relations)), "2021-01-01")
    two = graph.graph_at(build_dataset(Tables(events, entities.assign(name=["Ex", "Why"]), relations)),
                         "2021-01-01")
    assert [n.name for n in one.nodes] == ["X", "Y"] and [n.name for n in two.nodes] == ["Ex", "Why"]


def test_a_memo_lets_its_answers_go_with_their_owner() -> None:
    """A big graph's answers hold the tables its edges are made from, when first read: they go when the dataset
    goes, not when another dataset is asked about."""
    memo: Memo[object] = Memo()
    owner = Owner()
    memo.get(owner, "a", Owner)
    answer = weakref.ref(memo._answers["a"])
    del owner
    gc.collect()
    assert answer() is None and memo._answers == {}
