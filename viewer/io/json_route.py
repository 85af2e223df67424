"""JSON on its way to a reader: the whole document parsed once for the sniffers (:func:`sniff_json`), JSON lines
told apart without parsing the whole file, and JSON known by its content under a name of no other format
(:mod:`viewer.io.json_sniff`: a HAR capture, Chrome's ``Bookmarks``, a ``.txt`` of JSON lines, also zipped).

Records read by the table reader get their ``start`` (and ``end``) from their values where no name says which
field holds their dates (:mod:`viewer.io.record_dates`); a ``start`` the caller gave wins.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Container, Sequence
from pathlib import Path
from typing import Any

from viewer.io import (
    compressed,
    free_memory,
    json_sniff,
    reading,
    record_dates,
    record_shapes,
    records,
    table,
    table_skipped,
    yaml_records,
)
from viewer.io.record_lists import HEAD, records_of
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

JSON_LINES = object()  # what sniffing a .json file of one object per line finds
ONE_LINE_BYTES = json_sniff.ONE_LINE_BYTES  # a JSON line longer than this is not sniffed as one
TEXT_SUFFIXES = (".txt", ".log", ".dat")  # a text that opens like JSON and is none is read as the text it is
SAMPLE_BYTES = 1 << 20


def by_content(path: Path, named: Container[str]) -> str | None:
    """``"lines"`` or ``"document"`` for JSON under a name that is no other format's (none, .txt, .log, .dat, or
    one not ``named``), by its first bytes (a document is parsed by :func:`document_of`); else None."""
    suffix = compressed.inner_suffix(path)
    return json_sniff.likely(path) if json_sniff.sniffed(suffix, named) else None


def sniff_json(path: Path) -> object:
    """The document, parsed whole (which format it is follows from its keys): about ten times its size in
    memory, checked first (a 64 MB limit refused a 129 MB export that opens in 1.2 GB)."""
    free_memory.check(path, path.stat().st_size, per_byte=free_memory.JSON_PEAK_PER_BYTE)
    try:
        return reading.loads(reading.utf8(path.read_bytes()).decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start}); expected a UTF-8 JSON file") from exc
    except (json.JSONDecodeError, RecursionError) as exc:
        if isinstance(exc, json.JSONDecodeError) and records.is_lines_error(exc):
            return JSON_LINES
        detail = reading.json_error(exc)
        if not path.read_bytes().removeprefix(b"\xef\xbb\xbf").strip():  # (a mark alone is empty too)
            raise LoadError(f"{path}: the file is empty; expected a JSON document") from exc
        raise LoadError(f"{path}: not readable JSON ({detail})") from exc


def one_object_per_line(path: Path) -> bool:
    """The first two lines are each a whole JSON object: JSON lines, known without parsing the whole file (a
    .json of a million lines is read as lines, not refused for its size)."""
    try:
        with path.open("rb") as handle:
            rows = [handle.readline(ONE_LINE_BYTES).decode("utf-8-sig") for _ in range(2)]
        return all(isinstance(json.loads(row), dict) for row in rows)
    except (OSError, ValueError, RecursionError):
        return False


def document_of(path: Path, held: str | None) -> object:
    """:data:`JSON_LINES`, or the parsed document; None for a text (.txt, .log, .dat) that opened like JSON and is
    none, to be read as the text it is. A file named as JSON, or under no name of a text, that is no JSON is
    refused as such."""
    if held == json_sniff.LINES or one_object_per_line(path):
        return JSON_LINES
    if held is None or path.suffix.lower() not in TEXT_SUFFIXES:
        found = sniff_json(path)
    else:
        free_memory.check(path, path.stat().st_size, per_byte=free_memory.JSON_PEAK_PER_BYTE)
        try:
            found = reading.loads(reading.utf8(path.read_bytes()).decode("utf-8-sig"))
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
            json_sniff.remember(path, None)
            return None
    json_sniff.remember(path, json_sniff.LINES if found is JSON_LINES else json_sniff.DOCUMENT)
    return found


ARCHIVED_BYTES = 64 << 20  # a packed document no larger than this is parsed to find its reader


def read_packed(path: Path, readers: Sequence[Any], other: Callable[..., Dataset], options: dict[str, Any]) -> Dataset:
    """A compressed file or an archive's table (not JSON lines): a JSON document a reader knows (a Mastodon
    archive's outbox, a zipped Discord channel, a gzipped listening history) read by the first of ``readers`` (the
    candidates that take a parsed document) whose sniffer knows it, else read by ``other`` (the table reader, a
    chat's or a log's). Before, every packed document was read as records."""
    if compressed.inner_suffix(path) not in (".json", ".geojson") or path.stat().st_size > ARCHIVED_BYTES:
        return other(path, **options)
    try:
        document = reading.loads(reading.utf8(compressed.read_bytes(path)).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return other(path, **options)  # (which says what is wrong)
    chosen = next((c for c in readers if c.parsed and c.reader is not read_records and c.sniffer(document)), None)
    return other(path, **options) if chosen is None else chosen.reader(path, **options, document=document)


def read_lines(path: Path, **options: Any) -> Dataset:
    """JSON lines read by the table reader, their dates found by their values when no name says (a ``start``
    given wins)."""
    return table.read(path, **record_dates.date_options(_first_records(path), options))


def read_records(path: Path, document: object, **options: Any) -> Dataset:
    """A JSON document's records read by the table reader, their dates found by their values when no name says."""
    with records.handed(path, document):  # (parsed once)
        return table.read(path, **record_dates.date_options(records_of(document, HEAD), options))


def read_yaml(path: Path, **options: Any) -> Dataset:
    """A YAML list of records read by the table reader as JSON's are (:mod:`viewer.io.yaml_records`)."""
    parsed = yaml_records.load(path)
    with records.handed(path, parsed):  # (parsed once)
        return table.read(path, **record_dates.date_options(records_of(parsed[0], HEAD) or [], options))


def _first_records(path: Path) -> list[dict[str, Any]]:
    """The objects on the first lines (whole lines of the first megabyte), their wrappers taken apart."""
    head = compressed.read_head(path, SAMPLE_BYTES)
    pieces = head.decode("utf-8-sig", errors="replace").split("\n")
    rows: list[dict[str, Any]] = []
    for line in pieces[:-1] if len(head) >= SAMPLE_BYTES else pieces:
        if len(rows) >= record_dates.SAMPLE:
            break
        try:
            value = reading.loads(line) if line.strip() else None  # (a lone surrogate as U+FFFD, as the reader has it)
        except (ValueError, RecursionError):
            continue
        if isinstance(value, dict):
            rows.append(value)
    return record_shapes.unwrapped(rows)


class UndatedRecords(LoadError):
    """Records none of whose fields holds a date: the window asks which field is the date (its column dialog)."""


def refuse_undated(path: Path, document: object) -> None:
    """Refuse a list of records none of whose fields holds a date, naming their fields (it was "JSON that Entente
    does not recognise", as if no records were there)."""
    if isinstance(document, dict) and document.get("type") == "Topology" and "arcs" in document:
        raise LoadError(f"{path}: a TopoJSON map (shapes drawn from shared arcs), which holds no events; expected "
                        "event records with a date field (GeoJSON features with a date among their properties are "
                        "read)")
    records = [row for row in records_of(document, HEAD) or [] if isinstance(row, dict)]
    if len(records) > 1 and all(len(row) > 1 for row in records[:50]):  # (not a config's one plugin)
        fields = list(dict.fromkeys(str(key) for row in records[:50] for key in row))
        raise UndatedRecords(f"{path}: records with no date among their fields ({table_skipped.column_names(fields)});"
                             " expected event records with a date field (date, start, timestamp, year …); choose the "
                             "field of dates (start=<field>, or the Start column of the window's column mapping)")
