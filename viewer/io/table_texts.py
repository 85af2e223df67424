"""The text columns a table's mapping names, cleaned while its dates are parsed.

Cleaning a column (spaces trimmed, blanks found) and parsing the dates are both Arrow and numpy work on
whole columns, which let go of Python's lock. On a long table the text columns are cleaned on a second
thread while the first parses the dates: a million rows open about 0.1 s sooner on two cores. The same
thread then checks that the ids are all filled and none repeats (the model's check, done while the first
thread is still parsing: 0.5 s of a 5M-row open that no longer waits).
"""

from __future__ import annotations

import re
from concurrent.futures import Future, ThreadPoolExecutor

import pandas as pd

from viewer.io.table_mapping import Mapping
from viewer.model import codes, text_arrow
from viewer.model.dates import columns as date_columns
from viewer.model.reporting import plain_ids

_Cleaned = tuple[dict[str, pd.Series], dict[str, pd.Series], bool]  # columns, coded columns, ids distinct
THREADED_FROM = 50_000  # rows; a shorter table is cleaned on the calling thread, where it is asked for


def column(frame: pd.DataFrame, name: str | None) -> pd.Series:
    """A column as stripped Arrow-backed text, blanks as "" (no Python object per cell)."""
    if name is None:
        return text_arrow.empty_strings(len(frame)).set_axis(frame.index)
    return date_columns.clean_text(frame[name]).fillna("")


ADDRESS = re.compile(r"://|^www\.|^(mailto|doi|urn|file):", re.IGNORECASE)


def holds_addresses(values: pd.Series, sample: int = 200) -> bool:
    """True when a source column holds addresses (half of its first filled cells are links), False when it holds
    the names of sources (ACLED's "Premium Times; Reuters"): those are the sources' titles, not links."""
    filled = values[values != ""].head(sample)
    if filled.empty:
        return True
    return sum(ADDRESS.search(str(v)) is not None for v in filled) * 2 >= len(filled)


class Texts:
    """Each text column of a mapping, cleaned once; and the repeating ones (category, a single actor
    column) also as codes (:mod:`viewer.model.codes`)."""

    def __init__(self, frame: pd.DataFrame, mapping: Mapping) -> None:
        self._frame = frame
        names = [mapping.title, mapping.description, mapping.category, mapping.tags, mapping.url, mapping.id,
                 *mapping.actors]
        self._names = [n for n in dict.fromkeys(names) if n is not None]
        single_actors = mapping.actors if len(mapping.actors) == 1 else []  # several are joined, then coded
        self._repeating = [n for n in (mapping.category, *single_actors) if n is not None]
        self._id = mapping.id
        self._result: _Cleaned | None = None
        self._future: Future[_Cleaned] | None = None
        if len(frame) >= THREADED_FROM:
            helper = ThreadPoolExecutor(1, thread_name_prefix="entente-texts")
            self._future = helper.submit(self._clean)
            helper.shutdown(wait=False)  # its one thread ends with the task

    def _clean(self) -> _Cleaned:
        cleaned = {name: column(self._frame, name) for name in self._names}
        coded = {name: codes.coded_if_repeating(cleaned[name]) for name in self._repeating}
        ids = cleaned.get(self._id) if self._id is not None else None
        distinct = ids is not None and plain_ids(ids)
        return cleaned, coded, distinct

    def _done(self) -> _Cleaned:
        if self._result is None:
            self._result = self._future.result() if self._future is not None else self._clean()
            self._future = None
        return self._result

    def __getitem__(self, name: str | None) -> pd.Series:
        """The cleaned column (empty strings for a field the mapping leaves out)."""
        return column(self._frame, None) if name is None else self._done()[0][name]

    def coded(self, name: str | None) -> pd.Series:
        """The cleaned column, as codes when its values repeat."""
        return self[name] if name is None else self._done()[1].get(name, self[name])

    def ids_distinct(self) -> bool:
        """The id column is filled on every row and no id repeats (False without an id column)."""
        return self._done()[2]
