"""Whether what a file holds fits in the memory that is free, asked before it is read.

Reading a table takes about six times its text at the peak (the bytes, the decoded text, Arrow's columns and
the model's; measured on a 126 MB ACLED-like CSV: 630 MB, and on JSON lines: 4.6 times), and a table of short rows
more: its rows are counted too (:func:`need`). A file needing more
than is free does not end in a MemoryError on Linux but in the system killing the app, with the user's other
datasets: so it is refused first, by name, with its size, what it would need and what is free. A compressed
file is unpacked against the same limit, so that a small archive of gigabytes (a decompression bomb) stops
at the limit instead of filling the memory.
"""

from __future__ import annotations

import os
from pathlib import Path

import psutil

from viewer.model.problems import LoadError
from viewer.model.wording import counted

PEAK_PER_BYTE = 6  # bytes of memory at the peak of reading, per byte of text
# A table of short rows takes more than six times its text: each row costs its cells' offsets in every column and the
# model's columns of a row each, whatever its length (measured: 157 MB of 20-byte rows, 8M of them, peaked 1.6 GB
# above the start, 10 bytes a byte; 103 MB of 100-byte rows, 1M of them, 450 MB). A table's need is the larger of
# six bytes a byte and four bytes a byte with 140 a row.
TABLE_PER_BYTE, TABLE_PER_ROW = 4, 140
JSON_PEAK_PER_BYTE = 10  # a JSON document parsed whole into Python's objects (measured: 8.2 on 129 MB of records)
SETTING = "ENTENTE_FREE_MEMORY"  # bytes taken as free instead of the system's figure ("0": no check)


def free_bytes() -> int | None:
    """The memory free for the app now (the system's available memory, which counts caches it can drop), or
    the number ``ENTENTE_FREE_MEMORY`` sets; None when it cannot be told or the check is turned off."""
    setting = os.environ.get(SETTING, "").strip()
    if setting:
        try:
            value = int(float(setting))
        except (ValueError, OverflowError):  # ("inf": no number of bytes either)
            value = -1
        return value if value > 0 else None
    try:
        return int(psutil.virtual_memory().available)
    except (OSError, RuntimeError, AttributeError):
        return None


def readable_bytes(per_byte: int = PEAK_PER_BYTE) -> int | None:
    """The most text that can be read with the memory free now (``per_byte`` bytes of memory for each), or None
    when there is no limit to tell."""
    free = free_bytes()
    return None if free is None else free // per_byte


def size_text(size: float) -> str:
    """``2.1 GB``, ``340 MB``, ``12 KB``: a size as a person reads it."""
    for unit, scale in (("GB", 1e9), ("MB", 1e6), ("KB", 1e3)):
        if size >= scale:
            return f"{size / scale:.1f} {unit}" if size < 10 * scale else f"{size / scale:,.0f} {unit}"
    return counted(int(size), "byte")


def need(size: int, per_byte: int = PEAK_PER_BYTE, rows: int = 0) -> int:
    """The memory reading ``size`` bytes of text takes at its peak, ``per_byte`` bytes for each; for a table of
    ``rows`` rows, at least :data:`TABLE_PER_BYTE` a byte and :data:`TABLE_PER_ROW` a row.

    >>> need(100_000_000), need(100_000_000, rows=5_000_000)
    (600000000, 1100000000)
    """
    return max(size * per_byte, size * TABLE_PER_BYTE + rows * TABLE_PER_ROW) if rows else size * per_byte


def rows_in(head: bytes, size: int) -> int:
    """The lines a text of ``size`` bytes holds, told from its first bytes (``head``).

    >>> rows_in(b"a,b\\n1,2\\n3,4\\n", 1_200)
    300
    """
    return int(head.count(b"\n") * size / len(head)) if head else 0


def too_big(path: Path | str, size: int, held: str = "holds", per_byte: int = PEAK_PER_BYTE,
            rows: int = 0) -> LoadError:
    """The error for a file whose text (``size`` bytes, as ``held`` says: "holds", "unpacks to", "unpacks to
    more than"; a table's ``rows`` rows) needs more memory than is free."""
    free = free_bytes() or 0
    need_text = size_text(need(size, per_byte, rows))
    return LoadError(f"{path}: the file {held} {size_text(size)}, which takes about {need_text} of memory to open, "
                     f"and {size_text(free)} is free. Open a part of it (by year, say), or free memory by closing "
                     f"other programs; a CSV or TSV table can be written as Parquet without loading it (entente "
                     f"convert {path} FOLDER) and then opened, queried where it is (README: Big data)")


def check(path: Path | str, size: int, held: str = "holds", per_byte: int = PEAK_PER_BYTE, rows: int = 0) -> None:
    """LoadError when ``size`` bytes of text (as ``held`` says, :func:`too_big`), read with ``per_byte`` bytes of
    memory for each (a table's ``rows`` rows counted too, :func:`need`), would need more memory than is free."""
    free = free_bytes()
    if free is not None and need(size, per_byte, rows) > free:
        raise too_big(path, size, held, per_byte, rows)
