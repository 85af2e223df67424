"""A mapping guessed from column names, checked against what the columns hold.

Names mislead where a file's columns are many and alike:

- a start column empty in most rows gives way to another start-like column filled in nearly all: Companies House's
  free register names ``DissolutionDate`` before ``IncorporationDate``, and its file of live companies has no
  dissolution at all (every row was skipped, the window opened empty);
- a start column named only by how its name begins (``Beginning_Cash``, ``Start Value``) that holds no dates gives
  way to a column of dates: the FEC's candidate summaries opened on a clock of cash amounts;
- an end column that holds no dates is no end: a message's ``to`` (its recipient), which lost every row's end
  with a warning each;
- a link column that holds no addresses is no link: ICIJ's ``link`` ("shareholder of"); a source column of names
  stays each event's source title (ACLED's "Premium Times").

Each change leaves the mapping uncertain, so the window's column-mapping dialog opens on it, and is said in Problems.
Only the first rows are looked at (``SAMPLE``), as a preview sees them, save the fill of a start column.
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd
import pyarrow.compute as pc

from viewer.io import table_ends
from viewer.io.table_clock import TICK_NAMES
from viewer.io.table_mapping import Mapping, column_key, ends, named_start, starts
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns
from viewer.model.problems import Problem

SAMPLE = 200
GATE = 2000  # rows of a start column looked at before all of it
FEW = 0.5  # a start column filled in fewer rows than this share may give way
MOST = 0.9  # to a start-like column filled in at least this share
RECORD = r"^(?:\{|\[\s*[{\"\[])"  # a JSON object or list as a cell's text (not a catalogue's "[1850]")
ADDRESS = r"^(?:[a-z][a-z0-9+.-]*://|www\.|mailto:|doi:|/|[\w-]+(?:\.[\w-]+)+(?:/|$))"


def checked(mapping: Mapping, frame: pd.DataFrame, given: set[str], label: str) -> tuple[Mapping, list[Problem]]:
    """The mapping with the roles not ``given`` by the caller checked against the columns' values, and what changed."""
    said: list[Problem] = []
    if "start" not in given:
        mapping = _not_records(mapping, frame, label, said)
        mapping = _filled_start(mapping, frame, "end" in given, label, said)
        mapping = _no_tick_start(mapping, frame, label, said)
        mapping = _amount_start(mapping, frame, label, said)
        if mapping.start is not None and mapping.certain and _no_dates(frame[mapping.start].head(SAMPLE)):
            mapping = replace(mapping, certain=False)  # a timetable's Day, "Monday": the dialog asks
    if "end" not in given and mapping.end is not None and mapping.end != mapping.start and _no_end(
            _written_ends(frame[mapping.end].head(SAMPLE)), None if mapping.start is None else frame[mapping.start]):
        said.append(Problem(label, f"the column {mapping.end!r} holds no dates (such as "
                            f"{_first(frame[mapping.end])!r}): not read as the end; kept with the event", None,
                            mapping.end, "info"))
        mapping = replace(mapping, end=None, end_time=None, certain=False)
    if "title" not in given:
        mapping = _filled_title(mapping, frame, label, said)
    # (a source column of names is each event's source title: ACLED's "Premium Times"; a link of words is not)
    if "url" not in given and mapping.url is not None and column_key(mapping.url) in ("link", "href"):
        text = arrow_text(date_columns.clean_text(frame[mapping.url].head(SAMPLE)).dropna())
        if len(text) and (pc.sum(pc.match_substring_regex(text, ADDRESS, ignore_case=True)).as_py() or 0) < FEW * len(
                text):
            said.append(Problem(label, f"the column {mapping.url!r} holds no links (such as "
                                f"{_first(frame[mapping.url])!r}): kept with the event, not as its source", None,
                                mapping.url, "info"))
            mapping = replace(mapping, url=None)
    return mapping, said


def _not_records(mapping: Mapping, frame: pd.DataFrame, label: str, said: list[Problem]) -> Mapping:
    """A start column that holds records, not dates (Companies House's date_of_birth, {"month": 2, "year": 1977})
    gives way to the first start-like column of dates (its notified_on), else to the first column of dates."""
    start = mapping.start
    if start is None or start not in frame.columns:
        return mapping
    text = arrow_text(date_columns.clean_text(frame[start].head(SAMPLE)).dropna())
    if not len(text) or (pc.sum(pc.match_substring_regex(text, RECORD)).as_py() or 0) < FEW * len(text):
        return mapping
    dated = [c for c in frame.columns if c not in (start, mapping.end) and date_columns.looks_like_dates(
        frame[c].head(SAMPLE))]
    better = next((c for c in dated if starts(column_key(str(c))) and not ends(column_key(str(c)))),
                  dated[0] if dated else None)
    said.append(Problem(label, f"the column {start!r} holds records (such as {_first(frame[start])!r}), not dates"
                        + (f": dates from {better!r}" if better else ""), None, start, "info"))
    return replace(mapping, start=None if better is None else str(better), certain=False)


def _filled_start(mapping: Mapping, frame: pd.DataFrame, end_given: bool, label: str,
                  said: list[Problem]) -> Mapping:
    start = mapping.start
    if start is None or start not in frame.columns or not len(frame):
        return mapping
    if _filled(frame[start].head(GATE)) >= FEW:  # (the whole column is looked at only when its head is sparse)
        return mapping
    share = _filled(frame[start])
    if share >= FEW:
        return mapping
    used = {mapping.end, mapping.time, mapping.end_time, mapping.duration, mapping.title, mapping.id, start}
    others = [c for c in frame.columns if c not in used and starts(column_key(str(c))) and not ends(column_key(str(c)))
              and date_columns.looks_like_dates(frame[c].head(SAMPLE))]
    filled = {c: _filled(frame[c]) for c in others}
    best = max(filled, key=lambda c: filled[c], default=None)
    if best is None or filled[best] < MOST:
        return mapping
    ended = not end_given and mapping.end is None and ends(column_key(str(start)))
    said.append(Problem(label, f"dates from the column {best!r} (written in {filled[best]:.0%} of the rows), not "
                        f"{start!r} (in {share:.0%})" + (", which is read as the end" if ended else ""), None,
                        str(best), "info"))
    return replace(mapping, start=str(best), end=str(start) if ended else mapping.end,
                   actors=tuple(a for a in mapping.actors if a != best), certain=False)


def _no_tick_start(mapping: Mapping, frame: pd.DataFrame, label: str, said: list[Problem]) -> Mapping:
    """A start column named as a simulation's ticks (``frame``, ``step``) that holds neither numbers nor dates (SEC
    EDGAR's facts: ``frame`` of "CY2018Q3I" beside their ``end``) gives way to a column of dates: a start-like one,
    else the end, read as each event's instant. The table was refused, "no row has a date in the column 'frame'"."""
    start = mapping.start
    if start is None or start not in frame.columns or column_key(start) not in TICK_NAMES:
        return mapping
    sample = frame[start].head(SAMPLE)
    text = arrow_text(date_columns.clean_text(sample).dropna())
    numbers = pc.sum(pc.match_substring_regex(text, r"^[+-]?\d+(\.\d*)?$")).as_py() or 0
    if not len(text) or numbers >= FEW * len(text) or date_columns.looks_like_dates(sample, FEW):
        return mapping
    dated = [c for c in frame.columns if c != start and date_columns.looks_like_dates(frame[c].head(SAMPLE))]
    better = next((c for c in dated if starts(column_key(str(c))) and not ends(column_key(str(c)))),
                  mapping.end if mapping.end in dated else None)
    if better is None:
        return mapping
    said.append(Problem(label, f"the column {start!r} holds neither steps nor dates (such as {_first(frame[start])!r}):"
                        f" dates from {better!r}", None, start, "info"))
    return replace(mapping, start=str(better), end=None if better == mapping.end else mapping.end, certain=False)


# a start column's name that says it holds a time: Start Date, started_at, Begin; not Beginning Cash, Start Value
_TIMELY = re.compile(r"date|time|day|year|stamp|month|week|when|period|^(start|begin)(ed|ing|s)?(at|on|dt)?$")


def _amount_start(mapping: Mapping, frame: pd.DataFrame, label: str, said: list[Problem]) -> Mapping:
    """A start column named only by how its name begins (``Beginning_Cash``, ``Start Value``: an amount at the
    start of a period) that holds no dates gives way to a column of dates: a start-like one, else the end, read as
    each event's instant. The FEC's candidate summaries opened on a clock of cash amounts, their
    ``Coverage_End_Date`` refused in every row."""
    start = mapping.start
    if start is None or start not in frame.columns or named_start(column_key(start)) or _TIMELY.search(
            column_key(start)):
        return mapping
    if date_columns.looks_like_dates(frame[start].head(SAMPLE), FEW):
        return mapping
    dated = [c for c in frame.columns if c != start and (date_columns.looks_like_dates(frame[c].head(SAMPLE)) or (
        column_key(str(c)).endswith("year") and _years(frame[c].head(SAMPLE))))]  # (538's Draft Year beside Starter)
    better = next((c for c in dated if starts(column_key(str(c))) and not ends(column_key(str(c)))),
                  mapping.end if mapping.end in dated else dated[0] if dated else None)
    if better is None:
        return mapping
    said.append(Problem(label, f"the column {start!r} holds no dates (such as {_first(frame[start])!r}): dates from "
                        f"{better!r}", None, start, "info"))
    return replace(mapping, start=str(better), end=None if better == mapping.end else mapping.end, certain=False)


def _years(sample: pd.Series) -> bool:
    """Whether most of a sample's written values are years of four digits."""
    text = arrow_text(date_columns.clean_text(sample).dropna())
    return len(text) > 0 and (pc.sum(pc.match_substring_regex(text, r"^[12]\d{3}(\.0)?$")).as_py() or 0) >= MOST * len(
        text)


def _no_dates(sample: pd.Series) -> bool:
    """Whether a sample's written values are words, not dates: most hold no digit, and they do not read as dates."""
    text = arrow_text(date_columns.clean_text(sample).dropna())
    digits = pc.sum(pc.match_substring_regex(text, r"\d")).as_py() or 0
    return len(text) > 0 and digits < FEW * len(text) and not date_columns.looks_like_dates(sample, FEW)


def _no_end(sample: pd.Series, starts: pd.Series | None) -> bool:
    """Whether an end column's sample holds no dates: words (a message's ``To``), or counts of one to three digits
    beside starts that are no such counts (Tinder's ``"to": 1`` beside ``sent_date``: read as the year 1, each end
    was "before the start"). Unix times are numbers, and a clock of plain numbers counts in both: ends too."""
    if _no_dates(sample):
        return True
    return starts is not None and (_counts(sample) or _ids(sample, starts.head(SAMPLE))) and not _counts(
        starts.head(SAMPLE))


def _ids(sample: pd.Series, starts: pd.Series) -> bool:
    """Whether plain numbers of four digits or more in an end column are ids, not dates: a payment's ``to``
    account (``1002``, read as the year 1002, was "before the start" in every row) beside starts written as dates,
    where nine ends of ten are unread or before their start."""
    text = arrow_text(date_columns.clean_text(sample).dropna())
    if not len(text) or not pc.all(pc.match_substring_regex(text, r"^\d{4,}$")).as_py():
        return False
    begun = date_columns.clean_text(starts).dropna()
    if not len(begun) or pc.all(pc.match_substring_regex(arrow_text(begun), r"^\d+$")).as_py():
        return False  # (years or Unix times from start to end: a clock of numbers)
    both = sample.index.intersection(begun.index)
    if not len(both):
        return False
    first = date_columns.parse_column(starts.loc[both]).instants.to_numpy()
    last = date_columns.parse_column(sample.loc[both]).instants.to_numpy()
    known = ~pd.isna(first)
    wrong = (pd.isna(last) | (last < first))[known]
    return bool(known.any() and wrong.mean() >= 0.9)


def _counts(sample: pd.Series) -> bool:
    text = arrow_text(date_columns.clean_text(sample).dropna())
    return len(text) > 0 and bool(pc.all(pc.match_substring_regex(text, r"^\d{1,3}$")).as_py())


def _written_ends(sample: pd.Series) -> pd.Series:
    """A sample of ends without the marks of none ("NULL", "N/A") and of one still open ("present", "ongoing")."""
    every = np.ones(len(sample), dtype=bool)
    return sample[~(table_ends.missing_marks(sample, every) | table_ends.open_words(sample, every))]


def _filled_title(mapping: Mapping, frame: pd.DataFrame, label: str, said: list[Problem]) -> Mapping:
    """A title column left mostly empty gives way to the column of its name that a header wrote again (``title,
    title``: the second read as ``title_3``, as a join or a template leaves them) where that one is written; its
    titles were kept as an attribute and every event called row1, row2 … without a word."""
    title = mapping.title
    if title is None or title not in frame.columns or _filled(frame[title].head(GATE)) >= FEW:
        return mapping
    again = [c for c in frame.columns if re.fullmatch(rf"{re.escape(str(title))}_\d+", str(c))]
    filled = {c: _filled(frame[c]) for c in again}
    best = max(filled, key=lambda c: filled[c], default=None)
    if best is None or filled[best] < MOST:
        return mapping
    said.append(Problem(label, f"titles from the column {best!r}, the second {title!r} of the header (written in "
                        f"{filled[best]:.0%} of the rows; the first in {_filled(frame[title]):.0%})", None,
                        str(best), "info"))
    return replace(mapping, title=str(best))


def _filled(values: pd.Series) -> float:
    return float(date_columns.clean_text(values).notna().mean()) if len(values) else 0.0


def _first(values: pd.Series) -> str:
    written = date_columns.clean_text(values.head(SAMPLE)).dropna()
    return re.sub(r"\s+", " ", str(written.iloc[0]))[:40] if len(written) else ""
