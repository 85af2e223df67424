"""Logging to a rotating file in the per-user log folder: a windowed app has no stdout."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from viewer.paths import log_dir

LOG_NAME = "entente.log"
_state: dict[str, Path] = {}


def setup(folder: Path | None = None) -> Path | None:
    """Send the ``viewer`` loggers to ``entente.log`` (1 MB × 3 files); returns the file, None if unwritable."""
    if "file" in _state:
        return _state["file"]
    try:
        target = (folder or log_dir())
        target.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(target / LOG_NAME, maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return None  # a read-only home must not stop the app from opening
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    logger = logging.getLogger("viewer")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    _state["file"] = target / LOG_NAME
    return _state["file"]


def log_file() -> Path | None:
    """The log file in use, if logging was set up."""
    return _state.get("file")
