"""The text of Meta's message exports (Facebook Messenger, Instagram) as people read it: what :mod:`meta_messages`
reads each message's values with.

Meta writes every non-ASCII character as its UTF-8 bytes, one escaped byte per character ("Jos\\u00c3\\u00a9" for
"José", an emoji as four): :func:`repaired` decodes such a string back, and leaves alone any that is not such
bytes, as newer exports and other tools write correct text. A message's time is ``timestamp_ms`` (milliseconds
since 1970, UTC); its kind (photo, call, unsent message …) comes from the keys it has; a group's joinings and
leavings are read from the English lines Meta writes for them ("Ana added Ben to the group.").
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Iterator
from typing import Any

from viewer.io.reading import object_at, objects_at

LAST_MS = 253402300799999  # 9999-12-31T23:59:59.999Z
EPOCH = dt.datetime(1970, 1, 1)
MEDIA = (("photos", "photo"), ("videos", "video"), ("audio_files", "audio"), ("files", "file"), ("gifs", "GIF"))
LIKES = re.compile(r"^(?:Liked a message|Reacted .{1,16} to your message\s*)$", re.DOTALL)
# a group's changes as Meta words them (English only): who is added, removed, leaves, joins or makes it
_ADDED = re.compile(r"^(?P<actor>.+?) added (?P<names>.+?) to the group\.?$")
_REMOVED = re.compile(r"^(?P<actor>.+?) removed (?P<names>.+?) from the group\.?$")
_LEFT = re.compile(r"^(?P<names>.+?) left the group\.?$")
_JOINED = re.compile(r"^(?P<names>.+?) joined the group\b.*$")
_CREATED = re.compile(r"^(?P<names>.+?) created the group\b.*$")
_LIST = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
_OWNER = frozenset(("You", "you"))  # the export's owner, whom a thread does not name
# a UTF-8 sequence's bytes written one per character: a leading byte, then a continuation byte ("Ã¼" for "ü")
ESCAPED_BYTES = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]")


def repaired(text: str) -> str:
    """The text Meta's escaped UTF-8 bytes stand for; the text itself when it is not such bytes (ASCII, a
    character beyond U+00FF, bytes that are no UTF-8).

    >>> repaired("Jos\\u00c3\\u00a9"), repaired("Jos\\u00e9"), repaired("S\\u00c3O PAULO"), repaired("😀")
    ('José', 'José', 'SÃO PAULO', '😀')
    """
    if text.isascii():
        return text
    try:
        return text.encode("latin-1").decode("utf-8")
    except UnicodeError:  # a character beyond U+00FF, or bytes that are no UTF-8
        return text


def escaped_bytes(texts: Iterable[str]) -> bool:
    """Whether strings are written as Meta writes them, each non-ASCII character one UTF-8 byte: some string holds
    such bytes ("JÃ¼rgen"), and every string that is not ASCII is such bytes. One that is not (a character beyond
    U+00FF, a Latin-1 letter of its own: "SÃO PAULO", "Müller") says the text is written as Unicode already.

    >>> escaped_bytes(["J\u00c3\u00bcrgen", "Ana"]), escaped_bytes(["J\u00c3\u00bcrgen", "S\u00c3O PAULO"])
    (True, False)
    """
    found = False
    for text in texts:
        if text.isascii():
            continue
        if repaired(text) is text:
            return False
        found = found or ESCAPED_BYTES.search(text) is not None
    return found


def written_correctly(document: dict[str, Any]) -> bool:
    """Whether a file's text is written as Unicode already: one of its strings holds a character beyond U+00FF,
    which Meta's escaped bytes never do; then none of its strings is repaired ("Ã©" stays "Ã©")."""
    return any(not text.isascii() and _beyond_latin_1(text) for text in _texts(document))


def _beyond_latin_1(text: str) -> bool:
    try:
        text.encode("latin-1")
    except UnicodeEncodeError:
        return True
    return False


def _texts(document: dict[str, Any]) -> Iterator[str]:
    """The strings a reader shows: the title, the names, each message's sender, text and reactions."""
    yield from (v for v in (document.get("title"), *(p.get("name") for p in objects_at(document, "participants")))
                if isinstance(v, str))
    for message in objects_at(document, "messages"):
        for value in (message.get("sender_name"), message.get("content")):
            if isinstance(value, str):
                yield value
        for reaction in objects_at(message, "reactions"):
            yield from (v for v in (reaction.get("reaction"), reaction.get("actor")) if isinstance(v, str))


def text(value: object, correct: bool) -> str:
    """A string value as read (repaired unless its file is ``correct``); "" for anything else."""
    if not isinstance(value, str):
        return ""
    return value if correct else repaired(value)


def millis(value: object) -> int | None:
    """``timestamp_ms`` as whole milliseconds since 1970; None when it is no number, negative, or past 9999.

    >>> millis(1551693600123), millis(1.5e12), millis("1551693600123"), millis(-5), millis(True)
    (1551693600123, 1500000000000, None, None, None)
    """
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
        return None
    ms = int(value)
    return ms if 0 <= ms <= LAST_MS else None


def instant(ms: int) -> str:
    """Milliseconds since 1970 as ISO text in UTC, to the millisecond.

    >>> instant(1551693600123)
    '2019-03-04T10:00:00.123Z'
    """
    return (EPOCH + dt.timedelta(milliseconds=ms)).isoformat(timespec="milliseconds") + "Z"


def seconds(value: object) -> int | None:
    """A call's duration in whole seconds; None when it is no number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return int(value) if math.isfinite(value) and value >= 0 else None


def kind_of(message: dict[str, Any], content: str) -> str:
    """What a message is: unsent message, call, photo, video, audio, file, GIF, sticker, link, reaction (Instagram's
    "Liked a message"), message."""
    if message.get("is_unsent") is True:
        return "unsent message"
    if seconds(message.get("call_duration")) is not None or message.get("type") == "Call":
        return "call"
    for key, kind in MEDIA:
        if message.get(key) and objects_at(message, key):
            return kind
    if message.get("sticker") and object_at(message, "sticker"):
        return "sticker"
    if object_at(message, "share"):
        return "link"
    return "reaction" if LIKES.match(content) else "message"


def shown_kind(message: dict[str, Any], kind: str) -> str:
    """A message without text titled by its kind: ``call (3 min)``, ``missed call``, ``photo`` …"""
    if kind != "call":
        return kind
    duration = seconds(message.get("call_duration"))
    if duration is None:
        return "call"
    if duration == 0:
        return "missed call"
    return f"call ({duration} s)" if duration < 60 else f"call ({round(duration / 60):,} min)"


def media(message: dict[str, Any], correct: bool) -> str:
    """The files a message holds (photos, videos, audio, files, GIFs, its sticker), by their paths in the export."""
    found = [item.get("uri") for key, _ in MEDIA if message.get(key) for item in objects_at(message, key)]
    if message.get("sticker"):
        found.append(object_at(message, "sticker").get("uri"))
    return "; ".join(text(uri, correct) for uri in found if isinstance(uri, str) and uri)


def reactions(message: dict[str, Any], correct: bool) -> list[tuple[str, str]]:
    """Each reaction as (emoji, who)."""
    return [(text(r.get("reaction"), correct), text(r.get("actor"), correct)) for r in objects_at(message, "reactions")]


def changes(message: dict[str, Any], content: str, known: set[str], correct: bool) -> list[tuple[str, int]]:
    """Who a message brings into a group (+1) or takes out of it (-1), by name: Meta's ``Subscribe`` and
    ``Unsubscribe`` messages with their users, else its English lines ("Ana added Ben and Cleo to the group.",
    "Ben left the group.", "Ana removed Ben from the group."); ``known``: the thread's names, which may hold "and".

    >>> changes({}, "Ana added Ben, Cleo and Dan to the group.", set(), False)
    [('Ben', 1), ('Cleo', 1), ('Dan', 1)]
    """
    kind = message.get("type")
    users = [text(u.get("name"), correct) for u in objects_at(message, "users")]
    if kind in ("Subscribe", "Unsubscribe") and any(users):
        return [(name, 1 if kind == "Subscribe" else -1) for name in users if name]
    if "group" not in content:
        return []
    for pattern, step in ((_ADDED, 1), (_JOINED, 1), (_CREATED, 1), (_REMOVED, -1), (_LEFT, -1)):
        found = pattern.match(content.strip())
        if found is not None:
            return [(name, step) for name in _names(found.group("names"), known) if name not in _OWNER]
    return []


def _names(phrase: str, known: set[str]) -> list[str]:
    """The names in "Ben, Cleo and Dan" (a known name whole, even with a comma or "and" in it)."""
    phrase = phrase.strip()
    if phrase in known:
        return [phrase]
    return [name.strip() for name in _LIST.split(phrase) if name.strip()]
