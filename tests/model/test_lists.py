"""Members of ``;``-separated lists split in Arrow for all lists at once: the same members, totals and lanes as
the per-list Python sets (written out here as the references) gave."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import lane_packing, lists, navigation
from viewer.model.columns import normalise_lists

SPACES = ["", " ", "\t", "\xa0", "\u3000", "\x1c", "\x85", "\u200b", "\n"]
names = st.sampled_from(["a", "b", "Ab", "é", "東京", "x y", ""])
parts = st.tuples(st.sampled_from(SPACES), names, st.sampled_from(SPACES)).map("".join)
texts = st.lists(st.lists(parts, max_size=5).map(";".join), min_size=1, max_size=12)


def _reference_totals(texts: list[str], counts: list[int]) -> list[tuple[str, int]]:
    totals: dict[str, int] = {}
    for text, count in zip(texts, counts, strict=True):
        for value in {v.strip() for v in text.split(";") if v.strip()}:
            totals[value] = totals.get(value, 0) + count
    return sorted(totals.items(), key=lambda item: (-item[1], item[0]))


def _reference_lanes(texts: list[str], lane_of: dict[str, int], other: int) -> tuple[list[int], list[int]]:
    lanes = [sorted({lane_of[a.strip()] for a in u.split(";") if a.strip() in lane_of}) or [other] for u in texts]
    return [len(x) for x in lanes], [lane for x in lanes for lane in x]


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_members_totals_and_lanes_read_as_the_per_list_sets(texts: list[str], data: st.DataObject) -> None:
    counts = data.draw(st.lists(st.integers(0, 9), min_size=len(texts), max_size=len(texts)))
    found = lists.members(texts)
    assert set(found.names) == {p.strip() for t in texts for p in t.split(";") if p.strip()}
    assert found.ranked(counts) == _reference_totals(texts, counts)
    assert navigation.facet_totals(texts, counts) == _reference_totals(texts, counts)
    principal = data.draw(st.lists(names.filter(bool), unique=True, max_size=4))
    lane_of = {name: i for i, name in enumerate(principal)}
    lengths, flat = lane_packing._lanes_of_texts(texts, lane_of, len(lane_of))
    assert (lengths.tolist(), flat.tolist()) == _reference_lanes(texts, lane_of, len(lane_of))


def test_a_hundred_thousand_distinct_lists_are_split_at_once() -> None:
    rng = np.random.default_rng(1)
    rows = rng.integers(0, 300, (100_000, 12))
    texts = [";".join(f" p{j}" for j in row) for row in rows.tolist()]
    found = lists.members(texts)
    assert sorted(found.names) == sorted(f"p{j}" for j in np.unique(rows).tolist())
    assert np.bincount(found.text, minlength=len(texts)).tolist() == [len(set(row)) for row in rows.tolist()]
    totals = dict(zip(found.names, found.totals(np.ones(len(texts), dtype=np.int64)).tolist(), strict=True))
    assert totals["p7"] == int((rows == 7).any(axis=1).sum())


def test_the_whitespace_trimmed_is_what_str_strip_takes_off() -> None:
    assert "".join(ch for ch in map(chr, range(0x110000)) if ch.isspace()) == lists.WHITESPACE


@settings(max_examples=300, deadline=None)
@given(texts)
def test_lists_are_tidied_as_pythons_regex_tidied_them(texts: list[str]) -> None:
    column = pd.Series(texts, dtype="str")
    # empty items go: "a;;b" (an empty column among several joined) is "a;b"
    reference = pd.Index(column.unique()).str.replace(r"(?:\s*;\s*)+", ";", regex=True).str.strip("; ")
    got = normalise_lists(column)
    assert got.astype(str).tolist() == [reference[list(column.unique()).index(t)] for t in texts]
    assert list(got.cat.categories) == list(dict.fromkeys(reference))


def _reference_distinct_counts(column: pd.Series) -> tuple[list[str], list[int]]:
    merged: dict[str, int] = {}
    for key in column.tolist():
        name = "" if pd.isna(key) else str(key)
        merged[name] = merged.get(name, 0) + 1
    ordered = sorted(merged)
    return ordered, [merged[k] for k in ordered]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), parts), max_size=20), st.sampled_from(["str", "string[pyarrow]", "object",
                                                                           "category"]))
def test_distinct_values_are_counted_as_one_by_one(values: list[str | None], dtype: str) -> None:
    column = pd.Series(values, dtype=dtype)
    assert navigation.distinct_counts(column) == _reference_distinct_counts(column)


def _reference_natural(text: str) -> tuple[str | int, ...]:
    return tuple(int(part) if at % 2 else part for at, part in enumerate(re.split(r"(\d+)", text)))


numbered = st.lists(st.tuples(st.sampled_from(["Unit ", "unit", "", "Dev ", "x", "Ünit "]),
                              st.sampled_from(["", "1", "2", "10", "007", "7", "100", "٣", "1b2"]),
                              st.sampled_from(["", " a", "0", " 2"])).map("".join), min_size=1, max_size=30)


@settings(max_examples=300, deadline=None)
@given(numbered, st.data())
def test_names_with_numbers_are_ranked_by_total_then_as_a_person_orders_them(texts: list[str],
                                                                             data: st.DataObject) -> None:
    """Most first, ties in natural order ("Unit 2" before "Unit 10"), as a sort by a tuple a name gave."""
    counts = data.draw(st.lists(st.integers(0, 3), min_size=len(texts), max_size=len(texts)))
    found = lists.members(texts)
    totals = found.totals(counts).tolist()
    expected = sorted(zip(found.names, totals, strict=True), key=lambda item: (-item[1], _reference_natural(item[0])))
    assert found.ranked(counts) == expected
    limit = data.draw(st.integers(0, len(expected) + 1))
    assert found.ranked(counts, limit) == expected[:limit]  # (the lanes' dozen, without ranking every name)
    assert [lists.natural(name) for name in found.names] == [_reference_natural(name) for name in found.names]
