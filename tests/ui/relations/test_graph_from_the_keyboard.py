"""The graph from the keyboard, in a fresh window driven by real key presses: Tab reaches it and a frame shows it
holds the keys, the arrows step from entity to entity (not from event to event), Return opens as a double-click.
Until now a keyboard user could only Find there, and could not see which picture held the keys."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QGuiApplication, QImage, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

pytest.importorskip("pytestqt")

from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.relations.picking import step
from viewer.ui.shared.focus_frame import FocusFrame
from viewer.ui.shared.state import Selection
from viewer.ui.shell.export import save_widget
from viewer.ui.shell.main_window import MainWindow

from ..conftest import Hand
from ..window_reading import menu_named

TABS = 60


def _tab_to(qtbot: QtBot, window: MainWindow, target: QWidget) -> None:
    """Press Tab from where the window put the focus until ``target`` holds it, as a keyboard user gets there."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    for _ in range(TABS):
        focused = QApplication.focusWidget()
        if focused is target:
            return
        assert focused is not None
        QTest.keyClick(focused, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target}")


def _where(panel: RelationshipPanel, key: str) -> np.ndarray:
    nodes = panel.canvas.nodes
    return np.asarray(nodes.xy, dtype=float)[nodes.ids.index(key)]


def _selected(window: MainWindow) -> str:
    (key,) = window.state.selection.entities
    return key


def test_the_arrows_step_from_entity_to_entity_that_way(qtbot: QtBot, window: MainWindow) -> None:
    canvas = window.relations.canvas
    assert "arrows" in QAccessible.queryAccessibleInterface(canvas).text(QAccessible.Text.Description)
    _tab_to(qtbot, window, canvas)
    QTest.keyClick(canvas, Qt.Key.Key_Right)  # none selected: the one nearest the middle
    qtbot.waitUntil(lambda: len(window.state.selection.entities) == 1)
    first = _selected(window)
    assert first in window.relations.node_ids()
    assert not window.state.selection.events  # the arrows did not walk the timeline's events
    name = str(window.state.dataset.entities.set_index("id").loc[first, "name"])
    qtbot.waitUntil(lambda: name in window.details.html())  # shown as a click shows it
    seen = [first]
    for key, axis, sign in ((Qt.Key.Key_Right, 0, 1), (Qt.Key.Key_Down, 1, 1), (Qt.Key.Key_Left, 0, -1),
                            (Qt.Key.Key_Up, 1, -1)):
        before = _selected(window)
        QTest.keyClick(canvas, key)
        after = _selected(window)
        if after != before:  # a step goes that way (y grows downwards, as drawn)
            assert sign * (_where(window.relations, after)[axis] - _where(window.relations, before)[axis]) > 0
            seen.append(after)
    assert len(set(seen)) >= 3
    assert window.state.selection.events == frozenset()


def test_at_the_edge_an_arrow_keeps_the_selection(qtbot: QtBot, window: MainWindow) -> None:
    canvas = window.relations.canvas
    _tab_to(qtbot, window, canvas)
    for _ in range(len(window.relations.node_ids()) + 1):
        QTest.keyClick(canvas, Qt.Key.Key_Right)
    last = _selected(window)
    xs = np.asarray(canvas.nodes.xy, dtype=float)[:, 0]
    assert _where(window.relations, last)[0] == pytest.approx(xs.max())
    QTest.keyClick(canvas, Qt.Key.Key_Right)
    assert _selected(window) == last


def test_a_step_off_the_view_brings_the_entity_into_it(qtbot: QtBot, window: MainWindow, hand: Hand) -> None:
    canvas = window.relations.canvas
    _tab_to(qtbot, window, canvas)
    hand.wheel(canvas.viewport(), canvas.viewport().rect().center(), 8)  # zoomed in on the middle
    shown = canvas.viewbox.viewRect()
    assert sum(shown.contains(float(x), float(y)) for x, y in canvas.nodes.xy) < len(canvas.nodes.ids) / 2
    for _ in range(len(window.relations.node_ids()) + 1):
        QTest.keyClick(canvas, Qt.Key.Key_Left)
        key = _selected(window)
        x, y = _where(window.relations, key)
        assert canvas.viewbox.viewRect().contains(float(x), float(y))


def test_the_focus_frame_shows_for_the_keyboard_not_for_a_click(qtbot: QtBot, window: MainWindow) -> None:
    plot, canvas = window.timeline.plot, window.relations.canvas
    frames = {view: view.findChild(FocusFrame) for view in (plot, canvas, window.tools.overview.plot)}
    assert all(frames.values())
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is plot)
    assert not frames[plot].isVisible()  # the window's first focus: no frame
    _tab_to(qtbot, window, canvas)
    assert frames[canvas].isVisible() and not frames[plot].isVisible()
    assert frames[canvas].geometry() == canvas.viewport().geometry()
    QTest.mouseClick(plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     QPoint(plot.viewport().width() // 2, 8))
    qtbot.waitUntil(lambda: QApplication.focusWidget() is plot)
    assert not frames[canvas].isVisible() and not frames[plot].isVisible()


def test_pictures_of_the_window_leave_the_frame_out(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    canvas = window.relations.canvas
    _tab_to(qtbot, window, canvas)
    highlight = canvas.palette().color(QPalette.ColorRole.Highlight).rgb()
    edge = QPoint(1, canvas.viewport().height() // 2)  # on the frame's left side
    assert window.grab().toImage().pixelColor(canvas.viewport().mapTo(window, edge)).rgb() == highlight

    def at(image: QImage, widget: QWidget) -> int:
        point, ratio = canvas.viewport().mapTo(widget, edge), image.width() / widget.width()
        return int(image.pixelColor(int(point.x() * ratio), int(point.y() * ratio)).rgb())

    copy_image = next(a for a in menu_named(window, "&Edit").actions() if a.text().startswith("Copy &image"))
    copy_image.trigger()
    assert at(QGuiApplication.clipboard().image(), window) != highlight
    assert save_widget(window.relations, tmp_path / "graph.png")
    assert at(QImage(str(tmp_path / "graph.png")), window.relations) != highlight
    assert canvas.findChild(FocusFrame).isVisible()  # still on the screen


def test_return_opens_the_entity_stepped_to_as_a_double_click(qtbot: QtBot, big: RelationshipPanel) -> None:
    canvas = big.canvas
    assert big.focusing.active and big.focusing.members  # groups drawn
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    for _ in range(3):  # (the first may ring a "k more" group, which selects nothing)
        QTest.keyClick(canvas, Qt.Key.Key_Down)
    (key,) = big.state.selection.entities
    assert key not in big.focusing.members
    assert not big.focusing.around
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert big.focusing.around == [key]  # centred on it, as a double-click centres
    assert key in big.node_ids()


def test_a_group_reached_with_the_arrows_is_ringed_and_return_shows_its_members(qtbot: QtBot,
                                                                               big: RelationshipPanel) -> None:
    canvas = big.canvas
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    ways = [Qt.Key.Key_Right, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Up] * 10
    group = None
    for key in ways:
        selected = big.state.selection
        QTest.keyClick(canvas, key)
        group = next(iter(big.highlighted_entities() & set(big.focusing.members)), None)
        if group is not None:
            assert big.state.selection == selected  # a group is no entity: nothing new is selected
            break
    assert group is not None, "the arrows never reached a group"
    members = set(big.focusing.members[group])
    QTest.keyClick(canvas, Qt.Key.Key_Return)
    assert members <= big.node_ids()  # as a double-click on the group shows them
    assert group not in big.node_ids()


def test_from_a_group_back_to_the_entity_selected_the_ring_leaves_the_group(qtbot: QtBot,
                                                                           big: RelationshipPanel) -> None:
    nodes = big.canvas.nodes
    xy, ids, groups = np.asarray(nodes.xy, dtype=float), list(nodes.ids), set(big.focusing.members)
    ways = {Qt.Key.Key_Right: ((1, 0), Qt.Key.Key_Left, (-1, 0)), Qt.Key.Key_Left: ((-1, 0), Qt.Key.Key_Right, (1, 0)),
            Qt.Key.Key_Down: ((0, 1), Qt.Key.Key_Up, (0, -1)), Qt.Key.Key_Up: ((0, -1), Qt.Key.Key_Down, (0, 1))}
    # an entity whose step one way reaches a group, and the group's step back reaches it (found as the keys find them)
    found = next((entity, way, back) for entity, key in enumerate(ids) if key not in groups
                 for way, (there, back, home) in ways.items()
                 if (g := step(xy, entity, there, (0, 0))) is not None and ids[g] in groups
                 and step(xy, g, home, (0, 0)) == entity)
    entity, way, back = found
    big.state.select(Selection(entities=frozenset({ids[entity]})))
    canvas = big.canvas
    canvas.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(canvas.hasFocus)
    QTest.keyClick(canvas, way)
    assert big.highlighted_entities() & groups  # the group is ringed
    assert big.state.selection.entities == {ids[entity]}  # and the entity still selected
    QTest.keyClick(canvas, back)
    assert big.state.selection.entities == {ids[entity]}
    assert not big.highlighted_entities() & groups  # the ring left the group
