"""A hundred entities tied at random, opened in a window of 1280 × 720: their nodes lay 10 px apart in the panel, and
15 px nodes covered each other (and the ties between them) in one blot. Nodes are now drawn at the size their
spacing leaves them, and grow back as the wheel zooms in; a click still lands on the node drawn."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint
from pytestqt.qtbot import QtBot

from viewer.model.neighbours import Near
from viewer.ui.relations.geometry import to_pixels
from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import open_by_hand


def _crowd(folder: Path) -> Path:
    rng = random.Random(3)
    folder.mkdir()
    (folder / "entities.csv").write_text("id,name,kind\n" + "".join(f"e{i},Company {i},company\n" for i in range(100)),
                                         encoding="utf-8")
    ties = "".join(f"r{j},e{a},e{b},partnership,,{rng.randint(2000, 2018)}\n"
                   for j, (a, b) in enumerate(rng.sample(range(100), 2) for _ in range(160)))
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from\n" + ties, encoding="utf-8")
    (folder / "events.csv").write_text("id,start,title,actors\n" + "".join(
        f"ev{i},{2000 + i % 20}-01-01,Event {i},e{i};e{(i * 7) % 100}\n" for i in range(60)), encoding="utf-8")
    (folder / "dataset.json").write_text('{"title": "Crowd"}', encoding="utf-8")
    return folder


def _drawn(window: MainWindow) -> tuple[np.ndarray, np.ndarray]:
    """The drawn nodes' centres (viewport px) and radii."""
    canvas = window.relations.canvas
    nodes = canvas.drawn[0]
    return to_pixels(canvas.nodes_item.deviceTransform(canvas.viewportTransform()), nodes.xy), nodes.radii


def _framed(window: MainWindow) -> bool:
    """Every drawn node inside the panel: the graph is framed (its view follows the fit a moment later)."""
    centres = _drawn(window)[0]
    rect = window.relations.canvas.viewport().rect()
    return bool(((centres >= 0) & (centres <= [rect.width(), rect.height()])).all())


def test_a_crowded_graph_draws_nodes_apart_and_the_wheel_grows_them_back(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, hand: Hand, monkeypatch: pytest.MonkeyPatch) -> None:
    window.resize(1280, 720)
    assert open_by_hand(qtbot, window, monkeypatch, _crowd(tmp_path / "crowd") / "dataset.json") == []
    canvas = window.relations.canvas
    qtbot.waitUntil(lambda: len(canvas.drawn[0].ids) > 90 and _framed(window))
    centres, radii = _drawn(window)
    gap = np.median(Near(centres).nearest_other())
    assert gap < 15.0  # (the case: nodes 15 px wide closer than that)
    assert np.median(radii) * 2 < gap, (np.median(radii), gap)  # no longer on top of each other
    assert radii.min() >= 3.0  # never a speck
    # a click on a drawn node selects it, with the size it is drawn at
    first = canvas.drawn[0].ids[0]
    at = QPoint(*map(int, np.round(centres[0])))
    hand.press(canvas.viewport(), at)
    hand.release(canvas.viewport(), at)
    assert window.state.selection.entities == frozenset({first})
    # the wheel zooms in on the crowd: the nodes grow back to their own size
    middle = QPoint(*map(int, np.round(centres.mean(axis=0))))
    hand.wheel(canvas.viewport(), middle, 8)
    qtbot.waitUntil(lambda: canvas.size_share == 1.0)
    assert np.median(_drawn(window)[1]) == pytest.approx(7.5)


def test_the_bundled_graph_keeps_its_nodes_whole(qtbot: QtBot, window: MainWindow) -> None:
    canvas = window.relations.canvas
    qtbot.waitUntil(lambda: len(canvas.drawn[0].ids) > 5)
    assert canvas.size_share == 1.0
