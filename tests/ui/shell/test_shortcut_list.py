"""F1's shortcut list and the README's shortcut table name the same keys: every registered action's
shortcut and the keys the timeline binds itself (Home / End among them)."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QTextBrowser

from viewer.ui.shell.commands import VIEW_KEYS
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.timeline import keys as timeline_keys

README = Path(__file__).resolve().parents[3] / "README.md"


def readme_keys() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("### Keyboard shortcuts", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([^`]+)` \|", section, flags=re.MULTILINE))


def registered_keys(window: MainWindow) -> set[str]:
    actions = {a.shortcut().toString() for a in window.actions_by_name.values() if not a.shortcut().isEmpty()}
    return actions | {key for key, _text in VIEW_KEYS}


def f1_keys(qtbot, window: MainWindow) -> set[str]:
    window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_F1)
    dialog = window._dialogs[-1]
    qtbot.waitUntil(dialog.isVisible)
    browser = dialog.findChild(QTextBrowser)
    assert browser is not None
    html = browser.toHtml()
    dialog.close()
    return set(re.findall(r"font-weight:\s*(?:600|700);[^>]*>([^<]+)<", html))


def test_the_readme_lists_exactly_the_registered_shortcuts_and_timeline_keys(window: MainWindow) -> None:
    assert readme_keys() == registered_keys(window)


def test_f1_lists_the_same_keys_as_the_readme_home_and_end_included(qtbot, window: MainWindow) -> None:
    shown = {key.replace("&amp;", "&") for key in f1_keys(qtbot, window)}
    assert {"Home", "End", "+", "-"} <= shown
    assert shown - {"Keyboard and mouse", "Wheel", "Drag"} == readme_keys()  # the heading, mouse rows


def test_every_key_the_help_names_is_bound_by_the_timeline() -> None:
    bound = {sequence for sequences in timeline_keys.KEYS.values() for sequence in sequences}
    assert {key for key, _text in timeline_keys.HELP} <= bound
