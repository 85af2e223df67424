"""Subtitles and captions: SubRip (``.srt``) and WebVTT (``.vtt``), as Zoom, Teams, YouTube, Otter and Descript
write the transcript of an interview, a hearing or a meeting.

Each cue is an event on the elapsed clock (hours, minutes and seconds from the recording's start:
:mod:`viewer.model.elapsed`), from its start to its end: its first line the title, its whole text the
description, its speaker the actor (a person). The speaker is WebVTT's voice (``<v Ana Lopez>``) or a name
leading the text (``Ana Lopez: …`` as Zoom and Teams write it, ``>> ANA:`` as broadcast captions do) where the
same name leads two cues or more, or most cues are led by names and this one, once, is of two words or more
("Note: …" once is text). Markup is left out (``<i>``, ``<c.yellow>``,
``{\\an8}``, a word's own time ``<00:00:01.500>``) and entities are unescaped (``&amp;``). Captions that roll
(YouTube's automatic ones repeat the line before, in cues of a hundredth of a second) keep only their new lines.
A cue whose times cannot be read is said by its line and left out.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import code_pages, compressed, led_lines
from viewer.model import clock, elapsed
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

SUFFIXES = (".srt", ".vtt")
EXPECTED = "subtitles: cues such as '00:00:01,600 --> 00:00:04,200' followed by their text (SubRip or WebVTT)"
_TIMING = re.compile(r"^\s*(?P<start>\S+)\s+-->\s+(?P<end>\S+)(?:\s+.*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?\s+([^>]+)>")
_MARKUP = re.compile(r"<[^>]*>|\{\\[^}]*\}")
_LEADING = re.compile(r"^(?:>>\s*|-\s+)?(?P<name>[^\W\d][^:\n]{0,39}?):\s+(?P<text>\S.*)$", re.DOTALL)
_HEADERS = ("WEBVTT", "NOTE", "STYLE", "REGION")


@dataclass
class _Cue:
    row: int
    start: float
    end: float | None
    lines: list[str]
    speaker: str = ""
    ident: str = ""


def looks_like(head: bytes) -> bool:
    """Whether a text starts as subtitles: ``WEBVTT``, or a SubRip cue's number above its times."""
    text = head.decode("utf-8-sig", errors="replace").lstrip("\ufeff \t\r\n")
    if text.startswith("WEBVTT"):
        return True
    lines = text.splitlines()
    return len(lines) >= 2 and lines[0].strip().isdigit() and _TIMING.match(lines[1]) is not None


def _decoded(path: Path) -> tuple[str, list[Problem]]:
    data = compressed.read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as exc:  # older SubRip files are in the system's code page: Windows-1251, GBK …
        text, _codec, said = code_pages.legacy(data)
        return text, [Problem(str(path), f"not UTF-8 (byte {exc.start}); {said}", None, None, "info")]


def _cues(text: str, label: str, problems: list[Problem]) -> list[_Cue]:
    """The cues of the text in the order written, each from its line of times to the next one's (its number or
    name above those times left out, and notes). Anchored on the times, a cue's text may hold a line of spaces
    (YouTube's) and a file may lack the blank line between cues."""
    lines = led_lines.lines_of(text)
    timings = [i for i, line in enumerate(lines) if "-->" in line]
    starts, ends = _times([_TIMING.match(lines[at]) for at in timings])
    found: list[_Cue] = []
    for k, at in enumerate(timings):
        body = lines[at + 1:timings[k + 1] if k + 1 < len(timings) else len(lines)]
        if k + 1 < len(timings) and len(body) >= 2 and body[-1].strip() and not body[-2].strip():
            body = body[:-1]  # the next cue's number or name
        named = at > 0 and lines[at - 1].strip() and (at < 2 or not lines[at - 2].strip())
        cue = _cue(at + 1, lines[at], (starts[k], ends[k]), _without_notes(body), label, problems)
        if cue is not None:
            cue.ident = lines[at - 1].strip() if named else ""
            found.append(cue)
    return found


def _without_notes(body: list[str]) -> list[str]:
    """A cue's lines without a WebVTT note, style or region written after it (each ends at a blank line)."""
    kept: list[str] = []
    skipping = False
    for i, line in enumerate(body):
        if not line.strip():
            skipping = False
        elif i and not body[i - 1].strip() and line.startswith(_HEADERS):
            skipping = True
        if not skipping:
            kept.append(line)
    return kept


def _times(matches: list[re.Match[str] | None]) -> tuple[np.ndarray, np.ndarray]:
    """The seconds of each cue's start and end (NaN where unread), every cue's read at once (a film's 1,500
    cues, a hearing's 20,000), SubRip's decimal comma read as a point."""
    def column(group: str) -> np.ndarray:
        written = pd.Series([m.group(group) if m else None for m in matches], dtype="object")
        return elapsed.parse_column(written.str.replace(",", ".", regex=False))[0]
    return column("start"), column("end")


def _cue(row: int, timing: str, times: tuple[float, float], body: list[str], label: str,
         problems: list[Problem]) -> _Cue | None:
    match = _TIMING.match(timing)
    start = None if np.isnan(times[0]) else float(times[0])
    if match is None or start is None:
        problems.append(Problem(label, f"expected a cue's times such as '00:00:01,600 --> 00:00:04,200', got "
                                f"{timing.strip()[:60]!r}; cue skipped", row, "start", "warning"))
        return None
    end = None if np.isnan(times[1]) else float(times[1])
    if end is None or end < start:
        problems.append(Problem(label, f"expected an end at or after {elapsed.format_elapsed(start)}, got "
                                f"{match.group('end')!r}; end left out", row, "end", "warning"))
        end = None
    return _Cue(row, start, end, [line for line in body if line.strip()])


def _spoken(cue: _Cue) -> None:
    """The cue's voice (``<v Ana>``) taken out of its lines, and its markup and entities."""
    joined = "\n".join(cue.lines)
    voice = _VOICE.search(joined)
    if voice:
        cue.speaker = voice.group(1).strip()
    cue.lines = [html.unescape(_MARKUP.sub("", line)).strip() for line in cue.lines]
    cue.lines = [line for line in cue.lines if line]


def _unrolled(cues: list[_Cue]) -> list[_Cue]:
    """Rolling captions: lines a cue repeats from the cue before are left out, and cues left empty by that."""
    kept: list[_Cue] = []
    before: list[str] = []
    for cue in cues:
        lines = cue.lines
        while lines and before and lines[0] == before[-1]:
            lines = lines[1:]
        before = cue.lines or before
        if lines or not cue.lines:  # (a cue written with no text stays: its times are what it has)
            cue.lines = lines
            kept.append(cue)
    return kept


def _leading_names(cues: list[_Cue]) -> None:
    """Names leading the text of two cues or more are their speakers (the name taken off the text); where most
    cues are led by a name (Zoom's, Teams' transcripts), each such name is, one who spoke once too."""
    leads = {id(cue): _LEADING.match("\n".join(cue.lines)) for cue in cues if not cue.speaker}
    counts = Counter(m.group("name").strip() for m in leads.values() if m)
    most = sum(counts.values()) >= 0.5 * len(cues)
    for cue in cues:
        found = leads.get(id(cue))
        if found and (counts[found.group("name").strip()] >= 2 or (most and _named_once(found))):
            cue.speaker = found.group("name").strip()
            cue.lines = found.group("text").splitlines()


def _named_once(lead: re.Match[str]) -> bool:
    """Whether a name leading one cue alone, among cues most of which are led by names, is a speaker: a name of
    two words or more ("Guest Speaker"), or one a broadcast caption leads with ``>>``. A single word once
    ("Note:", "Update:") is the text's."""
    return len(lead.group("name").split()) >= 2 or lead.group(0).lstrip().startswith(">>")


def _more_than_the_title(lines: list[str]) -> str:
    """A cue's whole text for Details where the title (its first line, cut) does not hold it all; else empty."""
    text = "\n".join(lines)
    return led_lines.description_of(text) if text != led_lines.title_of(text) else ""


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a SubRip or WebVTT file into its cues (events on the elapsed clock) and speakers (people)."""
    path = Path(path)
    label = str(path)
    text, problems = _decoded(path)
    cues = _cues(text, label, problems)
    for cue in cues:
        _spoken(cue)
    cues = _unrolled(cues)
    _leading_names(cues)
    if not cues:
        raise LoadError(f"{path}: no cue with readable times and text; expected {EXPECTED}")
    written = {c.row: c for c in cues}
    events = pd.DataFrame({
        "id": [f"c{cue.ident}" if cue.ident.isdigit() else f"c{cue.row}" for cue in cues],
        "start": [elapsed.format_elapsed(cue.start) for cue in cues],
        "end": [elapsed.format_elapsed(cue.end) if cue.end is not None else "" for cue in cues],
        "title": [led_lines.title_of("\n".join(cue.lines)) or "(no text)" for cue in cues],
        "actors": [cue.speaker for cue in cues], "category": "cue",
        "description": [_more_than_the_title(cue.lines) for cue in cues]})
    if events["id"].duplicated().any():  # numbers written twice (two files joined): each cue by its line instead
        events["id"] = [f"c{row}" for row in written]
    names = sorted({cue.speaker for cue in cues if cue.speaker})
    entities = pd.DataFrame({"id": names, "name": names, "kind": "person"}, columns=["id", "name", "kind"])
    tables = Tables(events, entities, None, label, label, label,
                    rows={"events": np.array(list(written), dtype=np.int64)})
    meta = DatasetMeta(title=compressed.stem(path), path=label, sources=(label,), clock=clock.ELAPSED)
    return build_dataset(tables, meta, problems)
