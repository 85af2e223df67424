"""Graphs in GML (``.gml``, as networkx, igraph and Gephi write it) and Pajek (``.net``, ``.paj``) read by igraph,
whose readers are fuzzed with the library: nodes are entities and edges relations, their attributes looked up as
GraphML's are (:mod:`viewer.io.graphml`: a node's ``label`` or ``name``, an edge's ``kind`` or ``label``, its
``value`` or ``weight``, ``start`` and ``end``). Before, such a graph was refused with how to save it as GraphML.
igraph reads in a process of its own (:mod:`viewer.io.child`), its memory bounded. Graphviz's DOT, which igraph
does not read, is still refused with that advice (:mod:`viewer.io.graph_texts`).
"""

from __future__ import annotations

import math
import pickle
import resource
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from viewer.io import child, graph_texts
from viewer.io.gexf import VALUES, graph_dataset, pick
from viewer.io.graphml import EDGE_KINDS, ENDS, NAMES, NODE_KINDS, STARTS, note
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

SUFFIXES = (".gml", ".net", ".paj", ".pajek")
EXPECTED = "a GML graph (graph [ node [ id … ] edge [ source … target … ] ]) or a Pajek network (*Vertices, *Arcs)"
CHILD_ENV = "ENTENTE_READ_GRAPH"  # set: the bundle's binary is a reading child (packaging/launcher.py)
CHILD_MEMORY = 2 * 2**30  # bytes the child may take at least
FORMATS = dict(zip(graph_texts.READ, ("gml", "pajek"), strict=True))


def looks_like(head: bytes) -> bool:
    """A text that begins a GML graph or a Pajek network."""
    return graph_texts.named(head) in FORMATS


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a GML or Pajek graph into entities (nodes) and relations (edges), and node events for nodes that
    start. igraph reads it in a process of its own: its C readers end the process on some damaged files (an
    assertion on a name that is not UTF-8) or fill the memory on others (``*Vertices 2000000000``)."""
    path = Path(path)
    with path.open("rb") as file:
        found = graph_texts.named(file.read(4096))
    if found not in FORMATS:
        raise LoadError(f"{path}: {found or 'no graph this reader knows'}; expected {EXPECTED}")
    with tempfile.TemporaryDirectory(prefix="entente-read-") as folder:
        out = Path(folder) / "graph.pickle"
        command, env = child.command(__name__, CHILD_ENV, [str(path), FORMATS[found], str(out)])
        done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=False)
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        if done.returncode != 0 or not out.is_file():
            why = f"signal {-done.returncode}" if done.returncode < 0 else f"exit code {done.returncode}"
            raise LoadError(f"{path}: {found} its reader stopped on ({why}{': ' + said[-1][:200] if said else ''}); "
                            f"expected {EXPECTED}")
        answer = pickle.loads(out.read_bytes())
    if isinstance(answer, str):
        raise LoadError(f"{path}: {found} that cannot be read ({answer}); expected {EXPECTED}")
    return graph_dataset(path, answer, [], EXPECTED)


def child_main() -> None:
    """The child's side: read the graph named on the command line, with its memory bounded, and leave its rows (or
    why not) where the parent waits for them."""
    path, kind, out = sys.argv[-3:]
    size = Path(path).stat().st_size
    limit = max(CHILD_MEMORY, 64 * size)  # (a graph in memory takes some tens of times its text)
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    Path(out).write_bytes(pickle.dumps(read_here(path, kind), protocol=pickle.HIGHEST_PROTOCOL))


def read_here(path: str, kind: str) -> tuple[list[dict[str, Any]], ...] | str:
    """The graph's node events, entities and relations, or why it cannot be read (the child's side of :func:`read`)."""
    import igraph  # noqa: PLC0415 - loaded in the child only

    try:
        graph = igraph.Graph.Read(path, format=kind)
    except (igraph.InternalError, OSError, ValueError, UnicodeDecodeError, MemoryError) as exc:
        return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return _rows(graph)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}" if isinstance(value, float) else str(value)


def _rows(graph: Any) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]]]:
    """Node events, entities and relations of an igraph graph."""
    entities, events, ids = [], [], []
    for vertex in graph.vs:
        values = {k: _text(v) for k, v in vertex.attributes().items() if _text(v)}
        ident = values.get("id") or str(vertex.index)
        name, by_name = pick(values, NAMES)
        name, by_name = (name, by_name) if name else (ident, "id")
        kind, by_kind = pick(values, NODE_KINDS)
        start, by_start = pick(values, STARTS)
        end, by_end = pick(values, ENDS)
        ident = f"n{vertex.index}" if ident in ids else ident  # (Pajek's ids are its names: two alike stay two)
        ids.append(ident)
        entities.append({"id": ident, "name": name, "kind": kind or "node", "valid_from": start, "valid_to": end,
                         "note": note(values, {by_name, by_kind, by_start, by_end, "id"})})
        if start:
            events.append({"id": f"node-{ident}-{start}", "start": start, "title": f"{name} appears",
                           "actors": ident, "category": "appears", "description": ""})
    relations = []
    for edge in graph.es:
        values = {k: _text(v) for k, v in edge.attributes().items() if _text(v)}
        kind, by_kind = pick(values, EDGE_KINDS)
        value, by_value = pick(values, VALUES)
        start, by_start = pick(values, STARTS)
        end, by_end = pick(values, ENDS)
        notes = [n for n in (note(values, {by_kind, by_value, by_start, by_end}),
                             "" if graph.is_directed() else "undirected") if n]
        relations.append({"id": f"e{edge.index + 1}", "source": ids[edge.source], "target": ids[edge.target],
                          "kind": kind or "edge", "value": value, "valid_from": start, "valid_to": end,
                          "note": "; ".join(notes)})
    return events, entities, relations
