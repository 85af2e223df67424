"""A WhatsApp chat as its "Export chat" writes it (``WhatsApp Chat with Ana.txt``, ``_chat.txt`` in the ZIP with the
media): one message per line led by its date and time, in the phone's own format —
``04/03/2019, 10:00 - Ana: Hello`` (Android), ``[04/03/2019, 10:00:00] Ana: Hello`` (iPhone),
``3/4/19, 10:00 AM - …`` (US, with U+202F before AM on newer phones), ``04.03.19, 10:00 - …`` (German),
``05/01/2019 à 21:03 - …`` (French), ``2019-01-05 21:03 - …`` (Swedish), and Arabic's, right to left, in Arabic-Indic
digits with ص and م for AM and PM — and a message's further lines below it.

Each message is an event: its first line as the title, the whole text as the description, its sender as the actor
(each sender a person); lines without a sender ("Messages and calls are end-to-end encrypted", "Ana added Ben")
are system notes. The dates are read as one column by the table's parser, so the day/month order is found from
the whole chat and said when it is only assumed.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from viewer.io import led_lines
from viewer.model.dataset import Dataset

EXPECTED = ("a WhatsApp chat export: lines such as '04/03/2019, 10:00 - Ana: Hello' or "
            "'[04/03/2019, 10:00:00] Ana: Hello'")
_DATE = r"(?P<date>\d{1,4}[./-]\d{1,2}[./-]\d{1,4})"
# AM and PM, or Arabic's ص and م (a phone in Arabic writes its digits in Arabic-Indic too, which \d reads)
_TIME = r"(?P<time>\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:[\s\u202f\u00a0]*(?:[AaPp]\.?\s?[Mm]\.?|[\u0635\u0645]))?)"
# between the date and the time: a comma (Arabic's too), or French's "à", Portuguese's "às", or a space alone, as
# phones set to Swedish write "2019-01-05 21:03 - Ana: Hej"
_BETWEEN = r"(?:[,\u060c]\s*|\s+(?:à|às|a las|um|klo\.?)\s+|\s+)"
# the iPhone's "[date, time] rest", Android's "date, time - rest": a log's "2019-03-04 10:00 INFO: …" is neither
_LINES = (re.compile(rf"^\[{_DATE}{_BETWEEN}{_TIME}\]\s*(?P<rest>.*)$"),
          re.compile(rf"^{_DATE}{_BETWEEN}{_TIME}\s+-\s+(?P<rest>.*)$"))
_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")  # marks a right-to-left chat writes around its parts
_MARKERS = str.maketrans({"\u0635": "AM", "\u0645": "PM"})
_SENDER = re.compile(r"^(?P<sender>[^:]{1,80}?):\s(?P<text>.*)$", re.DOTALL)
_MEDIA = re.compile(r"^<?(?:media omitted|image omitted|video omitted|audio omitted|sticker omitted|document omitted|"
                    r"gif omitted|contact card omitted|[^<>]* \(file attached\))>?$", re.IGNORECASE)
SNIFFED_LINES = 5


def _led(line: str) -> tuple[str, str] | None:
    """A message's date and time as written, and the rest of its first line; None on a further line."""
    line = _BIDI.sub("", line) if not line.isascii() else line
    found = _LINES[0].match(line) or _LINES[1].match(line)
    return None if found is None else (f"{found.group('date')} {found.group('time').translate(_MARKERS)}",
                                       found.group("rest"))


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a chat export: its first line, and most of its first lines, led by a date and time,
    one of them with a sender."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace"))[:SNIFFED_LINES * 3]
             if line.strip()][:SNIFFED_LINES]
    led = [_led(line) for line in lines]
    return bool(led) and led[0] is not None and sum(x is not None for x in led) >= min(2, len(led)) and any(
        x is not None and ":" in x[1] for x in led)


def read(path: str | Path, date_order: str | None = None, **_options: Any) -> Dataset:
    """Read a chat export into messages (events) and senders (people); ``date_order`` ("dmy", "mdy") where the
    chat's dates leave it open."""
    path = Path(path)
    records = led_lines.read_records(path, _led, EXPECTED)
    kept, problems = led_lines.dated(records, str(path), "message", date_order)
    return led_lines.dataset(path, [_event(record, instant) for record, instant in kept], problems, EXPECTED,
                             "message", people=True)


def _event(record: led_lines.Record, instant: str) -> dict[str, str]:
    said = _SENDER.match(record.text)
    sender, message = (said.group("sender").strip(), said.group("text").strip()) if said else ("", record.text)
    title = led_lines.title_of(message)
    kind = "system" if not sender else "media" if _MEDIA.match(title) else "message"
    return {"id": f"m{record.row}", "start": instant, "title": title or "(empty message)",
            "actors": sender, "category": kind, "description": message}
