"""When the window offers to write a table too big for memory as Parquet, and where it writes it."""

from __future__ import annotations

import os
from pathlib import Path

from viewer.io import compressed
from viewer.paths import data_dir


def offered(path: Path) -> bool:
    """Whether a file that failed to open is a delimited table too big for the free memory, which can be
    converted out of core (:mod:`viewer.source.csv_parquet`)."""
    from viewer.source import csv_parquet  # noqa: PLC0415 - DuckDB loads only for a table too big to load
    return path.is_file() and csv_parquet.can_convert(path) and csv_parquet.needs_out_of_core(path)


def folder_for(path: Path) -> Path:
    """A new folder for the Parquet copy: beside the file (``events (Parquet)``), or in Entente's own data folder
    when the file's folder cannot be written; never one that exists."""
    parent = path.parent if os.access(path.parent, os.W_OK) else data_dir() / "converted"
    name = f"{compressed.stem(path)} (Parquet)"
    folder, n = parent / name, 2
    while folder.exists():
        folder, n = parent / f"{name} {n}", n + 1
    return folder
