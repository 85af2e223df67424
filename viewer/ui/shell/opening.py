"""Opening datasets: the file dialogs, drag and drop, recent files, and the loader's answers."""

from __future__ import annotations

import logging
from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMimeData, QObject
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu

from viewer import io, paths
from viewer.io import pasted
from viewer.io.combine import joining_problem
from viewer.io.folder_tables import MOST_FILES
from viewer.model.dataset import Dataset
from viewer.model.wording import problems_and_notes
from viewer.ui.shared import heap
from viewer.ui.shell import conversion, copying, dialogs
from viewer.ui.shell.loading import MappingNeeded
from viewer.ui.shell.mapping_dialog import MappingDialog

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

log = logging.getLogger(__name__)
OPEN_FILTER = f"Datasets ({' '.join('*' + suffix for suffix in io.supported_suffixes())});;All files (*)"


class Opening(QObject):
    """Starts loads in the background and shows what they bring; the current dataset stays until then."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self._asked: str | None = None  # the file the last open asked for (a table too big is offered conversion)
        self.batch = Batch()  # files chosen together, opened one after another as one dataset
        self._pasted: str | None = None  # the file the clipboard was kept in, while it opens
        loader = window.loader
        loader.started.connect(lambda what: window.status_line.busy(True, what))
        loader.loaded.connect(self._on_loaded)
        loader.mapping_needed.connect(self._on_mapping_needed)
        loader.failed.connect(self._on_failed)
        loader.cancelled.connect(self._on_cancelled)

    def open_dialog(self) -> None:
        """Ask for dataset files and open them (several chosen together make one dataset)."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Open dataset", self._start_dir(), OPEN_FILTER)
        self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        """Ask for a dataset folder (a native dataset, an unpacked Slack export) and open it."""
        path = QFileDialog.getExistingDirectory(self.window, "Open dataset folder", self._start_dir())
        if path:
            self.open_path(path)

    def add_dialog(self) -> None:
        """Ask for files whose events, entities and relations join the open dataset."""
        paths, _ = QFileDialog.getOpenFileNames(self.window, "Add to dataset", self._start_dir(), OPEN_FILTER)
        self.open_paths(paths, add=True)

    def open_paths(self, chosen: list[str], *, add: bool = False) -> None:
        """Open files chosen together (or dropped together) as one dataset: the first opens (or joins, with
        ``add``), then each of the others joins it in turn; a file that fails is said once, at the end."""
        if not chosen:
            return
        if len(chosen) > MOST_FILES:  # (a folder's thousands of files dropped: a quarter of an hour, one at a time)
            dialogs.error(self.window, "Cannot open dataset", f"{len(chosen):,} files chosen together, more than "
                          f"{MOST_FILES} (from {Path(chosen[0]).parent}, …); expected fewer files, or their folder "
                          "opened with File → Open folder…, which reads it as one dataset")
            return
        self.open_path(chosen[0], add=add)  # (it ends any batch under way: this one starts after it)
        self.batch.start(chosen[1:])  # (with add, the first joins the open dataset, and the rest join it)
        self._say_progress(chosen[0])

    def paste(self) -> None:
        """Open what the clipboard holds (:meth:`open_data`)."""
        self.open_data(QGuiApplication.clipboard().mimeData(), "clipboard")

    def open_data(self, data: QMimeData | None, where: str = "clipboard") -> None:
        """Open what was copied or dropped: files from a file manager, else cells, a web page's table, JSON or text,
        first kept as a file in the user's data folder (:mod:`viewer.io.pasted`), which the status bar names."""
        files = [url.toLocalFile() for url in data.urls() if url.isLocalFile()] if data is not None else []
        if files:
            self.open_paths(files)
            return
        links = {url.toString() for url in data.urls()} if data is not None else set()
        if links and (not data or not data.hasText() or data.text().strip() in links):  # a link from a browser
            self.window.statusBar().showMessage("Entente opens files on this computer and never the web: save the "
                                                "page (or export its table) and open the file", 10_000)
            return
        if data is not None and data.hasText() and copying.copied_here(data.text()):
            self.window.statusBar().showMessage("The clipboard holds what Entente copied: paste it into a document, a "
                                                "mail or a spreadsheet", 10_000)
            return
        found = None if data is None else pasted.choose(data.text() if data.hasText() else None,
                                                        data.html() if data.hasHtml() else None)
        if found is None:
            held = "The clipboard holds" if where == "clipboard" else "What was dropped holds"
            self.window.statusBar().showMessage(f"{held} no cells, table or text to open; copy a table's cells (or "
                                                "a file) and paste or drop them again", 10_000)
            return
        try:
            path = pasted.save(found, paths.data_dir() / pasted.FOLDER)
        except OSError as error:
            dialogs.error(self.window, "Cannot open", f"{paths.data_dir() / pasted.FOLDER}: the {where}'s cells could "
                          f"not be kept there ({error.strerror or error}); expected a folder Entente may write")
            return
        self.open_path(str(path))
        self._pasted = str(path)  # named in the status bar once it opens

    def open_path(self, path: str | None, *, add: bool = False, table: str | None = None) -> None:
        """Start opening a dataset in the background (None: the bundled one).

        A table whose columns cannot be mapped with certainty first asks the user (the mapping dialog);
        with ``add`` the file joins the open dataset instead of replacing it. A big Parquet source, a
        DuckDB file or an engine URL (with its events ``table``) is queried in place, not loaded.
        """
        self.batch.start([])  # a file opened by itself ends what was left of a batch
        self._pasted = None
        self._asked = path if not add and table is None else None  # (a batch's failures are said with the batch)
        self.window.loader.load(path, None, self.window.state.dataset if add else None, ask=True, table=table)

    def _on_mapping_needed(self, needed: MappingNeeded) -> None:
        """The worker found an uncertain table: the user maps its columns, then it is read once."""
        columns = tuple(str(c) for c in needed.preview.rows.columns)
        answered = self.batch.answers.get(columns)  # a batch's files alike (a file a month): asked once
        if answered is not None:
            self.window.loader.load(needed.path, answered, needed.add_to, convert_to=needed.convert_to)
            return
        self.window.status_line.busy(False)
        dialog = MappingDialog(needed.path, needed.preview, self.window, needed.suggestion)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            options = dialog.load_options()
            if self.batch.going:
                self.batch.answers[columns] = options
            self.window.loader.load(needed.path, options, needed.add_to, convert_to=needed.convert_to)
        else:  # the file is left out; the rest of its batch goes on
            self._next_in_batch()

    def refresh_recent(self, menu: QMenu | None) -> None:
        """Fill Open recent from the settings."""
        settings = self.window.settings
        if menu is None or settings is None:
            return
        menu.clear()
        for key in settings.recent_files():  # (files opened together as one: their paths, a line each)
            action = menu.addAction(recent_label(key))
            action.setToolTip(key)
            action.triggered.connect(lambda _checked=False, k=key: self.open_paths(k.split("\n")))
        menu.setEnabled(bool(menu.actions()))

    def _start_dir(self) -> str:
        return self.window.settings.last_dir() if self.window.settings else ""

    def _on_loaded(self, dataset: Dataset) -> None:
        batch = self.batch
        if batch.going and not batch.combining:  # a part: the parts are joined once, in the worker, when all are in
            clash = joining_problem(batch.parts[0], dataset) if batch.parts else None
            if clash is not None:
                batch.failed.append((clash, ""))
            else:
                batch.parts.append(dataset)
            self._next_in_batch()
            return
        batch.combining = False
        self._show(dataset)
        self._next_in_batch()

    def _show(self, dataset: Dataset) -> None:
        window = self.window
        window.status_line.busy(False)
        window.persistence.switch_to(dataset)
        heap.settle()  # the new dataset is in place and the old one gone: keep the collector off both
        if window.settings is not None and dataset.meta.key:
            window.settings.add_recent(dataset.meta.key)
            self.refresh_recent(window.recent_menu)
        log.info("opened %s (%d events, %d problems)", dataset.meta.path, dataset.event_count, len(dataset.problems))
        pasted_into, self._pasted = self._pasted if self._pasted == dataset.meta.path else None, None
        said = [f"Cells kept in {pasted_into}"] if pasted_into else []
        if dataset.problems:
            levels = [p.level for p in dataset.problems]
            said.append(f"Opened with {problems_and_notes(levels)}: File → Loading problems")
        if said:
            window.statusBar().showMessage("; ".join(said), 15_000)

    def _on_failed(self, message: str, details: str) -> None:
        self.window.status_line.busy(False)
        log.warning("could not open: %s", message)
        self.refresh_recent(self.window.recent_menu)  # (a file deleted since: its entry goes, not offered again)
        if self._pasted is not None:  # cells kept for a paste that did not open: not left behind (still on the
            with suppress(OSError):  # clipboard; a folder of failed pastes grew in the user's data folder)
                Path(self._pasted).unlink(missing_ok=True)
            self._pasted = None
        if self.batch.going:  # said with the others once the batch is done
            self.batch.failed.append((message, details))
            self.batch.combining = False
            self._next_in_batch()
            return
        path, self._asked = self._asked, None
        if path is not None and conversion.offered(Path(path)):  # too big for memory: written as Parquet?
            folder = conversion.folder_for(Path(path))
            if dialogs.offer_conversion(self.window, message, folder):
                self.window.loader.load(path, ask=True, convert_to=str(folder))
            return
        dialogs.error(self.window, "Cannot open dataset", message, details)

    def _say_progress(self, path: str) -> None:
        """The status bar of a batch's load: which file of how many ("m07.csv (7 of 12)")."""
        if self.batch.going:
            self.window.status_line.busy(True, f"{Path(path).name} ({self.batch.total - len(self.batch.paths)} of "
                                               f"{self.batch.total})")

    def _on_cancelled(self) -> None:
        """The user stopped the load: the rest of its batch is not opened either."""
        self.window.status_line.busy(False)
        self.batch.start([])

    def _next_in_batch(self) -> None:
        """Open the batch's next file on its own; once all are in, join them in the worker (or show the one that
        opened, the others having failed or been left out) and say what could not be opened."""
        batch = self.batch
        if batch.paths:
            path = batch.paths.pop(0)
            self.window.loader.load(path, None, None, ask=True)
            self._say_progress(path)
            return
        if len(batch.parts) > 1:
            parts, batch.parts, batch.combining = batch.parts, [], True
            self.window.loader.combine(parts)
            return
        if batch.parts:  # the others failed or were left out
            self._show(batch.parts.pop())
        failed, batch.failed, batch.going = batch.failed, [], False
        if failed:
            dialogs.error(self.window, "Cannot open dataset", "\n\n".join(message for message, _ in failed),
                          "\n\n".join(details for _, details in failed if details))


def recent_label(key: str) -> str:
    """Open recent's entry for a dataset: its path; files opened together by their names (the first three, then how
    many more) and the folder they share."""
    parts = [Path(p) for p in key.split("\n")]
    if len(parts) == 1:
        return key
    names = [p.name for p in parts[:3]] + ([f"{len(parts) - 3} more"] if len(parts) > 3 else [])
    folders = {p.parent for p in parts}
    return " + ".join(names) + (f" — {parts[0].parent}" if len(folders) == 1 else " — several folders")


class Batch:
    """Files chosen together: those still to open, those opened (each alone, then all joined at once, in the worker,
    and shown once: a window that showed each of a hundred small files in turn took 16.7 s; joined one after another
    as they came, each join copying all before it, 20 files of 50,000 events took 10.4 s to join, at once 1.4 s),
    and what failed."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        self.going = False
        self.parts: list[Dataset] = []  # opened so far (the first joined with the dataset open before, for Add)
        self.combining = False  # the parts are being joined
        self.failed: list[tuple[str, str]] = []
        self.answers: dict[tuple[str, ...], dict[str, Any]] = {}  # the columns the user mapped, by the file's columns
        self.total = 0

    def start(self, rest: list[str]) -> None:
        """A new batch whose first file is being opened."""
        self.paths, self.going, self.failed = list(rest), bool(rest), []
        self.parts, self.combining = [], False
        self.answers, self.total = {}, len(rest) + 1
