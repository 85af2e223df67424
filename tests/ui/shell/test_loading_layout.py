"""Opening a dataset lays out its graph in the loading worker, never on the UI thread."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

from viewer.model import graph_positions
from viewer.model.dataset import Dataset
from viewer.ui.shell.loading import Loader


def test_the_loader_hands_over_a_dataset_whose_layout_was_computed_in_the_worker(
        qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[threading.Thread] = []
    real = graph_positions.dataset_layout

    def recording(dataset: Dataset) -> graph_positions.Positions:
        threads.append(threading.current_thread())
        return real(dataset)

    monkeypatch.setattr(graph_positions, "dataset_layout", recording)
    loader = Loader()
    with qtbot.waitSignal(loader.loaded, timeout=20000) as loaded:
        loader.load(None)
    dataset = loaded.args[0]
    assert dataset.has_positions() and "renault" in dataset.positions
    assert threads and all(t is not threading.main_thread() for t in threads)
    graph_positions.positions_for(dataset)  # what the panel asks for: already there, nothing recomputed
    assert len(threads) == 1
    loader.shutdown()
