"""E-mail as journalists receive it: an mbox mailbox (Thunderbird's folders, Gmail's Takeout, ``.mbox``) or one
message (``.eml``), read with Python's ``email`` package (the mailbox split at its ``From`` lines as
``mailbox.mbox`` splits it, in one pass).

Each message is an event at its ``Date``: its subject as the title, its sender and recipients (From, To, Cc) as
actors (and each header's addresses as attributes), its plain text (or its HTML as text) as the description,
Gmail's labels as tags. Each address is a person, named as its messages name it most often. Who wrote to whom
is a ``wrote_to`` relation from the sender to each recipient, from their first message on (as of a date: who
had written to whom by then), valued at the number of messages, the last one's date in its note. In a mailbox, a
message without a readable ``Date`` (none written, 31 February, an offset of +9900) is dated by its envelope, the
``From `` line the mail system wrote before it when it was delivered (``From a@b Mon Mar  4 10:00:00 2019``, read
as UTC), and said; a message with no readable date at all is said and left out; nothing is fetched (remote images,
links).
"""

from __future__ import annotations

import datetime as dt
import email
import email.errors
import email.header
import email.parser
import email.utils
import functools
import mmap
import re
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import led_lines
from viewer.io.html_text import to_text
from viewer.io.ties import counted_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import zones
from viewer.model.dates.columns import MONTHS
from viewer.model.problems import LoadError, Problem

EXPECTED = "an mbox mailbox (messages each after a 'From ' line) or one e-mail message (.eml)"
MBOX_SUFFIXES = (".mbox", ".mbx")
MESSAGE_SUFFIXES = (".eml",)
READ_BYTES = 64 * 1024  # of a message: its headers and text, not the rest of its attachments
_FROM_LINE = re.compile(rb"^From ", re.MULTILINE)
_HEADERS = email.parser.BytesParser()
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_HEADER = re.compile(rb"^[A-Za-z][A-Za-z0-9-]*:[ \t]")
_FIRST_HEADERS = (b"return-path:", b"received:", b"from:", b"date:", b"message-id:", b"mime-version:",
                  b"delivered-to:", b"to:", b"subject:", b"x-")


_ENVELOPE = re.compile(rb"^From \S+\s+(?:[A-Za-z]{3},?\s+){1,2}\d{1,2}\s+\d{1,2}:\d{2}")
_ENVELOPE_AT = re.compile(_ENVELOPE.pattern[1:])  # (matched at a line's start: a ^ there would not match)
_HEADER_AT = re.compile(_HEADER.pattern[1:])
# the envelope's date, as asctime writes it (a zone before the year, as some servers add it, is passed over)
_ENVELOPE_DATE = re.compile(r"^From \S+\s+(?:[A-Za-z]{3},?\s+)?(?P<mon>[A-Za-z]{3})\s+(?P<d>\d{1,2})\s+"
                            r"(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s+(?:[A-Z]{3,4}\s+|[-+]\d{4}\s+)?"
                            r"(?P<y>\d{4})\s*$")


def looks_like_mbox(head: bytes) -> bool:
    """An mbox starts with a 'From ' line: the envelope sender and a date (``From - Mon Mar  4 10:00:00 2019``, as
    Thunderbird writes it; a table whose header begins "From date" is no mailbox)."""
    return _ENVELOPE.match(head) is not None


def looks_like_message(head: bytes) -> bool:
    """A message starts with headers (Received:, From:, Date: …) and has a From and a Date among them."""
    start = head.lstrip(b"\r\n")[:64].lower()
    lower = head.lower()
    return (start.startswith(_FIRST_HEADERS) and _HEADER.match(head.lstrip(b"\r\n")) is not None
            and (b"\nfrom:" in lower or lower.startswith(b"from:")) and b"\ndate:" in lower)


@dataclass
class _Mail:
    events: list[dict[str, str]] = field(default_factory=list)
    names: dict[str, Counter[str]] = field(default_factory=dict)
    pairs: dict[tuple[str, str], list[dt.datetime]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a mailbox or a message into events (messages), people (addresses) and who wrote to whom."""
    path = Path(path)
    label = str(path)
    got = _Mail()
    for number, message, envelope in _messages(path, got):
        _take(message, number, label, got, envelope)
    if not got.events:
        first = f" ({got.problems[0].message})" if got.problems else ""
        raise LoadError(f"{path}: no message with a readable date{first}; expected {EXPECTED}")
    entities = [{"id": address, "name": names.most_common(1)[0][0] if names else address, "kind": "person"}
                for address, names in got.names.items()]
    relations = counted_ties({pair: [_iso(t) for t in times] for pair, times in got.pairs.items()}, "wrote_to",
                             "message")
    tables = Tables(pd.DataFrame(got.events, columns=["id", "start", "title", "actors", "category", "tags",
                                                      "description", "attr:from", "attr:to", "attr:cc",
                                                      "attr:message_id"]),
                    pd.DataFrame(entities, columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} messages", f"{label} addresses", f"{label} messages")
    return build_dataset(tables, DatasetMeta(title=path.stem or path.name, path=label, sources=(label,)),
                         got.problems)


def _messages(path: Path, got: _Mail) -> Any:
    """(number, message, envelope) for each message of a mailbox (its ``From `` line, read only when the message's
    Date is not), or the one message of a file (no envelope). Only a message's first
    :data:`READ_BYTES` are parsed: its headers and its text come first, its attachments after (a mailbox of 20,000
    messages took 45 s parsed whole by the modern policy, which parses each header into objects)."""
    with path.open("rb") as handle:
        head = handle.read(4096)
    if not looks_like_mbox(head) and (path.suffix.lower() in MESSAGE_SUFFIXES or looks_like_message(head)):
        with path.open("rb") as handle:
            yield 1, _parsed(handle.read(READ_BYTES)), b""
        return
    if not looks_like_mbox(head):
        raise LoadError(f"{path}: does not start with an mbox 'From ' line; expected {EXPECTED}")
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as data:
        starts = [m.start() for m in _FROM_LINE.finditer(data) if _separates(data, m.start())]
        for number, (start, end) in enumerate(zip(starts, [*starts[1:], len(data)], strict=True), start=1):
            body = data.find(b"\n", start, end) + 1  # after the envelope's From line
            try:
                yield number, _parsed(data[body:min(end, body + READ_BYTES)]), data[start:body]
            except Exception as exc:  # the email package raises many kinds on a broken message; none may escape
                if isinstance(exc, MemoryError):
                    raise
                got.problems.append(Problem(str(path), f"message {number} cannot be read ({exc}); skipped",
                                            number, None, "warning"))


def _separates(data: Any, start: int) -> bool:
    """Whether a line opening with ``From `` at ``start`` begins a message: an envelope (a sender, then a date and a
    time), or a line after a blank one and before a header. A line of a message's text that opens so, ``From what I
    hear…``, unescaped by the writer (mboxo does not), cut its message in two and made a message of no date."""
    if start == 0 or _ENVELOPE_AT.match(data, start):
        return True
    after = data.find(b"\n", start) + 1
    before = data[max(0, start - 4):start]
    return bool(after and before.endswith((b"\n\n", b"\n\r\n")) and _HEADER_AT.match(data, after))


def _parsed(raw: bytes) -> Message:
    """A message: its headers parsed, its body parsed into parts only when it has parts (the feed parser reads a
    body line by line, even for its headers alone; a single part's payload is taken whole)."""
    blank = _BLANK_LINE.search(raw)
    if blank is None:
        return email.message_from_bytes(raw)
    message = _HEADERS.parsebytes(raw[:blank.start() + 1], headersonly=True)
    if message.get_content_maintype() == "multipart":
        return email.message_from_bytes(raw)
    message.set_payload(raw[blank.end():].decode("ascii", "surrogateescape"))  # as the parser keeps bytes
    return message


@functools.lru_cache(maxsize=65_536)
def _pairs(value: str) -> tuple[tuple[str, str], ...]:
    """A header's (name, address) pairs: the same From line recurs in a mailbox, parsed once."""
    return tuple(email.utils.getaddresses([value]))


def _decoded(value: object) -> str:
    """A header as text: encoded words (``=?utf-8?q?…?=``) decoded, an unknown charset read as Latin-1, the text
    around them as written (accented, when raw UTF-8 was read: :func:`_written`)."""
    if value is None:
        return ""
    try:
        parts = email.header.decode_header(str(value))
    except (LookupError, UnicodeError, ValueError, email.errors.HeaderParseError):
        return str(value).strip()
    out = []
    for part, charset in parts:
        if isinstance(part, str):
            out.append(part)
        elif charset is None:  # (decode_header's own bytes for the text between encoded words)
            out.append(part.decode("raw-unicode-escape"))
        else:
            try:
                out.append(part.decode(charset, "replace"))
            except LookupError:
                out.append(part.decode("latin-1"))
    return "".join(out).strip()


def _written(message: Message, name: str) -> list[str]:
    """A header's values as written, in raw UTF-8 as RFC 6532 allows and many servers send (``Subject: Café``), else
    in Windows-1252: the parser keeps such bytes as surrogates, then shows each as two '�' (``Caf��``)."""
    out = []
    for key, value in message.raw_items():
        if key.lower() != name:
            continue
        text = str(value)
        if not text.isascii():
            raw = text.encode("utf-8", "surrogateescape")
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("cp1252", "replace")
        out.append(text)
    return out


def _header(message: Message, name: str) -> str:
    """The first value of a header as written (:func:`_written`), or ""."""
    found = _written(message, name)
    return found[0] if found else ""


def _addresses(message: Message, header: str, got: _Mail) -> list[str]:
    """The addresses of a header (lowercased), their display names counted."""
    out = []
    for name, written in (pair for value in _written(message, header) for pair in _pairs(value)):
        address = written.strip().lower()
        if "@" not in address:
            continue
        named = got.names.setdefault(address, Counter())
        shown = _decoded(name).strip('"').strip()
        if shown:  # a bare address names no one: the name its other messages give wins
            named[shown] += 1
        if address not in out:
            out.append(address)
    return out


def _take(message: Message, number: int, label: str, got: _Mail, envelope: bytes = b"") -> None:
    """One message as an event, its people and its ties; dated by its ``envelope`` (its mailbox's ``From `` line)
    when its Date is unreadable."""
    try:
        subject = _decoded(_header(message, "subject") or None)
        written = _header(message, "date").strip()
        sender = _addresses(message, "from", got)
        to, cc = _addresses(message, "to", got), _addresses(message, "cc", got)
        recipients = [a for a in dict.fromkeys(to + cc) if a not in sender]
        message_id = _header(message, "message-id").strip()
        labels = _decoded(_header(message, "x-gmail-labels") or None)
    except Exception as exc:  # a header the email package cannot take apart
        if isinstance(exc, MemoryError):
            raise
        got.problems.append(Problem(label, f"message {number}: headers cannot be read ({exc}); skipped", number,
                                    None, "warning"))
        return
    when = _date(written)
    delivered = envelope_date(envelope) if when is None and envelope else None
    if delivered is not None:
        when = delivered
        got.problems.append(Problem(label, f"message {number} ({subject or 'no subject'}): expected a date, got "
                                    f"{written!r}; dated by its mailbox 'From ' line, {_iso(when)} (taken as UTC)",
                                    number, "Date", "warning"))
    if when is None:
        got.problems.append(Problem(label, f"message {number} ({subject or 'no subject'}): expected a date, got "
                                    f"{written!r}; skipped", number, "Date", "warning"))
        return
    got.events.append({"id": f"m{number}", "start": _iso(when), "title": subject or "(no subject)",
                       "actors": ";".join(sender + recipients), "category": "e-mail",
                       "tags": ";".join(t.strip() for t in labels.split(",") if t.strip()),
                       "description": _body(message), "attr:from": ", ".join(sender), "attr:to": ", ".join(to),
                       "attr:cc": ", ".join(cc), "attr:message_id": message_id})
    for source in sender:
        for target in recipients:
            got.pairs.setdefault((source, target), []).append(when)


def _date(written: str) -> dt.datetime | None:
    """The Date header's instant in UTC (a zone named as Europe's and Asia's are, ``CEST``, read; a date without a
    zone taken as UTC), or None."""
    try:
        parsed = email.utils.parsedate_to_datetime(written)
        if parsed.tzinfo is None:  # a zone Python's parser does not know (only the US ones): CEST, MESZ, JST …
            words = re.sub(r"\([^)]*\)", " ", written).split()
            hours = zones.ABBREVIATIONS.get(words[-1].upper()) if words else None
            return parsed.replace(tzinfo=dt.timezone(dt.timedelta(hours=hours or 0))).astimezone(dt.UTC)
        return parsed.astimezone(dt.UTC)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def envelope_date(line: bytes) -> dt.datetime | None:
    """The date of a mailbox's ``From `` line (``From a@b Mon Mar  4 10:00:00 2019``) in UTC, or None.

    >>> envelope_date(b"From MAILER-DAEMON Mon Mar  4 10:00:00 2019\\n")
    datetime.datetime(2019, 3, 4, 10, 0, tzinfo=datetime.timezone.utc)
    """
    found = _ENVELOPE_DATE.match(line.decode("latin-1").strip())
    month = MONTHS.get(found["mon"].lower()) if found else None
    if found is None or month is None:
        return None
    try:
        return dt.datetime(int(found["y"]), month, int(found["d"]), int(found["H"]), int(found["M"]),
                           int(found["S"] or 0), tzinfo=dt.UTC)
    except ValueError:
        return None


def _iso(stamp: dt.datetime) -> str:
    return f"{stamp.year:04d}-{stamp.month:02d}-{stamp.day:02d}T{stamp.hour:02d}:{stamp.minute:02d}:{stamp.second:02d}Z"


def _text_part(message: Message) -> Message | None:
    """The first plain-text part that is not an attachment, else the first HTML one."""
    found: dict[str, Message] = {}
    for part in message.walk():
        kind = part.get_content_type()
        if kind in ("text/plain", "text/html") and not part.get_filename() and kind not in found:
            found[kind] = part
    return found.get("text/plain") or found.get("text/html")


def _body(message: Message) -> str:
    """The message's plain text (else its HTML as text), cut to :data:`DESCRIPTION_CHARS`; "" when neither."""
    part = _text_part(message)
    if part is None:
        return ""
    data = part.get_payload(decode=True)
    if not isinstance(data, bytes):
        return ""
    try:
        text = data.decode(part.get_content_charset() or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        text = data.decode("latin-1")
    if part.get_content_subtype() == "html":
        text = to_text(text)
    text = text.strip()
    return led_lines.description_of(text)
