"""The session and the window layout, saved to and restored from the settings in one place.

Per dataset (by path): the window, the cursor and the view choices. For the app: the theme, the
playback speed, the window's geometry and its docks and toolbars.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from viewer.model import graph
from viewer.model.dataset import Dataset
from viewer.session import ViewChoices
from viewer.ui.shared import theme

if TYPE_CHECKING:
    from viewer.ui.shared.state import ViewState
    from viewer.ui.shell.main_window import MainWindow
    from viewer.ui.shell.settings import Settings

APP_WIDE = ("theme", "speed")  # view choices that belong to the app, not to one dataset
RIGHT_SHARE, DETAILS_SHARE = 0.34, 0.45
GRAPH_LEAST_PX = 560  # the graph's first width, up to 46% of the window: the alliance's 37 entities named at 1280
# The bottom row: tall enough for the history chart's value labels (~220 px at 900), never so tall that the
# timeline's lanes get thinner than a line of text at 1280×720.
BOTTOM_SHARE, BOTTOM_MIN, BOTTOM_MAX = 0.28, 170, 290
# From this height the window's first bottom row is its full share; below it the share gives a pixel up for each one
# the window lacks, down to BOTTOM_MIN (three table rows): at 1280×720 the graph above it had 190 px to compare two
# dates in, too few to name the alliance's three companies. (A 1600×900 screen's window is 836 px tall: unchanged.)
TALL_WINDOW = 830
FIRST_SIZE = QSize(1600, 900)  # a first start's window, where the screen has room for it
FRAME = QSize(16, 64)  # room for a window manager's frame and title bar around it


def first_geometry(window: QWidget) -> bool:
    """Place a window that has no saved geometry: 1600×900 in the middle of its screen's free area when it fits there
    with its frame, else as big as that area and maximised (a 1366×768 laptop: at 1600×900 its status bar and bottom
    row lay below the screen). Returns whether it was maximised."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(FIRST_SIZE)
        return False
    area = screen.availableGeometry()
    if area.width() >= FIRST_SIZE.width() + FRAME.width() and area.height() >= FIRST_SIZE.height() + FRAME.height():
        window.resize(FIRST_SIZE)
        window.move(area.center() - window.rect().center())
        return False
    window.resize(area.size() - FRAME)  # its size when un-maximised, and the docks' first shares
    window.move(area.topLeft())
    window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
    return True


def bottom_height(window_height: int) -> int:
    """The bottom row's first height in a window so tall: its share, less on a short window (the graph and the
    timeline's lanes above it need the pixels more there), never less than three table rows nor more than a
    tall screen's."""
    short_by = max(0, TALL_WINDOW - window_height)
    return min(max(BOTTOM_MIN, int(window_height * BOTTOM_SHARE) - short_by), BOTTOM_MAX)


def restore(state: ViewState, settings: Settings | None) -> None:
    """Read the session saved for the state's dataset, and the app-wide choices, into the state: done before the
    panels are made, so each draws what the user left once (a graph of 150,000 ties drawn without people, then
    again with them, cost a second at start)."""
    if settings is not None:
        state.session.restore(settings.view_state(state.dataset.meta.key))
        state.set_view(**settings.app_view())
    if "people" not in saved_view(settings, state.dataset):  # (the first dataset too: `entente mailbox.mbox`)
        state.set_view(people=graph.mostly_people(state.dataset))


def saved_view(settings: Settings | None, dataset: Dataset) -> dict[str, object]:
    """The view choices saved for ``dataset`` as the settings hold them ({} when none)."""
    saved = settings.view_state(dataset.meta.key).get("view", {}) if settings and dataset.meta.key else {}
    return saved if isinstance(saved, dict) else {}


class Persistence:
    """Reads the settings into the session at start and on every open; writes them back."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.docks_sized = False
        state = window.state
        state.view_changed.connect(self._on_view)
        self._applied_theme = ""
        settings = window.settings
        if settings is not None:
            geometry, docks = settings.geometry(), settings.dock_state()
            if geometry is not None:
                window.restoreGeometry(geometry)
            if docks is not None:
                self.docks_sized = window.restoreState(docks)
        self._on_view(state.view)

    def view_for(self, dataset: Dataset) -> ViewChoices:
        """The view choices saved for ``dataset``, with the app-wide ones as they are now."""
        now = self.window.state.view
        saved = saved_view(self.window.settings, dataset)
        view = ViewChoices.from_dict(saved)
        if "people" not in saved:  # never chosen: people are shown where the graph would hold little else
            view = replace(view, people=graph.mostly_people(dataset))
        return ViewChoices(**{**view.__dict__, **{k: getattr(now, k) for k in APP_WIDE}})

    def switch_to(self, dataset: Dataset) -> None:
        """Save what the user sees now, then show ``dataset`` as it was last left."""
        self.save_session()
        state = self.window.state
        with state.session.batch():
            state.set_dataset(dataset, self.view_for(dataset))
            if self.window.settings is not None and dataset.meta.key:
                saved = self.window.settings.view_state(dataset.meta.key)
                state.session.restore({k: v for k, v in saved.items() if k != "view"})

    def save_session(self) -> None:
        """Remember the session for the open dataset (and the app-wide choices)."""
        settings, state = self.window.settings, self.window.state
        if settings is None:
            return
        settings.set_app_view({k: getattr(state.view, k) for k in APP_WIDE})
        if state.dataset.meta.key:  # (several files chosen together: theirs, apart from the first file's own)
            settings.save_view_state(state.dataset.meta.key, state.session.to_dict())

    def save_all(self) -> None:
        """On close: the session, the geometry and the docks."""
        settings = self.window.settings
        if settings is not None:
            self.save_session()
            with self.window.tie_docks.as_chosen():  # the docks as the user left them, not as fitted
                settings.save_layout(self.window.saveGeometry(), self.window.saveState())
            settings.sync()

    def size_docks_once(self) -> None:
        """Give the docks their first sizes when the window first shows (unless a saved layout did)."""
        if self.docks_sized:
            return
        self.docks_sized = True
        window, width = self.window, max(self.window.width(), 800)
        docks = window.docks
        graph = max(380, int(width * RIGHT_SHARE), min(GRAPH_LEAST_PX, int(width * 0.46)))
        window.resizeDocks([docks["relationsDock"]], [graph], Qt.Orientation.Horizontal)
        bottom = [docks[d] for d in ("detailsDock", "relationHistoryDock") if d in docks]
        if len(bottom) == 2:
            window.resizeDocks(bottom, [int(width * DETAILS_SHARE), int(width * (1 - DETAILS_SHARE))],
                               Qt.Orientation.Horizontal)
        window.resizeDocks(bottom[:1], [bottom_height(window.height())], Qt.Orientation.Vertical)

    def _on_view(self, view: ViewChoices) -> None:
        if self.window.settings is not None:  # app-wide choices are written at once; QSettings syncs later
            self.window.settings.set_app_view({k: getattr(view, k) for k in APP_WIDE})
        if view.theme != self._applied_theme:
            self._applied_theme = view.theme
            theme.apply(QApplication.instance(), view.theme)  # type: ignore[arg-type]
            action = self.window.actions_by_name.get(f"theme_{view.theme}")
            if action is not None:
                action.setChecked(True)
