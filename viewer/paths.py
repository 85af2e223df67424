"""Where things live: bundled resources and the per-user config, cache and log folders (appdirs)."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

APP_NAME = "entente"
APP_AUTHOR = "Entente"
_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The ``resources/`` folder: beside the package in a checkout, inside it when installed."""
    for candidate in (_HERE.parent / "resources", _HERE / "resources"):
        if (candidate / "datasets").is_dir():
            return candidate
    raise FileNotFoundError("Entente's resources folder is missing from this installation")


def bundled_dataset() -> Path:
    """The folder of the default dataset (the Renault–Nissan–Mitsubishi alliance)."""
    return resources_dir() / "datasets" / "alliance"


def _xdg(variable: str, default: str) -> Path:
    """An XDG base folder: the variable when it holds an absolute path, else the spec's default.

    The XDG spec says to ignore an empty or relative value; appdirs would use it (and return a relative
    path), so on Linux and the BSDs the folders are computed here, without touching ``os.environ``.
    """
    value = os.environ.get(variable, "").strip()
    return Path(value) if value and os.path.isabs(value) else Path(os.path.expanduser(default))


def _is_xdg() -> bool:
    return appdirs.system not in ("win32", "darwin")


def config_dir() -> Path:
    """Per-user folder for settings (absolute, even when XDG_CONFIG_HOME is set but empty)."""
    if _is_xdg():
        return _xdg("XDG_CONFIG_HOME", "~/.config").absolute() / APP_NAME
    return Path(appdirs.user_config_dir(APP_NAME, APP_AUTHOR)).absolute()


def cache_dir() -> Path:
    """Per-user folder for parsed-dataset caches."""
    if _is_xdg():
        return _xdg("XDG_CACHE_HOME", "~/.cache").absolute() / APP_NAME
    return Path(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR)).absolute()


def data_dir() -> Path:
    """Per-user folder for data Entente writes for the user (a big table's Parquet copy, when the table's own
    folder cannot be written)."""
    if _is_xdg():
        return _xdg("XDG_DATA_HOME", "~/.local/share").absolute() / APP_NAME
    return Path(appdirs.user_data_dir(APP_NAME, APP_AUTHOR)).absolute()


def log_dir() -> Path:
    """Per-user folder for the rotating log file (under the cache folder on Linux, as appdirs has it)."""
    if _is_xdg():
        return cache_dir() / "log"
    return Path(appdirs.user_log_dir(APP_NAME, APP_AUTHOR)).absolute()
