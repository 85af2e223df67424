"""A site's YAML data file of events (Jekyll's _data/timeline.yml), opened from a fresh window with Ctrl+O: no
question asked, the keys walk its records with their actors, and a null among them is named by its line in
Problems (it was read as a text table and refused). A YAML alias bomb is refused in one message, the dataset
kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer import io
from viewer.ui.shell import dialogs
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, problems_typed, walked

TIMELINE = """- date: 2018-11-19
  title: Arrest of Carlos Ghosn
  actors: [Nissan, Renault]
- null
- date: 2023-02-06
  title: London event
  actors: [Renault, Nissan, Mitsubishi]
"""


def test_a_yaml_data_file_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    assert ".yml" in io.supported_suffixes() and ".yaml" in io.supported_suffixes()
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / "timeline.yml", text=TIMELINE) == []
    first, last = walked(qtbot, window, 1)  # (of the three items, two records)
    assert window.state.dataset.event_count == 2
    assert "Arrest of Carlos Ghosn" in first and "19 Nov 2018" in first and "Renault" in first
    assert "London event" in last and "Mitsubishi" in last
    assert problems_typed(qtbot, window, "no record")["row"].astype(int).tolist() == [4]


def test_an_alias_bomb_is_refused_and_the_dataset_stays(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "error", lambda parent, title, message, details="": shown.append(message))
    path = tmp_path / "laughs.yaml"
    path.write_text("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"{b}: &{b} [{', '.join([f'*{a}'] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi", strict=True)))
    before = window.state.dataset
    with qtbot.waitSignal(window.loader.failed, timeout=30_000):
        window.opening.open_path(str(path))
    assert len(shown) == 1 and "laughs.yaml" in shown[0] and "aliases" in shown[0], shown
    assert window.state.dataset is before
