"""Records kept in XML: an RSS or Atom feed's items, or any list of like elements (``<events><event>…``), as
a table. Each was refused as "not a format Entente knows".

The records are the group of like elements that carries a date, else the largest (:mod:`viewer.io.xml_groups`:
elements nesting in themselves at every depth, like groups beside them, the document's singleton names with
every record, as its ``parties`` too); a project plan's are its tasks (:mod:`viewer.io.xml_plans`). A record's
cells are its attributes and the text of its children, by name (namespaces dropped: ``dc:creator`` is
``creator``); a child repeated (``<category>`` twice) is a ``;`` list; a child holding elements of its own gives
each its text (``author_name``), and its first one's under its own name (``author``); an empty child gives its
``href`` (Atom's ``<link href="…"/>``) or ``url``. An RSS item's several ``<category>`` are its tags; HTML in a
value (a feed's description) is its plain text; an Atom entry without ``<published>`` is dated by its
``<updated>`` when others have one. What was left unread is said in :attr:`Rows.said`. Parsed by defusedxml: no
entities, nothing fetched.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as StdET
from pathlib import Path

from viewer.io import kmz, xml_groups, xml_plans
from viewer.io.gexf import parse_xml
from viewer.io.html_text import to_text
from viewer.model.problems import LoadError

EXPECTED = ("GEXF, GraphML, GLEIF, Timeline XML, Excel 2003 XML, an RSS or Atom feed, or a list of records with a "
            "date (<events><event><date>…)")
SUFFIXES = (".xml", ".rss", ".atom", kmz.SUFFIX)  # (a .kmz: Google Earth's KML in a ZIP archive)


_MARKUP = re.compile(r"<[A-Za-z/!][^>]*>|&(?:[A-Za-z]+|#\d+);")


def _text(element: StdET.Element) -> str:
    """The element's text, spaces folded; HTML inside it (a feed's description, escaped or in CDATA) as the
    plain text it shows."""
    text = "".join(element.itertext())
    if _MARKUP.search(text):
        text = to_text(text)
    return " ".join(text.split())


def _record(element: StdET.Element, nested: str = "") -> dict[str, str]:
    """The element's cells (its children of the tag ``nested`` are records of their own, not its cells)."""
    row: dict[str, str] = {}

    def put(key: str, value: str) -> None:
        if value:
            row[key] = f"{row[key]};{value}" if key in row and row[key] != value else value

    for name, value in element.attrib.items():
        put(name.rsplit("}", 1)[-1], value.strip())
    for child in element:
        if not isinstance(child.tag, str) or child.tag == nested:
            continue  # a comment or a processing instruction
        parts = [part for part in child if isinstance(part.tag, str)]
        if parts:
            for part in parts:
                put(f"{child.tag}_{part.tag}", _text(part))
            put(child.tag, _text(parts[0]))
        else:
            put(child.tag, _text(child) or child.get("href", "") or child.get("url", ""))
    for name in [name for name in row if name.endswith("Unit") and "duration" in name.lower()]:
        if row.get(name[:-4]):  # Apple Health's duration="30.5" durationUnit="min": 30.5 min
            row[name[:-4]] = f"{row[name[:-4]]} {row.pop(name)}"
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


class Rows(list[dict[str, str]]):
    """The records' cells, and what reading them said (``said``: which records were read, which left)."""

    said: list[str]


def read_rows(path: Path) -> Rows:
    """The records' cells, in document order; LoadError naming the file when it holds none."""
    root = kmz.root(path, EXPECTED) if path.suffix.lower() == kmz.SUFFIX else parse_xml(path, EXPECTED)
    placemarks = list(root.iter("Placemark"))  # KML's, in folders at any depth (Google Earth, My Maps)
    plan = None if placemarks else xml_plans.msp_rows(root)
    said: list[str] = []
    if placemarks:
        rows = [_placemark(_record(element)) for element in placemarks]
    elif plan is not None:
        rows = plan
    else:
        chosen = xml_groups.choose(root)
        rows = [_record(element, chosen.nested) for element in chosen.elements]
        _with_context(rows, chosen)
        if xml_plans.is_gantt(root, chosen.elements):
            xml_plans.gantt_rows(root, chosen.elements, rows)
        said = chosen.said
    if any("published" in row for row in rows):  # an Atom entry's date: when it was published, else updated
        for row in rows:
            if "published" not in row and "updated" in row:
                row["published"] = row["updated"]
    if not rows or not any(rows):
        raise LoadError(f"{path}: XML that Entente does not recognise (no list of records in <{root.tag}>); "
                        f"expected {EXPECTED}")
    found = Rows(rows)
    found.said = said
    return found


def _with_context(rows: list[dict[str, str]], chosen: xml_groups.Chosen) -> None:
    """Each nested record's parent's name, and the document's singleton names with every record (its parties)."""
    for row, parent in zip(rows, chosen.parents, strict=True):
        if parent and "parent" not in row:
            row["parent"] = parent
    columns = {name for row in rows for name in row}
    names = {tag: value for tag, value in chosen.singletons.items() if tag not in columns}
    parties = ";".join(value for tag, value in names.items() if "signature" not in tag.lower())
    for row in rows:
        row.update(names)
        if parties and "parties" not in columns:
            row["parties"] = parties
