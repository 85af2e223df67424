"""Names and titles holding a direction override (U+202E right-to-left, U+202D left-to-right): every screen shows
the text after one in reverse, so ``Invoice\u202eslx.exe`` reads as ``Invoiceexe.xls``, and two names that look
alike may differ. The text is kept as written (it is what the file holds, and a search finds it so); it is said,
with each name written out, its overrides marked, so that nobody is misled by what the window shows.

Embeddings and isolates (U+202A–U+202C, U+2066–U+2069), which right-to-left writing uses to place numbers and
Latin words among its letters, are not overrides and are not said.
"""

from __future__ import annotations

import re

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow
from viewer.model.problems import Problem

OVERRIDES = "\u202d\u202e"
_IN_UTF8 = re.compile(b"\xe2\x80[\xad\xae]")  # either override, as UTF-8 writes it
SHOWN = 3  # names written out in the message


def marked(text: str) -> str:
    """The text with its overrides written as their code points, as the message shows it.

    >>> marked("Invoice\u202eslx.exe")
    'Invoice<U+202E>slx.exe'
    """
    for mark in OVERRIDES:
        text = text.replace(mark, f"<U+{ord(mark):04X}>")
    return text


_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")  # embeddings, overrides and isolates


def shown(text: str) -> str:
    """The text as a panel that lays it out among other text shows it (Details: "Actors: A, B"): overrides written as
    their code points, and any other direction control kept inside an isolate (U+2068 … U+2069), so that it cannot
    run on into the text after it (an override left open in one actor's name turned the next name round too).

    >>> shown("Acme\u202e Ltd"), shown("Renault"), shown("\u202bNissan") == "\u2068\u202bNissan\u2069"
    ('Acme<U+202E> Ltd', 'Renault', True)
    """
    if not _CONTROLS.search(text):
        return text
    text = marked(text)
    return f"\u2068{text}\u2069" if _CONTROLS.search(text) else text


def said(values: pd.Series, label: str, field: str, rows: pd.Series | None = None, what: str = "name") -> list[Problem]:
    """One warning for the values of a column that hold an override (none when no value does), naming how many, the
    first few as written and, given ``rows``, the first one's row.

    >>> [p.message for p in said(pd.Series(["Acme", "Invoice\u202eslx.exe", None]), "entities.csv", "name")]
    ["1 name holds a direction override, which shows the text after it reversed: 'Invoice<U+202E>slx.exe'; kept as \
written"]
    """
    if values.empty or (not pd.api.types.is_string_dtype(values.dtype) and values.dtype != object):
        return []
    try:
        text = text_arrow.contiguous(pa.array(values, type=pa.string(), from_pandas=True))
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return []
    characters = text.buffers()[2]
    if characters is None or not _IN_UTF8.search(memoryview(characters)):  # (a scan of the bytes: 12 ms at 1M titles,
        return []  # where Arrow's match per value took 150 ms)
    found = pc.fill_null(pc.match_substring_regex(text, f"[{OVERRIDES}]"), False).to_numpy(zero_copy_only=False)
    count = int(found.sum())
    if not count:
        return []
    at = found.nonzero()[0]
    examples = ", ".join(repr(marked(str(values.iloc[i]))) for i in at[:SHOWN]) + (" …" if count > SHOWN else "")
    noun = what if count == 1 else f"{what}s"
    row = int(rows.iloc[at[0]]) if rows is not None else None
    return [Problem(label, f"{count} {noun} {'holds' if count == 1 else 'hold'} a direction override, which shows "
                           f"the text after it reversed: {examples}; kept as written", row, field, "warning")]
