"""An i2 Analyst's Notebook chart in its exchange format (``.anx``, as Analyst's Notebook saves one and as tools that
feed it write one): its chart items are entities and links, each perhaps dated, with cards of dated notes.

Each entity is an entity (named by its label, of its type: ``Person``, ``Organisation``, ``Vehicle`` …, its attributes
in its note) and each link a tie between its ends, from its date on when it has one (``ArrowOnTail`` turns it round;
a link with no arrow or two says so in its note), its type its kind. Whatever is dated is an event at its date, to the
day or, where the chart sets the time, to the second (Analyst's Notebook's times are UTC): a dated entity (an event
frame on a timeline chart, with the entities linked to it as its actors), a dated link (between its ends) and each
dated card (its summary the title, its text the description). Attributes and source references go with them.
An ``.anb`` chart, Analyst's Notebook's own binary format, is refused with how to save it as ``.anx``
(:mod:`viewer.io.elsewhere`).
"""

from __future__ import annotations

import xml.etree.ElementTree as StdET
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io.gexf import parse_xml
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "an i2 Analyst's Notebook chart saved as ANX (<Chart> holding a <ChartItemCollection> of <ChartItem>s)"
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "source_title"]
_ARROWS = {"ArrowOnHead": "", "ArrowOnTail": "", "ArrowOnBoth": "both ways", "ArrowNone": "undirected"}


def looks_like(head: bytes) -> bool:
    """An XML chart: a ``<Chart`` root with i2's collections (or its namespace) in the first bytes."""
    start = head[:8192]
    return b"<Chart" in start and any(mark in start for mark in (b"ChartItemCollection", b"EntityTypeCollection",
                                                                  b"LinkTypeCollection", b"urn:i2"))


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a chart's entities and links, and its dated items and cards as events."""
    path = Path(path)
    root = parse_xml(path, EXPECTED)
    if root.tag != "Chart":
        raise LoadError(f"{path}: the document's root is <{root.tag}>; expected {EXPECTED}")
    label = str(path)
    problems: list[Problem] = []
    items = [item for item in root.iter("ChartItem")]
    keys: dict[str, str] = {}  # every name an entity's item is referred to by → the entity's id
    entities: list[dict[str, Any]] = []
    used: set[str] = set()
    for number, item in enumerate(items, start=1):
        entity = item.find("End/Entity")
        if entity is None:
            continue
        # known by its identity (a name, a number: what the chart's user reads), else by its item's id
        identity = entity.get("Identity") or ""
        ident = (identity if identity and identity not in used else None) or item.get("Id") or \
            entity.get("EntityId") or f"entity-{number}"
        used.add(ident)
        for key in (item.get("Id"), entity.get("EntityId"), entity.get("Identity"), item.get("Label")):
            if key:
                keys.setdefault(key, ident)
        entities.append({"id": ident, "name": item.get("Label") or entity.get("Identity") or ident,
                         "kind": _entity_type(entity), "note": _note(item), "event_frame": _frame(entity),
                         "item": item})
    relations, links = _links(items, keys, label, problems)
    names = {e["id"]: e["name"] for e in entities}
    neighbours: dict[str, list[str]] = {}
    for source, target, _ in links:
        neighbours.setdefault(source, []).append(target)
        neighbours.setdefault(target, []).append(source)
    events: list[dict[str, Any]] = []
    for party in entities:
        # an event frame's actors are those linked to it; any other dated entity is its own event's actor
        actors = neighbours.get(party["id"], []) if party["event_frame"] else []
        _dated(party["item"], actors or [party["id"]], party["kind"], events)
    for source, target, item in links:
        kind = _link_type(item)
        fallback = f"{names.get(source, source)} → {names.get(target, target)}: {kind}"
        _dated(item, [source, target], kind, events, fallback)
    if not entities and not relations:
        raise LoadError(f"{path}: the chart holds no entities and no links; expected {EXPECTED}")
    tables = Tables(pd.DataFrame(events, columns=EVENT_COLUMNS) if events else pd.DataFrame(columns=EVENT_COLUMNS),
                    pd.DataFrame([{k: e[k] for k in ("id", "name", "kind", "note")} for e in entities],
                                 columns=["id", "name", "kind", "note"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} chart items", f"{label} entities", f"{label} links")
    summary = root.find("Summary")
    description = " ".join((summary.findtext("Description") or "").split()) if summary is not None else ""
    return build_dataset(tables, DatasetMeta(title=path.stem, description=description, path=label,
                                             sources=(label,)), problems)


def _links(items: list[StdET.Element], keys: dict[str, str], label: str, problems: list[Problem]
           ) -> tuple[list[dict[str, Any]], list[tuple[str, str, StdET.Element]]]:
    """The links as ties (source, target, kind, from their date on), and each link's ends and item."""
    relations: list[dict[str, Any]] = []
    links: list[tuple[str, str, StdET.Element]] = []
    for number, item in enumerate(items, start=1):
        link = item.find("Link")
        if link is None:
            continue
        ends = [keys.get(link.get(f"End{n}Reference") or "") or keys.get(link.get(f"End{n}Id") or "") or ""
                for n in (1, 2)]
        if not all(ends):
            problems.append(Problem(label, f"link {item.get('Label') or item.get('Id') or number!r} names an end the "
                                    "chart does not hold; skipped", number, "Link", "warning"))
            continue
        style = link.find("LinkStyle")
        arrow = style.get("ArrowStyle", "ArrowNone") if style is not None else "ArrowNone"
        source, target = (ends[1], ends[0]) if arrow == "ArrowOnTail" else (ends[0], ends[1])
        notes = [n for n in (_ARROWS.get(arrow, ""), item.get("Label") or "", _note(item)) if n]
        relations.append({"id": item.get("Id") or f"link-{number}", "source": source, "target": target,
                          "kind": _link_type(item), "value": None, "valid_from": _when(item) or "", "valid_to": "",
                          "note": "; ".join(notes)})
        links.append((source, target, item))
    return relations, links


def _dated(item: StdET.Element, actors: list[str], kind: str, events: list[dict[str, Any]],
           fallback: str = "") -> None:
    """The item's own date and its dated cards, as events."""
    ident = item.get("Id") or f"item-{len(events) + 1}"
    title = item.get("Label") or fallback
    when = _when(item)
    if when:
        events.append({"id": ident, "start": when, "title": title or kind, "actors": ";".join(dict.fromkeys(actors)),
                       "category": kind, "description": _text(item.get("Description")),
                       "source_title": item.get("SourceReference") or ""})
    for number, card in enumerate(item.iter("Card"), start=1):
        card_when = _when(card)
        if card_when:
            events.append({"id": f"{ident}-card-{number}", "start": card_when,
                           "title": card.get("Summary") or title or kind, "actors": ";".join(dict.fromkeys(actors)),
                           "category": kind, "description": _text(card.get("Text")),
                           "source_title": card.get("SourceReference") or item.get("SourceReference") or ""})


def _when(element: StdET.Element) -> str | None:
    """An item's or a card's date, to the day or (its time set) to the second, in UTC; None when it has none."""
    written = (element.get("DateTime") or "").strip()
    if not written or element.get("DateSet", "true").lower() != "true":
        return None
    if element.get("TimeSet", "false").lower() != "true" or "T" not in written:
        return written[:10]
    return written.split(".")[0] + "Z"


def _entity_type(entity: StdET.Element) -> str:
    """The entity's type, as its representation's style names it (``IconStyle Type="Person"``)."""
    styled = next((e for e in entity.iter() if e is not entity and e.get("Type")), None)
    return (styled.get("Type") or "entity").strip().lower() if styled is not None else "entity"


def _frame(entity: StdET.Element) -> bool:
    """Whether the entity is an event frame (an event on a timeline chart, not a party to one)."""
    return any("Event" in str(e.tag) for e in entity.iter() if e is not entity)


def _link_type(item: StdET.Element) -> str:
    style = item.find("Link/LinkStyle")
    return (style.get("Type") if style is not None else None) or item.get("Label") or "link"


def _note(item: StdET.Element) -> str:
    """An item's description and attributes (``Phone: 0123``), as a tie's or an entity's note."""
    said = [_text(item.get("Description"))]
    for attribute in item.iter("Attribute"):
        name, value = attribute.get("AttributeClass") or "", attribute.get("Value") or ""
        if value:
            said.append(f"{name}: {value}" if name else value)
    return "; ".join(s for s in said if s)


def _text(value: str | None) -> str:
    return (value or "").strip()
