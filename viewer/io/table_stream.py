"""A long UTF-8 text table read by Arrow straight from its file (unpacked as it is read when it is compressed).

The general path reads a file's bytes into Python first (its line endings made one kind, its first lines
looked at, its lines counted for the rows' numbers) and hands them to Arrow's reader. For a 100 MB file the
copy alone costs half of what Arrow's read costs, and the bytes are held beside the table while it is read.
Here the file is read twice from the page cache instead: once a piece at a time to count its lines (and see
that its line endings need no change), once by Arrow's multi-threaded reader. Anything this path would read
differently says "not for me" (``None``) and the general path reads the file as before: a lone CR for a line
ending, text that is not UTF-8, rows of more fields than the first, a quoted value over several lines or a
blank line (the lines and the rows then do not match, and the general path numbers the rows by their lines).

A table packed with gzip, bzip2 or zstd is read the same way, unpacked by Arrow as it is read (twice: once to count
its lines, once to read it). Unpacked whole first, a 29 MB gzip of 2.5 GB of rows took 45 s and 10.7 GB before its
refusal (its bytes, their copy with line endings made one kind, and Arrow's table of them).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from viewer.io import compressed, free_memory, lines, table_fast
from viewer.io.text_head import SAMPLE_BYTES, declared_separator, sniff_delimiter, without_preamble
from viewer.model import text_arrow

STREAMED_FROM = 8 << 20  # bytes; below this the copy costs little (tests lower it)
PACKED_FROM = 1 << 20  # bytes of a compressed file (which unpacks to several times as many)
PIECE = 1 << 20  # bytes read at a time: a piece that stays in the processor's cache
_LF, _CR = ord("\n"), ord("\r")
UNPACKED_BY_ARROW = ("gzip", "bz2", "zstd")  # (Arrow's codecs by the names compressed.compression gives)


def eligible(path: Path, options: dict[str, Any]) -> bool:
    """A plain file of at least :data:`STREAMED_FROM` bytes, or one packed with gzip, bzip2 or zstd of at least
    :data:`PACKED_FROM`, read as UTF-8."""
    encoding = str(options.get("encoding") or "utf-8").lower().replace("-", "")
    kind = compressed.compression(path)
    if encoding not in ("utf8", "utf8sig") or (kind is not None and kind not in UNPACKED_BY_ARROW):
        return False
    try:
        return path.stat().st_size >= (STREAMED_FROM if kind is None else PACKED_FROM)
    except OSError:
        return False  # the general path says why


def _opened(path: Path) -> pa.NativeFile:
    """The file opened for Arrow, unpacked as it is read when it is compressed."""
    return pa.input_stream(str(path), compression=compressed.compression(path))


def line_count(path: Path) -> int | None:
    """The file's lines as :func:`viewer.io.lines.line_count` counts them in its bytes (a last line without its
    ending counts), or None when a CR ends a line alone (the general path makes those LF first) or the file
    cannot be read (or unpacked). A compressed file that unpacks to more than the free memory can read is refused
    once it passes that, as the general path's unpacking refuses it (:func:`viewer.io.compressed.read_bytes`)."""
    piece = bytearray(PIECE)
    octets = np.frombuffer(piece, dtype=np.uint8)
    count, last, total = 0, _LF, 0
    free = free_memory.free_bytes() if compressed.compression(path) is not None else None
    try:
        with _opened(path) as handle:
            while size := handle.readinto(piece):
                if free is not None and free_memory.need(total + size, rows=count) > free:
                    raise free_memory.too_big(path, total + size, "unpacks to more than", rows=count)
                held = octets[:size]
                count += int(np.count_nonzero(held == _LF))
                if (piece.find(b"\r", 0, size) >= 0 or last == _CR) and not _crlf_only(held, last):
                    return None
                last, total = int(held[-1]), total + size
    except (OSError, pa.ArrowException):
        return None
    if last == _CR:  # the file ends with a lone CR
        return None
    return count + (total > 0 and last != _LF)


def _crlf_only(held: np.ndarray, last: int) -> bool:
    """Every CR in this piece is followed by LF (``last``: the byte before it, when that was a CR)."""
    if last == _CR and held[0] != _LF:
        return False
    crs = np.flatnonzero(held[:-1] == _CR)
    return bool((held[crs + 1] == _LF).all())  # (a CR at the piece's end is checked with the next piece)


def read(path: Path, delimiter: str, sample: str) -> pd.DataFrame | None:
    """Every cell as text, the header row among them (as :func:`viewer.io.table_fast.read_csv` gives them), or None
    for the general path. The rows must be the file's lines one for one."""
    counted = line_count(path)
    if counted is None:
        return None
    try:
        frame = table_fast.read_csv(_opened(path), delimiter, sample)
    except (OSError, pa.ArrowException):
        return None
    except text_arrow.TooMuchText as big:
        raise table_fast.too_much_text(path, big) from None
    return frame if frame is not None and len(frame) == counted else None


def read_file(path: Path, options: dict[str, Any], suffix: str) -> tuple[pd.DataFrame, str] | None:
    """The cells (the header row among them) and the delimiter of a long UTF-8 file whose head needs none of
    what the general path does before it reads (a ``sep=`` line, lines of notes above the header, UTF-16), or
    None for the general path."""
    if not eligible(path, options):
        return None
    compressed.check_room(path, table=True)  # (LoadError for a file more than memory holds, its rows counted too)
    head = compressed.read_head(path, SAMPLE_BYTES * 4)
    given = {k: v for k, v in options.items() if v is not None}
    if (not head or head.isspace() or head.startswith(compressed.UTF16_MARKS)
            or lines.without_mark(head) is not None or declared_separator(head)[1] is not None
            or without_preamble(head, given, suffix)[1]):
        return None
    sample = head.decode("utf-8-sig", errors="ignore")[:SAMPLE_BYTES]
    delimiter = given.get("delimiter") or sniff_delimiter(sample, suffix)
    frame = read(path, delimiter, sample)
    return None if frame is None else (frame, delimiter)


def read_columns(path: Path, options: dict[str, Any], suffix: str) -> tuple[pd.DataFrame, str] | None:
    """:func:`read_file`, or None also for a single column, which may be a table lined up with spaces
    (:mod:`viewer.io.fixed_width`, that the general path reads)."""
    streamed = read_file(path, options, suffix)
    return streamed if streamed is None or streamed[0].shape[1] > 1 else None
