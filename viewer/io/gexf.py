"""GEXF graphs (1.1draft, 1.2draft, 1.3 or no namespace): nodes → entities, edges → relations.

An edge becomes one relation, or one per ``<spell>`` when it has spells, valid from ``start``
(or ``startopen``) to ``end`` (or ``endopen``); 1.1draft's ``<slices><slice>`` are spells too. An infinite
bound (``Infinity``, ``-Infinity``, ``inf``) is open: no start or no end, as when it is missing. GEXF 1.3's
timestamps (``timestamp="…"``, ``timestamps="<[…, …]>"``, ``<spell timestamp="…"/>``) are snapshots: each
one a spell from then to the graph's next timestamp (the last one open). ``timeformat`` (1.1draft: ``timetype``)
date/dateTime values are dates;
``integer``/``double`` values are plain numbers (ticks, steps: a Gephi integer time is not a year), so
the dataset gets the numeric clock (:mod:`viewer.model.clock`) and shows them as numbers; a graph that declares
neither reads plain numbers as numbers, anything else as dates. A node's
``start``/``end`` (or its spells) become the entity's presence (``valid_from``/``valid_to``): the
graph hides it outside them. Several spells (or the node written again under its id, as Gephi 1.1 wrote a node
that comes back) give one period from the first start to the last end (noted as info), since an entity has one
period. A node with a start also adds one event "<label> appears" per start, so dated graphs show on the timeline.
Attribute ids belong to their class (``<attributes class="node">`` or ``"edge"``; Gephi numbers each from 0); an edge's
attribute values are its tie's note, a share, percent or value its value when the edge has no weight. 1.3's
``<timestamps><timestamp timestamp="…"/>`` date an element as its ``timestamps`` attribute does. An edge's dated
value (``attvalue`` of a value, share or weight with start/end or a timestamp, as Gephi writes a dynamic weight)
makes a tie for each value over its time, so the graph and the relation's history show it as it was; other dated
values are kept in the note with their times ("15 (2000 to 2005), 20 (2005 to 2010)").
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as StdET
from pathlib import Path
from typing import IO, Any

import pandas as pd
from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from viewer.io.reading import XML_ERRORS
from viewer.io.table_mapping import column_key
from viewer.model.clock import CALENDAR, NUMBER, parse_instant
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "a GEXF file (<gexf><graph><nodes>…</nodes><edges>…</edges></graph></gexf>)"
NUMERIC_FORMATS = ("double", "integer", "float", "long")  # timeformat values whose times are plain numbers
INFINITE = re.compile(r"[+-]?(inf|infinity)", re.IGNORECASE)  # an open bound, as Gephi writes it
BOUNDS = ("start", "end", "startopen", "endopen")
DYNAMIC = (*BOUNDS, "timestamp", "timestamps")  # the attributes of a dated value
VALUES = ("value", "share", "percent", "stake", "weight")  # an edge's value, when it has no weight of its own


def looks_like(head: bytes) -> bool:
    """True when the first bytes of an XML file show a ``<gexf`` root."""
    return b"<gexf" in head[:4096]


def parse_xml(path: Path | IO[bytes], expected: str, label: str | None = None) -> StdET.Element:
    """Parse XML safely (no entities, no external references) with namespaces stripped from tags (``path``: a file,
    or a stream of one named by ``label``: a document in an archive)."""
    label = label or str(path)
    try:
        root = SafeET.parse(path).getroot()
    except DefusedXmlException as exc:
        raise LoadError(f"{label}: XML with entity declarations or external references is refused ({exc}); "
                        f"expected {expected}") from exc
    except XML_ERRORS as exc:
        raise LoadError(f"{label}: not well-formed XML ({exc}); expected {expected}") from exc
    for element in root.iter():
        if isinstance(element.tag, str) and "}" in element.tag:
            element.tag = element.tag.rsplit("}", 1)[1]
    return root


def graph_of(path: Path, root_tag: str, expected: str) -> tuple[StdET.Element, StdET.Element]:
    """A graph document's root and its first ``<graph>`` (GEXF's, GraphML's); LoadError naming the file."""
    root = parse_xml(path, expected)
    graph = root.find("graph") if root.tag == root_tag else None
    if graph is None:
        raise LoadError(f"{path}: no <graph> element; expected {expected}")
    return root, graph


def graph_dataset(path: Path, rows: tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]],
                  problems: list[Problem], expected: str, description: str = "", clock: str = CALENDAR) -> Dataset:
    """The dataset of a graph's node events, nodes (entities) and edges (relations)."""
    events, entities, relations = rows
    if not entities and not relations:
        raise LoadError(f"{path}: the graph has no nodes and no edges; expected {expected}")
    label = str(path)
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    pd.DataFrame(entities), pd.DataFrame(relations, columns=["id", "source", "target", "kind",
                                                                             "value", "valid_from", "valid_to",
                                                                             "note"]),
                    f"{label} nodes", f"{label} nodes", f"{label} edges")
    meta = DatasetMeta(title=path.stem, description=description, path=label, sources=(label,), clock=clock)
    return build_dataset(tables, meta, problems)


class _Times:
    """Reads GEXF time values according to the graph's timeformat: dates, or plain numbers on a numeric clock."""

    def __init__(self, timeformat: str) -> None:
        self.numeric = timeformat.lower() in NUMERIC_FORMATS
        self.clock = NUMBER if self.numeric else CALENDAR

    def read(self, value: str | None) -> str:
        return "" if value is None else value.strip()  # build_dataset reads them on the clock and reports bad ones

    def key(self, text: str) -> pd.Timestamp:
        """Where a time sorts (unreadable ones first: build_dataset reports them)."""
        try:
            return parse_instant(text, self.clock).start
        except ValueError:
            return pd.Timestamp.min.tz_localize("UTC")


def _bound(element: StdET.Element, name: str, notes: list[str]) -> str | None:
    """An element's ``start`` or ``end``, else its open one (noted); None when missing or infinite (open)."""
    value, exclusive = element.get(name), False
    if value is None:
        value, exclusive = element.get(f"{name}open"), True
    if value is None or INFINITE.fullmatch(value.strip()):
        return None
    if exclusive:
        notes.append(f"{name} is open (exclusive)")
    return value


def _interval(element: StdET.Element, times: _Times, following: dict[str, str]) -> tuple[str, str, str]:
    """(start, end, note) of an element or spell; open bounds are noted; a lone timestamp holds until the graph's
    next one (``following``)."""
    notes: list[str] = []
    start, end = _bound(element, "start", notes), _bound(element, "end", notes)
    timestamp = element.get("timestamp")
    if timestamp is not None and all(element.get(name) is None for name in BOUNDS):
        start = times.read(timestamp)
        return start, following.get(start, ""), ""
    return times.read(start), times.read(end), "; ".join(notes)


_PLAIN_NUMBER = re.compile(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?")


def _timeformat(graph: StdET.Element) -> str:
    """How the graph writes its times: as it declares (``timeformat``; 1.1draft's ``timetype``), else by what it
    writes. GEXF 1.2 and 1.3 default to double, 1.1draft to date, and files of each write either undeclared (Gephi's
    own 1.1 examples count steps 0–190 in one, dates in another): plain numbers throughout are numbers, else dates."""
    declared = graph.get("timeformat") or graph.get("timetype")
    if declared:
        return declared
    written = [value.strip() for element in graph.iter() for name in (*BOUNDS, "timestamp")
               if (value := element.get(name)) is not None and value.strip() and not INFINITE.fullmatch(value.strip())]
    return "double" if written and all(_PLAIN_NUMBER.fullmatch(value) for value in written) else "date"


def _following(graph: StdET.Element, times: _Times) -> dict[str, str]:
    """Each timestamp of the graph and the next one in time (the last: none). A graph told in timestamps is a
    series of snapshots: what a snapshot shows holds until the next, so that a cursor between two sees it."""
    found = {times.read(value) for element in graph.iter() for value in
             [element.get("timestamp") or "", *_timestamps(element.get("timestamps") or "")] if value.strip()}
    ordered = sorted(found, key=times.key)
    return {value: ordered[at + 1] if at + 1 < len(ordered) else "" for at, value in enumerate(ordered)}


def _timestamps(text: str) -> list[str]:
    """The instants of a GEXF 1.3 timestamp set: ``<[2002, 2005]>`` (brackets and quotes optional)."""
    values = (value.strip().strip("'\"").strip() for value in re.split(r"[,;]", text.strip().strip("<>[]")))
    return [value for value in values if value]


def _presence(spells: list[tuple[str, str, str]], times: _Times) -> tuple[str, str]:
    """The first start and the last end of a node's spells (empty where any spell is open that way)."""
    starts, ends = [s for s, _, _ in spells], [e for _, e, _ in spells]
    first = "" if "" in starts else min(starts, key=times.key)
    last = "" if "" in ends else max(ends, key=times.key)
    return first, last


def _spells(element: StdET.Element, times: _Times, following: dict[str, str]) -> list[tuple[str, str, str]]:
    """(start, end, note) of each spell (or 1.1draft slice) and timestamp of an element, else of the element."""
    spells = [_interval(spell, times, following) for holder, tag in (("spells", "spell"), ("slices", "slice"),
                                                                      ("timestamps", "timestamp"))
              for group in element.findall(holder) for spell in group.findall(tag)]  # (1.3's <timestamp> elements)
    spells += [(times.read(t), following.get(times.read(t), ""), "")
               for t in _timestamps(element.get("timestamps") or "")]
    return spells or [_interval(element, times, following)]


def _attributes(graph: StdET.Element) -> dict[str, dict[str, str]]:
    """Each attribute's title by id, for nodes and for edges (a block of no known class serves both)."""
    titles: dict[str, dict[str, str]] = {"node": {}, "edge": {}}
    for block in graph.findall("attributes"):
        scope = block.get("class", "").strip().lower()
        for attribute in block.findall("attribute"):
            for kind in (scope,) if scope in titles else tuple(titles):
                titles[kind][attribute.get("id", "")] = attribute.get("title") or attribute.get("id") or ""
    return titles


def _attvalues(element: StdET.Element, titles: dict[str, str]) -> dict[str, str]:
    """An element's attribute values by title; a dynamic one (dated) as its values and their times, "15 (2000 to
    2005), 20 (2005 to 2010)", as its history is read only for an edge's value (:func:`_dated_values`)."""
    values: dict[str, str] = {}
    dated: dict[str, list[str]] = {}
    for holder in element.findall("attvalues"):
        for value in holder.findall("attvalue"):
            key = value.get("for") or value.get("id") or ""
            if any(value.get(name) for name in DYNAMIC):
                start, end = (value.get(a) or value.get(f"{a}open") or value.get("timestamp") or "" for a in BOUNDS[:2])
                dated.setdefault(titles.get(key, key), []).append(
                    f"{value.get('value', '')} ({start or '…'} to {end or '…'})")
                continue
            values[titles.get(key, key)] = value.get("value", "")
    return {**values, **{title: ", ".join(texts) for title, texts in dated.items() if title not in values}}


def _dated_values(edge: StdET.Element, titles: dict[str, str], times: _Times,
                  following: dict[str, str]) -> tuple[str, list[tuple[str, str, str, str]]]:
    """An edge's value through time, as Gephi writes a dynamic weight or share (``<attvalue for="value" value="15"
    start="2000" end="2005"/>`` …): the attribute's title and (value, start, end, note) for each dated value; none
    when its value is not dated. Each becomes a tie of its own over its time, so the graph and the relation's
    history show the value then (the tie had no value and no dates)."""
    found: dict[str, list[tuple[str, str, str, str]]] = {}
    for holder in edge.findall("attvalues"):
        for value in holder.findall("attvalue"):
            key = value.get("for") or value.get("id") or ""
            title = titles.get(key, key)
            if column_key(title) in VALUES and any(value.get(name) for name in DYNAMIC):
                start, end, note = _interval(value, times, following)
                found.setdefault(title, []).append((value.get("value", ""), start, end, note))
    title = next(iter(found), "")
    return title, found.get(title, [])


def pick(values: dict[str, str], wanted: tuple[str, ...]) -> tuple[str, str | None]:
    """The first wanted name's value (names compared as :func:`column_key` folds them) and the name it was under."""
    folded = {column_key(name): name for name in values}
    for name in wanted:
        if name in folded:
            return values[folded[name]], folded[name]
    return "", None


def _color(node: StdET.Element) -> str:
    color = node.find("color")
    if color is None:
        return ""
    try:
        parts = [float(color.get(c, "0")) for c in "rgb"]
    except ValueError:
        return ""
    if not all(math.isfinite(part) for part in parts):  # ("inf", "nan": no colour, and no error either)
        return ""
    return "#{:02x}{:02x}{:02x}".format(*(max(0, min(255, int(part))) for part in parts))


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a GEXF graph into entities (nodes), relations (edges, one per spell) and node events."""
    path = Path(path)
    label = str(path)
    root, graph = graph_of(path, "gexf", EXPECTED)
    problems: list[Problem] = []
    times = _Times(_timeformat(graph))
    titles = _attributes(graph)
    following = _following(graph, times)
    default_type = graph.get("defaultedgetype", "undirected")
    entities, events = [], []
    written: dict[str, list[StdET.Element]] = {}  # a node written again under its id: Gephi 1.1's way of a new spell
    for node in graph.iter("node"):
        node_id = node.get("id")
        if not node_id:
            problems.append(Problem(label, "a <node> needs an id; node skipped", None, "node/id"))
            continue
        written.setdefault(node_id, []).append(node)
    for node_id, again in written.items():
        node = again[0]
        values = _attvalues(node, titles["node"])
        name = node.get("label") or node_id
        kind = node.get("kind") or node.get("type") or values.get("kind") or values.get("type") or "node"
        note = "; ".join(f"{k}: {v}" for k, v in values.items() if k not in ("kind", "type"))
        spells = [spell for each in again for spell in _spells(each, times, following)]
        first, last = _presence(spells, times)
        if len(spells) > 1:
            told = f" (written {len(again)} times)" if len(again) > 1 else ""
            problems.append(Problem(label, f"node {node_id} has {len(spells)} spells{told}; present from the first "
                                    "start to the last end", None, "node/spells", "info"))
        entities.append({"id": node_id, "name": name, "kind": kind, "color": _color(node), "note": note,
                         "valid_from": first, "valid_to": last})
        for start, _end, open_note in spells:
            if start:
                events.append({"id": f"node-{node_id}-{start}", "start": start, "title": f"{name} appears",
                               "actors": node_id, "category": "appears", "description": open_note})
    relations = []
    for number, edge in enumerate(graph.iter("edge"), start=1):
        source, target = edge.get("source", ""), edge.get("target", "")
        values = _attvalues(edge, titles["edge"])  # (kept in the note: a role, a source; they were dropped)
        kind = edge.get("label") or edge.get("kind") or values.pop("kind", "") or "edge"
        value, by_value = (edge.get("weight", ""), None) if edge.get("weight") else pick(values, VALUES)
        said = "; ".join(f"{name}: {text}" for name, text in values.items() if name != by_value and text)
        directed = (edge.get("type") or default_type).lower()
        dated_title, dated = ("", []) if edge.get("weight") else _dated_values(edge, titles["edge"], times, following)
        if dated:  # (its value through time: a tie for each value, over its time, within the edge's own)
            (_s, _e, own_note), said = _interval(edge, times, following), "; ".join(
                f"{name}: {text}" for name, text in values.items() if name != dated_title and text)
            spans = [(start or _s, end or _e, "; ".join(n for n in (note, own_note) if n), text)
                     for text, start, end, note in dated]
        else:
            spans = [(start, end, open_note, value) for start, end, open_note in _spells(edge, times, following)]
        for index, (start, end, open_note, text) in enumerate(spans, start=1):
            notes = [n for n in (open_note, said, "" if directed == "directed" else directed) if n]
            relations.append({"id": f"{edge.get('id') or f'e{number}'}" + (f"#{index}" if index > 1 else ""),
                              "source": source, "target": target, "kind": kind, "value": text,
                              "valid_from": start, "valid_to": end, "note": "; ".join(notes)})
    meta_el = root.find("meta")
    description = (meta_el.findtext("description") or "").strip() if meta_el is not None else ""
    return graph_dataset(path, (events, entities, relations), problems, EXPECTED, description, times.clock)
