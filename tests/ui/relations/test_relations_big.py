"""The relationship panel on a big ownership register (a focused view) and during the window."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from viewer.model import graph
from viewer.model.dataset import Dataset
from viewer.model.graph_focus import GROUP
from viewer.model.window import TimeWindow
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import Selection, ViewState


def test_a_big_register_shows_a_focused_view_of_a_readable_size(big: RelationshipPanel) -> None:
    assert big.focusing.active and big.focusing.hidden > 1000
    assert 5 <= len(big.node_ids()) <= 80
    assert any(key.startswith(f"{GROUP}:") for key in big.node_ids())  # the rest gathered in "k more" nodes


def test_the_focused_view_is_laid_out_on_its_own_with_room_between_nodes(big: RelationshipPanel) -> None:
    points = [big.node_pos(key) for key in big.node_ids()]
    closest = min((a - b).manhattanLength() for i, a in enumerate(points) for b in points[i + 1:])
    assert closest >= 20
    assert all(big.canvas.viewport().rect().contains(p) for p in points)


def test_typing_a_name_and_return_focuses_on_it(qtbot: QtBot, big: RelationshipPanel, register: Dataset) -> None:
    name = str(register.entities.set_index("id").loc["c1234", "name"])
    big.header.search.setText(name)
    qtbot.keyClick(big.header.search, Qt.Key.Key_Return)
    assert big.state.selection == Selection(entities=frozenset({"c1234"}))
    assert "c1234" in big.node_ids() and len(big.node_ids()) <= 80
    assert big.canvas.viewport().rect().contains(big.node_pos("c1234"))


def test_double_clicking_a_group_shows_its_members(qtbot: QtBot, big: RelationshipPanel) -> None:
    groups = sorted(big.focusing.members, key=lambda g: len(big.focusing.members[g]))
    assert groups
    group = groups[0]
    members = set(big.focusing.members[group])
    _double_click(big, big.node_pos(group))
    assert members <= big.node_ids()


def test_double_clicking_an_entity_adds_its_neighbourhood(big: RelationshipPanel, register: Dataset) -> None:
    shown = big.node_ids()
    edge = next(e for e in graph.graph_at(register, "2024-06-01").edges
                if e.source in shown and not e.source.startswith(GROUP) and e.target not in shown)
    _double_click(big, big.node_pos(edge.source))
    assert edge.target in big.node_ids() or any(edge.target in m for m in big.focusing.members.values())


def test_selecting_an_entity_brings_it_into_view(big: RelationshipPanel, register: Dataset) -> None:
    everyone = graph.graph_at(register, "2024-06-01").node_ids()
    far = sorted(everyone - big.node_ids())[-1]
    big.state.select(Selection(entities=frozenset({far})))
    assert far in big.node_ids()


def _double_click(panel: RelationshipPanel, pos: QPoint) -> None:
    """Press, release, double-click, release: the sequence a real double-click sends."""
    viewport, left, none = panel.canvas.viewport(), Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
    for kind, buttons in ((QEvent.Type.MouseButtonPress, left), (QEvent.Type.MouseButtonRelease, none),
                          (QEvent.Type.MouseButtonDblClick, left), (QEvent.Type.MouseButtonRelease, none)):
        event = QMouseEvent(kind, QPointF(pos), QPointF(pos), QPointF(pos), left, buttons,
                            Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)


def test_during_the_window_draws_every_tie_of_the_window_and_thins_partial_ones(
        qtbot: QtBot, state: ViewState) -> None:
    panel = RelationshipPanel(state)
    qtbot.addWidget(panel)
    panel.resize(900, 650)
    panel.show()
    state.set_window(TimeWindow.between("2023-01-01", "2023-12-31"))
    qtbot.mouseClick(panel.header.mode_buttons["window"], Qt.MouseButton.LeftButton)
    assert state.view.graph_mode == "window"
    labels = panel.edge_labels()
    assert labels[("renault", "nissan", "equity_stake")] in {"43.4%", "15%"}
    expected = graph.graph_during(state.dataset, "2023-01-01", "2023-12-31")
    assert panel.canvas.edges.ids and set(panel.canvas.edges.ids) == {e.id for e in expected.edges} & set(
        panel.canvas.edges.ids)
    held = {e.id: e.held for e in expected.edges}
    widths = dict(zip(panel.canvas.edges.ids, panel.canvas.edges.widths, strict=True))
    full = {e.id: e.width for e in expected.edges}
    assert widths["R03"] < full["R03"] and held["R03"] < 1  # ended in November: held for part of the window
    assert panel.as_of.text() == "During 1 Jan 2023 – 31 Dec 2023"
    state.set_window(TimeWindow.between("2010-01-01", "2010-12-31"))
    assert "R04" not in panel.canvas.edges.ids  # the 15% stake did not exist yet


def test_typing_a_country_in_find_selects_an_entity_of_that_country(qtbot: QtBot, big: RelationshipPanel,
                                                                   register: Dataset) -> None:
    country = str(register.entities.set_index("id").loc["c1234", "country"])
    assert country  # the register's entities carry a country: Find reaches it as well as names
    target = register.entities[register.entities["country"].astype(str) == country]["id"].astype(str)
    qtbot.keyClicks(big.header.search, country.lower())
    qtbot.keyClick(big.header.search, Qt.Key.Key_Return)
    assert len(big.state.selection.entities) == 1 and set(big.state.selection.entities) <= set(target)
