"""Line endings and line numbers of delimited text, so every reader sees one kind and reports true rows.

Old Mac files end lines with CR alone, some files mix CR, LF and CRLF; Python's csv module refuses
a CR inside what it takes for one line. :func:`normalise_text` and :func:`normalise_bytes` turn
every ending into LF (a file with none or only CRLF is left as it is, without a copy).

:func:`record_lines` gives each record the line a text editor shows it on (header = line 1): table
readers skip blank lines and rows with too many fields, and a quoted field may span lines, so the
record's position is not its line. The cheap check (as many lines as records) answers most files;
otherwise one pass of the csv module counts the lines of each record.
"""

from __future__ import annotations

import csv
import io
import re

import numpy as np


def normalise_text(text: str) -> str:
    """``text`` with CR and CRLF line endings turned into LF."""
    if "\r" not in text or text.count("\r") == text.count("\r\n"):
        return text  # CRLF alone reads fine everywhere
    return text.replace("\r\n", "\n").replace("\r", "\n")


def normalise_bytes(data: bytes) -> bytes:
    """Like :func:`normalise_text` for UTF-8 (or any ASCII-compatible) bytes."""
    if b"\r" not in data or data.count(b"\r") == data.count(b"\r\n"):
        return data
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")


_COUNTED_AT_ONCE = 1 << 18  # bytes: a piece that stays in the processor's cache


def byte_count(data: bytes, value: int) -> int:
    """How many times a byte occurs: numpy over cache-sized pieces, four times as quick as ``bytes.count`` on a
    100 MB file."""
    octets = np.frombuffer(data, dtype=np.uint8)
    return sum(int(np.count_nonzero(octets[at:at + _COUNTED_AT_ONCE] == value))
               for at in range(0, len(octets), _COUNTED_AT_ONCE))


def line_count(data: bytes | str) -> int:
    """How many lines the text has (a last line without an ending counts)."""
    if isinstance(data, bytes):
        return byte_count(data, ord("\n")) + (1 if data and not data.endswith(b"\n") else 0)
    return data.count("\n") + (1 if data and not data.endswith("\n") else 0)


def record_lines(data: bytes | str, delimiter: str, records: int, header: bool, width: int) -> np.ndarray:
    """The line each of ``records`` data records starts on, as an editor numbers lines (first line = 1).

    ``width`` is the header's field count: longer records are skipped by the table readers, so they
    are skipped here too. When the count cannot be matched, records are numbered as if no line were
    skipped (the best that can be said).
    """
    first = 2 if header else 1
    plain = np.arange(first, first + records, dtype=np.int64)
    if line_count(data) == records + first - 1:
        return plain
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    starts: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    try:
        for fields in reader:
            start, line = line, reader.line_num + 1
            if fields and len(fields) <= width:  # blank lines and over-long rows are skipped by the readers
                starts.append(start)
    except csv.Error:
        return plain  # a field beyond the csv module's size limit, a NUL …: keep positions
    numbers = np.asarray(starts[1:] if header else starts, dtype=np.int64)
    return numbers if len(numbers) == records else plain


UTF16_SAMPLE = 4096  # bytes looked at


def utf16_without_mark(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when the first bytes are UTF-16 text written without a byte order mark
    (some Windows tools save so): every other byte zero, as ASCII delimiters, digits and letters give, the
    others not, and the bytes decode; else None. Such a file was refused as binary for its NULs."""
    sample = head[:UTF16_SAMPLE]
    sample = sample[:len(sample) - len(sample) % 2]
    if len(sample) < 8 or sample.startswith((b"\xff\xfe", b"\xfe\xff")):  # marked: read by its mark
        return None
    octets = np.frombuffer(sample, dtype=np.uint8)
    even, odd = np.count_nonzero(octets[0::2] == 0) / (len(octets) / 2), np.count_nonzero(octets[1::2] == 0) / (
        len(octets) / 2)
    for encoding, zeros, others in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 0.4 and others <= 0.02:
            try:  # the sample may end inside a surrogate pair
                text = sample[:-2].decode(encoding)
            except UnicodeDecodeError:
                return None
            shown = sum(char.isprintable() or char in "\t\r\n" for char in text)
            return encoding if shown >= 0.95 * len(text) else None  # not an array of small binary numbers
    return None


def without_mark(head: bytes) -> str | None:
    """The codec of text written in UTF-32 or UTF-16 without a byte order mark (``utf-32-le``, ``utf-32-be``,
    ``utf-16-le``, ``utf-16-be``), told by the zero bytes its characters leave; None for any other bytes (UTF-8,
    a marked text, a binary file). Such text was refused as binary for its NULs."""
    return utf32_without_mark(head) or utf16_without_mark(head)


def utf32_without_mark(head: bytes) -> str | None:
    """``utf-32-le`` or ``utf-32-be`` when the first bytes are UTF-32 text written without a byte order mark: of
    each four bytes the highest is zero (no character is past U+10FFFF), the next nearly always (a character past
    U+FFFF is rare), the lowest nearly never, and the bytes decode to printable text; else None. (A file of zeros
    or of random bytes has no such pattern.)"""
    sample = head[:UTF16_SAMPLE]
    sample = sample[:len(sample) - len(sample) % 4]
    if len(sample) < 16 or sample.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):  # marked: by its mark
        return None
    zeros = np.count_nonzero(np.frombuffer(sample, dtype=np.uint8).reshape(-1, 4) == 0, axis=0) / (len(sample) / 4)
    for encoding, (high, next_, low) in (("utf-32-le", (3, 2, 0)), ("utf-32-be", (0, 1, 3))):
        if zeros[high] == 1 and zeros[next_] >= 0.9 and zeros[low] <= 0.02:
            return encoding if _printable(sample, encoding) else None
    return None


def _printable(sample: bytes, encoding: str) -> bool:
    """Whether the bytes decode as this codec to text nearly all printable (not an array of small numbers)."""
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return sum(char.isprintable() or char in "\t\r\n" for char in text) >= 0.95 * len(text)


_LETTERS = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")


def shape(field: object) -> str:
    """A field's shape: runs of letters as ``a``, of digits as ``9`` (``2019-01-07`` → ``9-9-9``, ``"Acme Ltd"``
    → ``a a``), to tell a record's fields from a title's or a header's."""
    return _DIGITS.sub("9", _LETTERS.sub("a", str(field).strip().strip('"')))


def control_bytes(head: bytes) -> bool:
    """Whether the first bytes hold more control characters than any text does (a CBOR or protocol file's bytes:
    read as a table, its refusal printed them as column names). Tabs, line ends, form feeds, a vertical tab
    (FileMaker's line break in a cell), Ctrl-A (a delimiter), ESC (a log's colours), Ctrl-Z and the ASCII
    separators 28-31 are text's."""
    octets = np.frombuffer(head, dtype=np.uint8)
    controls = np.count_nonzero(((octets < 9) & (octets != 1)) | ((octets >= 14) & (octets < 26)))
    return bool(controls > max(16, len(head) // 32))
