"""Attributes: the columns of a table that are not core fields, kept typed beside them.

A file's extra columns (an FDIC list's City, State, Cert …) become attributes of its events,
entities or relations. Each is one column of the table's frame named ``attr:<name>`` (the prefix
keeps them apart from core columns such as ``id`` or ``row``), stored without a Python object per
row: text as Arrow-backed strings, category as a pandas categorical, number as float64 and date as
UTC instants. The frame is the one source of truth: :func:`attributes` reads the registry from the
columns and their dtypes, so filtering, caching and combining keep attributes without bookkeeping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso_date
from viewer.model.missing_marks import missing
from viewer.model.value_numbers import number_text
from viewer.model.wide_numbers import rounded

PREFIX = "attr:"
TYPES = ("text", "number", "date", "category")
TEXT = pd.StringDtype("pyarrow")
MAX_CATEGORIES = 200  # more distinct values than this is text (names, cities), not a category
NUMBER = r"[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?"
IDENTIFIER = r"^[-+]?0\d|^[-+]?\d{16,}$"  # numbers kept as text: zero-padded codes, integers a float would round
def written(text: pa.Array) -> pa.Array:
    """The cells of a clean column (no blank, no null) that are not a mark of a missing value
    (:data:`viewer.model.missing_marks.MISSING`)."""
    marked = missing(text)
    return text.filter(pa.array(~marked)) if marked.any() else text


@dataclass(frozen=True)
class Attribute:
    """One attribute: its name as the file wrote it, its column in the frame, and its type."""

    name: str
    column: str
    type: str


def column_of(name: str) -> str:
    """The frame column holding the attribute ``name`` (``State`` → ``attr:State``). A file's column named
    ``attr:x`` is the attribute ``attr:x``, held as ``attr:attr:x``: taken for ``x``, it replaced the file's own
    ``x`` column, and a dataset written by convert lost it."""
    return PREFIX + name


def _held_as(frame: pd.DataFrame, name: str) -> str | None:
    """The column of ``frame`` holding the attribute ``name``; a name given with its prefix (``attr:State``, as a
    script may ask) is that column when no attribute is named so; None when there is none."""
    column = column_of(name)
    return column if column in frame.columns else name if name.startswith(PREFIX) and name in frame.columns else None


def type_of(values: pd.Series) -> str:
    """The attribute type a stored column has, from its dtype."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        return "category"
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        return "date"
    if pd.api.types.is_numeric_dtype(values.dtype) and not pd.api.types.is_bool_dtype(values.dtype):
        return "number"
    return "text"


def attributes(frame: pd.DataFrame) -> tuple[Attribute, ...]:
    """The attributes a table holds, in column order."""
    return tuple(Attribute(str(c)[len(PREFIX):], str(c), type_of(frame[c])) for c in frame.columns
                 if str(c).startswith(PREFIX))


def categorical(frame: pd.DataFrame) -> tuple[Attribute, ...]:
    """The attributes fit for lanes and value filters (type category)."""
    return tuple(a for a in attributes(frame) if a.type == "category")


def _clean(values: pd.Series) -> pa.Array:
    return text_arrow.blanks_null(text_arrow.trimmed(arrow_text(values.astype("str") if values.dtype == object
                                                                else values)))


def infer_type(values: pd.Series) -> str:
    """The type the values look like: number, date, category (few distinct values) or text.

    Numbers with a leading zero (ZIP codes, identifiers like ``007``), integers of 16 digits or more, which a
    float would round (a tweet's id, ``1234567890123456789``), and other numbers a float would round (a ledger's
    ``12345678901234567890.12``: :func:`viewer.model.wide_numbers.rounded`) stay text, so nothing is lost;
    dates must read as dates other than bare numbers (a column of years is a number). Cells that mark a missing
    value (``NULL``, ``N/A``: :data:`viewer.model.missing_marks.MISSING`) do not decide: a column of numbers and
    ``NULL`` is numbers.
    """
    if type_of(values) != "text":
        return type_of(values)
    text = _clean(values).drop_null()
    given = written(text)  # ("NULL" or "N/A" among numbers or dates: still numbers or dates)
    if len(text) == 0:
        return "text"
    numeric = pc.match_substring_regex(given, f"^{NUMBER}$")
    if len(given) and pc.all(numeric).as_py():
        padded = pc.match_substring_regex(given, IDENTIFIER)
        return "text" if pc.any(padded).as_py() or rounded(given).any() else "number"
    head = given.slice(0, 200)  # (the cheap test first: a column of answers or names is no date, 2 ms sooner)
    if not pc.any(numeric).as_py() and date_columns.could_be_dates(head, 0.95) and date_columns.looks_like_dates(
            pd.Series(head.to_pandas(types_mapper={pa.string(): TEXT}.get)), threshold=0.95):
        return "date"
    distinct = len(pc.unique(text))
    if distinct <= MAX_CATEGORIES and distinct <= max(2, len(text) // 2):
        return "category"
    return "text"


def typed(values: pd.Series, kind: str) -> pd.Series:
    """The values stored as ``kind``; cells that do not read as that type become empty."""
    if kind not in TYPES:
        raise ValueError(f"attribute type must be one of {', '.join(TYPES)}, got {kind!r}")
    if type_of(values) == kind:
        return values
    cleaned = _clean(values)
    if kind == "number":
        return _numbers(cleaned, values.index)
    text = pd.Series(cleaned.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=values.index)
    if kind == "date":
        return date_columns.parse_column(text).instants
    if kind == "category":
        codes, uniques = pd.factorize(text)
        return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(uniques, dtype="str")),
                         index=values.index)
    return text.fillna("").astype("str")


def _numbers(text: pa.Array, index: pd.Index) -> pd.Series:
    """Numbers read from text (thousands commas dropped); a cell that is no number becomes empty. Arrow reads
    a column in one pass (pandas' reader took 23 ms a column of 50,000, for each of a wide table's columns);
    a column with any cell Arrow refuses ("1_000", "0x10", words) is read by pandas, which empties those."""
    plain = pc.replace_substring(text, ",", "")
    try:
        numbers = pc.cast(plain, pa.float64())
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
        written = pd.Series(plain.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=index)
        return pd.to_numeric(written, errors="coerce").astype("float64")
    return pd.Series(np.asarray(numbers.to_numpy(zero_copy_only=False), dtype=np.float64), index=index)


def extra_columns(raw: pd.DataFrame, core: tuple[str, ...] | set[str]) -> list[str]:
    """The columns of a raw table that are not core fields (nor already attribute columns' duplicates)."""
    return [str(c) for c in raw.columns if str(c) not in core and str(c).strip()]


def normalise(frame: pd.DataFrame) -> pd.DataFrame:
    """Attribute columns back to their stored dtypes after a concat mixed them (categories merged)."""
    for column in [c for c in frame.columns if str(c).startswith(PREFIX)]:
        if frame[column].dtype == object:
            frame[column] = typed(frame[column].astype("str"), infer_type(frame[column]))
    return frame


def formatted(values: pd.Series) -> pd.Series:
    """Attribute values as display text ("" for empty): numbers without noise, dates ISO."""
    kind = type_of(values)
    if kind == "number" and pd.api.types.is_integer_dtype(values.dtype):  # (whole: an account past 2^53 too)
        return values.map(lambda v: "" if pd.isna(v) else str(int(v)))
    if kind == "number":
        return values.map(lambda v: "" if pd.isna(v) else f"{v:.15g}")  # no separators: Cert 21029 is an id
    if kind == "date":
        midnight = (values.dropna().dt.floor("D") == values.dropna()).all()
        return values.map(lambda v: "" if pd.isna(v) else iso_date(v, "day" if midnight else "time"))
    return values.astype("str").fillna("")


def plain(values: pd.Series) -> pd.Series:
    """Attribute values as they go into a file (the same text as shown: ISO dates, plain numbers; a number to its
    last digit, which reads back the same)."""
    if type_of(values) == "number" and not pd.api.types.is_integer_dtype(values.dtype):
        return values.map(number_text)
    return formatted(values)


Held = list[tuple[str, str, object]]  # (name, type, the column's values) of each attribute


def held(frame: pd.DataFrame) -> Held:
    """Each attribute's name, type and values, looked up once (a frame's column lookup costs ~20 µs: Details
    asks for one value of each of a survey's 5,000 columns at every click)."""
    return [(a.name, a.type, frame[a.column].array) for a in attributes(frame)]


def items(frame: pd.DataFrame, position: int) -> list[tuple[str, str]]:
    """An item's attributes as (name, formatted value) pairs, empty values left out (for Details)."""
    return items_at(held(frame), position)[0]


def items_at(columns: Held, position: int, limit: int | None = None) -> tuple[list[tuple[str, str]], int]:
    """The first ``limit`` non-empty (name, formatted value) pairs of one row, and how many more there are.
    One value of each column, formatted alone (formatting them as columns took 3 s a click at 5,000)."""
    out: list[tuple[str, str]] = []
    more = 0
    for name, kind, values in columns:
        text = _formatted_one(values[position], kind)  # type: ignore[index]
        if text:
            if limit is None or len(out) < limit:
                out.append((name, text))
            else:
                more += 1
    return out, more


def _formatted_one(value: object, kind: str) -> str:
    """:func:`formatted` of a single value of a column of this type."""
    if value is None or (not isinstance(value, str) and bool(pd.isna(value))):
        return ""
    if kind == "number":
        return f"{float(value):.15g}"  # type: ignore[arg-type]
    if kind == "date":
        stamp = pd.Timestamp(value)
        return iso_date(stamp, "day" if stamp.floor("D") == stamp else "time")
    return str(value)


def position_of(frame: pd.DataFrame, key: str, column: str = "id") -> int:
    """Where the first row whose ``column`` is ``key`` lies, -1 for none: one pass in Arrow's C++, with no Python
    string made per row (a million ids made into Python strings cost 70 ms at each click, twice).

    >>> position_of(pd.DataFrame({"id": ["a", "b", "b"]}), "b"), position_of(pd.DataFrame({"id": [1, 2]}), "2")
    (1, 1)
    """
    if column not in frame.columns:
        return -1
    values = frame[column]
    try:  # (an Arrow-backed column as it is held, its chunks not joined: a copy of 5M ids cost 0.1 s)
        array = pa.array(values, from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        array = pa.array(values.astype("str"), from_pandas=True)
    if not (pa.types.is_string(array.type) or pa.types.is_large_string(array.type)):
        array = pc.cast(array, pa.string())  # (numbers, or codes of a category: as their text)
    return int(pc.index(array, pa.scalar(str(key), array.type)).as_py())


def core_row_at(frame: pd.DataFrame, position: int) -> pd.Series:
    """The row at ``position`` without its attribute columns (Details reads those by position with :func:`items`): a
    whole row of a survey's 5,000 columns cost 0.4 s to cut out, at each click."""
    core = [c for c in frame.columns if not str(c).startswith(PREFIX)]
    return frame[core].iloc[position] if len(core) < len(frame.columns) else frame.iloc[position]


def text_mask(frame: pd.DataFrame, needle: str) -> np.ndarray:
    """Rows whose text or category attributes contain ``needle`` (lower case); numbers when it is one."""
    mask = np.zeros(len(frame), dtype=bool)
    for attribute in attributes(frame):
        values = frame[attribute.column]
        if attribute.type == "category":
            hit = [str(c).lower().find(needle) >= 0 for c in values.cat.categories]
            codes = values.cat.codes.to_numpy()
            mask |= np.append(np.asarray(hit, dtype=bool), False)[np.where(codes < 0, len(hit), codes)]
        elif attribute.type == "text":
            found = pc.match_substring(arrow_text(values), needle, ignore_case=True).fill_null(False)
            mask |= np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)
        elif attribute.type == "number" and re.fullmatch(NUMBER, needle):
            mask |= (values == float(needle)).to_numpy(dtype=bool, na_value=False)
    return mask


def value_mask(frame: pd.DataFrame, name: str, values: frozenset[str] | set[str]) -> np.ndarray:
    """Rows whose attribute ``name`` is one of ``values`` (as displayed); all False when there is no such column."""
    column = _held_as(frame, name)
    if column is None:
        return np.zeros(len(frame), dtype=bool)
    series = frame[column]
    if isinstance(series.dtype, pd.CategoricalDtype):
        return series.isin(list(values)).to_numpy(dtype=bool)
    return formatted(series).isin(list(values)).to_numpy(dtype=bool)


def distinct_values(frame: pd.DataFrame, name: str) -> list[tuple[str, int]]:
    """An attribute's values with their counts, most frequent first (for a filter menu)."""
    column = _held_as(frame, name)
    if column is None:
        return []
    counts = formatted(frame[column]).value_counts()
    counts = counts[counts.index != ""]
    return [(str(v), int(n)) for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], str(kv[0])))]
