"""The ``entente`` command: open the window, or answer questions offline with the same model code.

``entente``                          open the window on the bundled dataset
``entente PATH …``                   open the window on datasets (combined when several)
``entente info [PATH]``              title, counts, date span, problems
``entente relations [PATH] --at D``  relations valid at a date (table, csv or json)
``entente relations [PATH] --from A --to B``  relations valid at some point of a window, with the share held
``entente events [PATH] …``          events matching a window, actors, categories, text
``entente diff [PATH] --from A --to B`` relations added, removed and changed between two dates
``entente history [PATH] SRC TGT``   the value of a relation over time
``entente validate [PATH]``          exit 0 when clean, 1 with the list of problems
``entente convert IN OUT``           write any readable input as a native dataset (folder or .json)
``entente info|events|relations|diff SOURCE [--table T]``  the same, queried in place, for big Parquet
                                     (over 2M rows), partitioned folders, DuckDB files, engine URLs
``entente export [PATH] --out F``    render the window (or --view timeline|relations) to PNG/SVG/PDF

Only ``export`` and the window import Qt; the other commands never do (a test checks it). Before the
window is opened, a mistyped command, a missing path and a missing display are answered in the terminal
(exit code 2), so Qt never starts only to abort.
Exit codes: 0 ok, 1 data problems, 2 usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from viewer import cli_engine, cli_write
from viewer.cli_args import actor_ids, check_kind, unique_paths
from viewer.cli_errors import INTERRUPTED, UsageError
from viewer.cli_format import emit, frame_for_output, print_diff, print_summary, span_text
from viewer.cli_mapping import cmd_suggest_mapping
from viewer.cli_window import COMMANDS, display_problem, window_arguments_problem
from viewer.io.cache import load_cached_many
from viewer.io.import_spec import read_spec
from viewer.io.write_target import shown
from viewer.model import instants, value_bands
from viewer.model.clock import CALENDAR, CLOCK_SUMMARY
from viewer.model.clock import WORDS as CLOCK_WORDS
from viewer.model.dataset import Dataset
from viewer.model.dates import PartialDate
from viewer.model.problems import LoadError
from viewer.model.query import relations_during
from viewer.source.base import engine_error

FORMATS = ("table", "csv", "json")
PATHS_HELP = "dataset folders or files, combined when several (default: the bundled alliance)"
USAGE = "entente [PATH ...]\n       entente COMMAND [PATH ...] [options]"
DESCRIPTION = """Entente: timelines and relationships.

entente [PATH ...] opens the window on those files or folders (combined when several);
with no PATH, on the bundled dataset (the Renault-Nissan-Mitsubishi alliance).
A COMMAND answers in the terminal instead, offline and without a window."""
EPILOG = "Run `entente COMMAND --help` for a command's options. Exit codes: 0 ok, 1 data problems, 2 usage."
TIME_OPTIONS = frozenset({"--at", "--from", "--to"})


def _date(text: str) -> str:
    """A date, a number, a year (``-13.8e9``, ``66 Ma``) or a time (``9:30``): :func:`_time` reads it on the
    dataset's clock."""
    if not instants.readable(text) or instants.impossible(text):
        raise argparse.ArgumentTypeError(instants.unreadable(text))
    return text


def _joined(argv: Sequence[str]) -> list[str]:
    """``--from -13.8e9`` as ``--from=-13.8e9``: argparse takes only plain negative numbers (-473) as values."""
    out: list[str] = []
    for token in argv:
        if out and out[-1] in TIME_OPTIONS and token.startswith("-") and len(token) > 1 and token[1] != "-":
            out[-1] = f"{out[-1]}={token}"
        else:
            out.append(token)
    return out


def _time(ds: Dataset, text: str | None, *, upper: bool = False) -> PartialDate | None:
    """A ``--at``/``--from``/``--to`` value read on the dataset's clock as the API reads it (a date, a period such as
    ``Q1 2019``, its last date when ``upper``, or a number such as 42)."""
    try:
        return ds.when(text, upper=upper)
    except ValueError as exc:
        hint = f"the {CLOCK_WORDS[ds.meta.clock]}" if ds.meta.clock != CALENDAR else "this dataset is dated"
        raise UsageError(f"{exc} ({hint})") from exc


def _label(ds: Dataset, when: PartialDate | None) -> str:
    return "" if when is None else ds.format_time(when.start, when.precision)


def _size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT such as 1600x900, got {text!r}") from exc
    if not (200 <= width <= 10000 and 200 <= height <= 10000):
        raise argparse.ArgumentTypeError(f"size must be between 200 and 10000 pixels a side, got {text!r}")
    return width, height


def _where(text: str) -> tuple[str, str]:
    name, sep, value = text.partition("=")
    if not sep or not name.strip():
        raise argparse.ArgumentTypeError(f"expected ATTRIBUTE=VALUE such as State=IL, got {text!r}")
    return name.strip(), value.strip()


MAPPING_HELP = "an import spec (JSON) saying which column is which, and which name entities and relations"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for the offline commands."""
    parser = argparse.ArgumentParser(prog="entente", usage=USAGE, description=DESCRIPTION, epilog=EPILOG,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND", prog="entente")

    info = sub.add_parser("info", help="title, counts, date span and problems of a dataset")
    info.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    info.add_argument("--suggest-mapping", action="store_true",
                      help="print the import spec Entente suggests for a table file (JSON), and nothing else")

    events = sub.add_parser("events", help="events matching a date range and filters (precision-aware)")
    events.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    events.add_argument("--from", dest="start", type=_date, help="range start (a month matches its whole month)")
    events.add_argument("--to", dest="end", type=_date, help="range end (inclusive of its whole day/month/year)")
    events.add_argument("--actor", action="append", help="entity id; repeat for any of several")
    events.add_argument("--category", action="append", help="category; repeat for any of several")
    events.add_argument("--search", help="text in title, description, actors or attribute values")
    events.add_argument("--where", action="append", type=_where, metavar="ATTRIBUTE=VALUE",
                        help="an attribute's value (State=IL); repeat a name for any of several values")
    events.add_argument("--format", choices=FORMATS, default="table")

    relations = sub.add_parser("relations", help="relations valid at a date, or during a window")
    relations.add_argument("paths", nargs="*", metavar="PATH", help=PATHS_HELP)
    relations.add_argument("--at", type=_date, help="the date (2019, 2019-12, 2019-12-29, ISO)")
    relations.add_argument("--from", dest="start", type=_date,
                           help="with --to: every relation valid at some point of the window")
    relations.add_argument("--to", dest="end", type=_date, help="the window's end (its whole day/month/year)")
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

    convert = sub.add_parser("convert", help="write any readable input as a native dataset (or Parquet: see README)")
    convert.add_argument("input", help="the file or folder to read")
    convert.add_argument("output", nargs="?", help="a folder, or a file ending in .json (or give it as --out)")
    convert.add_argument("--out", dest="out", metavar="OUTPUT", help="the output, as export takes it")
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
    for command in (info, events, relations, diff, history, validate, convert, export):
        command.add_argument("--mapping", metavar="SPEC", help=MAPPING_HELP)
    for command in (info, events, relations, diff):  # these also run as queries on a big or engine source
        cli_engine.add_options(command, limit=command is events)
    return parser


def _load(paths: list[str] | str | None, args: argparse.Namespace | None = None, *, layout: bool = False
          ) -> Dataset:
    """The dataset of the given paths (read with ``--mapping`` when given); ``layout`` also computes its
    graph positions (only drawing needs them)."""
    paths = unique_paths([paths] if isinstance(paths, str) else paths or [])
    options: dict[str, Any] = {}
    if args is not None and getattr(args, "mapping", None):
        options["mapping"] = read_spec(args.mapping)
    if args is not None and getattr(args, "table", None) and paths and len(paths) == 1 and Path(paths[0]).is_file():
        options["sheet"] = args.table  # a SQLite database's table, a workbook's sheet, a document's table
    if (queried := cli_engine.dataset(paths or [], args)) is not None:  # a partitioned folder, a DuckDB table …
        return queried
    return load_cached_many(paths or [], layout=layout, **options)


def cmd_info(args: argparse.Namespace) -> int:
    """Print what a dataset holds and what could not be read."""
    if args.suggest_mapping:
        return cmd_suggest_mapping(args)
    ds = _load(args.paths, args)
    out = [f"Title:     {ds.title}", f"Path:      {ds.meta.path}",
           f"Events:    {len(ds.events):,}", f"Entities:  {len(ds.entities):,}",
           f"Relations: {len(ds.relations):,}"]
    span = ds.span()
    if span is not None:
        out.append(f"Span:      {span_text(ds)}")
        if ds.meta.clock in CLOCK_SUMMARY:
            out.append(f"Clock:     {CLOCK_SUMMARY[ds.meta.clock]}")
    return print_summary(out, ds.meta, ds.entities, ds.relations, ds.problems)


def cmd_relations(args: argparse.Namespace) -> int:
    """Print the relations valid at a date, or at some point of a window (with the share of it they held)."""
    window = args.start is not None or args.end is not None
    if window == (args.at is not None) or (window and (args.start is None or args.end is None)):
        raise UsageError("give either --at DATE or both --from DATE and --to DATE")
    ds = _load(args.paths, args)
    columns = ["source", "target", "kind", "value", "valid_from", "valid_to"]
    if any(value_bands.written(ds.relations)):  # a stake written as a band or a bound: shown as written too
        columns.insert(4, value_bands.COLUMN)
    at, start, end = _time(ds, args.at), _time(ds, args.start), _time(ds, args.end, upper=True)
    if not window:
        emit(frame_for_output(ds.relations_at(at), columns, ds.meta.clock, args.format == "json").rename(
            columns={value_bands.COLUMN: value_bands.WRITTEN}), args.format,
             title=f"Relations valid at {_label(ds, at)}")
        return 0
    try:
        during = relations_during(ds.relations, start, end, ds.entities)
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    during = during.assign(held=during["held"].round(3))
    emit(frame_for_output(during, [*columns, "held"], ds.meta.clock, args.format == "json").rename(
        columns={value_bands.COLUMN: value_bands.WRITTEN}), args.format,
         title=f"Relations from {_label(ds, start)} to {_label(ds, end)}")
    return 0


def cmd_events(args: argparse.Namespace) -> int:
    """Print the events matching a range and filters."""
    ds = _load(args.paths, args)
    where: dict[str, list[str]] = {}
    for name, value in args.where or []:
        if name not in {a.name for a in ds.attributes}:
            raise UsageError(f"no attribute named {name!r}; the events have "
                             f"{', '.join(a.name for a in ds.attributes) or 'no attributes'}")
        where.setdefault(name, []).append(value)
    try:
        actors = actor_ids(args.actor, ds.entities) if args.actor else None
        found = ds.events_between(_time(ds, args.start), _time(ds, args.end, upper=True), actors=actors,
                                  categories=args.category, text=args.search, where=where)
    except ValueError as exc:  # a window that ends before it starts, an actor no entity is
        raise UsageError(str(exc)) from exc
    found = found.head(args.limit) if args.limit else found
    columns = ["id", "start", "end", "precision", "title", "actors", "category", "source_url"]
    out = frame_for_output(found, columns + [a.column for a in ds.attributes], ds.meta.clock, args.format == "json")
    out.columns = [c if c in columns or c.removeprefix("attr:") in columns else c.removeprefix("attr:")
                   for c in out.columns]
    emit(out, args.format, title=f"{len(found)} of {len(ds.events)} events")
    return 0


def cmd_diff(args: argparse.Namespace) -> int:
    """Print what changed in the relations between two dates."""
    ds = _load(args.paths, args)
    return print_diff(ds.diff(_time(ds, args.start), _time(ds, args.end)).table, args, ds.meta.clock, ds.relations)


def cmd_history(args: argparse.Namespace) -> int:
    """Print every value a relation took, oldest first."""
    if len(args.ids) < 2:
        raise UsageError("expected [PATH ...] SOURCE TARGET")
    paths, (source, target) = args.ids[:-2], args.ids[-2:]
    ds = _load(paths, args)
    known = set(ds.entities["id"])
    for entity in (source, target):
        if entity not in known:
            raise UsageError(f"no entity with id {entity!r} (see `entente info` for the dataset)")
    try:
        check_kind(args.kind, ds.relations, ds.history(source, target))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc
    steps = ds.history(source, target, args.kind)
    columns = ["kind", "value", "valid_from", "valid_to", "event", "source_url"]
    emit(frame_for_output(steps, columns, ds.meta.clock, args.format == "json"), args.format,
         title=f"{ds.entity_name(source)} → {ds.entity_name(target)}")
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Exit 0 when a dataset reads cleanly; else list every problem and exit 1."""
    ds = _load(args.paths, args)
    serious = [p for p in ds.problems if p.level in ("error", "warning")]
    for problem in ds.problems:
        print(f"[{problem.level}] {problem}")
    print(f"{ds.title}: {len(serious)} problems" if serious else f"{ds.title}: no problems")
    return 1 if serious else 0


def cmd_convert(args: argparse.Namespace) -> int:
    """Read any input and write it as a native dataset (a table too big for memory: as Parquet, unloaded)."""
    return cli_write.convert(args, _load)


def cmd_export(args: argparse.Namespace) -> int:
    """Render the window offscreen to an image file."""
    cli_write.export_target(args.out)  # a name that cannot be written is said before Qt loads
    from viewer.ui.render import export_window  # noqa: PLC0415 - the one command that needs Qt loads it only here
    return cli_write.export(args, _load, _time, export_window)


HANDLERS = {"info": cmd_info, "events": cmd_events, "relations": cmd_relations, "diff": cmd_diff,
            "history": cmd_history, "validate": cmd_validate, "convert": cmd_convert, "export": cmd_export}


def run(argv: Sequence[str]) -> int:
    """Run an offline command; returns the exit code (0 ok, 1 data problems, 2 usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(_joined(argv))
    except SystemExit as exc:  # argparse has printed its usage message
        return 0 if exc.code == 0 else 2
    try:
        handler = cli_engine.HANDLERS[args.command] if cli_engine.wants_engine(args) else HANDLERS[args.command]
        return handler(args)
    except BrokenPipeError:  # `entente ... | head` closed the pipe: not an error
        return 0
    except KeyboardInterrupt:  # Ctrl-C while a file is read or a table printed: a line, not the reader's traceback
        print(f"entente {args.command}: interrupted", file=sys.stderr)
        return INTERRUPTED
    except Exception as exc:
        return _failed(args, exc)


def _failed(args: argparse.Namespace, exc: Exception) -> int:
    """A failed command's message on stderr and its exit code; an error that is no data's or usage's (a
    bug) is raised again."""
    if isinstance(exc, LoadError):
        print(f"entente: {exc}", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    if isinstance(exc, UsageError):
        print(f"entente {args.command}: {exc}", file=sys.stderr)
        return 2
    if isinstance(exc, OSError):  # the system refused a file while it was read (gone, unreadable, a full disk)
        why = str(exc.strerror or exc)
        print(f"entente: {shown(exc.filename or '')}{': ' if exc.filename else ''}{why[:1].lower()}{why[1:]}",
              file=sys.stderr)  # ("permission denied", as the loader says it)
        return 1
    said = engine_error(exc)  # a query engine failing mid-command (a damaged partition read late)
    if said is None:
        raise exc
    print(f"entente: {', '.join(map(str, getattr(args, 'paths', None) or []))}: the query engine stopped: {said}",
          file=sys.stderr)
    return 1


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: a known command runs offline; anything else opens the window on the given paths.

    Before Qt is imported, a mistyped command, a missing path or a missing display is answered on
    stderr with exit code 2.
    """
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] in (["--version"], ["-V"]):  # (it was taken for a file to open: "no display found")
        from viewer import __version__  # noqa: PLC0415 - the package, once loaded here
        print(f"entente {__version__}")
        return 0
    if argv and (argv[0] in COMMANDS or argv[0] in ("-h", "--help")):
        return run(argv)
    if "-h" in argv or "--help" in argv:
        return run(["--help"])
    problem = window_arguments_problem(argv) or display_problem()
    if problem:
        print(f"entente: {problem}", file=sys.stderr)
        return 2
    from viewer.ui.app import main as gui_main  # noqa: PLC0415 - the commands above never load Qt
    return gui_main(argv)


if __name__ == "__main__":
    sys.exit(main())
