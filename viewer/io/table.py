"""Generic event tables: delimited text, ``.xlsx``, ``.parquet`` or JSON records, one event per row.

Columns are mapped to event fields from their names (:func:`guess_mapping`; options override it),
dates are recognised by :mod:`viewer.model.dates.columns`, and every guess (encoding, delimiter, day/month
order, time zones) is reported as a :class:`Problem`. Rows without a readable start are skipped and
reported. Rows are never iterated in Python: columns are read as strings and handled vectorised.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa

from viewer.io import (
    compressed,
    table_all_day,
    table_clock,
    table_ends,
    table_eras,
    table_fast,
    table_graph,
    table_sheets,
    table_skipped,
    table_starts,
    table_title,
    table_written,
)
from viewer.io.import_spec import ImportSpec, as_spec
from viewer.io.json_cells import is_plain
from viewer.io.record_dates import dated_fields
from viewer.io.record_lists import HEAD, records_of
from viewer.io.table_guess import mapping_of
from viewer.io.table_mapping import Mapping, guess_mapping, with_date_parts
from viewer.io.table_read import EXPECTED, Raw
from viewer.io.table_texts import Texts, holds_addresses
from viewer.io.workbooks import EXCEL_SUFFIXES
from viewer.model import clock, codes
from viewer.model.attributes import PREFIX
from viewer.model.clock import CALENDAR, ELAPSED, NUMBER, YEARS
from viewer.model.columns import normalise_lists, reordered
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import ParsedDates, ranges
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso as date_iso
from viewer.model.problems import LoadError, Problem
from viewer.model.sorting import stable_order


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


def looks_like(document: object) -> bool:
    """True for JSON holding records with a date-like key whose values are plain (a record's other members may nest:
    an API's ``"actors": [{"name": …}]`` or ``"location": {…}``, shown as their JSON or their names), or with a field
    whose values read as dates whatever its name (Spotify's ``endTime``, Companies House's ``appointed_on``:
    :mod:`viewer.io.record_dates`). Records wrapped one level are looked into (:mod:`viewer.io.record_shapes`)."""
    if not (rows := records_of(document, HEAD)):
        return False
    sample = rows[:50]
    start = guess_mapping([str(k) for k in sample[0]]).start
    if start is None:
        return bool(dated_fields(rows))
    # a record without the date, or with it empty, is a row without a start (said by its row when read): the
    # values written decide (before, one empty date in five made the file "JSON that Entente does not recognise")
    # (half of them plain: a few odd values, a list or an object among dates, no longer refused the whole file)
    written = [r[start] for r in sample if isinstance(r, dict) and r.get(start) is not None]
    return sum(is_plain(v) and not isinstance(v, list) for v in written) >= max(0.5 * len(written), 1) or bool(
        dated_fields(rows))


def _framed(raw: Raw) -> bool:
    """Whether a table may hold notes, a total or headers around its rows (a text, a sheet), or rows only (a file)."""
    return raw.encoding not in ("binary", "sqlite")


@dataclass
class _Events:
    """The events read from a table's rows, and which rows they came from."""

    frame: pd.DataFrame
    parsed: dict[str, ParsedDates]
    problems: list[Problem]
    keep: np.ndarray
    order: str | None
    clock: str = CALENDAR
    ids_distinct: bool = False  # every id filled and none repeated: the model need not check them again
    untitled: np.ndarray | None = None  # kept rows with no title, description or actors of their own


def _events(frame: pd.DataFrame, mapping: Mapping, label: str, options: dict[str, Any], excel: bool,
            lines_of: np.ndarray, framed: bool = True) -> _Events:
    """The events of a table as read (``framed``: a text or a sheet, which may hold notes above or below the
    table; a database's table or a data file holds rows only)."""
    problems: list[Problem] = []
    assert mapping.start is not None
    texts = Texts(frame, mapping)  # cleaned on a second thread while the dates parse
    decided = table_clock.given_clock(frame[mapping.start], mapping.start, options, label, problems)
    if decided in (NUMBER, YEARS, ELAPSED):
        return _number_events(frame, mapping, label, problems, lines_of, texts, decided, framed)
    frame, name = table_starts.numbers_as_text(frame, (mapping.start, mapping.end)), mapping.start
    times, end_times = table_ends.times_of_day(frame, mapping)  # (a time column of spans, "09:00–10:30": both)

    def parse(written: pd.Series, order: str | None = None) -> date_columns.DateColumn:
        return date_columns.parse_column(
            written, date_order=order or options.get("date_order"), excel=excel or "date" in name.lower(),
            yearish="year" in name.lower() or date_columns.number_dates(written.head(200)) == "year", times=times,
            zones=frame[mapping.timezone] if mapping.timezone else None)

    start, span_ends, same_day = parse(frame[mapping.start]), None, None
    frame, start = table_eras.in_gregorian(frame, mapping, start, parse, options.get("date_order"), label, problems)
    # ("08/01/24" to "16/02/24": the finishes say day-first; the starts cannot)
    told = table_starts.order_from_end(frame, mapping, start, options, excel, label, problems)
    options = {**options, "date_order": told} if told else options
    start = parse(frame[mapping.start], told) if told else start
    start = table_starts.at_their_end(frame, mapping, start, parse, label, problems)
    start = table_starts.without_epoch(start, mapping.start, label, problems)
    if start.invalid.any():  # a span written in one cell ("1914–1918") reads as no date: cut it in two
        spans = ranges.cut(frame[mapping.start], start.invalid, options.get("date_order"))
        start, span_ends = (parse(spans.values) if spans.values is not frame[mapping.start] else start), spans.ends
        same_day = spans.same_day
        problems += [Problem(label, message, None, mapping.start, level) for level, message in spans.notes]
    if decided is None and table_clock.dates_fail(frame[mapping.start], start.invalid, mapping.start, label,
                                                  problems):
        return _number_events(frame, mapping, label, problems, lines_of, texts, framed=framed)
    if decided is None and table_clock.deep_years(frame[mapping.start], start.invalid, mapping.start, label,
                                                  problems):
        return _number_events(frame, mapping, label, problems, lines_of, texts, YEARS, framed)
    table_clock.say_bare_years(frame[mapping.start], mapping.start, options, label, problems)
    for level, message in start.notes:
        problems.append(Problem(label, message, None, mapping.start, level))
    all_day = table_all_day.flags(frame[mapping.all_day]) if mapping.all_day else None
    if all_day is not None:
        start, _ = table_all_day.whole_days(start, all_day)
    named = (mapping.start, mapping.title or mapping.description)
    table_skipped.report(problems, label, frame, named, start.instants, start.invalid, lines_of, "a date", "start date",
                         framed)
    keep = start.instants.notna().to_numpy()
    parsed = {"start": date_iso.parsed_dates(start.instants, start.precisions, keep)}
    events = pd.DataFrame({"start": start.instants})
    ends = frame[mapping.end] if mapping.end else None
    if span_ends is not None:  # an end column wins where it is written
        ends = span_ends if ends is None else ends.astype(table_fast.TEXT).mask(
            date_columns.clean_text(ends).isna(), span_ends)
        if same_day is not None and mapping.end:  # (where the end column is written, it is the end)
            same_day &= date_columns.clean_text(frame[mapping.end]).isna()
    ends = table_ends.from_durations(table_ends.on_the_start_day(ends, frame, mapping, end_times), frame, mapping,
                                     start, keep, label, problems, lines_of)
    if ends is not None:
        end = table_written.marks_said(table_starts.without_epoch(date_columns.parse_column(
            ends, date_order=start.order or options.get("date_order"), times=end_times,
            zones=frame[mapping.timezone] if mapping.timezone else None), mapping.end or mapping.start, label,
            problems), label, mapping.end, problems)  # ("1860?" in an end column said, as a start's is)
        if mapping.end is None and end_times is not None:
            end = table_ends.past_midnight(end, start.instants, label, mapping.end_time or mapping.time or "", problems)
        elif same_day is not None and same_day.any():  # "2019-03-04 23:00-01:15" ends the next day
            end = table_ends.past_midnight(end, start.instants.where(same_day), label, mapping.start, problems)
        if all_day is not None:
            end = table_all_day.ends(end, all_day, start.instants, label, mapping.all_day, problems)
        usable = table_ends.usable(problems, label, ends, start.instants, end, keep, lines_of,
                                  mapping.end or mapping.start)
        parsed["end"] = date_iso.parsed_dates(end.instants.where(usable), end.precisions, keep)
        events["end"] = end.instants.where(usable)
    return _rest(texts, mapping, events, parsed, problems, keep, start.order)


def _number_events(frame: pd.DataFrame, mapping: Mapping, label: str, problems: list[Problem],
                   lines_of: np.ndarray, texts: Texts, on: str = NUMBER, framed: bool = True) -> _Events:
    """The events of a table whose times are plain numbers or years (``on`` that clock); rows without one skipped."""
    assert mapping.start is not None
    start = clock.parse_on(frame[mapping.start], on)
    if on == ELAPSED:  # a night's log: 23:50, then 00:10 the next day
        start = table_ends.log_past_midnight(start, label, mapping.start, problems)
    named = (mapping.start, mapping.title or mapping.description)
    table_skipped.report(problems, label, frame, named, start.instants, start.invalid, lines_of, clock.expected(on),
                         "start", framed)
    keep = start.instants.notna().to_numpy()
    parsed = {"start": date_iso.parsed_dates(start.instants, start.precisions, keep)}
    events = pd.DataFrame({"start": start.instants})
    if mapping.end:
        end = clock.parse_on(frame[mapping.end], on)
        if on == ELAPSED:
            end = table_ends.past_midnight(end, start.instants, label, mapping.end, problems)
        usable = table_ends.usable(problems, label, frame[mapping.end], start.instants, end, keep, lines_of,
                                   mapping.end)
        parsed["end"] = date_iso.parsed_dates(end.instants.where(usable), end.precisions, keep)
        events["end"] = end.instants.where(usable)
    return replace(_rest(texts, mapping, events, parsed, problems, keep, None), clock=on)


def _rest(texts: Texts, mapping: Mapping, events: pd.DataFrame, parsed: dict[str, ParsedDates],
          problems: list[Problem], keep: np.ndarray, order: str | None) -> _Events:
    """Every event field but the dates, from the mapped columns."""
    description = texts[mapping.description]
    if len(mapping.actors) == 1:  # build_dataset tidies the ';' lists, once per distinct list
        events["actors"] = texts[mapping.actors[0]]
    else:
        actors = texts[None]
        for column in mapping.actors:
            actors = actors + ";" + texts[column]
        events["actors"] = actors.str.strip(";")
    title = texts[mapping.title]
    if (title == "").any():  # only then: a fallback costs a pass over every description and actor list
        # the actors as build_dataset will list them: an object written in the cell ({"fullName": "Ana Lopez"}, as
        # Trello's memberCreator) by its name, not as its JSON
        named = normalise_lists(events["actors"]).astype("str").str.replace(";", " → ", regex=False)
        fallback = description.str.slice(0, 120).where(description != "", named)
        untitled = ((title == "") & (fallback == "")).to_numpy(dtype=bool)  # (named by its tie or words, if any)
        title = title.where(title != "", fallback.where(fallback != "", texts[mapping.category]))
    else:
        untitled = np.zeros(len(title), dtype=bool)
    events["title"] = title
    # unmapped columns are left out: build_dataset fills them after sorting, which is cheaper
    for name, source in (("description", mapping.description), ("category", mapping.category), ("tags", mapping.tags),
                         ("source_url", mapping.url)):
        if source is not None:
            events[name] = description if name == "description" else texts[source]
    if mapping.url is not None and not holds_addresses(events["source_url"]):
        events["source_title"] = events.pop("source_url")  # names of sources, not links
    # moved into time order as codes, tidied per distinct value
    events["actors"] = (texts.coded(mapping.actors[0]) if len(mapping.actors) == 1
                        else codes.coded_if_repeating(events["actors"]))
    if mapping.category is not None:
        events["category"] = texts.coded(mapping.category)
    ids = texts[mapping.id]
    rows = np.arange(1, len(ids) + 1)
    events["id"] = ids.where(ids != "", table_fast.row_ids(ids.index, rows)) if (ids == "").any() else ids
    # without an id column every id is made from its row number: distinct as they are
    distinct = mapping.id is None or texts.ids_distinct()
    return _Events(_kept(events, keep), parsed, problems, keep, order, ids_distinct=distinct, untitled=untitled[keep])


def _kept(frame: pd.DataFrame, keep: np.ndarray) -> pd.DataFrame:
    """The rows to keep, renumbered; the frame itself when every row stays (most files: no copy)."""
    return frame.reset_index(drop=True) if keep.all() else frame[keep].reset_index(drop=True)


def _attributes(frame: pd.DataFrame, mapping: Mapping, spec: ImportSpec | None) -> pd.DataFrame:
    """The columns no core field takes, as ``attr:<name>`` columns (build_dataset types them)."""
    used = {mapping.start, mapping.end, mapping.title, mapping.category, mapping.tags, mapping.description,
            mapping.url, mapping.time, mapping.timezone, mapping.id, mapping.end_time, *mapping.actors,
            *(spec.ignore if spec else ())}
    extra = [c for c in frame.columns if c not in used]
    return frame[extra].set_axis([PREFIX + str(c) for c in extra], axis=1)


def _with_spec(options: dict[str, Any]) -> tuple[dict[str, Any], ImportSpec | None]:
    """The reading options with a ``mapping`` spec's fields filled in (options given by name win)."""
    spec = as_spec(options.get("mapping"))
    if spec is None:
        return options, None
    merged = {**spec.options(), **{k: v for k, v in options.items() if k != "mapping" and v is not None}}
    if spec.relations and spec.title is None:  # untitled rows are named by their tie, no column guessed
        merged.setdefault("title", "")
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
    raw, mapping = _dated(path, options, label)
    if not len(raw.frame):  # (an empty file and an empty JSON list are refused as such when read)
        raise LoadError(table_skipped.no_rows(label, raw.frame.columns))
    frame, problems = with_date_parts(raw.frame, mapping.start, label, raw.problems), raw.problems + list(mapping.said)
    if mapping.start is None:
        raise LoadError(f"{path}: no date column among {table_skipped.column_names(frame.columns)}; expected {EXPECTED}"
                        f" (or pass start=<column>){table_skipped.left_out(problems)}")
    if spec is not None:
        _check_spec(spec, frame, label)
    elif not mapping.certain and mapping.title is None:
        problems.append(Problem(label, "no title column; titles made from description, actors, category or ties",
                                None, "title", "info"))
    elif not options.get("title") and guess_mapping([str(c) for c in frame.columns]).title is None:
        problems.append(Problem(label, f"no column is named as a title; titles from {mapping.title!r} (its text "
                                "varies most)", None, str(mapping.title), "info"))
    excel = path.suffix.lower() in EXCEL_SUFFIXES
    frame, options, mapping = table_clock.segments(frame, mapping, raw.delimiter, options, label, problems)
    found = _events(frame, mapping, label, options, excel, raw.rows, _framed(raw))
    if len(frame) and not found.keep.any():  # a window of nothing, with a problem a row, said nothing clear
        raise LoadError(table_skipped.none_dated(label, frame[mapping.start], str(mapping.start), found.clock))
    extra = table_written.with_dates_as_written(_attributes(frame, mapping, spec), frame, mapping,
                                                problems + found.problems)  # ("c. 1850" kept beside its 1850)
    events = pd.concat([found.frame, _kept(extra, found.keep)], axis=1)
    entities = relations = None
    if spec is not None:
        kept = _kept(frame, found.keep)
        numeric = clock.numeric(found.clock)
        first = found.parsed["start"]
        starts = (first.instants.map(clock.format_number) if numeric
                  else date_iso.to_iso(first.instants, first.precisions))
        graph = table_graph.build(kept, spec, events["id"], starts, label, found.order, numeric, raw.rows[found.keep])
        entities, relations = graph.entities, graph.relations
        events["actors"] = (events["actors"].astype(table_fast.TEXT) + ";" + graph.actors).str.strip(";")
        # a row with no title, description, actors or category of its own is named by its tie: "Renault → Nissan"
        events["title"] = events["title"].where(events["title"] != "", graph.said.to_numpy())
        problems += graph.problems
        untitled = None if found.untitled is None else found.untitled & (graph.said.to_numpy() == "")
    else:
        untitled = found.untitled
    if untitled is not None and untitled.any() and mapping.title is None:  # else by its own words, else its kind
        own = table_title.own_words(_kept(frame, found.keep), mapping, untitled).str.slice(0, 120)
        events["title"] = events["title"].where(~(untitled & (own != "").to_numpy()), own.to_numpy())
    meta = DatasetMeta(title=compressed.stem(path), path=label, sources=(label,),
                       clock=found.clock)
    types = {"events": dict(spec.types)} if spec is not None else {}
    names = {"relations": graph.names} if spec is not None else {}
    rows = raw.rows[found.keep]
    del frame, raw
    found.frame = pd.DataFrame()  # the columns now live only in events: sorting lets each old one go in turn
    pa.default_memory_pool().release_unused()  # the raw table's memory goes back now, not at the first sorted column
    events, parsed, rows = _in_time_order(events, found.parsed, rows)
    lines = {"events": rows} if relations is None else {"events": rows, "relations": relations.pop("line").to_numpy()}
    return build_dataset(Tables(events, entities, relations, label, label, label, dates=parsed,
                                attribute_types=types, rows=lines, ids_distinct=found.ids_distinct, names=names),
                         meta, problems + found.problems)


def _in_time_order(events: pd.DataFrame, parsed: dict[str, ParsedDates],
                   rows: np.ndarray) -> tuple[pd.DataFrame, dict[str, ParsedDates], np.ndarray]:
    """The events sorted by start (ties in file order), with their parsed dates and line numbers.

    build_dataset would sort them too, but there the raw table is still held: sorting here, column by column, keeps
    the peak of a million-row open one column above the table instead of two tables."""
    stamps = parsed["start"].instants.to_numpy(dtype="datetime64[us]").view(np.int64)
    if not len(stamps) or (stamps[1:] >= stamps[:-1]).all():
        return events, parsed, rows
    order = stable_order(stamps)
    moved = {name: ParsedDates(**{f.name: pd.Series(getattr(dated, f.name).array.take(order)) for f in fields(dated)})
             for name, dated in parsed.items()}
    # the frame's start and end are the parsed instants: taken once, for both
    places = {name: events.columns.get_loc(name) for name in moved if _same(events, name, parsed[name].instants)}
    for name in places:
        del events[name]
    events = reordered(events, order)
    for name, place in sorted(places.items(), key=lambda item: item[1]):
        events.insert(place, name, moved[name].instants)
    return events, moved, rows[order]


def _same(events: pd.DataFrame, name: str, instants: pd.Series) -> bool:
    """The frame's column holds exactly these instants (the loaders put them there; a check costs ~2 ms)."""
    return bool(name in events.columns and events.columns.is_unique and events[name].dtype == instants.dtype
                and events[name].reset_index(drop=True).equals(instants.reset_index(drop=True)))


def _dated(path: Path, options: dict[str, Any], label: str, rows: int | None = None) -> tuple[Raw, Mapping]:
    """The table as read and its mapping (:func:`viewer.io.table_sheets.dated`)."""
    return table_sheets.dated(path, options, label, rows, mapping_of)


def _check_spec(spec: ImportSpec, frame: pd.DataFrame, label: str) -> None:
    missing = [c for c in spec.columns() if c not in frame.columns]
    if missing:
        raise LoadError(f"{label}: the mapping names columns this file lacks: {', '.join(map(repr, missing))}; "
                        f"the columns are {', '.join(map(str, frame.columns))}")


def preview(path: str | Path, rows: int = 20, **options: Any) -> Preview:
    """The first rows as read, the guessed mapping and detected encoding/delimiter/date order."""
    path = Path(path)
    options, _spec = _with_spec(options)
    raw, mapping = _dated(path, options, str(path), rows)
    frame, encoding, delimiter, header = raw.frame, raw.encoding, raw.delimiter, raw.header
    problems = raw.problems + list(mapping.said)  # (what checking the names against the values changed)
    order = (date_columns.parse_column(frame[mapping.start], date_order=options.get("date_order")).order
             if mapping.start is not None else None)
    return Preview(frame, mapping, encoding, delimiter, header, order, tuple(problems))


def trial(path: str | Path, rows: int = 200, **options: Any) -> list[Problem]:
    """What reading the first ``rows`` rows with these options would report (for a mapping dialog)."""
    path = Path(path)
    options, _spec = _with_spec(options)
    raw, mapping = _dated(path, options, str(path), rows)
    if mapping.start is None:
        return [*raw.problems, Problem(str(path), f"no date column chosen; expected {EXPECTED}", None, "start")]
    excel = path.suffix.lower() in EXCEL_SUFFIXES
    return raw.problems + _events(raw.frame, mapping, str(path), options, excel, raw.rows, _framed(raw)).problems
