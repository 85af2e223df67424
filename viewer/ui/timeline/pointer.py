"""The mouse over the timeline: hover (the bold label and a tooltip), clicks on marks and on "n events"
badges; a click elsewhere goes to the lane gestures."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QPointF
from PySide6.QtWidgets import QToolTip

from viewer.model import navigation
from viewer.model.window import TimeWindow
from viewer.ui.shared.state import Selection

if TYPE_CHECKING:
    from viewer.ui.timeline.panel import TimelinePanel


class Pointer(QObject):
    """Turns the mouse over a timeline panel's plot into hover, selection and window changes."""

    def __init__(self, panel: TimelinePanel) -> None:
        super().__init__(panel)
        self.panel = panel
        panel.plot.scene().sigMouseMoved.connect(self._on_moved)
        panel.plot.scene().sigMouseClicked.connect(self._on_clicked)
        panel.plot.viewport().installEventFilter(self)

    def _on_moved(self, scene_pos: QPointF) -> None:
        panel, state = self.panel, self.panel.state
        inside = panel.view.sceneBoundingRect().contains(scene_pos)
        event_id = panel.event_at(scene_pos) if inside else None
        if event_id != state.hover and event_id is not None:
            global_pos = panel.plot.mapToGlobal(panel.plot.mapFromScene(scene_pos))
            QToolTip.showText(global_pos, panel.tooltip(event_id), panel.plot)
        elif event_id is None and state.hover is not None:
            QToolTip.hideText()
        state.set_hover(event_id)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The mouse leaving the plot ends the hover (its bold label and tooltip go)."""
        if event.type() == QEvent.Type.Leave and self.panel.state.hover is not None:
            QToolTip.hideText()
            self.panel.state.set_hover(None)
        return super().eventFilter(watched, event)

    def _on_clicked(self, event: object) -> None:
        panel, state = self.panel, self.panel.state
        pos = event.scenePos()  # type: ignore[attr-defined]
        left = event.button() == pg.QtCore.Qt.MouseButton.LeftButton  # type: ignore[attr-defined]
        inside = left and panel.view.sceneBoundingRect().contains(pos)
        badge = panel.items.badge_at(pos) if inside else None
        if badge is not None:
            t0, t1, piled = badge
            if len(piled):  # "+4": the events at one instant under a title, selected (Details lists them)
                state.select(Selection(events=frozenset(panel.ids_of(piled.tolist()))))
            else:  # "14 events": show them, with room for their labels
                pad = max((t1 - t0) * 0.2, navigation.scale(state.dataset).margin)
                state.set_window(navigation.clamp(TimeWindow(t0 - pad, t1 + pad), state.dataset))
            event.accept()  # type: ignore[attr-defined]
            return
        event_id = panel.event_at(pos) if inside else None
        if event_id is not None:  # a click on empty space keeps the selection
            state.select_event(event_id)
        elif panel.lanes.clicked(event):
            event.accept()  # type: ignore[attr-defined]
