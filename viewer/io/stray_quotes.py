"""Quotes a delimited file opens by mistake, found before they swallow its rows.

A value that begins with a quote (``"Best of" list``, a pasted citation) is read as a quoted value: every
character up to the next quote, line breaks and delimiters included, belongs to it. When the quote was
meant as a character, the rows that follow become one value: forty-five events turn into one long title,
with no word said, or the file is refused when no quote closes it. A quoted value that runs to the end of
the file, or whose inner lines each split into as many fields as the header, is taken for that mistake: its
opening quote is read as a character, and the user is told which line held it.

Legitimate quoted values that span lines (an address, a paragraph) keep their line breaks: their inner
lines do not split like records.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass

import pandas as pd
import pyarrow.compute as pc

from viewer.io.lines import shape
from viewer.model.columns import arrow_text

PLACEHOLDERS = "\ue000\ue001\ue002\ue003"  # private-use characters stand for the stray quotes while parsing
FEW_INNER_LINES = 3  # a table of one or two columns: a paragraph's lines split like records more easily


@dataclass(frozen=True)
class Stray:
    """An opening quote read as a character: where it is (a line of the file, the field on it) and the line
    its value would have run to (None: the end of the file)."""

    line: int
    field: int
    closed_on: int | None


def _quoted(delimiter: str) -> re.Pattern[str]:
    """A quoted value: a quote at the start of a field, up to its closing quote (doubled quotes inside)
    or the end of the text."""
    before = re.escape(delimiter)
    return re.compile(rf'(?:\A|(?<=[{before}\n]))"[^"]*(?:""[^"]*)*("|\Z)')


def find(text: str, delimiter: str, width: int) -> tuple[list[Stray], list[int]]:
    """The stray opening quotes of ``text`` (a table of ``width`` columns) and their offsets in it."""
    if '"' not in text:
        return [], []
    pattern = _quoted(delimiter)
    strays: list[Stray] = []
    offsets: list[int] = []
    at = counted = record = 0
    line = 1
    while (match := pattern.search(text, at)) is not None:
        value = match.group(0)
        closed = bool(match.group(1))
        # the record the quote is in begins after the last line break outside quoted values (one inside the
        # value before it, "t0\n","…", breaks no record)
        record = text.rfind("\n", at, match.start()) + 1 or record
        start_of_line = record
        field = len(next(csv.reader([text[start_of_line:match.start()]], delimiter=delimiter), [""])) - 1
        if closed and ("\n" not in value or not _swallowed(value, delimiter, width, _first_field(
                text, start_of_line if field > 0 else text.find("\n", match.end()) + 1, delimiter))):
            at = match.end()
            continue
        line += text.count("\n", counted, match.start())
        counted = match.start()
        strays.append(Stray(line, max(field, 0), line + value.count("\n") if closed else None))
        offsets.append(match.start())
        at = match.start() + 1  # what follows the quote is read as unquoted text, field by field
    return strays, offsets


def suspected(frame: pd.DataFrame, delimiter: str) -> bool:
    """Whether a value of a table as read (no header split yet) may have swallowed rows: its inner lines split
    into as many fields as the table has. Only such a table's text is scanned, field by field, for the quote
    (a long file of legitimate multi-line values is not: one Arrow pass per column finds its line breaks)."""
    width = frame.shape[1]
    for _, values in frame.items():
        text = arrow_text(values)
        broken = pc.match_substring(text, "\n").fill_null(False)
        if pc.any(broken).as_py():
            lines = (value.split("\n")[1:-1] for value in text.filter(broken).to_pylist())
            if any(inner and all(line.count(delimiter) == width - 1 for line in inner) for inner in lines):
                return True
    return False


def _swallowed(value: str, delimiter: str, width: int, record_start: str) -> bool:
    """Whether a quoted value's inner lines (those it holds whole) look like records: each splits into
    ``width`` fields and begins like the record around the quote (``record_start``, its first field: a date
    like a date, a number like a number), which a paragraph's lines seldom do."""
    inner = value.split("\n")[1:-1]
    if not inner or width < 2 or (width < 3 and len(inner) < FEW_INNER_LINES):
        return False
    begins = shape(record_start)
    return all(line.count(delimiter) == width - 1 and shape(line.split(delimiter, 1)[0]) == begins
               for line in inner)


def _first_field(text: str, start: int, delimiter: str) -> str:
    """The first field of the line at ``start``: the record the quote is in, or when the quote opens a record,
    the record after its value (the line before may be the header)."""
    end = text.find("\n", start)
    return text[start:end if end >= 0 else len(text)].split(delimiter, 1)[0]


def placeholder(text: str) -> str | None:
    """A character the text does not hold, to stand for the stray quotes (None: the text holds them all)."""
    return next((mark for mark in PLACEHOLDERS if mark not in text), None)


def mended(text: str, offsets: list[int], mark: str) -> str:
    """The text with the quotes at ``offsets`` replaced by ``mark``."""
    pieces, last = [], 0
    for offset in offsets:
        pieces += [text[last:offset], mark]
        last = offset + 1
    pieces.append(text[last:])
    return "".join(pieces)


def message(stray: Stray) -> str:
    """What the user is told of a stray quote."""
    if stray.closed_on is None:
        run = "no quote closes it, so the rest of the file would have been one value"
    else:
        run = (f"the next quote is on line {stray.closed_on:,}, so the {stray.closed_on - stray.line - 1:,} "
               "lines between would have been one value")
    return f"a value begins with a quote and {run}; the quote was read as a character"
