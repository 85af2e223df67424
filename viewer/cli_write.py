"""``entente convert`` and ``entente export``: the two commands that write, and what they check first.

Where they write is checked before anything is read or written (:func:`viewer.io.write_target.check`, the
checks of every dataset writer: never a folder that is not a dataset, a file with a folder, a link in a loop,
nor a file the dataset was read from). Ctrl-C ends either with one line and exit code 130, SIGTERM with 143;
both go through the writers' cleanup (the old output stays whole, no temporary is left). Qt is loaded only by
``export``, in :mod:`viewer.cli`.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import re
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from viewer.cli_errors import INTERRUPTED, UsageError
from viewer.io import native_write
from viewer.io.write_target import Refused, check, resolved, shown
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.model.query import check_window

IMAGES = (".png", ".svg", ".pdf")


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where the process is, so the writers clean up as after Ctrl-C."""


def _terminate(_signum: int, _frame: object) -> None:
    raise Terminated


@contextlib.contextmanager
def _stoppable() -> Iterator[None]:
    """SIGTERM raised as :class:`Terminated` while a command writes (the handler before is put back after)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    before = signal.signal(signal.SIGTERM, _terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def _state(path: Path) -> tuple[int, int] | None:
    try:
        found = resolved(path).stat()
    except (OSError, Refused):
        return None
    return found.st_ino, found.st_mtime_ns


def interruptible(command: str, output: str, work: Callable[[], int]) -> int:
    """Run ``work``; Ctrl-C or SIGTERM ends it with one line saying what became of ``output`` (130, 143)."""
    before = _state(Path(output))
    try:
        with _stoppable():
            return work()
    except KeyboardInterrupt as exc:
        how = "terminated" if isinstance(exc, Terminated) else "interrupted"
        after = _state(Path(output))
        became = "was left as it was" if after == before else "was written whole before it stopped"
        print(f"entente {command}: {how}; {shown(output)} {became}, and no temporary file is left", file=sys.stderr)
        return 143 if isinstance(exc, Terminated) else INTERRUPTED


def convert(args: argparse.Namespace, load: Callable[..., Dataset]) -> int:
    """Read any input and write it as a native dataset (a table too big for memory: as Parquet, unloaded). The
    output is the second path or ``--out`` (as ``export`` takes it), not both."""
    out = getattr(args, "out", None)
    if out is not None and args.output is not None and out != args.output:
        raise _usage(f"two outputs, {shown(args.output)} and --out {shown(out)}; expected one")
    args.output = args.output if out is None else out
    if args.output is None:
        raise _usage("expected an output: entente convert INPUT OUTPUT (a folder, or a file ending in .json)")
    return interruptible("convert", args.output, lambda: _convert(args, load))


def _convert(args: argparse.Namespace, load: Callable[..., Dataset]) -> int:
    from viewer.source import csv_parquet  # noqa: PLC0415 - DuckDB loads only for a table too big to load
    source, output = Path(args.input), Path(args.output)
    try:  # checked before the input is read: a big table is not loaded only to be refused
        check(output, overwrite=args.force, folder=output.suffix.lower() != ".json" or _out_of_core(source),
              sources=[source])
        if (said := csv_parquet.convert_if_too_big(source, output, args.force)) is not None:
            print(shown(said))
            return 0
        ds = load(args.input, args)
        meta = ds.meta
        written = native_write.write(ds, output, overwrite=args.force,
                                     sources=[source, *(p for p in (meta.path, *meta.parts, *meta.sources) if p)])
    except FileExistsError as exc:  # (Refused too)
        raise _usage(str(exc)) from exc
    except OSError as exc:
        raise LoadError(f"{shown(args.output)}: cannot be written ({exc.strerror or exc})") from exc
    print(f"Wrote {shown(written)}: {len(ds.events)} events, {len(ds.entities)} entities, {len(ds.relations)} "
          "relations")
    return 1 if any(p.level == "error" for p in ds.problems) else 0


def _out_of_core(source: Path) -> bool:
    from viewer.source import csv_parquet  # noqa: PLC0415 - as above
    return source.is_file() and csv_parquet.can_convert(source) and csv_parquet.needs_out_of_core(source)


def _usage(message: str) -> Exception:
    return UsageError(message)


def export_target(out: str) -> None:
    """UsageError when ``--out`` is no image file that can be written: no suffix of an image (``.png`` alone is a
    hidden file without one), a folder, a link in a loop."""
    name = Path(out)
    if name.suffix.lower() not in IMAGES:
        raise _usage(f"{shown(out)}: expected a file name ending in .png, .svg or .pdf (such as view.png)")
    try:
        target = resolved(name)
    except Refused as exc:
        raise _usage(str(exc)) from exc
    if target.is_dir():
        raise _usage(f"{shown(out)} is a folder; expected an image file's name, such as {shown(name / 'view')}"
                     f"{name.suffix}")
    if not name.absolute().parent.is_dir():  # (said before the dataset is loaded and the window drawn, not after)
        raise _usage(f"{shown(out)}: the folder {shown(name.parent)} does not exist; expected an image file's name "
                     "in a folder that does")


def export(args: argparse.Namespace, load: Callable[..., Dataset], when: Callable[[Dataset, str | None], Any],
           render: Callable[..., None]) -> int:
    """Render the window offscreen to an image file: ``--at``, ``--from`` and ``--to`` read as ``relations
    --at`` reads them (``when``: a clean usage error on the dataset's clock), the size written said when the
    window could not be drawn as small as asked."""
    export_target(args.out)
    ds = displayable(load(args.paths, args, layout=args.view != "timeline"))
    for text in (args.at, args.start, args.end):
        when(ds, text)
    try:
        check_window(ds.when(args.start), ds.when(args.end, upper=True))  # (as `events` refuses it)
    except ValueError as exc:
        raise _usage(str(exc)) from exc

    def work() -> int:
        render(ds, args.out, size=args.size, at=args.at, start=args.start, end=args.end, view=args.view)
        return 0

    code = interruptible("export", args.out, work)
    if code:
        return code
    print(f"Wrote {shown(args.out)}")
    size = image_size(Path(args.out))
    if size is not None and size != tuple(args.size):
        print(f"entente export: {shown(args.out)} is {size[0]}x{size[1]} pixels, not the {args.size[0]}x"
              f"{args.size[1]} asked: the window is not drawn smaller than that", file=sys.stderr)
    return 0


def displayable(ds: Dataset) -> Dataset:
    """``ds`` with the names that are not valid UTF-8 (its title, path and problems, from a file's name) as
    U+FFFD: the window's panels and Qt take them as text, and failed on ``surrogates not allowed``."""
    meta = ds.meta
    names = [meta.title, meta.path, *meta.sources, *(f"{p.file}{p.message}" for p in ds.problems)]
    if all(shown(name) == name for name in names):
        return ds
    ds.meta = dataclasses.replace(meta, title=shown(meta.title), path=shown(meta.path),
                                  sources=tuple(map(shown, meta.sources)))
    ds.problems = [dataclasses.replace(p, file=shown(p.file), message=shown(p.message)) for p in ds.problems]
    return ds


def image_size(path: Path) -> tuple[int, int] | None:
    """The width and height in pixels of a PNG or SVG file (None for a PDF, or when unknown)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(4096)
    except OSError:
        return None
    if head.startswith(b"\x89PNG\r\n\x1a\n") and len(head) >= 24:
        return int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    found = re.search(rb"<svg[^>]*?\sviewBox=\"0 0 (\d+) (\d+)\"", head)  # (Qt writes width and height in mm)
    return (int(found.group(1)), int(found.group(2))) if found else None

