"""The window's command-line arguments, read without Qt (``entente`` and the window share them)."""

from __future__ import annotations

from collections.abc import Sequence


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
