"""The relationship panel, driven through the shared ViewState."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

import viewer
from tests.ui.relations.gestures import drag as _drag
from viewer.model.filters import Filters, involved_entities
from viewer.ui.relations.panel import FADE_MS, RelationshipPanel
from viewer.ui.shared.state import Selection, ViewState


@pytest.fixture
def panel(qtbot: QtBot, state: ViewState) -> RelationshipPanel:
    widget = RelationshipPanel(state)
    qtbot.addWidget(widget)
    widget.resize(600, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_moving_the_cursor_through_the_rebalancing_changes_the_stake_labels(panel: RelationshipPanel,
                                                                            state: ViewState) -> None:
    state.move_cursor("2022-12-31")
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "43.4%"
    assert ("french_trust", "nissan", "equity_stake") not in panel.edge_labels()
    state.move_cursor("2023-11-09")
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "15%"
    assert panel.edge_labels()[("french_trust", "nissan", "equity_stake")] == "28.4%"
    assert "french_trust" in panel.node_ids()


def test_the_header_says_as_of_which_day(panel: RelationshipPanel, state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    assert panel.as_of.text() == "As of 6 Feb 2023"


def test_uncertain_edges_carry_their_fuzzy_date_in_the_label(panel: RelationshipPanel, state: ViewState) -> None:
    state.move_cursor("2022-11-15")
    assert panel.edge_labels()[("qualcomm", "ampere", "partnership")] == "partnership (from Nov 2022)"


def test_selecting_the_london_event_highlights_its_companies(panel: RelationshipPanel, state: ViewState) -> None:
    state.select_event("E060")
    assert {"renault", "nissan", "mitsubishi"} <= panel.highlighted_entities()
    assert "geely" not in panel.highlighted_entities()


def test_selecting_an_event_highlights_the_relations_it_brought_about(panel: RelationshipPanel,
                                                                      state: ViewState) -> None:
    state.select_event("E062")
    assert {"R38", "R46", "R47"} <= panel.highlighted_relations()


def test_selecting_an_entity_highlights_its_node(panel: RelationshipPanel, state: ViewState) -> None:
    state.select(Selection(entities=frozenset({"geely"})))
    assert panel.highlighted_entities() == {"geely"}


def test_clicking_a_node_selects_the_entity(qtbot: QtBot, panel: RelationshipPanel, state: ViewState) -> None:
    with qtbot.waitSignal(state.selection_changed):
        qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.node_pos("nissan"))
    assert state.selection == Selection(entities=frozenset({"nissan"}))


def test_clicking_an_edge_selects_the_relation(qtbot: QtBot, panel: RelationshipPanel, state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    a, b = panel.node_pos("geely"), panel.node_pos("renault_korea")
    with qtbot.waitSignal(state.selection_changed):
        qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=(a + b) / 2)
    assert state.selection == Selection(relations=frozenset({"R42"}))


def test_clicking_the_background_keeps_the_selection(qtbot: QtBot, panel: RelationshipPanel, state: ViewState) -> None:
    state.select(Selection(entities=frozenset({"geely"})))
    corner = panel.canvas.viewport().rect().bottomLeft() + QPoint(5, -5)
    qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=corner)
    assert state.selection == Selection(entities=frozenset({"geely"}))


def test_positions_of_renault_are_identical_at_two_cursor_dates(panel: RelationshipPanel, state: ViewState) -> None:
    state.move_cursor("2018-11-19")
    before = panel.node_pos("renault")
    state.move_cursor("2023-11-09")
    assert panel.node_pos("renault") == before


def test_the_people_checkbox_shows_leaders_without_moving_companies(panel: RelationshipPanel,
                                                                   state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    assert "uchida" not in panel.node_ids()
    panel.set_include_people(True)
    assert panel.people.isChecked()
    assert "uchida" in panel.node_ids()
    assert ("uchida", "nissan", "leadership") in panel.edge_labels()
    panel.people.setChecked(False)
    assert "uchida" not in panel.node_ids()


def test_a_new_dataset_is_laid_out_again(panel: RelationshipPanel, state: ViewState) -> None:
    small = viewer.load()
    small.relations = small.relations[small.relations["source"] == "geely"].reset_index(drop=True)
    state.set_dataset(small)
    assert panel.node_ids() <= {"geely", "renault_korea", "horse"}


def test_a_screenshot_can_be_saved(panel: RelationshipPanel, state: ViewState, tmp_path: Path) -> None:
    state.move_cursor("2023-02-06")
    state.select_event("E060")
    path = tmp_path / "relations.png"
    assert panel.grab().save(str(path))
    assert path.stat().st_size > 10_000




def _free_spot(panel: RelationshipPanel) -> QPoint:
    """The viewport point farthest from every laid-out node, drawn or not (where a dropped node stays put)."""
    nodes = [panel.node_pos(key) for key in panel.state.dataset.entities["id"] if panel.is_placed(key)]
    xs, ys = [n.x() for n in nodes], [n.y() for n in nodes]
    spots = [QPoint(x, y) for x in range(min(xs), max(xs), 10) for y in range(min(ys), max(ys), 10)]
    return max(spots, key=lambda p: min((p - n).manhattanLength() for n in nodes))


def test_selecting_the_new_alliance_agreement_highlights_the_relations_it_brought_about(
        panel: RelationshipPanel, state: ViewState) -> None:
    state.select_event("E067")
    assert {"R04", "R05", "R06", "R08", "R14"} <= panel.highlighted_relations()
    assert {"renault", "nissan"} <= panel.highlighted_entities()


def test_clicking_the_renault_to_nissan_stake_selects_that_relation(qtbot: QtBot, panel: RelationshipPanel,
                                                                    state: ViewState) -> None:
    state.move_cursor("2023-11-09")
    with qtbot.waitSignal(state.selection_changed):
        qtbot.mouseClick(panel.canvas.viewport(), Qt.MouseButton.LeftButton, pos=panel.edge_midpoint("R04"))
    assert state.selection == Selection(relations=frozenset({"R04"}))


def test_dragging_a_node_moves_it_and_keeps_it_there_when_the_cursor_moves(qtbot: QtBot, panel: RelationshipPanel,
                                                                           state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    start = panel.node_pos("geely")
    end = _free_spot(panel)
    with qtbot.waitSignal(panel.positions_changed) as moved:
        _drag(qtbot, panel, start, end)
    assert set(moved.args[0]) == {"geely"}
    landed = panel.node_pos("geely")  # under the mouse, or pushed just clear of a neighbour
    assert (landed - end).manhattanLength() < (start - end).manhattanLength() / 2
    assert panel.node_pos("renault") != landed
    state.move_cursor("2023-11-09")
    assert (panel.node_pos("geely") - landed).manhattanLength() <= 1
    assert state.selection.empty  # a drag is not a click


def test_dragging_the_background_moves_no_node(qtbot: QtBot, panel: RelationshipPanel) -> None:
    corner = panel.canvas.viewport().rect().bottomLeft() + QPoint(10, -10)
    _drag(qtbot, panel, corner, corner + QPoint(30, -30))
    assert panel.node_positions() == {}


def test_node_positions_can_be_restored_and_reset(panel: RelationshipPanel, qtbot: QtBot) -> None:
    panel.set_node_positions({"geely": (0.9, 0.1), "nobody": (0.0, 0.0), "renault": ("x", 1)})
    assert panel.node_positions() == {"geely": (0.9, 0.1)}
    assert panel.reset_layout.isVisible()
    with qtbot.waitSignal(panel.positions_changed) as reset:
        panel.reset_layout.click()
    assert reset.args[0] == {} and panel.node_positions() == {}


def test_unchecking_a_kind_in_the_legend_removes_its_edges(panel: RelationshipPanel, state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    assert any(kind == "partnership" for _s, _t, kind in panel.edge_labels())
    panel.legend.buttons["partnership"].click()
    assert panel.hidden_kinds() == frozenset({"partnership"})
    assert all(kind != "partnership" for _s, _t, kind in panel.edge_labels())
    assert "qualcomm" not in panel.node_ids()
    panel.legend.buttons["partnership"].click()
    assert "qualcomm" in panel.node_ids()


def test_a_filter_dims_the_entities_that_no_matching_event_involves(panel: RelationshipPanel,
                                                                    state: ViewState) -> None:
    state.move_cursor("2023-02-06")
    filters = Filters(actors=frozenset({"geely"}))
    state.set_filters(filters)
    involved = involved_entities(state.dataset.events, filters.mask(state.dataset.events))
    assert panel.dimmed_entities() == panel.node_ids() - involved
    assert "geely" not in panel.dimmed_entities() and panel.dimmed_entities()
    state.set_filters(Filters())
    assert panel.dimmed_entities() == set()


def test_moving_the_cursor_fades_the_old_stake_out_and_the_new_one_in(qtbot: QtBot, panel: RelationshipPanel,
                                                                      state: ViewState) -> None:
    state.move_cursor("2022-12-31")
    qtbot.wait(FADE_MS + 100)
    state.move_cursor("2023-11-09")
    qtbot.wait(FADE_MS // 3)
    alpha = panel.drawn_edge_alpha()
    assert 0.0 < alpha["R03"] < 1.0 and 0.0 < alpha["R04"] < 1.0
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "15%"  # the target is known at once
    qtbot.waitUntil(lambda: "R03" not in panel.drawn_edge_alpha(), timeout=2000)
    assert panel.drawn_edge_alpha()["R04"] == 1.0


def test_the_trust_is_drawn_as_a_trust_when_its_kind_says_so(state: ViewState, qtbot: QtBot) -> None:
    ds = viewer.load()
    kinds = ds.entities["kind"].astype(str)
    ds.entities["kind"] = kinds.where(ds.entities["id"] != "french_trust", "trust")
    state.set_dataset(ds)
    widget = RelationshipPanel(state)
    qtbot.addWidget(widget)
    state.move_cursor("2023-11-09")
    nodes = widget.nodes_item.nodes
    assert nodes is not None and nodes.shapes[nodes.ids.index("french_trust")] == "hexagon"
