"""What the clipboard holds, kept as a file that opens as a dataset: cells copied from a spreadsheet (Excel,
LibreOffice, Google Sheets: tab-separated text), a table copied from a web page (its HTML), JSON, a calendar, or
lines of text.

The file is written in the user's data folder (:func:`viewer.paths.data_dir`), named by the time it was pasted: the
data outlives the clipboard, opens again from Open recent, and its rows are named by line in Problems as a file's are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from viewer.io.atomic import replace_file

FOLDER = "pasted"
_TABLE_TAG = re.compile(r"<table\b", re.IGNORECASE)
_CHARSET = re.compile(r"<meta[^>]+charset", re.IGNORECASE)


@dataclass(frozen=True)
class Pasted:
    """The clipboard's content as a file would hold it, and the suffix that names its kind."""

    suffix: str
    text: str


def choose(text: str | None, html: str | None = None) -> Pasted | None:
    """The file to write for what was copied (None: nothing a dataset could come from).

    Cells copied from a spreadsheet or a web page's table come as text with tabs between them (and the page's table
    as HTML too): the text is kept, as its cells are; HTML is kept when its text has no cells (a table whose text was
    copied as lines). JSON and a calendar keep their kind; any other text is read as a text file is (a CSV, dated lines,
    a log).
    """
    plain = (text or "").replace("\r\n", "\n").strip("\n")
    if plain.strip() and _cells(plain):
        return Pasted(".tsv", plain + "\n")
    if html and _TABLE_TAG.search(html):
        page = html if _CHARSET.search(html) else '<meta charset="utf-8">\n' + html
        return Pasted(".html", page)
    if not plain.strip():
        return None
    head = plain.lstrip("\ufeff \t\n")
    if head.startswith(("{", "[")):
        return Pasted(".json", plain + "\n")
    if head.upper().startswith("BEGIN:VCALENDAR"):
        return Pasted(".ics", plain + "\n")
    return Pasted(".txt", plain + "\n")


def _cells(text: str) -> bool:
    """Whether the text is a block of cells: two lines or more, most of them with a tab."""
    lines = [line for line in text.split("\n") if line.strip()]
    return len(lines) >= 2 and sum("\t" in line for line in lines) * 2 >= len(lines)


def save(pasted: Pasted, folder: Path, when: datetime | None = None) -> Path:
    """Write the pasted content in ``folder`` (made if missing) as ``Pasted <date> <time>.<kind>``; never over a file
    already there."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H.%M.%S")
    path = folder / f"Pasted {stamp}{pasted.suffix}"
    n = 2
    while path.exists():
        path = folder / f"Pasted {stamp} ({n}){pasted.suffix}"
        n += 1
    # (a clipboard may hand over half of a surrogate pair: written as "?", the file stays UTF-8)
    return replace_file(path, pasted.text.encode("utf-8", errors="replace"))
