"""A span written in one date cell: "1914–1918", "1939 - 1945", "2019-03-04/2019-03-09" (ISO 8601's interval),
"May 2019 to June 2020", a decade ("1850s"), a named period ("Q1 2019", "2019-W10", "19th century": see
:mod:`viewer.model.dates.periods`). Historians and journalists write spans so where a table has one date column.
A span open at its end ("1998–present", "since 1998") keeps its start; the model has no open end. A cell marked
as approximate or naming part of a period ("c. 1850s", "early 2019", "late 19th century") reads as the period.

:func:`cut` splits a cell at its separator and keeps the split only where both sides read as dates, so a
cell that merely holds a dash ("2019-03") is never split; it looks only at cells the parser could not read.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import durations
from viewer.model.columns import arrow_text
from viewer.model.dates import approximate, periods
from viewer.model.dates import columns as date_columns

# an en or em dash, a hyphen with spaces around it, "to", or the slash of an ISO interval between two ISO
# dates; a hyphen between two years of three or four digits ("1914-1918")
_ISO = r"-?\d{4}(?:-\d{2}(?:-\d{2}(?:T[^/]*)?)?)?"
SPAN = (r"^\s*(?:(?i:from)\s+)?(?P<first>.+?)\s*"  # "from March to May 2019" is March to May
        r"(?:[\x{2013}\x{2014}\x{2192}]|\s-\s|\s->\s|\s+to\s+|\s+until\s+)\s*(?P<last>.+?)\s*$"
        rf"|^\s*(?P<iso_first>{_ISO})(?:/|\.\.)(?P<iso_last>{_ISO})\s*$"  # and "2019-03-04..2019-03-09"
        r"|^\s*(?P<year_first>\d{3,4})-(?P<year_last>\d{3,4})\s*$"
        r"|^\s*(?:[Tt]he\s+)?(?P<decade>\d{2,3})0'?s\s*$"  # a decade: "1850s" is 1850–1859
        rf"|^\s*(?P<iso_open>{_ISO})/(?:\.\.)?\s*$"  # ISO 8601's interval open at its end: "2019-03-04/.."
        rf"|^\s*(?P<iso_start>{_ISO})/(?P<iso_lasting>[Pp][0-9WYMDTHSwymdths.,]+)\s*$"  # its start and duration
        r"|^\s*(?i:since|from)\s+(?P<since>.+?)\s*$|^\s*(?P<dashed>.+?)\s*[\x{2013}\x{2014}]\s*$")
_TEXT = pd.StringDtype("pyarrow")


@dataclass
class Cut:
    """A date column with each span cut to its first date; the spans' last dates (None when no cell writes a
    span); how many spans are open at their end (kept with their start only); which last dates are a time alone
    put on the first's day (``09:00–10:30``: one past midnight, ``23:00–01:15``, belongs to the next day)."""

    values: pd.Series
    ends: pd.Series | None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (level, message) to report
    same_day: pd.Series | None = None


def split(values: pd.Series) -> tuple[pd.Series, pd.Series, np.ndarray] | None:
    """The first and last date of each cell that writes a span (missing elsewhere) and which spans are open at
    their end (their last date missing), or None when no cell writes one."""
    text = _day_ranges(arrow_text(values))
    rows = np.flatnonzero(_may_be_span(text))
    if not len(rows):
        return None
    found = pc.extract_regex(text.take(pa.array(rows)), SPAN)
    first = pd.Series(pd.NA, index=values.index, dtype=_TEXT)
    last = first.copy()
    decade = _either(found, "decade")
    first.iloc[rows] = _either(found, "first", "iso_first", "year_first", "iso_open", "since", "dashed",
                               "iso_start").fillna(decade + "0").to_numpy()
    last.iloc[rows] = _either(found, "last", "iso_last", "year_last", "iso_lasting").fillna(decade + "9").to_numpy()
    ordinal = (_either(found, "year_first").str.len() == 4) & (_either(found, "year_last").str.len() == 3)
    if ordinal.any():  # "2019-366" is an ordinal date (or none), never the years 2019 to 366
        first.iloc[rows[ordinal.fillna(False).to_numpy(dtype=bool)]] = pd.NA
    opened = np.zeros(len(values), dtype=bool)
    opened[rows] = (_either(found, "iso_open", "since", "dashed").notna()
                    | _either(found, "last").str.fullmatch(periods.OPEN_WORDS).fillna(False).astype(bool)).to_numpy()
    last = last.mask(opened)
    # a named period ("Q1 2019", "2019-W10", "19th century", "winter 2019–20", "1914-18") is read as a whole
    # (looked for, value by value in Python, only where the pattern of one matches or no span was found)
    period = pc.match_substring_regex(text.take(pa.array(rows)), periods.MAY_BE).fill_null(False)
    looked = rows[np.asarray(period.to_numpy(zero_copy_only=False), dtype=bool) | first.iloc[rows].isna().to_numpy()]
    begins, ends = periods.column_bounds(values.iloc[looked].astype("object"))
    named = begins.notna().to_numpy()
    if named.any():
        first.iloc[looked[named]], last.iloc[looked[named]] = begins[named].to_numpy(), ends[named].to_numpy()
        opened[looked[named]] = False
    _sides_named(first, last, rows[~np.isin(rows, looked[named])])
    return (first, last, opened) if first.notna().any() else None


def _sides_named(first: pd.Series, last: pd.Series, rows: np.ndarray) -> None:
    """A span between two named periods ("Q2 2021 – Q1 2022", "H2 2019 to H1 2020", "2019-W10–2019-W12") runs from
    the first one's start to the last one's end (in place). Its sides were left as written, which no date parser
    reads: the row was skipped."""
    for side, end in ((first, False), (last, True)):
        text = side.iloc[rows]
        written = text.notna().to_numpy()
        if not written.any():
            continue
        maybe = pc.match_substring_regex(arrow_text(text[written]), periods.MAY_BE).fill_null(False)
        at = rows[written][np.asarray(maybe.to_numpy(zero_copy_only=False), dtype=bool)]
        if not len(at):
            continue
        begins, ends = periods.column_bounds(side.iloc[at].astype("object"))
        bound = ends if end else begins
        read = bound.notna().to_numpy()
        side.iloc[at[read]] = bound[read].to_numpy()


# a month's name in any script ("March", "März", "март"): ASCII letters or any other character (RE2's \p{L}{3,9}
# cost 200 times more: 40 ms for 2,000 cells)
_LETTER = r"[A-Za-z\x{80}-\x{10FFFF}]"
_MONTH_NAME = _LETTER + r"{3,9}\.?"
_DAY_RANGES = tuple((pattern, "\\1\u2013\\2") for pattern in (
    rf"^(\s*{_MONTH_NAME}\s+\d{{1,2}})\s*-\s*(\d{{1,2}},?\s+\d{{4}}\s*)$",  # March 4-6, 2019
    rf"^(\s*\d{{1,2}}\.?)\s*-\s*(\d{{1,2}}\.?\s+{_MONTH_NAME},?\s+\d{{4}}\s*)$",  # 4-6 March 2019
    rf"^(\s*{_MONTH_NAME})\s*-\s*({_MONTH_NAME},?\s+\d{{4}}\s*)$",  # Jan-Mar 2019
    rf"^(\s*{_MONTH_NAME},?\s+\d{{4}})-({_MONTH_NAME},?\s+\d{{4}}\s*)$",  # Dec 2018-Jan 2019
    rf"^(\s*\d{{1,2}}\.?\s+{_MONTH_NAME})-(\d{{1,2}}\.?\s+{_MONTH_NAME},?\s+\d{{4}}\s*)$",  # 1 March-3 April 2019
    rf"^(\s*{_MONTH_NAME}\s+\d{{1,2}})-({_MONTH_NAME}\s+\d{{1,2}},?\s+\d{{4}}\s*)$",  # March 1-April 3, 2019
    r"^(.*\d{1,2}:\d{2}(?::\d{2})?)\s*[-/]\s*(\d{1,2}:\d{2}(?::\d{2})?\s*)$"))  # 2019-03-04 09:00-10:30 (no offset)


# the same with the year first, as PubMed writes a publication's date ("2019 Mar-Apr", "2018 Dec-2019 Jan", "2019 Mar
# 5-10", "2019 Mar 25-Apr 2"), put in the order above
_YEAR_FIRST_RANGES = (
    (rf"^\s*(\d{{4}})\s+({_MONTH_NAME})\s*-\s*(\d{{4}})\s+({_MONTH_NAME})\s*$", "\\2 \\1\u2013\\4 \\3"),
    (rf"^\s*(\d{{4}})\s+({_MONTH_NAME})\s*-\s*({_MONTH_NAME})\s*$", "\\2\u2013\\3 \\1"),
    (rf"^\s*(\d{{4}})\s+({_MONTH_NAME})\s+(\d{{1,2}})\s*-\s*(\d{{1,2}})\s*$", "\\2 \\3\u2013\\4, \\1"),
    (rf"^\s*(\d{{4}})\s+({_MONTH_NAME})\s+(\d{{1,2}})\s*-\s*({_MONTH_NAME})\s+(\d{{1,2}})\s*$",
     "\\2 \\3\u2013\\4 \\5, \\1"))


def _day_ranges(text: pa.Array) -> pa.Array:
    """Days or months joined by a hyphen ("March 4-6, 2019", "4-6 March 2019", "Jan-Mar 2019", "Dec 2018-Jan 2019",
    "1 March-3 April 2019", and with the year first: "2019 Mar-Apr") joined by a dash instead, which :data:`SPAN`
    cuts (a hyphen alone is no separator: it is inside most dates)."""
    for pattern, joined in (*_YEAR_FIRST_RANGES, *_DAY_RANGES):
        text = pc.replace_substring_regex(text, pattern, joined)
    return text


def _may_be_span(text: pa.Array) -> np.ndarray:
    """Cells that hold a separator a span needs, found by plain substring search (the span pattern over a
    million cells took 2.4 s; this, a few passes of memchr)."""
    found = pc.match_substring_regex(text, r"^\s*\d{3,4}-\d{3,4}\s*$|0'?s\s*$|^\s*(?i:since|from)\s")
    found = pc.or_(found, pc.match_substring_regex(text, periods.MAY_BE))
    for separator in ("\u2013", "\u2014", "\u2192", " - ", " -> ", " to ", " until ", "/", ".."):
        found = pc.or_(found, pc.match_substring(text, separator))
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


PLAIN_NUMBER = r"^\s*[-+]?\d+(?:\.\d+)?\s*$"


def cut(values: pd.Series, unread: pd.Series, order: str | None = None) -> Cut:
    """The column with each span cut to its first date, and the spans' last dates. Only cells ``unread`` as a
    date are looked at (a date column without spans costs nothing more), and a cell is cut only where both of
    its dates read as dates (or its first, when it is open at its end). A cell marked as approximate or naming
    a part of a period ("c. 1850s", "early 2019", "late 19th century") is read as the whole period written."""
    looked = unread.to_numpy(dtype=bool).copy()
    rows = np.flatnonzero(looked)
    if len(rows):  # a number alone ("2019.5", a Unix time) is no span, bound or marked date: a column of them took
        written = arrow_text(values.iloc[rows])  # 2 s a million to learn so
        looked[rows] = ~np.asarray(pc.match_substring_regex(written, PLAIN_NUMBER).fill_null(False).to_numpy(
            zero_copy_only=False), dtype=bool)
    if not looked.any():
        return Cut(values, None)
    plain, qualified = approximate.qualified(values.where(looked))
    plain, bound = approximate.bounded(plain)
    found = split(plain)
    both = np.zeros(len(values), dtype=bool)
    opened = both.copy()
    first = last = pd.Series(pd.NA, index=values.index, dtype=_TEXT)
    same_day = pd.Series(False, index=values.index)
    if found is not None:
        first, last, opened = found
        timed, same_day = _on_the_same_day(first, _lasted(first, last, order))
        first, last = _completed(first, last), _last_completed(first, timed)
        rows = np.flatnonzero(first.notna().to_numpy())
        begun = date_columns.parse_column(first.iloc[rows].reset_index(drop=True), date_order=order)
        closed = date_columns.parse_column(last.iloc[rows].reset_index(drop=True), date_order=order)
        both[rows] = (begun.instants.notna() & (closed.instants.notna() | opened[rows])).to_numpy()
        last = last.mask(last == first)  # "2019-XX-XX" names one year: no span (and "2019–2019" is that year)
    alone = np.flatnonzero((qualified | bound) & ~both)  # "early 2019": no span, a date once its qualifier is gone
    if len(alone):
        alone = alone[date_columns.parse_column(plain.iloc[alone].reset_index(drop=True), date_order=order)
                      .instants.notna().to_numpy()]
    read = both.copy()
    read[alone] = True
    notes = _notes(int((both & opened).sum()), int((qualified & read).sum()), _seasons(plain, both),
                   int((bound & read).sum()), int((both & _full(plain, periods.UNSPECIFIED).to_numpy()).sum()))
    if not both.any() and not len(alone):
        return Cut(values, None)
    kept = pd.Series(both, index=values.index)
    cells = values.astype(_TEXT).where(~kept, first)
    cells.iloc[alone] = plain.iloc[alone].to_numpy()
    return Cut(cells, last.where(kept) if both.any() else None, notes, same_day & kept)


def _seasons(values: pd.Series, rows: np.ndarray) -> int:
    """How many of these cells name a season ("spring 2019")."""
    written = values[rows].dropna()
    if not len(written):
        return 0
    names = "|".join(periods.SEASONS)
    written = written[_full(written, r"\s*(?i:the\s+)?(?i:" + names + r")\s.*|\s*\d{4},?\s+(?i:" + names + r")\s*")]
    seasons = {value: any(p.fullmatch(str(value).strip()) for p in (periods.SEASON, periods.SEASON_AFTER))
               for value in written.unique()}  # (in C++ first, then each distinct value)
    return int(written.map(seasons).sum()) if len(written) else 0


def _notes(open_ended: int, qualified: int, seasons: int = 0, bound: int = 0,
           unspecified: int = 0) -> list[tuple[str, str]]:
    notes = []
    if unspecified:
        notes.append(("info", f"{_count(unspecified, 'date')} with digits left unspecified ('201X', '19XX', '2019-XX') "
                              "read as the years or months left open (201X: 2010–2019)"))
    if seasons:
        notes.append(("info", f"{_count(seasons, 'season')} read as the months they cover north of the equator "
                              "(spring 2019: March–May 2019; winter 2019: December 2018–February 2019)"))
    if open_ended:
        notes.append(("info", f"{_count(open_ended, 'span')} open at their end ('1998–present', 'since 1998') read "
                              "from their start, with no end"))
    if bound:
        notes.append(("warning", f"{_count(bound, 'date')} known only by a bound ('before 1850', 'after 1850', "
                                 "'../2019') read as the date they name"))
    if qualified:
        notes.append(("warning", f"{_count(qualified, 'date')} marked as approximate or naming part of a period "
                                 "('c. 1850s', 'early 2019', 'late 19th century') read as the whole period written"))
    return notes


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")


def looks_like_spans(values: pd.Series, threshold: float = 0.8) -> bool:
    """True when most non-empty cells of a (sample) column read as dates or spans ("Q1 2019", "1914–1918")."""
    text = date_columns.clean_text(values).dropna().reset_index(drop=True)
    if text.empty:
        return False
    written = arrow_text(text)
    spanned = _may_be_span(written)  # a cheap look first: most columns (names, codes, numbers) stop here
    could = pc.match_substring_regex(written, date_columns.COULD_BE_DATE).fill_null(False).to_numpy(
        zero_copy_only=False)
    if not spanned.any() or (spanned | could).mean() < threshold:
        return False
    unread = date_columns.parse_column(text).invalid
    spans = cut(text, unread)
    if spans.ends is None:
        return False
    return bool(date_columns.parse_column(spans.values).instants.notna().mean() >= threshold)


def _completed(first: pd.Series, last: pd.Series) -> pd.Series:
    """The first dates with what they leave to the last one: "4–9 March 2019" starts on 4 March 2019, "March–
    April 2019" in March 2019, "1 March – 3 April 2019" on 1 March 2019, "2500–2400 BC" in 2500 BC. A bare day or
    month that cannot be completed is no first date (it would read as the year 4)."""
    day = _full(first, r"\d{1,2}\.?")  # "4.–6. März 2019" as German writes it
    month = _full(first, _MONTH_NAME)  # (any script's: "январь–март 2019")
    month_day = _full(first, _MONTH_NAME + r"\s+\d{1,2}")  # "March 4–6, 2019", "March 4 – April 6, 2019"
    day_month = _full(first, r"\d{1,2}\.?\s+" + _MONTH_NAME)  # "1 March – 3 April 2019", "1. März – 3. April 2019"
    bare = _full(first, r"(?:c\.\s*|ca\.\s*)?\d{1,6}")
    out = first.copy()
    if day.any():  # (each extract below runs in Python, a value at a time: only on the rows it can complete)
        out[day] = first[day] + last[day].str.extract(r"^\d{1,2}\.?(\D.*\d{4})$", expand=False)
    if (month | month_day | day_month).any():
        named = month | month_day | day_month
        year = last[named].str.extract(r"(\d{4})$", expand=False)
        out[month] = first[month] + " " + year[month[named]]
        out[month_day] = (first[month_day] + ", " + year[month_day[named]]).where(year.notna(), first[month_day])
        out[day_month] = (first[day_month] + " " + year[day_month[named]]).where(year.notna(), first[day_month])
    if bare.any():  # "2500–2400 BC": the era written once, after the last year, is the first year's too
        era = last[bare].str.extract(r"\d\s*(BCE?|B\.C\.(?:E\.)?)$", expand=False)
        out[bare] = (first[bare] + " " + era).where(era.notna(), out[bare])
    return out.astype(_TEXT)


def _last_completed(first: pd.Series, last: pd.Series) -> pd.Series:
    """The last dates with what the first leaves them: "1914–18" ends in 1918, "1998–03" in 2003, "March 4–6, 2019"
    on March 6, 2019."""
    day = _full(first, r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:, \d{4})?") & _full(last, r"\d{1,2},?\s+\d{4}")
    if day.any():
        last = last.mask(day, first[day].str.extract(r"^([A-Za-z]{3,9}\.?)\s", expand=False) + " " + last)
    short = _full(first, r"\d{4}") & _full(last, r"\d{2}")
    if not short.any():
        return last
    rows = np.flatnonzero(short.to_numpy())
    out = last.copy()
    years = [periods.following(int(year), digits) for year, digits in
             zip(first.iloc[rows].tolist(), last.iloc[rows].tolist(), strict=True)]
    out.iloc[rows] = [f"{year:04d}" if year else pd.NA for year in years]
    return out


def _full(values: pd.Series, pattern: str) -> pd.Series:
    """Which values match the whole pattern (RE2, in C++: pandas' own match ran in Python, a value at a time)."""
    found = pc.match_substring_regex(arrow_text(values), f"^(?:{pattern})$").fill_null(False)
    return pd.Series(np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool), index=values.index)


_CLOCK = r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?"


def _lasted(first: pd.Series, last: pd.Series, order: str | None) -> pd.Series:
    """ISO 8601's interval of a start and a duration ("2019-01-01/P1M", "2019-03-04T09:00/PT1H30M"): its end, as
    a date and time after a start with a time, else as the last day the start's days cover (a month from
    1 January ends on 31 January; a day's start lasting a day or less stays that day)."""
    lasting = last.str.match(r"^[Pp]\d|^[Pp]T\d").fillna(False).to_numpy(dtype=bool)
    if not lasting.any():
        return last
    rows = np.flatnonzero(lasting)
    starts = date_columns.parse_column(first.iloc[rows].reset_index(drop=True), date_order=order)
    read = durations.parse(last.iloc[rows].reset_index(drop=True))
    ends = durations.added(starts.instants, read)
    timed = (starts.precisions.astype(str) == "time").to_numpy()
    whole = ~timed & ((read.months > 0) | (read.seconds >= 86400))  # days from a day: it ends on their last
    ends = ends.where(~whole, ends - pd.Timedelta(days=1)).where(timed | whole, starts.instants)
    text = np.where(timed, ends.dt.strftime("%Y-%m-%dT%H:%M:%S"), ends.dt.strftime("%Y-%m-%d"))
    out = last.copy()
    out.iloc[rows] = np.where(ends.isna().to_numpy(), None, text)
    return out


def _on_the_same_day(first: pd.Series, last: pd.Series) -> tuple[pd.Series, pd.Series]:
    """The last dates with the day of the first where they write only a time, as Notion writes a meeting's span
    ("November 20, 2018 9:30 AM → 10:45 AM" ends at 10:45 AM that day), and which they are."""
    alone = _full(last, _CLOCK + r"(?:\s*\(.*\))?")
    if not alone.any():
        return last, alone
    found = first.str.extract(r"^(?P<day>.*\d),?(?:\s+|T)" + _CLOCK + r"(?P<zone>.*)$")  # (and "4 March 2019, 09:00")
    dated = (alone & found["day"].notna()).astype(bool)
    # the first's zone, where the last writes none: "2:00 PM (GMT+2) → 4:00 PM" ends at 4 PM in GMT+2, not in UTC
    zone = found["zone"].str.strip().where(_full(last, _CLOCK), "").fillna("")
    return last.mask(dated, (found["day"] + " " + last + " " + zone).str.strip()).astype(_TEXT), dated


def _either(found: pa.StructArray, *names: str) -> pd.Series:
    """The first group of ``names`` that matched, per row."""
    out = pd.Series(pd.NA, index=range(len(found)), dtype=_TEXT)
    for name in names:
        part = pd.Series(found.field(name).to_pandas(), dtype=_TEXT)
        out = out.fillna(part.mask(part == ""))
    return out
