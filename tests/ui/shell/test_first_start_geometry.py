"""A first start (no geometry saved) fits the window to the screen: 1600×900 centred where it fits with its frame,
else maximised. At a fixed 1600×900, a 1366×768 laptop's screen lost the status bar and the bottom row."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QScreen

pytest.importorskip("pytestqt")

from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.persistence import FIRST_SIZE, first_geometry


@pytest.mark.parametrize(("screen", "maximised"), [((0, 0, 1366, 768), True), ((0, 27, 1280, 693), True),
                                                   ((0, 0, 1600, 900), True), ((0, 0, 1920, 1050), False),
                                                   ((1920, 0, 2560, 1400), False)])
def test_the_first_window_fits_its_screen(qtbot, state: ViewState, monkeypatch, screen: tuple[int, int, int, int],
                                          maximised: bool) -> None:
    area = QRect(*screen)
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: area)
    window = MainWindow(state)
    qtbot.addWidget(window)
    assert first_geometry(window) is maximised
    assert bool(window.windowState() & Qt.WindowState.WindowMaximized) is maximised
    assert area.contains(window.geometry())  # all of it on the screen, its status bar included
    if not maximised:
        assert window.size() == FIRST_SIZE
        assert abs(window.geometry().center().x() - area.center().x()) <= 1


def test_a_small_screen_shows_the_whole_window_status_bar_included(qtbot, state: ViewState) -> None:
    window = MainWindow(state)  # offscreen, the screen is 800×600
    qtbot.addWidget(window)
    first_geometry(window)
    window.show()
    qtbot.waitExposed(window)
    area = window.screen().availableGeometry()
    qtbot.waitUntil(lambda: area.contains(window.frameGeometry()))
    bar = window.statusBar()
    assert bar.isVisible() and area.contains(bar.mapToGlobal(bar.rect().bottomRight()))
