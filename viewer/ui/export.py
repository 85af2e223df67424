"""Rendering the window offscreen to an image file (``entente export``)."""

from __future__ import annotations

import os
from pathlib import Path

from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError


def _ensure_platform() -> None:
    # Without a display, Qt would abort trying to reach one: render offscreen instead.
    if not os.environ.get("QT_QPA_PLATFORM") and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"


def export_window(dataset: Dataset, out: str | Path, *, size: tuple[int, int] = (1600, 900), at: str | None = None,
                  start: str | None = None, end: str | None = None) -> None:
    """Build the main window at ``size`` with the given window and cursor, and save it as a PNG."""
    _ensure_platform()
    from viewer.model.window import TimeWindow
    from viewer.ui.app import application
    from viewer.ui.main_window import MainWindow
    from viewer.ui.state import ViewState

    app = application()
    state = ViewState(dataset)
    if start or end:
        current = state.window
        window = TimeWindow.between(start or current.start_time, end or current.end_time)
        state.set_window(window)
    if at:
        state.move_cursor(at)
    main = MainWindow(state)
    main.resize(*size)
    main.show()
    for _ in range(3):
        app.processEvents()
    if not main.save_image(str(out)):
        raise LoadError(f"{out}: could not write the image (check the folder exists and is writable)")
    main.close()
