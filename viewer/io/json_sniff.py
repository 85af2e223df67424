"""JSON known by its content, whatever the file is called: a HAR capture (``.har``), Chrome's ``Bookmarks`` (no
suffix), an API's answer saved without a suffix, Companies House's snapshot of JSON lines as ``.txt`` (also in a
ZIP archive). Before, each was read as delimited text and refused as having "no date column among {".

Cheap for a table of gigabytes: only its first bytes are looked at. A document opens with ``{"`` (or ``{}``) or
``[`` and a value, and ends with ``}`` or ``]``; JSON lines' first line is a whole object. Only a file that opens
so is parsed (whole, when it is one document), and the verdict is kept for the readers that ask again.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Container
from pathlib import Path

from viewer.io import compressed, reading
from viewer.model.problems import LoadError

DOCUMENT, LINES = "document", "lines"
JSON_SUFFIXES = (".json", ".geojson")
LINES_SUFFIXES = (".jsonl", ".ndjson")
GENERIC = ("", ".txt", ".log", ".dat")  # suffixes that name no format: any text may be under them
# formats the table reader knows by their suffix: never read as JSON, whatever they open with
TABLE_FORMATS = (".csv", ".tsv", ".tab", ".psv", ".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".pq", ".feather",
                 ".arrow", ".ipc", ".html", ".htm", ".xml", ".rss", ".atom", ".docx", ".odt", ".pdf", ".rtf", ".doc")
HEAD_BYTES = 4096
ONE_LINE_BYTES = 1 << 20  # a first line longer than this is not sniffed as one object
_VALUE_STARTS = b'{["-0123456789tfn]'
_KEPT = 64
_verdicts: dict[tuple[str, int, int, bytes], str | None] = {}
_LOCK = threading.Lock()  # (the window reads on a thread of its own)


def opens_as_json(head: bytes) -> bool:
    """Whether the first bytes open a JSON document or JSON lines: ``{"`` or ``{}``, ``[`` and a value or ``]``
    (a log's ``[2019-03-04 10:00] …`` passes, and is told apart by what follows)."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not start[:1] or start[:1] not in b"{[":
        return False
    after = start[1:].lstrip(b" \t\r\n")[:1]
    return not after or after in (b'"}' if start[:1] == b"{" else _VALUE_STARTS)


def kind(path: Path) -> str | None:
    """``"lines"`` for one JSON object per line, ``"document"`` for a JSON document, None for anything else (a
    table, a text, a file that opens like JSON and is none). Read whole only when the first bytes open as JSON."""
    head = compressed.read_head(path, HEAD_BYTES)
    if not opens_as_json(head):
        return None
    key = _key(path, head)
    with _LOCK:
        if key is not None and key in _verdicts:
            return _verdicts[key]
    found = likely(path, head)
    if found == DOCUMENT and not _parses(path):
        found = None
    remember(path, found)
    return found


def likely(path: Path, head: bytes | None = None) -> str | None:
    """What the file's first lines and last bytes say it is (``"lines"``, ``"document"`` or None), without parsing
    it whole: a document may still turn out to be none."""
    if not opens_as_json(compressed.read_head(path, HEAD_BYTES) if head is None else head):
        return None
    if first_lines_are_objects(path):
        return LINES
    return DOCUMENT if compressed.compression(path) is not None or _closes(path) else None


def remember(path: Path, found: str | None) -> None:
    """Keep a verdict (the dispatch's own, once it parsed the document) for the readers that ask again: by the
    file's name, size, time of change and first bytes."""
    key = _key(path, compressed.read_head(path, HEAD_BYTES))
    if key is None:
        return
    with _LOCK:
        if len(_verdicts) >= _KEPT:
            _verdicts.pop(next(iter(_verdicts)))
        _verdicts[key] = found


def sniffed(suffix: str, named: Container[str] = TABLE_FORMATS) -> bool:
    """Whether a file under this suffix is looked at for JSON: a suffix that names no format (none, .txt, .log,
    .dat), or one that is not among the ``named`` formats."""
    return suffix in GENERIC or (suffix not in named and suffix not in (*JSON_SUFFIXES, *LINES_SUFFIXES))


def _key(path: Path, head: bytes) -> tuple[str, int, int, bytes] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns, head


def _parses(path: Path) -> bool:
    try:
        reading.loads(reading.utf8(compressed.read_bytes(path)).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError, LoadError, OSError):
        return False  # (a file too big to read is said so by the reader)
    return True


def _closes(path: Path) -> bool:
    """Whether the file's last bytes other than white space close a JSON document (``}`` or ``]``)."""
    try:
        with path.open("rb") as handle:
            handle.seek(max(0, path.stat().st_size - 256))
            tail = handle.read()
    except OSError:
        return False
    return tail.rstrip(b" \t\r\n\x00")[-1:] in (b"}", b"]")


def first_lines_are_objects(path: Path) -> bool:
    """The first line is a whole JSON object, and so is the second (or it opens as one where the first bytes end):
    JSON lines, known without parsing the whole file. A line may open with a byte order mark (files joined with
    ``cat``, each written with one): a .txt of such lines was taken for a table, its second line unreadable."""
    head = compressed.read_head(path, ONE_LINE_BYTES * 2)
    pieces = head.decode("utf-8-sig", errors="replace").split("\n")
    whole = [row for row in pieces[:-1] if row.strip()][:2]  # (the last piece may be cut short)
    cut = len(head) >= ONE_LINE_BYTES * 2 and pieces[-1].lstrip().removeprefix("\ufeff").startswith("{")
    if not whole or (len(whole) < 2 and not cut):
        return False
    try:
        return all(isinstance(json.loads(row.removeprefix("\ufeff")), dict) for row in whole)
    except (ValueError, RecursionError):
        return False
