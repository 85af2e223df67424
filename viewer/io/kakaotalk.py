"""A KakaoTalk chat as its "Export chat" writes it, in either of its two layouts.

From a phone, each message on a line led by its date and time, the sender after a comma and the text after " : "
(``2019. 3. 5. 오후 3:00, 홍길동 : 안녕하세요``, ``2019년 3월 5일 오후 3:00, …``, in English ``March 5, 2019 at 3:00
PM, Ana : Hello``); a line of the date and time alone opens each day, and a note without a sender (someone invited,
someone left) follows the time after a colon.
From the PC, the day on a ruled line (``--------------- 2019년 3월 5일 화요일 ---------------``) and each message under
it as ``[홍길동] [오후 3:00] 안녕하세요``.

Each message is an event: its first line the title, its text the description, its sender the actor (a person);
a note without a sender is a system event. Morning and afternoon (오전, 오후) are read as AM and PM
(:mod:`viewer.model.dates.respell`).
"""

from __future__ import annotations

import functools
import re
from pathlib import Path
from typing import Any

from viewer.io import led_lines
from viewer.model.dataset import Dataset

EXPECTED = ("a KakaoTalk chat export: lines such as '2019. 3. 5. 오후 3:00, 홍길동 : 안녕하세요', or under a day's "
            "ruled line '[홍길동] [오후 3:00] 안녕하세요'")
_DAY = (r"(?:\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?|\d{4}년\s*\d{1,2}월\s*\d{1,2}일"
        r"|[A-Z][a-z]{2,8}\.? \d{1,2}, \d{4}(?: at)?)")
_CLOCK = r"(?:(?:오전|오후)\s*\d{1,2}:\d{2}|\d{1,2}:\d{2}(?:\s*[AP]M)?)"
_PHONE = re.compile(rf"^(?P<date>{_DAY})\s*(?P<time>{_CLOCK})(?:,\s(?P<sender>[^:]{{1,80}}?)\s:\s(?P<text>.*)"
                    r"|:\s(?P<note>.*))?$")
_RULED = re.compile(rf"^-{{3,}}\s*(?:[A-Z][a-z]+day,\s*)?(?P<day>{_DAY})\s*(?:\S+요일)?\s*-{{3,}}$")
_PC = re.compile(rf"^\[(?P<sender>[^\]]{{1,80}})\]\s\[(?P<time>{_CLOCK})\]\s?(?P<text>.*)$")
SNIFFED_LINES = 8


def _led(days: led_lines.Days, line: str) -> tuple[str, str] | None:
    """A message's date and time, and its sender and text (a note's, without a sender); None on a further line."""
    if days.opens(line):
        return None
    found = _PHONE.match(line)
    if found:
        when = f"{_date(found.group('date'))} {found.group('time')}"
        if found.group("sender"):
            return when, f"{found.group('sender')}\x00{found.group('text')}"
        return when, f"\x00{found.group('note') or ''}"  # a day's opening line, or a note without a sender
    found = _PC.match(line) if days.day else None
    if found:
        return f"{_date(days.day)} {found.group('time')}", f"{found.group('sender')}\x00{found.group('text')}"
    return None


def _date(written: str) -> str:
    """A day as the date parser reads it with a time after it: "2019. 3. 5." as 2019-3-5 (its dots would read as
    one number), "March 5, 2019 at" without its "at"."""
    numbers = re.match(r"^(\d{4})\D+(\d{1,2})\D+(\d{1,2})", written)
    return "-".join(numbers.groups()) if numbers else re.sub(r"\s+at$", "", written)


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a KakaoTalk export: its first lines hold two messages of one layout (a title and
    the date it was saved may come first)."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace"))[:SNIFFED_LINES * 3]
             if line.strip()][:SNIFFED_LINES * 2]
    phone = sum(bool((found := _PHONE.match(line)) and found.group("sender")) for line in lines)
    pc = any(_RULED.match(line) for line in lines) and sum(bool(_PC.match(line)) for line in lines) >= 1
    return phone >= 2 or pc


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a KakaoTalk chat into messages (events) and senders (people)."""
    path = Path(path)
    records = led_lines.read_records(path, functools.partial(_led, led_lines.Days(_RULED)), EXPECTED)
    records = [record for record in records if record.text.strip("\x00 ")]  # (a day's opening line)
    kept, problems = led_lines.dated(records, str(path), "message")
    return led_lines.dataset(path, [_event(record, instant) for record, instant in kept], problems, EXPECTED,
                             "message", people=True)


def _event(record: led_lines.Record, instant: str) -> dict[str, str]:
    sender, _, first = record.lines[0].partition("\x00")
    message = "\n".join([first, *(line for line in record.lines[1:] if not _RULED.match(line))]).strip()
    title = led_lines.title_of(message)
    return {"id": f"m{record.row}", "start": instant, "title": title or "(empty message)", "actors": sender.strip(),
            "category": "message" if sender.strip() else "system", "description": message}
