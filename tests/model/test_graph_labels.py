"""Label placement: nothing overlaps, reciprocal edges bend apart, parallel edges fan out."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.model import graph_labels
from viewer.model.graph_labels import bends, control_points, curve_points, place_labels


def _overlap(a: np.ndarray, b: np.ndarray) -> bool:
    return bool(a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3])


def _hits_circle(rect: np.ndarray, centre: np.ndarray, radius: float) -> bool:
    nearest = np.clip(centre, rect[:2], rect[2:])
    return bool(np.hypot(*(nearest - centre)) < radius)


def _side(p0: np.ndarray, p1: np.ndarray, point: np.ndarray) -> float:
    """Which side of the line from p0 to p1 a point is on (the sign of the cross product)."""
    d, q = p1 - p0, point - p0
    return float(np.sign(d[0] * q[1] - d[1] * q[0]))


@st.composite
def graphs(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    n = draw(st.integers(1, 25))
    seed = draw(st.integers(0, 2**31))
    rng = np.random.default_rng(seed)
    xy = rng.uniform(0, draw(st.sampled_from([150.0, 400.0, 900.0])), size=(n, 2))
    radius = rng.uniform(3, 12, size=n)
    node_size = np.stack([rng.uniform(0, 120, size=n), np.full(n, 14.0)], axis=1)
    m = draw(st.integers(0, 40))
    sources, targets = rng.integers(0, n, size=m), rng.integers(0, n, size=m)
    edge_size = np.stack([rng.uniform(0, 60, size=m), np.full(m, 12.0)], axis=1)
    return xy, radius, node_size, sources, targets, edge_size


@settings(max_examples=150, deadline=None)
@given(graphs())
def test_no_placed_label_overlaps_another_label_or_a_node(graph: tuple[np.ndarray, ...]) -> None:
    xy, radius, node_size, sources, targets, edge_size = graph
    placed = place_labels(xy, radius, node_size, sources, targets, edge_size)
    rects = np.concatenate([placed.node_rects[placed.node_shown], placed.edge_rects[placed.edge_shown]])
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            assert not _overlap(rects[i], rects[j]), (rects[i], rects[j])
        for centre, r in zip(xy, radius, strict=True):
            assert not _hits_circle(rects[i], centre, r)
    # a label is shown or hidden, never lost: every label with a width has one of the two answers
    assert placed.node_shown.shape == (len(xy),) and placed.edge_shown.shape == (len(sources),)


def test_a_lone_node_label_goes_to_the_right_of_its_node() -> None:
    placed = place_labels(np.array([[100.0, 100.0]]), np.array([6.0]), np.array([[40.0, 12.0]]),
                          np.zeros(0), np.zeros(0), np.zeros((0, 2)))
    x0, y0, _, y1 = placed.node_rects[0]
    assert x0 > 106 and (y0 + y1) / 2 == 100


def test_a_node_label_avoids_the_side_its_edge_leaves_from() -> None:
    xy = np.array([[100.0, 100.0], [300.0, 100.0]])
    placed = place_labels(xy, np.array([6.0, 6.0]), np.array([[40.0, 12.0], [0.0, 0.0]]), np.array([0]),
                          np.array([1]), np.zeros((1, 2)))
    assert placed.node_rects[0][2] < 100  # the edge leaves to the right, so the name goes left


def test_an_edge_label_slides_along_its_edge_when_the_middle_is_taken() -> None:
    xy = np.array([[0.0, 0.0], [200.0, 0.0], [100.0, 0.0]])  # a third node sits on the middle of the edge
    placed = place_labels(xy, np.array([5.0, 5.0, 8.0]), np.zeros((3, 2)), np.array([0]), np.array([1]),
                          np.array([[30.0, 12.0]]))
    assert placed.edge_shown[0]
    centre = (placed.edge_rects[0][0] + placed.edge_rects[0][2]) / 2
    assert abs(centre - 100) > 20


def test_a_label_with_no_free_spot_is_hidden() -> None:
    xy = np.array([[0.0, 0.0], [20.0, 0.0]])  # the edge is too short for its label, and the view too narrow
    placed = place_labels(xy, np.array([8.0, 8.0]), np.zeros((2, 2)), np.array([0]), np.array([1]),
                          np.array([[80.0, 12.0]]), bounds=(-20.0, -40.0, 40.0, 40.0))
    assert not placed.edge_shown[0] and np.isnan(placed.edge_rects[0]).all()


def test_a_short_edge_puts_its_label_just_beside_the_line() -> None:
    xy = np.array([[0.0, 0.0], [40.0, 0.0]])  # between the two nodes' squares there is no room on the line
    placed = place_labels(xy, np.array([8.0, 8.0]), np.zeros((2, 2)), np.array([0]), np.array([1]),
                          np.array([[40.0, 12.0]]))
    x0, y0, x1, y1 = placed.edge_rects[0]
    assert placed.edge_shown[0] and (y1 <= -9.0 or y0 >= 9.0)  # clear of both nodes' squares, above or below
    assert x0 < 20.0 < x1  # and still over the edge's middle


def test_labels_stay_inside_the_visible_pixels() -> None:
    xy = np.array([[5.0, 50.0], [100.0, 50.0]])  # a node at the left border: its name goes right, not left
    placed = place_labels(xy, np.array([4.0, 4.0]), np.array([[60.0, 12.0], [60.0, 12.0]]), np.zeros(0, int),
                          np.zeros(0, int), np.zeros((0, 2)), bounds=(0.0, 0.0, 400.0, 100.0))
    assert placed.node_shown.all()
    assert (placed.node_rects[:, 0] >= 0.0).all() and placed.node_rects[0, 0] > 5.0


def test_reciprocal_relations_bend_to_opposite_sides() -> None:
    xy = np.array([[0.0, 0.0], [200.0, 50.0]])
    sources, targets = np.array([0, 1]), np.array([1, 0])
    bent = bends(sources, targets, xy)
    assert (bent != 0).all()
    middles = curve_points(xy[sources], xy[targets], bent, 0.5)
    assert _side(xy[0], xy[1], middles[0]) == -_side(xy[0], xy[1], middles[1]) != 0


def test_three_parallel_relations_get_three_distinct_offsets() -> None:
    xy = np.array([[0.0, 0.0], [300.0, 0.0]])
    bent = bends(np.array([0, 0, 0]), np.array([1, 1, 1]), xy)
    assert len(set(bent.round(6))) == 3 and 0.0 in bent


def test_a_reciprocal_pair_beside_a_third_kind_keeps_the_directions_apart() -> None:
    xy = np.array([[0.0, 0.0], [300.0, 0.0]])
    sources, targets = np.array([0, 1, 0]), np.array([1, 0, 1])
    middles = curve_points(xy[sources], xy[targets], bends(sources, targets, xy), 0.5)
    sides = [_side(xy[0], xy[1], m) for m in middles]
    assert sides[0] == sides[2] == -sides[1] != 0
    assert len({round(float(m[1]), 6) for m in middles}) == 3


def test_a_lone_edge_is_straight_and_its_bezier_middle_is_its_bend() -> None:
    xy = np.array([[0.0, 0.0], [100.0, 0.0]])
    assert bends(np.array([0]), np.array([1]), xy).tolist() == [0.0]
    control = control_points(xy[[0]], xy[[1]], np.array([10.0]))
    assert np.allclose(curve_points(xy[[0]], xy[[1]], np.array([10.0]), 0.5), (xy[0] + xy[1]) / 4 + control / 2)


def _place_every_spot(grid: object, spots: np.ndarray, size: np.ndarray, order: np.ndarray,
                      give_up: int | None = None) -> np.ndarray:
    """Placement as it was before only labels with a width were tried: every spot of every label made Python lists
    (and none given up on: these views have room)."""
    rects = np.full((len(size), 4), np.nan)
    along, half = spots.tolist(), (size / 2).tolist()
    for k in order.tolist():
        w, h = half[k]
        if w <= 0:
            continue
        for cx, cy in along[k]:
            rect = (cx - w, cy - h, cx + w, cy + h)
            if grid.take(rect):  # type: ignore[attr-defined]
                rects[k] = rect
                break
    return rects


def test_trying_only_the_labels_with_a_width_places_every_label_where_trying_all_did(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A crowded graph labels its strongest ties only: most edges carry no label (width 0), none of them tried."""
    rng = np.random.default_rng(5)
    for n, m in ((30, 0), (40, 120), (200, 1000)):
        xy = rng.uniform(0, 900, (n, 2))
        radius = rng.uniform(4, 12, n)
        names = np.where(rng.random((n, 1)) < 0.8, rng.uniform([20, 10], [120, 14], (n, 2)), 0.0)
        sources, targets = rng.integers(0, n, m), rng.integers(0, n, m)
        values = np.where(rng.random((m, 1)) < 0.15, rng.uniform([18, 10], [40, 12], (m, 2)), 0.0)
        order = rng.permutation(m)
        args = (xy, radius, names, sources, targets, values)
        now = place_labels(*args, edge_order=order, bounds=(0.0, 0.0, 900.0, 900.0))
        with monkeypatch.context() as patched:
            patched.setattr(graph_labels, "_place", _place_every_spot)
            before = place_labels(*args, edge_order=order, bounds=(0.0, 0.0, 900.0, 900.0))
        assert np.array_equal(now.node_rects, before.node_rects, equal_nan=True)
        assert np.array_equal(now.edge_rects, before.edge_rects, equal_nan=True)
        assert now.edge_shown.sum() > 0 or m == 0


def test_a_full_view_stops_trying_labels_it_cannot_place(monkeypatch: pytest.MonkeyPatch) -> None:
    """A hairball's values, none with room (every spot on a node's square), are given up on after GIVE_UP misses
    in a row, not each tried at all of its 17 spots (2,500 values took 180 ms a paint)."""
    tries: list[int] = []
    take = graph_labels._Grid.take

    def counted(self: graph_labels._Grid, rect: tuple[float, float, float, float]) -> bool:
        tries.append(1)
        return take(self, rect)

    monkeypatch.setattr(graph_labels._Grid, "take", counted)
    m = 2_000  # ties between two big nodes a short way apart: no spot along them is free of both
    placed = place_labels(np.array([[0.0, 0.0], [30.0, 0.0]]), np.array([20.0, 20.0]), np.zeros((2, 2)),
                          np.zeros(m, dtype=int), np.ones(m, dtype=int), np.tile([40.0, 12.0], (m, 1)),
                          edge_bends=np.zeros(m))
    spots = len(graph_labels.SLIDE) + len(graph_labels.BESIDE)
    assert int(placed.edge_shown.sum()) < graph_labels.GIVE_UP
    assert len(tries) <= (int(placed.edge_shown.sum()) + graph_labels.GIVE_UP) * spots


def test_a_view_with_room_places_every_label_whatever_it_missed_before() -> None:
    """Misses not in a row never give up: labels that fit after others that did not are placed."""
    n = 3 * graph_labels.GIVE_UP
    # pairs of nodes far apart, each joined by two ties: the second tie's label finds a spot beside the first's
    xy = np.array([[0.0, 200.0 * i] for i in range(n)] + [[600.0, 200.0 * i] for i in range(n)])
    sources = np.repeat(np.arange(n), 2)
    targets = sources + n
    placed = place_labels(xy, np.full(2 * n, 5.0), np.zeros((2 * n, 2)), sources, targets,
                          np.tile([40.0, 12.0], (2 * n, 1)))
    assert placed.edge_shown.all()
