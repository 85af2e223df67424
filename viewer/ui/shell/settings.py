"""Settings in an INI file in the per-user config folder, read back with explicit types.

QSettings returns a one-item list or a bool as a string unless asked for a type; every getter here
states its type. A settings file that cannot be parsed is moved aside (``.corrupt``) with a log line
and the app starts clean. A config folder that cannot be made or written (a file in its place, a read-only home)
is said in the status bar at start (:attr:`Settings.problem`), and the app runs on settings it forgets on close.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from viewer.paths import config_dir
from viewer.session import SPEEDS

MAX_RECENT = 10
log = logging.getLogger(__name__)


def _dataset_key(path: str) -> str:
    return "datasets/" + hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]


class Settings:
    """Typed access to the app's settings (window layout, recent files, per-dataset view state)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or config_dir() / "entente.ini"
        self.problem = ""  # why the settings cannot be kept (a folder that cannot be made or written), said at start
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:  # (a file where the folder should be, a read-only home: the app started clean)
            self._cannot_keep(error)
        self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
        if self._qs.status() == QSettings.Status.FormatError:
            aside = self.path.with_suffix(".ini.corrupt")
            log.warning("settings file %s could not be parsed; moved to %s", self.path, aside)
            self._qs = None  # type: ignore[assignment]  # release the file before moving it
            try:
                self.path.replace(aside)
            except OSError as error:
                self._cannot_keep(error)
            self._qs = QSettings(str(self.path), QSettings.Format.IniFormat)
            self._qs.clear()  # (not moved aside: start clean all the same)
        if not self.problem and self.path.is_dir():
            self._cannot_keep(IsADirectoryError(errno.EISDIR, f"{self.path.name} is a folder"))
        elif not self.problem and not os.access(self.path if self.path.exists() else self.path.parent, os.W_OK):
            self._cannot_keep(PermissionError(errno.EACCES, f"{self.path.name} cannot be written"))

    def _cannot_keep(self, error: OSError) -> None:
        reason = error.strerror or str(error)
        self.problem = (f"Settings cannot be kept in {self.path.parent} ({reason}): the layout, recent files and "
                        "views will be forgotten on close")
        log.warning("%s", self.problem)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()

    # window layout
    def geometry(self) -> QByteArray | None:
        """Saved window geometry, if any."""
        value = self._qs.value("window/geometry", None, type=QByteArray)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def dock_state(self) -> QByteArray | None:
        """Saved dock and toolbar layout, if any."""
        value = self._qs.value("window/state", None, type=QByteArray)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def save_layout(self, geometry: QByteArray, state: QByteArray) -> None:
        """Remember window geometry and dock layout."""
        self._qs.setValue("window/geometry", geometry)
        self._qs.setValue("window/state", state)

    # files
    def recent_files(self) -> list[str]:
        """Recently opened datasets, newest first, without ones that no longer exist (files opened together as one
        dataset are one entry, their paths a line each, kept while all of them exist)."""
        value = self._qs.value("files/recent", [], type=list)
        items = [v for v in (value if isinstance(value, list) else []) if isinstance(v, str) and v]
        return [p for p in items if all(Path(part).exists() for part in p.split("\n"))][:MAX_RECENT]

    def add_recent(self, path: str) -> None:
        """Put a dataset at the top of the recent list (at most ten)."""
        items = [p for p in self.recent_files() if p != path]
        self._qs.setValue("files/recent", [path, *items][:MAX_RECENT])
        self._qs.setValue("files/last_dir", str(Path(path.rsplit("\n", maxsplit=1)[-1]).parent))

    def last_dir(self) -> str:
        """The folder of the last opened file (empty when none)."""
        return str(self._qs.value("files/last_dir", "", type=str) or "")

    # look
    def theme(self) -> str:
        """``system``, ``light`` or ``dark``."""
        value = str(self._qs.value("look/theme", "system", type=str) or "system")
        return value if value in ("system", "light", "dark") else "system"

    def set_theme(self, theme: str) -> None:
        """Remember the chosen theme."""
        self._qs.setValue("look/theme", theme)

    def app_view(self) -> dict[str, str]:
        """The view choices that belong to the app rather than to one dataset (theme, playback speed)."""
        speed = str(self._qs.value("look/speed", "month", type=str) or "month")
        return {"theme": self.theme(), "speed": speed if speed in SPEEDS else "month"}

    def set_app_view(self, choices: dict[str, str]) -> None:
        """Remember the app-wide view choices."""
        self.set_theme(choices.get("theme", self.theme()))
        self._qs.setValue("look/speed", choices.get("speed", "month"))

    def flag(self, name: str, default: bool = False) -> bool:
        """A boolean preference (stored as true/false)."""
        return bool(self._qs.value(f"flags/{name}", default, type=bool))

    def set_flag(self, name: str, value: bool) -> None:
        """Remember a boolean preference."""
        self._qs.setValue(f"flags/{name}", value)

    # per dataset
    def view_state(self, dataset_path: str) -> dict[str, Any]:
        """What the user last saw in a dataset (window, cursor, …), or {} when unknown or damaged."""
        text = str(self._qs.value(_dataset_key(dataset_path) + "/view", "", type=str) or "")
        if not text:
            return {}
        try:
            value = json.loads(text)
        except json.JSONDecodeError:
            log.warning("ignoring damaged view state for %s", dataset_path)
            return {}
        return value if isinstance(value, dict) else {}

    def save_view_state(self, dataset_path: str, view: dict[str, Any]) -> None:
        """Remember what the user sees in a dataset."""
        self._qs.setValue(_dataset_key(dataset_path) + "/view", json.dumps(view))
        self._qs.setValue(_dataset_key(dataset_path) + "/path", dataset_path)
