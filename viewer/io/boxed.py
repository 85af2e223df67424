"""Tables drawn in boxes, as terminals print them and people save or paste them: the mysql client's and
prettytable's (``+----+`` rules, ``|`` between cells), tabulate's grid, DuckDB's command line (``┌───┬───┐``,
``│``). They were refused: no delimiter split them alike, and the rules read as the header.

:func:`framed` tells one by its first lines (a rule, then rows between bars); :func:`unframed` blanks its rules
(their lines stay, so each row keeps its line in the file) and makes each row's cells one ``|``-delimited record,
which the delimited reader then reads. A type row under the header (DuckDB's ``int32``, ``varchar``) is left out.
Never Qt.
"""

from __future__ import annotations

import re

BARS = "|│┃║"
SAID = "a table drawn in a box (as a terminal prints one): read from its rows between bars"
_CORNERS = "+┌╔╒╭"
# a rule: bars, crosses, dashes, equals and the box-drawing characters, and nothing else
_RULE = re.compile(r"\s*[-+|=:─━═┄┈┌┬┐├┼┤└┴┘╞╪╡╒╤╕╘╧╛╔╦╗╠╬╣╚╩╝╟╫╢╭╮╯╰│┃║]{3,}\s*")
# what a SQL client prints under a result ("(3 rows affected)", "3 rows in set (0.00 sec)", "3 rows selected."): no
# row (blanked here, left out of a table lined up with spaces)
FOOTER = re.compile(r"\s*\(?\d[\d,]*\s+rows?\b.*", re.IGNORECASE)
_SPLIT = re.compile(r"\s*[|│┃║]\s*")
# DuckDB prints each column's type under its name
_TYPES = re.compile(r"(?:int(?:8|16|32|64|128)?|u?(?:tiny|small|big|huge)?int|double|float|decimal\(\d+,\d+\)|"
                    r"varchar|text|blob|boolean|bool|date|time|timestamp(?: with time zone)?|interval|uuid|json|"
                    r"[a-z]+\[\]|struct\(.*\)|map\(.*\))", re.IGNORECASE)


def framed(head: str) -> bool:
    """Whether a text opens with a table drawn in a box: its first line a rule with a corner, rows between bars."""
    lines = [line.strip() for line in head.splitlines()[:50] if line.strip()]
    if not lines or not _RULE.fullmatch(lines[0]) or lines[0][:1] not in _CORNERS:
        return False
    return sum(1 for line in lines if line[:1] in BARS and line[-1:] in BARS) >= 2


def _cells(line: str) -> list[str]:
    return _SPLIT.split(line.strip().strip(BARS).strip())


def unframed(text: str) -> tuple[str, int]:
    """The text with its rules blank and each row between bars written ``a|b|c`` (other lines as they were), its
    first rules taken off, and how many were."""
    out: list[str] = []
    rows = 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and ((_RULE.fullmatch(stripped) and not any(ch.isalnum() for ch in stripped))
                         or FOOTER.fullmatch(stripped)):
            out.append("")
        elif stripped[:1] in BARS and stripped[-1:] in BARS and len(stripped) > 1:
            cells = _cells(stripped)
            rows += 1
            typed = rows == 2 and all(_TYPES.fullmatch(cell) for cell in cells if cell)
            out.append("" if typed else "|".join(cells))  # (DuckDB's row of types under the names: left out)
        else:
            out.append(line)
    top = next((k for k, line in enumerate(out) if line.strip()), 0)
    return "\n".join(out[top:]), top
