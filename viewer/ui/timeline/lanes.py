"""Lanes on the timeline: their colours, and gestures (click a lane's name to collapse it, right-click for a menu)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QCursor
from PySide6.QtWidgets import QMenu

from viewer.model import lane_packing
from viewer.ui.shared.theme import Theme

if TYPE_CHECKING:
    from viewer.ui.timeline.panel import TimelinePanel

COLLAPSED_MARK = "▸ "
AXIS_TIP = "Click a lane's name to collapse or expand it; right-click a lane for more"


def lane_colours(keys: tuple[str, ...], entities: pd.DataFrame, theme: Theme) -> list[QColor]:
    """A colour per lane: the entity's own colour when the dataset gives one, else the theme's lane palette."""
    own = dict(zip(entities["id"], entities["color"], strict=True)) if "color" in entities else {}
    colours = []
    for i, key in enumerate(keys):
        given = str(own.get(key) or "")
        if key == lane_packing.OTHER:
            colours.append(QColor(theme.other_lane))
        elif given and QColor.isValidColorName(given):
            colours.append(QColor(given))
        else:
            colours.append(QColor(theme.lane(i)))
    return colours


class LaneControls:
    """Turns clicks on the lane axis and right-clicks in a lane into the panel's lane calls."""

    def __init__(self, panel: TimelinePanel) -> None:
        self.panel = panel
        self.menu: QMenu | None = None
        panel.plot.getAxis("left").setToolTip(AXIS_TIP)

    def lane_at(self, scene_pos: QPointF) -> int | None:
        """The lane under a scene position (on the plot or on the lane axis), or None."""
        panel = self.panel
        bands = panel.items.marks.bands
        if not bands:
            return None
        y = panel.view.mapSceneToView(scene_pos).y()
        tops = np.array([top for top, _ in bands] + [bands[-1][1]])
        lane = int(np.searchsorted(tops, y, side="right")) - 1
        return lane if 0 <= lane < len(bands) else None

    def on_axis(self, scene_pos: QPointF) -> bool:
        """True when a scene position is on the lane names."""
        return bool(self.panel.plot.getAxis("left").sceneBoundingRect().contains(scene_pos))

    def clicked(self, event: Any) -> bool:
        """Handle a scene click; True when it was a lane gesture (the panel then ignores it)."""
        pos = event.scenePos()
        lane = self.lane_at(pos)
        if lane is None:
            return False
        if event.button() == Qt.MouseButton.LeftButton and self.on_axis(pos):
            self.panel.toggle_lane(self.panel.lane_keys()[lane])
            return True
        if event.button() == Qt.MouseButton.RightButton:
            self.menu = self.build_menu(lane)
            self.menu.popup(QCursor.pos())
            return True
        return False

    def build_menu(self, lane: int) -> QMenu:
        """The context menu for one lane: collapse or expand it, expand all, hide non-matching events."""
        panel = self.panel
        key, label = panel.lane_keys()[lane], panel.lane_labels()[lane]
        menu = QMenu(panel)
        collapsed = key in panel.collapsed
        toggle = QAction(f"{'Expand' if collapsed else 'Collapse'} “{label}”", menu)
        toggle.triggered.connect(lambda _checked=False: panel.toggle_lane(key))
        others = QAction("Collapse the other lanes", menu)
        others.triggered.connect(lambda _checked=False: panel.set_collapsed(set(panel.lane_keys()) - {key}))
        expand = QAction("Expand all lanes", menu)
        expand.setEnabled(bool(panel.collapsed))
        expand.triggered.connect(lambda _checked=False: panel.set_collapsed(set()))
        hide = QAction("Hide events that do not match the filters", menu)
        hide.setCheckable(True)
        hide.setChecked(panel.hide_unmatched)
        hide.toggled.connect(panel.set_hide_unmatched)
        for action in (toggle, others, expand):
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(hide)
        return menu
