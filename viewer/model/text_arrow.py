"""Whole Arrow text columns tidied at the cost of their buffers, not of their strings.

Most columns have no value with a space at either end and no blank cell; trimming them anyway copies every
string. These helpers look at the offsets and bytes first (numpy over two buffers) and copy only when a
value needs it; blanks become nulls through a new validity bitmap, sharing the characters.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from pandas.arrays import ArrowStringArray

_EDGE_BYTES = np.zeros(256, dtype=bool)
_EDGE_BYTES[:33] = True  # controls (tab, newlines, \x1c-\x1f) and the space
_EDGE_BYTES[0x7F:] = True  # DEL and every byte of a non-ASCII character (U+00A0, U+2003, U+3000 …)


def contiguous(text: pa.Array | pa.ChunkedArray) -> pa.Array:
    """One string array (a pandas column may come as several chunks)."""
    return text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text


class TooMuchText(ValueError):
    """A text column holding more than an Arrow string column can (2 GB of characters)."""

    def __init__(self, column: str, size: int) -> None:
        super().__init__(column, size)
        self.column, self.size = column, size


STRING_LIMIT = 2**31 - 1  # bytes of characters a string column's 32-bit offsets reach


def one_chunk_each(table: pa.Table) -> pa.Table:
    """The table with each column in one chunk, combined one column at a time (the old chunks of each go
    before the next is combined). Readers hand columns in many chunks; the cleaning steps would otherwise
    each make a combined copy while the raw table is still held. The table is made once at the end: setting
    one column at a time rebuilt the whole table each time (a 20,000-column CSV spent 53 s here). A text column
    of more than 2 GB, which one string column cannot hold, raises :class:`TooMuchText`."""
    pool = pa.default_memory_pool()
    columns = table.columns
    for i, column in enumerate(columns):
        if pa.types.is_string(column.type) and column.nbytes > STRING_LIMIT:  # (Arrow raised "offset overflow")
            raise TooMuchText(table.column_names[i], column.nbytes)
        if column.num_chunks > 1:
            columns[i] = column.combine_chunks()
            del column
            pool.release_unused()
    return pa.Table.from_arrays(columns, schema=table.schema)


def _spans(text: pa.Array) -> tuple[np.ndarray, np.ndarray, np.ndarray] | None:
    """Start and end byte offsets of each value, and the character bytes they point into (only this array's:
    a slice of a long column shares its buffer); None without characters."""
    if not pa.types.is_string(text.type):
        return None
    offsets_buffer, data_buffer = text.buffers()[1:3]
    if offsets_buffer is None or data_buffer is None:
        return None
    offsets = np.frombuffer(offsets_buffer, dtype=np.int32)[text.offset:text.offset + len(text) + 1]
    first = int(offsets[0])
    data = np.frombuffer(data_buffer, dtype=np.uint8)[first:int(offsets[-1])]
    if first:
        offsets = offsets - np.int32(first)
    return offsets[:-1], offsets[1:], data


def byte_starts(text: pa.Array) -> tuple[np.ndarray, np.ndarray] | None:
    """Where each value starts among the characters' bytes (int64), and the bytes, of a string or large string
    array; None for one that holds no character."""
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        return None
    offsets_buffer, data_buffer = text.buffers()[1:3]
    if offsets_buffer is None or data_buffer is None:
        return None
    width = np.int64 if pa.types.is_large_string(text.type) else np.int32
    starts = np.frombuffer(offsets_buffer, dtype=width)[text.offset:text.offset + len(text)].astype(np.int64)
    return starts, np.frombuffer(data_buffer, dtype=np.uint8)


def character_count(text: pa.Array) -> int:
    """How many bytes of characters the values hold (0: each value is empty or missing)."""
    if not pa.types.is_string(text.type):
        return int(pc.sum(pc.binary_length(text)).as_py() or 0)
    spans = _spans(text)
    return 0 if spans is None else len(spans[2])


# whole-column passes over a long column work a block at a time: temporaries as long as the column are
# fresh memory, and touching it the first time cost more than the pass (a 5M-row column's bytes: 10x)
BLOCK_BYTES = 1 << 22
BLOCK_ROWS = 1 << 18
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_HEAD_WORDS = 4  # the first 32 bytes are hashed, and the last 8: ids that differ only between them collide
_MASKS = np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def hashes(text: pa.Array) -> np.ndarray | None:
    """A 64-bit hash of each value (a null as ""), from its length, first 32 bytes and last 8, read eight
    bytes at a time from the character buffer; None for other array types. Alike values of one array hash
    alike; unlike ones rarely do (a caller settles equal hashes by comparing the values). Only hashes of one
    array compare: how many words are read depends on its longest value. The values are hashed a block at a
    time (:data:`BLOCK_ROWS`), so no temporary is as long as the column."""
    spans = _spans(text)
    if spans is None:
        return None
    starts, ends, data = spans
    lengths = (ends - starts).astype(np.int64)
    longest = int(lengths.max()) if len(lengths) else 0
    words = min(_HEAD_WORDS, -(-longest // 8))
    hashed = np.empty(len(lengths), dtype=np.uint64)
    for first in range(0, len(lengths), BLOCK_ROWS):
        rows = slice(first, first + BLOCK_ROWS)
        hashed[rows] = _block_hashes(starts[rows].astype(np.int64), lengths[rows], data, words,
                                     longest > 8 * _HEAD_WORDS)
    if text.null_count:  # a null's offsets may span bytes: it hashes as ""
        hashed[np.asarray(text.is_null().to_numpy(zero_copy_only=False), dtype=bool)] = 0
    return hashed


def _block_hashes(starts: np.ndarray, lengths: np.ndarray, data: np.ndarray, words: int, tail: bool) -> np.ndarray:
    """:func:`hashes` of the values at ``starts`` (``words`` words from each start; ``tail``: and its last 8 bytes),
    read from a copy of only their bytes, padded so that a word read past the last byte reads zeros."""
    low = int(starts.min()) if len(starts) else 0
    high = int((starts + lengths).max()) if len(starts) else 0
    padded = np.zeros(high - low + 8, dtype=np.uint8)
    padded[:high - low] = data[low:high]
    stream = np.ndarray((high - low + 1,), dtype="<u8", buffer=padded, strides=(1,))  # stream[i]: bytes i … i+7
    starts = starts - low
    hashed = lengths.astype(np.uint64) * _MULTIPLIER
    places = [starts + 8 * k for k in range(words)]
    if tail:
        places.append(np.maximum(starts, starts + lengths - 8))
    for at in places:
        word = stream[np.minimum(at, high - low)] & _MASKS[np.clip(starts + lengths - at, 0, 8)]
        hashed ^= word
        hashed *= _MULTIPLIER
        hashed ^= hashed >> np.uint64(29)
    return hashed


def may_need_trim(text: pa.Array) -> bool:
    """False only when no value can start or end with whitespace (judged by its first and last byte)."""
    if not pa.types.is_string(text.type):
        return True
    spans = _spans(text)
    if spans is None:
        return False
    starts, ends, data = spans
    if not len(data):
        return False
    # an empty value reads its neighbour's first or last byte, which is checked anyway: no mask needed
    for first in range(0, len(starts), BLOCK_ROWS):
        rows = slice(first, first + BLOCK_ROWS)
        if (_EDGE_BYTES.take(data.take(starts[rows], mode="clip")).any()
                or _EDGE_BYTES.take(data.take(ends[rows] - 1, mode="clip")).any()):
            return True
    return False


def without_nbsp(text: pa.Array) -> pa.Array:
    """No-break spaces (U+00A0) as plain spaces; the characters are searched as bytes first, and copied
    only when one is there."""
    spans = _spans(text)
    if spans is not None and not _has_nbsp(spans[2]):
        return text
    return pc.replace_substring(text, "\xa0", " ")


def _has_nbsp(data: np.ndarray) -> bool:
    """The bytes hold U+00A0 (C2 A0), searched :data:`BLOCK_BYTES` at a time: a mask as long as a 5M-row
    column's characters cost ten times the search, in fresh memory."""
    for at in range(0, len(data), BLOCK_BYTES):
        part = data[at:at + BLOCK_BYTES + 1]  # one byte more: a pair across two blocks is seen
        lead = np.flatnonzero(part[:-1] == 0xC2)
        if len(lead) and (part[lead + 1] == 0xA0).any():
            return True
    return False


_AS_ZERO = np.arange(256, dtype=np.uint8)
_AS_ZERO[ord("1"):ord("9") + 1] = ord("0")


def digits_as_zero(text: pa.Array) -> pa.Array:
    """The values with each ASCII digit written as 0: their shapes (``Wed, 13 May 2020`` is ``Wed, 00 May 0000``).
    The characters' bytes are mapped through a table and the offsets kept (no byte of a longer UTF-8 character is
    an ASCII digit): a regex pass over the column cost 60 times as much."""
    text = contiguous(text)
    if not (pa.types.is_string(text.type) or pa.types.is_large_string(text.type)):
        text = text.cast(pa.string())
    validity, offsets, data = text.buffers()
    if data is None or not len(text):
        return text
    shapes = _AS_ZERO[np.frombuffer(data, dtype=np.uint8)]
    return pa.Array.from_buffers(text.type, len(text), [validity, offsets, pa.py_buffer(shapes)],
                                 null_count=text.null_count, offset=text.offset)


def shapes(text: pa.Array) -> tuple[np.ndarray, pa.Array]:
    """Each value's shape (:func:`digits_as_zero`) as a code into the distinct shapes (int64; -1 for a missing
    value), and those shapes in the order first written."""
    encoded = pc.dictionary_encode(digits_as_zero(text))
    codes = np.asarray(encoded.indices.fill_null(-1).to_numpy(zero_copy_only=False), dtype=np.int64)
    return codes, encoded.dictionary


def trimmed(text: pa.Array | pa.ChunkedArray) -> pa.Array:
    """``utf8_trim_whitespace`` of the values, done only when some value needs it."""
    text = contiguous(text)
    return pc.utf8_trim_whitespace(text) if may_need_trim(text) else text


def blanks_null(text: pa.Array) -> pa.Array:
    """Empty strings as nulls, sharing the offsets and characters (only a new validity bitmap is made)."""
    blank = pc.equal(pc.binary_length(text), 0)
    if not pc.any(blank).as_py():
        return text
    valid = pc.and_kleene(pc.is_valid(text), pc.invert(blank.fill_null(True)))
    if text.offset or valid.offset or not pa.types.is_string(text.type):  # bitmaps would not line up
        return pc.if_else(blank, pa.scalar(None, text.type), text)
    return pa.Array.from_buffers(text.type, len(text), [valid.buffers()[1], *text.buffers()[1:]])


def _last_alpha(text: pa.Array) -> np.ndarray:
    last = pc.utf8_slice_codeunits(text, -1, 2**31 - 1)
    return np.asarray(pc.utf8_is_alpha(last).fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def last_is_letter(text: pa.Array) -> np.ndarray:
    """Per value: its last character is a letter (ASCII read from the bytes; other characters asked of Arrow)."""
    text = contiguous(text)
    spans = _spans(text)
    if spans is None:
        return _last_alpha(text)
    starts, ends, data = spans
    valid = np.asarray(pc.is_valid(text).to_numpy(zero_copy_only=False), dtype=bool)
    filled = np.flatnonzero((ends > starts) & valid)
    final = data[ends[filled] - 1]
    out = np.zeros(len(text), dtype=bool)
    folded = final | 0x20
    out[filled] = (final < 0x80) & (folded >= ord("a")) & (folded <= ord("z"))
    wide = filled[final >= 0x80]
    if len(wide):
        out[wide] = _last_alpha(text.take(pa.array(wide)))
    return out


def empty_strings(length: int, na_value: object = None) -> pd.Series:
    """``length`` empty strings as an Arrow-backed column: one buffer of zero offsets, no string made
    (``pd.Series("", index=…)`` repeats a Python string a million times). ``na_value`` NaN gives
    pandas' ``str`` dtype, None its ``string[pyarrow]``."""
    offsets = pa.py_buffer(np.zeros(length + 1, dtype=np.int64))  # large_string: pandas keeps text so (no cast)
    array = pa.Array.from_buffers(pa.large_string(), length, [None, offsets, pa.py_buffer(b"")])
    dtype = pd.StringDtype("pyarrow") if na_value is None else pd.StringDtype("pyarrow", na_value=na_value)
    return pd.Series(ArrowStringArray(array, dtype=dtype), copy=False)


SAME_FLOAT_TEXT = (1e-4, 1e10)  # |x| where Arrow writes a float with a fraction as Python does (outside: 1.5e-7)
WHOLE_UP_TO = 2.0**63  # whole floats below this are written as integers


def number_text(values: pd.Series) -> pd.Series | None:
    """A column of numbers as Python writes them (``str``), floats all whole as integers (2019.0 as "2019"), missing
    ones as NA; None for other columns. In Arrow's C++: pandas wrote a million floats in 0.5-1 s, and a date
    parser that met a column of numbers (decimal years, Unix times in a Parquet file) did so several times. Arrow's
    text is kept where it is Python's (every integer, a fraction within :data:`SAME_FLOAT_TEXT`); the rest, rare, is
    written by ``str``."""
    kind = values.dtype
    if not pd.api.types.is_numeric_dtype(kind) or pd.api.types.is_bool_dtype(kind):
        return None
    try:
        array = pa.array(values, from_pandas=True)  # (NaN and NA as nulls)
    except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
        return None
    if not (pa.types.is_integer(array.type) or array.type == pa.float64()):  # (float32's text is its own)
        return None
    floating = pa.types.is_floating(array.type)
    text = _floats_text(values.to_numpy(dtype=np.float64, na_value=np.nan), array) if floating else pc.cast(
        array, pa.string())
    return pd.Series(text.to_pandas(types_mapper={pa.string(): pd.StringDtype("pyarrow")}.get).array,
                     index=values.index)


def _floats_text(floats: np.ndarray, array: pa.Array) -> pa.Array:
    """:func:`number_text` of floats (``array`` in Arrow): integers where all are whole, else Arrow's text kept
    where it is Python's and ``str`` elsewhere."""
    present = ~np.isnan(floats)
    with np.errstate(invalid="ignore"):  # (inf has no remainder)
        whole = present & (np.mod(floats, 1, where=present, out=np.zeros_like(floats)) == 0)
    whole &= np.abs(floats, where=present, out=np.full_like(floats, np.inf)) < WHOLE_UP_TO
    if (whole == present).all():
        return pc.cast(pc.cast(array, pa.int64()), pa.string())
    text = pc.cast(array, pa.string())
    size = np.abs(floats, where=present, out=np.zeros_like(floats))
    other = present & (whole | (size < SAME_FLOAT_TEXT[0]) | (size >= SAME_FLOAT_TEXT[1]))
    if not other.any():
        return text
    written = pa.array([str(x) for x in floats[other].tolist()], pa.string())
    return pc.replace_with_mask(text, pa.array(other), written)


def composed(text: pa.Array) -> pa.Array:
    """Text in Unicode's composed form (NFC). "é" written as an e and a combining accent, as macOS writes file
    names and some exports write names, is the same text as the one character: as an actor or an id it was a
    second entity beside the first. ASCII text is returned as it is (one pass, ~7 ms at a million values); other
    text is composed once per distinct value (composing a million values costs 0.4 s).

    >>> composed(pa.array(["Socie\u0301te\u0301", "Société", None])).to_pylist() == ["Société", "Société", None]
    True
    """
    text = contiguous(text)
    if len(text) == 0 or pc.all(pc.string_is_ascii(text)).as_py() is not False:
        return text
    encoded = text.dictionary_encode()
    return pc.take(pc.utf8_normalize(encoded.dictionary, form="NFC"), encoded.indices)
