"""The whole window on one shared state: timeline, relationship panel and details stay in step."""

from pathlib import Path

import pandas as pd
import pytest

from viewer.ui.shared.state import Selection
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow


def test_the_window_opens_on_ghosn_arrest_to_london_with_the_cursor_on_london(window: MainWindow) -> None:
    state = window.state
    # the stated window, 19 Nov 2018 through the end of 6 Feb 2023, with a margin on each side
    assert state.window.start_time < pd.Timestamp("2018-11-19", tz="UTC")
    assert state.window.end_time > pd.Timestamp("2023-02-07", tz="UTC")
    assert state.cursor.date().isoformat() == "2023-02-06"
    assert "Renault–Nissan–Mitsubishi" in window.windowTitle()


def test_moving_the_cursor_changes_renaults_stake_in_nissan_from_43_4_to_15(window: MainWindow) -> None:
    window.state.move_cursor("2022-12-31")
    assert window.relations.edge_labels()[("renault", "nissan", "equity_stake")] == "43.4%"
    window.state.move_cursor("2023-11-09")
    labels = window.relations.edge_labels()
    assert labels[("renault", "nissan", "equity_stake")] == "15%"
    assert labels[("french_trust", "nissan", "equity_stake")] == "28.4%"


def test_selecting_the_london_event_highlights_the_three_partners(window: MainWindow) -> None:
    window.state.select_event("E060")
    assert {"renault", "nissan", "mitsubishi"} <= window.relations.highlighted_entities()
    assert "London" in window.details.html()
    assert window.state.cursor.date().isoformat() == "2023-02-06"


def test_the_details_panel_shows_a_month_precision_date_as_the_month(window: MainWindow) -> None:
    window.state.select_event("E052")
    assert "Jan 2023" in window.details.html()


def test_selecting_an_entity_shows_it_with_its_ties(window: MainWindow) -> None:
    window.state.select(Selection(entities=frozenset({"nissan"})))
    text = window.details.html()
    assert "Nissan Motor" in text and "43.4%" in text


def test_a_file_that_cannot_be_opened_leaves_the_dataset_open(qtbot, window: MainWindow, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    bad = tmp_path / "bad.json"
    bad.write_text("{")
    with qtbot.waitSignal(window.loader.failed, timeout=10_000):
        window.open_path(str(bad))
    assert "bad.json" in shown[0]
    assert len(window.state.dataset.events) == 69


def test_a_screenshot_of_the_whole_window_is_saved(window: MainWindow, tmp_path: Path) -> None:
    out = tmp_path / "window.png"
    assert window.save_image(str(out))
    assert out.stat().st_size > 20_000
