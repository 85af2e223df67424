"""File → Save as dataset: the open dataset written in the native format, a folder or one ``.json`` file.

A calendar, a GEXF graph or a mailbox opened in the window could be exported in parts (the events in the window,
the ties at the cursor) but never kept whole: only ``entente convert`` wrote a dataset. The writer is the
command's (:func:`viewer.io.native_write.write`): atomic, a user's other folders never emptied, the files kept
beside a dataset's tables kept, and no file the dataset was read from replaced (a dataset folder is saved over itself).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from viewer.io import native_write
from viewer.io.write_target import Refused
from viewer.model.wording import counted
from viewer.ui.shell import dialogs, own_files

if TYPE_CHECKING:
    from viewer.ui.shell.main_window import MainWindow

FOLDER, ONE_FILE = "Dataset folder (*)", "Dataset in one file (*.json)"


def suggested_name(title: str) -> str:
    """A file name from a dataset's title: ``Renault–Nissan–Mitsubishi Alliance`` → ``renault-nissan-mitsubishi-
    alliance``.

    >>> suggested_name("Renault–Nissan–Mitsubishi Alliance, 1999–2025")
    'renault-nissan-mitsubishi-alliance-1999-2025'
    """
    return re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:80] or "dataset"


def save_dataset_dialog(window: MainWindow) -> None:
    """Ask where, then write the open dataset there; a refusal or a failure is said, naming the place."""
    ds = window.state.dataset
    if ds.source is not None:
        dialogs.error(window, "Save refused", f"{ds.meta.path or ds.title} is queried where it is, too big to hold: "
                      "write it with entente convert (README: Big data)")
        return
    path, chosen = QFileDialog.getSaveFileName(window, "Save as dataset", suggested_name(ds.title),
                                               f"{FOLDER};;{ONE_FILE}")
    if not path:
        return
    target = Path(path)
    if chosen == ONE_FILE and target.suffix.lower() != ".json":
        target = target.with_name(target.name + ".json")
    try:  # (never over what it was read from: a TimelineJS file saved as itself lost its media and HTML)
        native_write.write(ds, target, overwrite=target.exists(), sources=own_files.opened(ds.meta))
    except (OSError, ValueError) as exc:  # (FileExistsError: a folder of other files, a file that is no dataset)
        dialogs.error(window, "Save refused" if isinstance(exc, Refused) else "Save failed",
                      f"Could not save the dataset as {target}: {getattr(exc, 'strerror', None) or exc}")
        return
    window.statusBar().showMessage(f"Saved {counted(ds.event_count, 'event')}, "
                                   f"{counted(len(ds.entities), 'entity', 'entities')} and "
                                   f"{counted(len(ds.relations), 'relation')} as {target}", 10_000)
