"""A Discord channel as DiscordChatExporter writes it in JSON (``Server - Category - channel [id].json``: the guild,
the channel, and its ``messages``, each with its author, mentions, reply reference, attachments and reactions), the
form researchers archive servers in; or a folder of such channels (a server's export), read together with each
channel as its messages' category (a message in two files, from overlapping exports, is read once).

Each message is an event at its ``timestamp`` (with its offset, to the millisecond): its first line as the title
and its whole text as the description, its author and the people it mentions as actors, its type (``Reply``,
``GuildMemberJoin`` …) as its category when one channel is read. Authors and those mentioned are people (a bot is
a ``bot``); who ``replied_to`` whom and who ``mentioned`` whom are ties from the first time on, valued at how often.
Attachments, reactions, pins and edits are attributes; nothing is fetched.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory, led_lines, reading
from viewer.io.reading import object_at, objects_at, utc_instant
from viewer.io.ties import counted_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = ("a DiscordChatExporter JSON export: an object with the channel and its messages, each with a timestamp, "
            "an author and its content")
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "attr:channel", "attr:kind",
                 "attr:reply_to",
                 "attr:attachments", "attr:reactions", "attr:pinned", "attr:edited"]
_RAW_MENTION = re.compile(r"<@!?(\d+)>")
HEAD_BYTES = 4096  # an exported channel names its guild and channel before its messages


def looks_like(document: object) -> bool:
    """An object with a channel and a list of messages whose first ones (most of them) have an author and a
    timestamp."""
    if not isinstance(document, dict) or not isinstance(document.get("messages"), list):
        return False
    if not isinstance(document.get("channel"), dict):
        return False
    sample = [m for m in document["messages"][:20] if isinstance(m, dict)]
    # most, not all: a deleted account's message has no author ("author": null), and the channel lost its form
    fitting = sum(isinstance(m.get("author"), dict) and "timestamp" in m for m in sample)
    return bool(sample) and fitting >= max(1, 0.8 * len(sample))


def looks_like_folder(path: Path) -> bool:
    """A folder of channels a server's export wrote (``Server - Category - channel [id].json`` each), not a native
    dataset."""
    return path.is_dir() and not (path / "dataset.json").exists() and bool(_channel_files(path))


def _channel_files(folder: Path) -> list[Path]:
    """The folder's JSON files that start as an exported channel (the guild and the channel come first)."""
    found = []
    for file in sorted(folder.glob("*.json")):
        try:
            with file.open("rb") as handle:
                head = handle.read(HEAD_BYTES)
        except OSError:
            continue
        if b'"guild"' in head and b'"channel"' in head:
            found.append(file)
    return found


@dataclass
class _Read:
    people: dict[str, dict[str, str]] = field(default_factory=dict)
    authors: dict[str, str] = field(default_factory=dict)  # message id → its author's id
    titles: dict[str, str] = field(default_factory=dict)  # message id → its title (a reply names its message)
    replies: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    events: list[dict[str, str]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    twice: int = 0  # messages met again in another file


def read(path: str | Path, document: dict[str, Any] | None = None, **_options: Any) -> Dataset:
    """Read one exported channel, or a folder of a server's channels, into messages, people and who replied to and
    mentioned whom (``document``: the channel's JSON when the caller has parsed it already)."""
    path = Path(path)
    got = _Read()
    folder = path.is_dir()
    files = _channel_files(path) if folder else [path]
    if folder:
        free_memory.check(path, sum(f.stat().st_size for f in files), "holds", per_byte=free_memory.JSON_PEAK_PER_BYTE)
    heads: list[dict[str, Any]] = []  # the channels read (their guild and channel), one document held at a time
    for file in files:
        try:
            if document is None or folder:
                document = reading.json_document(file, EXPECTED, looks_like)
        except LoadError as exc:
            if not folder:
                raise
            got.problems.append(Problem(str(file), f"{exc}; skipped".removeprefix(f"{file}: "), None, None,
                                        "warning"))
            continue
        heads.append({"channel": object_at(document, "channel"), "guild": object_at(document, "guild")})
        _channel(document, str(file), len(files) > 1, got)
    if not got.events:
        raise LoadError(f"{path}: no message with a readable timestamp; expected {EXPECTED}")
    if got.twice:
        got.problems.append(Problem(str(path), f"{counted(got.twice, 'message')} in more than one file (a channel "
                                    "exported twice): read once", None, None, "info"))
    relations = counted_ties(got.replies, "replied_to", "reply") + counted_ties(got.mentions, "mentioned", "mention")
    label = str(path)
    tables = Tables(pd.DataFrame(got.events, columns=EVENT_COLUMNS),
                    pd.DataFrame(list(got.people.values()), columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} messages", f"{label} people", f"{label} messages")
    channel, guild = heads[0]["channel"], heads[0]["guild"]
    parts = (guild.get("name"), channel.get("category"), _shown(channel)) if len(heads) == 1 else (
        guild.get("name"), counted(len(heads), "channel"))
    title = " · ".join(str(v) for v in parts if v) or path.stem
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=tuple(str(f) for f in files)),
                         got.problems)


def _shown(channel: dict[str, Any]) -> str:
    return "#" + str(channel.get("name") or channel.get("id") or "channel")


def _channel(document: dict[str, Any], label: str, several: bool, got: _Read) -> None:
    """One channel's messages (with several channels, each is the category of its messages)."""
    shown = _shown(object_at(document, "channel"))
    for number, message in enumerate(document["messages"], start=1):
        if not isinstance(message, dict):
            got.problems.append(Problem(label, "expected a message object; skipped", number, None, "warning"))
            continue
        when = utc_instant(message.get("timestamp"))
        if when is None:
            got.problems.append(Problem(label, f"expected a timestamp such as '2023-03-04T10:00:00+01:00', got "
                                        f"{message.get('timestamp')!r}; message skipped", number, "timestamp",
                                        "warning"))
            continue
        ident = str(message.get("id") or f"{shown}/{number}")
        if ident in got.authors:  # the same message in two files (a channel exported twice, overlapping)
            got.twice += 1
            continue
        _message(message, ident, when, (shown, several), got)


def _message(message: dict[str, Any], ident: str, when: str, channel: tuple[str, bool], got: _Read) -> None:
    people = got.people
    sender = _person(object_at(message, "author"), people)
    mentioned = [p for p in (_person(m, people) for m in objects_at(message, "mentions")) if p and p != sender]
    text = _RAW_MENTION.sub(lambda found: "@" + people.get(found.group(1), {}).get("name", found.group(1)),
                            str(message.get("content") or ""))
    files = [str(a.get("fileName") or a.get("url") or "") for a in objects_at(message, "attachments")]
    if not text.strip():
        text = "File: " + ", ".join(files) if files else ""
    got.authors[ident] = sender
    parent = str(object_at(message, "reference").get("messageId") or "")
    if parent and got.authors.get(parent) and got.authors[parent] != sender and sender:
        got.replies[(sender, got.authors[parent])].append(when)
    for user in mentioned:
        if sender:
            got.mentions[(sender, user)].append(when)
    kind = _spaced(str(message.get("type") or "Default"))
    got.titles[ident] = led_lines.title_of(text) or kind
    got.events.append({
        "id": ident, "start": when, "title": got.titles[ident], "category": channel[0] if channel[1] else kind,
        "actors": ";".join(dict.fromkeys(p for p in [sender, *mentioned] if p)),
        "description": led_lines.description_of(text),
        "attr:channel": channel[0], "attr:kind": kind, "attr:reply_to": got.titles.get(parent, parent),
        "attr:attachments": ", ".join(f for f in files if f),
        "attr:reactions": _reactions(message), "attr:pinned": "yes" if message.get("isPinned") else "",
        "attr:edited": utc_instant(message.get("timestampEdited")) or ""})


def _person(user: dict[str, Any], people: dict[str, dict[str, str]]) -> str:
    """A user's id, kept as a person (named by their nickname, else their name) the first time they appear."""
    ident = str(user.get("id") or user.get("name") or "")
    if ident and ident not in people:
        name = str(user.get("nickname") or user.get("name") or ident)
        people[ident] = {"id": ident, "name": name, "kind": "bot" if user.get("isBot") else "person"}
    return ident


def _spaced(kind: str) -> str:
    """``GuildMemberJoin`` → ``guild member join``; ``Default`` → ``message``."""
    return "message" if kind == "Default" else re.sub(r"(?<=[a-z])(?=[A-Z])", " ", kind).lower()


def _reactions(message: dict[str, Any]) -> str:
    """``eyes ×2, 👍 ×1``."""
    found = objects_at(message, "reactions")
    names = [object_at(r, "emoji").get("code") or object_at(r, "emoji").get("name") or "?" for r in found]
    return ", ".join(f"{name} ×{r.get('count') or 1}" for name, r in zip(names, found, strict=True))
