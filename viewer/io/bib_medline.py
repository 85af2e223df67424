"""PubMed's own format (MEDLINE), as PubMed saves a search ("Save → PubMed format", a ``.txt``) and sends it to a
citation manager (``.nbib``): lines ``TAG - value``, the tag up to four capitals padded to four, a line of six spaces
continuing the value before it; a record starts with ``PMID-`` and records are apart by a blank line.

The authors are ``FAU`` (``Lovelace, Ada``, else ``AU``'s ``Lovelace A``) and the group authors ``CN``
(organisations); the editors ``FED``/``ED``. The title is ``TI`` (a book's ``BTI`` when there is none), the journal
``JT`` (else ``TA``, its abbreviation; a chapter's book ``BTI``); the full stop PubMed ends every title with is
left out. The date is ``DP`` (``2019 Mar 5``, ``2019 Spring``,
``2018 Dec-2019 Jan``), else the electronic publication's ``DEP`` (``20190305``), else the date the record entered
PubMed, ``EDAT`` (``2019/03/05 06:00``). The type is the most telling ``PT`` (a review, a randomized controlled trial,
a letter …; a journal article otherwise, funding lines never); the keywords are the MeSH headings (``MH``, without
their subheadings and stars) and the author's own (``OT``); the DOI is the ``LID``/``AID`` marked ``[doi]``; the
source link is the record's page on PubMed.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from viewer.io.bib_ris import first_value, shown_name
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

if TYPE_CHECKING:  # (a dict at run time: this module is imported by bibliography, never the other way)
    from viewer.io.bibliography import Parsed, Reference

EXPECTED = "PubMed's format (MEDLINE: PMID- 30455678, TI  - …, FAU - Lovelace, Ada, DP  - 2019 Mar 5, …)"
SUFFIXES = (".nbib",)
_LINE = re.compile(r"([A-Z][A-Z0-9]{1,3}) {0,2}- ?(.*)")
_HEAD = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*PMID- ?\d")
_PAGE = "https://pubmed.ncbi.nlm.nih.gov/{}/"
# publication types that say less than the others a record has: funding, and the plain article
_GENERIC = re.compile(r"(?i)^(?:journal article|research support\b.*|english abstract|comparative study)$")


def looks_like(head: bytes) -> bool:
    """A MEDLINE file: its first line (after blank ones) starts ``PMID-`` and a number.

    >>> looks_like(b"\\nPMID- 30455678\\nOWN - NLM\\n"), looks_like(b"PMID,Title\\n1,x\\n")
    (True, False)
    """
    return _HEAD.match(head) is not None


@dataclass
class _Record:
    line: int
    fields: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


def parse(text: str, label: str) -> Parsed:
    """The references of a MEDLINE text (line ends ``\\n``), in file order, and what could not be read."""
    records: list[_Record] = []
    stray, first_stray = 0, 0
    current: _Record | None = None
    last = ""
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            current = None  # a blank line ends a record
            continue
        indented = line[:1] in (" ", "\t")
        found = None if indented else _LINE.fullmatch(line.rstrip())
        if found:
            tag, value = found.group(1), found.group(2).strip()
            if tag == "PMID":
                current = _Record(number)
                records.append(current)
            if current is not None:
                current.fields[tag].append(value)
                last = tag
                continue
        elif indented and current is not None and current.fields.get(last):  # a continuation: six spaces, the rest
            current.fields[last][-1] = f"{current.fields[last][-1]} {line.strip()}".strip()
            continue
        stray += 1
        first_stray = first_stray or number
    if not records:
        raise LoadError(f"{label}: no PubMed record (a line PMID- … starting one); expected {EXPECTED}")
    problems = []
    if stray:
        problems.append(Problem(label, f"{counted(stray, 'line')} neither a TAG - value line nor a continuation of "
                                f"one (six spaces first), the first at line {first_stray}: skipped; expected "
                                f"{EXPECTED}", first_stray, None, "warning"))
    return [_reference(r) for r in records], problems


def _reference(record: _Record) -> Reference:
    fields = record.fields

    def first(*tags: str) -> str:
        return first_value(fields, *tags)

    pmid = first("PMID")
    title = first("TI", "BTI")
    title = title[:-1] if title.endswith(".") and not title.endswith("..") else title
    container = first("JT", "TA") or (first("BTI") if fields.get("TI") else "")
    authors = [shown_name(v) for v in fields.get("FAU") or fields.get("AU", []) if v.strip()]
    groups = [" ".join(v.split()) for v in fields.get("CN", []) if v.strip()]
    editors = [shown_name(v) for v in fields.get("FED") or fields.get("ED", []) if v.strip()]
    headings = [v.lstrip("*").split("/")[0].strip() for v in fields.get("MH", [])]
    keywords = list(dict.fromkeys(k for k in [*headings, *fields.get("OT", [])] if k))
    return {"row": record.line, "key": f"PMID {pmid}" if pmid else "", "type": _type(fields.get("PT", [])),
            "title": title, "authors": [*authors, *groups], "editors": editors, "organisations": groups,
            "container": container, "volume": first("VI"), "issue": first("IP"),
            "pages": first("PG"), "publisher": first("PB"), "abstract": first("AB"),
            "keywords": keywords, "doi": _doi(record), "url": _PAGE.format(pmid) if pmid.isdigit() else "",
            "dates": _dates(record)}


def _type(written: list[str]) -> str:
    """The most telling publication type: the first that says more than "Journal Article" or who paid for it.

    >>> _type(["Journal Article", "Research Support, N.I.H., Extramural", "Review"]), _type(["Journal Article"])
    ('review', 'journal article')
    """
    kinds = [" ".join(k.split()) for k in written if k.strip()]
    telling = [k for k in kinds if not _GENERIC.match(k)]
    return (telling[0] if telling else kinds[0] if kinds else "journal article").lower()


def _doi(record: _Record) -> str:
    """The DOI among the article's ids (``10.1038/x [doi]``), the LID first."""
    for tag in ("LID", "AID"):
        for value in record.fields.get(tag, ()):
            if value.rstrip().endswith("[doi]"):
                return value.rstrip()[: -len("[doi]")].strip()
    return ""


def _dates(record: _Record) -> list[tuple[str, str]]:
    """DP, then DEP and EDAT written as the bibliography reads dates (``2019-03-05``).

    >>> _dates(_Record(1, {"DP": ["2019 Spring"], "DEP": ["20190305"], "EDAT": ["2019/03/06 06:00"]}))
    [('DP', '2019 Spring'), ('DEP', '2019-03-05'), ('EDAT', '2019-03-06')]
    """
    electronic = first_value(record.fields, "DEP")
    entered = first_value(record.fields, "EDAT")[:10]
    return [("DP", first_value(record.fields, "DP")),
            ("DEP", f"{electronic[:4]}-{electronic[4:6]}-{electronic[6:8]}" if re.fullmatch(r"\d{8}", electronic)
             else electronic),
            ("EDAT", entered.replace("/", "-") if re.fullmatch(r"\d{4}/\d{2}/\d{2}", entered) else entered)]
