"""GEDCOM files (``.ged``; 5.5, 5.5.1 and 7.0, as Ancestry, FamilySearch, Gramps, MyHeritage, RootsMagic and
others write them): family histories, read as the people, their life events and their family ties.

Each individual (``0 @I1@ INDI``) is a person, named by its first NAME with the slashes around the surname
removed (``John /Smith/`` → John Smith), its SEX an attribute. Each fact with a DATE is an event: an
individual's (birth, christening, death, burial, residence, occupation … and any other tag with a DATE) with the
person as its actor, a family's (marriage, divorce, engagement …) with both partners. The category is the fact
in a word (birth, marriage; a custom tag its own name, an EVEN or FACT its TYPE); the place, age, cause, type,
address and sources (their titles) are attributes, the notes the description. Dates are read by
:mod:`viewer.io.gedcom_dates` (qualifiers kept in ``date_qualifier``, any date not written plainly in
``date_as_written``; Julian days converted to Gregorian ones). Event ids are the record's id and the tag
(``I1-BIRT``, ``I1-RESI-2``, ``F1-MARR``).

Ties, one per family (``0 @F1@ FAM``): ``spouse_of`` from the husband (or first partner) to the wife (or
second), from the marriage date (when unknown, from the younger one's birth, else open) to the divorce or
annulment, else to the first death of either (a burial or cremation when there is no death date), else open;
``parent_of`` from each partner to each child, from the child's birth (else christening or baptism; when unknown,
from the parent's birth, else open), a pedigree other than by birth (adopted, foster) in its note. Children and
partners are taken from the family's CHIL/HUSB/WIFE and from the individuals' FAMC/FAMS alike. Facts without a
date, dates that cannot be read, dates in other calendars and lines that do not parse are each counted and said
once. Lines are read by :mod:`viewer.io.gedcom_lines`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.io import free_memory, gedcom_lines
from viewer.io.gedcom_dates import When, read_date
from viewer.io.gedcom_lines import Node, pointer
from viewer.io.reading import read_document
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = "a GEDCOM file with individuals (0 @I1@ INDI)"
SUFFIXES = (".ged", ".gedcom")
WORDS = {"BIRT": "birth", "CHR": "christening", "BAPM": "baptism", "DEAT": "death", "BURI": "burial",
         "CREM": "cremation", "ADOP": "adoption", "RESI": "residence", "OCCU": "occupation", "EDUC": "education",
         "GRAD": "graduation", "EMIG": "emigration", "IMMI": "immigration", "NATU": "naturalisation",
         "CENS": "census", "PROB": "probate", "WILL": "will", "RETI": "retirement", "EVEN": "event",
         "FACT": "fact", "BARM": "bar mitzvah", "BASM": "bat mitzvah", "BLES": "blessing",
         "CHRA": "adult christening", "CONF": "confirmation", "FCOM": "first communion", "ORDN": "ordination",
         "BAPL": "LDS baptism", "CONL": "LDS confirmation", "ENDL": "LDS endowment", "INIL": "LDS initiatory",
         "SLGC": "LDS sealing to parents", "SLGS": "LDS sealing to spouse", "CAST": "caste",
         "DSCR": "physical description", "IDNO": "identity number", "NATI": "nationality",
         "NCHI": "number of children", "NMR": "number of marriages", "PROP": "property", "RELI": "religion",
         "SSN": "social security number", "TITL": "title", "MARR": "marriage", "DIV": "divorce",
         "DIVF": "divorce filing", "ENGA": "engagement", "MARB": "marriage banns", "MARC": "marriage contract",
         "MARL": "marriage licence", "MARS": "marriage settlement", "ANUL": "annulment",
         "_MILT": "military service", "_MILTSVC": "military service", "_DEG": "degree", "_ELEC": "election",
         "_EMPLOY": "employment", "_SEPR": "separation", "_DCAUSE": "cause of death"}
# lines under a record that are no facts even with a DATE under them (CHAN: when the record was changed; NO: a
# fact that did not happen)
NOT_FACTS = frozenset({"CHAN", "CREA", "NO", "SOUR", "NOTE", "SNOTE", "OBJE", "FAMC", "FAMS", "NAME", "SEX",
                       "ASSO", "SUBM", "REFN", "RIN", "UID", "_UID", "RESN", "HUSB", "WIFE", "CHIL", "ALIA",
                       "ANCI", "DESI", "SDATE"})
BIRTHS, DEATHS, ENDINGS = ("BIRT", "CHR", "BAPM"), ("DEAT", "BURI", "CREM"), ("DIV", "ANUL")
NOT_PEDIGREE = {"", "birth", "natural", "biological", "birth child"}
SEXES = {"M": "male", "F": "female", "U": "unknown", "X": "other"}
EVENT_COLUMNS = ["id", "start", "end", "title", "actors", "category", "description", "attr:place", "attr:age",
                 "attr:cause", "attr:type", "attr:address", "attr:sources", "attr:date_qualifier",
                 "attr:date_as_written"]
ENTITY_COLUMNS = ["id", "name", "kind", "note", "attr:sex", "attr:other_names"]
RELATION_COLUMNS = ["id", "source", "target", "kind", "value", "valid_from", "valid_to", "note"]
TYPES = {"events": {"date_qualifier": "category", "type": "category", "age": "text", "sources": "text",
                    "date_as_written": "text", "place": "text", "cause": "text", "address": "text"},
         "entities": {"sex": "category", "other_names": "text"}}
TITLE_CHARS = 100
PEAK_PER_BYTE = 30  # memory at the peak of a read per byte of the file (measured: 24 on 4 MB, 26 on 22 MB)


def looks_like(head: bytes) -> bool:
    """Whether the first bytes of a file (up to 64 KB) start a GEDCOM file: an optional byte order mark (UTF-8
    or UTF-16) and white space, then the line ``0 HEAD``. Cheap; never raises."""
    return gedcom_lines.looks_like(head)


@dataclass
class _Tally:
    """How many of something were met, and the first one: as written, and its line."""

    count: int = 0
    first: tuple[str, int] = ("", 0)

    def add(self, written: str, line: int) -> None:
        self.count += 1
        if self.count == 1:
            self.first = (written, line)


@dataclass
class _Read:
    label: str
    sources: dict[str, str] = field(default_factory=dict)  # a SOUR record's id → its title
    notes: dict[str, str] = field(default_factory=dict)  # a NOTE (SNOTE) record's id → its text
    names: dict[str, str] = field(default_factory=dict)
    births: dict[str, When] = field(default_factory=dict)
    deaths: dict[str, When] = field(default_factory=dict)
    events: list[dict[str, str]] = field(default_factory=list)
    event_lines: list[int] = field(default_factory=list)
    entities: list[dict[str, str]] = field(default_factory=list)
    entity_lines: list[int] = field(default_factory=list)
    relations: list[dict[str, object]] = field(default_factory=list)
    relation_lines: list[int] = field(default_factory=list)
    partners_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # from FAMS
    children_of: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # from FAMC
    pedigrees: dict[tuple[str, str], str] = field(default_factory=dict)  # (child, family) → PEDI
    undated: int = 0
    unread: _Tally = field(default_factory=_Tally)  # dates that could not be read
    other: _Tally = field(default_factory=_Tally)  # dates in calendars not read
    calendars: set[str] = field(default_factory=set)  # their names
    julian: int = 0
    backwards: int = 0  # spouse ties whose end is before their start


def read(path: str | Path, **_options: object) -> Dataset:
    """Read a GEDCOM file's individuals, their dated facts and their families' ties into a Dataset."""
    path = Path(path)
    label = str(path)
    data = read_document(path, EXPECTED)
    free_memory.check(path, len(data), per_byte=PEAK_PER_BYTE)  # (the bytes are one part in 25 of what it takes)
    headed = gedcom_lines.looks_like(data[:65_536])
    text, notes = gedcom_lines.decode(data)
    del data  # the text holds it now: a big file is not held twice
    parsed = gedcom_lines.parse(text)
    problems = [Problem(label, message, None, "CHAR", level) for level, message in notes]
    records = Counter(record.tag for record in parsed.records)
    if not records["INDI"]:
        found = (f"{counted(len(parsed.records), 'record')} but no individual" if parsed.records else
                 f"no GEDCOM line (it starts {text.lstrip()[:40]!r})")
        raise LoadError(f"{path}: {found}; expected {EXPECTED}")
    got = _Read(label)
    for record in parsed.trees("SOUR", "NOTE", "SNOTE"):
        if record.xref and record.tag == "SOUR":
            got.sources[record.xref] = record.text_of("TITL") or record.text_of("ABBR") or record.xref
        elif record.xref:
            got.notes[record.xref] = record.text
    for person in parsed.trees("INDI"):
        _person(person, got)
    families: dict[str, Node] = {}
    for family in parsed.trees("FAM"):
        first = families.setdefault(_id(family), family)
        if first is not family:  # a family written twice is one family
            first.children.extend(family.children)
    for family in families.values():
        _family(family, got)
    if not got.events and not records["FAM"]:
        raise LoadError(f"{path}: {counted(records['INDI'], 'individual')} but no fact with a date and no family; "
                        f"expected {EXPECTED} with dated facts (1 BIRT / 2 DATE 12 MAR 1850) or families "
                        "(0 @F1@ FAM)")
    problems.extend(_summary(got, parsed, headed))
    tables = Tables(_frame(got.events, EVENT_COLUMNS), _frame(got.entities, ENTITY_COLUMNS),
                    pd.DataFrame(got.relations, columns=RELATION_COLUMNS), label, label, label,
                    attribute_types=TYPES,
                    rows={"events": np.array(got.event_lines, dtype=np.int64),
                          "entities": np.array(got.entity_lines, dtype=np.int64),
                          "relations": np.array(got.relation_lines, dtype=np.int64)})
    return build_dataset(tables, DatasetMeta(title=path.stem, path=label, sources=(label,)), problems)


def _frame(rows: list[dict[str, str]], columns: list[str]) -> pd.DataFrame:
    """The rows as a table, without the attribute columns no row fills."""
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    empty = [c for c in columns if c.startswith("attr:") and not (frame[c] != "").any()]
    return frame.drop(columns=empty)


def _id(record: Node) -> str:
    """A record's id: its cross-reference id, else its line (a record no other can point to)."""
    return record.xref.strip() or f"line{record.line}"


def _name(person: Node) -> str:
    """The first NAME without the slashes around the surname, or its given name and surname parts."""
    name = person.first("NAME")
    if name is None:
        return ""
    written = " ".join(name.text.replace("/", " ").split())
    return written or " ".join(" ".join((name.text_of("GIVN"), name.text_of("SURN"))).split())


def _person(person: Node, got: _Read) -> None:
    ident = _id(person)
    got.names[ident] = _name(person)
    names = [" ".join(n.text.replace("/", " ").split()) for n in person.children if n.tag == "NAME"][1:]
    sex = person.text_of("SEX").upper()
    got.entities.append({"id": ident, "name": got.names[ident], "kind": "person", "note": _notes(person, got),
                         "attr:sex": SEXES.get(sex[:1], sex.lower()),
                         "attr:other_names": "; ".join(n for n in dict.fromkeys(names) if n and n != got.names[ident])})
    got.entity_lines.append(person.line)
    found = _facts(person, ident, ident, got.names[ident] or ident, got)
    birth = next((found[tag] for tag in BIRTHS if tag in found), None)
    death = next((found[tag] for tag in DEATHS if tag in found), None)
    if birth is not None:
        got.births[ident] = birth
    if death is not None:
        got.deaths[ident] = death
    for link in person.children:
        family = pointer(link.value)
        if link.tag == "FAMS" and family:
            got.partners_of[family].append(ident)
        elif link.tag == "FAMC" and family:
            got.children_of[family].append(ident)
            got.pedigrees.setdefault((ident, family), link.text_of("PEDI").lower())


def _family(family: Node, got: _Read) -> None:
    ident = _id(family)
    roles: dict[str, str] = {}  # each partner's first role (HUSB, WIFE; '' when named only by their FAMS)
    for partner, role in [*((pointer(n.value), n.tag) for n in family.children if n.tag in ("HUSB", "WIFE")),
                          *((p, "") for p in got.partners_of.get(ident, ()))]:
        if partner:
            roles.setdefault(partner, role)
    partners = list(roles.items())
    children: list[tuple[str, Node | None]] = [(pointer(n.value), n) for n in family.children if n.tag == "CHIL"]
    children += [(c, None) for c in got.children_of.get(ident, ())]
    who = " and ".join(got.names.get(p) or p for p, _role in partners[:2]) or f"family {ident}"
    found = _facts(family, ident, ";".join(p for p, _role in partners[:2]), who, got)
    if len(partners) >= 2:
        _spouses(ident, partners[0][0], partners[1][0], found, family, got)
    seen: set[tuple[str, str]] = set()
    for child, line in children:
        for parent, role in partners[:2]:
            if child and child != parent and (parent, child) not in seen:
                seen.add((parent, child))
                note = got.pedigrees.get((child, ident), "")
                if line is not None and not note.strip():
                    note = line.text_of("_FREL" if role == "HUSB" else "_MREL" if role == "WIFE" else "PEDI")
                note = "" if note.lower() in NOT_PEDIGREE else note.lower()
                born = got.births.get(child)
                if born is None and parent in got.births:  # no child before their parent was born
                    born, note = got.births[parent], ", ".join(filter(None, (note, "child's birth date unknown: "
                                                                             "from the parent's birth")))
                _tie(got, f"{ident}-parent_of-{parent}-{child}", parent, child, "parent_of", born, None, note,
                     family.line if line is None else line.line)


def _spouses(ident: str, first: str, second: str, found: dict[str, When], family: Node, got: _Read) -> None:
    """The partners' tie: from their marriage to its end, the first death, or on."""
    married = found.get("MARR")
    ended = any(n.tag in ENDINGS for n in family.children)
    end = next((found[tag] for tag in ENDINGS if tag in found), None)
    if end is None and not ended:
        deaths = [got.deaths[p] for p in (first, second) if p in got.deaths]
        end = min(deaths, key=lambda w: w.key) if deaths else None
    if married is not None and end is not None and end.key < married.key:
        got.backwards += 1
        end = None
    note = f"family {ident}" + (", divorced" if ended else "")
    start = married
    if married is None:  # not before both were born: the panel shows no couple in a year before the younger's birth
        births = [got.births[p] for p in (first, second) if p in got.births]
        start = max(births, key=lambda w: w.key) if births else None
        note += ", marriage date unknown" + (": from the younger one's birth" if start is not None else "")
        if start is not None and end is not None and end.key < start.key:
            start = None
    _tie(got, f"{ident}-spouse_of", first, second, "spouse_of", start, end, note, family.line)


def _tie(got: _Read, ident: str, source: str, target: str, kind: str, start: When | None, end: When | None,
         note: str, line: int) -> None:
    got.relations.append({"id": ident, "source": source, "target": target, "kind": kind, "value": None,
                          "valid_from": start.start if start else "", "valid_to": end.start if end else "",
                          "note": note})
    got.relation_lines.append(line)


def _facts(record: Node, owner: str, actors: str, who: str, got: _Read) -> dict[str, When]:
    """The record's dated facts as events; the first date read of each tag."""
    found: dict[str, When] = {}
    tags: Counter[str] = Counter()
    for node in record.children:
        if node.tag in NOT_FACTS or (node.tag not in WORDS and node.first("DATE") is None):
            continue
        tags[node.tag] += 1
        number = tags[node.tag]
        ident = f"{owner}-{node.tag}" + (f"-{number}" if number > 1 else "")
        when = _fact(node, ident, actors, who, got)
        if when is not None:
            found.setdefault(node.tag, when)
    return found


def _fact(node: Node, ident: str, actors: str, who: str, got: _Read) -> When | None:
    """One fact as an event, when it has a date that can be read (else counted)."""
    subs = node.firsts()
    date = subs.get("DATE")
    written = date.text if date is not None else ""
    if date is None or not written:
        got.undated += 1
        return None
    when = read_date(written)
    if not when.start:
        if when.calendar:
            got.calendars.add(when.calendar)
        (got.other if when.calendar else got.unread).add(written, date.line)
        return None
    got.julian += when.calendar == "julian"
    got.events.append(_event(node, subs, ident, actors, who, when, written, got))
    got.event_lines.append(node.line)
    return when


def _event(node: Node, subs: dict[str, Node], ident: str, actors: str, who: str, when: When, written: str,
           got: _Read) -> dict[str, str]:
    """The event of a fact: "Birth of John Smith", "Occupation of John Smith: Carpenter"."""
    kind = _text(subs, "TYPE")
    word = (kind if node.tag in ("EVEN", "FACT") and kind else "") or WORDS.get(node.tag) or node.tag.lstrip("_")
    said = node.value.strip()
    value = node.text if said and said[0] != "@" and said.upper() != "Y" else ""
    shown = value.split("\n", 1)[0]
    shown = shown if len(shown) <= TITLE_CHARS else shown[:TITLE_CHARS].rstrip() + " …"
    notes = _notes(node, got) if "NOTE" in subs or "SNOTE" in subs else ""
    sources = [_source(s, got) for s in node.children if s.tag == "SOUR"] if "SOUR" in subs else []
    return {
        "id": ident, "start": when.start, "end": when.end,
        "title": f"{word[:1].upper()}{word[1:]} of {who}" + (f": {shown}" if shown else ""),
        "actors": actors, "category": word.lower()[:60],
        "description": "\n\n".join(t for t in (value if value != shown else "", notes) if t),
        "attr:place": _place(_text(subs, "PLAC")), "attr:age": _text(subs, "AGE"), "attr:cause": _text(subs, "CAUS"),
        "attr:type": kind if node.tag not in ("EVEN", "FACT") else "",
        "attr:address": ", ".join(line for line in _text(subs, "ADDR").split("\n") if line.strip()),
        "attr:sources": "; ".join(dict.fromkeys(s for s in sources if s)),
        "attr:date_qualifier": when.qualifier, "attr:date_as_written": "" if when.plain else written}


def _place(written: str) -> str:
    """A place as its jurisdictions, those left empty passed over (``Bora-Bora, , , ,`` → ``Bora-Bora``).

    >>> _place("Bora-Bora, , , ,"), _place("Leeds, , Yorkshire, England")
    ('Bora-Bora', 'Leeds, Yorkshire, England')
    """
    return ", ".join(part.strip() for part in written.split(",") if part.strip())


def _text(subs: dict[str, Node], tag: str) -> str:
    found = subs.get(tag)
    return found.text if found is not None else ""


def _notes(node: Node, got: _Read) -> str:
    """The notes under a line (NOTE or SNOTE; a pointer to a note record is its text), a blank line apart."""
    texts = [got.notes.get(pointer(n.value), "") if pointer(n.value) else n.text
             for n in node.children if n.tag in ("NOTE", "SNOTE")]
    return "\n\n".join(t for t in texts if t)


def _source(citation: Node, got: _Read) -> str:
    """A source a fact cites: the SOUR record's title, or the citation's own text."""
    ident = pointer(citation.value)
    return got.sources.get(ident, ident) if ident else citation.text.split("\n", 1)[0]


def _summary(got: _Read, parsed: gedcom_lines.Parsed, headed: bool) -> list[Problem]:
    """What was left out or changed, each said once (``headed``: the file starts with 0 HEAD)."""
    label, out = got.label, []
    if not headed:
        out.append(Problem(label, "the file does not start with 0 HEAD; read as GEDCOM all the same", None, None,
                           "warning"))
    if parsed.skipped:
        out.append(Problem(label, f"{counted(parsed.skipped, 'line')} could not be read as GEDCOM (level, tag, "
                           f"value) and were skipped, first at line {parsed.first_skipped}: {parsed.first_text!r}",
                           parsed.first_skipped, None, "warning"))
    if got.unread.count:
        written, line = got.unread.first
        those = "that fact is" if got.unread.count == 1 else "those facts are"
        out.append(Problem(label, f"{counted(got.unread.count, 'date')} could not be read, the first {written!r} "
                           f"at line {line}; {those} not on the timeline", line, "DATE", "warning"))
    if got.other.count:
        written, line = got.other.first
        out.append(Problem(label, f"{counted(got.other.count, 'date')} in other calendars "
                           f"({', '.join(sorted(got.calendars))}) {_are(got.other.count)} not read, the first "
                           f"{written!r} at line {line}", line, "DATE", "warning"))
    if got.julian:
        out.append(Problem(label, f"{counted(got.julian, 'date')} in the Julian calendar: days converted to the "
                           "Gregorian calendar, months and years kept as written", None, "DATE", "info"))
    if got.undated:
        out.append(Problem(label, f"{counted(got.undated, 'fact')} without a date {_are(got.undated)} not on the "
                           "timeline", None, "DATE", "info"))
    if got.backwards:
        out.append(Problem(label, f"{counted(got.backwards, 'marriage')} {_are(got.backwards)} said to end (by "
                           "divorce or death) before the marriage date; that end is left open", None, "DATE",
                           "warning"))
    if not got.events:
        out.append(Problem(label, "no fact has a date that can be read: the timeline is empty; the people and "
                           "their family ties are read", None, "DATE", "info"))
    return out


def _are(count: int) -> str:
    return "is" if count == 1 else "are"
