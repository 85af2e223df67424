"""Companies House's register of persons with significant control (PSC), its snapshot's JSON lines (``.txt``, also
zipped) or the API's answer for a company (``{"items": […]}``) → companies, owners, ties. Before, each record was an
event of raw JSON fields, with no entity and no tie.

- A company is an entity by its number (``gb-coh-00012345``, "Company 00012345": the register holds no names). A
  corporate PSC registered at Companies House (in the UK, with a number) is that company: chains of ownership link.
- A PSC is an entity: an individual a ``person`` (named without the title; one across companies where name, month
  and year of birth agree), a corporate entity a ``company``, a legal person ``government`` where its form or
  authority reads like a state body, else an ``organisation``; a super-secure one a "Protected person" per record.
- Each nature of control is a tie from the PSC to the company, valid from ``notified_on`` to ``ceased_on``: shares
  ``equity_stake``, votes ``voting_rights``, surplus assets ``surplus_assets``, each valued by its band as written
  ("25-50%", ">25%": :mod:`viewer.model.value_bands`); appointing the board ``appointment_of_board``; significant
  influence or control ``influence_or_control``; another its own kind in snake case; none, ``significant_control``.
  As a trustee, a member of a firm …: said in the tie's note, which names the record.
- Each record is an event, titled in words; a statement ("No registrable person …") and an exemption (listed shares)
  are the company's events. The snapshot's totals line is skipped.
"""

from __future__ import annotations

import contextlib
import functools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np
import pandas as pd

from viewer.io import compressed, reading
from viewer.model import entity_kinds
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("Companies House's persons with significant control: the snapshot's JSON lines ({\"company_number\", "
            "\"data\"}) or the API's answer for a company ({\"items\": […]})")
PSC_KINDS = {"individual-person-with-significant-control": "individual",
             "corporate-entity-person-with-significant-control": "corporate entity",
             "legal-person-person-with-significant-control": "legal person",
             "super-secure-person-with-significant-control": "super-secure person",
             "individual-beneficial-owner": "individual beneficial owner",  # (overseas entities' owners)
             "corporate-entity-beneficial-owner": "corporate entity beneficial owner",
             "legal-person-beneficial-owner": "legal person beneficial owner",
             "super-secure-beneficial-owner": "super-secure beneficial owner"}
STATEMENT, EXEMPTIONS = "persons-with-significant-control-statement", "exemptions"
KINDS = (*PSC_KINDS, STATEMENT, EXEMPTIONS)
SITE = "https://find-and-update.company-information.service.gov.uk"
# a nature of control without its band and qualifiers → (tie kind, words)
CONTROL = {"ownership-of-shares": ("equity_stake", "of shares"), "voting-rights": ("voting_rights", "of votes"),
           "right-to-share-surplus-assets": ("surplus_assets", "of surplus assets"),
           "part-right-to-share-surplus-assets": ("surplus_assets", "of surplus assets"),
           "right-to-appoint-and-remove-directors": ("appointment_of_board", "right to appoint and remove directors"),
           "right-to-appoint-and-remove-members": ("appointment_of_board", "right to appoint and remove members"),
           "right-to-appoint-and-remove-person": ("appointment_of_board", "right to appoint and remove managers"),
           "significant-influence-or-control": ("influence_or_control", "significant influence or control")}
QUALIFIERS = (("-limited-liability-partnership", "in an LLP"), ("-registered-overseas-entity", "in an overseas entity"),
              ("-as-control-over-trust", "through control over a trust"),
              ("-as-control-over-firm", "through control over a firm"), ("-as-trust", "as a trustee"),
              ("-as-firm", "as a member of a firm"))
BAND = re.compile(r"^(?P<what>.+?)-(?P<low>\d{1,3})-to-(?P<high>\d{1,3})-percent$")
MORE_THAN = re.compile(r"^(?P<what>.+?)-more-than-(?P<low>\d{1,3})-percent$")
UNSTATED = ("significant_control", "", "significant control", "")  # a PSC record that states no nature of control
# a statement in words where the register's own, "psc" spelt out, say it less well (the others: by _words)
STATEMENTS = {"no-individual-or-entity-with-signficant-control":  # (the register's spelling)
              "No registrable person: no individual or entity with significant control"}
UK_REGISTER = re.compile(r"(?i)(?<![\w.])(companies house|england|(?<!new south )wales|scotland|northern ireland|"
                         r"united kingdom|great britain|u\.?k\.?|gb)(?!\w)")
STATE_BODY = re.compile(r"(?i)\b(government|crown|ministry|minister|secretary of state|department|local authority|"
                        r"public (body|authority|corporation)|council|municipal\w*|sovereign|parliament|"
                        r"statutory (body|corporation)|state[- ](body|owned|agency|enterprise))\b")
NUMBER = re.compile(r"^([A-Z]{0,2})(\d{1,8})$")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
EVENT_COLUMNS = ["id", "start", "end", "title", "description", "actors", "category", "source_url",
                 "company_number"]  # (an attribute of the events: attr:company_number)
RELATION_COLUMNS = ["id", "source", "target", "kind", "value", "valid_from", "valid_to", "event", "note", "source_url"]
ADDRESS = ("care_of", "po_box", "premises", "address_line_1", "address_line_2", "locality", "region", "postal_code",
           "country")
CHUNK = 1 << 22


def is_record(line: object) -> bool:
    """A line of the snapshot: a company number beside a PSC record, statement or exemptions."""
    return isinstance(line, dict) and bool(_text(line.get("company_number"))) and reading.object_at(
        line, "data").get("kind") in KINDS


def looks_like(document: object) -> bool:
    """The API's answer for a company (its items PSC records, its company number in a link), or one snapshot line."""
    items = document.get("items") if isinstance(document, dict) else None
    if not isinstance(document, dict) or not isinstance(items, list) or not items:
        return is_record(document)
    return all(isinstance(i, dict) and i.get("kind") in KINDS for i in items[:20]) and bool(
        _number_in(document) or _number_in(items[0]))


def looks_like_head(head: bytes) -> bool:
    """JSON lines whose first line (whole within ``head``) is a line of the snapshot."""
    first, newline, _ = head.removeprefix(b"\xef\xbb\xbf").partition(b"\n")
    try:
        return bool(newline) and is_record(json.loads(first))
    except (ValueError, RecursionError):
        return False


def looks_like_lines(path: Path) -> bool:
    """A file (packed or not) whose first line is a line of the snapshot."""
    return looks_like_head(compressed.read_head(path, 1 << 20))


def _text(value: object) -> str:
    if type(value) is str:  # (most of the register's values: asked first, millions of times)
        return value.strip()
    return str(value) if isinstance(value, int | float) and not isinstance(value, bool) else ""


def _number_in(item: dict[str, Any]) -> str:
    """The company number a record's (or the answer's) link names: ``/company/00012345/persons-…``."""
    found = re.match(r"/?company/([^/]+)/", _text(reading.object_at(item, "links").get("self")))
    return found.group(1) if found else ""


def _slug(name: str) -> str:
    """An id from a name, as the model makes one (``viewer.io.table_graph.entity_ids``)."""
    return re.sub(r"\W+", "_", name.strip().lower()).strip("_")


def company_number(text: str) -> str:
    """A company number as the register writes it (``1234`` → ``00001234``, ``SC 1234`` → ``SC001234``), else ""."""
    plain = re.sub(r"[^0-9A-Za-z]", "", text).upper()
    found = NUMBER.match(plain)
    return found[1] + found[2].zfill(8 - len(found[1])) if found and len(plain) <= 8 else ""


@functools.lru_cache(maxsize=4096)
def control(nature: str) -> tuple[str, str, str, str]:
    """One nature of control as (tie kind, value as written, words, how it is held)."""
    base, how, value = nature.strip().lower(), list[str](), ""
    while found := next((q for q in QUALIFIERS if base.endswith(q[0])), None):
        base, how = base[:-len(found[0])], [found[1], *how]
    if band := BAND.match(base):
        base, value = band["what"], f"{band['low']}-{band['high']}%"
    elif bound := MORE_THAN.match(base):
        base, value = bound["what"], f">{bound['low']}%"
    kind, words = CONTROL.get(base, (_slug(base) or UNSTATED[0], base.replace("-", " ")))
    shown = value.replace("-", "–").replace(">", "more than ")
    return kind, value, f"{shown} {words}" if value else words, ", ".join(how)


@dataclass
class _Found:
    """What the records made so far: entities by id, events and ties as columns (and their lines), the problems."""

    label: str
    entities: dict[str, dict[str, str]] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # a company's name as a corporate PSC's record gives it
    events: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in EVENT_COLUMNS})
    relations: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in RELATION_COLUMNS})
    rows: dict[str, list[int]] = field(default_factory=lambda: {"events": [], "relations": []})
    ids: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)

    def add(self, table: str, row: int, **values: str) -> None:
        for name, column in (self.events if table == "events" else self.relations).items():
            column.append(values.get(name, ""))
        self.rows[table].append(row)


def read(path: str | Path, document: object = None, **_options: Any) -> Dataset:
    """Read the PSC register (``document``: the API's answer, when parsed already) into companies, owners, ties."""
    path = Path(path)
    found = _Found(str(path))
    for number, company, data in _records(path, document, found):
        _record(found, number, company, data)
    if not found.events["id"]:
        first = f" ({found.problems[0]})" if found.problems else ""  # (why, when a line could not be read)
        raise LoadError(f"{path}: no record of persons with significant control{first}; expected {EXPECTED}")
    for entity_id, name in found.names.items():
        found.entities[entity_id]["name"] = name
    found.events["attr:company_number"] = found.events.pop("company_number")
    tables = Tables(pd.DataFrame(found.events), pd.DataFrame(list(found.entities.values())),
                    pd.DataFrame(found.relations), found.label, found.label, found.label,
                    rows={k: np.asarray(v, dtype=np.int64) for k, v in found.rows.items()},
                    names={"relations": {"valid_from": "notified_on", "valid_to": "ceased_on"}})
    meta = DatasetMeta(title=compressed.stem(path), path=found.label, sources=(found.label,))
    return build_dataset(tables, meta, found.problems)


def _records(path: Path, document: object, found: _Found) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line or item, company number, record) for each record of the file; what cannot be read is said."""
    for number, written, data in _written(path, document, found):
        company = company_number(written or _number_in(data))
        if company:
            yield number, company, data
        elif not _text(data.get("kind")).startswith("totals#"):  # (totals: the snapshot's count of itself, no company)
            found.problems.append(Problem(found.label, "no company number; record skipped", number, "company_number"))


def _written(path: Path, document: object, found: _Found) -> Iterator[tuple[int, str, dict[str, Any]]]:
    """(line or item, company number as written, record): the API's items, or the snapshot's lines."""
    if document is None and not looks_like_lines(path):
        document = reading.read_json(path, EXPECTED)
    if isinstance(document, dict) and not is_record(document):
        own = _number_in(document)
        return ((n, _number_in(i) or own, i) for n, i in enumerate(reading.objects_at(document, "items"), start=1))
    lines: Iterable[tuple[int, dict[str, Any] | None]] = (
        [(1, document)] if isinstance(document, dict) else ((n, _parsed(t, n, found)) for n, t in _numbered(path)))
    return ((n, _text(line.get("company_number")), line["data"]) for n, line in lines if line is not None)


def _parsed(line: bytes, number: int, found: _Found) -> dict[str, Any] | None:
    """A line's object, else None (and a problem, unless the line is blank)."""
    text = line.decode("utf-8", errors="replace").strip().removeprefix("\ufeff")
    try:
        item = reading.loads(text) if text else {"data": {}}
    except (json.JSONDecodeError, RecursionError) as exc:
        said = f"not JSON ({exc.msg if isinstance(exc, json.JSONDecodeError) else 'nested too deeply'})"
        found.problems.append(Problem(found.label, f"{said}; line skipped", number, None))
        return None
    if isinstance(item, dict) and isinstance(item.get("data"), dict):
        return item if text else None
    found.problems.append(Problem(found.label, "expected an object of company_number and data; line skipped", number))
    return None


def _numbered(path: Path) -> Iterator[tuple[int, bytes]]:
    """The lines of the file, unpacked as they are read, numbered from 1; LoadError when the packing is damaged."""
    try:
        with _opened(path) as stream:
            rest, number = b"", 0
            while chunk := stream.read(CHUNK):
                pieces = (rest + chunk).split(b"\n")
                rest = pieces.pop()
                for piece in pieces:
                    number += 1
                    yield number, piece
            if rest.strip():
                yield number + 1, rest
    except compressed.UNPACKING_ERRORS as exc:
        raise LoadError(f"{path}: cannot be read ({exc}); expected {EXPECTED}") from exc


@contextlib.contextmanager
def _opened(path: Path) -> Iterator[IO[bytes]]:
    """What the file holds, unpacked as it is read: a gzip (bzip2, xz, zstd) file's text, a ZIP or tar archive's
    member."""
    if compressed.compression(path) not in compressed.ARCHIVES:
        with compressed.unpacking(path) as stream:
            yield stream
        return
    if compressed.member(path) is None:
        raise LoadError(f"{path}: an archive holding no JSON lines; expected {EXPECTED}")
    with compressed.open_member(path) as member:
        yield member


def _record(found: _Found, number: int, company: str, data: dict[str, Any]) -> None:
    """One record: its event, and for a PSC its entity and ties; one of another kind is said and skipped."""
    kind = _text(data.get("kind"))
    company_id = _company(found, company)
    key = _text(reading.object_at(data, "links").get("self")) or f"{company}#{number}"
    key = key if key not in found.ids else f"{key}#{number}"
    found.ids.add(key)
    common = {"start": _text(data.get("notified_on")), "end": _text(data.get("ceased_on")), "company_number": company,
              "source_url": f"{SITE}/company/{company}/persons-with-significant-control"}
    if kind == STATEMENT:
        slug, named = _text(data.get("statement")), _text(data.get("linked_psc_name"))
        words = STATEMENTS.get(slug.removesuffix("-partnership")) or _words(slug.removesuffix("-partnership"))
        found.add("events", number, id=key, title=f"{words}{f' ({named})' if named else ''} (company {company})",
                  description=f"Statement {slug}", actors=company_id, category="statement", **common)
    elif kind == EXEMPTIONS:
        _exemptions(found, number, key, company_id, data, common)
    elif kind in PSC_KINDS:
        _psc(found, number, key, company_id, data, common)
    else:
        found.problems.append(Problem(found.label, f"a record of kind {kind!r}, which the register does not list; "
                                      "skipped", number, "kind", "warning"))


def _words(slug: str) -> str:
    text = slug.replace("_", "-").replace("signficant", "significant").replace("-", " ").strip()
    return re.sub(r"\bpsc\b", "person with significant control", text).capitalize() or "Statement"


def _company(found: _Found, number: str) -> str:
    entity_id = f"gb-coh-{number}"
    if entity_id not in found.entities:
        found.entities[entity_id] = {"id": entity_id, "name": f"Company {number}", "kind": "company",
                                     "country": "United Kingdom", "note": f"Companies House company {number}"}
    return entity_id


def _exemptions(found: _Found, number: int, key: str, company_id: str, data: dict[str, Any],
                common: dict[str, str]) -> None:
    """An event for each period a company is exempt from keeping a PSC register (its shares are listed)."""
    held = reading.object_at(data, "exemptions")
    for name in held:
        kind = _text(reading.object_at(held, name).get("exemption_type")) or name
        words = _words(kind.replace("_", "-").removeprefix("psc-exempt-as-")).lower()
        for index, period in enumerate(reading.objects_at(reading.object_at(held, name), "items") or [{}], start=1):
            dates = {"start": _text(period.get("exempt_from")), "end": _text(period.get("exempt_to"))}
            found.add("events", number, **{**common, **dates}, id=f"{key}#{name}#{index}", actors=company_id,
                      title=f"Exempt from keeping a PSC register: {words} (company {common['company_number']})",
                      description=f"Exemption {kind}", category="exemption")
    if not held:
        found.problems.append(Problem(found.label, "an exemptions record naming no exemption; skipped", number,
                                      "exemptions", "warning"))


def _psc(found: _Found, number: int, key: str, company_id: str, data: dict[str, Any], common: dict[str, str]) -> None:
    """A person with significant control (or a beneficial owner): its entity, a tie per nature, its event."""
    psc_id, name, about = _party(found, key, company_id, data)
    natures = reading.texts_at(data, "natures_of_control")
    controls = [control(n) for n in natures] or [UNSTATED]
    dated = common["start"] != ""  # (an undated record's event is skipped by the model, and said: no tie links it)
    for index, (kind, value, _, how) in enumerate(controls, start=1):
        note = "; ".join(t for t in (f"Companies House PSC record {key}", how) if t)
        found.add("relations", number, id=f"{key}#{index}", source=psc_id, target=company_id, kind=kind, value=value,
                  valid_from=common["start"], valid_to=common["end"], event=key if dated else "", note=note,
                  source_url=common["source_url"])
    said = ", ".join(f"{words} ({how})" if how else words for _, _, words, how in controls)
    join = "in" if any(value for _, value, _, _ in controls) else "of"
    details = [*about, f"Natures of control: {', '.join(natures) or 'none stated'}", f"Record: {key}"]
    found.add("events", number, id=key, title=f"{name}: {said} {join} company {common['company_number']}",
              description="\n".join(details), actors=f"{psc_id};{company_id}",
              category=PSC_KINDS[_text(data.get("kind"))], **common)


def _party(found: _Found, key: str, company_id: str, data: dict[str, Any]) -> tuple[str, str, list[str]]:
    """The PSC's entity id (its entity made once), name and what its record says of it (:func:`_about`)."""
    kind, name = _text(data.get("kind")), _text(data.get("name"))
    identification = reading.object_at(data, "identification")
    if kind.startswith("super-secure"):
        entity_id, name, entity_kind = f"protected:{key}", "Protected person", "person"
    elif kind.startswith("individual"):
        year, month = _birth(data)
        elements = reading.object_at(data, "name_elements")  # the name without its title: Carlos Ghosn, not Mr …
        parts = (_text(elements.get(k)) for k in ("forename", "other_forenames", "middle_name", "surname"))
        name = " ".join(t for t in parts if t) or name or "Unnamed person"
        born = f"{year} {month:02d}" if month else year
        entity_id, entity_kind = _slug(f"{name} {born}") or f"person:{key}", "person"
    else:
        name, corporate = name or f"Unnamed {PSC_KINDS[kind]}", kind.startswith("corporate")
        registered = _registered_here(identification) if corporate else ""
        if registered and f"gb-coh-{registered}" != company_id:  # (a company naming itself gets an entity apart)
            found.names.setdefault(f"gb-coh-{registered}", name)
            return _company(found, registered), name, _about(data, name)
        entity_id = _slug(name) or f"entity:{key}"
        entity_kind = "company" if corporate else _legal_kind(name, identification)
    about = _about(data, name)  # (once: the entity's note and the event's description)
    if entity_id not in found.entities:  # (a person's country is where they live; an entity's where it is registered)
        country = _text(data.get("country_of_residence")) or next(
            (_text(identification.get(k)) for k in ("country_registered", "place_registered", "legal_authority")
             if _text(identification.get(k))), "")
        found.entities[entity_id] = {"id": entity_id, "name": name, "kind": entity_kind, "country": country,
                                     "note": "; ".join(about)}
    return entity_id, name, about


def _birth(data: dict[str, Any]) -> tuple[str, int]:
    """The year ("" unknown) and month (0 unknown) of birth, as the register gives them."""
    born = reading.object_at(data, "date_of_birth")
    year, month = _text(born.get("year")), _text(born.get("month"))
    return (year, int(month) if month.isdigit() and 1 <= int(month) <= 12 else 0) if year.isdigit() else ("", 0)


def _registered_here(identification: dict[str, Any]) -> str:
    """The company number of a corporate PSC registered at Companies House (its place or country of registration,
    else its legal authority, in the UK), else ""."""
    where = " ".join(_text(identification.get(k)) for k in ("place_registered", "country_registered")).strip()
    if not UK_REGISTER.search(where or _text(identification.get("legal_authority"))):
        return ""
    return company_number(_text(identification.get("registration_number")))


def _legal_kind(name: str, identification: dict[str, Any]) -> str:
    """A legal person reads as a state body by its form or authority (or its name), else an organisation."""
    said = " ".join(_text(identification.get(k)) for k in ("legal_form", "legal_authority"))
    state = STATE_BODY.search(f"{said} {name}") or re.search(entity_kinds.GOVERNMENT, name)
    return "government" if state else "organisation"


def _about(data: dict[str, Any], name: str) -> list[str]:
    """What the record says of the PSC, in words: as registered, born, nationality, identification, address."""
    identification, address = reading.object_at(data, "identification"), reading.object_at(data, "address")
    registered, nationality = _text(data.get("name")), _text(data.get("nationality"))
    residence = _text(data.get("country_of_residence"))
    year, month = _birth(data)
    said = [f"Registered as {registered}" if registered and registered != name else "",
            f"Born {MONTHS[month - 1] + ' ' if month else ''}{year}" if year else "",
            f"Nationality: {nationality}" if nationality else "", f"Resident in {residence}" if residence else "",
            ", ".join(f"{k.replace('_', ' ')} {_text(v)}" for k, v in identification.items() if _text(v)),
            "Address: " + ", ".join(t for t in (_text(address[k]) for k in ADDRESS if k in address) if t)]
    return [t for t in said if t and t != "Address: "]
