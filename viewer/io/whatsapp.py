"""A WhatsApp chat as its "Export chat" writes it (``WhatsApp Chat with Ana.txt``, ``_chat.txt`` in the ZIP with the
media): one message per line led by its date and time, in the phone's own format —
``04/03/2019, 10:00 - Ana: Hello`` (Android), ``[04/03/2019, 10:00:00] Ana: Hello`` (iPhone),
``3/4/19, 10:00 AM - …`` (US, with U+202F before AM on newer phones), ``04.03.19, 10:00 - …`` (German) — and a
message's further lines below it.

Each message is an event: its first line as the title, the whole text as the description, its sender as the actor
(each sender a person); lines without a sender ("Messages and calls are end-to-end encrypted", "Ana added Ben")
are system notes. The dates are read as one column by the table's parser, so the day/month order is found from
the whole chat and said when it is only assumed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import columns as date_columns
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a WhatsApp chat export: lines such as '04/03/2019, 10:00 - Ana: Hello' or "
            "'[04/03/2019, 10:00:00] Ana: Hello'")
_MARKS = re.compile("[\u200e\u200f\u202a-\u202e\ufeff]")
_LINE = re.compile(r"^\[?(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4}),?\s+"
                   r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]*[AaPp]\.?\s?[Mm]\.?)?)\]?"
                   r"(?:\s+-\s+|\s+)(?P<rest>.*)$")
_SENDER = re.compile(r"^(?P<sender>[^:]{1,80}?):\s(?P<text>.*)$", re.DOTALL)
_MEDIA = re.compile(r"^<?(?:media omitted|image omitted|video omitted|audio omitted|sticker omitted|document omitted|"
                    r"gif omitted|contact card omitted|[^<>]* \(file attached\))>?$", re.IGNORECASE)
TITLE_CHARS = 120
SNIFFED_LINES = 5


def _lines(text: str) -> list[str]:
    return _MARKS.sub("", text).splitlines()


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a chat export: its first line, and most of its first lines, led by a date and time."""
    lines = [line for line in _lines(head.decode("utf-8-sig", errors="replace"))[:SNIFFED_LINES * 3] if line.strip()]
    led = [_LINE.match(line) is not None for line in lines[:SNIFFED_LINES]]
    return bool(led) and led[0] and sum(led) >= min(2, len(led)) and any(
        m and ":" in m.group("rest") for m in map(_LINE.match, lines[:SNIFFED_LINES]))


def read(path: str | Path, date_order: str | None = None, **_options: Any) -> Dataset:
    """Read a chat export into messages (events) and senders (people); ``date_order`` ("dmy", "mdy") where the
    chat's dates leave it open."""
    path = Path(path)
    label = str(path)
    try:
        text = compressed.read_bytes(path).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LoadError(f"{path}: not UTF-8 text (byte {exc.start}); expected {EXPECTED}") from exc
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(_lines(text), start=1):
        led = _LINE.match(line)
        if led is None:
            if rows:  # a message's further line
                rows[-1]["lines"].append(line)
            continue
        rows.append({"row": number, "when": f"{led.group('date')} {led.group('time')}", "lines": [led.group("rest")]})
    if not rows:
        raise LoadError(f"{path}: no line led by a date and time; expected {EXPECTED}")
    parsed = date_columns.parse_column(pd.Series([r["when"] for r in rows], dtype="str"), date_order=date_order)
    problems = [Problem(label, message, None, "date", level) for level, message in parsed.notes]
    events = []
    for row, instant, bad in zip(rows, parsed.instants, parsed.invalid, strict=True):
        if bad or pd.isna(instant):
            problems.append(Problem(label, f"expected a date and time, got {row['when']!r}; message skipped",
                                    row["row"], "date", "warning"))
            continue
        events.append(_event(row, instant))
    if not events:
        raise LoadError(f"{path}: no message with a readable date; expected {EXPECTED}")
    senders = sorted({e["actors"] for e in events if e["actors"]})
    entities = [{"id": s, "name": s, "kind": "person"} for s in senders]
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    pd.DataFrame(entities, columns=["id", "name", "kind"]), None, label, label, label,
                    rows={"events": np.array([int(e["id"][1:]) for e in events], dtype=np.int64)})
    return build_dataset(tables, DatasetMeta(title=compressed.stem(path), path=label, sources=(label,)), problems)


def _event(row: dict[str, Any], instant: pd.Timestamp) -> dict[str, str]:
    body = "\n".join(row["lines"]).strip()
    said = _SENDER.match(body)
    sender, message = (said.group("sender").strip(), said.group("text")) if said else ("", body)
    first = message.splitlines()[0].strip() if message.strip() else ""
    kind = "system" if not sender else "media" if _MEDIA.match(first) else "message"
    title = first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS].rstrip() + "…"
    return {"id": f"m{row['row']}", "start": instant.isoformat(), "title": title or "(empty message)",
            "actors": sender, "category": kind, "description": message.strip()}
