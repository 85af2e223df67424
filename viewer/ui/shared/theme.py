"""The look: light and dark colours for every panel, the Qt palette behind them, and live switching.

``apply(app, choice)`` sets the application's palette for ``"system"``, ``"light"`` or ``"dark"``;
``current()`` reads the palette back as a :class:`Theme`; the one :func:`watcher` emits the new
Theme whenever the palette or the desktop's colour scheme changes, so panels re-colour live::

    theme.follow(self.set_theme)  # calls set_theme(current()) now and on every change

Data colours are Okabe–Ito based (distinguishable with the common colour-vision deficiencies),
shifted in lightness per theme so each keeps at least 3:1 contrast against the background.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

from viewer.ui.shared.framed_style import FramedFusion

CHOICES = ("system", "light", "dark")
CHOICE_PROPERTY = "enteneThemeChoice"  # the app remembers the choice, so a scheme change can re-apply it
STYLE_PROPERTY = "enteneNativeStyle"  # the style the platform gave us, restored when going back to "system"


@dataclass(frozen=True)
class Theme:
    """Every colour the panels draw with, as ``#RRGGBB`` (alphas are the drawing code's business)."""

    name: str  # "light" or "dark"
    background: str  # plots and canvases
    band: str  # every other timeline lane
    text: str
    muted: str  # faded labels (events the filters do not match)
    axis_text: str  # tick labels, legend text, secondary notes
    grid: str  # axis lines and grid
    cursor: str  # the as-of line and its date label's backing
    cursor_text: str
    accent: str  # hover, rubber band, overview region
    highlight: str  # selection glow and rings
    outline: str  # the edge of a selected mark or ring
    label_back: str  # backing behind labels that cross marks and lines
    link: str
    error: str
    error_back: str
    lanes: tuple[str, ...]
    other_lane: str
    nodes: dict[str, str] = field(hash=False)  # entity kind → colour
    other_node: str
    edges: dict[str, str] = field(hash=False)  # relation kind → colour
    other_edge: str
    changes: dict[str, str] = field(hash=False)  # diff mode: added / removed / changed

    @property
    def dark(self) -> bool:
        """True for a dark background."""
        return luminance(self.background) < 0.5

    def lane(self, i: int) -> str:
        """The palette colour of the ``i``-th lane (the palette repeats)."""
        return self.lanes[i % len(self.lanes)]

    def node(self, kind: str) -> str:
        """The colour of an entity kind."""
        return self.nodes.get(kind, self.other_node)

    def edge(self, kind: str, change: str = "") -> str:
        """The colour of a relation kind, or of its change in diff mode."""
        return self.changes.get(change) or self.edges.get(kind, self.other_edge)


# Okabe–Ito as published, then the per-theme variants (HLS lightness moved until 3:1 on the lane band).
OKABE_ITO = {"black": "#000000", "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
             "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7"}
_ON_LIGHT = {**OKABE_ITO, "orange": "#B87F00", "sky": "#1C93D7", "yellow": "#978E0C", "purple": "#C86EA0",
             "grey": "#5A5A5A"}
_ON_DARK = {**OKABE_ITO, "blue": "#1A85CC", "grey": "#A9AEB5"}
_LANE_ORDER = ("blue", "vermillion", "green", "purple", "orange", "sky", "yellow", "grey")
_NODE_KINDS = {"company": "blue", "government": "vermillion", "business_unit": "green", "trust": "sky",
               "person": "purple"}
_CHANGES = {"added": "green", "removed": "vermillion", "changed": "orange"}


def _lanes(oi: dict[str, str]) -> tuple[str, ...]:
    return tuple(oi[k] for k in _LANE_ORDER)


def _nodes(oi: dict[str, str]) -> dict[str, str]:
    return {kind: oi[k] for kind, k in _NODE_KINDS.items()}


def _edges(oi: dict[str, str], equity: str, partnership: str) -> dict[str, str]:
    # stakes in near-text grey and partnerships in a light grey: the line styles tell them apart too
    return {"equity_stake": equity, "government_stake": oi["vermillion"], "joint_venture": oi["blue"],
            "partnership": partnership, "leadership": oi["purple"]}


def _changes(oi: dict[str, str]) -> dict[str, str]:
    return {change: oi[k] for change, k in _CHANGES.items()}


LIGHT = Theme(name="light", background="#FFFFFF", band="#F4F6F9", text="#1F2328", muted="#A0A4AA",
              axis_text="#57606A", grid="#D0D7DE", cursor="#1F2328", cursor_text="#FFFFFF", accent="#0969DA",
              highlight=OKABE_ITO["orange"], outline="#111111", label_back="#FFFFFF", link="#0B57D0",
              error="#CF222E", error_back="#FFEBE9", lanes=_lanes(_ON_LIGHT), other_lane="#8C8C8C",
              nodes=_nodes(_ON_LIGHT), other_node=_ON_LIGHT["orange"], edges=_edges(_ON_LIGHT, "#333333", "#8C8C8C"),
              other_edge="#707070", changes=_changes(_ON_LIGHT))
DARK = Theme(name="dark", background="#1A1C20", band="#222529", text="#E3E6EA", muted="#6E757D",
             axis_text="#A4ABB4", grid="#3D424A", cursor="#E3E6EA", cursor_text="#1A1C20", accent="#4493F8",
             highlight=OKABE_ITO["orange"], outline="#F2F4F6", label_back="#1A1C20", link="#6CB0FF",
             error="#F85149", error_back="#3C1E22", lanes=_lanes(_ON_DARK), other_lane="#80868E",
             nodes=_nodes(_ON_DARK), other_node=_ON_DARK["orange"], edges=_edges(_ON_DARK, "#C9CDD2", "#80868E"),
             other_edge="#9AA0A6", changes=_changes(_ON_DARK))
PRESETS = {"light": LIGHT, "dark": DARK}

# The widgets' colours for a forced scheme (Fusion draws every control from these).
_CHROME = {
    "light": {"Window": "#EFF1F3", "WindowText": "#1F2328", "Base": "#FFFFFF", "AlternateBase": "#F4F6F9",
              "Text": "#1F2328", "Button": "#EFF1F3", "ButtonText": "#1F2328", "PlaceholderText": "#6E7781",
              "ToolTipBase": "#FFFFFF", "ToolTipText": "#1F2328", "Highlight": "#0969DA",
              "HighlightedText": "#FFFFFF", "Link": "#0B57D0", "LinkVisited": "#8250DF", "BrightText": "#CF222E",
              "Light": "#FFFFFF", "Midlight": "#E4E6EA", "Mid": "#B8BCC2", "Dark": "#8C9096", "Shadow": "#5A5E63",
              "Accent": "#0969DA", "disabled": "#8C959F"},
    "dark": {"Window": "#25272C", "WindowText": "#E3E6EA", "Base": "#1A1C20", "AlternateBase": "#222529",
             "Text": "#E3E6EA", "Button": "#34373D", "ButtonText": "#E3E6EA", "PlaceholderText": "#80868E",
             "ToolTipBase": "#2F3237", "ToolTipText": "#E3E6EA", "Highlight": "#2F6FD0",
             "HighlightedText": "#FFFFFF", "Link": "#6CB0FF", "LinkVisited": "#C29BFF", "BrightText": "#FF7B72",
             "Light": "#3A3D43", "Midlight": "#33363B", "Mid": "#2A2C31", "Dark": "#141518", "Shadow": "#000000",
             "Accent": "#4493F8", "disabled": "#6E757D"},
}
_DISABLED = ("WindowText", "Text", "ButtonText", "PlaceholderText", "HighlightedText")


def _linear(channel: float) -> float:
    return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4


def luminance(colour: str) -> float:
    """WCAG relative luminance of a colour (0 black … 1 white)."""
    c = QColor(colour)
    return 0.2126 * _linear(c.redF()) + 0.7152 * _linear(c.greenF()) + 0.0722 * _linear(c.blueF())


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio between two colours (1 … 21)."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def mix(a: str, b: str, t: float) -> str:
    """``a`` moved a fraction ``t`` towards ``b``, as ``#RRGGBB``."""
    ca, cb = QColor(a), QColor(b)
    return QColor.fromRgbF((1 - t) * ca.redF() + t * cb.redF(), (1 - t) * ca.greenF() + t * cb.greenF(),
                           (1 - t) * ca.blueF() + t * cb.blueF()).name().upper()


def qcolor(colour: str, alpha: int = 255) -> QColor:
    """A QColor with the given alpha (0–255)."""
    c = QColor(colour)
    c.setAlpha(alpha)
    return c


def colour_plot(plot: pg.PlotWidget, theme: Theme, axes: tuple[str, ...] = ("bottom", "left")) -> None:
    """A pyqtgraph plot's background, axis lines and tick labels in the theme's colours."""
    plot.setBackground(theme.background)
    for name in axes:
        plot.getAxis(name).setTextPen(pg.mkPen(theme.axis_text))
        plot.getAxis(name).setPen(pg.mkPen(theme.grid))


def palette_for(name: str) -> QPalette:
    """The QPalette of a forced light or dark scheme: windows, text, menus, docks, tables, tooltips."""
    chrome = _CHROME[name]
    palette = QPalette()
    for role, colour in chrome.items():
        if role != "disabled":
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
    for role in _DISABLED:
        palette.setColor(QPalette.ColorGroup.Disabled, getattr(QPalette.ColorRole, role), QColor(chrome["disabled"]))
    return palette


def from_palette(palette: QPalette) -> Theme:
    """The Theme for a palette: our preset for its lightness, on the palette's own background and text."""
    base = palette.color(QPalette.ColorRole.Base).name().upper()
    text = palette.color(QPalette.ColorRole.Text).name().upper()
    preset = DARK if luminance(base) < 0.5 else LIGHT
    if (base, text) == (preset.background, preset.text):
        return preset
    # a platform palette (system scheme): panels sit on its Base so they match the tables and fields
    return replace(preset, background=base, text=text, label_back=base, band=mix(base, text, 0.05),
                   muted=mix(text, base, 0.55), cursor=text, cursor_text=base,
                   link=palette.color(QPalette.ColorRole.Link).name().upper())


def current() -> Theme:
    """The Theme of the application's palette now."""
    return from_palette(QGuiApplication.palette())


def choice(app: QGuiApplication | None = None) -> str:
    """The choice last applied (``system`` when none was)."""
    app = app or QGuiApplication.instance()  # type: ignore[assignment]
    value = app.property(CHOICE_PROPERTY) if app is not None else None
    return str(value) if value in CHOICES else "system"


def apply(app: QApplication, choice: str) -> Theme:
    """Use the system scheme, or force light or dark (Fusion with our palette); returns the Theme now in use."""
    choice = choice if choice in CHOICES else "system"
    app.setProperty(CHOICE_PROPERTY, choice)
    if app.property(STYLE_PROPERTY) is None:
        app.setProperty(STYLE_PROPERTY, app.style().name())
    hints = app.styleHints()
    if choice == "system":
        hints.unsetColorScheme()  # the platform follows the desktop again (title bars, native dialogs)
        _set_style(app, str(app.property(STYLE_PROPERTY)))
        app.setPalette(QPalette())  # an empty palette hands control back to the platform's
        wanted = hints.colorScheme()
        platform_dark = from_palette(app.palette()).dark
        if wanted != Qt.ColorScheme.Unknown and (wanted == Qt.ColorScheme.Dark) != platform_dark:
            # the desktop says dark (or light) but the platform palette did not follow: paint it ourselves
            _force(app, "dark" if wanted == Qt.ColorScheme.Dark else "light")
    else:
        hints.setColorScheme(Qt.ColorScheme.Dark if choice == "dark" else Qt.ColorScheme.Light)
        _force(app, choice)
    return watcher().refresh()


def _force(app: QApplication, name: str) -> None:
    # Fusion draws every control from the palette, so dark is dark everywhere (native styles may not be); its
    # check boxes framed so that they show on a dark window (framed_style)
    if not isinstance(app.style(), FramedFusion):
        app.setStyle(FramedFusion())
    app.setPalette(palette_for(name))


def _set_style(app: QApplication, name: str) -> None:
    if app.style().name().lower() != name.lower():
        style = QStyleFactory.create(name)
        if style is not None:
            app.setStyle(style)


# Every mouse move reaches the plots. pyqtgraph's default drops a move that comes within 10 ms of the last,
# and with it, when the hand stops, the last position of a drag (a cursor flicked to the edge stopped short
# of it); the platform already merges moves while the application is busy.
PLOT_OPTIONS = {"antialias": True, "mouseRateLimit": 0}


class ThemeWatcher(QObject):
    """Emits ``changed(Theme)`` when the palette or the desktop's colour scheme changes (once per change)."""

    changed = Signal(object)

    def __init__(self, app: QGuiApplication) -> None:
        super().__init__(app)
        self.setObjectName("themeWatcher")
        self.theme = current()
        self._applying = False
        pg.setConfigOptions(**PLOT_OPTIONS, background=self.theme.background, foreground=self.theme.text)
        app.styleHints().colorSchemeChanged.connect(self._on_scheme)
        # an application-wide filter sees every event; it only compares the type, so it costs little
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Re-read the palette when the application's palette changed."""
        if event.type() == QEvent.Type.ApplicationPaletteChange and watched is QGuiApplication.instance():
            self.refresh()
        return False

    def refresh(self) -> Theme:
        """Read the theme; emit it if it differs from the last one; also set pyqtgraph's defaults."""
        theme = current()
        if theme != self.theme:
            self.theme = theme
            pg.setConfigOptions(**PLOT_OPTIONS, background=theme.background, foreground=theme.text)
            self.changed.emit(theme)
        return theme

    def _on_scheme(self, _scheme: Qt.ColorScheme) -> None:
        app = QGuiApplication.instance()
        if isinstance(app, QApplication) and choice(app) == "system" and not self._applying:
            self._applying = True  # apply() itself may make the platform report the scheme again
            try:
                apply(app, "system")
            finally:
                self._applying = False
        self.refresh()


_watcher: ThemeWatcher | None = None


def watcher() -> ThemeWatcher:
    """The application's one ThemeWatcher (made on first use)."""
    global _watcher  # noqa: PLW0603  # one per QApplication; tests make the app once per session
    app = QGuiApplication.instance()
    if _watcher is None or not shiboken6.isValid(_watcher) or _watcher.parent() is not app:
        _watcher = ThemeWatcher(app)  # type: ignore[arg-type]
    return _watcher


def follow(slot: Callable[[Theme], object]) -> Theme:
    """Call ``slot`` with the current theme now and with every new one (connect a QObject's method)."""
    watcher().changed.connect(slot)
    theme = watcher().theme
    slot(theme)
    return theme
