"""Text-column helpers for :mod:`viewer.model.dataset` that stay in Arrow (C++) for a million rows.

pandas' own ``isin``, ``duplicated`` and ``to_numpy`` on Arrow-backed strings build one Python object
per value; these helpers hand the work to ``pyarrow.compute`` and touch Python only per distinct value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import codes, json_names, lists, text_arrow
from viewer.model.memo import Memo


def arrow_text(values: pd.Series) -> pa.Array:
    """One Arrow string array for a text column, without a Python object per value when it is Arrow-backed."""
    try:
        array = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        array = pa.array(values.astype("str"), type=pa.string(), from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def text(frame: pd.DataFrame, column: str, default: str = "", coded: bool = False) -> pd.Series:
    """A column as pandas' string dtype (Arrow-backed: its string methods run in C++), empty cells = default;
    ``coded``: a categorical column stays one (see :mod:`viewer.model.codes`)."""
    if column not in frame.columns:
        return pd.Series(default, index=frame.index, dtype="str")
    col = frame[column]
    if isinstance(col, pd.DataFrame):  # duplicated header: take the first
        col = col.iloc[:, 0]
    if coded and isinstance(col.dtype, pd.CategoricalDtype):
        return codes.coded_text(col, default)
    return col.astype("str").fillna(default)


def composed(values: pd.Series) -> pd.Series:
    """A text column in Unicode's composed form (:func:`text_arrow.composed`), its dtype and index kept; a
    categorical one by its categories, two spellings of one name merged into one category.

    >>> pd.Series(["Socie\u0301te\u0301", "Société"], dtype="category").pipe(composed).cat.categories.tolist()
    ['Société']
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        categories = arrow_text(pd.Series(values.cat.categories))
        done = text_arrow.composed(categories)
        if done is categories or done.equals(categories):
            return values
        merged_codes, merged = pd.factorize(pd.Series(pd.arrays.ArrowStringArray(done)))
        old = values.cat.codes.to_numpy()
        new = np.where(old < 0, -1, merged_codes[np.maximum(old, 0)])
        return pd.Series(pd.Categorical.from_codes(new, categories=pd.Index(merged, dtype="str")), index=values.index)
    array = arrow_text(values)
    done = text_arrow.composed(array)
    if done is array or done.equals(array):
        return values
    return pd.Series(done, dtype=values.dtype, index=values.index)


def id_names(entities: pd.DataFrame, column: str = "name", missing: str | None = None) -> dict[str, str]:
    """Each entity's id and its ``column`` as text (an empty cell as ``missing``, or as the id when None), each
    column listed in one call (zipped as Series, a register's 126,000 entities were read from Arrow one cell at a
    time: 0.17 s).

    >>> id_names(pd.DataFrame({"id": ["a", "b"], "name": ["Acme", None]}))
    {'a': 'Acme', 'b': 'b'}
    """
    ids = entities["id"].astype(str).tolist()
    values = entities[column]
    texts = values.astype(str).tolist()
    empty = values.isna().to_numpy(dtype=bool)
    if empty.any():
        texts = [(key if missing is None else missing) if gone else text
                 for key, text, gone in zip(ids, texts, empty.tolist(), strict=True)]
    return dict(zip(ids, texts, strict=True))


_NAMES: Memo[dict[str, str]] = Memo()


def entity_names(entities: pd.DataFrame) -> dict[str, str]:
    """Each entity's name by its id (:func:`id_names`), made once per entities table and shared by its readers (the
    timeline, the relations table, the filters and their matcher each made it: ~50 ms apiece at 126,000 entities).
    Shared: read it, never change it.

    >>> table = pd.DataFrame({"id": ["a"], "name": ["Acme"]})
    >>> entity_names(table) is entity_names(table)
    True
    """
    return _NAMES.get(entities, "name", lambda: id_names(entities))


def blank(values: pd.Series) -> pd.Series:
    """``values.str.strip() == ""``, without trimming a copy of every value when none starts or ends with a
    space (the usual column)."""
    if values.empty or text_arrow.may_need_trim(arrow_text(values)):
        return values.str.strip() == ""
    return values == ""


def is_in(values: pd.Series, universe: pd.Series) -> np.ndarray:
    """``values.isin(universe)`` in C++ (pandas' isin on Arrow strings builds a Python object per value)."""
    if values.empty:
        return np.zeros(0, dtype=bool)
    found = pc.is_in(arrow_text(values), value_set=arrow_text(universe))
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


# Python's \s (any str.isspace() character) for RE2, whose \s is ASCII only
_SPACE = "[" + "".join(f"\\x{{{ord(ch):x}}}" for ch in lists.WHITESPACE) + "]"
_AROUND_SEMICOLON = f"(?:{_SPACE}*;{_SPACE}*)+"  # empty items go too: "a;;b" (an empty column among several)


# a list as Python's repr or JSON writes it into a cell ("['Renault', 'Nissan']", '["Renault","Nissan"]'), as a data
# frame with a column of lists saved to CSV leaves it
_QUOTED = r"""(?:"[^"]*"|'[^']*')"""
_LISTED = rf"^\s*\[\s*(?:{_QUOTED}(?:\s*,\s*{_QUOTED})*)?\s*,?\s*\]\s*$"
_LIST_PARTS = ((r"""^\s*\[\s*["']?""", ""), (r"""["']?\s*,?\s*\]\s*$""", ""), (r"""["']\s*,\s*["']""", ";"))


def _lists_as_written(text: pa.Array) -> pa.Array:
    """Distinct list cells with their items ';'-separated: a bracketed list of quoted items, JSON objects (their
    names), a column that separates with '|' and never with ';' ("Renault|Nissan"), and in a column that never
    separates with ';', names joined by a comma or a word that stand alone elsewhere ("Renault, Nissan")."""
    objects = np.flatnonzero(np.asarray(pc.match_substring_regex(text, r"^\s*(?:\[\s*)?\{").fill_null(False)
                                        .to_numpy(zero_copy_only=False), dtype=bool))
    if len(objects):  # (each distinct one, in Python: they are few)
        cells = text.to_pylist()
        for row in objects.tolist():
            cells[row] = json_names.named(cells[row])
        text = pa.array(cells, pa.string())
    listed = pc.match_substring_regex(text, _LISTED).fill_null(False)
    if pc.any(listed).as_py():
        items = text
        for pattern, replacement in _LIST_PARTS:
            items = pc.replace_substring_regex(items, pattern, replacement)
        text = pc.if_else(listed, items, text)
    if not pc.any(pc.match_substring(text, ";")).as_py() and pc.any(pc.match_substring(text, "|")).as_py():
        text = pc.replace_substring_regex(text, rf"{_SPACE}*\|{_SPACE}*", ";")
    if not pc.any(pc.match_substring(text, ";")).as_py():
        text = _joined_names(text)
    return text


def comma_tags(values: pd.Series) -> pd.Series:
    """A tags column written with commas ("legal, capital", as keywords are written) as ';' lists, when it never
    separates with ';' or '|'; the column as it is otherwise (no copy).

    >>> comma_tags(pd.Series(["legal, capital", "legal", "strategy,people"])).tolist()
    ['legal;capital', 'legal', 'strategy;people']
    """
    text = arrow_text(values)
    if pc.any(pc.match_substring_regex(text, r"^\s*\[\s*\{")).as_py():  # GitHub's labels: objects with a name
        encoded = text.fill_null("").dictionary_encode()
        names = pa.array([json_names.named(cell) for cell in encoded.dictionary.to_pylist()], pa.string())
        listed = pc.take(names, encoded.indices)
        return pd.Series(pd.arrays.ArrowStringArray(listed), index=values.index).astype(values.dtype)
    if (not pc.any(pc.match_substring(text, ",")).as_py() or pc.any(pc.match_substring(text, ";")).as_py()
            or pc.any(pc.match_substring(text, "|")).as_py()):
        return values
    listed = pc.utf8_trim(pc.replace_substring_regex(text, rf"{_SPACE}*,{_SPACE}*", ";"), "; ")
    return pd.Series(pd.arrays.ArrowStringArray(listed), index=values.index).astype(values.dtype)


_JOINS = r"\s*,\s*|\s+&\s+|\s+/\s+|\s+and\s+"  # "Renault, Nissan", "Renault & Nissan", "Renault and Nissan"


def _joined_names(text: pa.Array) -> pa.Array:
    """Distinct cells joining names that stand alone in cells of their own ("Renault, Nissan" beside "Renault" and
    "Nissan") as lists; a name with a comma or an "&" of its own ("Nissan Motor Co., Ltd.", "Smith, John", "Procter
    & Gamble") stays whole, its pieces standing alone nowhere."""
    joined = np.asarray(pc.match_substring_regex(text, _JOINS).fill_null(False).to_numpy(zero_copy_only=False),
                        dtype=bool)
    if not joined.any() or joined.all():
        return text
    alone = {cell.strip() for cell in text.filter(pa.array(~joined)).to_pylist() if cell}
    cells = text.to_pylist()
    for row in np.flatnonzero(joined).tolist():  # (in Python, a distinct cell at a time: they are few)
        pieces = [piece.strip() for piece in re.split(_JOINS, cells[row]) if piece.strip()]
        if len(pieces) > 1 and all(piece in alone for piece in pieces):
            cells[row] = ";".join(pieces)
    return pa.array(cells, pa.string())


def normalise_lists(values: pd.Series) -> pd.Series:
    """``a ; b;`` (or ``a;;b``) → ``a;b`` for ';'-separated id lists, as a categorical (they repeat: a few thousand
    distinct lists among a million events), cleaned once per distinct value; a bracketed list of quoted items and
    a column of '|'-separated lists are read as such lists."""
    if isinstance(values.dtype, pd.CategoricalDtype):  # coded already: no string per row made
        indices, names = codes.in_first_seen_order(codes.coded_text(values))
    else:
        encoded = arrow_text(values).fill_null("").dictionary_encode()
        names, indices = pd.Index(encoded.dictionary.to_pandas()), encoded.indices.to_numpy(zero_copy_only=False)
    # in Arrow: pandas ran Python's re once per distinct list (0.45 s for 100,000 distinct lists)
    written = _lists_as_written(arrow_text(pd.Series(names)))
    cleaned = text_arrow.composed(pc.utf8_trim(pc.replace_substring_regex(written, _AROUND_SEMICOLON, ";"), "; "))
    # two spellings of one list become one category
    merged_codes, categories = pd.factorize(pd.Series(pd.arrays.ArrowStringArray(cleaned)))
    merged = pd.Categorical.from_codes(merged_codes[indices], categories=pd.Index(categories, dtype="str"))
    return pd.Series(merged, index=values.index)


HASHED_FROM = 100_000  # below this Arrow's hash table is as quick


def has_duplicates(values: pd.Series) -> bool:
    """True when some value occurs twice (most id columns have none).

    A hash table of a million distinct strings costs ~250 ms in any engine (each insert a cache miss). A long
    column is first checked with a 64-bit hash of each value (:func:`text_arrow.hashes`, ~20 ms at 1M) in a
    hash table of integers (~35 ms; sorting them took 50): no two hashes alike means no two values alike. Equal
    hashes, a duplicate or a rare collision, are settled by the exact hash table.
    """
    array = arrow_text(values)
    if len(array) >= HASHED_FROM:
        hashed = text_arrow.hashes(array)
        if hashed is not None and not pd.Series(hashed, copy=False).duplicated().any():
            return False
    return len(pc.unique(array)) < len(array)


def distinct(values: pd.Series, missing: str | None = None) -> list[str]:
    """The distinct non-null strings of a column (Python objects only for those), then ``missing`` when given and a
    value is missing (the legends list kinds so: a string per tie and entity cost 0.2 s at 190,000 ties).

    >>> distinct(pd.Series(["stake", None, "stake"])), distinct(pd.Series(["stake", None]), missing="nan")
    (['stake'], ['stake', 'nan'])
    """
    if isinstance(values.dtype, pd.CategoricalDtype):
        found = list(map(str, codes.used_counts(values)[0].to_numpy(dtype=object).tolist()))  # (in C, not per cell)
    else:
        found = list(map(str, pc.unique(arrow_text(values)).drop_null().to_pylist()))
    return [*found, missing] if missing is not None and values.isna().any() else found


FEW_IDS = 64  # ids looked up one by one; more at once by one hash table over the column


class IdLookup:
    """Event ids by position and positions by id, without a Python string or dict entry per event.

    A million ids as a list plus a dict cost ~300 bytes an event and ~2 s to build; the Arrow column
    answers a position in C++ and the few ids asked about (selection, hover) are remembered.
    """

    def __init__(self, ids: pd.Series) -> None:
        self._array = arrow_text(ids)
        self._known: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._array)

    def __getitem__(self, position: int) -> str:
        return str(self._array[int(position)].as_py())

    def position(self, event_id: str | None) -> int:
        """The position of an id (the first, should it repeat), or -1."""
        if not event_id:
            return -1
        if event_id not in self._known:
            if len(self._known) > 4096:
                self._known.clear()
            found = pc.index(self._array, pa.scalar(event_id, pa.string())).as_py()
            self._known[event_id] = int(found)
        return self._known[event_id]

    def positions(self, event_ids: Iterable[str]) -> np.ndarray:
        """The positions of the ids found among many (those not found left out), at once: one hash table over the
        column, where a look-up each scanned it (selecting the 76,000 events of one instant held the window 3 min).

        >>> IdLookup(pd.Series(["a", "b", "c"])).positions(["c", "x", "a"]).tolist()
        [2, 0]
        """
        wanted = [str(i) for i in event_ids]
        if len(wanted) <= FEW_IDS:  # (a click's selection: remembered one by one)
            found = np.array([self.position(i) for i in wanted], dtype=np.int64)
        else:
            column = self._array.combine_chunks() if isinstance(self._array, pa.ChunkedArray) else self._array
            at = pc.index_in(pa.array(wanted, pa.string()), value_set=column)
            found = np.asarray(at.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
        return found[found >= 0]

    def __contains__(self, event_id: object) -> bool:
        return isinstance(event_id, str) and self.position(event_id) >= 0

    def get(self, event_id: str | None, default: int = -1) -> int:
        """Like ``dict.get``: the position, or ``default``."""
        found = self.position(event_id)
        return found if found >= 0 else default

    @property
    def index(self) -> IdPositions:
        """A read-only ``{id: position}`` mapping over the same column."""
        return IdPositions(self)


class IdPositions:
    """``{event id: position}`` as :class:`IdLookup` answers it: ``[id]``, ``get`` and ``in``."""

    def __init__(self, lookup: IdLookup) -> None:
        self._lookup = lookup

    def __getitem__(self, event_id: str) -> int:
        found = self._lookup.position(event_id)
        if found < 0:
            raise KeyError(event_id)
        return found

    def __contains__(self, event_id: object) -> bool:
        return event_id in self._lookup

    def get(self, event_id: str | None, default: int = -1) -> int:
        """The position of ``event_id``, or ``default``."""
        return self._lookup.get(event_id, default)

    def __len__(self) -> int:
        return len(self._lookup)


TAKEN_IN_PAIRS_FROM = 100_000  # rows
POPPED_UP_TO = 48  # columns: a wider frame is taken whole (its columns are each a small part of it)


def reordered(frame: pd.DataFrame, order: np.ndarray) -> pd.DataFrame:
    """The rows in this order, renumbered, one column at a time (a long frame's two at a time, on two
    threads): each column's old values can go as soon as its new ones are made, so sorting a million events
    holds one or two extra columns, not a second table (when nothing else holds the frame's columns). A frame
    of more than :data:`POPPED_UP_TO` columns is taken whole: popping is quadratic in the columns.
    Arrow's allocator keeps what it frees for reuse: it is asked to give it back after each column, or the
    old columns would still count until the end (30 MB at 1M)."""
    if not frame.columns.is_unique:
        return frame.take(order).reset_index(drop=True)
    taken = {}
    pool = pa.default_memory_pool()
    if len(frame.columns) > POPPED_UP_TO:  # a wide table: each pop rebuilds the frame's index of its blocks
        for column, values in frame.items():  # (1,000 columns: 17 s; 5,000: ten minutes), so none is popped
            taken[column] = values.array.take(order)
        return pd.DataFrame(taken, copy=False)
    if len(order) < TAKEN_IN_PAIRS_FROM:
        for column in list(frame.columns):
            taken[column] = frame.pop(column).array.take(order)
            pool.release_unused()
        return pd.DataFrame(taken, copy=False)
    # two columns at a time (Arrow's and numpy's takes let go of Python's lock): two extra columns held
    with ThreadPoolExecutor(2, thread_name_prefix="entente-order") as helpers:
        moving = {column: helpers.submit(frame.pop(column).array.take, order) for column in list(frame.columns)}
        for column, future in moving.items():
            taken[column] = future.result()
            pool.release_unused()
    return pd.DataFrame(taken, copy=False)
