"""A lane too crowded to label tells its runs as "N events" badges; a click on one zooms to its events."""

from __future__ import annotations

import numpy as np
import pandas as pd
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPixmap
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Tables, build_dataset
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline.badges import Badges
from viewer.ui.timeline.panel import TimelinePanel


def crowded(n: int = 400, apart: str = "2D") -> ViewState:
    """A lane of ``n`` events ``apart``; 800 a day apart stay crowded in a timeline of the whole window's width
    (which a dataset without ties has to itself)."""
    days = pd.date_range("2010-01-01", periods=n, freq=apart).strftime("%Y-%m-%d")
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "start": days,
                           "title": [f"A rather long title for bank number {i}" for i in range(n)]})
    return ViewState(build_dataset(Tables(events)))


def test_a_crowded_lane_shows_badges_and_a_click_zooms_to_their_events(qtbot: QtBot) -> None:
    state = crowded()
    panel = TimelinePanel(state)
    qtbot.addWidget(panel)
    panel.resize(1280, 500)
    panel.show()
    qtbot.waitExposed(panel)
    panel.grab()
    assert panel.items.badges, "no badge in a lane of 400 events over two years"
    box, t0, t1 = max(panel.items.badges, key=lambda b: b[2] - b[1])
    before = state.window.span
    centre = panel.plot.mapFromScene(box.center())
    qtbot.mouseClick(panel.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    assert state.window.span < before / 2
    assert state.window.start <= t0 and state.window.end >= t1
    assert state.selection.empty  # a badge is not an event
    panel.grab()
    assert len(panel.labelled_event_ids()) > 0
    assert np.isfinite([state.window.start, state.window.end]).all()


def _badge_fill(window: MainWindow) -> QColor:
    """The colour inside the first badge's box, left of its text, as the window shows it."""
    image = window.timeline.plot.grab().toImage()
    box = window.timeline.items.badges[0][0]
    ratio = image.devicePixelRatio()
    return image.pixelColor(int((box.left() + 4) * ratio), int(box.center().y() * ratio))


def test_badges_are_drawn_once_then_reused_and_redrawn_in_a_new_theme(qtbot: QtBot, make_window, monkeypatch) -> None:
    drawn: list[str] = []
    original = Badges.sprite

    def counted(self: Badges, text: str, *args: float) -> QPixmap:
        if (text, args[-1]) not in self._sprites:
            drawn.append(text)
        return original(self, text, *args)

    monkeypatch.setattr(Badges, "sprite", counted)
    window = make_window(crowded(800, "1D"))
    window.timeline.grab()
    assert window.timeline.items.badges
    first = len(drawn)
    assert 0 < first <= len({text for text in drawn})  # one drawing per distinct count
    start = window.state.window
    for i in range(1, 4):  # pans show the same counts again
        window.state.set_window(start.pan(start.span * 0.02 * i))
        window.timeline.grab()
    assert len(drawn) - first <= 2
    light = _badge_fill(window)
    window.actions_by_name["theme_dark"].trigger()
    qtbot.wait(50)
    dark = _badge_fill(window)
    assert light.lightness() > 200 and dark.lightness() < 100  # the badges follow the theme


def _one_day_pile(n: int = 24) -> ViewState:
    """A lane's ``n`` events of one day beside a few of other days: more than the lane has rows for."""
    days = ["2019-03-01", *["2019-03-02"] * n, "2019-03-03", "2019-03-04", *["2019-03-05"] * n, "2019-03-06"]
    events = pd.DataFrame({"id": [f"e{i}" for i in range(len(days))], "start": days, "actors": "Group A",
                           "title": [f"Protest {i} in a city" for i in range(len(days))]})
    return ViewState(build_dataset(Tables(events)))


def test_events_piled_under_a_title_are_counted_and_a_click_selects_them(qtbot: QtBot, make_window) -> None:
    """Twenty-four events of one day in a lane with rows for fewer: the rest were drawn under the others, told by
    nothing (their marks coincide, so no crowd's badge counted them). Now a "+N" stands by the pile, and a click on
    it selects the day's events in that lane, which Details lists."""
    window = make_window(_one_day_pile(), (1280, 720))
    window.state.set_window(TimeWindow(pd.Timestamp("2019-02-28", tz="UTC").timestamp(),
                                       pd.Timestamp("2019-03-07", tz="UTC").timestamp()))
    window.timeline.grab()
    piles = [i for i in range(len(window.timeline.items.badges)) if i in window.timeline.items._badges.piles]
    assert len(piles) == 2, window.timeline.items.badges  # one per day, however many rows it spans
    hidden = len(window.state.dataset.events) - len(window.timeline.labelled_event_ids())
    box = window.timeline.items.badges[piles[0]][0]
    counted = [int(text[1:]) for text, _ratio in window.timeline.items._badges._sprites if text.startswith("+")]
    assert counted and sum(counted) * 2 >= hidden  # (each day's pile counted once)
    centre = window.timeline.plot.mapFromScene(box.center())
    qtbot.mouseClick(window.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    assert window.state.selection.events == frozenset(f"e{i}" for i in range(1, 25))
    shown = window.details.html()
    assert all(f"Protest {i} in a city" in shown for i in range(1, 25))


def test_events_past_the_density_limit_at_one_instant_are_counted_and_a_click_selects_them(
        qtbot: QtBot, make_window) -> None:
    """A log of 4,000 events that all share one instant (an export's time stamped on every row): past the density
    limit, they were one 2-pixel column of density under the cursor line, and the lanes looked empty. Now each
    lane's column is told by a "2,000 events" badge; a click on one selects them (zooming never parts them)."""
    n = 4000
    events = pd.DataFrame({"id": [f"e{i}" for i in range(n)], "start": ["2020-01-01T12:00:00Z"] * n,
                           "title": [f"Row {i}" for i in range(n)],
                           "actors": ["a" if i % 2 else "b" for i in range(n)]})
    window = make_window(ViewState(build_dataset(Tables(events))), (1280, 720))
    window.timeline.grab()
    assert window.timeline.items.density_mode
    counted = sorted(text for text, _ratio in window.timeline.items._badges._sprites if text.endswith("events"))
    assert counted == ["2,000 events"], counted  # (both lanes' badges alike: one picture)
    assert len(window.timeline.items.badges) == 2
    box = window.timeline.items.badges[0][0]
    centre = window.timeline.plot.mapFromScene(box.center())
    qtbot.mouseClick(window.timeline.plot.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(centre.x(), centre.y()))
    assert len(window.state.selection.events) == 2000
    shown = window.details.html()  # the first hundred in full (all 2,000 laid out held the window; 76,000: 3 min)
    assert shown.count("1 Jan 2020 12:00") == 100 and "… and 1,900 more selected events" in shown
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_Right)  # the keys go on from there


def test_density_spread_over_many_columns_has_no_count_badges(qtbot: QtBot, make_window) -> None:
    window = make_window(crowded(6000, "1h"), (1280, 720))
    window.state.set_window(TimeWindow(pd.Timestamp("2010-01-01", tz="UTC").timestamp(),
                                       pd.Timestamp("2010-09-10", tz="UTC").timestamp()))
    window.timeline.grab()
    assert window.timeline.items.density_mode and window.timeline.items.badges == []


def _luminance(colour: QColor) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def _text_contrast(window: MainWindow) -> float:
    """The contrast of the first badge's text with its box, as the window shows it: the strokes' pixel farthest
    from the fill, inside the box's outline."""
    image = window.timeline.plot.grab().toImage()
    box = window.timeline.items.badges[0][0]
    ratio = image.devicePixelRatio()
    fill = _luminance(_badge_fill(window))
    inside = [_luminance(image.pixelColor(x, y))
              for x in range(int((box.left() + 6) * ratio), int((box.right() - 6) * ratio))
              for y in range(int((box.top() + 3) * ratio), int((box.bottom() - 3) * ratio))]
    most = max(inside, key=lambda lum: abs(lum - fill))
    return (max(most, fill) + 0.05) / (min(most, fill) + 0.05)


def test_a_badges_count_reads_as_plainly_as_text_in_both_themes(qtbot: QtBot, make_window) -> None:
    """The count was drawn in the grey of events the filters leave out: 2.5:1 on white, 3.6:1 on the dark ground."""
    window = make_window(crowded(800, "1D"))
    window.actions_by_name["theme_light"].trigger()
    qtbot.wait(50)
    assert window.timeline.items.badges and _text_contrast(window) >= 4.5
    window.actions_by_name["theme_dark"].trigger()
    qtbot.wait(50)
    assert _text_contrast(window) >= 4.5
