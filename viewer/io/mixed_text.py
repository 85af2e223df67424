"""UTF-8 text with a few lines in Windows-1252: files joined from two exports (``cat`` of a UTF-8 CSV and an Excel
one), or a UTF-8 file a Windows editor added a line to. Read whole in one legacy code page, every accent of the
UTF-8 lines came out wrong (``Rรฉunion`` for Réunion: the bytes of é read as Thai) to mend one line; here the UTF-8
lines are read as UTF-8 and only the bytes that are no UTF-8 as Windows-1252, and those lines are named.

A text is taken for mostly UTF-8 when, of the bytes above ASCII in its lines that hold any, at least
:data:`UTF8_SHARE` form UTF-8 characters. Text in a legacy page reads as UTF-8 only by chance: French or German in
Windows-1252 writes an accent between plain letters, which no UTF-8 character does; Shift-JIS or GBK pairs form a
UTF-8 character now and then, and far more bytes that form none.
"""

from __future__ import annotations

import codecs
import re
import threading

import numpy as np

UTF8_SHARE = 0.8  # of the bytes above ASCII that form UTF-8 characters, for a text to read as UTF-8 with slips
NAMED_LINES = 5  # lines named in the note; the others counted
_UTF8 = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
                   rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
                   rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}")
_HIGH = re.compile(rb"[\x80-\xff]")
_UNDEFINED_IN_1252 = frozenset(b"\x81\x8d\x8f\x90\x9d")  # (read as Latin-1 reads them: the same code point)
_slips = threading.local()


def mostly_utf8(sample: bytes) -> bool:
    """Whether these bytes (the lines of a text that hold a byte above ASCII) are UTF-8 with some slips."""
    high = len(_HIGH.findall(sample))
    utf8 = sum(len(found) for found in _UTF8.findall(sample))
    return high > 0 and utf8 >= UTF8_SHARE * high


def _western(error: UnicodeError) -> tuple[str, int]:
    """The codec error handler: the bytes that are no UTF-8 read as Windows-1252, their place noted."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    _slips.offsets.append(error.start)
    bad = error.object[error.start:error.end]
    return "".join(chr(b) if b in _UNDEFINED_IN_1252 else bytes([b]).decode("cp1252") for b in bad), error.end


codecs.register_error("entente-western", _western)


def decoded(data: bytes) -> tuple[str, str]:
    """The text read as UTF-8, the bytes that are none as Windows-1252, and the note that says which lines those
    are (lines counted from 1, as an editor counts them)."""
    _slips.offsets = []
    try:
        text = data.decode("utf-8-sig", errors="entente-western")
        offsets = np.asarray(_slips.offsets, dtype=np.int64)
    finally:
        del _slips.offsets
    breaks = np.flatnonzero(np.frombuffer(data, dtype=np.uint8) == ord("\n"))
    lines = np.unique(np.searchsorted(breaks, offsets) + 1).tolist()
    named = ", ".join(map(str, lines[:NAMED_LINES])) + (f" and {len(lines) - NAMED_LINES} more"
                                                        if len(lines) > NAMED_LINES else "")
    which = f"line {named} is" if len(lines) == 1 else f"lines {named} are"
    return text, f"read as UTF-8, but {which} in Windows-1252 (read so, the rest as UTF-8)"
