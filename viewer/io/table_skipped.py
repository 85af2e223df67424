"""The rows a table read skips, and how each is said: a start that cannot be read (an error each, with its
line), a blank start (one count), the lines below the table and more header lines under the header.

Lines below the table are what bank statements, ledgers and report exports end with: a total
(``Total,,35.50``), a count, "End of report", a generation stamp. They were said as one error each
("expected a date, got 'Total'"). They are now the rows at the very end, after the last event, whose start
is blank or holds no digit and which fill fewer fields than the records, and no title where the records have
one (or which fill one field alone), among at most five unread rows at the end; they are said once, as
information. A last record with a bad date and every field filled (``TBD,Meeting,5.00``), or with its date alone
missing (``,Meeting,5.00``: a tie of an edge list with no date), is no footer: it stays an error.

More header lines right under the header (a Qualtrics export writes each question's text and an import id
there) were two errors; they are one note too (:func:`rows_under_header`), and so is a rule drawn under the header
(``-----``, as EDGAR's index writes it).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from viewer.io import table_ends
from viewer.model import clock
from viewer.model.dates import columns as date_columns
from viewer.model.problems import Problem

MOST_ROWS = 5  # below the table, at most
HEADER_ROWS = 3  # more header lines under the header, at most
MOST_COLUMNS = 200  # looked at in a wider table
MIN_RECORDS = 3  # a table of fewer records has no footer to tell from them
BODY_SAMPLE = 200  # records looked at for how many fields they fill
BLANK = " \t\r\n\ufeff"  # around a repeated header's names


def _filled(rows: pd.DataFrame) -> np.ndarray:
    """How many fields of each row hold something."""
    text = rows.astype("string").fillna("")
    return np.asarray(sum((text[column].str.strip() != "").to_numpy(dtype=bool).astype(int)
                          for column in text.columns), dtype=int)


def rows_below(frame: pd.DataFrame, start: str, unread: np.ndarray, title: str | None = None) -> np.ndarray:
    """Positions of the rows below the table (see the module's note), in file order; empty when none. With a
    ``title`` column that the records fill, a row below the table leaves it empty."""
    count = len(frame)
    tail = 0
    while tail <= MOST_ROWS and tail < count and unread[count - 1 - tail]:
        tail += 1
    if not tail or tail > MOST_ROWS or count == tail or frame.shape[1] < 2:  # (many undated records)
        return np.array([], dtype=int)
    ends = frame.iloc[count - tail:]
    filled = _filled(ends)
    starts = date_columns.clean_text(ends[start]).fillna("")
    undated = (~starts.str.contains(r"\d", regex=True)).to_numpy(dtype=bool)
    footer = undated & _totals(ends)  # "Total,,3 events": said so, whatever else it fills
    if count - tail >= MIN_RECORDS:
        body = frame.iloc[max(0, count - tail - BODY_SAMPLE):count - tail]
        typical = float(np.median(_filled(body)))
        # (a blank start counts as filled: a record whose date alone is missing, an edge list's undated tie, fills
        # the rest as the records do, and stays a record said by its line)
        unnamed = undated & (filled + (starts.str.strip() == "").to_numpy(dtype=bool) < typical)
        if title is not None and title in frame.columns and title != start:
            named = _filled(body[[title]]) > 0
            if named.mean() >= 0.9:  # the records have titles: a row below the table has none
                unnamed &= _filled(ends[[title]]) == 0
        footer |= unnamed | ((filled <= 1) & (typical >= 3))
    footer |= (filled == 0) & footer.any()  # a blank line between the records and their total
    first = tail  # only an unbroken run from the last row up
    for at in range(tail - 1, -1, -1):
        if not footer[at]:
            break
        first = at
    return np.arange(count - tail + first, count) if first < tail else np.array([], dtype=int)


TOTAL = re.compile(r"(?i)(?:grand\s+|sub-?)?totals?\b.*|(?:sum|summe|gesamt|somme|count|average|mean)\s*:?")


def _totals(rows: pd.DataFrame) -> np.ndarray:
    """Which rows open with a total's word ("Total", "Grand total:", "Sum") in their first filled cell."""
    found = []
    for row in rows.astype("string").fillna("").itertuples(index=False):
        cells = [str(cell).strip() for cell in row if str(cell).strip()]
        found.append(bool(cells) and TOTAL.fullmatch(cells[0]) is not None)
    return np.asarray(found, dtype=bool)


def _numeric(cells: pd.DataFrame) -> pd.DataFrame:
    """Which cells hold a plain number (``12``, ``-3.5``, ``1e6``)."""
    text = cells.astype("string").fillna("").apply(lambda column: column.str.strip())
    return text.apply(lambda column: column.str.fullmatch(r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?")).fillna(False)


def rows_under_header(frame: pd.DataFrame, unread: np.ndarray) -> np.ndarray:
    """Positions of more header lines right under the header (Qualtrics writes each question's text, then an
    import id, under its column names): at most three unread rows before the first record, each filling as
    many fields as the records, with words where the records have numbers. A table without a column of
    numbers has none to tell such a line from a record with a bad date."""
    count = len(frame)
    head = 0
    while head < min(HEADER_ROWS + 1, count) and unread[head]:
        head += 1
    if not head or head > HEADER_ROWS or count - head < MIN_RECORDS:
        return np.array([], dtype=int)
    if _ruled(frame.iloc[:head]).all():  # a rule under the header ("-----", as EDGAR's index and reports draw it)
        return np.arange(head)
    if frame.shape[1] < 2:
        return np.array([], dtype=int)
    body = frame.iloc[head:head + BODY_SAMPLE]
    numbers = _numeric(body)
    filled = _filled(body) > 0
    numeric = [c for i, c in enumerate(body.columns) if numbers.iloc[:, i].sum() >= 0.9 * max(filled.sum(), 1)
               and numbers.iloc[:, i].any()]
    if not numeric:
        return np.array([], dtype=int)
    tops = frame.iloc[:head]
    worded = (~_numeric(tops[numeric]) & (_filled_cells(tops[numeric]))).any(axis=1).to_numpy(dtype=bool)
    full = _filled(tops) >= float(np.median(_filled(body)))
    return np.flatnonzero(worded & full) if (worded & full).all() else np.array([], dtype=int)


def _ruled(rows: pd.DataFrame) -> np.ndarray:
    """Which rows are a drawn rule: every written cell dashes, equals signs or underscores, three or more."""
    text = rows.astype("string").fillna("").apply(lambda column: column.str.strip())
    written = text != ""
    rule = text.apply(lambda column: column.str.fullmatch(r"[-=_~]{3,}").fillna(False))
    return ((rule | ~written).all(axis=1) & written.any(axis=1)).to_numpy(dtype=bool)


def _filled_cells(cells: pd.DataFrame) -> pd.DataFrame:
    return cells.astype("string").fillna("").apply(lambda column: column.str.strip() != "")


def _shown(frame: pd.DataFrame, rows: np.ndarray) -> str:
    shown = []
    for row in frame.iloc[rows].astype("string").fillna("").itertuples(index=False):
        words = " ".join(str(value).strip("\x00 \t") for value in row if str(value).strip("\x00 \t"))  # (NULs: padding)
        if words:  # (a blank line among them says nothing)
            shown.append(repr(words[:40] + ("…" if len(words) > 40 else "")))
    return ", ".join(shown)


def below_message(frame: pd.DataFrame, rows: np.ndarray) -> str:
    """'2 lines below the table skipped (a total or notes): 'Total 35.50', 'End of report''."""
    lines = f"{len(rows)} line{'s' if len(rows) > 1 else ''}"
    shown = _shown(frame, rows)
    return f"{lines} below the table skipped (a total or notes): {shown}" if shown else \
        f"{len(rows)} empty {lines.split()[1]} below the table skipped"


def under_message(frame: pd.DataFrame, rows: np.ndarray) -> str:
    """'2 lines under the header skipped (more header lines): 'Start Date End Date …', …'."""
    lines = f"{len(rows)} line{'s' if len(rows) > 1 else ''}"
    return f"{lines} under the header skipped (more header lines): {_shown(frame, rows)}"


def report_skipped(problems: list[Problem], label: str, values: pd.Series, instants: pd.Series, invalid: pd.Series,
                   lines_of: np.ndarray, column: str, expected: str, what: str, below: np.ndarray | None = None
                   ) -> None:
    """One problem per unreadable start (the first 200, each with its line) and one for the rows without one;
    the rows ``below`` the table (positions) are left to the caller, said once.

    A row without a start is one whose cell is blank: read as no instant, yet not unreadable. Only the
    cells named in a problem are cleaned for display, not the whole column.
    """
    bad = invalid.to_numpy(dtype=bool).copy()
    bad &= ~table_ends.missing_marks(values, bad)  # "NULL", "N/A": a start not there, not a mistake
    empty = instants.isna().to_numpy() & ~bad
    if below is not None and len(below):
        bad[below] = False
        empty[below] = False
    shown = np.flatnonzero(bad)[:200]
    texts = date_columns.clean_text(values.iloc[shown]).fillna("")
    for at, position in enumerate(shown):
        written = texts.iloc[at]
        problems.append(Problem(label, f"expected {expected}, got {written!r}{_hint(written)}; row skipped",
                                int(lines_of[position]), column))
    if empty.any():
        count = int(empty.sum())
        problems.append(Problem(label, f"{count:,} {'row has' if count == 1 else 'rows have'} no {what} (first: row "
                                       f"{int(lines_of[empty][0])}); skipped", None, column))


def _hint(written: str) -> str:
    """What a form the calendar cannot place needs: a fiscal year ("FY2019", "FY 2019/20") names no months."""
    if re.match(r"(?i)^\s*(?:FY|GJ|EF)\s*['’]?\d", written):
        return (" (a fiscal year: its months depend on who keeps the books; write its first day, or its span "
                "such as 2019-04-01/2020-03-31)")
    return ""


def report(problems: list[Problem], label: str, frame: pd.DataFrame, columns: tuple[str, str | None],
           instants: pd.Series, invalid: pd.Series, lines_of: np.ndarray, expected: str, what: str,
           framed: bool = True) -> None:
    """:func:`report_skipped` for a table's start column (and its title column), its lines below the table
    said once (only in a ``framed`` table: a text or a sheet; a database's last row is a row)."""
    start, title = columns
    unread = instants.isna().to_numpy()
    again = repeated_header(frame, start, unread)
    if len(again):
        lines = "a line" if len(again) == 1 else f"{len(again)} lines (the first here)"
        problems.append(Problem(label, f"{lines} repeating the header skipped (tables joined one after another)",
                                int(lines_of[again[0]]), None, "info"))
    if not framed or not (unread[:1].any() or unread[-1:].any()):
        blank = _said_blank(problems, label, frame, unread & ~invalid.to_numpy(dtype=bool), lines_of, again)
        report_skipped(problems, label, frame[start], instants, invalid, lines_of, start, expected, what,
                       np.concatenate([again, blank]))
        return
    if frame.shape[1] > MOST_COLUMNS and frame.columns.is_unique:  # a survey of thousands: its first columns tell
        named = [c for c in (start, title) if c is not None and c in frame.columns]
        frame = frame[list(dict.fromkeys([*frame.columns[:MOST_COLUMNS], *named]))]
    under = rows_under_header(frame, unread)
    if len(under):
        problems.append(Problem(label, under_message(frame, under), int(lines_of[under[0]]), None, "info"))
    below = rows_below(frame, start, unread, title)
    if len(below):
        problems.append(Problem(label, below_message(frame, below), int(lines_of[below[0]]), None, "info"))
    skipped = np.concatenate([under, below, again])
    blank = _said_blank(problems, label, frame, unread & ~invalid.to_numpy(dtype=bool), lines_of, skipped)
    report_skipped(problems, label, frame[start], instants, invalid, lines_of, start, expected, what,
                   np.concatenate([skipped, blank]))


def _said_blank(problems: list[Problem], label: str, frame: pd.DataFrame, undated: np.ndarray, lines_of: np.ndarray,
                skipped: np.ndarray) -> np.ndarray:
    """Positions of the rows with no date that are wholly empty (``,,`` lines, a sheet's rows down to a stray cell
    far below), said once as such: each was counted among the rows with no start date, an error (a workbook with a
    cell at row 1,048,576 said 1,048,571)."""
    rows = np.setdiff1d(np.flatnonzero(undated), skipped)
    for column in range(frame.shape[1]):  # (a row with one cell written leaves at the first such column)
        if not len(rows):
            break
        rows = rows[~_filled_cells(frame.iloc[rows, [column]]).to_numpy(dtype=bool)[:, 0]]
    if len(rows):
        problems.append(Problem(label, f"{len(rows):,} empty {'row' if len(rows) == 1 else 'rows'} skipped",
                                int(lines_of[rows[0]]), None, "info"))
    return rows


def repeated_header(frame: pd.DataFrame, start: str, unread: np.ndarray) -> np.ndarray:
    """Positions of rows that repeat the header (``cat 2019.csv 2020.csv``, a report's pages): the start cell and
    four of five written cells are their columns' names (a second file's byte order mark aside). Each was an error,
    "expected a date, got 'date'"."""
    named = np.flatnonzero(unread)
    if not len(named) or not frame.columns.is_unique:
        return named[:0]
    cells = frame[start].iloc[named].astype("string").fillna("").str.strip(BLANK).str.casefold()
    named = named[(cells == str(start).strip(BLANK).casefold()).to_numpy(dtype=bool)]
    if not len(named) or frame.shape[1] < 2:
        return named[:0]
    rows = frame.iloc[named].astype("string").fillna("").apply(lambda column: column.str.strip(BLANK).str.casefold())
    names = [str(column).strip(BLANK).casefold() for column in frame.columns]
    same = (rows == pd.Series(names, index=rows.columns)).sum(axis=1).to_numpy()
    written = (rows != "").sum(axis=1).to_numpy()
    return named[(same >= 2) & (same >= 0.8 * written)]


def none_dated(label: str, values: pd.Series, column: str, on: str) -> str:
    """The refusal of a table none of whose rows has a start: the column, one of its values, and what was expected
    (before, the window opened empty beside a problem a row)."""
    written = date_columns.clean_text(values.head(1000)).dropna()
    what = clock.expected(on)
    got = f"such as {str(written.iloc[0])[:60]!r}" if len(written) else "empty in every row"
    if len(written) and written.astype(str).str.strip().str.lower().str.fullmatch(_NO_YEAR).mean() >= 0.8:
        return (f"{label}: the column {column!r} holds days of a month with no year ({got}), which no timeline can "
                "place; write the year in it (26-Dec-2014), or choose another column of dates (start=<column>, or "
                "the Start column of the window's column mapping)")
    return (f"{label}: no row has {what} in the column {column!r} ({got}); choose the column of dates (start=<column>"
            ", or the Start column of the window's column mapping)")


_MONTH = r"(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_NO_YEAR = rf"\d{{1,2}}(st|nd|rd|th)?[-/ .]*{_MONTH}|{_MONTH}[-/ .]*\d{{1,2}}(st|nd|rd|th)?"  # 26-Dec, Dec 26th


def no_rows(label: str, columns: pd.Index) -> str:
    """The refusal of a table of columns and no row under them (it opened as an empty window that said nothing).

    >>> no_rows("export.csv", pd.Index(["id", "title", "start"]))
    'export.csv: columns (id, title, start) and no rows under them; expected a row per event'
    """
    return f"{label}: columns ({column_names(columns)}) and no rows under them; expected a row per event"


NAMED_AT_MOST = 12  # columns named in a message
_UNPRINTABLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd]")


def left_out(problems: list[Problem]) -> str:
    """What a refusal for want of a date column adds of the columns the reader left out (an ORC's dates before
    1677, which Arrow cannot read): its date column may be one ("no date column among title" said nothing of it)."""
    said = [p.message for p in problems if "left out" in p.message and p.field is not None]
    return f"; {said[0]}" if said else ""


def column_names(columns: Iterable[object], most: int = NAMED_AT_MOST) -> str:
    """A table's column names for a message: the first ``most``, each cut to 40 characters, anything that does not
    print as a "?", then how many there are (a wide table's message listed all 500; a binary file's, its bytes)."""
    names = [str(c) for c in columns]
    if not names:
        return "(none: no row holds a field)"
    printed = [_UNPRINTABLE.sub("?", name) for name in names[:most]]
    shown = [name if len(name) <= 40 else name[:39] + "…" for name in printed]
    return ", ".join(shown) + (f" … ({len(names)} columns)" if len(names) > most else "")


WIDE_LINE = 1_000  # fields on the one line of a text: no table of events (a header and no row, or one row)


def one_wide_line(label: str, data: bytes) -> str | None:
    """The refusal of a text that is one line of a thousand fields or more: a header with no row under it, or a
    single row, which no mapping can make a timeline of (its tens of thousands of columns were each read, mapped
    and checked: a 200 KB line took 15 s, a 1 MB one over a minute, before the same refusal). None for others.

    >>> one_wide_line("wide.csv", b",".join(b"v%d" % i for i in range(2000)) + b"\\n")
    'wide.csv: one line of 2,000 fields and no line under it; expected a header and a row per event'
    >>> one_wide_line("small.csv", b"2020-01-01,Deal,Acme\\n") is None
    True
    """
    ends = [at for at in (data.find(b"\n"), data.find(b"\r")) if at >= 0]
    end = min(ends) if ends else len(data)
    if end < WIDE_LINE or (end < len(data) and (len(data) - end > 2 or data[end:].strip())):
        return None  # (a line of a thousand fields holds a thousand bytes or more)
    line = data[:end]
    fields = max(line.count(sep) for sep in (b",", b";", b"\t", b"|")) + 1
    if fields < WIDE_LINE:
        return None
    return f"{label}: one line of {fields:,} fields and no line under it; expected a header and a row per event"
