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


def _xdg_guard() -> None:
    """appdirs returns a relative path when an XDG_* variable is set but empty: unset those first."""
    for name in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        if name in os.environ and not os.environ[name].strip():
            del os.environ[name]


def config_dir() -> Path:
    """Per-user folder for settings (absolute, even when XDG_CONFIG_HOME is set but empty)."""
    _xdg_guard()
    return Path(appdirs.user_config_dir(APP_NAME, APP_AUTHOR)).absolute()


def cache_dir() -> Path:
    """Per-user folder for parsed-dataset caches."""
    _xdg_guard()
    return Path(appdirs.user_cache_dir(APP_NAME, APP_AUTHOR)).absolute()


def log_dir() -> Path:
    """Per-user folder for the rotating log file."""
    _xdg_guard()
    return Path(appdirs.user_log_dir(APP_NAME, APP_AUTHOR)).absolute()
