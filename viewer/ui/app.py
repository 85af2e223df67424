"""Starting the window: the Qt application, the first dataset, and the main window."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtWidgets import QApplication, QMessageBox

import viewer
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError


def application() -> QApplication:
    """The one QApplication (created on first use), named for settings and the desktop file."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Entente")
    app.setOrganizationName("Entente")
    app.setApplicationVersion(viewer.__version__)
    app.setDesktopFileName("entente")
    return app


def first_dataset(paths: Sequence[str]) -> tuple[Dataset, str | None]:
    """The dataset to open first, and an error message if the requested one could not be read."""
    if paths:
        try:
            return viewer.load(paths[0]), None
        except LoadError as exc:
            return viewer.load(), str(exc)
    return viewer.load(), None


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the given dataset path (or the bundled alliance dataset)."""
    args = [a for a in (sys.argv[1:] if argv is None else argv) if not a.startswith("-")]
    app = application()
    from viewer.ui.main_window import MainWindow
    from viewer.ui.state import ViewState
    dataset, error = first_dataset(args)
    window = MainWindow(ViewState(dataset))
    window.resize(1600, 900)
    window.show()
    if error:
        QMessageBox.warning(window, "Cannot open dataset", f"{error}\n\nShowing the bundled dataset instead.")
    return app.exec()
