"""The ``entente`` command: open the window, or answer questions offline with the same model code.

``entente``                          open the window on the bundled dataset
``entente PATH``                     open the window on a dataset
``entente info [PATH]``              title, counts, date span, problems
``entente relations [PATH] --at D``  relations valid at a date (table, csv or json)
``entente events [PATH] …``          events matching a window, actors, categories, text
``entente diff [PATH] --from A --to B`` relations added, removed and changed between two dates
``entente history [PATH] SRC TGT``   the value of a relation over time
``entente validate [PATH]``          exit 0 when clean, 1 with the list of problems
``entente convert IN OUT``           write any readable input as a native dataset (folder or .json)
``entente info|events|relations|diff SOURCE [--table T]``  the same, queried in place, for big Parquet
                                     (over 2M rows), partitioned folders, DuckDB files, engine URLs
``entente export [PATH] --out F``    render the window (or --view timeline|relations) to PNG/SVG/PDF

Only ``export`` and the window import Qt; the other commands never do (a test checks it).
Exit codes: 0 ok, 1 data problems, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from viewer import cli_engine
from viewer.cli_format import emit, frame_for_output
from viewer.model.dataset import Dataset
from viewer.model.dates import format_date, parse_date
from viewer.model.problems import LoadError

COMMANDS = ("info", "events", "relations", "diff", "history", "validate", "convert", "export")
FORMATS = ("table", "csv", "json")
PATHS_HELP = "dataset folders or files, combined when several (default: the bundled alliance)"


class UsageError(Exception):
    """A command was called with arguments it cannot use (exit code 2)."""


def _date(text: str) -> str:
    try:
        parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
    return text


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x900, got {text!r}") from exc
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size must be between 200 and 10000 pixels a side, got {text!r}")
    return width, height


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the offline commands."""
    parser = argparse.ArgumentParser(prog="entente", description="Entente: timelines and relationships, offline.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    info = sub.add_parser("info", help="title, counts, date span and problems of a dataset")
    info.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)

    events = sub.add_parser("events", help="events matching a date range and filters (precision-aware)")
    events.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    events.add_argument("--from", dest="start", type=_date, help="range start (a month matches its whole month)")
    events.add_argument("--to", dest="end", type=_date, help="range end (inclusive of its whole day/month/year)")
    events.add_argument("--actor", action="append", help="entity id; repeat for any of several")
    events.add_argument("--category", action="append", help="category; repeat for any of several")
    events.add_argument("--search", help="text in title, description or actors")
    events.add_argument("--format", choices=FORMATS, default="table")

    relations = sub.add_parser("relations", help="relations valid at a date")
    relations.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    relations.add_argument("--at", required=True, type=_date, help="the date (2019, 2019-12, 2019-12-29, ISO)")
    relations.add_argument("--format", choices=FORMATS, default="table")

    diff = sub.add_parser("diff", help="relations added, removed and changed between two dates")
    diff.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    diff.add_argument("--from", dest="start", required=True, type=_date, help="the earlier date")
    diff.add_argument("--to", dest="end", required=True, type=_date, help="the later date")
    diff.add_argument("--all", action="store_true", help="also list unchanged relations")
    diff.add_argument("--format", choices=FORMATS, default="table")

    history = sub.add_parser("history", help="the value of a relation over time")
    history.add_argument("ids", nargs="+", metavar="[PATH ...] SOURCE TARGET",
                         help="two entity ids, after optional dataset paths")
    history.add_argument("--kind", help="relation kind (e.g. equity_stake)")
    history.add_argument("--format", choices=FORMATS, default="table")

    validate = sub.add_parser("validate", help="check a dataset: exit 0 when clean, 1 with the problems")
    validate.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)

    convert = sub.add_parser("convert", help="write any readable input as a native dataset")
    convert.add_argument("input", help="the file or folder to read")
    convert.add_argument("output", help="a folder, or a file ending in .json")
    convert.add_argument("--force", action="store_true", help="replace an existing output dataset")

    export = sub.add_parser("export", help="render the window or one panel to PNG, SVG or PDF, offscreen")
    export.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    export.add_argument("--out", required=True, help="the file to write: .png, .svg or .pdf")
    export.add_argument("--view", choices=("all", "timeline", "relations"), default="all",
                        help="the whole window (default), the timeline or the relationship panel")
    export.add_argument("--at", type=_date, help="the cursor date (default: the dataset's)")
    export.add_argument("--from", dest="start", type=_date, help="window start")
    export.add_argument("--to", dest="end", type=_date, help="window end")
    export.add_argument("--size", type=_size, default=(1600, 900), help="WIDTHxHEIGHT (default 1600x900)")
    for command in (info, events, relations, diff):  # these also run as queries on a big or engine source
        cli_engine.add_options(command, limit=command is events)
    return parser


def _load(paths: list[str] | str | None) -> Dataset:
    from viewer.io.cache import load_cached_many
    if isinstance(paths, str):
        paths = [paths]
    return load_cached_many(paths or [])


def cmd_info(args: argparse.Namespace) -> int:
    """Print what a dataset holds and what could not be read."""
    ds = _load(args.paths)
    out = [f"Title:     {ds.title}", f"Path:      {ds.meta.path}",
           f"Events:    {len(ds.events):,}", f"Entities:  {len(ds.entities):,}",
           f"Relations: {len(ds.relations):,}"]
    span = ds.span()
    if span is not None:
        first = ds.events.iloc[0]
        last = ds.events.loc[ds.events["span_end"].idxmax()]
        out.append(f"Span:      {format_date(first['start'], first['precision'])} – "
                   f"{format_date(last['start'], last['precision'])}")
    if ds.meta.default_start and ds.meta.default_end:
        out.append(f"Window:    {ds.meta.default_start.label()} – {ds.meta.default_end.label()}")
    for label, frame in (("Entity kinds", ds.entities), ("Relation kinds", ds.relations)):
        counts = frame["kind"].astype(str).value_counts()
        if len(counts):
            out.append(f"{label + ':':<16}" + ", ".join(f"{k} {v}" for k, v in counts.items()))
    errors = [p for p in ds.problems if p.level == "error"]
    out.append(f"Problems:  {len(ds.problems)} ({len(errors)} errors)")
    out.extend(f"  [{p.level}] {p}" for p in ds.problems)
    print("\n".join(out))
    return 1 if errors else 0


def cmd_relations(args: argparse.Namespace) -> int:
    """Print the relations valid at a date."""
    ds = _load(args.paths)
    valid = ds.relations_at(args.at)
    frame = frame_for_output(valid, ["source", "target", "kind", "value", "valid_from", "valid_to"])
    emit(frame, args.format, title=f"Relations valid at {parse_date(args.at).label()}")
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    """Print the events matching a range and filters."""
    ds = _load(args.paths)
    found = ds.events_between(args.start, args.end, actors=args.actor, categories=args.category, text=args.search)
    found = found.head(args.limit) if args.limit else found
    emit(frame_for_output(found, ["id", "start", "end", "precision", "title", "actors", "category", "source_url"]),
         args.format, title=f"{len(found)} of {len(ds.events)} events")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Print what changed in the relations between two dates."""
    ds = _load(args.paths)
    table = ds.diff(args.start, args.end).table
    if not args.all:
        table = table[table["change"] != "unchanged"]
    columns = ["change", "source", "target", "kind", "old_value", "new_value", "events"]
    emit(frame_for_output(table, columns), args.format,
         title=f"Relations from {parse_date(args.start).label()} to {parse_date(args.end).label()}")
    return 0


def cmd_history(args: argparse.Namespace) -> int:
    """Print every value a relation took, oldest first."""
    if len(args.ids) < 2:
        raise UsageError("expected [PATH ...] SOURCE TARGET")
    paths, (source, target) = args.ids[:-2], args.ids[-2:]
    ds = _load(paths)
    known = set(ds.entities["id"])
    for entity in (source, target):
        if entity not in known:
            raise UsageError(f"no entity with id {entity!r} (see `entente info` for the dataset)")
    steps = ds.history(source, target, args.kind)
    columns = ["kind", "value", "valid_from", "valid_to", "event", "source_url"]
    emit(frame_for_output(steps, columns), args.format,
         title=f"{ds.entity_name(source)} → {ds.entity_name(target)}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 when a dataset reads cleanly; else list every problem and exit 1."""
    ds = _load(args.paths)
    serious = [p for p in ds.problems if p.level in ("error", "warning")]
    for problem in ds.problems:
        print(f"[{problem.level}] {problem}")
    print(f"{ds.title}: {len(serious)} problems" if serious else f"{ds.title}: no problems")
    return 1 if serious else 0


def cmd_convert(args: argparse.Namespace) -> int:
    """Read any supported input and write it as a native dataset."""
    from viewer.io import native_write
    ds = _load(args.input)
    try:
        written = native_write.write(ds, args.output, overwrite=args.force)
    except FileExistsError as exc:
        raise UsageError(str(exc)) from exc
    except OSError as exc:
        raise LoadError(f"{args.output}: cannot be written ({exc.strerror or exc})") from exc
    print(f"Wrote {written}: {len(ds.events)} events, {len(ds.entities)} entities, {len(ds.relations)} relations")
    return 1 if any(p.level == "error" for p in ds.problems) else 0


def cmd_export(args: argparse.Namespace) -> int:
    """Render the window offscreen to an image file."""
    if not args.out.lower().endswith((".png", ".svg", ".pdf")):
        raise UsageError(f"{args.out}: expected a file ending in .png, .svg or .pdf")
    ds = _load(args.paths)
    from viewer.ui.export import export_window  # the one command that needs Qt
    export_window(ds, args.out, size=args.size, at=args.at, start=args.start, end=args.end, view=args.view)
    print(f"Wrote {args.out}")
    return 0


HANDLERS = {"info": cmd_info, "events": cmd_events, "relations": cmd_relations, "diff": cmd_diff,
            "history": cmd_history, "validate": cmd_validate, "convert": cmd_convert, "export": cmd_export}


def run(argv: Sequence[str]) -> int:
    """Run an offline command; returns the exit code (0 ok, 1 data problems, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv))
    except SystemExit as exc:  # argparse has printed its usage message
        return 0 if exc.code == 0 else 2
    try:
        if cli_engine.wants_engine(args):
            return cli_engine.HANDLERS[args.command](args)
        return HANDLERS[args.command](args)
    except LoadError as exc:
        print(f"entente: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    except UsageError as exc:
        print(f"entente {args.command}: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # `entente ... | head` closed the pipe: not an error
        return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: a known command runs offline; anything else opens the window on the given paths."""
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return run(argv)
    from viewer.ui.app import main as gui_main
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
