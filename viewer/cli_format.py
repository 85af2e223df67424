"""Output for the command line: aligned tables for a terminal, stable CSV and JSON."""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Sequence
from typing import Any

import pandas as pd

from viewer.model import instants, value_bands
from viewer.model.clock import CALENDAR, format_instant, iso_instant
from viewer.model.dates.iso import iso_dates
from viewer.model.problems import Problem
from viewer.model.value_numbers import number_text

PRECISION_OF = {"start": "precision", "end": "end_precision"}


def _iso_column(frame: pd.DataFrame, column: str, clock: str) -> pd.Series:
    precision_column = PRECISION_OF.get(column, f"{column}_precision")
    precisions = frame[precision_column] if precision_column in frame else pd.Series("time", index=frame.index)
    if clock == CALENDAR:
        return iso_dates(frame[column], precisions)
    return pd.Series([iso_instant(t, str(p), clock) for t, p in zip(frame[column], precisions, strict=True)],
                     index=frame.index, dtype="object")


def frame_for_output(frame: pd.DataFrame, columns: list[str], clock: str = CALENDAR,
                     typed: bool = False) -> pd.DataFrame:
    """The given columns as strings: dates in ISO form at their precision (numbers on a numeric clock),
    numbers without noise. ``typed`` (for JSON): numbers and truth values as JSON writes them
    (:func:`json_values`), the rest as strings."""
    out = pd.DataFrame(index=frame.index)
    for column in columns:
        if typed and (values := json_values(frame[column])) is not None:
            out[column] = values
        elif pd.api.types.is_datetime64_any_dtype(frame[column]):
            out[column] = _iso_column(frame, column, clock)
        elif pd.api.types.is_float_dtype(frame[column]):
            out[column] = frame[column].map(number_text)
        else:  # a missing value is blank (pandas' str keeps it missing: None, NaN, NaT in any other column)
            out[column] = frame[column].astype(object).where(frame[column].notna(), "").astype(str)
    return out.reset_index(drop=True)


def json_values(values: pd.Series) -> pd.Series | None:
    """A column of numbers or truth values as JSON writes them (``36.8``, ``12``, ``true``; ``null`` where one is
    missing; a number JSON cannot write, ``inf``, as its text), or None for any other column (written as text).
    Numbers are written as the CSV writes them (:func:`number_text`: 43.4, not 43.400000000000006).

    >>> json_values(pd.Series([36.8, float("nan"), 0.434 * 100, 2.0, float("inf")])).tolist()
    [36.8, None, 43.4, 2, 'inf']
    >>> json_values(pd.Series([True, None], dtype="boolean")).tolist(), json_values(pd.Series(["a"])) is None
    ([True, None], True)
    """
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
        return values.astype(object).where(values.notna(), None)
    if pd.api.types.is_float_dtype(dtype):
        return pd.Series([_json_number(v) for v in values.tolist()], index=values.index, dtype=object)
    return None


def _json_number(value: float) -> float | int | str | None:
    text = number_text(value)
    if not text:
        return None
    if text.lstrip("-").isdigit():
        return int(text)
    number = float(text)
    return number if math.isfinite(number) else text


# what a terminal would act on rather than show: C0 controls but tab, DEL, C1 controls (ESC starts a colour or an
# OSC title-set sequence), and the bidi embeddings, overrides and isolates that turn the text after them round
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_LINE_BREAK = re.compile("\r\n|\n")
# a CSV cell a spreadsheet would run as a formula (OWASP's CSV injection guidance); numbers and ISO dates excepted
_FORMULA = re.compile("[=+\\-@\t\r]")
_PLAIN = re.compile(r"[-+]?\d[\d.:eE+\-TZ]*")


def _escaped(found: re.Match[str]) -> str:
    char = found[0]
    return f"<U+{ord(char):04X}>" if ord(char) >= 0x202A else f"\\x{ord(char):02x}"


def terminal_text(value: str) -> str:
    """A value as a terminal may print it: line breaks as ``↵``, control characters written out (``\\x1b``,
    ``<U+202E>`` as Details writes an override), so data can neither colour, retitle or clear the terminal nor
    break the table's alignment.

    >>> terminal_text("a\\x1b[31mb\\nc\\u202ed")
    'a\\\\x1b[31mb↵c<U+202E>d'
    """
    if not _CONTROL.search(value) and "\n" not in value:
        return value
    return _CONTROL.sub(_escaped, _LINE_BREAK.sub("↵", value))


def csv_safe(value: str) -> str:
    """A CSV cell a spreadsheet will not run: one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return
    is led by ``'``, unless it is a number or an ISO date (``-3``, ``-0043-03-15``).

    >>> csv_safe("=HYPERLINK(1)"), csv_safe("-3.5"), csv_safe("@SUM(A1)"), csv_safe("Renault")
    ("'=HYPERLINK(1)", '-3.5', "'@SUM(A1)", 'Renault')
    """
    if not value or not _FORMULA.match(value) or _PLAIN.fullmatch(value):
        return value
    return "'" + value


def format_table(frame: pd.DataFrame) -> str:
    """An aligned plain-text table (numbers right-aligned); values shown as :func:`terminal_text` writes them."""
    if frame.empty:
        return "(none)"
    frame = frame.rename(columns=lambda c: terminal_text(str(c))).map(lambda v: terminal_text(str(v)))
    widths = {c: max(len(c), *(len(v) for v in frame[c])) for c in frame.columns}
    numeric = {c: frame[c].str.fullmatch(r"-?[\d.]*").all() for c in frame.columns}

    def cell(column: str, value: str) -> str:
        return value.rjust(widths[column]) if numeric[column] else value.ljust(widths[column])

    lines = ["  ".join(c.ljust(widths[c]) for c in frame.columns)]
    lines.append("  ".join("-" * widths[c] for c in frame.columns))
    lines.extend("  ".join(cell(c, row[c]) for c in frame.columns).rstrip() for _, row in frame.iterrows())
    return "\n".join(lines)


def emit(frame: pd.DataFrame, fmt: str, title: str = "") -> None:
    """Write a string frame to stdout as a table, CSV (formulas defused: :func:`csv_safe`) or JSON records."""
    if fmt == "csv":
        safe = frame.rename(columns=lambda c: csv_safe(str(c))).map(lambda v: csv_safe(v) if isinstance(v, str) else v)
        safe.to_csv(sys.stdout, index=False, lineterminator="\n")
    elif fmt == "json":
        json.dump(frame.to_dict(orient="records"), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        if title:
            print(terminal_text(title))
        print(format_table(frame))


def print_summary(out: list[str], meta: Any, entities: pd.DataFrame, relations: pd.DataFrame,
                  problems: Sequence[Problem]) -> int:
    """``entente info``'s tail, the same for a loaded and an engine source: window, kinds, problems.

    Prints ``out`` with those lines added; returns 1 when a problem is an error (the exit code).
    """
    if meta.default_start and meta.default_end:
        clock = getattr(meta, "clock", CALENDAR)
        out.append(f"Window:    {format_instant(meta.default_start.start, meta.default_start.precision, clock)} – "
                   f"{format_instant(meta.default_end.start, meta.default_end.precision, clock)}")
    for label, frame in (("Entity kinds", entities), ("Relation kinds", relations)):
        counts = frame["kind"].astype(str).value_counts()
        if len(counts):
            out.append(f"{label + ':':<16}" + ", ".join(f"{k} {v}" for k, v in counts.items()))
    errors = [p for p in problems if p.level == "error"]
    out.append(f"Problems:  {len(problems)} ({len(errors)} errors)")
    out.extend(f"  [{p.level}] {p}" for p in problems)
    print("\n".join(out))
    return 1 if errors else 0


def print_diff(table: pd.DataFrame, args: Any, clock: str = CALENDAR, relations: pd.DataFrame | None = None) -> int:
    """``entente diff``'s output, the same for a loaded and an engine source (``--all`` keeps unchanged ties); with
    a loaded source's ``relations``, each side's band as written too."""
    table = table if relations is None else value_bands.diff_written(table, relations)
    if not args.all:
        table = table[table["change"] != "unchanged"]
    written = [c for c in ("old_written", "new_written") if c in table.columns]  # a stake's band: "25–50%"
    columns = ["change", "source", "target", "kind", "old_value", "new_value", *written, "events"]
    first, last = (instants.needed(text, clock) for text in (args.start, args.end))
    emit(frame_for_output(table, columns, clock, args.format == "json"), args.format,
         title=f"Relations from {format_instant(first.start, first.precision, clock)} to "
               f"{format_instant(last.start, last.precision, clock)}")
    return 0


def span_text(ds: Any) -> str:
    """From the first event's start to the end of the one that ends last (its start when it has no end), as a
    person reads dates: ``27 Mar 1999 – 6 Feb 2023``."""
    first = ds.events.iloc[0]
    last = ds.events.loc[ds.events["span_end"].idxmax()]
    end, precision = ("end", "end_precision") if pd.notna(last["end"]) else ("start", "precision")
    return f"{ds.format_time(first['start'], first['precision'])} – {ds.format_time(last[end], last[precision])}"
