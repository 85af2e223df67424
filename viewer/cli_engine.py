"""The offline commands on a source too big to load: ``info`` and ``events`` as queries; the others on a Dataset.

``entente info events/`` or ``entente events spark://host:7077 --table events --from 2020 --limit 100``
ask the engine (DuckDB for files, or the URL's engine) and never load the events; output is the same
as for a loaded dataset (``events`` streams its rows, ordered by start then id). ``relations``, ``diff`` and
``history`` run the loaded path's code on the relations read beside the events; ``validate``, ``convert`` and
``export`` on the events read whole through the engine when they fit (:func:`dataset`). Qt-free.
"""

from __future__ import annotations

import argparse
import io
import sys
from contextlib import redirect_stdout
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from viewer.cli_args import actor_ids
from viewer.cli_errors import UsageError
from viewer.cli_format import emit, frame_for_output, print_summary
from viewer.model.attributes import PREFIX
from viewer.model.clock import iso_instant
from viewer.model.dataset import Dataset
from viewer.model.dates import format_date
from viewer.model.problems import LoadError
from viewer.model.query import check_window

if TYPE_CHECKING:
    from viewer.source.connect import SourceSpec
    from viewer.source.lazy import LazyDataset

COMMANDS = ("info", "events")  # relations, diff, history: dataset() below
EVENT_COLUMNS = ["id", "start", "end", "precision", "title", "actors", "category", "source_url"]


def add_options(parser: argparse.ArgumentParser, limit: bool = False) -> None:
    """``--table`` (and ``--limit`` for ``events``) on a command that can run on an engine source."""
    parser.add_argument("--table", help="the events table in a DuckDB file or engine URL (default: events); a SQLite "
                        "database's table, a workbook's sheet, a document's table ('Table 2') or its "
                        "'Dated paragraphs'")
    if limit:
        parser.add_argument("--limit", type=_positive, help="at most this many events (the first by start)")


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from exc
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def wants_engine(args: argparse.Namespace) -> bool:
    """True when the command's one source is queried rather than loaded (URL, DuckDB, big Parquet …)."""
    if args.command not in COMMANDS or len(getattr(args, "paths", [])) != 1 or getattr(args, "suggest_mapping", False):
        return False  # (a mapping is suggested for a table file, never queried)
    if not args.paths[0].strip():
        return False  # (an empty path is refused as one, not read as the working folder)
    from viewer.source.connect import is_engine_url, locate  # noqa: PLC0415 - engine code loads only for engines
    from viewer.source.opening import wants_engine as big  # noqa: PLC0415 - as above
    try:
        return big(locate(args.paths[0], getattr(args, "table", None)))
    except LoadError:  # a bad engine source is reported by run(); a file's table (a workbook's sheet …) is loaded
        if is_engine_url(args.paths[0]):
            raise  # (an engine's address without --table was read as a missing file, "postgres:/host/db")
        return getattr(args, "table", None) is not None and not Path(args.paths[0]).is_file()


def _open(args: argparse.Namespace) -> LazyDataset:
    return _open_spec(_spec(args))


def _spec(args: argparse.Namespace) -> SourceSpec:
    from viewer.source.connect import locate  # noqa: PLC0415 - engine code (ibis) loads only for engine sources
    return locate(args.paths[0], getattr(args, "table", None))


def _open_spec(spec: SourceSpec) -> LazyDataset:
    from viewer.source.opening import open_engine  # noqa: PLC0415 - as above
    return open_engine(spec)


def cmd_info(args: argparse.Namespace) -> int:
    """What an engine source holds, counted by the engine."""
    spec = _spec(args)
    ds = _open_spec(spec)
    from viewer.source.engine import EngineSource  # noqa: PLC0415 - as in _open
    from viewer.source.opening import unreadable_starts  # noqa: PLC0415 - as in _open
    source = ds.source
    if isinstance(source, EngineSource) and not source.facts.known("count"):  # else opening checked them
        ds.problems.extend(unreadable_starts(source, spec))  # info counts the events anyway
    out = [f"Title:     {ds.title}", f"Path:      {ds.meta.path}", f"Events:    {len(ds):,}",
           f"Entities:  {len(ds.entities):,}", f"Relations: {len(ds.relations):,}"]
    span = ds.span()
    if span is not None:
        last = span[1]
        if last > span[0] and last == last.normalize():  # a day (month, year) runs to the next midnight:
            last -= timedelta(microseconds=1)  # its last day is the one before, as the loader's info says
        out.append(f"Span:      {format_date(span[0], 'day')} – {format_date(last, 'day')}")
    return print_summary(out, ds.meta, ds.entities, ds.relations, ds.problems)


def _time(ds: LazyDataset, text: str | None, upper: bool = False) -> str | None:
    """A ``--from``/``--to`` value read as the loaded path reads it (``Dataset.when``: ``44 BC``, ``March 2019``,
    ``Q1 2019``), written in ISO for the engine's filters; a usage error when unreadable."""
    try:
        when = ds.when(text, upper=upper)
    except ValueError as exc:
        raise UsageError(f"{exc} (this dataset is dated)") from exc
    return None if when is None else iso_instant(when.start, when.precision, ds.meta.clock)


def _window(ds: LazyDataset, args: argparse.Namespace) -> tuple[str | None, str | None, list[str] | None]:
    """``--from``, ``--to`` and ``--actor`` as the loaded path takes them: a window that ends before it starts and
    an actor no entity is are usage errors; an actor written by its name or in another case is read as its id."""
    start, end = _time(ds, args.start), _time(ds, args.end, upper=True)
    try:
        check_window(ds.when(args.start), ds.when(args.end, upper=True))
        return start, end, actor_ids(args.actor, ds.entities) if args.actor else None
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def _where(ds: LazyDataset, pairs: list[tuple[str, str]] | None) -> dict[str, list[str]]:
    """``--where NAME=VALUE`` as the loaded path takes it: an attribute the events have, or a usage error."""
    names = [c.removeprefix(PREFIX) for c in getattr(ds.source, "attributes", [])]
    where: dict[str, list[str]] = {}
    for name, value in pairs or []:
        if name not in names:
            raise UsageError(f"no attribute named {name!r}; the events have {', '.join(names) or 'no attributes'}")
        where.setdefault(name, []).append(value)
    return where


def cmd_events(args: argparse.Namespace) -> int:
    """The matching events, streamed in chunks as the engine returns them, written as the loaded path writes them
    (with their attributes; one table, CSV or JSON list however many chunks)."""
    ds = _open(args)
    start, end, actors = _window(ds, args)
    wanted = replace(ds.filters(start, end, actors=actors, categories=args.category, text=args.search,
                                where=_where(ds, args.where)),
                     clock=ds.meta.clock)
    attributes = list(getattr(ds.source, "attributes", []))
    shown, first = 0, None
    for chunk in ds.iter_events(wanted, args.limit, attributes=True):
        if not len(chunk):
            continue
        frame = frame_for_output(chunk, EVENT_COLUMNS + attributes, ds.meta.clock, args.format == "json")
        frame.columns = [c.removeprefix(PREFIX) for c in frame.columns]
        first = frame if first is None else first
        sys.stdout.write(_chunk_text(frame, args.format, None if frame is first else first))
        shown += len(frame)
    if args.format == "json":
        sys.stdout.write("\n]\n" if shown else "[]\n")
    elif args.format == "table":
        print(f"{shown:,} of {len(ds):,} events" if shown else "(none)")
    return 0


def _chunk_text(frame: pd.DataFrame, fmt: str, first: pd.DataFrame | None) -> str:
    """A chunk as :func:`emit` writes it, continuing the output the ``first`` chunk began (None: it is the first):
    no second CSV header or JSON bracket; table rows at least as wide as the first chunk's, under its header."""
    widest = None
    if fmt == "table" and first is not None:  # a row as wide as the first chunk's widest, of its kind, dropped
        widest = {c: ("0" if first[c].str.fullmatch(r"-?[\d.]*").all() else "x") * max(len(c), *first[c].str.len())
                  for c in first.columns}
        frame = pd.concat([pd.DataFrame([widest]), frame], ignore_index=True)
    buffer = io.StringIO()
    with redirect_stdout(buffer):
        emit(frame, fmt)
    text = buffer.getvalue()
    if fmt == "json":  # '[\n  {…},\n  {…}\n]\n': the records, joined to those before by a comma
        return ("[\n" if first is None else ",\n") + text.strip()[1:-1].strip("\n")
    if first is None:
        return text
    return text.split("\n", 3 if widest is not None else 1)[-1]


RELATIONS_ONLY = ("relations", "diff", "history")  # what needs only the relations, held in memory anyway


def dataset(paths: list[str], args: argparse.Namespace | None) -> Dataset | None:
    """A Dataset for the loaded path's commands when their one source is queried (a partitioned folder, a
    DuckDB table …): its relations (``relations``, ``diff``, ``history``), or all of it read through the
    engine when it has at most the row threshold's events (``validate``, ``convert``, ``export``); else None.
    Too many events is a LoadError saying what to do instead."""
    if len(paths) != 1 or args is None:
        return None
    from viewer.source.connect import THRESHOLD_ENV, locate, row_threshold  # noqa: PLC0415 - as in wants_engine
    from viewer.source.opening import load_whole  # noqa: PLC0415 - as above
    from viewer.source.opening import wants_engine as big  # noqa: PLC0415 - as above
    try:
        spec = locate(paths[0], getattr(args, "table", None))
    except LoadError:
        return None
    if not big(spec):
        return None
    if getattr(args, "mapping", None):
        raise UsageError(f"{paths[0]}: --mapping maps the columns of a table file; a source queried in place "
                         "is read by its column names (see README, Big data)")
    if args.command in RELATIONS_ONLY:
        from viewer.source.windowed import empty_events  # noqa: PLC0415 - as above
        lazy = _open_spec(spec)
        return Dataset(empty_events(), lazy.entities, lazy.relations, lazy.meta, lazy.problems)
    rows = _open_spec(spec).source.count() if spec.kind != "parquet" else spec.rows_from_metadata()
    if rows > row_threshold():
        raise LoadError(f"{spec.target}: {rows:,} rows, more than `entente {args.command}` reads into memory "
                        f"({row_threshold():,}; {THRESHOLD_ENV} sets it); `entente info`, `events`, `relations`, "
                        "`diff` and `history` query it in place, and the window opens it")
    whole = load_whole(spec)
    if args.command != "export":
        return whole
    from viewer.model.graph_positions import prepare  # noqa: PLC0415 - only drawing needs the graph's positions
    return prepare(whole)  # laid out as load_cached(layout=True) lays out what the window draws


HANDLERS = {"info": cmd_info, "events": cmd_events}
