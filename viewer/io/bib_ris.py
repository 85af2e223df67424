"""RIS files (``.ris``), as Zotero, Mendeley, EndNote and most databases export references: lines ``TAG  - value``
(two capitals or a capital and a digit, two spaces, a hyphen, a space; one space and trailing spaces are taken
too), a line without a tag continuing the value before it. A record starts with ``TY  - `` (its type) and ends with
``ER  - ``.

The authors are ``AU``/``A1``; the editors ``A2``/``ED``, with the series editors (``A3``) and other contributors
(``A4``, translators), who are not paired as co-authors. The title is ``TI``/``T1`` (else ``CT``/``BT``); the
container ``T2``/``JF``/``JO``/``JA``/``C3``/``J2`` (else ``BT`` when it is not the title). The date is ``DA``
(``2019/03/04/``; EndNote writes ``Mar 4`` there, the year in ``PY``), else ``PY``/``Y1`` (``2019``,
``2019/03/04/other``). Names written ``Lovelace, Ada`` are shown ``Ada Lovelace``; a name without a comma as
written, an organisation when it reads as one ("World Health Organization", "… Institute").
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

if TYPE_CHECKING:  # (a dict at run time: this module is imported by bibliography, never the other way)
    from viewer.io.bibliography import Parsed, Reference

EXPECTED = "a RIS file of references (TY  - JOUR, AU  - Lovelace, Ada, TI  - …, PY  - 2019, ER  - )"
TYPES = {"JOUR": "journal article", "EJOUR": "journal article", "JFULL": "journal", "BOOK": "book",
         "EBOOK": "book", "EDBOOK": "book", "CHAP": "book chapter", "ECHAP": "book chapter",
         "CONF": "conference paper", "CPAPER": "conference paper", "THES": "thesis", "RPRT": "report",
         "ELEC": "web page", "WEB": "web page", "ICOMM": "web page", "BLOG": "blog post",
         "NEWS": "newspaper article", "MGZN": "magazine article", "GEN": "generic", "PAT": "patent",
         "DATA": "dataset", "COMP": "software", "UNPB": "unpublished work", "MANSCPT": "manuscript"}
AUTHORS, EDITORS = ("AU", "A1"), ("A2", "ED", "A3", "A4")
TITLES = ("TI", "T1", "CT")
CONTAINERS = ("T2", "JF", "JO", "JA", "C3", "J2")
PARAGRAPHS = frozenset({"AB", "N2", "N1"})  # values whose continuation lines are new lines, not spaces
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_LINE = re.compile(r"([A-Z][A-Z0-9]) {1,2}- ?(.*)")
_HEAD = re.compile(rb"(?m)^(?:\xef\xbb\xbf)?[ \t]*TY {1,2}- ?[A-Za-z]")
_INSTITUTION = re.compile(
    r"\b(?:organi[sz]ation|institut\w*|universit\w*|association|society|council|agency|committee|commission|"
    r"consortium|collaboration|department|ministry|bureau|office|foundation|cent(?:er|re)|group|board|network|"
    r"corporation|company|inc|ltd|gmbh|bank|trust|union|federation|nations|academy|laborator\w*|service|"
    r"programme|program|project|team|authority|government|initiative|alliance|party|press)\b", re.IGNORECASE)


def looks_like(head: bytes) -> bool:
    """A RIS file: a line starting ``TY  - `` among the first bytes (64 KB).

    >>> looks_like(b"\\xef\\xbb\\xbfTY  - JOUR\\r\\nAU  - Lovelace, Ada\\r\\n"), looks_like(b"type - x")
    (True, False)
    """
    return _HEAD.search(head) is not None


@dataclass
class _Record:
    line: int
    type: str
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


@dataclass
class _Lines:
    """What was met beside the records: stray lines (outside any record) and records with no ER line."""

    stray: int = 0
    first_stray: int = 0
    unclosed: int = 0
    first_unclosed: int = 0


def parse(text: str, label: str) -> Parsed:
    """The references of a RIS text (line ends ``\\n``), in file order, and what could not be read."""
    records, lines = _records(text)
    if not records:
        raise LoadError(f"{label}: no RIS record (a line TY  - … starting one); expected {EXPECTED}")
    problems: list[Problem] = []
    if lines.unclosed:
        problems.append(Problem(label, f"{counted(lines.unclosed, 'record')} not closed by an ER  - line, the first "
                                f"starting at line {lines.first_unclosed}: read up to the next TY line or the end",
                                lines.first_unclosed, "ER", "info"))
    if lines.stray:
        problems.append(Problem(label, f"{counted(lines.stray, 'line')} outside any record (after an ER  - line, "
                                f"before the next TY  - ), the first at line {lines.first_stray}: skipped; expected "
                                "TAG  - value", lines.first_stray, None, "warning"))
    return ([_reference(r) for r in records], problems)


def _records(text: str) -> tuple[list[_Record], _Lines]:
    """The records of the text, each tag's values in order; a line without a tag continues the last value."""
    records: list[_Record] = []
    lines = _Lines()
    current: _Record | None = None
    last = ""
    for number, line in enumerate(text.split("\n"), start=1):
        found = _LINE.fullmatch(line.rstrip())
        if found:
            tag, value = found.group(1), found.group(2).strip()
            if tag == "TY":
                if current is not None:
                    lines.unclosed += 1
                    lines.first_unclosed = lines.first_unclosed or current.line
                current = _Record(number, value)
                records.append(current)
            elif tag == "ER":
                current = None
            elif current is not None:
                current.fields[tag].append(value)
            elif records:  # (lines before the first record are a header: "Provider: Elsevier")
                lines.stray += 1
                lines.first_stray = lines.first_stray or number
            last = tag
        elif line.strip():
            if current is not None and current.fields.get(last):
                joint = "\n" if last in PARAGRAPHS else " "
                current.fields[last][-1] = f"{current.fields[last][-1]}{joint}{line.strip()}".strip()
            elif records:
                lines.stray += 1
                lines.first_stray = lines.first_stray or number
    if current is not None:
        lines.unclosed += 1
        lines.first_unclosed = lines.first_unclosed or current.line
    return records, lines


def first_value(fields: Mapping[str, list[str]], *tags: str) -> str:
    """The first value written of the first of the tags a record has (its values by tag, in order)."""
    for tag in tags:
        for value in fields.get(tag, ()):
            if value.strip():
                return value.strip()
    return ""


def _reference(record: _Record) -> Reference:
    fields = record.fields

    def first(*tags: str) -> str:
        return first_value(fields, *tags)

    title = first(*TITLES)
    container = first(*CONTAINERS)
    if not title:
        title = first("BT")
    elif not container:
        container = first("BT")
    kind = record.type.strip().upper()
    authors = [shown_name(v) for t in AUTHORS for v in fields.get(t, ()) if v.strip()]
    editors = [shown_name(v) for t in EDITORS for v in fields.get(t, ()) if v.strip()]
    return {"row": record.line, "key": first("ID"), "type": TYPES.get(kind, kind), "title": title,
            "authors": authors, "editors": editors,
            "organisations": [shown_name(v) for t in AUTHORS + EDITORS for v in fields.get(t, ())
                              if "," not in v and _INSTITUTION.search(v)],
            "container": container, "volume": first("VL"), "issue": first("IS"),
            "pages": _pages(first("SP"), first("EP")), "publisher": first("PB"),
            "abstract": first("AB", "N2"),
            "keywords": [k.strip() for v in fields.get("KW", ()) for k in re.split(r"[;\n]", v) if k.strip()],
            "doi": first("DO"), "url": _url(record), "dates": _dates(record)}


def _pages(first: str, last: str) -> str:
    """SP and EP as one range ("101-120"); SP alone when it is a range already or EP repeats it."""
    return f"{first}-{last}" if first and last and last != first and "-" not in first else first or last


def _url(record: _Record) -> str:
    """The first web address among UR, L2 and L1 (not a local file's)."""
    for tag in ("UR", "L2", "L1"):
        for value in record.fields.get(tag, ()):
            for word in value.split():
                if word.lower().startswith(("http://", "https://")):
                    return word.rstrip(";,")
    return ""


def _dates(record: _Record) -> list[tuple[str, str]]:
    """DA, else PY, else Y1: the first that can be read is the date. A DA without its year (EndNote writes
    ``Mar 4`` there, the year in PY) is tried first with PY's year.

    >>> _dates(_Record(1, "JOUR", {"DA": ["Mar 4"], "PY": ["2019"]}))
    [('DA', 'Mar 4 2019'), ('DA', 'Mar 4'), ('PY', '2019'), ('Y1', '')]
    """
    written = [(tag, first_value(record.fields, tag)) for tag in ("DA", "PY", "Y1")]
    day, year = written[0][1], _YEAR.search(written[1][1] or written[2][1])
    if day and year and not _YEAR.search(day):
        return [("DA", f"{day} {year.group(1)}"), *written]
    return written


def shown_name(written: str) -> str:
    """A name as shown: ``Lovelace, Ada`` → Ada Lovelace, ``Lovelace, Ada, Jr.`` → Ada Lovelace Jr.; without a
    comma as written.

    >>> shown_name("Lovelace, Ada"), shown_name("Lovelace, A."), shown_name("World Health Organization")
    ('Ada Lovelace', 'A. Lovelace', 'World Health Organization')
    """
    parts = [" ".join(p.split()) for p in written.split(",")]
    if len(parts) >= 2 and parts[0] and parts[1]:
        return " ".join([parts[1], parts[0], *(p for p in parts[2:] if p)])
    return " ".join(p for p in parts if p)
