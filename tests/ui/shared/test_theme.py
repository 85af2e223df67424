"""The look: a real dark palette on demand, panels that re-colour live, a remembered choice, legible colours."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from viewer.model.dataset import Dataset
from viewer.ui.relations.panel import RelationshipPanel
from viewer.ui.shared import theme
from viewer.ui.shared.state import ViewState
from viewer.ui.shared.theme import DARK, LIGHT, Theme
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings
from viewer.ui.timeline.panel import TimelinePanel

MIN_DELTA_E = 12.0  # CIE76: clearly different colours side by side
MIN_CONTRAST = 3.0  # WCAG for graphical objects


@pytest.fixture(autouse=True)
def back_to_system(qapp: QApplication) -> Iterator[None]:
    """Every test leaves the application as it found it: following the system."""
    yield
    theme.apply(qapp, "system")


def _lab(colour: str) -> tuple[float, float, float]:
    c = QColor(colour)
    r, g, b = (theme._linear(v) for v in (c.redF(), c.greenF(), c.blueF()))
    xyz = ((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b,
           (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883)
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in xyz)
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def delta_e(a: str, b: str) -> float:
    """CIE76 colour difference."""
    return math.dist(_lab(a), _lab(b))


def _plot_background(widget: object) -> str:
    return str(widget.backgroundBrush().color().name().upper())  # type: ignore[attr-defined]


def test_choosing_dark_gives_the_application_a_dark_palette(qapp: QApplication) -> None:
    theme.apply(qapp, "dark")
    palette = qapp.palette()
    assert theme.luminance(palette.color(QPalette.ColorRole.Window).name()) < 0.05
    for background, text in ((QPalette.ColorRole.Base, QPalette.ColorRole.Text),
                             (QPalette.ColorRole.Button, QPalette.ColorRole.ButtonText),
                             (QPalette.ColorRole.ToolTipBase, QPalette.ColorRole.ToolTipText),
                             (QPalette.ColorRole.Window, QPalette.ColorRole.WindowText)):
        assert theme.contrast(palette.color(background).name(), palette.color(text).name()) >= 7.0
    assert theme.current() == DARK
    theme.apply(qapp, "light")
    assert theme.luminance(qapp.palette().color(QPalette.ColorRole.Window).name()) > 0.8
    assert theme.current() == LIGHT


def test_the_timeline_and_the_graph_follow_a_switch_to_dark_live(qtbot: QtBot, qapp: QApplication,
                                                                 alliance: Dataset) -> None:
    theme.apply(qapp, "light")
    state = ViewState(alliance)
    timeline, graph = TimelinePanel(state), RelationshipPanel(state)
    qtbot.addWidget(timeline)
    qtbot.addWidget(graph)
    assert _plot_background(timeline.plot) == LIGHT.background
    assert _plot_background(graph.canvas) == LIGHT.background
    with qtbot.waitSignal(theme.watcher().changed, timeout=1000) as emitted:
        theme.apply(qapp, "dark")
    assert emitted.args == [DARK]
    assert _plot_background(timeline.plot) == DARK.background
    assert _plot_background(graph.canvas) == DARK.background
    assert timeline.plot.getAxis("left").textPen().color().name().upper() == DARK.axis_text
    assert graph.nodes_item.theme == DARK and graph.canvas.labels_item.theme == DARK
    assert [c.name().upper() for c in timeline._colours[:3]] == list(DARK.lanes[:3])


def test_a_palette_change_from_the_desktop_recolours_the_panels_too(qtbot: QtBot, qapp: QApplication,
                                                                    alliance: Dataset) -> None:
    theme.apply(qapp, "light")
    timeline = TimelinePanel(ViewState(alliance))
    qtbot.addWidget(timeline)
    qapp.setPalette(theme.palette_for("dark"))  # what a platform theme does when the desktop turns dark
    assert _plot_background(timeline.plot) == DARK.background


def test_the_theme_menu_offers_system_light_and_dark_one_at_a_time(qtbot: QtBot, qapp: QApplication,
                                                                   alliance: Dataset, tmp_path: Path) -> None:
    window = MainWindow(ViewState(alliance), Settings(tmp_path / "entente.ini"))
    qtbot.addWidget(window)
    actions = [window.actions_by_name[f"theme_{key}"] for key in theme.CHOICES]
    group = actions[0].actionGroup()
    assert group is not None and group.isExclusive()
    assert all(a.actionGroup() is group and a.isCheckable() for a in actions)
    assert [a.isChecked() for a in actions] == [True, False, False]
    actions[2].trigger()
    assert [a.isChecked() for a in actions] == [False, False, True]
    assert _plot_background(window.timeline.plot) == DARK.background
    actions[1].trigger()
    assert [a.isChecked() for a in actions] == [False, True, False]
    assert _plot_background(window.relations.canvas) == LIGHT.background


def test_the_choice_is_remembered_in_the_settings(qtbot: QtBot, alliance: Dataset, tmp_path: Path) -> None:
    path = tmp_path / "entente.ini"
    window = MainWindow(ViewState(alliance), Settings(path))
    qtbot.addWidget(window)
    window.actions_by_name["theme_dark"].trigger()
    window.settings.sync()  # type: ignore[union-attr]
    assert Settings(path).theme() == "dark"


def test_an_unknown_choice_means_system(qapp: QApplication) -> None:
    theme.apply(qapp, "sepia")
    assert theme.choice(qapp) == "system"


@pytest.mark.parametrize("preset", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("palette", ["lanes", "nodes"])
def test_lane_and_kind_colours_are_far_apart(preset: Theme, palette: str) -> None:
    colours = [*preset.lanes, preset.other_lane] if palette == "lanes" else [
        *preset.nodes.values(), preset.other_node]
    closest = min(itertools.combinations(colours, 2), key=lambda pair: delta_e(*pair))
    assert delta_e(*closest) >= MIN_DELTA_E, closest


@pytest.mark.parametrize("preset", [LIGHT, DARK], ids=["light", "dark"])
def test_data_colours_stand_out_from_the_background_and_the_lane_bands(preset: Theme) -> None:
    colours = [*preset.lanes, preset.other_lane, *preset.nodes.values(), preset.other_node, *preset.edges.values(),
               preset.other_edge, *preset.changes.values(), preset.text, preset.axis_text, preset.cursor]
    for colour in colours:
        for ground in (preset.background, preset.band):
            assert theme.contrast(colour, ground) >= MIN_CONTRAST, (colour, ground)


def test_an_unticked_box_shows_its_frame_on_a_dark_window(qapp: QApplication, window: MainWindow) -> None:
    """The graph's People box, unticked, was a black square on black: Fusion frames it a shade darker than the
    window. Its frame now stands out from the window as a field's border does, in dark as in light."""
    box = window.relations.people
    for choice in ("dark", "light"):
        theme.apply(qapp, choice)
        box.setChecked(False)
        qapp.processEvents()
        picture = box.grab().toImage()
        option = QStyleOptionButton()
        option.initFrom(box)
        indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
        ground = QColor(picture.pixel(indicator.right() + 3, indicator.center().y())).name()  # (beside the box)
        edge = QColor(picture.pixel(indicator.left(), indicator.center().y())).name()
        assert delta_e(edge, ground) > MIN_DELTA_E, (choice, edge, ground)  # (dark, before: 3)
