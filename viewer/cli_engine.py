"""The offline commands on a source too big to load: ``info``, ``events``, ``relations``, ``diff`` as queries.

``entente info events/`` or ``entente events spark://host:7077 --table events --from 2020 --limit 100``
ask the engine (DuckDB for files, or the URL's engine) and never load the events; output is the same
as for a loaded dataset (``events`` streams its rows, ordered by start then id). Qt-free.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from viewer.cli_format import emit, format_table, frame_for_output, print_diff, print_summary
from viewer.model.dates import format_date, parse_date
from viewer.model.problems import LoadError

if TYPE_CHECKING:
    from viewer.source.connect import SourceSpec
    from viewer.source.lazy import LazyDataset

COMMANDS = ("info", "events", "relations", "diff")
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
    if args.command not in COMMANDS or len(getattr(args, "paths", [])) != 1:
        return False
    from viewer.source.connect import locate  # noqa: PLC0415 - engine code (ibis) loads only for engine sources
    from viewer.source.opening import wants_engine as big  # noqa: PLC0415 - as above
    try:
        return big(locate(args.paths[0], getattr(args, "table", None)))
    except LoadError:  # a bad engine source is reported by run(); a file's table (a workbook's sheet …) is loaded
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


def cmd_events(args: argparse.Namespace) -> int:
    """The matching events, streamed in chunks as the engine returns them."""
    ds = _open(args)
    wanted = ds.filters(args.start, args.end, actors=args.actor, categories=args.category, text=args.search)
    shown = 0
    if args.format == "json":
        sys.stdout.write("[")
    for chunk in ds.iter_events(wanted, args.limit):
        frame = frame_for_output(chunk, EVENT_COLUMNS)
        if args.format == "csv":
            frame.to_csv(sys.stdout, index=False, header=shown == 0, lineterminator="\n")
        elif args.format == "json":
            for record in frame.to_dict(orient="records"):
                sys.stdout.write(("\n  " if shown == 0 else ",\n  ") + json.dumps(record, ensure_ascii=False))
                shown += 1
            continue
        else:
            print(format_table(frame))
        shown += len(frame)
    if args.format == "json":
        sys.stdout.write("\n]\n" if shown else "]\n")
    elif args.format == "table":
        print(f"{shown:,} of {len(ds):,} events" if shown else "(none)")
    return 0


def cmd_relations(args: argparse.Namespace) -> int:
    """The relations valid at a date (relations are held in memory)."""
    ds = _open(args)
    frame = frame_for_output(ds.relations_at(args.at), ["source", "target", "kind", "value", "valid_from", "valid_to"])
    emit(frame, args.format, title=f"Relations valid at {parse_date(args.at).label()}")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """What changed in the relations between two dates."""
    ds = _open(args)
    return print_diff(ds.diff(args.start, args.end).table, args)


HANDLERS = {"info": cmd_info, "events": cmd_events, "relations": cmd_relations, "diff": cmd_diff}
