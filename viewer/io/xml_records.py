"""Records kept in XML: an RSS or Atom feed's items, or any list of like elements (``<events><event>…``), as
a table. Each was refused as "not a format Entente knows".

The records are the largest group of like elements under one parent, each holding elements or attributes of
its own. A record's cells are its attributes and the text of its children, by name (namespaces dropped:
``dc:creator`` is ``creator``); a child repeated (``<category>`` twice) is a ``;`` list; a child holding
elements of its own gives each its text (``author_name``), and its first one's under its own name
(``author``); an empty child gives its ``href`` (Atom's ``<link href="…"/>``) or ``url``. An RSS item's
several ``<category>`` are its tags; HTML in a value (a feed's description) is its plain text; an Atom entry
without ``<published>`` is dated by its ``<updated>`` when others have one. Parsed by defusedxml: no
entities, nothing fetched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdET
from collections import Counter
from pathlib import Path

from viewer.io.gexf import parse_xml
from viewer.io.html_text import to_text
from viewer.model.problems import LoadError

EXPECTED = ("GEXF, GraphML, GLEIF, Timeline XML, Excel 2003 XML, an RSS or Atom feed, or a list of records with a "
            "date (<events><event><date>…)")
DEPTH = 5  # elements looked into for the list of records
SUFFIXES = (".xml", ".rss", ".atom")


_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|&(?:[A-Za-z]+|#\d+);")


def _text(element: StdET.Element) -> str:
    """The element's text, spaces folded; HTML inside it (a feed's description, escaped or in CDATA) as the
    plain text it shows."""
    text = "".join(element.itertext())
    if _MARKUP.search(text):
        text = to_text(text)
    return " ".join(text.split())


def _record(element: StdET.Element) -> dict[str, str]:
    row: dict[str, str] = {}

    def put(key: str, value: str) -> None:
        if value:
            row[key] = f"{row[key]};{value}" if key in row and row[key] != value else value

    for name, value in element.attrib.items():
        put(name.rsplit("}", 1)[-1], value.strip())
    for child in element:
        if not isinstance(child.tag, str):
            continue  # a comment or a processing instruction
        parts = [part for part in child if isinstance(part.tag, str)]
        if parts:
            for part in parts:
                put(f"{child.tag}_{part.tag}", _text(part))
            put(child.tag, _text(parts[0]))
        else:
            put(child.tag, _text(child) or child.get("href", "") or child.get("url", ""))
    if ";" in row.get("category", "") and "tags" not in row:  # a feed's item in several categories: its tags
        row["tags"] = row.pop("category")
    return row


def _placemark(row: dict[str, str]) -> dict[str, str]:
    """A KML placemark's times as a start and an end: its ``<TimeStamp><when>``, or its ``<TimeSpan>``'s
    ``<begin>`` and ``<end>``."""
    when = row.pop("TimeStamp_when", "") or row.pop("TimeSpan_begin", "")
    end = row.pop("TimeSpan_end", "")
    for key in ("TimeStamp", "TimeStamp_when", "TimeSpan", "TimeSpan_begin"):
        row.pop(key, None)
    return {**({"when": when} if when else {}), **({"end": end} if end else {}), **row}


def _records(root: StdET.Element) -> list[StdET.Element]:
    """The largest group of like elements under one parent that hold elements (or else attributes) of their
    own: a feed's entries, not its two ``<link href=…/>``."""
    best: list[StdET.Element] = []
    score = (0, 0)
    level = [root]
    for _ in range(DEPTH):
        following: list[StdET.Element] = []
        for parent in level:
            children = [c for c in parent if isinstance(c.tag, str)]
            following += children
            nested = Counter(c.tag for c in children if len(c))
            counts = Counter(c.tag for c in children if len(c) or c.attrib)
            for tag, count in counts.items():
                if (nested[tag], count) > score:
                    best, score = [c for c in children if c.tag == tag], (nested[tag], count)
        level = following
    return best


def declared(path: Path) -> bool:
    """Whether the file opens with an XML declaration, whatever its name (a GPS track's ``.gpx``, a ``.kml``, a
    ``.tcx``: records of XML under a suffix of their own)."""
    try:
        with open(path, "rb") as file:
            head = file.read(64)
    except OSError:
        return False
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml")


def looks_like(head: bytes) -> bool:
    """Any XML that no other reader took may hold records (the last sniffer of XML files)."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


def read_rows(path: Path) -> list[dict[str, str]]:
    """The records' cells, in document order; LoadError naming the file when it holds none."""
    root = parse_xml(path, EXPECTED)
    placemarks = list(root.iter("Placemark"))  # KML's, in folders at any depth (Google Earth, My Maps)
    found = placemarks or _records(root)
    rows = [_record(element) for element in found]
    if placemarks:
        rows = [_placemark(row) for row in rows]
    if any("published" in row for row in rows):  # an Atom entry's date: when it was published, else updated
        for row in rows:
            if "published" not in row and "updated" in row:
                row["published"] = row["updated"]
    if not rows or not any(rows):
        raise LoadError(f"{path}: XML that Entente does not recognise (no list of records in <{root.tag}>); "
                        f"expected {EXPECTED}")
    return rows
