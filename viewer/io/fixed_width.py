"""Text tables whose columns are lined up with spaces (fixed width): a report saved as text, Excel's "Formatted
Text (Space delimited)" (``.prn``), a table copied out of a PDF or a terminal, a query's result as SQL Server's
sqlcmd and Oracle's SQL*Plus print it (its columns drawn by a rule of dashes under the header, a space apart).

No delimiter splits such a file: it was read as one column of whole lines and refused for having no date in
it. :func:`lined_up` finds the columns where nearly every line of a sample is blank at the same character
positions and the header names each column, as ``pandas.read_fwf`` infers them, and :func:`read` cuts every line
there; the last column runs to the end of its line, so a long title is never cut. A line whose text runs across a
column's edge is cut after the word that does, and said. A text that a delimiter splits alike, or whose header it
splits (an aligned CSV, psql's result), is left to the delimited reader, and one whose first line is data (notes
each led by a date) to the dated lines' reader. Never Qt.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.io.boxed import FOOTER
from viewer.io.text_head import sniff_delimiter
from viewer.model.problems import Problem

SAMPLE_LINES = 500  # the lines the columns are found in (as read_fwf's infer_nrows)
SAID_AT_MOST = 5  # lines named whose text crosses a column's edge
CROSSING_SHARE = 10  # a column's edge stays one where at most one line in this many runs across it
HEADER_WITHIN = 10  # lines a header may have above it (a title, notes, as a report prints them)
# a cell that is data, not a column's name: a date in numbers (2019-03-04, 04/03/2019, 2019) or a number
_DATA = re.compile(r"[-+]?[\d.,]+|\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\b.*|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}\b.*")
_RULE = re.compile(r"\s*-{2,}(?:[ ]+-{2,})+\s*")
HEAD_BYTES = 1 << 16  # looked at first: a delimited file's whole text is never split into lines here


@dataclass(frozen=True)
class Aligned:
    """The cells (no header taken), each row's line in the text (1 = the first), and what reading said."""

    frame: pd.DataFrame
    lines: np.ndarray
    problems: list[Problem]


def _filled(lines: list[str]) -> np.ndarray:
    """Lines × character positions: True where a line has a character other than a space."""
    width = max((len(line) for line in lines), default=0)
    filled = np.zeros((len(lines), width), dtype=bool)
    for row, line in enumerate(lines):
        filled[row, :len(line)] = np.frombuffer(line.encode("utf-32-le"), dtype=np.uint32) != ord(" ")
    return filled


def spans(sample: list[str]) -> list[tuple[int, int | None]] | None:
    """Each column's first character and the one after its last (None: to the end of the line), or None when
    the lines do not fall into two or more columns that the first line (the header) names, its names two spaces
    apart or more (a title above a table, its words a space apart, is no header).

    >>> spans(["DATE        TITLE", "2019-01-01  Arrest in Tokyo", "2019-04-04  Second arrest"])
    [(0, 10), (12, None)]
    >>> spans(["DATE        TITLE", "2019-01-01  Second arrest", "2019-04-04  Arrest in Tokyo"])  # ' ' under TITLE
    [(0, 10), (12, None)]
    >>> spans(["date", "19 Nov 2018", "06 Feb 2023"]) is None  # one column of dates written with spaces
    True
    """
    if len(sample) < 3 or any("\t" in line for line in sample):
        return None
    return _spans(_filled(sample))


def _spans(filled: np.ndarray) -> list[tuple[int, int | None]] | None:
    """:func:`spans` of the lines as :func:`_filled` gives them (the header first)."""
    if len(filled) < 3 or not filled.shape[1]:
        return None
    # a position is between columns where the header and nearly every line are blank (a value or two running
    # into the next column are cut there, and said)
    at = np.flatnonzero(filled[0] | (filled.sum(axis=0) > len(filled) // CROSSING_SHARE))
    if not len(at):
        return None
    cut = np.flatnonzero(np.diff(at) > 1)
    starts, ends = [int(at[0]), *(int(a) for a in at[cut + 1])], [int(a) + 1 for a in at[cut]]
    found: list[tuple[int, int | None]] = []
    for start, end in zip(starts, [*ends, None], strict=True):
        if filled[0, start:end].any() or not found:
            found.append((start, end))
        else:  # the header names no column here: words of the column before that happen to line up
            found[-1] = (found[-1][0], end)
    names = [np.flatnonzero(filled[0, start:end]) + start for start, end in found]
    if len(found) < 2 or not all(len(name) for name in names):
        return None
    apart = all(after[0] - before[-1] > 2 for before, after in itertools.pairwise(names))
    return found if apart else None


def _named(header: str, found: list[tuple[int, int | None]]) -> bool:
    """Whether the first line names the columns: no cell of it is a date or a number (lines of notes each led by a
    date, two spaces after it, are no table: the dated lines' reader reads them)."""
    cells = [header[start:end].strip() for start, end in found]
    return not any(_DATA.fullmatch(cell) for cell in cells)


def _lines(text: str) -> list[tuple[int, str]]:
    """The non-blank lines with their numbers (1 = the first), without line ends and a byte-order mark."""
    return [(number, line.rstrip("\r")) for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1)
            if line.strip()]


def _found(numbered: list[tuple[int, str]]) -> tuple[int, list[tuple[int, int | None]]] | None:
    """The place of the header among the first lines (lines above it: a title, notes) and the columns."""
    numbered = [(number, line) for number, line in numbered if not FOOTER.fullmatch(line)]
    if len(numbered) < 3 or any("\t" in line for _, line in numbered):
        return None
    filled = _filled([line for _, line in numbered])
    for above in range(min(HEADER_WITHIN, len(numbered) - 2)):
        found = _ruled(numbered[above + 1][1]) or _spans(filled[above:above + SAMPLE_LINES])
        if found is not None and _named(numbered[above][1], found):
            return above, found
    return None


def _ruled(line: str) -> list[tuple[int, int | None]] | None:
    """The columns a rule of dashes under the header draws, one run of dashes each, as SQL Server's sqlcmd and
    Oracle's SQL*Plus print a query's result (``----------- ---------- -----``: a space apart), or None."""
    if not _RULE.fullmatch(line):
        return None
    runs = [(found.start(), found.end()) for found in re.finditer(r"-+", line)]
    return [*runs[:-1], (runs[-1][0], None)] if len(runs) > 1 else None


def _is_rule(line: str) -> bool:
    """Whether a line is a rule of dashes under a header (left out of the rows)."""
    return bool(_RULE.fullmatch(line))


def _delimited(numbered: list[tuple[int, str]], delimiter: str) -> bool:
    """Whether the delimiter splits the header, or each line alike (a table lined up with spaces and delimiters
    both is delimited: the delimiter tells where a value ends; amounts written 1,500 are not, under a header of
    names a few spaces apart), or lines with quotes in them (a quoted value may hold line breaks: the lines are not
    the records)."""
    counts = {line.count(delimiter) for _, line in numbered}
    quoted = any('"' in line for _, line in numbered) and counts != {0}
    return delimiter in numbered[0][1] or (len(counts) == 1 and 0 not in counts) or quoted


def lined_up(head: bytes, suffix: str) -> bool:
    """Whether a text's first bytes are a table lined up with spaces that no delimiter splits alike."""
    text = head.decode("utf-8", "replace")
    sample = _sample(text, cut=len(head) >= HEAD_BYTES)
    placed = _found(sample)
    return placed is not None and not _delimited(sample[placed[0]:], sniff_delimiter(text, suffix))


def _sample(text: str, cut: bool) -> list[tuple[int, str]]:
    sample = _lines(text[:HEAD_BYTES])[:HEADER_WITHIN + SAMPLE_LINES]
    return sample[:-1] if cut and len(sample) > 1 else sample  # (the last line of a cut head is partial)


def _cut(line: str, starts: list[int]) -> list[str]:
    """A line whose text runs into the next column cut at each column's start, or after the word that runs across
    it (a value written past its column's width: ``Renault-Nissan-Mitsubishi: the London event`` under a party
    column as wide as ``Renault-Nissa``)."""
    cuts = [starts[0]]
    for start, after in zip(starts[1:], [*starts[2:], len(line)], strict=True):
        at = start
        if 0 < start < len(line) and line[start - 1] != " " and line[start] != " ":
            space = line.find(" ", start, after)
            at = space if space >= 0 else start
        cuts.append(max(at, cuts[-1]))
    return [line[start:end].strip() for start, end in zip(cuts, [*cuts[1:], None], strict=True)]


def read(text: str, nrows: int | None, label: str) -> Aligned:
    """The text's cells cut at its columns (:func:`spans`): a text :func:`lined_up` said is lined up."""
    placed = _found(_sample(text, cut=len(text) > HEAD_BYTES))
    if placed is None:
        raise ValueError("not a table lined up with spaces")  # (lined_up said it was: the caller's mistake)
    above, found = placed
    numbered = [(number, line) for number, line in _lines(text) if not FOOTER.fullmatch(line)][above:]
    if len(numbered) > 1 and _is_rule(numbered[1][1]):
        del numbered[1]  # (the rule under the header)
    if nrows is not None:
        numbered = numbered[:nrows + 1]
    gaps = [at for (_, end), (start, _) in itertools.pairwise(found) for at in range(end or 0, start)]
    starts = [start for start, _ in found]
    cells, crossing = [], []
    for number, line in numbered:
        if any(at < len(line) and line[at] != " " for at in gaps):
            crossing.append(number)
            cells.append(_cut(line, starts))
        else:
            cells.append([line[start:end].strip() for start, end in zip(starts, [*starts[1:], None], strict=True)])
    frame = pd.DataFrame(cells, dtype=object)
    problems = [Problem(label, f"columns lined up with spaces (fixed width): read as {len(found)} columns",
                        None, None, "info")]
    if above:
        problems.append(Problem(label, f"{above} line{'s' if above > 1 else ''} above the header skipped (a title "
                                "or notes)", None, None, "info"))
    problems += [Problem(label, "text runs across the edge between two columns; cut after its word", number, None,
                         "warning") for number in crossing[:SAID_AT_MOST]]
    if len(crossing) > SAID_AT_MOST:
        problems.append(Problem(label, f"{len(crossing) - SAID_AT_MOST} more lines run across a column's edge; cut "
                                "after their words", None, None, "warning"))
    return Aligned(frame, np.asarray([number for number, _ in numbered], dtype=np.int64), problems)
