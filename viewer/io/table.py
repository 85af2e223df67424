"""Generic event tables: delimited text, ``.xlsx``, ``.parquet`` or JSON records, one event per row.

Columns are mapped to event fields from their names (:func:`guess_mapping`; options override it),
dates are recognised by :mod:`viewer.model.dates.columns`, and every guess (encoding, delimiter, day/month
order, time zones) is reported as a :class:`Problem`. Rows without a readable start are skipped and
reported. Rows are never iterated in Python: columns are read as strings and handled vectorised.
"""

from __future__ import annotations

import csv
import io
import json
import re
import warnings
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import lines, table_fast, table_graph
from viewer.io.import_spec import ImportSpec, as_spec
from viewer.io.table_mapping import Mapping, guess_mapping
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.attributes import PREFIX
from viewer.model.dates import ParsedDates
from viewer.model.dates import columns as date_columns
from viewer.model.problems import LoadError, Problem

DELIMITERS = (",", "\t", "|", ";", "\x01")
SAMPLE_BYTES = 256 * 1024
EXPECTED = "a table with a header row and a date column (date, start, begin, timestamp, year …)"
@dataclass(frozen=True)
class Preview:
    """The first rows as read, the guessed mapping, and how the file was read (for a mapping dialog)."""

    rows: pd.DataFrame
    mapping: Mapping
    encoding: str
    delimiter: str | None
    header: bool
    date_order: str | None
    problems: tuple[Problem, ...] = ()


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str, list[Problem]]:
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except (UnicodeDecodeError, LookupError) as exc:
            raise LoadError(f"{path}: cannot be read as {encoding} ({exc})") from exc
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16", []
        except UnicodeDecodeError as exc:
            raise LoadError(f"{path}: starts like UTF-16 text but is not ({exc})") from exc
    try:
        return data.decode("utf-8-sig"), "utf-8", []
    except UnicodeDecodeError as exc:
        where = f"byte 0x{data[exc.start]:02X} at offset {exc.start}"
        for fallback in ("cp1252", "latin-1"):
            try:
                text = data.decode(fallback)
            except UnicodeDecodeError:
                continue
            return text, fallback, [Problem(str(path), f"not UTF-8 ({where}); read as {fallback}", None, None,
                                            "warning")]
    raise LoadError(f"{path}: not readable text")  # latin-1 decodes anything; kept for the type checker


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
        counts = [len(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter) if r]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = (counts.count(mode) / len(counts) if mode > 1 else 0.0, mode, delimiter == sniffed)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_delimited(path: Path, text: str, delimiter: str, nrows: int | None) -> tuple[pd.DataFrame, list[Problem]]:
    data = text.encode("utf-8")
    options: dict[str, Any] = {"sep": delimiter, "header": None, "dtype": str, "keep_default_na": False}
    if nrows is None:
        try:
            return pd.read_csv(io.BytesIO(data), engine="pyarrow", **options), []
        except (ValueError, pd.errors.ParserError):
            pass  # ragged rows or quoting pyarrow rejects: the C parser reports them line by line
    problems: list[Problem] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", pd.errors.ParserWarning)
        try:
            frame = pd.read_csv(io.BytesIO(data), engine="c", on_bad_lines="warn", nrows=nrows, **options)
        except pd.errors.EmptyDataError as exc:
            raise LoadError(f"{path}: no rows; expected {EXPECTED}") from exc
        except pd.errors.ParserError as exc:
            raise LoadError(f"{path}: not a readable delimited table ({exc}); expected {EXPECTED}") from exc
    for warning in caught:
        for line, saw in re.findall(r"line (\d+): expected \d+ fields, saw (\d+)", str(warning.message)):
            problems.append(Problem(str(path), f"line {line} has {saw} fields, more than the header; row skipped",
                                    int(line), None, "error"))
    return frame, problems


def read_records(path: str | Path) -> pd.DataFrame:
    """Read JSON records (a list of flat objects, or one under ``data``/``records``/``events``) as strings."""
    path = Path(path)
    try:
        document = json.loads(path.read_text(encoding="utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({exc})") from exc
    rows = _records_of(document)
    if rows is None:
        raise LoadError(f"{path}: expected a list of objects, or an object with a 'data', 'records' or "
                        "'events' list of objects")
    frame = pd.DataFrame.from_records(rows)
    nested = [c for c in frame.columns if frame[c].map(lambda v: isinstance(v, (dict, list))).any()]
    for column in nested:
        frame[column] = frame[column].map(lambda v: json.dumps(v) if isinstance(v, (dict, list)) else v)
    return frame.astype("object").where(frame.notna(), "").astype(str)


def _records_of(document: object) -> list[dict[str, Any]] | None:
    if isinstance(document, dict):
        document = next((document[k] for k in ("data", "records", "events") if isinstance(document.get(k), list)),
                        None)
    if isinstance(document, list) and document and all(isinstance(r, dict) for r in document):
        return document
    return None


def looks_like(document: object) -> bool:
    """True for JSON holding flat records (mostly scalar values) with a date-like key."""
    rows = _records_of(document)
    if not rows:
        return False
    sample = rows[:50]
    values = [v for r in sample for v in r.values()]
    flat = sum(not isinstance(v, (dict, list)) for v in values) >= 0.8 * max(len(values), 1)
    return flat and guess_mapping([str(k) for k in sample[0]]).start is not None


def _names(row: pd.Series) -> list[str]:
    names: list[str] = []
    for i, value in enumerate(row.astype(str).str.replace("\xa0", " ").str.strip()):
        name = value or f"column{i + 1}"
        names.append(name if name not in names else f"{name}_{i + 1}")
    return names


def _read_parquet(path: Path) -> pd.DataFrame:
    try:
        return pd.read_parquet(path)
    except Exception as exc:  # pyarrow raises many types for a damaged file; none may escape
        if isinstance(exc, MemoryError):
            raise
        raise LoadError(f"{path}: not a readable Parquet file ({exc})") from exc


def _read_excel(path: Path, nrows: int | None) -> pd.DataFrame:
    try:
        return pd.read_excel(path, header=None, dtype=str, nrows=nrows).fillna("")
    except Exception as exc:  # openpyxl raises many types (BadZipFile, KeyError …) for a damaged workbook
        if isinstance(exc, MemoryError):
            raise
        raise LoadError(f"{path}: not a readable Excel workbook ({exc})") from exc


def _read_fast(data: bytes, options: dict[str, Any], suffix: str) -> tuple[pd.DataFrame, str, bytes] | None:
    """UTF-8 text read by Arrow's CSV reader (with the delimiter sniffed as usual), or None."""
    if str(options.get("encoding") or "utf-8").lower().replace("-", "") not in ("utf8", "utf8sig"):
        return None
    data = lines.normalise_bytes(data)
    sample = data[:SAMPLE_BYTES * 4].decode("utf-8-sig", errors="ignore")[:SAMPLE_BYTES]
    delimiter = options.get("delimiter") or sniff_delimiter(sample, suffix)
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    frame = table_fast.read_csv(body, delimiter, sample)
    return None if frame is None else (frame, delimiter, body)


@dataclass
class _Raw:
    """A table as read: strings with column names, how it was read, and each row's line in the file."""

    frame: pd.DataFrame
    encoding: str
    delimiter: str | None
    header: bool
    problems: list[Problem]
    rows: np.ndarray


def _load_raw(path: Path, options: dict[str, Any], nrows: int | None = None) -> _Raw:
    """The table as strings with column names, plus encoding, delimiter, header flag, problems and line numbers."""
    suffix = path.suffix.lower()
    header: bool | None = options.get("header")
    if suffix in (".json", ".parquet", ".pq"):
        frame = read_records(path) if suffix == ".json" else _read_parquet(path)
        frame = frame.head(nrows) if nrows else frame
        return _Raw(frame, "utf-8" if suffix == ".json" else "binary", None, True, [],
                    np.arange(1, len(frame) + 1))
    problems: list[Problem] = []
    delimiter: str | None = None
    text: bytes | str = b""
    if suffix in (".xlsx", ".xlsm"):
        frame = _read_excel(path, nrows)
        encoding = "xlsx"
    else:
        data = path.read_bytes()
        if not data or data.isspace():  # (data.strip() would copy a big file)
            raise LoadError(f"{path}: the file is empty; expected {EXPECTED}")
        fast = _read_fast(data, options, suffix) if nrows is None else None
        if fast is not None:
            frame, delimiter, text, encoding = fast[0], fast[1], fast[2], "utf-8"
        else:
            text, encoding, problems = _decode(path, data, options.get("encoding"))
            text = lines.normalise_text(text)
            delimiter = options.get("delimiter") or sniff_delimiter(text[:SAMPLE_BYTES], suffix)
            frame, bad = _read_delimited(path, text, delimiter, None if nrows is None else nrows + 1)
            problems += bad
    if frame.empty:
        raise LoadError(f"{path}: no rows; expected {EXPECTED}")
    if header is None:
        header = date_columns.has_header(frame)
    width = frame.shape[1]
    if header:
        frame = frame.iloc[1:].reset_index(drop=True).set_axis(_names(frame.iloc[0]), axis=1)
    else:
        frame.columns = [f"column{i + 1}" for i in range(frame.shape[1])]
        problems.append(Problem(str(path), "no header row found; columns named column1, column2 …", None, None,
                                "info"))
    frame = frame.head(nrows) if nrows else frame
    if delimiter is None or nrows:  # a workbook's rows are its lines; a preview needs no line numbers
        rows = np.arange(2 if header else 1, len(frame) + (2 if header else 1))
    else:
        rows = lines.record_lines(text, delimiter, len(frame), header, width)
    return _Raw(frame, encoding, delimiter, header, problems, rows)


def raw_table(path: Path, options: dict[str, Any]) -> tuple[pd.DataFrame, bool]:
    """A table file's cells as strings with column names (``column1`` … without a header), and the header flag."""
    raw = _load_raw(path, options)
    return raw.frame, raw.header


def _mapping(frame: pd.DataFrame, options: dict[str, Any], label: str) -> Mapping:
    mapping = guess_mapping([str(c) for c in frame.columns])
    given = {k: options[k] for k in ("start", "end", "title", "category", "description", "url", "id", "time",
                                     "timezone") if options.get(k)}
    if options.get("actors"):
        actors = options["actors"]
        given["actors"] = (actors,) if isinstance(actors, str) else tuple(actors)
    if given:
        mapping = replace(mapping, **given)
    if mapping.start is None:
        sample = frame.head(200)
        dated = [c for c in frame.columns if date_columns.looks_like_dates(sample[c])]
        dated += [c for c in frame.columns if date_columns.number_dates(sample[c]) == "yyyymmdd"]
        dated += [c for c in frame.columns if date_columns.number_dates(sample[c]) == "year"]
        mapping = replace(mapping, start=dated[0] if dated else None, certain=False)
    missing = [c for c in (mapping.start, mapping.end, mapping.title, mapping.category, mapping.description,
                           mapping.url, mapping.id, mapping.time, mapping.timezone, *mapping.actors)
               if c is not None and c not in frame.columns]
    if missing:
        raise LoadError(f"{label}: no column named {', '.join(map(repr, missing))}; the columns are "
                        f"{', '.join(map(str, frame.columns))}")
    return mapping


def _column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    """A column as stripped Arrow-backed text, blanks as "" (no Python object per cell)."""
    if name is None:
        return pd.Series("", index=frame.index, dtype=table_fast.TEXT)
    return date_columns.clean_text(frame[name]).fillna("")


@dataclass
class _Events:
    """The events read from a table's rows, and which rows they came from."""

    frame: pd.DataFrame
    parsed: dict[str, ParsedDates]
    problems: list[Problem]
    keep: np.ndarray
    order: str | None


def _events(frame: pd.DataFrame, mapping: Mapping, label: str, options: dict[str, Any], excel: bool,
            lines_of: np.ndarray) -> _Events:
    problems: list[Problem] = []
    assert mapping.start is not None
    start = date_columns.parse_column(
        frame[mapping.start], date_order=options.get("date_order"),
        yearish="year" in mapping.start.lower() or date_columns.number_dates(frame[mapping.start].head(200)) == "year",
        excel=excel or "date" in mapping.start.lower(),
        times=frame[mapping.time] if mapping.time else None,
        zones=frame[mapping.timezone] if mapping.timezone else None)
    for level, message in start.notes:
        problems.append(Problem(label, message, None, mapping.start, level))
    rows = np.arange(1, len(frame) + 1)
    texts = _column(frame, mapping.start)
    for position in np.flatnonzero(start.invalid.to_numpy(dtype=bool))[:200]:
        problems.append(Problem(label, f"expected a date, got {texts.iloc[position]!r}; row skipped",
                                int(lines_of[position]), mapping.start))
    empty = (texts == "").to_numpy(dtype=bool)
    if empty.any():
        problems.append(Problem(label, f"{int(empty.sum()):,} rows have no start date (first: row "
                                       f"{int(lines_of[empty][0])}); skipped", None, mapping.start))
    keep = start.instants.notna().to_numpy()
    parsed = {"start": date_columns.parsed_dates(start.instants, start.precisions, keep)}
    events = pd.DataFrame({"start": start.instants})
    if mapping.end:
        end = date_columns.parse_column(frame[mapping.end], date_order=start.order or options.get("date_order"))
        usable = end.instants.notna() & ~(end.instants < start.instants).fillna(False)
        parsed["end"] = date_columns.parsed_dates(end.instants.where(usable), end.precisions, keep)
        events["end"] = end.instants.where(usable)
    description = _column(frame, mapping.description)
    actors = pd.Series("", index=frame.index, dtype=table_fast.TEXT)
    for column in mapping.actors:
        actors = actors + ";" + _column(frame, column)
    events["actors"] = actors.str.strip(";")
    title = _column(frame, mapping.title)
    fallback = description.str.slice(0, 120).where(description != "",
                                                   events["actors"].str.replace(";", " → ", regex=False))
    events["title"] = title.where(title != "", fallback.where(fallback != "", _column(frame, mapping.category)))
    # unmapped columns are left out: build_dataset fills them after sorting, which is cheaper
    for name, source in (("description", mapping.description), ("category", mapping.category),
                         ("source_url", mapping.url)):
        if source is not None:
            events[name] = description if name == "description" else _column(frame, source)
    ids = _column(frame, mapping.id)
    events["id"] = ids.where(ids != "", table_fast.row_ids(frame.index, rows)) if (ids == "").any() else ids
    return _Events(events[keep].reset_index(drop=True), parsed, problems, keep, start.order)


def _attributes(frame: pd.DataFrame, mapping: Mapping, spec: ImportSpec | None) -> pd.DataFrame:
    """The columns no core field takes, as ``attr:<name>`` columns (build_dataset types them)."""
    used = {mapping.start, mapping.end, mapping.title, mapping.category, mapping.description, mapping.url,
            mapping.time, mapping.timezone, mapping.id, *mapping.actors, *(spec.ignore if spec else ())}
    extra = [c for c in frame.columns if c not in used]
    return frame[extra].set_axis([PREFIX + str(c) for c in extra], axis=1)


def _with_spec(options: dict[str, Any]) -> tuple[dict[str, Any], ImportSpec | None]:
    """The reading options with a ``mapping`` spec's fields filled in (options given by name win)."""
    spec = as_spec(options.get("mapping"))
    if spec is None:
        return options, None
    merged = {**spec.options(), **{k: v for k, v in options.items() if k != "mapping" and v is not None}}
    return merged, spec


def read(path: str | Path, **options: Any) -> Dataset:
    """Read a generic event table (CSV/TSV/delimited, xlsx, parquet or JSON records) into a Dataset.

    ``mapping`` (an :class:`~viewer.io.import_spec.ImportSpec`, its JSON document or a spec file)
    says which column is which and which columns name entities and relations; columns that are no
    core field become attributes of the events.
    """
    path = Path(path)
    label = str(path)
    options, spec = _with_spec(options)
    raw = _load_raw(path, options)
    frame, problems = raw.frame, raw.problems
    mapping = _mapping(frame, options, str(path))
    if mapping.start is None:
        raise LoadError(f"{path}: no date column among {', '.join(map(str, frame.columns))}; expected {EXPECTED}"
                        " (or pass start=<column>)")
    if spec is not None:
        _check_spec(spec, frame, label)
    elif not mapping.certain and mapping.title is None:
        problems.append(Problem(label, "no title column; titles made from description, actors or category",
                                None, "title", "info"))
    excel = path.suffix.lower() in (".xlsx", ".xlsm")
    found = _events(frame, mapping, label, options, excel, raw.rows)
    events = pd.concat([found.frame, _attributes(frame, mapping, spec)[found.keep].reset_index(drop=True)], axis=1)
    entities = relations = None
    if spec is not None:
        kept = frame[found.keep].reset_index(drop=True)
        starts = date_columns.to_iso(found.parsed["start"].instants, found.parsed["start"].precisions)
        entities, relations, actors, more = table_graph.build(kept, spec, events["id"], starts, label, found.order)
        events["actors"] = (events["actors"].astype(table_fast.TEXT) + ";" + actors).str.strip(";")
        problems += more
    meta = DatasetMeta(title=path.stem, path=label, sources=(label,))
    types = {"events": dict(spec.types)} if spec is not None else {}
    tables = Tables(events, entities, relations, label, label, label, dates=found.parsed, attribute_types=types,
                    rows={"events": raw.rows[found.keep]})
    return build_dataset(tables, meta, problems + found.problems)


def _check_spec(spec: ImportSpec, frame: pd.DataFrame, label: str) -> None:
    missing = [c for c in spec.columns() if c not in frame.columns]
    if missing:
        raise LoadError(f"{label}: the mapping names columns this file lacks: {', '.join(map(repr, missing))}; "
                        f"the columns are {', '.join(map(str, frame.columns))}")


def preview(path: str | Path, rows: int = 20, **options: Any) -> Preview:
    """The first rows as read, the guessed mapping and detected encoding/delimiter/date order."""
    path = Path(path)
    options, _spec = _with_spec(options)
    raw = _load_raw(path, options, nrows=rows)
    frame, encoding, delimiter, header, problems = raw.frame, raw.encoding, raw.delimiter, raw.header, raw.problems
    mapping = _mapping(frame, options, str(path))
    order = None
    if mapping.start is not None:
        order = date_columns.parse_column(frame[mapping.start], date_order=options.get("date_order")).order
    return Preview(frame, mapping, encoding, delimiter, header, order, tuple(problems))


def trial(path: str | Path, rows: int = 200, **options: Any) -> list[Problem]:
    """What reading the first ``rows`` rows with these options would report (for a mapping dialog)."""
    path = Path(path)
    options, _spec = _with_spec(options)
    raw = _load_raw(path, options, nrows=rows)
    mapping = _mapping(raw.frame, options, str(path))
    if mapping.start is None:
        return [*raw.problems, Problem(str(path), f"no date column chosen; expected {EXPECTED}", None, "start")]
    excel = path.suffix.lower() in (".xlsx", ".xlsm")
    return raw.problems + _events(raw.frame, mapping, str(path), options, excel, raw.rows).problems
