"""Graphs written as JSON: networkx's node-link data (``{"nodes": […], "links": […]}``, or ``"edges"`` as
networkx 3.4 names them; D3's force-layout data, its nodes named by their place in the list), Cytoscape's
(``.cyjs``: ``{"elements": {"nodes": [{"data": {…}}], "edges": […]}}``, or the elements as one list, each with its
``group``) and the JSON Graph Format (``{"graph": {"nodes": …, "edges": …}}``, its nodes a list or an object by id,
their values under ``metadata``).

Nodes are entities and edges relations, their values picked by name as GraphML's are
(:mod:`viewer.io.graphml`: a name from ``label``/``name``/``title``, an edge's kind from
``kind``/``relation``/``label``…, its value from ``value``/``share``/``weight``…, from when and until when from
``start``/``since``… and ``end``/``until``…); every other value goes into the note, a nested one as its JSON.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from viewer.io import reading
from viewer.io.gexf import VALUES, graph_dataset, pick
from viewer.io.graphml import ENDS, NAMES, NODE_KINDS, STARTS, note
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a graph as JSON: networkx's node-link data ({\"nodes\": […], \"links\": […]}), Cytoscape's "
            "({\"elements\": {\"nodes\": …, \"edges\": …}}) or the JSON Graph Format ({\"graph\": {\"nodes\": …}})")
EDGE_KINDS = ("kind", "type", "relation", "relationship", "interaction", "label", "edgelabel")  # Cytoscape's
WHEN = (*STARTS, "date")  # an edge's single date: when it begins
PLACES = ("position", "selected", "suid", "sharedname", "sharedinteraction")  # Cytoscape's layout and bookkeeping


def _grouped(elements: list[Any]) -> tuple[list[Any], list[Any], bool] | None:
    """Cytoscape's elements as one list, each with its ``group``."""
    if elements and all(isinstance(e, dict) and e.get("group") in ("nodes", "edges") for e in elements):
        return [e for e in elements if e["group"] == "nodes"], [e for e in elements if e["group"] == "edges"], True
    return None


def _parts(document: object) -> tuple[list[Any], list[Any], bool] | None:
    """The nodes, the edges and whether edges are directed, as the document holds them; None when it is no graph."""
    elements = document.get("elements") if isinstance(document, dict) else document
    if isinstance(elements, list):
        return _grouped(elements)
    if not isinstance(document, dict):
        return None
    if isinstance(elements, dict):
        return _listed(elements.get("nodes")), _listed(elements.get("edges")), True
    graph = document.get("graph")
    if isinstance(graph, dict) and "nodes" in graph:  # the JSON Graph Format
        return _listed(graph.get("nodes")), _listed(graph.get("edges")), graph.get("directed", True) is not False
    nodes, edges = document.get("nodes"), document.get("links", document.get("edges"))
    if not isinstance(nodes, list) or not isinstance(edges, list) or not all(isinstance(n, dict) for n in nodes):
        return None
    if not all("id" in n for n in nodes):
        nodes = _d3_nodes(nodes, edges)
    return None if nodes is None else (nodes, edges, document.get("directed", True) is not False)


def _d3_nodes(nodes: list[dict[str, Any]], edges: list[Any]) -> list[dict[str, Any]] | None:
    """D3's force-layout data (Les Misérables, as Bostock's examples give it): nodes with no id, links naming them
    by their place in the list (their ``index``, where written) or by their ``name``. The nodes with those ids;
    None when the links name them neither way."""
    ends = [edge.get(side) for edge in edges if isinstance(edge, dict) for side in ("source", "target")]
    if not ends or len(ends) < 2 * len(edges):
        return None
    if all(isinstance(end, int) and not isinstance(end, bool) for end in ends):
        return [{**node, "id": node.get("index", at)} for at, node in enumerate(nodes)]
    names = {node.get("name") for node in nodes}
    if all(isinstance(end, str) for end in ends) and set(ends) <= names:
        return [{**node, "id": node["name"]} for node in nodes]
    return None


def _listed(value: object) -> list[Any]:
    """A list of nodes or edges, also when kept as an object by id (the JSON Graph Format's nodes)."""
    if isinstance(value, dict):
        return [{"id": key, **item} if isinstance(item, dict) else {"id": key} for key, item in value.items()]
    return value if isinstance(value, list) else []


def looks_like(document: object) -> bool:
    """A document holding a list of nodes with ids beside a list of edges (or Cytoscape's elements)."""
    parts = _parts(document)
    return parts is not None and bool(parts[0] or parts[1])


def _values(item: object) -> dict[str, str]:
    """An element's values as text: Cytoscape's under ``data``, the JSON Graph Format's ``metadata`` too."""
    if not isinstance(item, dict):
        return {}
    values = {**item, **(item["data"] if isinstance(item.get("data"), dict) else {}),
              **(item["metadata"] if isinstance(item.get("metadata"), dict) else {})}
    return {str(key): value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
            for key, value in values.items() if key not in ("data", "metadata", "group") and value is not None}


def _kept(values: dict[str, str]) -> dict[str, str]:
    return {k: v for k, v in values.items() if k.lower().replace("_", "") not in PLACES}


def read(path: str | Path, document: object = None, **_options: Any) -> Dataset:
    """Read a JSON graph into entities (nodes), relations (edges) and node events (``document``: the file's JSON
    when the caller has parsed it already)."""
    path = Path(path)
    label = str(path)
    parts = _parts(document if document is not None else reading.read_json(path, EXPECTED))
    if parts is None:
        raise LoadError(f"{path}: expected {EXPECTED}")
    nodes, edges, directed = parts
    problems: list[Problem] = []
    entities, events, relations = [], [], []
    for number, node in enumerate(nodes, start=1):
        values = _kept(_values(node))
        ident = values.pop("id", "").strip()
        if not ident:
            problems.append(Problem(label, f"node {number} has no id; node skipped", None, "nodes/id"))
            continue
        name, by_name = pick(values, NAMES)
        kind, by_kind = pick(values, NODE_KINDS)
        start, by_start = pick(values, STARTS)
        end, by_end = pick(values, ENDS)
        entities.append({"id": ident, "name": name or ident, "kind": kind or "node", "valid_from": start,
                         "valid_to": end, "note": note(values, {by_name, by_kind, by_start, by_end})})
        if start:
            events.append({"id": f"node-{ident}-{start}", "start": start, "title": f"{name or ident} appears",
                           "actors": ident, "category": "appears", "description": ""})
    for number, edge in enumerate(edges, start=1):
        values = _kept(_values(edge))
        ident = values.pop("id", "") or values.pop("key", "") or f"e{number}"
        source, target = values.pop("source", ""), values.pop("target", "")
        kind, by_kind = pick(values, EDGE_KINDS)
        value, by_value = pick(values, VALUES)
        start, by_start = pick(values, WHEN)
        end, by_end = pick(values, ENDS)
        notes = [n for n in (note(values, {by_kind, by_value, by_start, by_end}), "" if directed else "undirected")
                 if n]
        relations.append({"id": ident, "source": source, "target": target, "kind": kind or "edge", "value": value,
                          "valid_from": start, "valid_to": end, "note": "; ".join(notes)})
    return graph_dataset(path, (events, entities, relations), problems, EXPECTED)
