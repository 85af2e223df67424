"""A dataset of no events says so on the timeline, and where its content is.

A graph file (GEXF, GraphML, a graph's JSON), a register of ownership statements or a table with a header and no
rows has no event: the timeline was a blank plot with no word why. A note in the middle of it now says so, and,
when the dataset holds ties, that they are in the graph as of the cursor, which the keys, a drag or Play move.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QLabel, QWidget

from viewer.model.dataset import Dataset
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.theme import Theme, follow


def eventless_text(dataset: Dataset) -> str:
    """What the note says for ``dataset`` ("" when it has events)."""
    if dataset.source is not None or len(dataset.events):  # (a source is never asked on the UI thread)
        return ""
    ties = len(dataset.relations)
    if not ties:
        return "No events in this dataset."
    held = f"its {ties:,} tie{'s' * (ties != 1)} {'is' if ties == 1 else 'are'}"
    return (f"No events in this dataset: {held} in the graph, as of the cursor. Drag the cursor or press Play "
            f"(Space) to see {'it' if ties == 1 else 'them'} change.")


class EventlessNote(QObject):
    """The note over the timeline's plot, shown for a dataset of no events."""

    def __init__(self, state: ViewState, plot: QWidget) -> None:
        super().__init__(plot)
        self.state, self.plot = state, plot
        self.label = QLabel(plot)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # the plot keeps its clicks
        self.label.hide()
        plot.installEventFilter(self)
        state.dataset_changed.connect(self.show_for)
        follow(self.set_theme)
        self.show_for(state.dataset)

    def show_for(self, dataset: Dataset) -> None:
        """Say what the timeline of ``dataset`` lacks, or nothing."""
        text = eventless_text(dataset)
        self.label.setText(text)
        self.label.setVisible(bool(text))
        self._place()

    def set_theme(self, theme: Theme) -> None:
        """The note in the theme's muted axis colour, on the labels' backing: the cursor line crosses the plot behind
        it, and ran through its words."""
        self.label.setStyleSheet(f"color: {theme.axis_text}; background: {theme.label_back}; border-radius: 4px; "
                                 "padding: 4px 8px;")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Keep the note in the middle of the plot as it is resized."""
        if watched is self.plot and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        width = min(self.plot.width() - 40, 460)
        self.label.setGeometry((self.plot.width() - width) // 2, self.plot.height() // 2 - 50, max(width, 40), 100)
