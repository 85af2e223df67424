"""Diff mode: the relationship panel compares two dates and lists what changed, linked to the events."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from viewer.ui.relations.diff_view import EVENT, RELATION
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared.state import Selection, ViewState


@pytest.fixture
def panel(qtbot: QtBot, state: ViewState) -> RelationshipPanel:
    widget = RelationshipPanel(state)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_mode("diff")
    return widget


def _click(qtbot: QtBot, panel: RelationshipPanel, relation: str, column: int) -> None:
    tree, view = panel.diff_view.changes, panel.diff_view
    row = next(i for i, shown in enumerate(view.rows()) if relation in shown[1])
    tree.scrollTo(view.model.index(row, column))
    rect = tree.visualRect(view.model.index(row, column))
    x = tree.horizontalHeader().sectionViewportPosition(column) + 5
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, rect.center().y()))


def test_diff_mode_starts_on_the_window_start_and_the_cursor_at_day_precision(panel: RelationshipPanel,
                                                                             state: ViewState) -> None:
    before, after = panel.diff_view.dates()
    assert (before, after) == (state.window.start_time.floor("D"), state.cursor)
    assert panel.diff_view.before_edit.text() == state.window.start_time.strftime("%Y-%m-%d")
    assert panel.diff_view.after_edit.text() == "2023-02-06"
    assert panel.diff_view.isVisible() and panel.mode() == "diff"


def test_the_diff_from_ghosns_arrest_to_the_new_agreement_lists_the_stake_change_and_the_trust(
        panel: RelationshipPanel) -> None:
    panel.diff_view.set_dates("2018-11-19", "2023-11-09")
    rows = panel.diff_view.rows()
    assert ("changed", "Renault Group → Nissan Motor", "43.4% → 15%",
            "New Alliance Agreement takes effect; Renault's Nissan stake cut to 15%") in rows
    assert any(r[0] == "added" and r[1] == "French trust → Nissan Motor" and r[2] == "28.4%" for r in rows)
    assert panel.edge_changes()["R04"] == "changed"
    assert panel.edge_changes()["R05"] == "added"
    assert panel.edge_changes()["R09"] == "unchanged"
    assert panel.edge_labels()[("renault", "nissan", "equity_stake")] == "43.4% → 15%"
    assert panel.as_of.text() == "19 Nov 2018 → 9 Nov 2023"


def test_removed_relations_are_drawn_when_people_are_shown(panel: RelationshipPanel) -> None:
    panel.diff_view.set_dates("2018-11-19", "2023-11-09")
    panel.set_include_people(True)
    assert panel.edge_changes()["R21"] == "removed"


def test_typing_a_month_or_a_year_compares_those_dates(panel: RelationshipPanel) -> None:
    view = panel.diff_view
    view.before_edit.setText("2022")
    view.after_edit.setText("2023-12")
    view.before_edit.editingFinished.emit()
    assert [d.date().isoformat() for d in view.dates()] == ["2022-01-01", "2023-12-01"]
    view.after_edit.setText("not a date")
    view.after_edit.editingFinished.emit()
    assert view.dates()[1].date().isoformat() == "2023-12-01"
    assert view.theme.error in view.after_edit.styleSheet()  # flagged in the theme's error colour


def test_the_cursor_button_compares_the_window_start_with_the_cursor(panel: RelationshipPanel,
                                                                    state: ViewState) -> None:
    state.move_cursor("2021-06-01")
    panel.diff_view.cursor_button.click()
    assert panel.diff_view.dates() == (state.window.start_time.floor("D"), state.cursor)


def test_clicking_a_change_selects_its_relation(qtbot: QtBot, panel: RelationshipPanel, state: ViewState) -> None:
    panel.diff_view.set_dates("2018-11-19", "2023-11-09")
    _click(qtbot, panel, "Renault Group → Nissan Motor", RELATION)
    assert state.selection == Selection(relations=frozenset({"R04"}))
    assert "R04" in panel.highlighted_relations()


def test_clicking_a_changes_event_selects_the_event(qtbot: QtBot, panel: RelationshipPanel, state: ViewState) -> None:
    panel.diff_view.set_dates("2018-11-19", "2023-11-09")
    _click(qtbot, panel, "French trust → Nissan Motor", EVENT)
    assert state.selection == Selection(events=frozenset({"E067"}))
    assert {"R04", "R05"} <= panel.highlighted_relations()


def test_the_dates_follow_the_window_until_the_user_picks_their_own(panel: RelationshipPanel,
                                                                   state: ViewState) -> None:
    state.set_window(state.window.pan(86400.0 * 365))
    assert panel.diff_view.dates()[0] == state.window.start_time.floor("D")
    panel.diff_view.set_dates("2019", "2020")
    state.set_window(state.window.pan(86400.0 * 30))
    assert panel.diff_view.dates()[0].date().isoformat() == "2019-01-01"


def test_back_to_the_cursor_mode_hides_the_list(panel: RelationshipPanel, state: ViewState) -> None:
    panel.set_mode("cursor")
    assert not panel.diff_view.isVisible()
    assert panel.edge_changes() == {}
    assert panel.as_of.text().startswith("As of")
