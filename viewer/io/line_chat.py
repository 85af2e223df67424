"""A LINE chat as its "Export chat history" writes it (``[LINE] Chat with Ana.txt``): a title, when it was saved,
then each day on a line of its own (``Tue, 3/5/2019``, ``2019/03/05(火)``, ``2019.03.05 Tuesday``) and each message
under it as its time, sender and text between tabs (``15:00\tAna\tHello``; a message of several lines in quotes).
A line with no sender (someone joined, a message unsent) is a system note.

Each message is an event: its first line the title, its text the description, its sender the actor (a person).
Morning and afternoon written before the time (午前, 午後) are read as AM and PM.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from viewer.io import led_lines
from viewer.model.dataset import Dataset

EXPECTED = ("a LINE chat export: a day's line such as '2019/03/05(Tue)' and under it messages such as "
            "'15:00<tab>Ana<tab>Hello'")
# (an English day keeps its weekday, "Tue, 3/5/2019": it tells the day from the month where the numbers cannot)
_DAY = re.compile(r"^(?P<day>(?:[A-Z][a-z]{2},\s*)?\d{1,4}[/.]\d{1,2}[/.]\d{1,4})\s*(?:\([^)]{1,12}\)|[A-Za-z]+day)?$")
_MESSAGE = re.compile(r"^(?P<time>(?:午前|午後)?\d{1,2}:\d{2}(?:\s*[AP]M)?)\t(?:(?P<sender>[^\t]*)\t)?(?P<text>.*)$")
_HEADER = re.compile(r"^\ufeff?\[LINE\]")
SNIFFED_LINES = 8


def _led(days: led_lines.Days, line: str) -> tuple[str, str] | None:
    """A message's date and time, and its sender and text; None on a day's line or a further line."""
    if days.opens(line):
        return None
    found = _MESSAGE.match(line) if days.day else None
    if not found:
        return None
    return f"{days.day} {found.group('time')}", f"{found.group('sender') or ''}\x00{found.group('text')}"


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a LINE export: its "[LINE]" title, or a day's line and a message under it."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace"))[:SNIFFED_LINES * 3]
             if line.strip()][:SNIFFED_LINES * 2]
    if not lines:
        return False
    days = [at for at, line in enumerate(lines) if _DAY.match(line.strip())]
    return bool(days) and any(_MESSAGE.match(line) for line in lines[days[0] + 1:]) and (
        bool(_HEADER.match(lines[0])) or days[0] <= 3)


def read(path: str | Path, date_order: str | None = None, **_options: Any) -> Dataset:
    """Read a LINE chat into messages (events) and senders (people)."""
    path = Path(path)
    records = led_lines.read_records(path, functools.partial(_led, led_lines.Days(_DAY)), EXPECTED)
    kept, problems = led_lines.dated(records, str(path), "message", date_order)
    return led_lines.dataset(path, [_event(record, instant) for record, instant in kept], problems, EXPECTED,
                             "message", people=True)


def _event(record: led_lines.Record, instant: str) -> dict[str, str]:
    sender, _, first = record.lines[0].partition("\x00")
    rest = [line for line in record.lines[1:] if not _DAY.match(line.strip())]
    message = "\n".join([first, *rest]).strip()
    if len(message) > 1 and message.startswith('"') and message.endswith('"'):  # several lines, quoted
        message = message[1:-1].replace('""', '"').strip()
    title = led_lines.title_of(message)
    return {"id": f"m{record.row}", "start": instant, "title": title or "(empty message)", "actors": sender.strip(),
            "category": "message" if sender.strip() else "system", "description": message}
