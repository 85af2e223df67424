"""A Maltego graph (``.mtgx``: a ZIP archive holding ``Graphs/Graph1.graphml`` …, each node a Maltego entity and each
edge a Maltego link, with their properties). It was refused as a binary file.

Each entity is an entity, named by its main value (a person's full name, a domain, an e-mail address, a phone number
…: the property Maltego shows, else the first written), of its type (``maltego.Person`` is a ``person``,
``maltego.EmailAddress`` an ``email address``), its other properties in its note; each link a tie between its ends,
of its label (a manual link's type, else ``linked``, the transform that made it in its note). A property typed as a
date or a time dates an event (``Ana Ruiz: Date of birth``); a dated link holds from its date on. Every graph of the
archive is read; a node found in two (the same id) is one entity. Parsed by defusedxml.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as StdET
from collections import Counter
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory
from viewer.io.archive_files import Zipped
from viewer.io.gexf import parse_xml
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "a Maltego graph (.mtgx: a ZIP archive holding Graphs/*.graphml of Maltego entities and links)"
SUFFIX = ".mtgx"
# the properties a type shows as its value, in the order tried (then the first written)
MAIN = ("person.fullname", "title", "fqdn", "email", "ipv4-address", "ipv6-address", "phonenumber", "location.name",
        "alias", "affiliation.uid", "text", "url", "properties.value", "name", "value")
DATED = ("date", "datetime", "date[]", "datetime[]")
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description"]


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read every graph of the archive into entities, ties and the events their dated properties make."""
    path = Path(path)
    label = str(path)
    archive = Zipped(path, (".graphml",), EXPECTED)
    graphs = sorted(name for name in archive.names if name.lower().startswith("graphs/")) or archive.names
    if not graphs:
        raise LoadError(f"{path}: no graph in the archive (it holds {', '.join(archive.names[:5]) or 'nothing'}); "
                        f"expected {EXPECTED}")
    free_memory.check(path, sum(archive.infos[name].file_size for name in graphs), "unpacks to")
    problems: list[Problem] = []
    entities: dict[str, dict[str, str]] = {}
    relations: list[dict[str, Any]] = []
    events: list[dict[str, str]] = []
    roots: dict[str, StdET.Element] = {}
    for name in graphs:
        try:
            roots[name] = parse_xml(io.BytesIO(archive.read(name)), EXPECTED, f"{path} ({name})")
        except LoadError as exc:
            problems.append(Problem(label, f"{name}: {exc}".replace(f"{path} ({name}): ", ""), None, None,
                                    "warning"))
    for root in roots.values():  # every graph's entities first: a link may end in another graph's
        for node in root.iter("node"):
            _entity(node, entities, events)
    for name, root in roots.items():
        for number, edge in enumerate(root.iter("edge"), start=1):
            _tie(edge, number, entities, relations, events, (label, name, problems))
    if not entities:
        raise LoadError(f"{path}: no Maltego entity in its graphs; expected {EXPECTED}")
    _known_by_names(entities, relations, events)
    relations, events = _once(relations, events)
    tables = Tables(pd.DataFrame(events, columns=EVENT_COLUMNS),
                    pd.DataFrame(list(entities.values()), columns=["id", "name", "kind", "note"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} properties", f"{label} entities", f"{label} links")
    return build_dataset(tables, DatasetMeta(title=path.stem, path=label, sources=(label,)), problems)


def _properties(element: StdET.Element) -> list[tuple[str, str, str, str]]:
    """An entity's or a link's properties: name, display name, type and value (written ones only)."""
    found = []
    for prop in element.iter("Property"):
        value = (prop.findtext("Value") or "").strip()
        if value:
            found.append((prop.get("name") or "", prop.get("displayName") or prop.get("name") or "",
                          (prop.get("type") or "").lower(), value))
    return found


def _entity(node: StdET.Element, entities: dict[str, dict[str, str]], events: list[dict[str, str]]) -> None:
    maltego = next(node.iter("MaltegoEntity"), None)
    ident = node.get("id") or ""
    if maltego is None or not ident or ident in entities:
        return
    props = _properties(maltego)
    by_name = {name: value for name, _, _, value in props}
    main = next((by_name[key] for key in MAIN if by_name.get(key)), None)
    main = main or next((value for _, _, kind, value in props if kind in ("string", "")), ident)
    kind = _kind(maltego.get("type") or "")
    entities[ident] = {"id": ident, "name": main, "kind": kind,
                       "note": "; ".join(f"{shown}: {value}" for name, shown, kind_of, value in props
                                         if value != main and kind_of not in DATED)}
    for name, shown, kind_of, value in props:
        if kind_of in DATED:
            events.append({"id": f"{ident}-{name}", "start": value, "title": f"{main}: {shown}", "actors": ident,
                           "category": kind, "description": ""})


def _tie(edge: StdET.Element, number: int, entities: dict[str, dict[str, str]], relations: list[dict[str, Any]],
         events: list[dict[str, str]], where: tuple[str, str, list[Problem]]) -> None:
    label, graph, problems = where
    source, target = edge.get("source") or "", edge.get("target") or ""
    if source not in entities or target not in entities:
        problems.append(Problem(label, f"{graph}: link {edge.get('id') or number} names an entity the graph does not "
                                "hold; skipped", number, "edge", "warning"))
        return
    link = next(edge.iter("MaltegoLink"), None)
    props = _properties(link) if link is not None else []
    by_name = {name: value for name, _, _, value in props}
    kind = by_name.get("maltego.link.manual.type") or by_name.get("maltego.link.label") or "linked"
    dated = next((value for _, _, kind_of, value in props if kind_of in DATED), "")
    notes = [f"{shown}: {value}" for name, shown, kind_of, value in props
             if kind_of not in DATED and not name.startswith(("maltego.link.manual.type", "maltego.link.show",
                                                                "maltego.link.thickness", "maltego.link.color",
                                                                "maltego.link.style"))]
    ident = edge.get("id") or f"link-{number}"
    relations.append({"id": f"{graph}:{ident}", "source": source, "target": target, "kind": kind, "value": None,
                      "valid_from": dated, "valid_to": "", "note": "; ".join(notes)})
    if dated:
        events.append({"id": f"{graph}:{ident}", "start": dated, "actors": f"{source};{target}", "category": kind,
                       "title": f"{entities[source]['name']} → {entities[target]['name']}: {kind}",
                       "description": "; ".join(notes)})


def _once(relations: list[dict[str, Any]], events: list[dict[str, str]]
          ) -> tuple[list[dict[str, Any]], list[dict[str, str]]]:
    """Each link once, with its event: graphs of one investigation share links, and a link in two graphs was drawn
    twice and its dated event listed twice."""
    seen: set[tuple[Any, ...]] = set()
    kept, dropped = [], set()
    for relation in relations:
        key = tuple(value for name, value in relation.items() if name != "id")
        if key in seen:
            dropped.add(relation["id"])
        else:
            seen.add(key)
            kept.append(relation)
    return kept, [event for event in events if event["id"] not in dropped] if dropped else events


def _kind(written: str) -> str:
    """``maltego.EmailAddress`` → ``email address``; ``maltego.affiliation.Twitter`` → ``twitter``."""
    last = written.rsplit(".", 1)[-1] or "entity"
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", last).lower()


def _known_by_names(entities: dict[str, dict[str, str]], relations: list[dict[str, Any]],
                    events: list[dict[str, str]]) -> None:
    """Each entity known by its value where no other has it (``Ana Ruiz``, not the graph's ``n0``: what the command
    line and an export show), else by its node's id; its ties and events follow."""
    counts = Counter(e["name"] for e in entities.values())
    renamed = {ident: e["name"] if counts[e["name"]] == 1 and e["name"] not in entities else ident
               for ident, e in entities.items()}
    for ident, entity in entities.items():
        entity["id"] = renamed[ident]
    for relation in relations:
        relation["source"], relation["target"] = renamed[relation["source"]], renamed[relation["target"]]
    for event in events:
        event["actors"] = ";".join(renamed.get(a, a) for a in event["actors"].split(";"))
