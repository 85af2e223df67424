"""Beneficial Ownership Data Standard (BODS) JSON, versions 0.2–0.3 and 0.4: statements → a graph (a list of
statements, or one statement alone).

Entity and person statements become entities (kind company/person/government/trust …); each
interest of an ownership-or-control statement becomes one relation from the interested party to
the subject (shareholding → ``equity_stake``, voting rights → ``voting_rights``, others → the
interest type in snake_case), valued at the exact share, or the midpoint of minimum/maximum, or the bound, shown as
the band or bound (noted). An unspecified party (withheld, exempt, unknown) is an entity of its own, named by the
reason given.
A statement that is replaced — listed in a later ``replacesStatements`` (0.2) or followed by a later
statement of the same ``recordId`` (0.4) — ends where its replacement's interest of the same type
starts, else at the replacement's ``statementDate``, unless it has an ``endDate`` of its own. A
``closed`` 0.4 record ends its relations at its statementDate. Each relation's note names its
statement; each ownership statement also adds one event to the timeline.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import reading
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = "a BODS JSON list of statements (statementType or recordType on each)"
ENTITY_KINDS = {"registeredentity": "company", "legalentity": "company", "arrangement": "arrangement",
                "anonymousentity": "unknown", "unknownentity": "unknown", "state": "government",
                "statebody": "government"}
INTEREST_KINDS = {"shareholding": "equity_stake", "votingrights": "voting_rights"}


def looks_like(document: object) -> bool:
    """True for a JSON list whose objects carry BODS ``statementType`` or ``recordType`` keys, or for one such
    statement alone (as the standard's examples and a register's API give one)."""
    if _alone(document):
        return True
    if not isinstance(document, list) or not document:
        return False
    sample = [s for s in document[:20] if isinstance(s, dict)]
    return bool(sample) and all(("statementType" in s or "recordType" in s) for s in sample)


def _alone(document: object) -> bool:
    """One statement, not in a list: its type and its id."""
    return (isinstance(document, dict) and ("statementType" in document or "recordType" in document)
            and any(key in document for key in ("statementID", "statementId", "recordId")))


def _snake(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", re.sub(r"(?<=[a-z])(?=[A-Z])", "_", text).lower()).strip("_")


def _name(statement: dict[str, Any], details: dict[str, Any]) -> str:
    if details.get("name"):
        return str(details["name"])
    names = details.get("names") or []
    for name in names if isinstance(names, list) else []:
        if isinstance(name, dict) and name.get("fullName"):
            return str(name["fullName"])
    return str(statement.get("recordId") or statement.get("statementID") or statement.get("statementId") or "")


def _kind(details: dict[str, Any], is_person: bool) -> str:
    if is_person:
        return "person"
    entity_type = details.get("entityType")
    if isinstance(entity_type, dict):
        entity_type = entity_type.get("type")
    return ENTITY_KINDS.get(str(entity_type or "").lower(), "company")


def _party(party: object, statement_id: str, role: str = "") -> tuple[str, dict[str, str] | None]:
    """The entity id an interestedParty/subject refers to; an unspecified party gets its own entity (``role`` tells a
    statement's unspecified subject from its unspecified interested party)."""
    if isinstance(party, str):
        return party, None
    if not isinstance(party, dict):
        return "", None
    for key in ("describedByEntityStatement", "describedByPersonStatement"):
        if party.get(key):
            return str(party[key]), None
    # 0.2–0.3: {"unspecified": {"reason": …}}; 0.4: {"reason": …, "description": …} in the party's place
    unspecified = party.get("unspecified") or (party if "reason" in party else {})
    if isinstance(unspecified, dict) and unspecified:
        entity_id = f"unspecified:{statement_id}{role}"
        reason = _snake(str(unspecified.get("reason") or "unspecified")).replace("_", " ")  # (0.4: camelCase codes)
        return entity_id, {"id": entity_id, "name": f"Unspecified ({reason})", "kind": "unknown",
                           "note": str(unspecified.get("description", ""))}
    return "", None


def _share(interest: dict[str, Any]) -> tuple[str, str]:
    """The share as its value is written in a table: exact, a band ("25-50%") or a bound ("≥25%", ">25%"), which the
    model values at the midpoint or the bound and shows as written (viewer.model.value_bands)."""
    share = interest.get("share")
    if not isinstance(share, dict):
        return "", ""
    if share.get("exact") is not None:
        return str(share["exact"]), ""
    low, high = share.get("minimum"), share.get("maximum")
    if not all(isinstance(bound, int | float | type(None)) for bound in (low, high)):
        return "", f"share between {low!r} and {high!r}, which are not both numbers"
    if low is not None and high is not None:
        return f"{low:g}-{high:g}%", ""
    if low is not None:
        return f"{'>' if share.get('exclusiveMinimum') else '≥'}{low:g}%", ""
    return ("", "") if high is None else (f"{'<' if share.get('exclusiveMaximum') else '≤'}{high:g}%", "")


def _exact(interest: dict[str, Any]) -> str:
    """The exact share an interest states, else ""."""
    share = interest.get("share")
    return str(share.get("exact", "")) if isinstance(share, dict) else ""


def _listed(value: object) -> list[Any]:
    """A list the document holds where a list belongs; anything else there (a number, true, an object) as none."""
    return value if isinstance(value, list) else []


def _statement_id(statement: dict[str, Any]) -> str:
    return str(statement.get("statementID") or statement.get("statementId") or "")


def _replacements(statements: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Which statement replaces which: explicit replacesStatements (0.2), else the next of a recordId (0.4)."""
    replaced_by: dict[str, dict[str, Any]] = {}
    by_record: dict[str, list[dict[str, Any]]] = {}
    for statement in statements:
        for old in _listed(statement.get("replacesStatements")):
            replaced_by[str(old)] = statement
        if statement.get("recordId"):
            by_record.setdefault(str(statement["recordId"]), []).append(statement)
    for versions in by_record.values():
        versions.sort(key=lambda s: str(s.get("statementDate", "")))
        for old, new in itertools.pairwise(versions):
            replaced_by.setdefault(_statement_id(old), new)
    return replaced_by


def _start(interest: dict[str, Any], statement: dict[str, Any]) -> str:
    """The interest's own startDate; else the statement's date, unless the interest ended before it (open then)."""
    if interest.get("startDate"):
        return str(interest["startDate"])
    stated, ended = str(statement.get("statementDate") or ""), str(interest.get("endDate") or "")
    return "" if ended and stated[:10] > ended[:10] else stated


def _end(interest: dict[str, Any], replacement: dict[str, Any] | None, start: str) -> str:
    """The interest's own endDate; else where its replacement's interest of the same type starts, else the
    replacement's statementDate; never before ``start`` (a replacement dated earlier closes it at once)."""
    if interest.get("endDate") or replacement is None:
        return str(interest.get("endDate") or "")
    details = replacement.get("recordDetails") if "recordDetails" in replacement else replacement
    same = [i for i in _listed(details.get("interests") if isinstance(details, dict) else None) if isinstance(i, dict)
            and i.get("type") == interest.get("type") and i.get("startDate")]
    candidates = [str(same[0]["startDate"])] if same and replacement.get("recordStatus") != "closed" else []
    candidates.append(str(replacement.get("statementDate") or ""))
    for end in candidates:
        if end and end[:10] >= start[:10]:
            return end
    return start


def _interest_relations(statement: dict[str, Any], interests: list[dict[str, Any]], source: str, target: str,
                        replacement: dict[str, Any] | None) -> list[dict[str, str]]:
    """One relation per interest, valid from its own start (else the statement's) to its own end (else
    where its replacement takes over)."""
    sid = _statement_id(statement)
    out = []
    for index, interest in enumerate(interests, start=1):
        value, share_note = _share(interest)
        interest_type = str(interest.get("type") or "interest")
        start = _start(interest, statement)
        out.append({
            "id": f"{sid}#{index}", "source": source, "target": target,
            "kind": INTEREST_KINDS.get(interest_type.lower().replace("-", ""), _snake(interest_type)),
            "value": value, "valid_from": start, "valid_to": _end(interest, replacement, start),
            "event": f"ev-{sid}" if statement.get("statementDate") else "",  # (undated: no event)
            "note": "; ".join(n for n in (f"BODS statement {sid}", share_note) if n)})
    return out


def _event(statement: dict[str, Any], sid: str, source: str, target: str, interests: list[dict[str, Any]]
           ) -> list[dict[str, str]]:
    """A dated statement's event (titled by the ids until the entities' names are known); none for an undated one,
    whose ties are read all the same (:func:`_undated` says so)."""
    if not statement.get("statementDate"):
        return []
    return [{"id": f"ev-{sid}", "start": str(statement.get("statementDate")),
             "title": f"Ownership statement: {source} in {target}", "actors": f"{source};{target}",
             "category": "ownership statement",
             "description": ", ".join(f"{i.get('type')} {_exact(i)}".strip() for i in interests)}]


def _undated(label: str, relations: list[dict[str, str]]) -> list[Problem]:
    """One note for the statements without a statementDate (their ties have no event): each was an event skipped as
    "no start date", and its ties' link to it said by an inner id no user wrote ('ev-s-o2')."""
    undated = list(dict.fromkeys(str(r["id"]).rsplit("#", 1)[0] for r in relations if not r["event"]))
    return [Problem(label, f"{counted(len(undated), 'statement')} without a statementDate (the first {undated[0]!r}): "
                    "their ties read, with no event of their own", None, "statementDate", "info")] if undated else []


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read BODS statements into entities (companies, people) and dated ownership relations."""
    path = Path(path)
    label = str(path)
    try:
        document = reading.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({reading.json_error(exc)}); expected {EXPECTED}") from exc
    if not looks_like(document):
        raise LoadError(f"{path}: expected {EXPECTED}")
    document = [document] if _alone(document) else document
    statements = [s for s in document if isinstance(s, dict)]
    problems = [Problem(label, "an item is not an object; skipped", i + 1, None)
                for i, s in enumerate(document) if not isinstance(s, dict)]
    known = {_statement_id(s) for s in statements}
    missing = sorted({str(old) for s in statements for old in _listed(s.get("replacesStatements"))} - known)
    problems += [Problem(label, f"replaces statement {old}, which is not in this file", None, "replacesStatements",
                         "info") for old in missing]
    replaced_by = _replacements(statements)
    entities: dict[str, dict[str, str]] = {}
    events: list[dict[str, str]] = []
    relations: list[dict[str, str]] = []
    for number, statement in enumerate(statements, start=1):
        kind = str(statement.get("statementType") or statement.get("recordType") or "")
        record = statement.get("recordDetails")
        details: dict[str, Any] = record if isinstance(record, dict) else statement
        sid = _statement_id(statement)
        if kind in ("entityStatement", "personStatement", "entity", "person"):
            entity_id = str(statement.get("recordId") or sid)
            entities[entity_id] = {"id": entity_id, "name": _name(statement, details),
                                   "kind": _kind(details, "person" in kind.lower()),
                                   "country": str((details.get("jurisdiction") or {}).get("code", "")
                                                  if isinstance(details.get("jurisdiction"), dict) else ""),
                                   "note": f"BODS statement {sid}"}
            continue
        if kind not in ("ownershipOrControlStatement", "relationship"):
            problems.append(Problem(label, f"unknown statement type {kind!r}; skipped", number, "statementType",
                                    "warning"))
            continue
        if statement.get("recordStatus") == "closed":
            continue  # a closed record only ends the relations of the version it replaces
        target, unnamed_subject = _party(details.get("subject"), sid, ":subject")
        source, unnamed_party = _party(details.get("interestedParty"), sid)
        for extra in (unnamed_subject, unnamed_party):
            if extra:
                entities.setdefault(extra["id"], extra)
        if not source or not target:
            problems.append(Problem(label, "expected a subject and an interested party; statement skipped",
                                    number, "subject/interestedParty"))
            continue
        interests = [i for i in _listed(details.get("interests")) if isinstance(i, dict)] or [{"type": "interest"}]
        relations += _interest_relations(statement, interests, source, target, replaced_by.get(sid))
        events += _event(statement, sid, source, target, interests)
    if not entities and not relations:
        raise _nothing_read(path, problems)
    names = {e["id"]: e["name"] for e in entities.values()}
    for event in events:
        source, target = event["actors"].split(";")
        event["title"] = f"Ownership statement: {names.get(source, source)} in {names.get(target, target)}"
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    pd.DataFrame(list(entities.values())),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "event", "note"]),
                    f"{label} statements", f"{label} statements", f"{label} statements")
    dataset = build_dataset(tables, DatasetMeta(title=path.stem, path=label, sources=(label,)),
                            problems + _undated(label, relations))
    dataset.problems.extend(over_full(dataset.relations, f"{label} statements", names))
    return dataset


def _nothing_read(path: Path, problems: list[Problem]) -> LoadError:
    """The refusal of a file none of whose statements could be read, saying why for the first few."""
    said = "; ".join(f"statement {p.row}: {p.message}" for p in problems[:3] if p.row is not None)
    return LoadError(f"{path}: no entity, person or ownership statement could be read{f' ({said})' if said else ''}; "
                     f"expected {EXPECTED}")


def over_full(relations: pd.DataFrame, label: str, names: dict[str, str]) -> list[Problem]:
    """A warning for each owner whose stakes of one kind in one entity sum above 100% at some date."""
    problems: list[Problem] = []
    stakes = relations[relations["kind"].isin(["equity_stake", "voting_rights"]) & relations["value"].notna()]
    for (source, target, kind), group in stakes.groupby(["source", "target", "kind"], observed=True):
        if len(group) < 2:
            continue
        for when in sorted(group["valid_from"].dropna().unique()):
            valid = (group["valid_from"].isna() | (group["valid_from"] <= when)) & (
                group["valid_to"].isna() | (group["valid_to"] > when))
            total = float(group.loc[valid, "value"].sum())
            if total > 100.5:
                problems.append(Problem(label, f"{names.get(source, source)}'s {kind.replace('_', ' ')} in "
                                        f"{names.get(target, target)} sums to {total:g}% on "
                                        f"{pd.Timestamp(when).date()} ({int(valid.sum())} statements valid at once)",
                                        None, "interests", "warning"))
                break
    return problems
