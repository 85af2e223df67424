"""Graphs in text formats known by their first bytes (GML, Pajek, Graphviz's DOT), named for what they are: read as
a table, their first line was taken for a header ("no date column among graph ["). GML and Pajek are read by
:mod:`viewer.io.graph_igraph`; DOT, which no reader here reads, is refused with what to do.

>>> named(b'Creator "igraph"\\ngraph [\\n  directed 1\\n')
'a GML graph'
>>> named(b"*Vertices 3\\n1 \\"Renault\\"\\n"), named(b"strict digraph alliance {\\n  a -> b;\\n}")
('a Pajek network', 'a Graphviz (DOT) graph')
>>> named(b"date,title\\n") is None
True
"""

from __future__ import annotations

import re

from viewer.model.problems import LoadError

_FORMATS = ((re.compile(rb"^\s*(?:(?:Creator|Version)\s+[^\n]*\n\s*)*graph\s*\["), "a GML graph"),
            (re.compile(rb"(?i)^\s*(?:%[^\n]*\n\s*)*\*(?:vertices|network|arcs|edges)\b"), "a Pajek network"),
            (re.compile(rb"(?i)^\s*(?:(?://|#)[^\n]*\n\s*)*(?:strict\s+)?(?:di)?graph\b[^{\n]*\{"),
             "a Graphviz (DOT) graph"))
ADVICE = ("save it as GraphML or GEXF (networkx: write_graphml; igraph: Graph.write_graphml; Gephi: File → Export), "
          "or its edges as a table with source and target columns")


def named(head: bytes) -> str | None:
    """Which graph format the file's first bytes begin, or None."""
    head = head.lstrip(b"\xef\xbb\xbf")
    return next((name for pattern, name in _FORMATS if pattern.match(head)), None)


READ = ("a GML graph", "a Pajek network")  # (by graph_igraph)


def refuse(path: object, head: bytes) -> None:
    """LoadError naming the file's graph format and what to do, when it begins one no reader here reads."""
    found = named(head)
    if found is not None and found not in READ:
        raise LoadError(f"{path}: {found}, a format Entente does not read; {ADVICE}")
