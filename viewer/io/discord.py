"""A Discord channel as DiscordChatExporter writes it in JSON (``Server - Category - channel [id].json``: the guild,
the channel, and its ``messages``, each with its author, mentions, reply reference, attachments and reactions), the
form researchers archive servers in.

Each message is an event at its ``timestamp`` (with its offset, to the millisecond): its first line as the title
and its whole text as the description, its author and the people it mentions as actors, its type (``Reply``,
``GuildMemberJoin`` …) as its category. Authors and those mentioned are people (a bot is a ``bot``); who
``replied_to`` whom and who ``mentioned`` whom are ties from the first time on, valued at how often. Attachments,
reactions, pins and edits are attributes; nothing is fetched.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import led_lines, reading
from viewer.io.reading import object_at, objects_at
from viewer.io.ties import counted_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a DiscordChatExporter JSON export: an object with the channel and its messages, each with a timestamp, "
            "an author and its content")
DESCRIPTION_CHARS = 4000
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "attr:channel", "attr:reply_to",
                 "attr:attachments", "attr:reactions", "attr:pinned", "attr:edited"]
_RAW_MENTION = re.compile(r"<@!?(\d+)>")


def looks_like(document: object) -> bool:
    """An object with a channel and a list of messages whose first ones have an author and a timestamp."""
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        return False
    if not isinstance(document.get("channel"), dict):
        return False
    sample = [m for m in document["messages"][:20] if isinstance(m, dict)]
    return bool(sample) and all(isinstance(m.get("author"), dict) and "timestamp" in m for m in sample)


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read one exported channel into messages, people and who replied to and mentioned whom."""
    path = Path(path)
    label = str(path)
    document = reading.json_document(path, EXPECTED, looks_like)
    channel, guild = object_at(document, "channel"), object_at(document, "guild")
    shown = "#" + str(channel.get("name") or channel.get("id") or "channel")
    people: dict[str, dict[str, str]] = {}
    authors: dict[str, str] = {}  # message id → its author's id
    titles: dict[str, str] = {}  # message id → its title (a reply names the message it answers)
    replies: dict[tuple[str, str], list[str]] = defaultdict(list)
    mentions: dict[tuple[str, str], list[str]] = defaultdict(list)
    events, problems = [], []
    for number, message in enumerate(document["messages"], start=1):
        if not isinstance(message, dict):
            problems.append(Problem(label, "expected a message object; skipped", number, None, "warning"))
            continue
        when = _instant(message.get("timestamp"))
        if when is None:
            problems.append(Problem(label, f"expected a timestamp such as '2023-03-04T10:00:00+01:00', got "
                                    f"{message.get('timestamp')!r}; message skipped", number, "timestamp", "warning"))
            continue
        sender = _person(object_at(message, "author"), people)
        mentioned = [p for p in (_person(m, people) for m in objects_at(message, "mentions"))
                     if p and p != sender]
        text = _RAW_MENTION.sub(lambda found: "@" + people.get(found.group(1), {}).get("name", found.group(1)),
                                str(message.get("content") or ""))
        files = [str(a.get("fileName") or a.get("url") or "") for a in objects_at(message, "attachments")]
        if not text.strip():
            text = "File: " + ", ".join(files) if files else ""
        ident = str(message.get("id") or f"message-{number}")
        authors[ident] = sender
        parent = str(object_at(message, "reference").get("messageId") or "")
        if parent and authors.get(parent) and authors[parent] != sender and sender:
            replies[(sender, authors[parent])].append(when)
        for user in mentioned:
            if sender:
                mentions[(sender, user)].append(when)
        kind = _spaced(str(message.get("type") or "Default"))
        titles[ident] = led_lines.title_of(text) or kind
        events.append({
            "id": ident, "start": when, "title": titles[ident], "category": kind,
            "actors": ";".join(dict.fromkeys(p for p in [sender, *mentioned] if p)),
            "description": text if len(text) <= DESCRIPTION_CHARS else text[:DESCRIPTION_CHARS].rstrip() + " …",
            "attr:channel": shown, "attr:reply_to": titles.get(parent, parent),
            "attr:attachments": ", ".join(f for f in files if f),
            "attr:reactions": _reactions(message), "attr:pinned": "yes" if message.get("isPinned") else "",
            "attr:edited": _instant(message.get("timestampEdited")) or ""})
    if not events:
        raise LoadError(f"{path}: no message with a readable timestamp; expected {EXPECTED}")
    relations = counted_ties(replies, "replied_to", "reply") + counted_ties(mentions, "mentioned", "mention")
    tables = Tables(pd.DataFrame(events, columns=EVENT_COLUMNS),
                    pd.DataFrame(list(people.values()), columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} messages", f"{label} people", f"{label} messages")
    title = " · ".join(str(v) for v in (guild.get("name"), channel.get("category"), shown) if v) or path.stem
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=(label,)), problems)


def _person(user: dict[str, Any], people: dict[str, dict[str, str]]) -> str:
    """A user's id, kept as a person (named by their nickname, else their name) the first time they appear."""
    ident = str(user.get("id") or user.get("name") or "")
    if ident and ident not in people:
        name = str(user.get("nickname") or user.get("name") or ident)
        people[ident] = {"id": ident, "name": name, "kind": "bot" if user.get("isBot") else "person"}
    return ident


def _instant(value: object) -> str | None:
    """An ISO timestamp with its offset as UTC ISO text (to the microsecond); None when it is not one."""
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
        if stamp.tzinfo is not None:  # (one without an offset is taken as UTC, as the exporter writes UTC)
            stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _spaced(kind: str) -> str:
    """``GuildMemberJoin`` → ``guild member join``; ``Default`` → ``message``."""
    return "message" if kind == "Default" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()


def _reactions(message: dict[str, Any]) -> str:
    """``eyes ×2, 👍 ×1``."""
    found = objects_at(message, "reactions")
    names = [object_at(r, "emoji").get("code") or object_at(r, "emoji").get("name") or "?" for r in found]
    return ", ".join(f"{name} ×{r.get('count') or 1}" for name, r in zip(names, found, strict=True))
