"""Source links as a user meets them: short host/path texts, the history tall enough to read, and a
visible answer (the link copied, a status message) when no browser can be opened."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtTest import QTest

from viewer.ui.relations.table import LINK
from viewer.ui.shared.state import Selection
from viewer.ui.shell.main_window import MainWindow


def test_source_links_show_their_host_and_path_not_the_scheme(qtbot, window: MainWindow) -> None:
    tools = window.relation_tools
    proxy = tools.table.proxy
    texts = [str(proxy.index(r, LINK).data()) for r in range(proxy.rowCount())]
    assert texts and not any(t.startswith("http") for t in texts)
    assert any(t.startswith("nasdaq.com/") for t in texts) or any("." in t.split("/")[0] for t in texts)
    window.state.select(Selection(relations=frozenset({"R04"})))
    history = tools.history.list
    shown = [history.topLevelItem(i).text(3) for i in range(history.topLevelItemCount())]  # type: ignore[union-attr]
    assert "nasdaq.com/articles/renault-cuts-n…" in shown


def test_the_bottom_dock_is_tall_enough_for_the_history_chart(qtbot, window: MainWindow) -> None:
    qtbot.wait(20)
    tools = window.relation_tools
    assert tools.table_dock.height() >= 220  # the tab the history shares
    tools.history_dock.raise_()
    qtbot.wait(20)
    assert tools.history.plot.height() >= 120


def test_a_link_with_no_browser_is_copied_and_the_status_bar_says_so(qtbot, window: MainWindow,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    view = window.relation_tools.table.view
    index = view.model().index(0, LINK)
    url = window.relation_tools.table.url_at(index)
    assert url.startswith("http")
    rect = view.visualRect(index)
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    assert QGuiApplication.clipboard().text() == url
    message = window.statusBar().currentMessage()
    assert "No browser" in message and url in message
