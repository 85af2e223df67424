"""What the head of a delimited text says before it is read: its delimiter, Excel's first line ``sep=;`` and the
lines of notes above its header row (:mod:`viewer.io.preamble`)."""

from __future__ import annotations

import csv
import io
import re
from functools import lru_cache
from typing import Any

from viewer.io import lines, preamble

DELIMITERS = (",", "\t", "|", ";", "\x01")
SAMPLE_BYTES = 256 * 1024


@lru_cache(maxsize=8)  # (a file is sniffed by its preview, by its suggested graph and by its read: once)
def sniff_delimiter(sample: str, suffix: str = "") -> str:
    """The delimiter that splits the sample's records into the same number (>1) of fields most often."""
    records = sample.splitlines()[:200]
    if len(records) > 1 and len(sample) >= SAMPLE_BYTES - 1:
        records = records[:-1]  # the last line of a cut sample is partial
    text = "\n".join(records)
    try:
        sniffed = csv.Sniffer().sniff(text[:65536], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        sniffed = ""
    best, best_score = ("\t" if suffix in (".tsv", ".tab") else ","), (0.0, 0, False)
    for delimiter in DELIMITERS:
        counts = _field_counts(text, delimiter)
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) / len(counts) if mode > 1 else 0.0, mode, delimiter == sniffed)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _field_counts(text: str, delimiter: str) -> list[int]:
    """The number of fields of each non-blank record, up to one the csv module refuses (a field over its
    128 KiB limit: a long description or an embedded image is no reason to refuse the file)."""
    counts: list[int] = []
    try:
        for record in csv.reader(io.StringIO(text), delimiter=delimiter):
            if record and any(field.strip() for field in record):  # (a line of a space is blank too)
                counts.append(len(record))
    except csv.Error:
        pass
    return counts


def without_preamble(data: bytes, options: dict[str, Any], suffix: str) -> tuple[bytes, int]:
    """The text from its header on, and how many lines above it (:mod:`viewer.io.preamble`) were taken off."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or lines.without_mark(data) is not None:
        return data, 0  # (its lines are not bytes apart)
    data = lines.normalise_bytes(data)  # (as every reader does: one kind of line ending)
    head = data[:SAMPLE_BYTES].decode("utf-8", errors="replace")
    delimiter = options.get("delimiter") or sniff_delimiter(head, suffix)
    try:
        rows, starts = sample_rows(head, delimiter)
    except csv.Error:  # a NUL, a field beyond the csv module's limit: read from the first line
        return data, 0
    above = starts[preamble.rows_before_header(rows)] if rows else 0  # (in lines: a row may span several)
    if not above:
        return data, 0
    at = -1
    for _ in range(above):
        at = data.index(b"\n", at + 1)
    return data[at + 1:], above


def sample_rows(head: str, delimiter: str) -> tuple[list[list[str]], list[int]]:
    """The first rows of a sample and the line each starts on. Read as CSV, so that a quoted value's line
    breaks stay in it, when every quote in the sample is closed; else line by line (a stray quote in a title
    above the header must not swallow the header)."""
    lines_ = head.split("\n")[:preamble.SAMPLE_ROWS]
    reader = csv.reader(iter(lines_), delimiter=delimiter, strict=True)
    rows, starts = [], []
    try:
        while True:
            starts.append(reader.line_num)
            rows.append(next(reader))
    except StopIteration:
        starts.pop()
        return rows, [*starts, len(lines_)]
    except csv.Error:
        rows = [next(csv.reader([line], delimiter=delimiter), []) for line in lines_]
        return rows, [*range(len(rows)), len(rows)]


_SEPARATOR_LINE = re.compile(rb"(?P<bom>\xef\xbb\xbf)?sep=(?P<sep>[^\r\n])\r?\n", re.IGNORECASE)


def declared_separator(data: bytes) -> tuple[bytes, str | None]:
    """The bytes without Excel's first line ``sep=;`` (which names the delimiter), and that delimiter."""
    found = _SEPARATOR_LINE.match(data, 0, 16)
    if found is None:
        return data, None
    return (found["bom"] or b"") + data[found.end():], found["sep"].decode("latin-1")
