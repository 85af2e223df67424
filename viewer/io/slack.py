"""A Slack workspace export, as Slack's "Export data" writes it: a ZIP archive (or the folder it unpacks to) holding
``users.json``, ``channels.json`` (``groups.json``, ``mpims.json`` and ``dms.json`` for private conversations) and a
folder for each conversation with a JSON file for each day (``general/2019-03-04.json``).

Each message is an event at its ``ts`` (UTC, to the microsecond): its first line as the title and its whole text as
the description, with mentions, channel links and links written as names (:mod:`slack_text`). The sender and the
people it mentions are its actors; its conversation is its category, so lanes by category are channels. Threads,
replies, reactions, files and edits are attributes. Each user is a person (a bot is a ``bot``) and each channel an
entity, so the relationship panel shows, as of the cursor:

- who was a ``member_of`` which channel, from their joining (the channel's creation for a member whose joining is not
  in the export) until their leaving;
- who ``replied_to`` whom in threads, and who ``mentioned`` whom, from the first time on, valued at how often.

Nothing is fetched: files and avatars stay links. A day file that cannot be read is said and skipped; the rest opens.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory, led_lines, reading
from viewer.io.archive_files import Zipped, names_of
from viewer.io.reading import object_at, objects_at, texts_at
from viewer.io.slack_text import instant, readable
from viewer.io.ties import counted_ties, membership_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("a Slack export: users.json and channels.json beside a folder for each channel holding a JSON file for "
            "each day (general/2019-03-04.json)")
LISTS = {"channels.json": "channel", "groups.json": "private", "mpims.json": "group", "dms.json": "direct"}
TOP_FILES = ("users.json", *LISTS)
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}\.json$")
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "attr:channel", "attr:thread",
                 "attr:replies", "attr:reactions", "attr:files", "attr:kind", "attr:edited"]
JOINS = {"channel_join": 1, "group_join": 1, "channel_leave": -1, "group_leave": -1}


def is_export(names: Iterable[str]) -> bool:
    """Whether files named so (relative, with ``/``) are a Slack export: a list of users or channels at the top and
    at least one day file in a folder."""
    top = days = False
    for name in names:
        parts = name.split("/")
        top = top or (len(parts) == 1 and parts[0] in TOP_FILES)
        days = days or (len(parts) == 2 and _DAY.match(parts[1]) is not None)
        if top and days:
            return True
    return False


def looks_like_folder(path: Path) -> bool:
    """A folder Slack's export unpacked to (not a native dataset, which has its ``dataset.json``)."""
    if not path.is_dir() or (path / "dataset.json").exists() or not any((path / n).is_file() for n in TOP_FILES):
        return False
    return is_export(_Folder(path).names)


def looks_like_zip(path: Path) -> bool:
    """A ZIP archive holding a Slack export (at its top, or in the one folder it holds)."""
    return is_export(names_of(path, (".json",)))


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read an export (a ZIP archive or a folder) into messages, people and channels, and their ties."""
    path = Path(path)
    files: _Folder | Zipped = _Folder(path) if path.is_dir() else Zipped(path, (".json",), EXPECTED)
    if not is_export(files.names):
        files.close()
        raise LoadError(f"{path}: no users.json or channels.json beside folders of day files; expected {EXPECTED}")
    try:
        free_memory.check(path, files.total, "holds")
        got = _Export(str(path))
        got.users = _users(files, got)
        _conversations(files, got)
        for name in sorted(n for n in files.names if len(n.split("/")) == 2 and _DAY.match(n.split("/")[1])):
            _day(files, name, got)
    finally:
        files.close()
    if not got.events:
        raise LoadError(f"{path}: a Slack export without a message with a readable time; expected {EXPECTED}")
    return _dataset(path, got)


class _Folder:
    """The JSON files of an export's folder, by their names relative to it."""

    def __init__(self, root: Path) -> None:
        self.root = root
        top = [p for p in root.iterdir() if p.is_file() and p.suffix.lower() == ".json"]
        days = [p for d in root.iterdir() if d.is_dir() for p in d.iterdir() if _DAY.match(p.name) and p.is_file()]
        self.names = [p.relative_to(root).as_posix() for p in top + days]
        self.total = sum(p.stat().st_size for p in top + days)

    def read(self, name: str) -> bytes:
        return (self.root / name).read_bytes()

    def close(self) -> None:
        """Nothing is held open."""


@dataclass
class _Export:
    label: str
    users: dict[str, str] = field(default_factory=dict)  # id → name
    bots: set[str] = field(default_factory=set)
    channels: dict[str, str] = field(default_factory=dict)  # channel id → name (for "#" links)
    shown: dict[str, str] = field(default_factory=dict)  # folder → how its conversation is named
    entity: dict[str, str] = field(default_factory=dict)  # folder → the channel's entity id (not for DMs)
    created: dict[str, str] = field(default_factory=dict)  # folder → when the channel was made
    members: dict[str, list[str]] = field(default_factory=dict)  # folder → its members as the export lists them
    events: list[dict[str, str]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # users who appear
    seen_ids: set[str] = field(default_factory=set)  # the messages' ids so far
    authors: dict[tuple[str, str], str] = field(default_factory=dict)  # (folder, thread ts) → who began it
    titles: dict[tuple[str, str], str] = field(default_factory=dict)  # (folder, thread ts) → its first title
    replies: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    mentions: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    joins: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)


def _json(files: _Folder | Zipped, name: str, got: _Export) -> object:
    """A file's JSON, or None (said) when it cannot be read."""
    try:
        return reading.loads(files.read(name).decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        said = f"not readable JSON ({reading.json_error(exc)}); its messages are skipped"
        got.problems.append(Problem(f"{got.label}/{name}", said, None, None, "warning"))
    except (OSError, LoadError) as exc:
        said = str(exc) if isinstance(exc, LoadError) else f"cannot be read ({exc})"
        got.problems.append(Problem(f"{got.label}/{name}", f"{said}; its messages are skipped", None, None,
                                    "warning"))
    return None


def _records(files: _Folder | Zipped, name: str, got: _Export) -> list[dict[str, Any]]:
    """The objects of a file holding a list of them ([] when it is missing or unreadable, said)."""
    if name not in files.names:
        return []
    found = _json(files, name, got)
    if found is not None and not isinstance(found, list):
        got.problems.append(Problem(f"{got.label}/{name}", "expected a list of objects; skipped", None, None,
                                    "warning"))
    return [r for r in found if isinstance(r, dict)] if isinstance(found, list) else []


def _users(files: _Folder | Zipped, got: _Export) -> dict[str, str]:
    """Each user's id and name (the real name, else the display name, else the handle)."""
    users = {}
    for user in _records(files, "users.json", got):
        profile = object_at(user, "profile")
        name = next((str(v) for v in (profile.get("real_name"), user.get("real_name"), profile.get("display_name"),
                                      user.get("name")) if v), "")
        if isinstance(user.get("id"), str):
            users[user["id"]] = name or user["id"]
            if user.get("is_bot") or user.get("is_app_user"):
                got.bots.add(user["id"])
    if "users.json" not in files.names:
        got.problems.append(Problem(got.label, "no users.json in the export: people are named by their messages' "
                                    "profiles, else by their Slack ids", None, None, "warning"))
    return users


def _conversations(files: _Folder | Zipped, got: _Export) -> None:
    """How each conversation's folder is named, and each channel's creation and members."""
    for list_name, kind in LISTS.items():
        for item in _records(files, list_name, got):
            ident, name = str(item.get("id") or ""), str(item.get("name") or "")
            members = texts_at(item, "members")
            folder = ident if kind == "direct" else name or ident
            if not folder:
                continue
            if kind in ("channel", "private"):
                got.channels[ident] = name
                got.shown[folder] = f"#{name}"
                got.entity[folder] = f"#{name}"
                got.members[folder] = members
                got.created[folder] = instant(item.get("created")) or ""
            else:  # a direct or group message: named by its people, not an entity of its own
                names = [got.users.get(m, m) for m in members]
                got.shown[folder] = ("direct: " if kind == "direct" else "group: ") + ", ".join(names or [folder])


def _sender(message: dict[str, Any], got: _Export) -> str:
    """The sender's id, learning the name of one users.json does not list from the message's profile."""
    ident = str(message.get("user") or message.get("bot_id") or "")
    if not ident:
        ident = str(message.get("username") or "")
    if ident and ident not in got.users:
        profile, bot = object_at(message, "user_profile"), object_at(message, "bot_profile")
        got.users[ident] = str(profile.get("real_name") or profile.get("display_name") or bot.get("name")
                               or message.get("username") or ident)
        if message.get("bot_id"):
            got.bots.add(ident)
    return ident


def _day(files: _Folder | Zipped, name: str, got: _Export) -> None:
    """The messages of one day file of one conversation."""
    folder = name.split("/", maxsplit=1)[0]
    for number, message in enumerate(_records(files, name, got), start=1):
        when = instant(message.get("ts"))
        if when is None:
            got.problems.append(Problem(f"{got.label}/{name}", f"expected a time (ts) such as '1551693600.000200', "
                                        f"got {message.get('ts')!r}; message skipped", number, "ts", "warning"))
            continue
        _message(message, folder, when, got)


def _message(message: dict[str, Any], folder: str, when: str, got: _Export) -> None:
    sender, ts = _sender(message, got), str(message["ts"]).strip()
    text, mentioned = readable(str(message.get("text") or ""), got.users, got.channels)
    files = [str(f.get("name") or f.get("title") or "") for f in objects_at(message, "files")]
    attached = objects_at(message, "attachments")
    if not text.strip() and attached:
        text = str(attached[0].get("fallback") or attached[0].get("title") or attached[0].get("text") or "")
    if not text.strip() and files:
        text = "File: " + ", ".join(f for f in files if f)
    kind = str(message.get("subtype") or "")
    title = led_lines.title_of(text) or kind.replace("_", " ") or "(no text)"
    thread = str(message.get("thread_ts") or "")
    if thread == ts or (not thread and message.get("reply_count")):
        got.authors.setdefault((folder, ts), sender)
        got.titles.setdefault((folder, ts), title)
    parent = str(message.get("parent_user_id") or "") or got.authors.get((folder, thread), "")
    if thread and thread != ts and parent and sender and parent != sender:
        got.replies[(sender, parent)].append(when)
    people = [p for p in [sender, *mentioned] if p]
    for user in mentioned:
        if sender and user != sender:
            got.mentions[(sender, user)].append(when)
    if kind in JOINS and sender and folder in got.entity:
        got.joins[(sender, folder)].append((when, JOINS[kind]))
    got.seen.update(people)
    edited = object_at(message, "edited")
    got.events.append({
        "id": _unique(f"{folder}/{ts}", got), "start": when, "title": title, "actors": ";".join(dict.fromkeys(people)),
        "category": got.shown.get(folder, f"#{folder}"),
        "description": led_lines.description_of(text),
        "attr:channel": got.shown.get(folder, f"#{folder}"), "attr:thread": thread if thread and thread != ts else "",
        "attr:replies": str(message.get("reply_count") or ""), "attr:reactions": _reactions(message),
        "attr:files": ", ".join(f for f in files if f), "attr:kind": kind.replace("_", " "),
        "attr:edited": instant(edited.get("ts")) or ""})


def _unique(ident: str, got: _Export) -> str:
    """The message's id, numbered when the export holds the same conversation and time twice."""
    if ident not in got.seen_ids:
        got.seen_ids.add(ident)
        return ident
    n = 2
    while f"{ident}#{n}" in got.seen_ids:
        n += 1
    got.seen_ids.add(f"{ident}#{n}")
    return f"{ident}#{n}"


def _reactions(message: dict[str, Any]) -> str:
    """``+1 ×3, eyes ×1``."""
    found = [r for r in objects_at(message, "reactions") if r.get("name")]
    return ", ".join(f"{r['name']} ×{r.get('count') or len(texts_at(r, 'users')) or 1}" for r in found)


def _dataset(path: Path, got: _Export) -> Dataset:
    for event in got.events:  # a reply names the message its thread began with
        if event["attr:thread"]:
            folder = event["id"].split("/")[0]
            event["attr:thread"] = got.titles.get((folder, event["attr:thread"]), event["attr:thread"])
    relations = _memberships(got) + _ties(got.replies, "replied_to", "reply", got) + _ties(
        got.mentions, "mentioned", "mention", got)
    people = sorted(got.seen | {str(r["source"]) for r in relations}, key=lambda u: str(got.users.get(u, u)).lower())
    entities = [{"id": u, "name": got.users.get(u, u), "kind": "bot" if u in got.bots else "person"} for u in people]
    entities += [{"id": e, "name": e, "kind": "channel"} for e in sorted(set(got.entity.values()))]
    label = got.label
    tables = Tables(pd.DataFrame(got.events, columns=EVENT_COLUMNS), pd.DataFrame(entities, columns=["id", "name",
                                                                                                     "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "valid_from", "valid_to",
                                                     "value", "note"]),
                    f"{label} messages", f"{label} users", f"{label} messages")
    title = path.stem if path.is_file() else path.name
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=(label,)), got.problems)


def _memberships(got: _Export) -> list[dict[str, object]]:
    """Who was in which channel when: from each joining to the next leaving; a member the export lists without a
    joining or leaving, from the channel's creation."""
    moves: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for folder, channel in sorted(got.entity.items()):
        users = set(got.members.get(folder, [])) | {u for (u, f) in got.joins if f == folder}
        for user in users - got.bots:  # a bot's membership is tooling: every tie is a person's
            moves[(user, channel)] = got.joins.get((user, folder)) or [(got.created.get(folder, ""), 1)]
    return membership_ties(moves, {channel: got.created.get(folder, "") for folder, channel in got.entity.items()})


def _ties(pairs: dict[tuple[str, str], list[str]], kind: str, what: str, got: _Export) -> list[dict[str, object]]:
    """One tie per pair, from its first time on, valued at how often (both people appear)."""
    for pair in pairs:
        got.seen.update(pair)
    return counted_ties(pairs, kind, what)
