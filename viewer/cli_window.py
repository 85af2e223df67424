"""The window's command-line arguments, read without Qt (``entente`` and the window share them), and
why the window cannot open on them (a mistyped command, a missing path, no display)."""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

COMMANDS = ("info", "events", "relations", "diff", "history", "validate", "convert", "export")
# Qt platforms that need a display server; any other one (offscreen, minimal, eglfs, vnc …) needs none.
DISPLAY_PLATFORMS = frozenset({"xcb", "wayland", "wayland-egl", "wayland-brcm"})


def window_arguments(argv: Sequence[str]) -> tuple[list[str], str | None]:
    """The window's sources and ``--table`` (the events table of a DuckDB file or engine URL)."""
    paths: list[str] = []
    table: str | None = None
    args = iter(argv)
    for arg in args:
        if arg == "--table":
            table = next(args, None)
        elif arg.startswith("--table="):
            table = arg.removeprefix("--table=")
        elif not arg.startswith("-"):
            paths.append(arg)
    return paths, table


def window_arguments_problem(argv: Sequence[str]) -> str | None:
    """Why the window cannot open on ``argv``: an unknown command or a missing path (None when fine)."""
    paths, table = window_arguments(argv)
    said = _table_or_blank(argv, paths, table)
    if said is not None:
        return said
    for position, arg in enumerate(paths):
        if Path(arg).exists() or "://" in arg or any(ch in arg for ch in "*?["):
            continue
        if position == 0 and not (set(arg) & {"/", "\\", "."}):  # a bare word: meant as a command
            close = difflib.get_close_matches(arg.lower(), COMMANDS, n=1)
            if close:
                return f"unknown command '{arg}' — did you mean '{close[0]}'?"
            return (f"unknown command '{arg}', and no file or folder of that name "
                    f"(commands: {', '.join(COMMANDS)}; see entente --help)")
        from viewer.io.reading import missing  # noqa: PLC0415 - only for a path not there (the readers load pandas)
        return f"{arg}: {missing(Path(arg))}"
    return None


def _table_or_blank(argv: Sequence[str], paths: list[str], table: str | None) -> str | None:
    """Why ``--table`` cannot be taken, which path is empty (``Path("")`` is the working folder, opened whole), or
    which is a web address; ``paths`` with each ``file://`` address as its path."""
    if "--table" in argv and not table:
        return "--table needs the name of the events table"
    if table and len(paths) != 1:
        return "--table goes with exactly one DuckDB file or engine URL"
    blank = next((arg for arg in paths if not arg.strip()), None)
    if blank is not None:
        return f"an empty path {blank!r}; expected a file or a folder (or none, for the bundled dataset)"
    if any("://" in arg for arg in paths):
        from viewer.io.reading import local_path  # noqa: PLC0415 - only for an address (the readers load pandas)
        from viewer.model.problems import LoadError  # noqa: PLC0415 - as above
        try:
            paths[:] = [local_path(arg) for arg in paths]  # (a file:// address is checked as the path it names)
        except LoadError as exc:
            return str(exc)
    return None


def display_problem(environ: dict[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why the window cannot be shown on Linux (no display server, no headless Qt platform); else None."""
    env = os.environ if environ is None else environ
    if not (platform or sys.platform).startswith("linux"):
        return None
    names = {part.split(":")[0].strip().lower() for part in env.get("QT_QPA_PLATFORM", "").split(";")} - {""}
    if names - DISPLAY_PLATFORMS or env.get("DISPLAY") or env.get("WAYLAND_DISPLAY"):
        return None
    return ("no display found (neither DISPLAY nor WAYLAND_DISPLAY is set), so the window cannot open; "
            "answer in the terminal with a command (entente info, entente export --out view.png; "
            "see entente --help) or run the window without a screen with QT_QPA_PLATFORM=offscreen")
