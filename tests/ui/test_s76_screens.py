"""What a new user met first on screens other than the developers': while a file opened, the status bar's busy bar
and Cancel never showed (Qt hides a status bar's normal widgets under a message, and "Opening …" is one); a long
message in a narrow window ran into the counts, cut mid-letter two pixels from them; and on a screen shorter than
about 730 px (1280×720 less a taskbar, 1920×1080 at 150 %) the column-mapping dialog's Import and Cancel lay below
the screen's edge."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QScreen
from PySide6.QtWidgets import QApplication, QDialog, QWidget
from pytestqt.qtbot import QtBot

from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.mapping_dialog import ROLES, MappingDialog
from viewer.ui.shell.persistence import FRAME

from .window_reading import open_by_hand

LAPTOP = (1366, 768)
NARROWEST = (400, 600)  # narrower than the window allows: it is as narrow as it gets (755 px)
FIELDS_IN_SIGHT = 4  # on a short screen, the mapping dialog shows at least this many fields at once
ODD = "col_a;col_b;col_c\n03/04/2021;Board meets;acme\nspring;Deal signed;globex\n15/05/2021;Vote;acme\n"


def _within(widget: QWidget, parent: QWidget) -> QRect:
    """``widget``'s rectangle in ``parent``'s coordinates."""
    return QRect(widget.mapTo(parent, widget.rect().topLeft()), widget.size())


def _inked(image: QImage, x: int, reference: int) -> bool:
    """Whether column ``x`` of ``image`` differs anywhere from column ``reference`` (blank status bar) by more than
    a shade: a letter's ink."""
    for y in range(image.height()):
        one, other = QColor(image.pixel(x, y)), QColor(image.pixel(reference, y))
        if abs(one.lightness() - other.lightness()) > 40:
            return True
    return False


def _in_sight(dialog: MappingDialog) -> int:
    """How many of the dialog's field choices show whole, inside the area that scrolls them (or the dialog)."""
    fields = getattr(dialog, "fields", None)  # (none before: the dialog held them all, however tall)
    frame = fields.viewport() if fields is not None else dialog
    return sum(frame.rect().contains(_within(combo, frame)) for combo in dialog.combos.values())


def test_a_file_opening_shows_its_busy_bar_and_cancel_beside_the_counts(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState, tmp_path: Path) -> None:
    """While a file opens, the busy bar and Cancel show in the status bar, whole and clear of the counts (they were
    hidden by the "Opening …" message as soon as they were shown: only Escape cancelled)."""
    window = make_window(state, LAPTOP)
    path = tmp_path / "events.csv"
    path.write_text("date,title\n2021-01-02,Hello\n2021-02-03,Again\n", encoding="utf-8")
    line, bar = window.status_line, window.statusBar()
    with qtbot.waitSignal(window.loader.loaded, timeout=30_000):
        window.open_path(str(path))
        assert bar.currentMessage().startswith("Opening ") and bar.currentMessage().endswith("events.csv…")
        seen = {name: (widget.isVisible(), _within(widget, bar)) for name, widget in
                (("busy bar", line.progress), ("Cancel", line.cancel_button), ("counts", line.text))}
    assert all(shown for shown, _ in seen.values()), seen
    assert all(bar.rect().contains(place) for _, place in seen.values()), seen
    places = [place for _, place in seen.values()]
    assert not any(a.intersects(b) for i, a in enumerate(places) for b in places[i + 1:]), seen
    assert not line.cancel_button.isVisible() and len(window.state.dataset.events) == 2


def test_a_long_message_in_a_narrow_window_ends_clear_of_the_counts(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState) -> None:
    """A message longer than its room, in the narrowest window, leaves a blank gap before the counts (it was cut
    mid-letter two pixels from them: "…is read-o69 events")."""
    window = make_window(state, NARROWEST)
    bar, counts = window.statusBar(), window.status_line.text
    bar.showMessage("W" * 300)  # ink up to wherever it is cut
    qtbot.wait(50)
    image = bar.grab().toImage()
    scale = image.width() / bar.width()
    edge = round(counts.x() * scale)
    gap = round(bar.fontMetrics().averageCharWidth() * scale)
    inked = [x for x in range(edge - gap, edge) if _inked(image, x, edge - 1)]
    assert not inked, f"the message's ink reaches {edge - inked[-1]} px from the counts"
    assert _inked(image, round(12 * scale), edge - 1)  # (the message is drawn)


@pytest.mark.parametrize("area", [QRect(0, 0, 1280, 680), QRect(0, 0, 960, 500), QRect(0, 0, 1920, 1050)])
def test_the_mapping_dialog_fits_its_screen_import_and_cancel_included(
        qtbot: QtBot, make_window: Callable[..., MainWindow], state: ViewState, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, area: QRect) -> None:
    """File → Open on a table whose dates do not all read: the column-mapping dialog, with room for a title bar, is
    no taller than the screen's free area, its buttons inside it; where the screen is short its fields scroll, at
    least four of them in sight; where it is tall every field shows at once (it was 692 px tall at least: on a
    1280×720 screen less a taskbar, Import and Cancel lay below the screen)."""
    monkeypatch.setattr(QScreen, "availableGeometry", lambda _self: area)
    window = make_window(state, (min(area.width(), 1366), min(area.height(), 768)))
    seen: dict[str, object] = {}
    window.activateWindow()  # (Ctrl+O reaches the active window only)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def answer(dialog: MappingDialog) -> QDialog.DialogCode:
        dialog.show()
        qtbot.waitExposed(dialog)
        qtbot.wait(100)  # (the fields area settles its scroll bar)
        seen["height"], seen["buttons"] = dialog.height(), _within(dialog.buttons, dialog)
        seen["inside"] = dialog.rect()
        seen["rows"] = _in_sight(dialog)
        dialog.combos["start"].setCurrentText("col_a")
        return QDialog.DialogCode.Accepted

    assert len(open_by_hand(qtbot, window, monkeypatch, tmp_path / "odd.csv", answer, ODD)) == 1
    assert seen["height"] + FRAME.height() <= area.height(), seen  # type: ignore[operator]
    assert seen["inside"].contains(seen["buttons"]), seen  # type: ignore[attr-defined]
    assert seen["rows"] >= FIELDS_IN_SIGHT, seen  # type: ignore[operator]
    if area.height() >= 1000:
        assert seen["rows"] == len(ROLES), seen  # every field at once
