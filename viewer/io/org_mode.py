"""Org mode outlines (``.org``, Emacs' notes and agendas): each heading with a timestamp is an event.

A heading's date is the first timestamp in the heading itself, else the first active one (``<2019-03-12 Tue
10:00>``) of its planning line (``SCHEDULED``, ``DEADLINE``) or its text, else the first inactive one (``CLOSED:
[2019-03-13 Wed 09:00]``, a note's ``[2019-12-29 Sun 22:00]``). A time range (``<2019-03-12 Tue 10:00-11:30>``; one
that ends before it starts, on the next day) or a span of two (``<2019-03-01 Fri>--<2019-03-04 Mon>``) gives its
end. The heading's words are the title (without its TODO keyword, priority, tags and timestamps), its tags the
event's, its keyword its status, the heading above its category, and its text (drawers left out) its description.
Headings with no timestamp are counted, not read; the file was refused as a table with no date column. Org's times
have no zone: they are said as any such time is. Never Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io.reading import read_document, utf8
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

SUFFIXES = (".org",)
KEYWORDS = ("TODO", "DONE", "NEXT", "WAITING", "HOLD", "CANCELLED", "CANCELED", "STARTED", "SOMEDAY")
_HEADING = re.compile(r"^(\*+)\s+(?:(" + "|".join(KEYWORDS) + r")\s+)?(?:\[#[A-Z0-9]\]\s+)?(.*?)"
                      r"(?:\s+(:[\w@#%:]+:))?\s*$")
# <2019-03-12 Tue 10:00-11:30 +1w>, [2019-12-29 Sun 22:00]: a day, a weekday, a time or two, a repeater or warning
_STAMP = (r"(?P<{o}>[<\[])(?P<{d}>\d{{4}}-\d{{2}}-\d{{2}})(?:\s+[^\s\d>\]]+)?"
          r"(?:\s+(?P<{t}>\d{{1,2}}:\d{{2}})(?:-(?P<{u}>\d{{1,2}}:\d{{2}}))?)?(?:\s+[.+-][^>\]]*)?[>\]]")
_ONE = _STAMP.format(o="open", d="day", t="time", u="until")
_TIMESTAMP = re.compile(_ONE + r"(?:--" + _STAMP.format(o="open2", d="day2", t="time2", u="until2") + ")?")
_PLANNING = re.compile(r"^\s*(?:SCHEDULED|DEADLINE|CLOSED):")
_DRAWER = re.compile(r"^\s*:([A-Za-z_-]+):\s*$")
_TITLE = re.compile(r"^#\+TITLE:\s*(.+?)\s*$", re.IGNORECASE | re.MULTILINE)
COLUMNS = ["start", "end", "title", "description", "category", "tags", "status"]


def _iso(day: str, time: str | None) -> str:
    return f"{day}T{int(time.split(':')[0]):02d}:{time.split(':')[1]}" if time else day


def _dated(found: re.Match[str]) -> tuple[str, str]:
    """A timestamp's start and end (ISO text; "" for none)."""
    start = _iso(found["day"], found["time"])
    if found["day2"]:
        end = _iso(found["day2"], found["time2"])
    elif found["until"]:  # (an end before its start is the next day's: 23:00-01:00)
        late = tuple(map(int, found["until"].split(":"))) < tuple(map(int, found["time"].split(":")))
        end = _iso(str(dt.date.fromisoformat(found["day"]) + dt.timedelta(days=1)) if late and _real(found["day"])
                   else found["day"], found["until"])
    else:
        end = ""
    return start, end


def _real(day: str) -> bool:
    try:
        dt.date.fromisoformat(day)
    except ValueError:  # (2019-02-30: read as written, and reported as a bad date)
        return False
    return True


def _when(heading: str, planning: list[str], body: list[str]) -> tuple[str, str] | None:
    """A heading's date: in its own words, else the first active stamp of its planning line (SCHEDULED, DEADLINE)
    and of its text, else the first inactive one (CLOSED, a note's stamp)."""
    for texts, active_only in (([heading], False), (planning, True), (body, True), (planning, False), (body, False)):
        for text in texts:
            for found in _TIMESTAMP.finditer(text):
                if not active_only or found["open"] == "<":
                    return _dated(found)
    return None


class _Section:
    """A heading with the lines under it (up to the next heading), and its place."""

    def __init__(self, line: int, depth: int, keyword: str, words: str, tags: str) -> None:
        self.line, self.depth, self.keyword, self.words, self.tags = line, depth, keyword, words, tags
        self.planning: list[str] = []
        self.body: list[str] = []


def _sections(lines: list[str]) -> list[_Section]:
    sections: list[_Section] = []
    drawer = False
    for number, line in enumerate(lines, 1):
        found = _HEADING.match(line)
        if found:
            sections.append(_Section(number, len(found[1]), found[2] or "", found[3], found[4] or ""))
            drawer = False
        elif sections:
            section = sections[-1]
            named = _DRAWER.match(line)
            if named:  # :PROPERTIES: … :END:, :LOGBOOK: … :END:
                drawer = named[1].upper() != "END"
            elif drawer:
                continue
            elif _PLANNING.match(line) and not section.body:
                section.planning.append(line)
            else:
                section.body.append(line)
    return sections


def _row(section: _Section, parents: list[_Section]) -> dict[str, Any] | None:
    when = _when(section.words, section.planning, section.body)
    if when is None:
        return None
    title = " ".join(_TIMESTAMP.sub("", section.words).split()) or section.keyword or "(untitled)"
    text = "\n".join(line.strip() for line in section.body if _TIMESTAMP.sub("", line).strip(" -")
                     or not line.strip()).strip()  # (a line that is only its date is no description)
    return {"start": when[0], "end": when[1], "title": title, "description": re.sub(r"\n{3,}", "\n\n", text),
            "category": " ".join(_TIMESTAMP.sub("", parents[-1].words).split()) if parents else "",
            "tags": ";".join(t for t in section.tags.split(":") if t), "status": section.keyword}


def read(path: str | Path, **_options: object) -> Dataset:
    """An Org outline's headings with a timestamp as events."""
    path = Path(path)
    label = str(path)
    text = utf8(read_document(path, "an Org mode outline (* headings)")).decode("utf-8-sig", errors="replace")
    sections = _sections(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))
    rows: list[dict[str, Any]] = []
    lines: list[int] = []
    parents: list[_Section] = []
    for section in sections:
        while parents and parents[-1].depth >= section.depth:
            parents.pop()
        row = _row(section, parents)
        if row is not None:
            rows.append(row)
            lines.append(section.line)
        parents.append(section)
    if not rows:
        held = f"{counted(len(sections), 'heading')} and none with a timestamp" if sections else \
            "no heading (a line starting with *)"
        raise LoadError(f"{label}: {held}; expected an Org outline whose headings carry a date (<2019-03-12 Tue>, "
                        "SCHEDULED: <…>)")
    problems = [Problem(label, f"read the {counted(len(rows), 'heading')} with a timestamp"
                        + (f"; {counted(len(sections) - len(rows), 'heading')} without one not read"
                           if len(rows) < len(sections) else ""), None, None, "info")]
    frame = pd.DataFrame(rows, columns=COLUMNS)
    if not frame["status"].astype(bool).any():
        frame = frame.drop(columns="status")
    titled = _TITLE.search(text)
    meta = DatasetMeta(title=titled[1] if titled else path.stem, path=label)
    tables = Tables(frame, None, None, label, label, label, rows={"events": np.asarray(lines, dtype=np.int64)})
    return build_dataset(tables, meta, problems)
