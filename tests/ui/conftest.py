"""Shared UI fixtures: one shared state, a fresh main window, and a guard that fails any test in
which an exception reached ``sys.excepthook`` or the log recorded an error."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import TracebackType

import pytest
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings


@pytest.fixture(autouse=True)
def no_silent_errors(caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A slot that raises, or an error in the log, fails the test (pytest-qt also fails on slot exceptions)."""
    reached: list[BaseException] = []

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        reached.append(exc)

    monkeypatch.setattr(sys, "excepthook", hook)
    caplog.set_level(logging.WARNING)
    yield
    errors = [r for r in caplog.get_records("call") if r.levelno >= logging.ERROR]
    assert not reached, f"an exception reached sys.excepthook: {reached[0]!r}"
    assert not errors, f"the log recorded an error: {errors[0].getMessage()}"


@pytest.fixture
def state(alliance: Dataset) -> ViewState:
    """A fresh shared state on the bundled dataset."""
    return ViewState(alliance)


@pytest.fixture
def make_window(qtbot: QtBot, tmp_path: Path) -> Callable[..., MainWindow]:
    """Build a shown main window on a state, with its own settings file unless told otherwise."""

    def make(state: ViewState, size: tuple[int, int] = (1600, 900), settings: Settings | None = None,
             *, with_settings: bool = True) -> MainWindow:
        if settings is None and with_settings:
            settings = Settings(tmp_path / "config" / "entente.ini")
        main = MainWindow(state, settings)
        qtbot.addWidget(main)
        main.resize(*size)
        main.show()
        qtbot.waitExposed(main)
        return main

    return make


@pytest.fixture
def window(make_window: Callable[..., MainWindow], state: ViewState) -> MainWindow:
    """A fresh main window at 1600×900 on the bundled dataset, nothing selected."""
    return make_window(state)
