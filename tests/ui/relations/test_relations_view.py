"""Using the relationship panel: fitting, zoom and pan by mouse, labels that never collide, tooltips."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from tests.ui.relations.gestures import drag as _drag
from tests.ui.relations.gestures import mouse as _mouse
from viewer.model.window import TimeWindow
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import ViewState


@pytest.fixture
def panel(qtbot: QtBot, state: ViewState) -> RelationshipPanel:
    widget = RelationshipPanel(state)
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget




def _wheel(panel: RelationshipPanel, pos: QPoint, clicks: int) -> None:
    event = QWheelEvent(QPointF(pos), QPointF(panel.canvas.viewport().mapToGlobal(pos)), QPoint(0, 0),
                        QPoint(0, 120 * clicks), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(panel.canvas.viewport(), event)


def _node_box(panel: RelationshipPanel) -> tuple[np.ndarray, np.ndarray]:
    points = np.array([[p.x(), p.y()] for p in (panel.node_pos(k) for k in panel.node_ids())])
    return points.min(axis=0), points.max(axis=0)


def _empty_spot(panel: RelationshipPanel) -> QPoint:
    """A viewport point away from every node and edge (where a drag pans)."""
    rect = panel.canvas.viewport().rect()
    for y in range(15, rect.height() - 15, 10):
        for x in range(15, rect.width() - 15, 10):
            point = QPoint(x, y)
            if panel.canvas.hit(panel.canvas.mapToScene(point)) is None and all(
                    (point - panel.node_pos(k)).manhattanLength() > 40 for k in panel.node_ids()):
                return point
    raise AssertionError("no empty spot in the canvas")


def test_the_graph_fills_its_panel_with_a_margin(panel: RelationshipPanel, state: ViewState) -> None:
    entities = state.dataset.entities
    framed = [k for k, kind in zip(entities["id"], entities["kind"], strict=True)
              if kind != "person" and panel.is_placed(k)]  # every node that can appear without people
    points = np.array([[p.x(), p.y()] for p in map(panel.node_pos, framed)])
    low, high = points.min(axis=0), points.max(axis=0)
    view = panel.canvas.viewport().rect()
    assert low.min() >= 20 and high[0] <= view.width() - 20 and high[1] <= view.height() - 20
    assert (high - low)[0] >= 0.6 * view.width() or (high - low)[1] >= 0.75 * view.height()


def test_the_graph_is_fitted_again_when_the_panel_grows(qtbot: QtBot, panel: RelationshipPanel) -> None:
    before = _node_box(panel)
    panel.resize(1400, 1000)
    qtbot.wait(20)
    after = _node_box(panel)
    assert (after[1] - after[0]).max() > 1.3 * (before[1] - before[0]).max()


def test_the_wheel_zooms_in_around_the_mouse(qtbot: QtBot, panel: RelationshipPanel) -> None:
    renault = panel.node_pos("renault")
    gap = (panel.node_pos("nissan") - renault).manhattanLength()
    _wheel(panel, renault, 3)
    qtbot.wait(20)
    assert (panel.node_pos("renault") - renault).manhattanLength() <= 3
    assert (panel.node_pos("nissan") - panel.node_pos("renault")).manhattanLength() > 1.2 * gap
    radius = panel.canvas.nodes_item.nodes.radii.max() if panel.canvas.nodes_item.nodes else 0
    assert radius <= 12  # nodes keep their pixel size at every zoom


def test_dragging_the_background_pans_and_fit_frames_the_graph_again(qtbot: QtBot, panel: RelationshipPanel) -> None:
    qtbot.mouseClick(panel.header.fit, Qt.MouseButton.LeftButton)  # (the entities drawn now, framed)
    framed = panel.node_pos("renault")
    start = _empty_spot(panel)
    _drag(qtbot, panel, start, start + QPoint(80, 40))
    moved = panel.node_pos("renault") - framed
    assert abs(moved.x() - 80) <= 4 and abs(moved.y() - 40) <= 4
    assert panel.node_positions() == {}  # panning moves the view, not the nodes
    qtbot.mouseClick(panel.header.fit, Qt.MouseButton.LeftButton)
    assert (panel.node_pos("renault") - framed).manhattanLength() <= 2


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
@pytest.mark.parametrize("day", ["2022-12-31", "2023-11-09"])
def test_no_label_covers_another_label_or_a_node(qtbot: QtBot, panel: RelationshipPanel, state: ViewState,
                                                 size: tuple[int, int], day: str) -> None:
    panel.resize(*size)
    state.move_cursor(day)
    panel.grab()  # paints, and so places the labels
    placed = panel.canvas.labels_item.placement
    assert placed is not None
    rects = np.concatenate([placed.node_rects[placed.node_shown], placed.edge_rects[placed.edge_shown]])
    nodes = panel.canvas.labels_item.nodes
    assert nodes is not None and placed.node_shown.sum() == len(nodes.ids)  # every name is shown
    overlap = ((rects[:, None, 0] < rects[None, :, 2]) & (rects[None, :, 0] < rects[:, None, 2])
               & (rects[:, None, 1] < rects[None, :, 3]) & (rects[None, :, 1] < rects[:, None, 3]))
    assert not (overlap & ~np.eye(len(rects), dtype=bool)).any()
    boxes = panel.canvas.labels_item.node_boxes
    on_node = ((rects[:, None, 0] < boxes[None, :, 2]) & (boxes[None, :, 0] < rects[:, None, 2])
               & (rects[:, None, 1] < boxes[None, :, 3]) & (boxes[None, :, 1] < rects[:, None, 3]))
    assert not on_node.any()


@pytest.mark.parametrize("size", [(715, 370), (900, 650)])  # the panel's size in a 1280×720 window, and larger
@pytest.mark.parametrize("day", ["2022-12-31", "2023-11-09"])
def test_both_directions_between_renault_and_nissan_show_their_value(panel: RelationshipPanel, state: ViewState,
                                                                      size: tuple[int, int], day: str) -> None:
    panel.resize(*size)
    state.move_cursor(day)
    panel.grab()
    placed = panel.canvas.labels_item.placement
    edges = panel.canvas.labels_item.edges
    assert placed is not None and edges is not None
    both = [i for i, (s, t) in enumerate(zip(edges.sources, edges.targets, strict=True))
            if {s, t} == {"renault", "nissan"} and edges.kinds[i] == "equity_stake"]
    assert len(both) == 2 and placed.edge_shown[both].all()
    assert (placed.bends[both] != 0).all()  # two arcs, one on each side


def test_hovering_an_edge_says_which_way_and_how_much(qtbot: QtBot, panel: RelationshipPanel,
                                                      state: ViewState) -> None:
    state.move_cursor("2022-12-31")
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, panel.edge_midpoint("R03"), Qt.MouseButton.NoButton)
    assert panel.canvas.toolTip().startswith("\u2068Renault Group\u2069 → \u2068Nissan Motor\u2069 43.4%")
    assert "equity stake" in panel.canvas.toolTip() and "from" in panel.canvas.toolTip()


def test_an_edge_tip_follows_the_graph_while_the_mouse_stays_on_the_edge(qtbot: QtBot, panel: RelationshipPanel,
                                                                        state: ViewState) -> None:
    qtbot.mouseClick(panel.header.mode_buttons["window"], Qt.MouseButton.LeftButton)
    state.set_window(TimeWindow.between("2023-01-01", "2023-12-31"))  # Renault's 43.4% ended on 8 Nov 2023
    spot = panel.edge_midpoint("R03")
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)
    assert "held for 85% of the window" in panel.canvas.toolTip()
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)  # asked again: the same
    assert "held for 85% of the window" in panel.canvas.toolTip()
    state.set_window(TimeWindow.between("2023-07-01", "2023-12-31"))
    assert panel.edge_midpoint("R03") == spot  # the same layout: the mouse is still on the edge
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, spot, Qt.MouseButton.NoButton)
    assert "held for 71% of the window" in panel.canvas.toolTip()


def test_an_edge_is_found_where_it_is_drawn_after_a_node_is_dragged(qtbot: QtBot, panel: RelationshipPanel,
                                                                     state: ViewState) -> None:
    state.move_cursor("2022-12-31")
    before = panel.edge_midpoint("R03")
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, before, Qt.MouseButton.NoButton)
    assert panel.canvas.toolTip().startswith("\u2068Renault Group\u2069 → \u2068Nissan Motor\u2069 43.4%")
    nissan = panel.node_pos("nissan")
    _drag(qtbot, panel, nissan, nissan + QPoint(0, 120))
    after = panel.edge_midpoint("R03")
    assert (after - before).manhattanLength() > 30
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, after, Qt.MouseButton.NoButton)
    assert panel.canvas.toolTip().startswith("\u2068Renault Group\u2069 → \u2068Nissan Motor\u2069 43.4%")
    assert panel.canvas.hit(panel.canvas.mapToScene(after)) == ("relation", "R03")
    assert panel.canvas.hit(panel.canvas.mapToScene(before)) != ("relation", "R03")


def test_hovering_a_node_gives_its_name_kind_and_country(panel: RelationshipPanel) -> None:
    _mouse(panel.canvas.viewport(), QEvent.Type.MouseMove, panel.node_pos("nissan"), Qt.MouseButton.NoButton)
    assert panel.canvas.toolTip().splitlines()[0] == "\u2068Nissan Motor Co., Ltd.\u2069"  # isolated
    assert "company" in panel.canvas.toolTip()


def test_the_legend_lists_every_relation_kind_in_the_data(panel: RelationshipPanel, state: ViewState) -> None:
    assert set(panel.legend.buttons) == set(state.dataset.relations["kind"].astype(str))
