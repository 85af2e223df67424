"""The history of the selected relation: its value over time as a step chart, with each step's source.

Selecting an edge (anywhere: graph, table, diff list) shows every relation with the same source,
target and kind as steps; bounds known only to the month or year are drawn as hatched spans; the
time cursor is a vertical line. Below the chart each step lists its dates, value and source link,
which opens in the browser only when clicked, and only for http(s).

Values read as the graph and the table read them (:mod:`viewer.model.history_values`): ``25–50%`` and ``>75%`` as
written, drawn as the shaded range they name, ``46`` for a supplier tie; the value axis says ``%`` only for a share,
with no SI scaling (0.0001 stays 0.0001); labels that would cover one another are left to the list.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from viewer.model.clock import CALENDAR
from viewer.model.dates import to_seconds
from viewer.model.graph_history import HistorySteps, history_steps, step_path
from viewer.model.history_values import NO_VALUE, StepValues, kept, step_values
from viewer.model.query import history
from viewer.ui.relations.tips import isolated
from viewer.ui.shared.date_axis import DateAxis
from viewer.ui.shared.link_cell import open_link, safe, short_url, style_link
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, colour_plot, current, follow, qcolor

SINCE, UNTIL, VALUE, SOURCE = range(4)
YEAR = 365.25 * 86400.0


def _empty() -> HistorySteps:
    none = np.zeros(0)
    return HistorySteps((), none, none, none, (), (), (), (), np.zeros((0, 2)))


NOTHING = StepValues((), np.zeros(0), np.zeros(0), "")


class HistoryPanel(QWidget):
    """The selected relation's value over time, the cursor on it, and each step's source one click away."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.key: tuple[str, str, str] | None = None
        self.steps = _empty()
        self.shown = NOTHING  # each step's value as text, and the range a band names
        self.chosen: int | None = None  # the selected step
        self.theme = current()
        self.title = QLabel("Select an edge in the relationship graph to see its history.", self)
        self.title.setStyleSheet("font-weight: 600;")
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # names as written: "<b>x</b>" is no bold "x"
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(1)  # a kind of no spaces wraps nowhere: 3,000 letters made the window 24,000 px
        self.plot = _plot()
        self.fuzzy_item = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[], pen=pg.mkPen(None))
        self.bands_item = pg.BarGraphItem(x0=[], x1=[], y0=[], y1=[])  # a band or a bound: the range it names
        self.curve = pg.PlotDataItem()
        self.selected_curve = pg.PlotDataItem()
        self.cursor_line = pg.InfiniteLine(angle=90, movable=False)
        self.values_item = pg.ScatterPlotItem(size=7)
        self._marks: list[tuple[float, float, str, bool]] = []  # each value's text: where, what, inside a range
        self._labels: dict[int, pg.TextItem] = {}  # the marks' labels made so far: only those ever shown
        self._sizes: dict[str, tuple[float, float]] = {}  # a text's size in pixels, measured once
        self._probe = pg.TextItem()  # (never drawn: it measures)
        for item in (self.fuzzy_item, self.bands_item, self.selected_curve, self.curve, self.values_item,
                     self.cursor_line):
            self.plot.addItem(item)
        self.plot.scene().sigMouseClicked.connect(self._on_plot_click)
        self.plot.getViewBox().sigRangeChanged.connect(self._space_labels)
        self.plot.getViewBox().sigResized.connect(self._space_labels)
        self.list = QTreeWidget(self)
        self.list.setHeaderLabels(["Since", "Until", "Value", "Source"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        header = self.list.header()
        for column in (SINCE, UNTIL, VALUE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SOURCE, QHeaderView.ResizeMode.Stretch)
        self.list.itemClicked.connect(self._on_item_clicked)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.addWidget(self.plot)
        splitter.addWidget(self.list)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addWidget(self.title)
        layout.addWidget(splitter, 1)
        self.splitter = splitter
        state.changed.connect(self._on_changed)
        self._on_cursor(state.cursor)
        self._on_selection(state.selection)
        self.splitter.setVisible(self.key is not None)
        follow(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """Re-colour the chart (background, axes, steps, hatching, cursor) and the source links."""
        self.theme = theme
        self.title.setStyleSheet(f"font-weight: 600; color: {theme.text};")
        colour_plot(self.plot, theme)
        self.fuzzy_item.setOpts(brush=QBrush(qcolor(theme.muted, 140), Qt.BrushStyle.BDiagPattern))
        self.selected_curve.setPen(pg.mkPen(theme.highlight, width=5))
        self.cursor_line.setPen(pg.mkPen(theme.cursor, width=1.5, style=Qt.PenStyle.DashLine))
        self.values_item.setPen(pg.mkPen(theme.background))
        self._draw()
        for item in _items(self.list):
            if safe(item.text(SOURCE)):
                item.setForeground(SOURCE, QBrush(QColor(theme.link)))

    def values(self) -> list[float]:
        """The values of the steps shown, oldest first (for tests)."""
        return [float(v) for v in self.steps.values]

    def show_relation(self, relation_id: str | None) -> None:
        """Show the history of the relation ``relation_id`` belongs to (None: nothing)."""
        rows = self.state.dataset.relations
        match = rows[rows["id"] == relation_id] if relation_id else rows.iloc[0:0]
        if match.empty:
            self.key, self.steps, self.shown = None, _empty(), NOTHING
            self.title.setText("Select an edge in the relationship graph to see its history.")
            self.splitter.hide()  # an empty chart with made-up axes says nothing
            self._draw()
            return
        self.splitter.show()
        row = match.iloc[0]
        key = (str(row["source"]), str(row["target"]), str(row["kind"]))
        if key != self.key:
            self.key = key
            ds = self.state.dataset
            self.steps = history_steps(rows, *key, clock=ds.meta.clock)
            self.shown = step_values(history(rows, *key), key[2])
            count = len(self.steps)
            self.title.setText(f"{isolated(ds.entity_name(key[0]))} → {isolated(ds.entity_name(key[1]))} · "
                               f"{key[2].replace('_', ' ')} · {count} step{'s' if count != 1 else ''}")
            self._draw()
            self._fill_list()
        self._mark(str(relation_id))

    # drawing ------------------------------------------------------------------------------------

    def _span(self) -> tuple[float, float]:
        """Where open bounds are drawn from and to: a little beyond the known dates, the window and cursor."""
        known = np.concatenate([self.steps.starts, self.steps.ends, self.steps.fuzzy.ravel()])
        known = known[np.isfinite(known)]
        window = self.state.window
        cursor = float(to_seconds(self.state.cursor))
        lo = float(known.min()) if len(known) else min(window.start, cursor)
        hi = max(window.end, cursor, float(known.max()) if len(known) else window.end)
        reach = YEAR if self.state.dataset.meta.clock == CALENDAR else max(hi - lo, 1.0) * 0.1  # numbers: a tenth
        first = lo - (reach if np.isnan(self.steps.starts).any() else 0.0)
        return first, hi + reach

    def _path(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The step line's ``x, y, connect``, with no run at a band's or a bound's number (its range is drawn)."""
        x, y, connect = step_path(self.steps, *self._span())
        ranged = np.flatnonzero(self.shown.ranged)
        for at in (2 * ranged, 2 * ranged - 1, 2 * ranged + 1):  # its run, and the risers into and out of it
            connect[at[(at >= 0) & (at < len(connect))]] = False
        return x, y, connect

    def _draw(self) -> None:
        self.plot.getAxis("bottom").set_clock(self.state.dataset.meta.clock)
        for label in self._labels.values():
            self.plot.removeItem(label)
        self._labels, self._marks = {}, []
        steps = self.steps
        if not len(steps):
            self.curve.setData([], [])
            self.selected_curve.setData([], [])
            self.values_item.setData([], [])
            for bars in (self.fuzzy_item, self.bands_item):
                bars.setOpts(x0=[], x1=[], y0=[], y1=[])
            self.plot.getAxis("left").setStyle(showValues=False)
            self.plot.setLabel("left", "")
            self.plot.setXRange(self.state.window.start, self.state.window.end, padding=0.02)
            self.plot.setYRange(0, 1, padding=0)
            return
        first, last = self._span()
        x, y, connect = self._path()
        color = self.theme.edge(self.key[2] if self.key else "")
        self.curve.setData(x, y, connect=connect)
        self.curve.setPen(pg.mkPen(color, width=2.5))
        bottom, top = self._value_range(y)
        if len(steps.fuzzy):
            self.fuzzy_item.setOpts(x0=steps.fuzzy[:, 0], x1=steps.fuzzy[:, 1], y0=np.full(len(steps.fuzzy), bottom),
                                    y1=np.full(len(steps.fuzzy), top))
        else:
            self.fuzzy_item.setOpts(x0=[], x1=[], y0=[], y1=[])
        self._draw_values(x, y, color)
        self.plot.getAxis("left").setStyle(showValues=steps.has_values)
        self.plot.setLabel("left", self.shown.unit if steps.has_values else NO_VALUE)
        # no label spaced between the two: with the time axis set and the values' still 0-1, every one had room
        self._marks, marks = [], self._marks
        self.plot.setXRange(first, last, padding=0.02)
        self.plot.setYRange(bottom, top, padding=0)
        self._marks = marks
        self._space_labels()

    def _value_range(self, y: np.ndarray) -> tuple[float, float]:
        """The value axis's span: from 0 (or below it) to a little above the highest value or range, for its label."""
        if not self.steps.has_values:
            return 0.0, 1.5
        known = np.concatenate([y, self.shown.lows, self.shown.highs])
        known = known[np.isfinite(known)]
        peak, lowest = float(known.max()), float(known.min())
        top = peak * 1.3 if peak > 0 else 1.0
        if self.shown.unit == "%":
            top = min(top, max(peak * 1.15, 115.0))  # (a share's 100%: no axis running on to 130)
        return min(0.0, lowest * 1.3), top

    def _draw_values(self, x: np.ndarray, y: np.ndarray, color: str) -> None:
        """A dot and the value as text on each step, and a band's or a bound's range shaded with its text inside."""
        ranged, shown = self.shown.ranged, self.shown
        mids = (x[0::2] + x[1::2]) / 2
        dots = ~ranged & np.isfinite(self.steps.values)
        self.values_item.setData(mids[dots], y[0::2][dots], brush=pg.mkBrush(color))
        self.bands_item.setOpts(x0=x[0::2][ranged], x1=x[1::2][ranged], y0=shown.lows[ranged],
                                y1=shown.highs[ranged], brush=pg.mkBrush(qcolor(color, 70)),
                                pen=pg.mkPen(color, width=1.5))
        at = np.where(ranged, (shown.lows + shown.highs) / 2, self.steps.values)  # a range's text inside it
        marks = zip(mids, at, shown.texts, ranged, strict=True)
        self._marks = [(float(mx), float(value), text, bool(inside)) for mx, value, text, inside in marks
                       if np.isfinite(value)]

    def _label(self, mark: int) -> pg.TextItem:
        """The label of a value, made the first time it is shown (1,000 ties of one pair made 1,000 labels, of which
        some 40 found room: a click on the edge froze the window for a second)."""
        if (label := self._labels.get(mark)) is None:
            x, value, text, inside = self._marks[mark]
            label = pg.TextItem(text, color=self.theme.text, anchor=(0.5, 0.5 if inside else 1.15),
                                fill=qcolor(self.theme.background, 170))  # (read over the other lines)
            label.setPos(x, value)
            self.plot.addItem(label)
            self._labels[mark] = label
        return label

    def _size(self, text: str) -> tuple[float, float]:
        """A value's text in pixels, as its label draws it."""
        if text not in self._sizes:
            self._probe.setText(text)
            size = self._probe.textItem.boundingRect()
            self._sizes[text] = (size.width(), size.height())
        return self._sizes[text]

    def _space_labels(self) -> None:
        """Show the value labels that cover no other (the selected step's first, then oldest first); the list below
        names every value (parallel ties of one kind drew their numbers over each other)."""
        if not self._marks:
            return
        box = self.plot.getViewBox()
        into = box.childTransform() * box.sceneTransform()  # view to scene, as mapViewToScene (no rotation, no shear)
        order = sorted(range(len(self._marks)), key=lambda i: (i != self.chosen, i))
        boxes = np.zeros((len(order), 4))
        for row, i in enumerate(order):
            x, value, text, inside = self._marks[i]
            width, height = self._size(text)
            left = into.m11() * x + into.m31() - 0.5 * width
            top = into.m22() * value + into.m32() - (0.5 if inside else 1.15) * height
            boxes[row] = (left, top, left + width, top + height)
        for i, shown in zip(order, kept(boxes), strict=True):
            if shown or i in self._labels:
                self._label(i).setVisible(bool(shown))

    def drawn_labels(self) -> list[tuple[str, QRectF]]:
        """The value labels the chart shows and where (scene rectangles), oldest step first (for tests)."""
        return [(label.textItem.toPlainText(), label.sceneBoundingRect()) for _, label in sorted(self._labels.items())
                if label.isVisible()]

    def _fill_list(self) -> None:
        self.list.clear()
        steps = self.steps
        for i in range(len(steps)):
            url = steps.urls[i]
            item = QTreeWidgetItem([steps.since[i] or "(earlier)", steps.until[i] or "(open)", self.shown.texts[i],
                                    short_url(url) if safe(url) else (url or "—")])
            item.setData(SOURCE, Qt.ItemDataRole.UserRole, url)
            item.setData(SINCE, Qt.ItemDataRole.UserRole, steps.ids[i])
            if safe(url):
                style_link(item, SOURCE, self.theme.link, f"Open in your browser: {url}")
            self.list.addTopLevelItem(item)

    def _mark(self, relation_id: str) -> None:
        """Emphasise the selected step in the chart (a band's range outlined) and the list."""
        index = self.steps.ids.index(relation_id) if relation_id in self.steps.ids else None
        self.chosen = index
        if index is None:
            self.selected_curve.setData([], [])
        elif self.shown.ranged[index]:
            x, _, _ = self._path()
            a, b, low, high = x[2 * index], x[2 * index + 1], self.shown.lows[index], self.shown.highs[index]
            self.selected_curve.setData([a, b, b, a, a], [low, low, high, high, low])
        else:
            x, y, _ = self._path()
            self.selected_curve.setData(x[2 * index:2 * index + 2], y[2 * index:2 * index + 2])
        self._space_labels()
        self.list.blockSignals(True)
        for i, item in enumerate(_items(self.list)):
            item.setSelected(i == index)
        self.list.blockSignals(False)

    # reactions ----------------------------------------------------------------------------------

    def _on_changed(self, fields: frozenset[str]) -> None:
        if "dataset" in fields:
            self.show_relation(None)
        if "cursor" in fields:
            self._on_cursor(self.state.cursor)
        if "selection" in fields:
            self._on_selection(self.state.selection)

    def _on_selection(self, selection: Selection) -> None:
        if len(selection.relations) == 1:
            self.show_relation(next(iter(selection.relations)))
        elif self.key is not None:
            self._mark("")  # keep the chart: a click on an event should not wipe what was being read

    def _on_cursor(self, when: Any) -> None:
        self.cursor_line.setPos(float(to_seconds(when)))

    def _on_item_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        relation_id = str(item.data(SINCE, Qt.ItemDataRole.UserRole))
        url = str(item.data(SOURCE, Qt.ItemDataRole.UserRole) or "")
        if column == SOURCE and safe(url):
            open_link(url, self)
        self.state.select(Selection(relations=frozenset({relation_id})))

    def _on_plot_click(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not len(self.steps):
            return
        point: QPointF = self.plot.getViewBox().mapSceneToView(event.scenePos())
        index = self.steps.index_at(float(point.x()))
        if index is not None:
            self.state.select(Selection(relations=frozenset({self.steps.ids[index]})))


def _plot() -> pg.PlotWidget:
    """The chart: dates across, values up (as values: no SI prefix, "100" with "(x1e-06)"), panned only in time."""
    plot = pg.PlotWidget(axisItems={"bottom": DateAxis(relabel=False)})
    plot.setAccessibleName("Relation history chart")
    plot.setMenuEnabled(False)
    plot.hideButtons()
    plot.showGrid(x=True, y=True, alpha=0.15)
    plot.setMouseEnabled(x=True, y=False)
    plot.getAxis("left").enableAutoSIPrefix(False)
    return plot


def _items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    """The top-level items of a tree, in order."""
    return [item for i in range(tree.topLevelItemCount()) if (item := tree.topLevelItem(i)) is not None]

