"""Which elements of an XML document are its records (:func:`choose`).

A group is the like elements (one tag, each holding elements or attributes) under one parent, within ``DEPTH``
levels of the root; groups of one tag under parents of one path (``gpx/trk/trkseg``) are one kind. The records
are the group that carries a date of its own (an attribute, a child or a child's child whose values look like
dates, or a column named as a date: ``year``; not a date deeper down, as a table holding one transaction has),
then holds the most elements holding elements, then has the most elements, then the most cells of its own (a
transaction before its signature); the first found among equals. When none is dated, the largest group, as
before. A dated group's kind is read whole (every ``trkseg``'s points), with the kinds at its depth whose dates
share a name (SEC Form 4's ``nonDerivativeTransaction`` and ``derivativeTransaction``: their ``transactionDate``;
Apple Health's ``Record`` and ``Workout``: their ``startDate``; not a lone element heading the records, as GPX's
``<metadata>``), in document order. Elements that nest in themselves (GanttProject's tasks in tasks) are read at
every depth, each with the name of the one it is in (its ``parent``). Dated kinds of two or more elements left
unread are said (:attr:`Chosen.said`). The document's singleton names (SEC Form 4's ``issuerName`` and
``rptOwnerName``: leaves outside the records, ending in ``Name``, each met once) go with every record.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdET
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from viewer.io.table_mapping import column_key, guess_mapping
from viewer.model.dates.columns import looks_like_dates

DEPTH = 5  # levels looked into for the records
SAMPLE = 20  # elements of a kind whose cells are read to see whether it carries a date
SHOWN = 5  # unread kinds named
Path = tuple[str, ...]  # the tags from the root to the parent
Key = tuple[Path, str]
_BARE_NUMBER = re.compile(r"\s*-?\d+(?:\.\d+)?\s*")
_DIGIT = re.compile(r"\d")


@dataclass
class _Kind:
    """The groups of one tag under parents of one path: the best group, its place, the count of them all."""

    order: int
    best: list[StdET.Element]
    score: tuple[int, int]  # (elements holding elements, elements) of the best group
    total: int
    sample: list[StdET.Element]
    nests: bool = False  # its elements hold elements of their own tag (tasks in tasks)
    cells: int = 0  # the names of its own cells (in the sample): a record's many, a wrapper's few
    dates: frozenset[str] | None = None  # the names of its cells that hold dates (read when needed)


@dataclass
class Chosen:
    """The records in document order, the name of the record each is in (nested ones; else ""), the tag their
    children of their own tag have (skipped in their cells), the document's singleton names and what to say."""

    elements: list[StdET.Element]
    parents: list[str]
    nested: str = ""
    singletons: dict[str, str] = field(default_factory=dict)
    said: list[str] = field(default_factory=list)


def choose(root: StdET.Element) -> Chosen:
    """The records of the document: see the module's description."""
    kinds, levels = _kinds(root)
    if not kinds:
        return Chosen([], [])
    for kind in kinds.values():
        kind.nests = any(child.tag == kind.best[0].tag for element in kind.best for child in element)
        if kind.nests:
            flat = _flat(kind.best)[0]
            kind.score = (sum(1 for element in flat if len(element)), len(flat))
        kind.cells = len({name for element in kind.sample for name in _cells(element, kind.nests)})
    ranked = sorted(kinds, key=lambda key: (-kinds[key].score[0], -kinds[key].score[1], -kinds[key].cells,
                                            kinds[key].order))
    winner = next((key for key in ranked if _dates(kinds[key])), None)
    if winner is None:  # no group carries a date: the largest, as before
        best = min(kinds.values(), key=lambda kind: (-kind.score[0], -kind.score[1], kind.order))
        elements, parents = _flat(best.best) if best.nests else (best.best, [""] * len(best.best))
        return Chosen(elements, parents, best.best[0].tag if best.nests else "")
    depth, shared = len(winner[0]), _dates(kinds[winner])
    read = [key for key in ranked if len(key[0]) == depth and (key == winner or shared & _dates(kinds[key]))]
    read = [key for key in read if not _heading(key, winner, kinds, levels[depth - 1])]
    elements, parents = _in_order(levels[depth - 1], set(read), kinds)
    chosen = Chosen(elements, parents, winner[1] if kinds[winner].nests else "")
    chosen.singletons = _singletons(root, elements)
    chosen.said = _unread(kinds, read, ranked, Counter(element.tag for element in elements))
    return chosen


def _heading(key: Key, winner: Key, kinds: dict[Key, _Kind], level: tuple[list[StdET.Element], list[Path]]) -> bool:
    """Whether the kind is a lone element beside the records and before them all, heading them (GPX's
    ``<metadata>`` and its time before the waypoints), not one of them (Apple Health's one ``<Workout>``, after)."""
    if key == winner or key[0] != winner[0] or kinds[key].total != 1:
        return False
    lone = kinds[key].best[0]
    for element, path in zip(*level, strict=True):
        if element is lone:
            return True
        if path == winner[0] and element.tag == winner[1]:
            return False
    return False


def _kinds(root: StdET.Element) -> tuple[dict[Key, _Kind], list[tuple[list[StdET.Element], list[Path]]]]:
    """The kinds of groups found within ``DEPTH`` levels, and each level's elements with their paths."""
    kinds: dict[Key, _Kind] = {}
    levels: list[tuple[list[StdET.Element], list[Path]]] = []
    elements: list[StdET.Element] = [root]
    paths: list[Path] = [()]
    order = 0
    for _ in range(DEPTH):
        below_elements: list[StdET.Element] = []
        below_paths: list[Path] = []
        for parent, path in zip(elements, paths, strict=True):
            if not len(parent):
                continue
            inside = (*path, parent.tag)
            groups: dict[str, list[StdET.Element]] = {}
            for child in parent:
                if not isinstance(child.tag, str):
                    continue  # a comment or a processing instruction
                below_elements.append(child)
                below_paths.append(inside)
                if len(child) or child.attrib:
                    groups.setdefault(child.tag, []).append(child)
            for tag, members in groups.items():
                score = (sum(1 for member in members if len(member)), len(members))
                kind = kinds.get((inside, tag))
                if kind is None:
                    kinds[inside, tag] = _Kind(order, members, score, len(members), members[:SAMPLE])
                else:
                    kind.total += len(members)
                    kind.sample += members[:SAMPLE - len(kind.sample)]
                    if score > kind.score:
                        kind.best, kind.score, kind.order = members, score, order
                order += 1
        levels.append((below_elements, below_paths))
        elements, paths = below_elements, below_paths
    return kinds, levels


def _cells(element: StdET.Element, nests: bool) -> dict[str, str]:
    """The element's own cells, as :func:`viewer.io.xml_records` names them: its attributes, its children's text
    and their children's, leaves all (not a date deeper down: a table's one transaction's)."""
    cells = {name.rsplit("}", 1)[-1]: value for name, value in element.attrib.items()}
    for child in element:
        if not isinstance(child.tag, str) or (nests and child.tag == element.tag):
            continue
        parts = [part for part in child if isinstance(part.tag, str)]
        if not parts:
            cells[child.tag] = child.text or ""
        for part in parts:
            if not len(part):
                cells[f"{child.tag}_{part.tag}"] = part.text or ""
        if parts and not len(parts[0]):
            cells[child.tag] = parts[0].text or ""
    return cells


def _dates(kind: _Kind) -> frozenset[str]:
    """The names of the kind's own cells holding dates (in a sample of its elements), or named as a date."""
    if kind.dates is None:
        rows = [_cells(element, kind.nests) for element in kind.sample]
        columns = list(dict.fromkeys(name for row in rows for name in row))
        dated = set()
        for column in columns:
            values = [row.get(column, "").strip() for row in rows]
            if any(_DIGIT.search(value) and not _BARE_NUMBER.fullmatch(value) for value in values) and \
                    looks_like_dates(pd.Series(values, dtype=object)):
                dated.add(column)
        start = guess_mapping(columns).start  # a column named as a date: its values may be plain years
        if start is not None and any(row.get(start, "").strip() for row in rows):
            dated.add(start)
        kind.dates = frozenset(dated)
    return kind.dates


def _in_order(level: tuple[list[StdET.Element], list[Path]], read: set[Key],
              kinds: dict[Key, _Kind]) -> tuple[list[StdET.Element], list[str]]:
    """The elements of these kinds in document order (nested ones at every depth), with their parents' names."""
    elements: list[StdET.Element] = []
    parents: list[str] = []
    for element, path in zip(*level, strict=True):
        key = (path, element.tag)
        if key not in read or not (len(element) or element.attrib):
            continue
        if kinds[key].nests:
            flat, names = _flat([element])
            elements += flat
            parents += names
        else:
            elements.append(element)
            parents.append("")
    return elements, parents


def _flat(tops: list[StdET.Element]) -> tuple[list[StdET.Element], list[str]]:
    """Elements nesting in themselves, each followed by those in it, with the name of the one each is in."""
    elements: list[StdET.Element] = []
    parents: list[str] = []
    stack: list[tuple[StdET.Element, str]] = [(top, "") for top in reversed(tops)]
    while stack:
        element, parent = stack.pop()
        elements.append(element)
        parents.append(parent)
        name = _name(element)
        stack += [(child, name) for child in reversed(element) if child.tag == element.tag]
    return elements, parents


def _name(element: StdET.Element) -> str:
    """What an element is called: its name or title attribute, else its child ``<name>`` or ``<title>``."""
    for key, value in element.attrib.items():
        if key.lower() in ("name", "title") and value.strip():
            return value.strip()
    for child in element:
        if isinstance(child.tag, str) and child.tag.lower() in ("name", "title") and not len(child):
            return " ".join("".join(child.itertext()).split())
    return ""


def _singletons(root: StdET.Element, records: list[StdET.Element]) -> dict[str, str]:
    """The text of each leaf named ``…Name`` met once outside the records (within ``DEPTH`` levels)."""
    skipped = {id(element) for element in records}
    seen: Counter[str] = Counter()
    found: dict[str, str] = {}
    level = [root]
    for _ in range(DEPTH):
        below = []
        for parent in level:
            for child in parent:
                if not isinstance(child.tag, str) or id(child) in skipped:
                    continue
                below.append(child)
                key = column_key(child.tag)
                if key.endswith("name") and key != "name" and not len(child):
                    seen[child.tag] += 1
                    found[child.tag] = " ".join((child.text or "").split())
        level = below
    return {tag: value for tag, value in found.items() if seen[tag] == 1 and value}


def _unread(kinds: dict[Key, _Kind], read: list[Key], ranked: list[Key], counts: Counter[str]) -> list[str]:
    """What to say of the dated kinds of two or more elements neither read, in a record nor holding the records."""
    def related(key: Key, other: Key) -> bool:  # one is in the other, or holds it
        inner, outer = ((*key[0], key[1]), (*other[0], other[1]))
        return inner[:len(outer)] == outer or outer[:len(inner)] == inner

    unread: Counter[str] = Counter()
    for key in ranked:
        kind = kinds[key]
        if kind.total >= 2 and not any(related(key, other) for other in read) and _dates(kind):
            unread[key[1]] += kind.total
    if not unread:
        return []
    what = " and ".join(f"{count:,} <{tag}>" for tag, count in counts.items())
    names = [f"{count:,} <{tag}>" for tag, count in unread.items()]
    more = f" and {len(names) - SHOWN} more kinds" if len(names) > SHOWN else ""
    return [f"read the {what} elements as the records; not read: {', '.join(names[:SHOWN])}{more} (dated too)"]
