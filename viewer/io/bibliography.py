"""Bibliographies as reference managers (Zotero, Mendeley, EndNote, JabRef) export them: RIS (``.ris``, read by
:mod:`bib_ris`), BibTeX (``.bib``, :mod:`bib_bibtex`, with pybtex) and CSL-JSON (the list of items Zotero's "Export
→ CSL JSON" writes, :mod:`bib_csl`), and PubMed's own format (``.nbib`` or a saved ``.txt``, :mod:`bib_medline`).
Each parses its format into :class:`Reference` records, fields as written (its markup cleaned, its names shown); this
module reads their dates, DOIs and pages and makes the dataset, the same for all four.

Each reference with a date is an event at that date, at the precision written (a year, a month or a day): its
title, its authors as the actors, its type in plain words as the category (journal article, book chapter …), its
abstract as the description, its DOI link (else its URL) as the source; the container (journal, book,
proceedings), volume, issue, pages, publisher, editors, keywords, DOI and citation key are attributes, and the date
as written when it was not written plainly. Authors and editors are people ("Ada Lovelace", ``person:ada-lovelace``)
or organisations (``{World Health Organization}``, a CSL ``literal``); containers are journals (``journal:nature``).
The relationship panel shows, as of the cursor, who had written with whom (``co_author``, from their first joint
reference on, valued at how many they share) and who had published where (``published_in``); a reference of more
than 25 authors pairs none (1,000 authors would make half a million ties). Undated references, dates that cannot be
read and what a parser read past are counted and said once.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple, TypedDict

import numpy as np
import pandas as pd

from viewer.io import bib_bibtex, bib_csl, bib_medline, bib_ris, free_memory
from viewer.io.bib_ties import MOST_AUTHORS, RELATION_COLUMNS, Ties
from viewer.io.reading import read_document, read_json
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = ("a bibliography from a reference manager (Zotero, Mendeley, EndNote, JabRef): RIS (TY  - JOUR … "
            "ER  - ), BibTeX (@article{key, author = …, year = …}), CSL-JSON (a list of items with type, title, "
            "author and issued) or PubMed's format (PMID- 30455678, TI  - …)")
SUFFIXES = (".ris", ".bib", ".bibtex", *bib_medline.SUFFIXES)
PEAK_PER_BYTE = 18  # memory at a read's peak per byte (measured on 8 and 15 MB: 10.1 to 11.7 traced, 14 to 17 RSS)
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "source_url", "attr:container",
                 "attr:volume", "attr:issue", "attr:pages", "attr:publisher", "attr:editors", "attr:keywords",
                 "attr:doi", "attr:key", "attr:date_as_written"]
TYPES = {"events": {"container": "category", "publisher": "category", "volume": "text", "issue": "text",
                    "pages": "text", "editors": "text", "keywords": "text", "doi": "text", "key": "text",
                    "date_as_written": "text"}}
DATE_EXAMPLES = "a date such as 2019, 2019-03-04, 2019/03/04/ or March 2019"
MONTHS = {name: number for number, names in enumerate(
    (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",), ("jun", "june"),
     ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
     ("dec", "december")), start=1) for name in names}
_PARTS = re.compile(r"(\d{4})(?:[-/](\d{1,2})?(?:[-/](\d{1,2})?(?:/(.*))?)?)?")  # ISO; RIS 2019/03/04/, 2019///
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_WORD = re.compile(r"[a-z]+")
_LETTERS = str.maketrans({"ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ł": "l",
                          "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D", "þ": "th", "Þ": "TH", "ı": "i"})


class Reference(TypedDict):
    """One record of a bibliography as its parser read it: texts cleaned of their markup and names as shown, the
    rest as written. (A dict: the parsers name this type for checking only, so none of them imports this module.)"""

    row: int  # the line the record starts on (a CSL-JSON item: its position), from 1
    key: str  # the citation key, RIS ID or CSL id
    type: str  # in plain words where the parser knows it ("journal article"), else as written ("legal_case")
    title: str
    authors: list[str]  # as shown: "Ada Lovelace"
    editors: list[str]
    organisations: list[str]  # those of the authors and editors that are organisations
    container: str
    volume: str
    issue: str
    pages: str  # "101--120", "101-120"
    publisher: str
    abstract: str
    keywords: list[str]
    doi: str  # with or without its resolver
    url: str
    dates: list[tuple[str, str]]  # (field, text) in the order tried: the first that can be read is the date


Parsed = tuple[list[Reference], list[Problem]]  # what a parser read: the references in file order, its problems


class Dated(NamedTuple):
    """A date read as ISO text at its precision ("2019-03"), and whether it was written plainly (ISO, RIS's own)."""

    iso: str
    plain: bool


class When(NamedTuple):
    """A reference's date (ISO; "" when none is read), as written when not plainly or not read, and its field."""

    iso: str
    written: str
    field: str


def looks_like(head: bytes) -> bool:
    """Whether a file's first bytes (64 KB) hold a RIS record (``TY  - ``), a BibTeX entry (``@article{``) or start
    PubMed's format (``PMID- ``)."""
    return bib_ris.looks_like(head) or bib_bibtex.looks_like(head) or bib_medline.looks_like(head)


looks_like_csl = bib_csl.looks_like  # whether a parsed JSON document is CSL-JSON (a list of items of CSL types)


def read(path: str | Path, document: object = None, **_options: object) -> Dataset:
    """Read a RIS, BibTeX or CSL-JSON bibliography into references, their authors and journals, and their ties:
    by the suffix, else by what the file holds (``document``: the JSON, when the caller has parsed it)."""
    path = Path(path)
    if document is not None or path.suffix.lower() == ".json":
        return read_csl(path, document)
    data = read_document(path, EXPECTED)
    suffix, head = path.suffix.lower(), data[:65_536]
    medline = suffix in bib_medline.SUFFIXES or (suffix not in SUFFIXES and bib_medline.looks_like(head))
    ris = suffix == ".ris" or (suffix not in SUFFIXES and not medline and bib_ris.looks_like(head))
    if not (ris or medline) and suffix not in SUFFIXES and not bib_bibtex.looks_like(head):
        if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{"):
            return read_csl(path)
        raise LoadError(f"{path}: no RIS record, BibTeX entry or PubMed record (it starts {head.lstrip()[:40]!r}); "
                        f"expected {EXPECTED}")
    free_memory.check(path, len(data), per_byte=PEAK_PER_BYTE)
    text, problems = decode(data, str(path))
    del data  # the text holds it now
    parser = bib_medline if medline else bib_ris if ris else bib_bibtex
    references, more = parser.parse(text, str(path))
    return dataset(path, references, [*problems, *more], parser.EXPECTED)


def read_csl(path: str | Path, document: object = None, **_options: object) -> Dataset:
    """Read a CSL-JSON bibliography (``document``: its JSON, already parsed; else the file is read)."""
    path = Path(path)
    if document is None:
        free_memory.check(path, path.stat().st_size if path.is_file() else 0, per_byte=PEAK_PER_BYTE)
        document = read_json(path, bib_csl.EXPECTED)
    return dataset(path, *bib_csl.parse(document, str(path)), bib_csl.EXPECTED, "item")


def decode(data: bytes, label: str) -> tuple[str, list[Problem]]:
    """A file's text: UTF-8 (with or without a byte order mark), UTF-16 with its mark, else Windows-1252 (as
    older EndNote and Mendeley exports are written), said; line ends made ``\\n``."""
    problems: list[Problem] = []
    try:
        text = data.decode("utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig")
    except UnicodeDecodeError as exc:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(label, f"not UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start}); read as "
                                "Windows-1252 (Western European)", None, None, "info"))
    return text.replace("\r\n", "\n").replace("\r", "\n"), problems


def read_date(written: str) -> Dated | None:
    """A date as written in a bibliography, read: ISO, RIS's slashes, a month's name with a year, else a year
    alone (a season, "c. 1850", "2019a"); None when nothing can be read as a date.

    >>> read_date("2019/03/04/"), read_date("2019///"), read_date("2019-03")
    (Dated(iso='2019-03-04', plain=True), Dated(iso='2019', plain=True), Dated(iso='2019-03', plain=True))
    >>> read_date("March 4, 2019"), read_date("2019 Mar"), read_date("Spring 2019"), read_date("in press")
    (Dated(iso='2019-03-04', plain=False), Dated(iso='2019-03', plain=False), Dated(iso='2019', plain=False), None)
    """
    text = written.strip()
    found = _PARTS.fullmatch(text)
    if found:  # what follows RIS's date in its own field ("2019/03/04/Spring") is not plain
        year, month, day, rest = found.groups()
        return iso_date(year, month, day, not (rest or "").strip())
    head = _PARTS.fullmatch(text.split("/")[0].split("T")[0])  # a range (biblatex 2019-03-04/2019-03-06), a time
    if head:
        return iso_date(head[1], head[2], head[3], False)
    years = _YEAR.findall(text)
    if not years:
        return None
    months = [MONTHS[w] for w in _WORD.findall(text.lower()) if w in MONTHS]
    days = re.findall(r"(?<!\d)(\d{1,2})(?!\d)", text) if months else []
    return iso_date(years[0], months[0] if months else None, days[0] if len(days) == 1 else None, False)


def iso_date(year: str | int, month: str | int | None, day: str | int | None, plain: bool = True) -> Dated | None:
    """The date of its parts as ISO text at its precision (a month or day of 0 is not given); None when they
    make no date (month 13, 30 February).

    >>> iso_date("2019", "3", "04"), iso_date(2019, 0, 0), iso_date("2019", "2", "30")
    (Dated(iso='2019-03-04', plain=True), Dated(iso='2019', plain=True), None)
    """
    try:
        numbers = [int(str(part).strip()) if part not in (None, "") else 0 for part in (year, month, day)]
        numbers[2] = numbers[2] if numbers[1] else 0
        dt.date(numbers[0], numbers[1] or 1, numbers[2] or 1)
    except ValueError:
        return None
    return Dated(f"{numbers[0]:04d}" + "".join(f"-{n:02d}" for n in numbers[1:] if n), plain)


def when(reference: Reference) -> When:
    """The first of the reference's dates that can be read; else the first written (not read), or none."""
    written = [(where, text.strip()) for where, text in reference["dates"] if text.strip()]
    for where, text in written:
        found = read_date(text)
        if found is not None:
            return When(found.iso, "" if found.plain else text, where)
    looked = "/".join(where for where, _text in reference["dates"])
    return When("", written[0][1], written[0][0]) if written else When("", "", looked)


def clean_doi(written: str) -> str:
    """A DOI without the resolver or ``doi:`` before it.

    >>> clean_doi("https://doi.org/10.1000/xyz"), clean_doi("doi: 10.1000/xyz")
    ('10.1000/xyz', '10.1000/xyz')
    """
    return re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", written.strip(), flags=re.IGNORECASE).strip()


def page_range(written: str) -> str:
    """Pages as a range with an en dash.

    >>> page_range("1109--1112"), page_range("1109 - 1112"), page_range("e0123")
    ('1109–1112', '1109–1112', 'e0123')
    """
    return re.sub(r"\s*(?:-{1,3}|–|—)\s*", "–", written.strip())


def plain_type(written: str) -> str:
    """A type in plain words: lower case, underscores and hyphens as spaces (``legal_case`` → legal case)."""
    return " ".join(re.sub(r"[_-]+", " ", written.strip().lower()).split())


@functools.lru_cache(maxsize=1 << 16)  # a name is met again in each of its references
def slug(text: str) -> str:
    """A stable id part of a name: lower case, accents dropped, anything else than letters and digits a hyphen.

    >>> slug("Ada Lovelace"), slug("José  García-Márquez"), slug("Søren Ødegård"), slug("World Health Organization")
    ('ada-lovelace', 'jose-garcia-marquez', 'soren-odegard', 'world-health-organization')
    """
    folded = "".join(c for c in unicodedata.normalize("NFKD", text.translate(_LETTERS))
                     if not unicodedata.combining(c)).lower()
    return re.sub(r"[\W_]+", "-", folded).strip("-") or "x" + hashlib.sha1(text.encode()).hexdigest()[:10]


@dataclass
class _Built:
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    entity_lines: dict[str, int] = field(default_factory=dict)
    ties: Ties = field(default_factory=Ties)


def dataset(path: Path, references: list[Reference], problems: list[Problem], expected: str,
            place: str = "line") -> Dataset:
    """The dataset of the references read from ``path``: events, people and journals, and their ties (``place``:
    what a reference's row is, a line of the file or an item of a list; each parser refuses a file without any)."""
    label = str(path)
    whens = [when(r) for r in references]
    dated = [(r, w) for r, w in zip(references, whens, strict=True) if w.iso]
    problems = [*problems, *_dates_said(label, references, whens, place)]
    if not dated:
        said = next((f", the first {w.written!r} at {place} {r['row']}" for r, w in zip(references, whens,
                                                                                        strict=True) if w.written), "")
        raise LoadError(f"{path}: {counted(len(references), 'reference')} but none has a date that can be read"
                        f"{said}; expected {expected} with dates ({DATE_EXAMPLES})", problems)
    ids = _event_ids(references, label, problems, place)
    got = _Built()
    events = [_event(r, w, ids[id(r)], got) for r, w in dated]
    for reference, at in sorted(dated, key=lambda pair: (pair[1].iso, pair[0]["row"])):  # the first joint one first
        _ties_of(reference, at.iso, got)
    if got.ties.crowded:
        most, line = max(got.ties.crowded)
        problems.append(Problem(label, f"{counted(len(got.ties.crowded), 'reference')} with more than {MOST_AUTHORS} "
                                f"authors (the most {most:,}, at {place} {line}): their authors are not paired as "
                                "co-authors (a 1,000-author paper would make half a million ties); their "
                                "published_in ties are kept", line, "author", "info"))
    frame = pd.DataFrame(events, columns=EVENT_COLUMNS, dtype=object)
    frame = frame.drop(columns=[c for c in EVENT_COLUMNS if c.startswith("attr:") and not (frame[c] != "").any()])
    relations, lines = got.ties.relations()
    rows = {"events": [r["row"] for r, _w in dated], "entities": list(got.entity_lines.values()), "relations": lines}
    tables = Tables(frame, pd.DataFrame(list(got.entities.values()), columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=RELATION_COLUMNS), label, label, label,
                    attribute_types=TYPES, rows={k: np.array(v, dtype=np.int64) for k, v in rows.items()})
    return build_dataset(tables, DatasetMeta(title=path.stem, path=label, sources=(label,)), problems)


def _event_ids(references: list[Reference], label: str, problems: list[Problem], place: str) -> dict[int, str]:
    """Each reference's event id (by ``id()``): its key when no other reference has it, else ``ref<N>``."""
    keys = Counter(r["key"] for r in references if r["key"])
    taken = {k for k, n in keys.items() if n == 1}
    out: dict[int, str] = {}
    for position, reference in enumerate(references, start=1):
        ident = reference["key"] if reference["key"] in taken else f"ref{position}"
        while ident != reference["key"] and ident in taken:  # a key that is itself written "ref3"
            ident += "_"
        out[id(reference)] = ident
    repeated = [k for k, n in keys.items() if n > 1]
    if repeated:
        first = next(r["row"] for r in references if r["key"] == repeated[0])
        problems.append(Problem(label, f"{counted(len(repeated), 'key')} given to more than one reference (the "
                                f"first {repeated[0]!r}, at {place} {first}): those references are all kept, "
                                "as ref<N> by their place in the file", first, "key", "warning"))
    return out


def _event(reference: Reference, at: When, ident: str, got: _Built) -> dict[str, str]:
    authors = list(dict.fromkeys(_entity(n, reference, got) for n in reference["authors"] if n))
    editors = list(dict.fromkeys(n for n in reference["editors"] if n))
    for name in editors:
        _entity(name, reference, got)
    doi = clean_doi(reference["doi"])
    return {
        "id": ident, "start": at.iso, "title": reference["title"], "actors": ";".join(authors),
        "category": plain_type(reference["type"]), "description": reference["abstract"],
        "source_url": f"https://doi.org/{doi}" if doi else reference["url"],
        "attr:container": reference["container"], "attr:volume": reference["volume"],
        "attr:issue": reference["issue"], "attr:pages": page_range(reference["pages"]),
        "attr:publisher": reference["publisher"], "attr:editors": "; ".join(editors),
        "attr:keywords": "; ".join(dict.fromkeys(k for k in reference["keywords"] if k)), "attr:doi": doi,
        "attr:key": reference["key"], "attr:date_as_written": at.written}


def _person(name: str, reference: Reference) -> str:
    """A person's id (``person:ada-lovelace``), or an organisation's (``organisation:…``)."""
    return f"{'organisation' if name in reference['organisations'] else 'person'}:{slug(name)}"


def _entity(name: str, reference: Reference, got: _Built, kind: str = "") -> str:
    """The id of a person, organisation or journal, added the first time it is met."""
    ident = f"journal:{slug(name)}" if kind == "journal" else _person(name, reference)
    if ident not in got.entities:
        got.entities[ident] = {"id": ident, "name": name, "kind": kind or ident.split(":", 1)[0]}
        got.entity_lines[ident] = reference["row"]
    return ident


def _ties_of(reference: Reference, date: str, got: _Built) -> None:
    """The reference's co_author pairs and its authors' published_in ties (references met in date order)."""
    authors = list(dict.fromkeys(_person(n, reference) for n in reference["authors"] if n))
    journal = _entity(reference["container"], reference, got, "journal") if reference["container"].strip() else None
    got.ties.add(authors, journal, reference["title"] or reference["key"] or f"line {reference['row']}",
                 reference["row"], date)


def _dates_said(label: str, references: list[Reference], whens: list[When], place: str) -> list[Problem]:
    """The references without a date and those whose date cannot be read, each counted once."""
    out: list[Problem] = []
    unread = [(r["row"], w) for r, w in zip(references, whens, strict=True) if not w.iso and w.written]
    if unread:
        (row, first), those = unread[0], "that reference is" if len(unread) == 1 else "those references are"
        out.append(Problem(label, f"{counted(len(unread), 'date')} could not be read, the first {first.written!r} "
                           f"at {place} {row}; expected {DATE_EXAMPLES}; {those} not on the timeline", row,
                           first.field, "warning"))
    undated = [(r["row"], w) for r, w in zip(references, whens, strict=True) if not w.iso and not w.written]
    if undated:
        (row, first), have = undated[0], "has" if len(undated) == 1 else "have"
        out.append(Problem(label, f"{counted(len(undated), 'reference')} {have} no date ({first.field}): not on "
                           f"the timeline; the first at {place} {row}", None, first.field, "info"))
    return out
