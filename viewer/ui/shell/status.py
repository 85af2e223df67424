"""The status bar: counts and the as-of date on the right; a busy bar and Cancel while a file opens."""

from __future__ import annotations

from PySide6.QtWidgets import QMainWindow, QProgressBar, QPushButton

from viewer.model.clock import format_instant
from viewer.model.wording import counted, problems_and_notes
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.steady_label import SteadyLabel
from viewer.ui.shell.loading import Loader


class StatusLine:
    """What the window says about the open dataset and a load under way."""

    def __init__(self, window: QMainWindow, state: ViewState, loader: Loader) -> None:
        self.window, self.state = window, state
        self.text = SteadyLabel(window)
        self.progress = QProgressBar(window)
        self.progress.setRange(0, 0)  # parsing reports no steps: an honest busy indicator
        self.progress.setMaximumWidth(160)
        self.cancel_button = QPushButton("Cancel", window)
        self.cancel_button.clicked.connect(loader.cancel)
        for widget in (self.progress, self.cancel_button):
            widget.hide()
            window.statusBar().addWidget(widget)
        window.statusBar().addPermanentWidget(self.text)
        state.changed.connect(lambda fields: self.update() if fields & {"dataset", "cursor"} else None)
        self.update()

    def update(self) -> None:
        """Counts, problems and the as-of date."""
        ds = self.state.dataset
        levels = [p.level for p in ds.problems]
        problems = f" · {problems_and_notes(levels, 'loading problem', 'loading note')}" if levels else ""
        as_of = format_instant(self.state.cursor, "day", ds.meta.clock)
        queried = " (queried in place)" if ds.source is not None else ""
        self.text.setText(f"{counted(ds.event_count, 'event')}{queried} · "
                          f"{counted(len(ds.entities), 'entity', 'entities')} · "
                          f"{counted(len(ds.relations), 'relation')}{problems} · as of {as_of}")

    def busy(self, on: bool, what: str = "") -> None:
        """Show (or hide) the busy bar and Cancel."""
        self.progress.setVisible(on)
        self.cancel_button.setVisible(on)
        if on:
            self.window.statusBar().showMessage(f"Opening {what}…")
        else:
            self.window.statusBar().clearMessage()
