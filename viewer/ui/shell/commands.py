"""The shell's own actions: files, exports, navigation, look and help, registered by id."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QActionGroup, QKeySequence
from PySide6.QtWidgets import QFileDialog

from viewer.model import navigation, query
from viewer.session import THEMES, Selection
from viewer.ui.relations import picking
from viewer.ui.shell import copying, dialogs, own_files, saving
from viewer.ui.timeline import keys as timeline_keys
from viewer.ui.timeline import lane_steps

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

# keys the timeline and the graph answer themselves while they hold the focus (F1 lists them with the actions')
VIEW_KEYS = timeline_keys.HELP + lane_steps.HELP + picking.HELP

EVENT_COLUMNS = ["id", "start", "end", "precision", "title", "description", "actors", "category", "tags",
                 "source_title", "source_url"]
RELATION_COLUMNS = ["id", "source", "target", "kind", "value", "valid_from", "valid_to", "event", "note",
                    "source_url"]


def register(window: MainWindow) -> None:
    """Register the shell's actions on ``window.actions_by_name``."""
    key, add = QKeySequence.StandardKey, window.actions_by_name.add
    opening, state = window.opening, window.state
    add("open", "&Open…", opening.open_dialog, key.Open)
    add("open_folder", "Open &folder…", opening.open_folder_dialog)
    add("add", "&Add to dataset…", opening.add_dialog, "Ctrl+Shift+O")
    add("copy", "&Copy", lambda: copying.copy(window), key.Copy,
        "Copy the selection with its sources (or a table's selected rows)")
    add("copy_image", "Copy &image of the window", lambda: copying.copy_image(window), "Ctrl+Shift+C",
        "Put a picture of the window on the clipboard")
    add("paste", "&Paste as dataset", opening.paste, key.Paste,
        "Open the cells, table or text on the clipboard (copied from a spreadsheet or a web page)")
    add("bundled", "Open the &bundled alliance dataset", lambda: opening.open_path(None))
    add("save_as", "&Save as dataset…", lambda: saving.save_dataset_dialog(window), key.SaveAs,
        "Write the open dataset whole as a dataset folder or one .json file, to open again later")
    for view, label in (("all", "the window"), ("timeline", "the timeline"), ("relations", "the relationship panel")):
        add(f"export_{view}", f"Image of {label}…", lambda view=view: export_image_dialog(window, view),
            "Ctrl+E" if view == "all" else None)
    add("export_events_table", "Events in the window (CSV/JSON)…", lambda: export_events_dialog(window))
    add("export_relations_table", "Relations at the cursor (CSV/JSON)…", lambda: export_relations_dialog(window))
    add("problems", "Loading &problems…", window.show_problems)
    add("quit", "&Quit", window.close, key.Quit)
    add("default_window", "&Default window", lambda: state.set_window(navigation.default_window(state.dataset)),
        "Ctrl+D")
    add("fit", "&Fit all events", lambda: state.set_window(navigation.fit_all(state.dataset)), "Ctrl+0")
    # zoomed as + and - zoom, by the one helper: around the cursor when it is in view, else the middle (View's
    # pivoted on the middle, the keys on the cursor), kept within what the timeline can show (Ctrl+- held down
    # zoomed out to a million years before the timeline's own clamp came round, and the graph's dates overflowed)
    add("zoom_in", "Zoom &in", lambda: timeline_keys.zoom(state, timeline_keys.ZOOM_IN), key.ZoomIn)
    add("zoom_out", "Zoom &out", lambda: timeline_keys.zoom(state, timeline_keys.ZOOM_OUT), key.ZoomOut)
    add("previous", "&Previous event", lambda: step_event(window, -1), "Left")
    add("next", "&Next event", lambda: step_event(window, 1), "Right")
    add("full_screen", "F&ull screen", lambda: _toggle_full_screen(window), key.FullScreen)
    add("escape", "&Clear selection", lambda: _escape(window), "Esc",
        "Stop the load under way, else clear the selection, else leave full screen")
    group = QActionGroup(window)
    for choice in THEMES:
        action = add(f"theme_{choice}", f"&{choice.title()}", lambda on, choice=choice: _pick_theme(window, choice, on),
                     checkable=True)
        action.setChecked(choice == state.view.theme)
        group.addAction(action)
    add("shortcuts", "&Keyboard shortcuts", lambda: window.keep(dialogs.shortcuts(window, list(
        window.actions_by_name.values()), VIEW_KEYS)), "F1")
    add("about", "&About Entente", lambda: window.keep(dialogs.about(window, state.dataset)))
    for name, last in (("first", False), ("last", True)):  # Home / End: the timeline's keys read the event table;
        for shortcut in window.timeline.keys.get(name, []):  # a source queried in place has none: asked of it
            shortcut.activated.connect(lambda last=last: _engine_boundary(window, last))


def _engine_boundary(window: MainWindow, last: bool) -> None:
    if window.state.dataset.source is not None:
        from viewer.ui.shell import engine_tasks  # noqa: PLC0415 - engine code loads only for engine sources
        engine_tasks.boundary_event(window, last)


def _escape(window: MainWindow) -> None:
    """Escape: stop a load under way, else clear the selection, else leave full screen."""
    if window.loader.busy:
        window.loader.cancel()
    elif window.state.selection != Selection():
        window.state.select(Selection())
    elif window.isFullScreen():
        window.showNormal()


def _toggle_full_screen(window: MainWindow) -> None:
    window.showNormal() if window.isFullScreen() else window.showFullScreen()


def _pick_theme(window: MainWindow, choice: str, checked: bool) -> None:
    if checked:
        window.state.set_view(theme=choice)


def step_event(window: MainWindow, step: int) -> None:
    """Select the previous (-1) or next (+1) event and move the cursor to it."""
    state = window.state
    current = next(iter(state.selection.events), None)
    if state.dataset.source is not None:
        from viewer.ui.shell import engine_tasks  # noqa: PLC0415 - engine code loads only for engine sources
        engine_tasks.step_event(window, current, step)
        return
    matched = navigation.matches(state.dataset, state.filters) if state.filters.active else None
    position = state.dataset.ids.get(current) if current is not None else -1
    target = query.step_event(state.dataset.events, current, state.cursor, step, matched, position)
    if target is not None:
        state.select_event(target)


def export_image_dialog(window: MainWindow, view: str = "all") -> None:
    """Save the window, the timeline or the relationship panel as PNG, SVG or PDF."""
    path, _ = QFileDialog.getSaveFileName(window, "Export image", f"entente-{view}.png",
                                          "PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)")
    if not path:
        return
    from viewer.ui.shell.export import unwritable  # noqa: PLC0415 - export pulls in QtSvg and printing
    if own_files.read_from(window.state.dataset.meta, Path(path)):  # (a PDF's picture saved over the PDF)
        dialogs.error(window, "Export refused", f"{path} is a file of the open dataset: a picture of it would "
                      "replace it. Choose another name.")
        return
    reason = unwritable(path)
    if reason or not window.save_image(path, view):
        dialogs.error(window, "Export failed",
                      f"Could not write {path}: {reason or 'the system refused to write it there'}")


def export_events_dialog(window: MainWindow) -> None:
    """Save the events in the visible window as CSV or JSON (streamed from the engine for a source
    queried in place)."""
    w, source = window.state.window, window.state.dataset.source
    if source is None:
        _export_table(window, query.events_between(window.state.dataset.events, w.start_time, w.end_time),
                      "events", EVENT_COLUMNS)
        return
    path = _save_path(window, "events")
    if path and not _refused(window, Path(path), "events"):
        from viewer.ui.shell import engine_tasks  # noqa: PLC0415 - as above
        engine_tasks.export_events(window, source, (w.start, w.end), EVENT_COLUMNS, Path(path))


def export_relations_dialog(window: MainWindow) -> None:
    """Save the relations valid at the cursor as CSV or JSON."""
    frame = query.relations_at(window.state.dataset.relations, window.state.cursor)
    _export_table(window, frame, "relations", RELATION_COLUMNS)


def _export_table(window: MainWindow, frame: object, name: str, columns: list[str]) -> None:
    from viewer.io.table_export import write_table  # noqa: PLC0415 - only when the user exports a table
    path = _save_path(window, name)
    if not path:
        return
    if _refused(window, Path(path), name):
        return
    try:
        write_table(frame, columns, Path(path), window.state.dataset.meta.clock)
    except OSError as exc:
        dialogs.error(window, "Export failed", f"Could not write {path}: {exc.strerror or exc}")


def _refused(window: MainWindow, path: Path, name: str) -> bool:
    """Whether a table's export onto ``path`` is refused (and said): a file of the open dataset."""
    if not own_files.read_from(window.state.dataset.meta, path):  # (a part over the whole: 69 events became 54)
        return False
    dialogs.error(window, "Export refused", f"{path} is a file of the open dataset: the {name} exported are "
                  "a part of it, and would replace it. Choose another name.")
    return True



def _save_path(window: MainWindow, name: str) -> str:
    """The file the user chose for a table (empty when they cancelled)."""
    path, _ = QFileDialog.getSaveFileName(window, f"Export {name}", f"{name}.csv", "CSV (*.csv);;JSON (*.json)")
    return path
