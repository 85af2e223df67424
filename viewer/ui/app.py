"""Starting the window: logging, the Qt application, the first dataset, and the main window."""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
import sys
import threading
import traceback
from collections.abc import Sequence
from types import TracebackType

from PySide6.QtCore import QSize, QSocketNotifier, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

import viewer
from viewer import logs
from viewer.cli_window import window_arguments
from viewer.io.cache import Later, load_cached_many
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.paths import resources_dir
from viewer.ui.shared import heap, theme
from viewer.ui.shared.scene_errors import report_scene_errors
from viewer.ui.shared.state import ViewState
from viewer.ui.shell import dialogs
from viewer.ui.shell.copying import release_clipboard
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.persistence import first_geometry
from viewer.ui.shell.settings import Settings

log = logging.getLogger(__name__)
FIRST_FRAME_EXIT = "ENTENTE_EXIT_AFTER_FIRST_FRAME"  # set: exit once the first frame is painted (make bench)


def application() -> QApplication:
    """The one QApplication (created on first use), named for settings and the desktop file."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    app.setApplicationName("Entente")
    app.setOrganizationName("Entente")
    app.setApplicationVersion(viewer.__version__)
    # Wayland finds the launcher entry and icon through the desktop file name: it must match.
    app.setDesktopFileName("org.entente.Entente")
    app.setWindowIcon(app_icon())
    heap.collect_on_ui_thread()  # (before any worker starts: a worker collecting cycles deleted widgets off the UI)
    return app


def app_icon() -> QIcon:
    """The application icon at every size we ship."""
    icon = QIcon()
    folder = resources_dir() / "icons"
    for size in (16, 24, 32, 48, 64, 128, 256):
        icon.addFile(str(folder / f"entente-{size}.png"), QSize(size, size))
    return icon


def first_dataset(paths: Sequence[str], table: str | None = None, later: Later | None = None
                  ) -> tuple[Dataset, str | None]:
    """The dataset to open first, and an error message if the requested one could not be read.

    A source queried in place (an engine URL with its ``table``, a DuckDB file, a partitioned folder,
    a Parquet file over the threshold) is not opened here: see :func:`queried_source`. With ``later``, a file
    read for the first time is kept in the cache once the window is up (:func:`~viewer.io.cache.load_cached`).
    """
    if paths and queried_source(paths, table) is None:
        try:
            return load_cached_many(list(paths), later=later), None
        except LoadError as exc:
            return viewer.load(), str(exc)
    return viewer.load(), None


def queried_source(paths: Sequence[str], table: str | None = None) -> str | None:
    """The one source to query in place, if that is what was asked; the window opens it through its
    loader once shown (asking an engine for its count, span and lanes can take seconds: never before
    the window is up)."""
    if len(paths) != 1:
        return None
    from viewer.source.opening import queried  # noqa: PLC0415 - engine code loads only when needed
    try:
        return paths[0] if queried(paths[0], table) else None
    except LoadError:
        return paths[0]  # e.g. a mistyped ENTENTE_ENGINE_ROWS: the loader says so in a dialog, nothing is read


def install_excepthook(parent: QWidget | None) -> None:
    """An uncaught exception is logged with its traceback and shown in a dialog; the app keeps running."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("uncaught exception", exc_info=(kind, exc, tb))
        where = logs.log_file()
        dialogs.error(parent, "Something went wrong",
                      f"{exc}\n\nEntente keeps running. The log has the details: {where or 'logging is off'}",
                      "".join(traceback.format_exception(kind, exc, tb)))

    sys.excepthook = hook
    report_scene_errors()  # (pyqtgraph turns a plot's event handler errors into console warnings)


def close_on_interrupt(window: QWidget) -> None:
    """Ctrl-C in the terminal the window was started from closes it as Quit does (the session is saved).

    Python runs a signal's handler only when Python code runs next, and Qt's loop runs none while the window
    idles: Ctrl-C did nothing until the mouse moved, and then printed a traceback from whatever slot ran, with the
    window left open. The signal now also writes a byte to a socket Qt watches (``signal.set_wakeup_fd``), which
    wakes the loop at once. The handlers before are put back when the window goes.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    reader, writer = socket.socketpair()
    for end in (reader, writer):
        end.setblocking(False)
    woken = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read, window)

    def drain() -> None:
        with contextlib.suppress(OSError):
            reader.recv(64)

    woken.activated.connect(drain)
    before_fd = signal.set_wakeup_fd(writer.fileno())
    before = signal.signal(signal.SIGINT, lambda _signum, _frame: QTimer.singleShot(0, window.close))

    def restore() -> None:
        signal.signal(signal.SIGINT, before)
        signal.set_wakeup_fd(before_fd)
        reader.close()
        writer.close()

    window.destroyed.connect(restore)


def main(argv: Sequence[str] | None = None) -> int:
    """Open the window on the given dataset path (or the bundled alliance dataset)."""
    args, table = window_arguments(sys.argv[1:] if argv is None else argv)
    logs.setup()
    app = application()
    settings = Settings()
    theme.apply(app, settings.theme())  # before any panel is built, so none starts in the wrong colours
    later: Later = []
    dataset, error = first_dataset(args, table, later)
    window = MainWindow(ViewState(dataset), settings)
    app.aboutToQuit.connect(release_clipboard)  # (what Copy left there, as Qt's own text: see copying)
    install_excepthook(window)
    close_on_interrupt(window)
    if window.settings is None or window.settings.geometry() is None:
        first_geometry(window)
    window.show()
    heap.settle()
    window.loader.keep_later(later)  # the first file's cache entry, written in the loading worker
    deferred = queried_source(args, table)
    if deferred is not None:
        window.opening.open_path(deferred, table=table)
    if os.environ.get(FIRST_FRAME_EXIT):  # the start-up benchmark: paint the first frame, then leave
        app.processEvents()
        window.repaint()
        return 0
    if error:
        dialogs.error(window, "Cannot open dataset", f"{error}\n\nShowing the bundled dataset instead.")
    log.info("Entente %s started on %s", viewer.__version__, dataset.meta.path)
    return app.exec()
