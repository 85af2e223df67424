"""The relation docks make room for a dataset without ties.

A chat, a log, a repository's history or a crime table has no relations: the graph on the right said so in half
the window's width (the panel's controls keep it from narrowing), and the relation history and table below sat
empty beside Details. For such a dataset the three stand aside, so the timeline and Details get the room, and
Details says where they went and where ties come from. A dataset with ties brings them back as they were. A dock
the user shows or hides by hand (View menu) is theirs from then on, and the layout saved on close is the one they
chose, not the fitted one.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Slot
from PySide6.QtWidgets import QDockWidget

from viewer.model.dataset import Dataset
from viewer.ui.relations.tools import GRAPH_DOCK, HISTORY_DOCK, TABLE_DOCK
from viewer.ui.shell.persistence import DETAILS_SHARE

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

DETAILS_DOCK = "detailsDock"
ASIDE = (GRAPH_DOCK, HISTORY_DOCK, TABLE_DOCK)


class TieDocks(QObject):
    """Fits the relation docks to the dataset on every change of it, and on the window's first show."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.aside: list[QDockWidget] = []  # the docks this fit hid, to show again
        self.bottom: tuple[int, int] | None = None  # Details' and the relation tables' widths before the fit
        self.chosen: set[QDockWidget] = set()  # the docks the user showed or hid by hand: never fitted again
        self._fitted: Dataset | None = None
        self._laid_out = True
        window.state.dataset_changed.connect(self.fit)
        self._toggles = {window.docks[name].toggleViewAction(): window.docks[name] for name in ASIDE}
        for action in self._toggles:  # (a slot, not a lambda holding the window: a closed window is let go)
            action.triggered.connect(self._chosen)

    def fit(self, dataset: Dataset | None = None) -> None:
        """Make room for ``dataset`` (the one shown) when it has no ties; give the docks back when it has."""
        dataset = self.window.state.dataset if dataset is None else dataset
        if dataset is self._fitted or not self.window.isVisible():
            return  # (a window not shown yet is fitted when it first shows)
        self._fitted = dataset
        if len(dataset.relations):
            self.back()
            return
        docks = self.window.docks
        tables = [docks[name] for name in (HISTORY_DOCK, TABLE_DOCK) if _docked(docks[name])]
        if self.bottom is None and tables and _docked(docks[DETAILS_DOCK]):
            self.bottom = (docks[DETAILS_DOCK].width(), max(dock.width() for dock in tables))
            if not self._laid_out:  # the window's first show: the docks have no widths yet; the first sizes then
                width = self.window.width()
                self.bottom = (int(width * DETAILS_SHARE), int(width * (1 - DETAILS_SHARE)))
        for name in ASIDE:
            if _docked(docks[name]) and docks[name] not in self.chosen:
                docks[name].hide()
                self.aside.append(docks[name])

    def back(self) -> None:
        """The docks as they were before the fit."""
        docks = self.window.docks
        for dock in self.aside:
            dock.show()
        if self.aside:
            docks[TABLE_DOCK].raise_()
        self.aside.clear()
        pair = [docks[DETAILS_DOCK], docks[TABLE_DOCK]]
        if self.bottom is not None and all(_docked(dock) for dock in pair):
            self.window.resizeDocks(pair, list(self.bottom), Qt.Orientation.Horizontal)
        self.bottom = None

    @contextmanager
    def as_chosen(self) -> Iterator[None]:
        """The docks as the user left them, for the layout to be saved; fitted again after."""
        fitted, self._fitted = self._fitted, None
        self.back()
        try:
            yield
        finally:
            if fitted is not None:
                self.fit(fitted)

    def first_show(self) -> None:
        """Fit the dataset the window opens on, before its first frame: a layout that changed a moment after the
        window showed would move what the user is about to click."""
        self._laid_out = False
        try:
            self.fit()
        finally:
            self._laid_out = True

    @Slot(bool)
    def _chosen(self, _on: bool) -> None:
        dock = self._toggles.get(self.sender())  # type: ignore[call-overload]
        if dock is None:
            return
        self.chosen.add(dock)
        if dock in self.aside:
            self.aside.remove(dock)


def _docked(dock: QDockWidget) -> bool:
    """Whether a dock is shown in the window's layout (not hidden, not floating on its own)."""
    return not dock.isHidden() and not dock.isFloating()

