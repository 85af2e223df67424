"""Compressed tables (``events.csv.gz``, ``export.jsonl.zst`` …), as data platforms and archives hand them out.

A table is named by the suffix under its compression's (``.csv`` of ``events.csv.gz``); its bytes are unpacked
whole before reading, as a plain table's are read whole. Documents of other formats are not read compressed:
the message says to unpack them.
"""

from __future__ import annotations

import bz2
import gzip
import lzma
import zlib
from pathlib import Path

import pyarrow as pa

from viewer.model.problems import LoadError

COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd"}
TABLES = (".csv", ".tsv", ".tab", ".txt", ".psv", ".dat", ".json", ".jsonl", ".ndjson")


def compression(path: Path) -> str | None:
    """The compression a file's name says (``gzip`` for ``events.csv.gz``), else None."""
    return COMPRESSIONS.get(path.suffix.lower())


def inner_suffix(path: Path) -> str:
    """The suffix of what a file holds: ``.csv`` for ``events.csv.gz`` as for ``events.csv``."""
    if compression(path) is None:
        return path.suffix.lower()
    return Path(path.stem).suffix.lower()


def stem(path: Path) -> str:
    """The name without its suffix, nor its compression's: ``events`` for ``events.csv.gz``."""
    return Path(path.stem).stem if compression(path) is not None else path.stem


def check_readable(path: Path) -> None:
    """LoadError naming the file when it is compressed and holds no table Entente reads compressed."""
    if compression(path) is not None and inner_suffix(path) not in TABLES:
        held = inner_suffix(path) or "file without a suffix"
        raise LoadError(f"{path}: a compressed {held}; Entente reads compressed tables (CSV, TSV, text, JSON "
                        f"records or lines, e.g. events.csv.gz): unpack it first")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, unpacked when its name says it is compressed; LoadError naming the file when the
    packing is damaged or cut short."""
    kind = compression(path)
    try:
        data = path.read_bytes()
        if kind is None:
            return data
        if kind == "gzip":
            return gzip.decompress(data)
        if kind == "bz2":
            return bz2.decompress(data)
        if kind == "xz":
            return lzma.decompress(data)
        with pa.input_stream(pa.BufferReader(data), compression="zstd") as stream:
            return bytes(stream.read())
    except (OSError, EOFError, ValueError, zlib.error, lzma.LZMAError, pa.ArrowException) as exc:
        if kind is None:
            raise LoadError(f"{path}: cannot be read ({exc})") from exc
        raise LoadError(f"{path}: not a readable {kind} file ({exc}); expected a table packed with {kind}") from exc
