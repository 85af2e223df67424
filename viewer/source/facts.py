"""Facts about an unchanged source (count, span, longest span, lanes), remembered across runs.

They cost a full scan each on a big table; the cache folder keeps them under the source's
fingerprint (paths, sizes, mtimes), so a changed source asks again. Qt-free.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from viewer.io.atomic import replace_file

log = logging.getLogger(__name__)
T = TypeVar("T")
READING = 2  # how the engine reads a source's columns; bump when that changes: what was remembered of a
# source (facts, pyramids, the long-events index) is then asked again. 2: decimal and binary dates read


class Facts:
    """A small JSON document of computed values; ``folder`` None keeps them for this run only. Values
    remembered under another :data:`READING` are dropped."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._values: dict[str, Any] = {"reading": READING}
        if folder is not None:
            try:
                loaded = json.loads((folder / "facts.json").read_text(encoding="utf-8"))
                if isinstance(loaded, dict) and loaded.get("reading") == READING:
                    self._values = loaded
            except FileNotFoundError:
                pass
            except (OSError, ValueError) as exc:  # a damaged file is only a lost shortcut
                log.warning("%s: facts not readable (%s); asking the engine again", folder, exc)

    def known(self, key: str) -> bool:
        """True when ``key``'s value is remembered (asking for it costs no query)."""
        return key in self._values

    def get(self, key: str, compute: Callable[[], T], encode: Callable[[T], Any] = lambda v: v,
            decode: Callable[[Any], T] = lambda v: v, keep: Callable[[T], bool] = lambda v: True) -> T:
        """The remembered value of ``key``, or ``compute()`` (remembered when ``keep`` says so)."""
        if key in self._values:
            return decode(self._values[key])
        value = compute()
        if not keep(value):
            return value
        self._values[key] = encode(value)
        if self.folder is not None:
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                replace_file(self.folder / "facts.json", json.dumps(self._values, sort_keys=True))
            except OSError as exc:
                log.warning("%s: facts not written (%s)", self.folder, exc)
        return value
