"""Our own format: a folder (dataset.json + events/entities/relations as .csv or .parquet) or one .json.

The single-file JSON form holds the same metadata keys at the top level and the three tables as
lists of records: ``{"title": …, "events": [...], "entities": [...], "relations": [...]}``.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory, parquet, reading, table_fast
from viewer.io.lines import normalise_bytes, record_lines
from viewer.model import clock, dates
from viewer.model.attributes import TYPES
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

TABLES = ("events", "entities", "relations")
META_FILE = "dataset.json"


def read(path: str | Path, **_options: object) -> Dataset:
    """Read a native dataset folder or single ``.json`` file."""
    path = Path(path)
    if path.is_dir():
        return _read_folder(path)
    return _read_json_file(path)


def describes_folder(path: Path) -> bool:
    """True for a native folder's ``dataset.json`` (a file dialog picks files: a user opening a dataset folder picks
    it), which only describes the tables beside it."""
    return path.name.lower() == "dataset.json" and any((path.parent / f"events{suffix}").is_file()
                                                       for suffix in (".csv", ".parquet"))


def holds_dataset(folder: Path) -> bool:
    """Whether a folder is a native dataset's: its events table, or its dataset.json."""
    return any((folder / name).is_file() for name in ("events.csv", "events.parquet", META_FILE))


def looks_native(document: object) -> bool:
    """True for a JSON document in our single-file form (an ``events`` list of records)."""
    return isinstance(document, dict) and isinstance(document.get("events"), list) and (
        "entities" in document or "relations" in document or "title" in document)


def _read_table(folder: Path, name: str, problems: list[Problem]) -> tuple[pd.DataFrame | None, str]:
    present = [file for file in (folder / f"{name}.csv", folder / f"{name}.parquet") if file.exists()]
    if not present:
        return None, str(folder / f"{name}.csv")
    (file, *other), tied = _newest_first(present)
    try:
        frame = _read_one(file, name, problems)
    except LoadError as refused:
        if not other:
            raise
        problems.append(Problem(str(file), f"{refused}; read {other[0].name}, beside it, instead", None, None,
                                "warning"))
        return _read_one(other[0], name, problems), str(other[0])
    if other:
        problems.append(Problem(str(file), f"{file.name} and {other[0].name} are both here: read {file.name}, written "
                                f"{'at the same time' if tied else 'last'}; {other[0].name} left unread", None, None,
                                "warning"))
    return frame, str(file)


def _read_one(file: Path, name: str, problems: list[Problem]) -> pd.DataFrame:
    if file.suffix != ".csv":
        return parquet.read_frame(file)
    frame = read_csv_strings(file, problems)
    if not len(frame.columns):  # not even a header row: 0 bytes, blank lines, a lone byte order mark
        _said_empty(file, name, problems)
    return frame


def _said_empty(file: Path, name: str, problems: list[Problem]) -> None:
    """An empty table of the folder (a write that failed or was cut short): its events.csv refused by name, an empty
    entities.csv or relations.csv said and read as no rows. Before, each was read as a table of no rows, unsaid: a
    folder whose events.csv was empty opened as an empty dataset."""
    if name == "events":
        raise LoadError(f"{file}: the file is empty; expected a header row (id,start,title …) and a row per event")
    one = {"entities": "entity", "relations": "relation"}.get(name, name)
    problems.append(Problem(str(file), f"the file is empty; read as no {name} (expected a header row and a row per "
                            f"{one})", None, None, "warning"))


def _newest_first(files: list[Path]) -> tuple[list[Path], bool]:
    """A table written both as CSV and as Parquet, the one written last first (the CSV when they are of one time,
    and then True): the CSV was read without a word, however much newer the Parquet was; one that cannot be read
    gives way to the other."""
    try:
        times = [file.stat().st_mtime for file in files]
    except OSError:
        return files, False  # (the read says why)
    return (files[::-1] if len(files) == 2 and times[1] > times[0] else files), len(set(times)) < len(times)


def read_csv_strings(file: Path, problems: list[Problem] | None = None) -> pd.DataFrame:
    """A UTF-8 CSV table as strings (an empty frame for an empty file); LoadError naming the file otherwise.

    Arrow's reader reads it (ten times as quick as pandas' at a million rows); whatever it refuses (ragged
    rows, text that is not UTF-8, a repeated column name) is read by pandas, which says what is wrong. Given
    ``problems``, a row with more fields than the header (a comma typed into an unquoted value) is skipped and
    reported by its line, and the rest is read (the file's lines go with the frame: ``attrs["lines"]``).
    """
    free_memory.check(file, file.stat().st_size)
    fast = table_fast.read_csv_with_header(file)
    if fast is not None:
        return fast
    try:
        return pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()
    except UnicodeDecodeError as exc:
        raise LoadError(f"{file}: not UTF-8 text (byte {exc.start}); expected a UTF-8 CSV file") from exc
    except (pd.errors.ParserError, ValueError) as exc:
        if problems is None or not isinstance(exc, pd.errors.ParserError):
            raise LoadError(f"{file}: not a readable CSV table ({exc})") from exc
        return _without_ragged_rows(file, problems)
    except OSError as exc:
        raise LoadError(f"{file}: cannot be read ({exc.strerror or exc})") from exc


def _without_ragged_rows(file: Path, problems: list[Problem]) -> pd.DataFrame:
    """The table read record by record: a row with more fields than the header is skipped and said by its line
    (empty fields after the last are dropped, a short row is padded), so one mistyped line does not lose the file."""
    reader = csv.reader(io.StringIO(file.read_text(encoding="utf-8-sig"), newline=""))
    header = next(reader, [])
    width, rows, lines, last = len(header), [], [], reader.line_num
    for record in reader:
        first, last = last + 1, reader.line_num
        if not record:
            continue
        if len(record) > width and any(field.strip() for field in record[width:]):
            problems.append(Problem(str(file), f"{len(record)} fields where the header names {width}; row skipped "
                                               "(is a comma inside a value not quoted?)", first, None, "error"))
            continue
        rows.append((record + [""] * width)[:width])
        lines.append(first)
    frame = pd.DataFrame(rows, columns=header, dtype=str)
    frame.attrs["lines"] = lines
    return frame


def _read_folder(folder: Path) -> Dataset:
    meta, problems = _read_meta(folder / META_FILE)
    events, events_label = _read_table(folder, "events", problems)
    if events is None:  # (a folder named as a file, x.csv, is said to be one: its name read as a file's)
        named = f"a folder, though its name ends in {folder.suffix}, with " if folder.suffix else ""
        raise LoadError(f"{folder}: {named}no events.csv or events.parquet; a dataset folder holds "
                        f"{META_FILE}, events.csv, entities.csv and relations.csv")
    entities, entities_label = _read_table(folder, "entities", problems)
    relations, relations_label = _read_table(folder, "relations", problems)
    tables = Tables(events, entities, relations, events_label, entities_label, relations_label,
                    attribute_types=_attribute_types(folder / META_FILE, problems),
                    rows=_line_numbers(folder, {name: frame for name, frame, label in (
                        ("events", events, events_label), ("entities", entities, entities_label),
                        ("relations", relations, relations_label)) if label.endswith(".csv")}))
    return build_dataset(tables, _with_path(meta, folder), problems)


def _attribute_types(file: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """The ``attributes`` key of dataset.json: per table, attribute name → type."""
    try:
        document = reading.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return {}  # _read_meta has reported it
    return attribute_types_of(document, str(file), problems)


def attribute_types_of(document: object, label: str, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """Attribute types from a metadata document; anything malformed is reported and ignored."""
    given = document.get("attributes") if isinstance(document, dict) else None
    if given is None:
        return {}
    ok = isinstance(given, dict) and all(
        table in TABLES and isinstance(types, dict) and all(t in TYPES for t in types.values())
        for table, types in given.items())
    if not ok:
        problems.append(Problem(label, f"expected {{table: {{attribute: {'|'.join(TYPES)}}}}}; types inferred",
                                None, "attributes", "warning"))
        return {}
    return {str(table): {str(k): str(v) for k, v in types.items()} for table, types in given.items()}


def _line_numbers(folder: Path, frames: dict[str, pd.DataFrame | None]) -> dict[str, Any]:
    """Each CSV row's line in its file (header = line 1), whatever blank lines the reader skipped."""
    out: dict[str, Any] = {}
    for name, frame in frames.items():
        file = folder / f"{name}.csv"
        if frame is None or not file.exists():
            continue
        if "lines" in frame.attrs:  # read record by record: its lines are known
            out[name] = frame.attrs["lines"]
            continue
        try:
            data = normalise_bytes(file.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        except OSError:
            continue
        out[name] = record_lines(data, ",", len(frame), True, frame.shape[1])
    return out


def _read_meta(file: Path) -> tuple[DatasetMeta, list[Problem]]:
    if not file.exists():
        return DatasetMeta(title=file.parent.name), [Problem(str(file), "no dataset.json; using defaults",
                                                            level="info")]
    try:
        document = reading.loads(file.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        said = f"not readable JSON ({reading.json_error(exc)}); using defaults"
        return DatasetMeta(title=file.parent.name), [Problem(str(file), said, level="warning")]
    if not isinstance(document, dict):
        return DatasetMeta(), [Problem(str(file), "expected a JSON object; using defaults", level="warning")]
    return meta_from_json(document, str(file))


def meta_from_json(document: dict[str, Any], label: str) -> tuple[DatasetMeta, list[Problem]]:
    """Read the metadata keys (title, description, default_window, licence, sources, principal, clock)."""
    problems: list[Problem] = []
    window = document.get("default_window") or {}
    if not isinstance(window, dict):
        problems.append(Problem(label, "expected an object with start/end/cursor", None, "default_window",
                                "warning"))
        window = {}

    time_clock = str(document.get("clock") or clock.CALENDAR)
    if time_clock not in clock.CLOCKS:
        problems.append(Problem(label, f"expected one of {', '.join(clock.CLOCKS)}, got {time_clock!r}; "
                                "read as calendar dates", None, "clock", "warning"))
        time_clock = clock.CALENDAR

    def date(key: str) -> dates.PartialDate | None:
        value = window.get(key)
        if value in (None, ""):
            return None
        try:
            return clock.parse_instant(str(value), time_clock)
        except ValueError as exc:
            problems.append(Problem(label, str(exc), None, f"default_window.{key}", "warning"))
            return None

    def strings(key: str) -> tuple[str, ...]:
        value = document.get(key) or []
        if isinstance(value, str):
            return (value,)
        if not isinstance(value, list):
            problems.append(Problem(label, "expected a list of strings", None, key, "warning"))
            return ()
        return tuple(str(v) for v in value)

    start, end = date("start"), date("end")
    if start is not None and end is not None and start.start > end.start:  # (typed the wrong way round)
        problems.append(Problem(label, f"the start ({start.label()}) is after the end ({end.label()}); read the "
                                "other way round", None, "default_window", "warning"))
        start, end = end, start
    meta = DatasetMeta(
        title=str(document.get("title") or ""), description=str(document.get("description") or ""),
        default_start=start, default_end=end, default_cursor=date("cursor"),
        window_label=str(window.get("label") or ""), licence=str(document.get("licence") or ""),
        sources=strings("sources"), principal=strings("principal"), clock=time_clock)
    return meta, problems


def _with_path(meta: DatasetMeta, path: Path) -> DatasetMeta:
    return replace(meta, path=str(path), title=meta.title or path.stem)


def _records(document: dict[str, Any], name: str, label: str) -> pd.DataFrame | None:
    rows = document.get(name)
    if rows is None:
        return None
    if not isinstance(rows, list) or not all(isinstance(r, dict) for r in rows):
        raise LoadError(f"{label}: '{name}' must be a list of objects (one per row)")
    frame = pd.DataFrame.from_records(rows)
    return frame.astype("object").where(frame.notna(), "")


def _read_json_file(file: Path) -> Dataset:
    try:
        document = reading.loads(file.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise LoadError(f"{file}: cannot be read ({exc.strerror or exc})") from exc
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{file}: not readable JSON ({reading.json_error(exc)})") from exc
    if not looks_native(document):
        raise LoadError(f"{file}: expected an object with an 'events' list and 'entities'/'relations' lists")
    meta, problems = meta_from_json(document, str(file))
    label = str(file)
    events = _records(document, "events", label)
    tables = Tables(events if events is not None else pd.DataFrame(), _records(document, "entities", label),
                    _records(document, "relations", label), f"{label} events", f"{label} entities",
                    f"{label} relations", attribute_types=attribute_types_of(document, label, problems))
    return build_dataset(tables, _with_path(meta, file), problems)
