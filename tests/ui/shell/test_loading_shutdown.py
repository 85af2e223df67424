"""Closing the window while loads wait in the queue drops them quietly: no error in the log (found by the monkey)."""

from __future__ import annotations

import threading

import pytest
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shell import loading
from viewer.ui.shell.loading import Loader


def test_a_queued_load_dropped_at_shutdown_is_not_an_error(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch) -> None:
    gate = threading.Event()

    def slow(*_args: object) -> object:
        gate.wait(5)
        return viewer.load()

    monkeypatch.setattr(loading, "load_dataset", slow)
    loader = Loader()
    loader.load(None)  # runs, held at the gate
    loader.load(None)  # waits in the queue
    loader.shutdown()  # the window closes: the queued one is cancelled
    gate.set()
    qtbot.wait(300)
    # the autouse guard in tests/ui/conftest.py fails this test if "loading failed" was logged
