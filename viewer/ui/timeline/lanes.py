"""Lanes on the timeline: their colours, their names on the left axis, and gestures (click a lane's name to
collapse it, right-click for a menu)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction, QColor, QCursor, QFont, QFontMetricsF
from PySide6.QtWidgets import QGraphicsItem, QMenu

from viewer.model import lane_packing
from viewer.ui.shared.theme import Theme

if TYPE_CHECKING:
    from viewer.ui.timeline.panel import TimelinePanel

COLLAPSED_MARK = "▸ "
LANE_LABEL_MAX_PX = 210.0
AXIS_TIP = "Click a lane's name to collapse or expand it; right-click a lane for more"


def lane_colours(keys: tuple[str, ...], entities: pd.DataFrame, theme: Theme) -> list[QColor]:
    """A colour per lane: the entity's own colour when the dataset gives one, else the theme's lane palette."""
    own: dict[str, object] = {}
    if "color" in entities:  # (only the lanes' own: a register's 126,000 entities read one by one took 0.2 s)
        mine = entities.loc[entities["id"].isin(list(keys)), ["id", "color"]]
        own = dict(zip(mine["id"].astype(str).tolist(), mine["color"].astype(object).tolist(), strict=True))
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


def cursor_strip(px: float, label_px: float) -> float:
    """Pixels kept under the lanes for the cursor's date label (``label_px`` high, standing 0.5 % of the plot's
    height ``px`` above the axis: ``CursorLine``), however few the lanes' rows (one lane's were stretched to leave
    40 % of the plot empty) or many (the label covered the last lane's marks).

    >>> cursor_strip(400.0, 20.0)  # the lanes' rows get the other 376 px
    24.0
    """
    return min(label_px + 0.005 * px + 2.0, px / 3)


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


class LaneNames:
    """The lanes' names on the left axis, elided, as many as fit the panel's height."""

    def __init__(self, axis: Any, view: Any) -> None:
        self.axis = axis
        self.view = view
        self._ticks: tuple[list[float], list[str], float] = ([], [], 1.0)  # lane centres, names, line height
        # the names change with the lanes, not with time: kept as a pixmap between pans, and dropped whole on a new
        # size (Qt drops a cache only when its mode changes: the window shrunk then grown again showed pieces of
        # names cut at the small size, at other heights, until the theme changed)
        axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        axis.geometryChanged.connect(self._cache_anew)

    def _cache_anew(self) -> None:
        self.axis.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        self.axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)

    def set(self, labels: tuple[str, ...], tops: np.ndarray, collapsed: np.ndarray) -> None:
        """New lanes (``tops``: each lane's top and the last one's bottom, in rows); the axis widens to the
        longest name."""
        metrics = QFontMetricsF(self.axis.style.get("tickFont") or QFont())
        names = [metrics.elidedText((COLLAPSED_MARK if collapsed[i] else "") + label,
                                    Qt.TextElideMode.ElideRight, LANE_LABEL_MAX_PX)
                 for i, label in enumerate(labels)]
        self._ticks = ([(float(tops[i]) + float(tops[i + 1])) / 2 for i in range(len(names))], names,
                       metrics.height())
        self.show()
        widest = max((metrics.horizontalAdvance(name) for name in names), default=40.0)
        self.axis.setWidth(int(widest) + 18)

    def show(self) -> None:
        """As many names as fit: with more lanes than lines of text, every other (or third…) name is left
        out rather than drawn over its neighbours."""
        centres, names, line = self._ticks
        _x, (y0, y1) = self.view.viewRange()
        px = self.view.height() / max(y1 - y0, 1e-9)
        shown: list[tuple[float, str]] = []
        for centre, name in zip(centres, names, strict=True):
            if not shown or abs(centre - shown[-1][0]) * px >= line:
                shown.append((centre, name))
        self.axis.setTicks([shown, []])
