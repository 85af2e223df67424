"""The relationship panel, driven through the shared ViewState."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.relations import RelationshipPanel
from viewer.ui.state import Selection, ViewState


@pytest.fixture
def state() -> ViewState:
    return ViewState(viewer.load())


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
