"""GraphML (``.graphml``, as networkx, igraph, Gephi, Cytoscape and yEd write it) into entities and relations.

Nodes are entities, edges relations. Each ``<data>`` value is looked up by its key's ``attr.name``, compared
as the table reader compares column names (no case, spaces, underscores, hyphens or dots: ``Start Date`` is
``startdate``). A key's ``<default>`` fills in where a node or edge has none (a ``for="graph"`` key's is the
graph's own, never a node's or an edge's):

- a node's name: ``label``, ``name`` or ``title`` (yEd's ``<y:NodeLabel>`` inside the data too), else its id;
  its kind: ``kind``, ``type``, ``category`` or ``group``;
- an edge's kind: ``kind``, ``type``, ``relation``, ``relationship``, ``label`` or ``edgelabel`` (Gephi's
  ``Edge Label``); its value: ``value``, ``share``, ``percent``, ``stake`` or ``weight``;
- from when and until when either is valid: ``start``, ``from``, ``since``, ``valid_from``, ``begin``,
  ``start_date`` and ``end``, ``to``, ``until``, ``valid_to``, ``end_date``; a node with a start is an event
  ("… appears"), as in GEXF.

Every other value goes into the note. An undirected edge says so in its note. Parsed by defusedxml.
"""

from __future__ import annotations

import xml.etree.ElementTree as StdET
from pathlib import Path
from typing import Any

from viewer.io.gexf import VALUES, graph_dataset, graph_of, pick
from viewer.model.dataset import Dataset
from viewer.model.problems import Problem

EXPECTED = "a GraphML document (<graphml> holding a <graph> of <node> and <edge> elements)"
NAMES = ("label", "name", "title", "nodegraphics")  # (yEd's label is in its node graphics)
YED = frozenset({"nodegraphics", "edgegraphics", "resources", "portgraphics", "portgeometry", "portuserdata"})
NODE_KINDS = ("kind", "type", "category", "group")
EDGE_KINDS = ("kind", "type", "relation", "relationship", "label", "edgelabel", "edgegraphics")
STARTS = ("start", "from", "since", "validfrom", "begin", "startdate")  # names as column_key folds them
ENDS = ("end", "to", "until", "validto", "enddate")


def looks_like(head: bytes) -> bool:
    """True when the first bytes of an XML file show a ``<graphml`` root."""
    return b"<graphml" in head[:4096]


def _keys(root: StdET.Element) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """Each key's name, and the defaults for nodes and for edges (by name)."""
    names: dict[str, str] = {}
    defaults: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for key in root.iter("key"):
        ident = key.get("id", "")
        name = key.get("attr.name") or key.get("yfiles.type") or ident
        names[ident] = name
        default = key.find("default")
        if default is not None and default.text and default.text.strip():
            scope_of = key.get("for", "all")  # a graph key's default is the graph's alone
            for scope in ("node", "edge") if scope_of == "all" else (scope_of,):
                if scope in defaults:
                    defaults[scope][name] = default.text.strip()
    return names, defaults


def _value(data: StdET.Element) -> str:
    """A data element's text; yEd keeps a label inside (``<y:ShapeNode><y:NodeLabel>Renault…``)."""
    labels = [e for e in data.iter() if e.tag in ("NodeLabel", "EdgeLabel") and (e.text or "").strip()]
    text = labels[0].text if labels else "".join(data.itertext())
    return " ".join((text or "").split())


def _values(element: StdET.Element, names: dict[str, str], defaults: dict[str, str]) -> dict[str, str]:
    values = dict(defaults)
    for data in element.findall("data"):
        key = data.get("key", "")
        text = _value(data)
        if text:
            values[names.get(key, key)] = text
    return values


def note(values: dict[str, str], used: set[str | None]) -> str:
    return "; ".join(f"{k}: {v}" for k, v in values.items() if k not in used and k not in YED)


def _nodes(graph: StdET.Element, names: dict[str, str], defaults: dict[str, str], label: str,
           problems: list[Problem]) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    entities, events = [], []
    for node in graph.iter("node"):
        ident = node.get("id")
        if not ident:
            problems.append(Problem(label, "a <node> needs an id; node skipped", None, "node/id"))
            continue
        values = _values(node, names, defaults)
        name, by_name = pick(values, NAMES)
        kind, by_kind = pick(values, NODE_KINDS)
        start, by_start = pick(values, STARTS)
        end, by_end = pick(values, ENDS)
        entities.append({"id": ident, "name": name or ident, "kind": kind or "node",
                         "note": note(values, {by_name, by_kind, by_start, by_end}),
                         "valid_from": start, "valid_to": end})
        if start:
            events.append({"id": f"node-{ident}-{start}", "start": start, "title": f"{name or ident} appears",
                           "actors": ident, "category": "appears", "description": ""})
    return entities, events


def _edges(graph: StdET.Element, names: dict[str, str], defaults: dict[str, str]) -> list[dict[str, Any]]:
    directed_by_default = graph.get("edgedefault", "directed").lower() == "directed"
    relations = []
    for number, edge in enumerate(graph.iter("edge"), start=1):
        values = _values(edge, names, defaults)
        kind, by_kind = pick(values, EDGE_KINDS)
        value, by_value = pick(values, VALUES)
        start, by_start = pick(values, STARTS)
        end, by_end = pick(values, ENDS)
        directed = edge.get("directed", "true" if directed_by_default else "false").lower() == "true"
        notes = [n for n in (note(values, {by_kind, by_value, by_start, by_end}), "" if directed else "undirected")
                 if n]
        relations.append({"id": edge.get("id") or f"e{number}", "source": edge.get("source", ""),
                          "target": edge.get("target", ""), "kind": kind or "edge", "value": value,
                          "valid_from": start, "valid_to": end, "note": "; ".join(notes)})
    return relations


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a GraphML graph into entities (nodes), relations (edges) and node events."""
    path = Path(path)
    root, graph = graph_of(path, "graphml", EXPECTED)
    problems: list[Problem] = []
    names, defaults = _keys(root)
    entities, events = _nodes(graph, names, defaults["node"], str(path), problems)
    relations = _edges(graph, names, defaults["edge"])
    hyper = sum(1 for _ in graph.iter("hyperedge"))
    if hyper:  # (a tie of three or more ends: no relation holds one; it was dropped without a word)
        problems.append(Problem(str(path), f"{hyper} hyperedge{'s' if hyper > 1 else ''} (ties of more than two nodes) "
                                "not read: a relation ties two entities", None, "hyperedge", "warning"))
    description = " ".join((root.findtext("desc") or graph.findtext("desc") or "").split())
    return graph_dataset(path, (events, entities, relations), problems, EXPECTED, description)
