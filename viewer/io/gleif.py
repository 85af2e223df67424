"""GLEIF Level 2 data: RR-CDF relationship records (parent links) and LEI-CDF entity records (names).

Direction: GLEIF writes "child IS_DIRECTLY_CONSOLIDATED_BY parent" (StartNode → EndNode). Like an
equity stake (holder → held), a relation here runs parent → child: source = EndNode, target =
StartNode, kind ``directly_consolidates`` / ``ultimately_consolidates`` / ``manages_fund`` /
``has_subfund`` / ``has_feeder`` / ``has_international_branch``; unknown types keep GLEIF's direction
and their lowercased name. The validity comes from the RELATIONSHIP_PERIOD (else the ACCOUNTING_PERIOD),
read as days; an ACCOUNTING_CONSOLIDATION percentage becomes the value. Names come from an LEI-CDF
file: ``entities_path``, else any ``*.xml`` beside the RR file whose root is LEI-CDF, else the LEIs.
"""

from __future__ import annotations

import xml.etree.ElementTree as StdET
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io.gexf import parse_xml
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "GLEIF RR-CDF (RelationshipData) or LEI-CDF (LEIData) XML"
KINDS = {"IS_DIRECTLY_CONSOLIDATED_BY": "directly_consolidates",
         "IS_ULTIMATELY_CONSOLIDATED_BY": "ultimately_consolidates", "IS_FUND-MANAGED_BY": "manages_fund",
         "IS_SUBFUND_OF": "has_subfund", "IS_FEEDER_TO": "has_feeder",
         "IS_INTERNATIONAL_BRANCH_OF": "has_international_branch"}
CATEGORIES = {"GENERAL": "company", "FUND": "fund", "BRANCH": "business_unit", "SOLE_PROPRIETOR": "person",
              "RESIDENT_GOVERNMENT_ENTITY": "government", "INTERNATIONAL_ORGANIZATION": "government"}


def looks_like(head: bytes) -> bool:
    """True when the first bytes show a GLEIF RelationshipData (RR-CDF) or LEIData (LEI-CDF) root."""
    return b"RelationshipData" in head[:4096] or b"LEIData" in head[:4096]


def _is_lei_file(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return b"LEIData" in handle.read(4096)
    except OSError:
        return False


def _text(element: StdET.Element, path: str) -> str:
    return (element.findtext(path) or "").strip()


def read_entities(path: Path) -> pd.DataFrame:
    """LEI-CDF records as entity rows: id = LEI, name = legal name, country = legal address country."""
    root = parse_xml(path, EXPECTED)
    rows = []
    for record in root.iter("LEIRecord"):
        lei = _text(record, "LEI")
        if not lei:
            continue
        category = _text(record, "Entity/EntityCategory")
        rows.append({"id": lei, "name": _text(record, "Entity/LegalName") or lei,
                     "kind": CATEGORIES.get(category, "company"),
                     "country": _text(record, "Entity/LegalAddress/Country"),
                     "note": "; ".join(f"{k}: {v}" for k, v in (
                         ("LEI", lei), ("status", _text(record, "Entity/EntityStatus")),
                         ("jurisdiction", _text(record, "Entity/LegalJurisdiction"))) if v)})
    return pd.DataFrame(rows, columns=["id", "name", "kind", "country", "note"])


def _period(relationship: StdET.Element) -> tuple[str, str, str]:
    periods = {_text(p, "PeriodType"): p for p in relationship.iter("RelationshipPeriod")}
    for kind in ("RELATIONSHIP_PERIOD", "ACCOUNTING_PERIOD"):
        if kind in periods:
            # GLEIF writes days as local midnights with offsets; the day is what is meant.
            return _text(periods[kind], "StartDate")[:10], _text(periods[kind], "EndDate")[:10], kind.lower()
    return "", "", ""


def _value(relationship: StdET.Element) -> str:
    for quantifier in relationship.iter("RelationshipQuantifier"):
        if _text(quantifier, "MeasurementMethod") == "ACCOUNTING_CONSOLIDATION":
            return _text(quantifier, "QuantifierAmount")
    return ""


def _relations(root: StdET.Element, label: str, problems: list[Problem]) -> list[dict[str, str]]:
    rows = []
    for number, record in enumerate(root.iter("RelationshipRecord"), start=1):
        relationship = record.find("Relationship")
        child = _text(record, "Relationship/StartNode/NodeID")
        parent = _text(record, "Relationship/EndNode/NodeID")
        if relationship is None or not child or not parent:
            problems.append(Problem(label, "expected Relationship/StartNode/NodeID and EndNode/NodeID; record "
                                    "skipped", number, "RelationshipRecord"))
            continue
        gleif_type = _text(relationship, "RelationshipType")
        kind = KINDS.get(gleif_type)
        source, target = (parent, child) if kind else (child, parent)
        start, end, period = _period(relationship)
        status = _text(relationship, "RelationshipStatus")
        note = "; ".join(n for n in (f"GLEIF {gleif_type}", f"period: {period}" if period else "",
                                     f"status: {status}" if status and status != "ACTIVE" else "") if n)
        rows.append({"id": f"rr{number}", "source": source, "target": target,
                     "kind": kind or gleif_type.lower().replace("-", "_") or "relationship",
                     "value": _value(relationship), "valid_from": start, "valid_to": end, "note": note,
                     "event": f"ev-rr{number}" if start else ""})
    return rows


def _names(path: Path, entities_path: str | Path | None, problems: list[Problem]) -> pd.DataFrame | None:
    label = str(path)
    candidates = [Path(entities_path)] if entities_path else sorted(
        p for p in path.parent.glob("*.xml") if p != path and _is_lei_file(p))
    for candidate in candidates:
        try:
            entities = read_entities(candidate)
        except LoadError as exc:
            problems.append(Problem(label, f"entity names not read from {candidate}: {exc}", None, None, "warning"))
            continue
        problems.append(Problem(label, f"entity names from {candidate}", None, None, "info"))
        return entities
    problems.append(Problem(label, "no LEI-CDF file found beside it; LEIs used as names", None, None, "info"))
    return None


def read(path: str | Path, entities_path: str | Path | None = None, **_options: Any) -> Dataset:
    """Read a GLEIF RR-CDF file (with names from an LEI-CDF file) or an LEI-CDF file alone."""
    path = Path(path)
    label = str(path)
    root = parse_xml(path, EXPECTED)
    problems: list[Problem] = []
    if root.tag == "LEIData":
        entities = read_entities(path)
        if entities.empty:
            raise LoadError(f"{path}: no LEIRecord with an LEI; expected {EXPECTED}")
        return build_dataset(Tables(pd.DataFrame(columns=["id", "start", "title"]), entities),
                             DatasetMeta(title=path.stem, path=label, sources=(label,)))
    if root.tag != "RelationshipData":
        raise LoadError(f"{path}: root element <{root.tag}>; expected {EXPECTED}")
    relations = _relations(root, label, problems)
    if not relations:
        raise LoadError(f"{path}: no RelationshipRecord with start and end nodes; expected {EXPECTED}")
    entities = _names(path, entities_path, problems)
    names = dict(zip(entities["id"], entities["name"], strict=True)) if entities is not None else {}
    events = [{"id": r["event"], "start": r["valid_from"], "actors": f"{r['source']};{r['target']}",
               "category": r["kind"], "title": f"{names.get(r['source'], r['source'])} "
               f"{r['kind'].replace('_', ' ')} {names.get(r['target'], r['target'])}"}
              for r in relations if r["event"]]
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "actors", "category", "title"]), entities,
                    pd.DataFrame(relations), f"{label} relationships", f"{label} entities",
                    f"{label} relationships")
    return build_dataset(tables, DatasetMeta(title=path.stem, path=label, sources=(label,)), problems)
