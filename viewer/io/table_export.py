"""Writing a filtered table as CSV or JSON (dates ISO at their precision), atomically."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

import pandas as pd

from viewer.cli_format import frame_for_output, json_values
from viewer.io.atomic import replace_file
from viewer.model import attributes
from viewer.model.clock import CALENDAR


def _output(frame: pd.DataFrame, columns: list[str], clock: str = CALENDAR, typed: bool = False) -> pd.DataFrame:
    """The documented columns as written (times on the dataset's ``clock``: ticks as numbers, not as 1970's
    seconds), then every attribute under its own name; ``typed`` (JSON): numbers and truth values as JSON's own
    (:func:`viewer.cli_format.json_values`: a stake of 43.4 was written as the text "43.4")."""
    out = frame_for_output(frame, columns, clock, typed)
    extra = {}
    for attribute in attributes.attributes(frame):
        name = attribute.name if attribute.name not in out.columns else attribute.column
        values = json_values(frame[attribute.column]) if typed else None
        extra[name] = (attributes.plain(frame[attribute.column]) if values is None else values).reset_index(drop=True)
    if not extra:
        return out
    # joined once: inserting a survey's 5,000 columns one by one took 45 s (the frame is rebuilt at each)
    return pd.concat([out.reset_index(drop=True), pd.DataFrame(extra)], axis=1)


def table_text(frame: pd.DataFrame, columns: list[str], fmt: str, clock: str = CALENDAR) -> str:
    """The table as CSV or JSON text: the documented columns, then every attribute under its own name."""
    out = _output(frame, columns, clock, fmt == "json")
    if fmt == "json":
        return json.dumps(out.to_dict(orient="records"), ensure_ascii=False, indent=2) + "\n"
    return out.to_csv(index=False, lineterminator="\n")


def _format(path: Path) -> str:
    return "json" if path.suffix.lower() == ".json" else "csv"


def write_table(frame: pd.DataFrame, columns: list[str], path: Path, clock: str = CALENDAR) -> None:
    """Write ``frame`` to ``path`` (JSON when the name ends in .json, else CSV); a failed write changes nothing."""
    replace_file(path, table_text(frame, columns, _format(path), clock))


def write_chunks(chunks: Iterable[pd.DataFrame], columns: list[str], path: Path,
                 written: Callable[[int], None] = lambda _n: None) -> int:
    """Write a table that comes in chunks (an engine's answer) as :func:`write_table` writes it whole: the
    same text, one chunk in memory at a time, atomically (an error or a stop midway changes nothing).
    ``written`` hears the rows written so far after each chunk; returns how many rows were written."""
    fmt, count = _format(path), 0

    def fill(handle: BinaryIO) -> None:
        nonlocal count
        for chunk in chunks:
            out = _output(chunk, columns, typed=fmt == "json")
            if fmt == "json":
                for record in out.to_dict(orient="records"):
                    text = textwrap.indent(json.dumps(record, ensure_ascii=False, indent=2), "  ")
                    handle.write((("[\n" if count == 0 else ",\n") + text).encode("utf-8"))
                    count += 1
            else:
                if count == 0 or len(out):
                    handle.write(out.to_csv(index=False, header=count == 0, lineterminator="\n").encode("utf-8"))
                count += len(out)
            written(count)
        if fmt == "json":
            handle.write(b"\n]\n" if count else b"[]\n")
        elif count == 0 and not handle.tell():
            header = _output(pd.DataFrame(columns=columns), columns)
            handle.write(header.to_csv(index=False, lineterminator="\n").encode("utf-8"))

    replace_file(path, fill)
    return count
