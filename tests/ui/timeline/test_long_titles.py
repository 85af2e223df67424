"""Long titles (a description used as the title) are cut to their slot from the part a slot can show, not
laid out whole at every frame; the cut reads as Qt's cut of the whole title."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model.dataset import DatasetMeta, Tables, build_dataset
from viewer.model.dates import parse_date
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import labels

ALPHABETS = ["abcdefghijklmnopqrstuvwxyz     ", "ilj.,;:'|!1 ", "WMQ@#%&", "東京大阪日産自動車同盟", "مرحبا بالعالم",
             "e\u0301a\u0308o\u0302 ", "a\u200bb\u200dc\u200c ", "Ωπλ∑√∞≈ ", "🙂👍🏽🚗 "]


def _titles(seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(120):
        alphabet = "".join(rng.sample(ALPHABETS, rng.randint(1, 3)))
        out.append("".join(rng.choice(alphabet) for _ in range(rng.randint(40, 2500))))
    out.append("\u200b" * 3000 + "end")  # zero-width characters: the part a slot can show holds all of it
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_long_title_is_cut_as_qt_cuts_it_whole(qtbot: QtBot, seed: int) -> None:
    font = QFont(QApplication.font())
    bold = QFont(font)
    bold.setBold(True)
    painter = labels.LabelPainter(font, bold)
    rng = random.Random(seed)
    for title in _titles(seed):
        for strong in (False, True):
            width = rng.choice([20, 60, 149, 150, 400, 1500])
            for middle in (False, True):
                whole = QFontMetricsF(bold if strong else font).elidedText(
                    title, labels.MIDDLE if middle else labels.RIGHT, width)
                assert painter._cut(title, width, strong, middle) == whole


def test_long_titles_zoom_and_pan_with_the_hand_to_cut_labels(
        qtbot: QtBot, hand: Any, make_window: Callable[..., MainWindow], monkeypatch: pytest.MonkeyPatch) -> None:
    count = 400
    rng = np.random.default_rng(4)
    stamps = pd.Timestamp("2020-01-01", tz="UTC") + pd.to_timedelta(np.sort(rng.integers(0, 365, count)), unit="D")
    events = pd.DataFrame({"id": [f"L{i}" for i in range(count)], "start": stamps.strftime("%Y-%m-%d"),
                           "title": [f"Report {i}: " + "findings of the inquiry " * 120 for i in range(count)],
                           "actors": rng.choice(["board", "court"], count)})
    state = ViewState(build_dataset(Tables(events), DatasetMeta(default_start=parse_date("2020-01"),
                                                               default_end=parse_date("2020-03"))))
    laid_out: list[int] = []
    elided = QFontMetricsF.elidedText

    def counted(metrics: QFontMetricsF, text: str, *rest: Any) -> str:
        laid_out.append(len(text))
        return elided(metrics, text, *rest)

    monkeypatch.setattr(QFontMetricsF, "elidedText", counted)
    window = make_window(state)
    viewport = window.timeline.plot.viewport()
    centre = viewport.rect().center()
    hand.wheel(viewport, centre, 2)
    QApplication.processEvents()
    hand.press(viewport, centre)
    hand.drag_to(viewport, centre, centre - QPoint(200, 0))
    hand.release(viewport, centre - QPoint(200, 0))
    QApplication.processEvents()
    assert window.timeline.labelled_event_ids()
    boxes = window.timeline.items.label_boxes
    assert boxes and all(box.width() <= viewport.width() for box in boxes)
    assert laid_out and max(laid_out) < 1000  # each title is 2,900 characters: none was laid out whole


def test_a_title_of_several_lines_is_labelled_on_one_and_turns_no_text_around(qtbot: QtBot, make_window) -> None:
    """A cell holding a line break ("Line one\\nline two", as a quoted CSV value or a spreadsheet's Alt+Enter)
    was drawn "Line oneline two"; a right-to-left override (U+202E) drew "evil override" backwards."""
    events = pd.DataFrame({"id": ["a", "b", "c"], "start": ["2019-03-04", "2019-03-06", "2019-03-08"],
                           "title": ["Line one\nline two", "Tab\there\r\nand there", "\u202eevil override"]})
    window = make_window(ViewState(build_dataset(Tables(events))), (1280, 720))
    drawn: list[str] = []
    original = labels.LabelPainter._stamp

    def stamp(self: labels.LabelPainter, painter: Any, title: str, *args: Any) -> None:
        drawn.append(title)
        original(self, painter, title, *args)

    window.timeline.items._labels._stamp = stamp.__get__(window.timeline.items._labels)
    window.timeline.grab()
    assert sorted(drawn) == ["Line one line two", "Tab here and there", "evil override"]
    assert "Line one\nline two" in window.state.dataset.events["title"].tolist()  # (the data as written)
