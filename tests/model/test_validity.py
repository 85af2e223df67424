"""A dataset's validity as integer columns answers as the frame queries do, at every date and at each bound's own
instant, and the graph at a date built from it (its views kept by which fuzzy bounds hold) is the graph built
from the frame queries at that date."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import viewer
from viewer.model import graph, query, validity
from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.dates import span_end

FIXTURES = Path(__file__).parents[1] / "io" / "fixtures"


def _dated_entities() -> Dataset:
    """Ties with coarse and exact bounds, open ends, an end no entity is, entities that come and go (e13 has no row: it
    is added without dates)."""
    rng = np.random.default_rng(11)
    n = 240
    source, target = rng.integers(0, 14, n), rng.integers(0, 14, n)
    keep = source != target
    m = int(keep.sum())
    forms = np.array(["{y}", "{y}-03", "{y}-07-14", "{y}-11-02T10:30:00Z", ""])

    def written(years: np.ndarray) -> list[str]:
        return [str(forms[i]).format(y=y) for i, y in zip(rng.integers(0, len(forms), len(years)), years, strict=True)]

    relations = pd.DataFrame({"source": [f"e{i}" for i in source[keep]], "target": [f"e{i}" for i in target[keep]],
                              "kind": rng.choice(["equity_stake", "partnership", "leadership"], m),
                              "value": [str(v) if v % 4 else "" for v in rng.integers(1, 60, m)],
                              "valid_from": written(rng.integers(2000, 2016, m)),
                              "valid_to": written(rng.integers(2010, 2024, m))})
    first = [f"{y}" if y % 3 else "" for y in rng.integers(1998, 2012, 13)]
    last = [f"{y}-06" if y % 2 else "" for y in rng.integers(2012, 2026, 13)]
    entities = pd.DataFrame({"id": [f"e{i}" for i in range(13)], "name": [f"Party {i}" for i in range(13)],
                             "kind": ["company"] * 10 + ["person"] * 3, "valid_from": first, "valid_to": last})
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations))  # e13: no entity row


DATASETS = {"alliance": viewer.load, "dated_entities": _dated_entities,
            "offshore_leaks": lambda: viewer.load(FIXTURES / "offshore_leaks")}


def _dates(ds: Dataset) -> list[pd.Timestamp]:
    """A walk over the years, and every bound's own instant, the instant before it and its span's end."""
    walk = list(pd.date_range("1997-01-01", "2026-01-01", periods=60, tz="UTC"))
    bounds = []
    for frame in (ds.relations, ds.entities):
        for column in ("valid_from", "valid_to"):
            if column in frame.columns:
                stamps = frame[column].dropna()
                ends = span_end(stamps, frame.loc[stamps.index, f"{column}_precision"].astype(object).fillna("time"))
                bounds += [*stamps, *(stamps - pd.Timedelta(microseconds=1)), *ends]
    return walk + sorted(set(bounds))


def _absent_ties(ds: Dataset, when: pd.Timestamp) -> np.ndarray:
    absent = query.absent_at(ds.entities, when)
    return (ds.relations["source"].isin(absent) | ds.relations["target"].isin(absent)).to_numpy()


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_the_columns_answer_as_the_frame_queries(name: str) -> None:
    ds = DATASETS[name]()
    dates = _dates(ds)
    assert len(dates) > 60
    for when in dates:
        valid = query.valid_mask(ds.relations, when)
        assert np.array_equal(validity.valid_at(ds, when), valid), when
        assert np.array_equal(validity.held_at(ds, when), valid & ~_absent_ties(ds, when)), when
        fuzzy_from, fuzzy_to = validity.fuzzy_at(ds, when)
        assert np.array_equal(fuzzy_from | fuzzy_to, query.uncertain_mask(ds.relations, when)), when


def test_the_fixture_has_what_the_columns_must_get_right() -> None:
    """(else the test above proves less than it says): fuzzy bounds holding, entities absent while their ties are
    valid, open ends."""
    ds = _dated_entities()
    dates = _dates(ds)
    assert any(query.uncertain_mask(ds.relations, when).any() for when in dates)
    assert any((query.valid_mask(ds.relations, when) & _absent_ties(ds, when)).any() for when in dates)
    assert ds.relations["valid_from"].isna().any() and ds.relations["valid_to"].isna().any()


def _graph_from_frames(ds: Dataset, when: pd.Timestamp, people: bool) -> graph.GraphView:
    """The graph at a date as it was built before the columns: from the frame queries, fuzzy ties one by one."""
    visible = query.valid_mask(ds.relations, when) & graph._shown(ds, people, ()) & ~_absent_ties(ds, when)
    rows = ds.relations[visible]
    uncertain = query.uncertain_mask(ds.relations, when)[visible]
    return graph._view(ds, rows, when, uncertain, np.ones(len(rows)))


def _fields(view: graph.GraphView) -> tuple[list[tuple[object, ...]], list[str]]:
    edges = [tuple("nan" if isinstance(v, float) and np.isnan(v) else v for v in e.__dict__.values())
             for e in view.edges]
    return edges, [n.id for n in view.nodes]


@pytest.mark.parametrize("name", sorted(DATASETS))
def test_the_graph_at_each_date_is_the_graph_from_the_frames(name: str) -> None:
    """Walked date by date, so that a view kept for one date is given again at the next with the same ties and the
    same fuzzy bounds holding: its notes ("from Nov 2022") must be those of the new date."""
    ds = DATASETS[name]()
    for people in (False, True):
        for when in _dates(ds):
            view = graph.graph_at(ds, when, include_people=people)
            assert view.when == when
            assert _fields(view) == _fields(_graph_from_frames(ds, when, people)), (when, people)


def test_a_fuzzy_note_follows_the_cursor_across_its_span() -> None:
    """A tie known to begin in a year (or a month) says so while the cursor is inside that span, and not after it:
    the same edge comes with and without its note in the walk."""
    ds = _dated_entities()
    views = [graph.graph_at(ds, when, include_people=True) for when in _dates(ds)]
    noted = {e.id for view in views for e in view.edges if e.fuzzy.startswith("from ")}
    plain = {e.id for view in views for e in view.edges if not e.fuzzy}
    assert len(noted & plain) > 10
