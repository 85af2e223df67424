"""Footnote marks after a value, as Wikipedia's tables write them and copying them keeps them: ``March 3, 1999[2]``,
``$90 billion[3]``, ``2019[a]``, ``12 May 2020[note 1]``, ``1850[citation needed]``. Dates and numbers are read
without them (before, the row's date was skipped and the number left empty). Only a mark after something, and only
one of these forms: brackets that are content (``[1850]``, a cataloguer's date; ``[unclear]``) stay. Never Qt.
"""

from __future__ import annotations

import pyarrow as pa
import pyarrow.compute as pc

# the marks: a number, a letter (and a small Roman numeral: Wikipedia's lower-alpha and lower-roman notes), "note 1",
# "nb 1", "n 1", and the tags an editor puts after a doubtful fact
_MARK = (r"\[\s*(?:\d{1,3}|[a-z]|[ivx]{2,4}|(?:note|nb|n)\s*\d{1,3}|citation needed|clarification needed"
         r"|verification needed|failed verification|better source needed|dubious(?:\s*[–-]\s*discuss)?|when\?"
         r"|who\?|which\?|by whom\?)\s*\]")
FOOTNOTED = rf"(?i)\S\s*(?:{_MARK})+\s*$"
# (pattern, replacement) for pyarrow.compute.replace_substring_regex: the marks at the end gone
REWRITE = (rf"(?i)(\S)\s*(?:{_MARK})+\s*$", r"\1")


def without(text: pa.Array) -> pa.Array:
    """The values without footnote marks at their end (the others as they are).

    >>> without(pa.array(["March 3, 1999[2]", "$90 billion[3][4]", "2019[a]", "12 May 2020[note 1]", "[1850]",
    ...                   "1850 [unclear]", None])).to_pylist()
    ['March 3, 1999', '$90 billion', '2019', '12 May 2020', '[1850]', '1850 [unclear]', None]
    """
    return pc.replace_substring_regex(text, *REWRITE)


def any_in(text: pa.Array) -> bool:
    """Whether some value ends in a footnote mark."""
    return bool(pc.any(pc.match_substring_regex(text, FOOTNOTED)).as_py())
