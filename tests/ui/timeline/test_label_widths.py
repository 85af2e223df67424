"""Titles are measured only where a label may be drawn, and the labels drawn are the ones measuring every
title gave; the width a plain title is sure to reach never exceeds its laid-out width."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.label_widths import LabelWidths


def _bold() -> QFont:
    font = QFont()
    font.setPointSizeF(9.0)
    font.setBold(True)
    return font


def test_a_plain_title_is_never_narrower_than_the_width_it_is_sure_to_reach(qtbot: QtBot) -> None:
    rng = np.random.default_rng(3)
    printable = [chr(c) for c in range(0x20, 0x7F)]
    titles = ["iiiiiiiiiiiiiiiiiiii", "AVAVAVAVAVAVAVAV", "T.T.T.T.T.T.T.", "    ", "Wa Ta Ya Va LT ff fi",
              *("".join(rng.choice(printable, int(rng.integers(1, 60)))) for _ in range(300))]
    widths = LabelWidths(_bold())
    metrics = QFontMetricsF(_bold())
    floor = widths.at_least(titles)
    assert (floor <= [metrics.horizontalAdvance(t) for t in titles]).all()
    assert (floor[:3] > 0).all()


@pytest.mark.parametrize("title", ["Réunion à Paris", "東京での会議", "tab\tand\nnewline", "zero\u200bwidth",
                                   "\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301", "emoji 🚗🚗"])
def test_other_titles_are_sure_of_nothing_and_get_measured(qtbot: QtBot, title: str) -> None:
    assert LabelWidths(_bold()).at_least([title]).tolist() == [0.0]


def test_only_titles_that_may_be_drawn_are_measured(qtbot: QtBot) -> None:
    titles = ["A long title of some forty characters ..", "short", "Another long title of forty characters .",
              "Selected and long, with no room at all ."]
    asked: list[list[int]] = []

    def texts(events: np.ndarray) -> list[str]:
        asked.append(events.tolist())
        return [titles[i] for i in events.tolist()]

    widths = LabelWidths(_bold())
    widths.reset(len(titles))
    room = np.array([30.0, 30.0, -5.0, -5.0])  # a gap too small for a long title; no room at all
    room_back = np.full(4, -5.0)
    strong = np.array([False, False, False, True])  # the last is selected
    full = widths.where_drawable(np.arange(4), texts, strong, room, room_back, 20.0)  # (labels from 20 px)
    measured = [event for call in asked[1:] for event in call]  # the first call fetched titles to bound
    assert sorted(measured) == [1, 3]  # "short" might fit its 30 px; the selected one is always measured
    # the first is sure to outgrow its 30 px: its label is cut to them, its width the one it is sure of
    assert 30.0 < full[0] <= QFontMetricsF(_bold()).horizontalAdvance(titles[0])
    assert np.isinf(full[2]) and np.isfinite(full[[1, 3]]).all()


def _crowded(n: int = 20000) -> ViewState:
    rng = np.random.default_rng(11)
    starts = pd.Timestamp("2000-01-01") + pd.to_timedelta(np.sort(rng.uniform(0, 25 * 365, n)), unit="D")
    titles = [f"Board meeting number {i} of the group" if i % 7 else f"Réunion {i}" for i in range(n)]
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "title": titles,
                           "start": starts.strftime("%Y-%m-%d"), "actors": [f"a{k}" for k in rng.integers(0, 8, n)]})
    entities = pd.DataFrame({"id": [f"a{k}" for k in range(8)], "name": [f"Actor {k}" for k in range(8)],
                             "kind": "company"})
    return ViewState(build_dataset(Tables(events, entities), DatasetMeta(principal=tuple(entities["id"]))))


def test_a_crowded_view_measures_few_titles_and_draws_the_labels_measuring_all_would(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    windows = []
    for measure_all in (False, True):
        if measure_all:  # the earlier way: every visible title measured
            monkeypatch.setattr(LabelWidths, "where_drawable",
                                lambda self, events, texts, *_rooms: self.measured(events, texts))
        window = make_window(_crowded())
        window.state.set_window(TimeWindow.between("2004", "2005-06"))
        QApplication.processEvents()
        viewport = window.timeline.plot.viewport()
        hand.wheel(viewport, viewport.rect().center(), 1)  # a notch in, with the wheel
        QApplication.processEvents()
        items = window.timeline.items
        assert not items.density_mode and items.labelled
        shown = len(items.visible(*window.timeline.view.viewRange()[0]))
        windows.append((viewport.grab().toImage(), items._widths.known, shown,
                        set(items.labelled)))
    (fewer, measured, shown, labelled), (every, measured_all, _, labelled_all) = windows
    assert measured < shown // 3 and measured_all >= shown  # most marks in view have no room for a title
    assert labelled == labelled_all and fewer == every
