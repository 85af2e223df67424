"""Bookmarks as browsers and read-later services export them in HTML: the Netscape bookmark file every browser
writes (``<!DOCTYPE NETSCAPE-Bookmark-file-1>``: ``<DT><A HREF=… ADD_DATE="1672531200">`` in folders of ``<H3>``)
and Pocket's export (``<a href=… time_added=… tags=…>`` under headings "Unread" and "Read Archive").

Each link is an event at the moment it was saved, titled by its text, with its address as the source link, its
folder path (or Pocket's heading) as the category and its tags (Firefox's ``TAGS``, Pocket's ``tags``). A link
with no date is counted in one note. These files were read as delimited text and refused ("no date column among
<!DOCTYPE NETSCAPE-Bookmark-file-1>"). Parsed with the standard library's HTML parser: nothing is fetched.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from viewer.io.reading import read_document
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a bookmark file as browsers export it (<!DOCTYPE NETSCAPE-Bookmark-file-1>, links with ADD_DATE) or "
            "Pocket's export (links with time_added)")
_NETSCAPE = re.compile(rb"^\s*(?:\xef\xbb\xbf)?\s*<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>", re.IGNORECASE)
_POCKET = re.compile(rb"<a\s[^>]*\btime_added=", re.IGNORECASE)
_SAVED = ("add_date", "time_added")
# a count since 1970 in seconds, milliseconds or microseconds (Firefox writes microseconds in some versions)
_UNITS = ((1e14, "us"), (1e11, "ms"), (0.0, "s"))


def looks_like(head: object) -> bool:
    """True for the first bytes of a Netscape bookmark file or of Pocket's export."""
    return isinstance(head, bytes) and bool(_NETSCAPE.match(head) or _POCKET.search(head))


class _Links(HTMLParser):
    """The links of the document with the folders (``<H3>`` before a ``<DL>``) or headings they are under."""

    def __init__(self, netscape: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.netscape = netscape  # (its <H1> is the file's own title, "Bookmarks", not a folder)
        self.rows: list[dict[str, str]] = []
        self.folders: list[str] = []
        self._heading: str | None = None  # the text of the last folder name or heading, while it is read
        self._named = ""  # the last folder name, waiting for its list
        self._link: dict[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): value or "" for name, value in attrs}
        if tag in ("h3", "h1", "h2"):
            self._heading = ""
        elif tag == "dl":
            self.folders.append(self._named)
            self._named = ""
        elif tag == "a":
            self._link = {**values, "text": ""}

    def handle_endtag(self, tag: str) -> None:
        if tag in ("h3", "h1", "h2") and self._heading is not None:
            name = " ".join(self._heading.split())
            if tag == "h3":
                self._named = name
            elif not self.netscape:  # Pocket's "Unread", "Read Archive"
                self.folders = [name]
            self._heading = None
        elif tag == "dl" and self.folders:
            self.folders.pop()
        elif tag == "a" and self._link is not None:
            self.rows.append({**self._link, "folder": " / ".join(f for f in self.folders if f)})
            self._link = None

    def handle_data(self, data: str) -> None:
        if self._link is not None:
            self._link["text"] += data
        elif self._heading is not None:
            self._heading += data


def _moment(written: str) -> pd.Timestamp | None:
    try:
        number = float(written.strip())
    except ValueError:
        return None
    if number <= 0:
        return None
    unit = next(unit for least, unit in _UNITS if number >= least)
    try:
        return pd.Timestamp(int(number), unit=unit, tz="UTC")
    except (OverflowError, ValueError):
        return None


def read(path: str | Path, **_options: object) -> Dataset:
    """The links of a bookmark file as events (see the module's description)."""
    path = Path(path)
    label = str(path)
    data = read_document(path, EXPECTED)
    parser = _Links(bool(_NETSCAPE.match(data[:4096])))
    parser.feed(data.decode("utf-8-sig", errors="replace"))
    parser.close()
    if not parser.rows:
        raise LoadError(f"{path}: no links; expected {EXPECTED}")
    rows, undated = [], 0
    for number, link in enumerate(parser.rows, start=1):
        saved = next((_moment(link[name]) for name in _SAVED if link.get(name)), None)
        if saved is None:
            undated += 1
            continue
        tags = re.split(r"\s*,\s*", link.get("tags", "").strip())
        rows.append({"id": f"link-{number}", "start": saved.isoformat(), "title": " ".join(link["text"].split()),
                     "source_url": link.get("href", ""), "category": link["folder"],
                     "tags": ";".join(t for t in tags if t)})
    problems = [Problem(label, f"{undated} link{'s have' if undated > 1 else ' has'} no date saved (ADD_DATE or "
                        "time_added): not read", None, None, "info")] if undated else []
    frame = pd.DataFrame(rows, columns=["id", "start", "title", "source_url", "category", "tags"])
    meta = DatasetMeta(title=path.stem, path=label)
    return build_dataset(Tables(frame, None, None, label, label, label), meta, problems)
