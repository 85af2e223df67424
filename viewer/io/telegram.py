"""Telegram chats as Telegram Desktop exports them in JSON (``result.json``): one chat (a group, a channel, a
conversation) with its ``messages``, or a whole account's export holding ``chats.list`` (and ``left_chats``).

Each message is an event at its ``date_unixtime`` (UTC, exact; the ``date`` beside it is the exporting computer's
local time, used only when the Unix time is missing, and said): its text (written in runs, links and mentions as
their text) with its first line as the title, its sender as the actor. Service messages (a group made, members
added) are titled by their action. Each sender is a person (a channel posting is a ``channel``); who ``replied_to``
whom, who ``mentioned`` whom by name, and who ``forwarded_from`` which sender or channel are ties from the first
time on, valued at how often; in a group, who was a ``member_of`` it when (made it, was added or joined by its link,
until removed), the group being an entity. With several chats, each chat is a category (lanes by category are chats);
with one, the kind of message is (message, service, photo, voice message …).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import led_lines, reading
from viewer.io.json_cells import cell_text
from viewer.io.reading import objects_at
from viewer.io.slack_text import instant
from viewer.io.ties import counted_ties, membership_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = "a Telegram Desktop export (result.json): a chat with its messages, or an account's chats"
GROUPS = ("private_group", "private_supergroup", "public_supergroup")  # chats whose members are told
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "attr:chat", "attr:reply_to",
                 "attr:forwarded_from", "attr:media", "attr:reactions", "attr:edited"]


def looks_like(document: object) -> bool:
    """A chat whose first messages have a type and a date, or an account export with a list of chats."""
    if not isinstance(document, dict):
        return False
    chats = document.get("chats")
    if isinstance(chats, dict) and isinstance(chats.get("list"), list):
        return True
    messages = document.get("messages")
    if not isinstance(messages, list):
        return False
    sample = [m for m in messages[:20] if isinstance(m, dict)]
    fitting = sum(m.get("type") in ("message", "service") and "date" in m for m in sample)
    return bool(sample) and fitting >= max(1, 0.8 * len(sample))  # (most: one message without a date is said)


@dataclass
class _Read:
    label: str
    people: dict[str, dict[str, str]] = field(default_factory=dict)
    events: list[dict[str, str]] = field(default_factory=list)
    replies: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    forwards: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    local: int = 0  # times read from the local date (no Unix time)
    ids: dict[str, str] = field(default_factory=dict)  # a sender's name → their id (a service message may give none)
    moves: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    opened: dict[str, str] = field(default_factory=dict)  # a group's id → when it was made
    problems: list[Problem] = field(default_factory=list)


def read(path: str | Path, document: dict[str, Any] | None = None, **_options: Any) -> Dataset:
    """Read one chat, or every chat of an account's export, into messages, people and their ties (``document``:
    the file's JSON when the caller has parsed it already)."""
    path = Path(path)
    if document is None:
        document = reading.json_document(path, EXPECTED, looks_like)
    chats = _chats(document)
    got = _Read(str(path))
    got.ids = {str(m["from"]): str(m["from_id"]) for chat in chats for m in chat["messages"]
               if isinstance(m, dict) and m.get("from") and m.get("from_id")}
    for chat in chats:
        _chat(chat, len(chats) > 1, got)
    if not got.events:
        raise LoadError(f"{path}: no message with a readable date; expected {EXPECTED}")
    if got.local:
        got.problems.append(Problem(got.label, f"{counted(got.local, 'message')} without date_unixtime: their local "
                                    "date taken as UTC", None, "date", "warning"))
    relations = (counted_ties(got.replies, "replied_to", "reply") + counted_ties(got.mentions, "mentioned", "mention")
                 + counted_ties(got.forwards, "forwarded_from", "forward") + membership_ties(got.moves, got.opened))
    tables = Tables(pd.DataFrame(got.events, columns=EVENT_COLUMNS),
                    pd.DataFrame(list(got.people.values()), columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{got.label} messages", f"{got.label} people", f"{got.label} messages")
    title = str(chats[0].get("name") or "") if len(chats) == 1 else ""
    return build_dataset(tables, DatasetMeta(title=title or path.stem, path=got.label, sources=(got.label,)),
                         got.problems)


def _chats(document: dict[str, Any]) -> list[dict[str, Any]]:
    """The chats of the document: itself, or an account's chats (those left too)."""
    if isinstance(document.get("messages"), list):
        return [document]
    lists = [reading.object_at(document, key).get("list") for key in ("chats", "left_chats")]
    return [chat for found in lists if isinstance(found, list) for chat in found
            if isinstance(chat, dict) and isinstance(chat.get("messages"), list)]


def _chat(chat: dict[str, Any], several: bool, got: _Read) -> None:
    name = str(chat.get("name") or chat.get("id") or "chat")
    group = f"chat{chat.get('id') or name}" if chat.get("type") in GROUPS else ""
    if group:
        got.people.setdefault(group, {"id": group, "name": name, "kind": "group"})
    authors: dict[str, str] = {}  # message id → its sender
    titles: dict[str, str] = {}
    for number, message in enumerate(chat["messages"], start=1):
        if not isinstance(message, dict):
            continue
        when = _when(message, got)
        if when is None:
            got.problems.append(Problem(got.label, f"{name}: expected a date such as '2019-03-04T10:00:00', got "
                                        f"{message.get('date')!r}; message skipped", number, "date", "warning"))
            continue
        sender = _person(message, got)
        text = cell_text(message.get("text")) if isinstance(message.get("text"), list) else str(message.get("text")
                                                                                               or "")
        kind = _kind(message)
        if message.get("type") == "service":
            text = text or " ".join(str(v) for v in (str(message.get("action") or "").replace("_", " "),
                                                     message.get("title") or "", ", ".join(_names(message))) if v)
        ident = str(message.get("id") or number)
        authors[ident], titles[ident] = sender, led_lines.title_of(text) or kind
        parent = str(message.get("reply_to_message_id") or "")
        _ties(message, sender, authors.get(parent, ""), when, got)
        if group and message.get("type") == "service":
            _joins(message, sender, group, when, got)
        got.events.append({
            "id": f"{chat.get('id') or name}/{ident}" if several else ident, "start": when, "title": titles[ident],
            "actors": sender, "category": name if several else kind,
            "description": led_lines.description_of(text),
            "attr:chat": name, "attr:reply_to": titles.get(parent, parent),
            "attr:forwarded_from": str(message.get("forwarded_from") or ""),
            "attr:media": str(message.get("file") or message.get("photo") or ""),
            "attr:reactions": ", ".join(f"{r.get('emoji') or r.get('type') or '?'} ×{r.get('count') or 1}"
                                        for r in objects_at(message, "reactions")),
            "attr:edited": instant(message.get("edited_unixtime")) or ""})


def _when(message: dict[str, Any], got: _Read) -> str | None:
    """The message's time in UTC: its Unix time, else its local date (counted, to be said)."""
    exact = instant(message.get("date_unixtime"))
    if exact is not None:
        return exact
    local = message.get("date")
    if isinstance(local, str) and len(local) >= 19 and local[4] == "-" and local[10] == "T":
        try:
            stamp = dt.datetime.fromisoformat(local[:19])
        except ValueError:
            return None
        got.local += 1
        return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    return None


def _person(message: dict[str, Any], got: _Read) -> str:
    """The sender's (or a service message's actor's) id, kept as a person or a channel the first time."""
    name = message.get("from") if message.get("type") != "service" else message.get("actor")
    ident = str((message.get("from_id") if message.get("type") != "service" else message.get("actor_id"))
                or got.ids.get(str(name)) or name or "")
    if ident and ident not in got.people:
        kind = "channel" if ident.startswith("channel") else "person"
        got.people[ident] = {"id": ident, "name": str(name or ident), "kind": kind}
    return ident


def _ties(message: dict[str, Any], sender: str, parent: str, when: str, got: _Read) -> None:
    """Who the message replies to, mentions by name, and forwards from."""
    if not sender:
        return
    if parent and parent != sender:
        got.replies[(sender, parent)].append(when)
    for entity in objects_at(message, "text_entities") or objects_at(message, "text"):  # (older exports: runs only)
        if entity.get("type") == "mention_name" and entity.get("user_id") is not None:
            user = f"user{entity['user_id']}"
            if user != sender:
                got.people.setdefault(user, {"id": user, "name": str(entity.get("text") or user).lstrip("@"),
                                             "kind": "person"})
                got.mentions[(sender, user)].append(when)
    origin = message.get("forwarded_from")
    if isinstance(origin, str) and origin:
        source = got.ids.get(origin) or f"forwarded: {origin}"  # a sender of the export, else a name of its own
        kind = "channel" if source.startswith("channel") else "person" if source in got.ids.values() else "other"
        got.people.setdefault(source, {"id": source, "name": origin, "kind": kind})
        if source != sender:
            got.forwards[(sender, source)].append(when)


def _joins(message: dict[str, Any], actor: str, group: str, when: str, got: _Read) -> None:
    """Who a service message brings into the group (made it, added, joined by link) or takes out of it."""
    action = message.get("action")
    named = [_named(name, got) for name in _names(message)]
    if action in ("create_group", "create_channel"):
        got.opened.setdefault(group, when)
    joining = {"create_group": [actor, *named], "invite_members": named, "join_group_by_link": [actor],
               "join_group_by_request": [actor]}.get(str(action), [])
    for person in joining:
        if person:
            got.moves[(person, group)].append((when, 1))
    for person in named if action == "remove_members" else []:
        got.moves[(person, group)].append((when, -1))


def _named(name: str, got: _Read) -> str:
    """The id of a person a service message names (a sender of that name, else the name), kept as a person."""
    ident = got.ids.get(name) or name
    got.people.setdefault(ident, {"id": ident, "name": name, "kind": "person"})
    return ident


def _kind(message: dict[str, Any]) -> str:
    """message, service, photo, or the kind of media (voice message, sticker …)."""
    if message.get("type") == "service":
        return "service"
    if message.get("media_type"):
        return str(message["media_type"]).replace("_", " ")
    return "photo" if message.get("photo") else "file" if message.get("file") else "message"


def _names(message: dict[str, Any]) -> list[str]:
    found = message.get("members")
    return [str(m) for m in found if m] if isinstance(found, list) else []
