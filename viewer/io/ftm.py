"""FollowTheMoney (FtM) entities, as OpenSanctions, OCCRP Aleph and the ``ftm`` tool export them: JSON lines (or a
JSON list) of ``{"id", "schema", "properties": {name: [values]}}``, flat or nested (an entity's properties
holding whole entities, as OpenSanctions' ``targets.nested.json``).

- Parties (Person, Company, Organization, PublicBody, LegalEntity, and things such as a Vessel or a Security)
  become entities, named by their first ``name``.
- Interval schemas with an edge become relations from the edge's source to its target, valid from their
  ``startDate`` (else ``date``) to their ``endDate``: an Ownership is an ``equity_stake`` valued at its
  ``percentage``, a Directorship ``leadership``, and the others are named after their schema (``membership``,
  ``family``, ``associate`` …); a role, relationship or summary is the relation's note.
- What happened at a date becomes an event: an Event (its ``involved`` and ``organizer`` as actors), a Sanction
  (its listing, by authority and programme), a Payment (payer and beneficiary), and an organisation's
  incorporation and dissolution.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import lines, reading
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "FollowTheMoney entities: JSON lines (or a JSON list) of objects with id, schema and properties"
SUFFIXES = (".ftm", ".ijson")
# schema: (source property, target property, relation kind); FtM's own edges
EDGES = {"Ownership": ("owner", "asset", "equity_stake"), "Directorship": ("director", "organization", "leadership"),
         "Membership": ("member", "organization", "membership"), "Employment": ("employee", "employer", "employment"),
         "Family": ("person", "relative", "family"), "Associate": ("person", "associate", "associate"),
         "Representation": ("agent", "client", "representation"), "Succession": ("predecessor", "successor",
                                                                                  "succession"),
         "UnknownLink": ("subject", "object", "link"), "Occupancy": ("holder", "post", "holds_position"),
         "Debt": ("debtor", "creditor", "debt"), "ContractAward": ("contract", "supplier", "contract_award"),
         "CourtCaseParty": ("party", "case", "party_to_case"), "ProjectParticipant": ("participant", "project",
                                                                                      "participant")}
KINDS = {"Person": "person", "Company": "company", "Organization": "company", "LegalEntity": "company",
         "PublicBody": "government", "Position": "other"}
NOTE_PROPERTIES = ("role", "relationship", "summary", "description", "status")
DATED = ("Event", "Sanction", "Payment")  # schemas read as events, not entities


def _first_line(path: Path) -> str:
    with path.open("rb") as handle:
        return handle.readline(1 << 20).decode("utf-8-sig", errors="replace")


def is_entity(item: object) -> bool:
    """An FtM entity: an object with a schema name and a properties object."""
    return (isinstance(item, dict) and isinstance(item.get("schema"), str)
            and isinstance(item.get("properties"), dict) and "id" in item)


def looks_like(document: object) -> bool:
    """A JSON list whose first objects are FtM entities."""
    if not isinstance(document, list) or not document:
        return False
    sample = [item for item in document[:20] if isinstance(item, dict)]
    return bool(sample) and all(is_entity(item) for item in sample)


def looks_like_lines(path: Path) -> bool:
    """JSON lines whose first line is an FtM entity."""
    try:
        return is_entity(json.loads(_first_line(path)))
    except (OSError, ValueError, RecursionError):
        return False


def _items(path: Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, entity) for each entity of the file: a JSON list, else one object per line."""
    text = lines.normalise_bytes(path.read_bytes()).decode("utf-8-sig", errors="replace")
    if text.lstrip().startswith("["):
        try:
            document = reading.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise LoadError(f"{path}: not readable JSON ({reading.json_error(exc)}); expected {EXPECTED}") from exc
        for number, item in enumerate(document if isinstance(document, list) else [], start=1):
            yield number, item
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            yield number, reading.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            problems.append(Problem(str(path), f"not a JSON object ({exc}); line skipped", number, None))


def _values(entity: dict[str, Any], name: str) -> list[Any]:
    found = entity["properties"].get(name)
    return found if isinstance(found, list) else [] if found is None else [found]


def _text(entity: dict[str, Any], *names: str) -> str:
    for name in names:
        for value in _values(entity, name):
            if isinstance(value, str | int | float) and str(value).strip():
                return str(value).strip()
    return ""


def _flatten(entity: dict[str, Any], found: dict[str, dict[str, Any]], lines_of: dict[str, int], line: int) -> None:
    """Put an entity and every entity nested in its properties into ``found`` (by id), references left as ids, and
    the line each was first met on into ``lines_of``."""
    properties: dict[str, Any] = {}
    for name, values in entity["properties"].items():
        listed = values if isinstance(values, list) else [values]
        refs = []
        for value in listed:
            if is_entity(value):
                _flatten(value, found, lines_of, line)
                refs.append(str(value["id"]))
            else:
                refs.append(value)
        properties[name] = refs
    lines_of.setdefault(str(entity["id"]), line)
    previous = found.get(str(entity["id"]))
    if previous is None or len(properties) > len(previous["properties"]):  # the fuller copy of one entity
        found[str(entity["id"])] = {**entity, "id": str(entity["id"]), "properties": properties}


def _share(text: str, where: str, problems: list[Problem], line: int) -> float | None:
    numbers = [float(n.replace(",", ".")) for n in re.findall(r"\d+(?:[.,]\d+)?", text)]
    if len(numbers) == 2 and numbers[0] <= numbers[1]:  # "25-50%": a band, as registers publish shares
        problems.append(Problem(where, f"a percentage band {text!r}, shown at its midpoint", line, "percentage",
                                "info"))
        return (numbers[0] + numbers[1]) / 2
    if len(numbers) == 1:
        return numbers[0]
    if text:
        problems.append(Problem(where, f"expected a percentage, found {text!r}; the stake has no value", line,
                                "percentage", "warning"))
    return None


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read FtM entities into entities, dated relations and events."""
    path = Path(path)
    label = str(path)
    problems: list[Problem] = []
    found: dict[str, dict[str, Any]] = {}
    lines_of: dict[str, int] = {}
    for number, item in _items(path, problems):
        if not is_entity(item):
            problems.append(Problem(label, "not an FtM entity (id, schema, properties); skipped", number, None))
            continue
        _flatten(item, found, lines_of, number)
    if not found:
        first = f" (line {problems[0].row}: {problems[0].message})" if problems else ""
        raise LoadError(f"{path}: no FollowTheMoney entities{first}; expected {EXPECTED}")
    entities, relations, events = [], [], []
    for entity_id, entity in found.items():
        schema, line = entity["schema"], lines_of.get(entity_id, 0)
        if schema in EDGES:
            relations += _relations(entity, line, label, problems)
        elif schema in DATED:
            events.append(_event(entity, found))
        else:
            entities.append(_entity(entity))
            events += _lifetime(entity)
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "end", "title", "actors", "category", "description",
                                                  "source_url"]),
                    pd.DataFrame(entities, columns=["id", "name", "kind", "country", "note"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note", "source_url"]),
                    f"{label} entities", f"{label} entities", f"{label} relationships")
    return build_dataset(tables, DatasetMeta(title=path.name.split(".")[0] or path.stem, path=label,
                                             sources=(label,)), problems)


def _name(entity: dict[str, Any]) -> str:
    return _text(entity, "name", "caption") or str(entity.get("caption") or "") or entity["id"]


def _entity(entity: dict[str, Any]) -> dict[str, str]:
    datasets = entity.get("datasets")
    listed = ", ".join(str(d) for d in datasets[:5]) if isinstance(datasets, list) else ""
    return {"id": entity["id"], "name": _name(entity), "kind": KINDS.get(entity["schema"], "other"),
            "country": _text(entity, "country", "jurisdiction", "nationality"),
            "note": f"FtM {entity['schema']}" + (f" ({listed})" if listed else "")}


def _relations(entity: dict[str, Any], line: int, label: str, problems: list[Problem]) -> list[dict[str, Any]]:
    source_name, target_name, kind = EDGES[entity["schema"]]
    sources = [str(v) for v in _values(entity, source_name) if v]
    targets = [str(v) for v in _values(entity, target_name) if v]
    if not sources or not targets:
        schema = entity["schema"]
        problems.append(Problem(label, f"{'an' if schema[:1] in 'AEIOU' else 'a'} {schema} without its {source_name} "
                                f"or {target_name}; skipped",
                                line or None, f"{source_name}/{target_name}", "warning"))
        return []
    value = _share(_text(entity, "percentage"), label, problems, line) if kind == "equity_stake" else None
    note = "; ".join(t for t in (_text(entity, n) for n in NOTE_PROPERTIES) if t)
    pairs = [(s, t) for s in sources for t in targets]
    return [{"id": entity["id"] if len(pairs) == 1 else f"{entity['id']}-{i}", "source": s, "target": t,
             "kind": kind, "value": value, "valid_from": _text(entity, "startDate", "date"),
             "valid_to": _text(entity, "endDate"), "note": note, "source_url": _text(entity, "sourceUrl")}
            for i, (s, t) in enumerate(pairs, start=1)]


def _event(entity: dict[str, Any], found: dict[str, dict[str, Any]]) -> dict[str, str]:
    def names(*properties: str) -> list[str]:
        return [str(v) for p in properties for v in _values(entity, p) if v]

    def named(ids: list[str]) -> str:
        return ", ".join(_name(found[i]) if i in found else i for i in ids)

    schema = entity["schema"]
    start = _text(entity, "startDate", "date", "listingDate")
    if schema == "Sanction":
        actors = names("entity")
        by = " · ".join(t for t in (_text(entity, "authority"), _text(entity, "program")) if t)
        title = f"Sanctioned: {named(actors)}" + (f" ({by})" if by else "")
        description = "; ".join(t for t in (_text(entity, "reason"), _text(entity, "provisions")) if t)
    elif schema == "Payment":
        actors = names("payer", "beneficiary")
        amount = " ".join(t for t in (_text(entity, "amount"), _text(entity, "currency")) if t)
        title = f"Payment: {named(names('payer'))} → {named(names('beneficiary'))}" + (f", {amount}" if amount else "")
        description = _text(entity, "purpose", "summary")
    else:
        actors = names("involved", "organizer")
        title = _text(entity, "name", "summary") or entity["id"]
        description = _text(entity, "summary", "description")
    return {"id": entity["id"], "start": start, "end": _text(entity, "endDate"), "title": title,
            "actors": ";".join(actors), "category": schema.lower(), "description": description,
            "source_url": _text(entity, "sourceUrl")}


def _lifetime(entity: dict[str, Any]) -> list[dict[str, str]]:
    """An organisation's incorporation and dissolution, as events of its own."""
    out = []
    for prop, what in (("incorporationDate", "Incorporated"), ("dissolutionDate", "Dissolved")):
        when = _text(entity, prop)
        if when:
            out.append({"id": f"{entity['id']}-{prop}", "start": when, "end": "", "title": f"{what}: {_name(entity)}",
                        "actors": entity["id"], "category": what.lower(), "description": "",
                        "source_url": _text(entity, "sourceUrl")})
    return out
