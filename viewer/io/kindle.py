"""A Kindle's ``My Clippings.txt``: every highlight, note and bookmark made on the device, as rows of a table.

The file is a run of clippings, each closed by a line of ten ``=``::

    Bad Blood: Secrets and Lies in a Silicon Valley Startup (Carreyrou, John)
    - Your Note on page 112 | Location 1701 | Added on Wednesday, 12 February 2020 22:01:40

    compare with SEC filing
    ==========

Each clipping is a row: ``Title`` (the highlight or the note; a bookmark has none, and is named by its place), the
``Book`` and its ``Author`` (the last brackets of the first line), its ``Kind`` (Highlight, Note, Bookmark, as the
device's language writes it: Markierung, surlignement …), its ``Page`` and ``Location``, and ``Date added`` as the
device wrote it, in its language and order (the table reader reads the dates). The table reader maps these as it
maps any table. Before, such a file was refused ("no date column among …").
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.io import compressed
from viewer.model.problems import LoadError, Problem

SEPARATOR = "=========="
_DETAILS = re.compile(r"^-\s*\S+\s+(?P<kind>\S+)")  # "- Your Highlight on page 5", "- Ihre Markierung bei …"
_PAGE = re.compile(r"(?i)\b(?:page|seite|página|pagina|страниц[аеы])\s+(?P<page>[\divxlc]+(?:-[\divxlc]+)?)")
_PLACE = re.compile(r"(?i)\b(?:location|loc\.|position|posición|emplacement|posizione|позиция)\s+"
                    r"(?P<place>\d+(?:-\d+)?)")
_AUTHOR = re.compile(r"^(?P<book>.*?)\s*\((?P<author>[^()]*)\)\s*$")
# the words before the date ("Added on", "Hinzugefügt am", "Ajouté le", "Añadido el", "Aggiunto il", "Добавлено:")
_ADDED = re.compile(r"(?i)^\s*(?:added on|hinzugefügt am|ajouté le|añadido el|aggiunto il|adicionado em|"
                    r"toegevoegd op|добавлено:?)\s*")


def looks_like(head: bytes) -> bool:
    """True for the first bytes of a Kindle's clippings: a title line, then a line of its details opening with a
    dash and split by bars, and a line of ten ``=`` closing the clipping."""
    text = head.decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    lines = text.split("\n")
    return (SEPARATOR in lines[:60] and len(lines) > 2 and lines[1].startswith("- ") and "|" in lines[1]
            and bool(lines[0].strip()))


def read_frame(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The clippings as rows of text, each row's first line in the file, and what reading said."""
    label = str(path)
    text = compressed.read_bytes(path).decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    rows: list[dict[str, str]] = []
    lines_of: list[int] = []
    odd: list[int] = []
    line = 1
    for block in (text if text.endswith("\n") else text + "\n").split(SEPARATOR + "\n"):
        parts = block.split("\n")
        first = next((i for i, part in enumerate(parts) if part.strip()), None)
        if first is not None:
            row = _clipping(parts[first:])
            if row is None:
                odd.append(line + first)
            else:
                rows.append(row)
                lines_of.append(line + first)
        line += len(parts)  # (its lines and the separator's)
    if not rows:
        raise LoadError(f"{path}: no clipping (a book's line, a line of its details and a line of ten '='); "
                        "expected a Kindle's My Clippings.txt")
    problems = [] if not odd else [Problem(label, f"{len(odd):,} clipping{'s' if len(odd) > 1 else ''} without "
                                           "a line of details (first: line "f"{odd[0]}); skipped", odd[0], None,
                                           "warning")]
    return pd.DataFrame(rows), np.asarray(lines_of, dtype=np.int64), problems


def _clipping(lines: list[str]) -> dict[str, str] | None:
    """One clipping's fields, or None when its second line is no line of details."""
    if len(lines) < 2 or not lines[1].startswith("-"):
        return None
    title = lines[0].strip().lstrip("\ufeff")
    named = _AUTHOR.match(title)
    book, author = (named["book"], named["author"].strip()) if named else (title, "")
    details = [part.strip() for part in lines[1].split("|")]
    kind = _DETAILS.match(details[0])
    page, place = _PAGE.search(lines[1]), _PLACE.search(lines[1])
    written = "\n".join(part.rstrip() for part in lines[2:]).strip()
    kind_name = kind["kind"] if kind else ""
    where = f"page {page['page']}" if page else f"location {place['place']}" if place else ""
    return {"Date added": _ADDED.sub("", details[-1]) if len(details) > 1 else "",
            "Title": written or f"{kind_name} at {where} of {book}".replace(" at  of", " in"),
            "Book": book, "Author": author, "Kind": kind_name,
            "Page": page["page"] if page else "", "Location": place["place"] if place else ""}
