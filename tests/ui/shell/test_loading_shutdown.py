"""Closing the window while loads wait or run drops them quietly: no error in the log (found by the monkey)."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shell import loading
from viewer.ui.shell.loading import Loader


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Loads wait at this gate until the test opens it."""
    held = threading.Event()

    def slow(*_args: object, **_options: object) -> object:
        held.wait(5)
        return viewer.load()

    monkeypatch.setattr(loading, "load_dataset", slow)
    return held


def test_a_queued_load_dropped_at_shutdown_is_not_an_error(qtbot: QtBot, gate: threading.Event) -> None:
    loader = Loader()
    loader.load(None)  # runs, held at the gate
    loader.load(None)  # waits in the queue
    loader.shutdown()  # the window closes: the queued one is cancelled
    gate.set()
    qtbot.wait(300)
    # the autouse guard in tests/ui/conftest.py fails this test if "loading failed" was logged


def test_a_load_that_finishes_after_its_window_is_gone_is_not_an_error(qtbot: QtBot, gate: threading.Event) -> None:
    loader = Loader()
    loader.load(None)  # under way in the worker when the window closes
    worker = loader._pool
    loader.shutdown()
    shiboken6.delete(loader)  # the window and its loader are gone (found by the long monkey run)
    gate.set()
    worker.shutdown(wait=True)  # the load finished, and its callback ran
    qtbot.wait(100)
    # the autouse guard fails this test if "loading failed" (a deleted signal source) was logged
