"""Cells far longer than a line (a base64 image, a whole report, a long link) in a file a user opens: the file
opens whatever its fields' length (Python's csv module refuses fields over 128 KiB, and the delimiter was
sniffed with it), and the Details panel shows a long value cut with a note of how much more it holds, not
laid out whole at every click (Qt lays out a run without spaces in time that grows as its square: 200,000
characters took 5-9 s)."""

from __future__ import annotations

import csv
import random
import string
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QTextBrowser
from pytestqt.qtbot import QtBot

import viewer
from viewer.ui.shell import details
from viewer.ui.shell.main_window import MainWindow

from ..window_reading import refused_by_hand

LONG = 200_000  # characters: beyond the csv module's field limit (131,072)


def _token(rng: random.Random, size: int) -> str:
    return "".join(rng.choices(string.ascii_letters + string.digits + "+/", k=size))


def _write(path: Path, rows: int, header: bool = True, delimiter: str = ",") -> Path:
    rng = random.Random(7)
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        if header:
            writer.writerow(["id", "date", "title", "description", "source_url"])
        for i in range(rows):
            writer.writerow([f"r{i}", f"2021-03-{i + 1:02d}", f"Scan {i}", "data:image/png;base64," + _token(rng, LONG),
                             "https://example.org/" + _token(rng, 40_000)])
    return path


@pytest.mark.parametrize(("name", "header", "delimiter"), [("cells.csv", True, ","), ("cells.tsv", True, "\t"),
                                                         ("bare.csv", False, ","), ("semi.txt", True, ";")])
def test_a_table_with_cells_over_the_csv_modules_limit_opens_whole(tmp_path: Path, name: str, header: bool,
                                                                   delimiter: str) -> None:
    ds = viewer.load(_write(tmp_path / name, 3, header, delimiter))
    assert ds.event_count == 3
    assert [t.day for t in ds.events["start"]] == [1, 2, 3]
    if header:
        assert ds.events["description"].str.len().tolist() == [len("data:image/png;base64,") + LONG] * 3


def test_a_long_name_in_the_header_does_not_stop_the_file(tmp_path: Path) -> None:
    path = tmp_path / "head.csv"
    path.write_text("date," + "n" * 150_000 + "\n2020-01-02,a\n", encoding="utf-8")
    assert viewer.load(path).event_count == 1


def test_a_short_value_is_shown_whole_and_a_long_one_cut_with_what_is_left() -> None:
    assert details._text("a < b") == "a &lt; b"
    long = "x" * (details.SHOWN_CHARACTERS + 1234)
    shown = details._text(long)
    assert shown.startswith("x" * details.SHOWN_CHARACTERS + "<span")
    assert "1,234 more characters not shown" in shown


def _cursor_point(window: MainWindow) -> QPoint:
    """Where the cursor line crosses the middle of the plot, in the viewport's coordinates."""
    view = window.timeline.view
    (_, _), (y0, y1) = view.viewRange()
    x = float(window.timeline.cursor_line.value())
    return window.timeline.plot.mapFromScene(view.mapViewToScene(QPointF(x, y0 + (y1 - y0) * 0.5)))


def test_the_file_opens_in_the_window_and_details_show_a_long_cell_cut(
        qtbot: QtBot, hand: Any, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _write(tmp_path / "scans.csv", 4)
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
    assert window.state.dataset.event_count == 4
    laid_out: list[int] = []
    set_html = QTextBrowser.setHtml

    def counted(browser: QTextBrowser, text: str) -> None:
        laid_out.append(len(text))
        set_html(browser, text)

    monkeypatch.setattr(QTextBrowser, "setHtml", counted)
    window.timeline.setFocus()
    qtbot.keyClick(window.timeline, Qt.Key.Key_End)  # select the last event
    assert window.state.selection.events == frozenset({"r3"})
    text = window.details.html()
    assert "Scan 3" in text and "more characters not shown" in text
    assert laid_out and max(laid_out) < LONG  # the description cut, the link whole in its href only
    shown, cursor = len(laid_out), window.state.cursor
    viewport, line = window.timeline.plot.viewport(), _cursor_point(window)
    hand.press(viewport, line)  # the cursor dragged with the event selected: its text is not laid out again
    hand.drag_to(viewport, line, line - QPoint(120, 0))
    hand.release(viewport, line - QPoint(120, 0))
    assert window.state.cursor < cursor
    assert window.state.selection.events == frozenset({"r3"}) and len(laid_out) == shown
    qtbot.keyClick(window.timeline, Qt.Key.Key_Home)
    assert "Scan 0" in window.details.html() and len(laid_out) == shown + 1


def test_one_line_of_thousands_of_fields_is_refused_at_once_and_the_window_stays(
        qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 200 KB text of one line (32,000 fields, no line break) chosen with Ctrl+O: the window said "no rows under
    them" after 15 s of work; it says what the file is, and what it showed before stays."""
    path = tmp_path / "one_line.csv"
    path.write_text(",".join(f"v{i}" for i in range(32_000)), encoding="utf-8")
    shown = refused_by_hand(qtbot, window, monkeypatch, path)
    assert len(shown) == 1 and "one line of 32,000 fields and no line under it" in shown[0]
