"""A table's title column found by its values when no column is named as one ("Событие", "Wydarzenie", "Qué
pasó"): the column of words whose values vary most, so that events are not all called "row 1", "row 2"."""

from __future__ import annotations

from dataclasses import astuple, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io.table_mapping import Mapping
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns

SAMPLE_ROWS = 200
LOOKED_AT = 60  # columns: a wide table's first ones (a title is rarely far right, and each look costs ~1 ms)
WORDS = r"\p{L}\p{L}"  # two letters together, any script's
# what holds letters but is no text: a JSON object or list, a link, an address, a hash or UUID
NO_WORDS = r"^\s*[\[{]|^[a-z][a-z0-9+.-]*://|^\S+@\S+$|^[0-9A-Fa-f-]{16,}$"
WORDED_SAMPLE = 5_000  # cells of a column looked at for words before all of them
MOST_ALIKE = 0.5  # a column whose values repeat more than this (a category, a place, an actor) names no event


def title_by_values(frame: pd.DataFrame, taken: set[str | None]) -> str | None:
    """The column of text (two letters together in most cells, any script's; no numbers, dates, JSON, links,
    addresses or hashes) whose values vary most over the first rows, the leftmost of equals; None when no column
    holds such text. The most varied are looked at first, and the first that is text wins (a wide table's columns
    are not each read as dates)."""
    sample = frame.head(SAMPLE_ROWS)
    varied: list[tuple[float, int, str]] = []
    for at, column in enumerate(list(frame.columns)[:LOOKED_AT]):
        if column in taken or not isinstance(sample[column], pd.Series):  # (a repeated header's columns: a frame)
            continue
        values = sample[column].dropna()
        if len(values) and values.nunique() / len(values) > MOST_ALIKE:
            varied.append((-values.nunique() / len(values), at, str(column)))
    for _, _, column in sorted(varied):
        text = date_columns.clean_text(sample[column]).dropna()
        if len(text) == 0 or text.nunique() / len(text) <= MOST_ALIKE:
            continue
        written = arrow_text(text)
        lettered = np.asarray(pc.match_substring_regex(written, WORDS).to_numpy(zero_copy_only=False)) & ~np.asarray(
            pc.match_substring_regex(written, NO_WORDS).to_numpy(zero_copy_only=False))
        if lettered.mean() >= 0.8 and not date_columns.looks_like_dates(text, threshold=0.5):
            return column
    return None


def with_title(mapping: Mapping, frame: pd.DataFrame) -> Mapping:
    """The mapping with a title column found by its values where none is named (nor a description to make titles
    from); it stays uncertain, so the window asks before using it."""
    if mapping.title is not None or mapping.description is not None or mapping.start is None:
        return mapping
    taken = {mapping.start, mapping.end, *mapping.actors, mapping.category, mapping.id, mapping.url, mapping.time,
             mapping.timezone, mapping.tags, mapping.end_time, mapping.all_day,
             mapping.duration}
    return replace(mapping, title=title_by_values(frame, taken))


def own_words(frame: pd.DataFrame, mapping: Mapping, wanted: np.ndarray) -> pd.Series:
    """For the ``wanted`` rows (no title, description nor actors), the first cell of words among the columns no
    field takes, left to right, "" elsewhere: a search's term, a comment's text, a message's content among lists
    read together (TikTok's export), where each was called by its list ("Search History"). Columns of dates,
    links, JSON and hashes are passed over."""
    found = np.full(len(frame), "", dtype=object)
    taken = {name for value in astuple(mapping) for name in (value if isinstance(value, tuple) else (value,))
             if isinstance(name, str)}
    left = np.asarray(wanted, dtype=bool).copy()
    for column in [c for c in list(frame.columns)[:LOOKED_AT] if c not in taken]:
        if not left.any():
            break
        cells = frame[column]
        if not isinstance(cells, pd.Series) or not _worded(cells[left].head(WORDED_SAMPLE)).any() or (
                date_columns.looks_like_dates(cells[left].head(SAMPLE_ROWS), 0.5)):
            continue  # (a column of numbers is passed over on a sample of it: 10 such in a million rows took 1.7 s)
        rows = np.flatnonzero(left)
        text = date_columns.clean_text(cells.iloc[rows]).fillna("")
        words = _worded(text)
        found[rows[words]] = text[words].to_numpy(dtype=object)
        left[rows[words]] = False
    return pd.Series(found, index=frame.index, dtype=object)


def _worded(cells: pd.Series) -> np.ndarray:
    """Which cells hold words: two letters together, and no link, JSON, address or hash."""
    written = arrow_text(date_columns.clean_text(cells).fillna(""))
    words = np.asarray(pc.match_substring_regex(written, WORDS).to_numpy(zero_copy_only=False), dtype=bool)
    if words.any():
        words[words] = ~np.asarray(pc.match_substring_regex(written.filter(pa.array(words)), NO_WORDS).to_numpy(
            zero_copy_only=False), dtype=bool)
    return words
