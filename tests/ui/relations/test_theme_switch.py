"""Switching to the dark theme while the window runs re-colours the relationship panel's headings."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from viewer.ui.shared.theme import current
from viewer.ui.shell.main_window import MainWindow


def brightest_ink(widget: QWidget) -> int:
    """The lightness of the lightest pixel in the widget as painted (text on its background)."""
    image = widget.grab().toImage()
    return max(QColor(image.pixel(x, y)).lightness()
               for x in range(0, image.width(), 1) for y in range(0, image.height(), 1))


def darkest_ink(widget: QWidget) -> int:
    image = widget.grab().toImage()
    return min(QColor(image.pixel(x, y)).lightness()
               for x in range(0, image.width(), 1) for y in range(0, image.height(), 1))


def test_the_dark_theme_switched_while_running_makes_the_headings_light(qtbot, window: MainWindow) -> None:
    window.actions_by_name["theme_light"].trigger()
    window.actions_by_name["theme_dark"].trigger()
    qtbot.wait(20)
    relations = window.relations
    for label in (relations.header.as_of, window.relation_tools.history.title):
        assert label.text()
        assert brightest_ink(label) > 170, label.text()  # light text, not black on near-black
    window.actions_by_name["theme_light"].trigger()
    qtbot.wait(20)
    for label in (relations.header.as_of, window.relation_tools.history.title):
        assert darkest_ink(label) < 90, label.text()


def fill(widget: QWidget) -> QColor:
    """The colour just inside the widget's border (its background as painted)."""
    image = widget.grab().toImage()
    return QColor(image.pixel(4, image.height() // 2))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_active_mode_button_is_filled_with_the_accent_in_both_themes(qtbot, window: MainWindow,
                                                                          theme: str) -> None:
    window.actions_by_name[f"theme_{theme}"].trigger()
    qtbot.wait(20)
    buttons = window.relations.header.mode_buttons
    assert buttons["cursor"].isChecked()
    accent = QColor(current().accent)
    active, idle = fill(buttons["cursor"]), fill(buttons["diff"])
    assert abs(active.hue() - accent.hue()) < 12 and active.saturation() > 120
    assert idle.saturation() < 60  # the inactive one is plain
