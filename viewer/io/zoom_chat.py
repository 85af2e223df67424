"""A Zoom meeting's chat as Zoom saves it (``meeting_saved_chat.txt``, or the ``chat.txt`` of a cloud recording):
one message per line led by its time, with no date — ``10:02:03 From Ana Lopez to Everyone:`` and the message on
the lines below (Zoom 5 and later), ``10:02:03	 From  Ana Lopez : Good morning`` (earlier), or a recording's
``00:01:12	Ana Lopez:	Good morning`` (the time since the recording began).

Each message is an event on the elapsed clock (:mod:`viewer.model.elapsed`): its first line the title, its whole
text in Details, its sender the actor (a person), and for a direct message its recipient too (category
``direct message``; others ``message``). A chat that runs past midnight goes on into the next day.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed, led_lines
from viewer.model import clock, elapsed
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a Zoom chat: lines such as '10:02:03 From Ana Lopez to Everyone:' or '00:01:12\tAna Lopez:\tHello'")
_TIME = r"(?P<time>\d{1,2}:\d{2}:\d{2})"
_LINES = (re.compile(rf"^{_TIME}\s+From\s+(?P<sender>.+?)\s+to\s+(?P<to>.+?)\s*:(?:\s+(?P<text>.*))?$"),
          re.compile(rf"^{_TIME}\s+From\s+(?P<sender>.+?)\s*:(?:\s+(?P<text>.*))?$"),
          re.compile(rf"^{_TIME}\t\s*(?P<sender>[^\t:]+?)\s*:\t\s*(?P<text>.*)$"))
_DIRECT = re.compile(r"\s*\((?:direct message|privately|privat|en privé|en privado)\)\s*$", re.IGNORECASE)
SNIFFED_LINES = 5


def _match(line: str) -> re.Match[str] | None:
    return next((found for pattern in _LINES if (found := pattern.match(line))), None)


def _led(line: str) -> tuple[str, str] | None:
    """A message's time and its first line; None on a further line."""
    found = _match(line)
    return None if found is None else (found.group("time"), line)


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a Zoom chat: its first line, and most of its first lines led by a time, a sender
    (further lines of a message start with a tab)."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace"))[:SNIFFED_LINES * 4]
             if line.strip() and not line.startswith("\t")][:SNIFFED_LINES]
    found = [_match(line) is not None for line in lines]
    return bool(found) and found[0] and sum(found) >= min(2, len(found))


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a Zoom chat into messages (events on the elapsed clock) and their senders and recipients (people)."""
    path = Path(path)
    label = str(path)
    problems: list[Problem] = []
    found = led_lines.read_records(path, _led, EXPECTED)
    times, unread = elapsed.parse_column(pd.Series([record.when for record in found], dtype=object))
    for record in (record for record, bad in zip(found, unread, strict=True) if bad):  # "99:99:99"
        problems.append(Problem(label, f"expected {elapsed.EXPECTED}, got {record.when!r}; message skipped",
                                record.row, "time", "warning"))
    records = [record for record, bad in zip(found, unread, strict=True) if not bad]
    read = times[~unread]
    moved, wraps = elapsed.past_midnight(np.array(read, dtype=np.float64))
    if wraps:
        problems.append(Problem(label, f"the chat runs past midnight {wraps:,} time{'s' * (wraps != 1)}: each "
                                "message after read as the next day's", None, "time", "info"))
    events = [_event(record, value) for record, value in zip(records, moved.tolist(), strict=True)]
    if not events:
        raise LoadError(f"{path}: no message; expected {EXPECTED}")
    names = sorted({a for e in events for a in e["actors"].split(";") if a})
    entities = pd.DataFrame({"id": names, "name": names, "kind": "person"}, columns=["id", "name", "kind"])
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    entities, None, label, label, label,
                    rows={"events": np.array([record.row for record in records], dtype=np.int64)})
    meta = DatasetMeta(title=compressed.stem(path), path=label, sources=(label,), clock=clock.ELAPSED)
    return build_dataset(tables, meta, problems)


def _event(record: led_lines.Record, seconds: float) -> dict[str, str]:
    found = _match(record.lines[0])
    assert found is not None  # (each record begins with a line that matched)
    text = "\n".join([found.group("text") or "", *(line.strip() for line in record.lines[1:])]).strip()
    sender = found.group("sender").strip()
    to = found.groupdict().get("to") or ""
    direct = bool(_DIRECT.search(to))
    recipient = _DIRECT.sub("", to).strip() if direct else ""
    title = led_lines.title_of(text) or "(empty message)"
    return {"id": f"m{record.row}", "start": elapsed.format_elapsed(seconds), "title": title,
            "actors": ";".join(name for name in (sender, recipient) if name),
            "category": "direct message" if direct else "message",
            "description": led_lines.description_of(text) if text != title else ""}
