"""An X (Twitter) archive, as "Download an archive of your data" writes it: a ZIP archive (or the folder it unpacks
to) whose ``data`` folder holds JavaScript files, each a JSON list behind ``window.YTD.<name>.part0 =``:
``account.js`` (whose archive it is), ``tweets.js`` (``tweet.js`` in older archives; ``tweets-part1.js`` … when
split), ``direct-messages.js`` and ``direct-messages-group.js``. One of those files opens on its own too, with
``account.js`` beside it naming its account.

Each post is an event at its ``created_at`` (UTC, to the second): its text with links written out (``t.co`` links
as the addresses they stand for, ``&amp;`` as ``&``), the account and the people it mentions as actors, and whether
it is a post, a reply or a repost as its category; hashtags, links, media, likes, reposts, language and the app it was
sent from are attributes, and its address on x.com its source. Each direct message is an event at its
``createdAt`` (to the millisecond) from its sender. The people are those the archive names (the account, those
mentioned and replied to, those written to), so the relationship panel shows, as of the cursor, who ``replied_to``,
``mentioned``, ``reposted`` and ``wrote_to`` whom, from the first time on, valued at how often, and who was a
``member_of`` which group conversation when. Nothing is fetched; an X archive names people by id where it does not
say more, and so does Entente ("user 12345").
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory, led_lines, reading
from viewer.io.archive_files import Zipped, names_of
from viewer.io.reading import object_at, objects_at, texts_at
from viewer.io.ties import counted_ties, membership_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = ("an X (Twitter) archive: its data folder's tweets.js, account.js or direct-messages.js "
            "(window.YTD.tweets.part0 = [ … ])")
MARK = b"window.YTD."
_POSTS = re.compile(r"^(tweets?)(-part\d+)?\.js$")
_MESSAGES = re.compile(r"^direct-messages(-group)?(-part\d+)?\.js$")
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "source_url", "attr:reply_to",
                 "attr:hashtags", "attr:links", "attr:media", "attr:likes", "attr:reposts", "attr:language",
                 "attr:client", "attr:conversation"]
ACCOUNT = "account"  # the archive's account when no account.js names it
_MONTHS = {name: number for number, name in enumerate(("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
                                                        "Oct", "Nov", "Dec"), start=1)}
_CLOCK = re.compile(r"^(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d$")


def looks_like(head: bytes) -> bool:
    """A file of an X archive: it begins with ``window.YTD.``."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(MARK)


def _readable(name: str) -> bool:
    return name == "account.js" or bool(_POSTS.match(name) or _MESSAGES.match(name))


def looks_like_folder(path: Path) -> bool:
    """An unpacked archive (its ``data`` folder holding account.js or posts), or that ``data`` folder itself."""
    try:
        data = path / "data" if (path / "data").is_dir() else path
        return (data / "account.js").is_file() and any(_readable(p.name) and p.name != "account.js"
                                                         for p in data.iterdir())
    except OSError:
        return False


def looks_like_zip(path: Path) -> bool:
    """A ZIP archive holding an X archive's ``data/account.js``."""
    return holds_archive(names_of(path, (".js",)))


def holds_archive(names: list[str]) -> bool:
    """Whether an archive's files, named so, are an X archive."""
    return "data/account.js" in names


class _Files:
    """The archive's readable files by name (``tweets.js``), from a folder, a ZIP archive or one chosen file."""

    def __init__(self, path: Path) -> None:
        self.zipped: Zipped | None = None
        self.paths: dict[str, Path] = {}
        if path.name == "account.js":  # nothing but whose archive it is: the archive beside it is meant
            path = path.parent
        if path.is_dir():
            data = path / "data" if (path / "data").is_dir() else path
            self.paths = {p.name: p for p in data.iterdir() if _readable(p.name) and p.is_file()}
        elif path.suffix.lower() == ".js":
            self.paths = {path.name: path}
            if (path.parent / "account.js").is_file():
                self.paths.setdefault("account.js", path.parent / "account.js")
        else:
            self.zipped = Zipped(path, (".js",), EXPECTED)
            self.inner = {n.removeprefix("data/"): n for n in self.zipped.names if n.startswith("data/")}
        self.names = sorted(self.inner if self.zipped is not None else self.paths)
        self.names = [n for n in self.names if _readable(n)]
        self.total = (sum(self.zipped.infos[self.inner[n]].file_size for n in self.names) if self.zipped is not None
                      else sum(self.paths[n].stat().st_size for n in self.names))

    def read(self, name: str) -> bytes:
        if self.zipped is not None:
            return self.zipped.read(self.inner[name])
        return self.paths[name].read_bytes()

    def close(self) -> None:
        if self.zipped is not None:
            self.zipped.close()


@dataclass
class _Archive:
    label: str
    owner: str = ACCOUNT
    handle: str = ""
    people: dict[str, str] = field(default_factory=dict)  # id → name
    handles: dict[str, str] = field(default_factory=dict)  # a handle (lower case) → the person's id
    events: list[dict[str, str]] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)  # the events' ids so far
    ties: dict[str, dict[tuple[str, str], list[str]]] = field(default_factory=lambda: defaultdict(
        lambda: defaultdict(list)))
    moves: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    problems: list[Problem] = field(default_factory=list)


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read an archive (a ZIP archive, its folder, or one of its files) into posts, messages, people and ties."""
    path = Path(path)
    files = _Files(path)
    got = _Archive(str(path))
    try:
        if not any(n != "account.js" for n in files.names):
            raise LoadError(f"{path}: no posts or messages (tweets.js, direct-messages.js); expected {EXPECTED}")
        free_memory.check(path, files.total, "holds", per_byte=free_memory.JSON_PEAK_PER_BYTE)
        _account(files, got)
        for name in files.names:
            if _POSTS.match(name):
                for item in _items(files, name, got):
                    _post(object_at(item, "tweet") or item, got)
            elif _MESSAGES.match(name):
                for item in _items(files, name, got):
                    _conversation(object_at(item, "dmConversation"), "group" in name, got)
    finally:
        files.close()
    if not got.events:
        raise LoadError(f"{path}: no post or message with a readable time; expected {EXPECTED}")
    return _dataset(path, got)


def _items(files: _Files, name: str, got: _Archive) -> list[dict[str, Any]]:
    """The objects of one ``window.YTD.… = [ … ]`` file ([] when it cannot be read, said)."""
    label = f"{got.label}/{name}" if len(files.names) > 1 or files.zipped is not None else got.label
    try:
        text = files.read(name).decode("utf-8-sig")
        head, equals, body = text.partition("=")
        if not equals or not head.strip().startswith(MARK.decode()):
            raise ValueError("it does not begin with window.YTD.… =")
        found = reading.loads(body.strip().rstrip(";"))
    except (UnicodeDecodeError, ValueError, RecursionError, OSError, LoadError) as exc:
        got.problems.append(Problem(label, f"not readable ({exc}); skipped", None, None, "warning"))
        return []
    if not isinstance(found, list):
        got.problems.append(Problem(label, "expected a list behind window.YTD.… =; skipped", None, None, "warning"))
        return []
    return [item for item in found if isinstance(item, dict)]


def _account(files: _Files, got: _Archive) -> None:
    """Whose archive it is, from account.js (else an account of no name, said)."""
    account = next((object_at(item, "account") for item in _items(files, "account.js", got)), {}) \
        if "account.js" in files.names else {}
    ident, handle = str(account.get("accountId") or ""), str(account.get("username") or "")
    if ident:
        got.owner, got.handle = f"user:{ident}", handle
        got.handles[handle.lower()] = got.owner
        shown = str(account.get("accountDisplayName") or "")
        got.people[got.owner] = f"{shown} (@{handle})" if shown and handle else f"@{handle}" if handle else shown
    else:
        got.people[ACCOUNT] = "the archive's account"
        got.problems.append(Problem(got.label, "no account.js beside it: the archive's account is not named", None,
                                    None, "info"))


def _person(ident: object, handle: object = "", name: object = "", got: _Archive | None = None) -> str:
    """A person's id (``user:<id>``, else ``@handle``), kept with the best name the archive gives."""
    key = f"user:{ident}" if str(ident or "") not in ("", "-1") else f"@{handle}" if handle else ""
    if got is None or not key:
        return key
    if handle:
        key = got.handles.setdefault(str(handle).lower(), key) if key.startswith("@") else key
        got.handles.setdefault(str(handle).lower(), key)
    if key == got.owner:
        return key
    if name and handle and name != handle:
        got.people[key] = f"{name} (@{handle})"
    else:
        got.people.setdefault(key, f"@{handle}" if handle else f"user {ident}")
    return key


def _when(written: object, got: _Archive, what: str) -> str | None:
    """A post's ``Wed Oct 10 20:19:24 +0000 2018`` or a message's ISO time, as ISO text in UTC."""
    text = str(written or "")
    parts = text.split(" ")
    if len(parts) == 6 and parts[4] == "+0000" and parts[1] in _MONTHS and _CLOCK.match(parts[3]) and \
            parts[2].isdigit() and parts[5].isdigit():  # X's own form, in UTC, taken apart: strptime took a third
        try:  # of the whole read
            day = dt.date(int(parts[5]), _MONTHS[parts[1]], int(parts[2]))
        except ValueError:
            day = None
        if day is not None:
            return f"{day.isoformat()}T{parts[3]}Z"
    for form in ("%a %b %d %H:%M:%S %z %Y", "%Y-%m-%dT%H:%M:%S.%f%z", "%Y-%m-%dT%H:%M:%S%z"):
        try:
            stamp = dt.datetime.strptime(text.replace("Z", "+0000"), form)
        except ValueError:
            continue
        return stamp.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    got.problems.append(Problem(got.label, f"expected a time such as 'Wed Oct 10 20:19:24 +0000 2018', got {text!r};"
                                f" {what} skipped", None, "created_at", "warning"))
    return None


def _written_out(text: str, entities: dict[str, Any], media: list[dict[str, Any]]) -> tuple[str, list[str]]:
    """The text with its ``t.co`` links as the addresses they stand for (media links dropped), and those addresses."""
    links = [(str(u.get("url") or ""), str(u.get("expanded_url") or u.get("expanded") or "")) for u in
             objects_at(entities, "urls")]
    for short, long in links:
        if short and long:
            text = text.replace(short, long)
    for medium in media:
        if medium.get("url"):
            text = text.replace(str(medium["url"]), "")
    return html.unescape(text).strip(), [long for _short, long in links if long]


def _post(tweet: dict[str, Any], got: _Archive) -> None:
    ident = str(tweet.get("id_str") or tweet.get("id") or "")
    if not ident or f"post:{ident}" in got.seen:
        return
    when = _when(tweet.get("created_at"), got, "post")
    if when is None:
        return
    entities = object_at(tweet, "entities")
    media = objects_at(object_at(tweet, "extended_entities"), "media") or objects_at(entities, "media")
    text, links = _written_out(str(tweet.get("full_text") or tweet.get("text") or ""), entities, media)
    mentioned = [_person(m.get("id_str"), m.get("screen_name"), m.get("name"), got)
                 for m in objects_at(entities, "user_mentions")]
    replied = _person(tweet.get("in_reply_to_user_id_str"), tweet.get("in_reply_to_screen_name"), "", got)
    kind = "repost" if text.startswith("RT @") else "reply" if tweet.get("in_reply_to_status_id_str") else "post"
    for person in [p for p in dict.fromkeys(mentioned) if p and p not in (got.owner, replied)]:  # (a reply names
        # whom it answers first: that is its reply, not a mention)
        reposted = kind == "repost" and person == mentioned[0]
        got.ties["reposted" if reposted else "mentioned"][(got.owner, person)].append(when)
    if replied and replied != got.owner:
        got.ties["replied_to"][(got.owner, replied)].append(when)
    client = re.sub(r"<[^>]*>", "", str(tweet.get("source") or ""))
    got.seen.add(f"post:{ident}")
    got.events.append({
        "id": f"post:{ident}", "start": when, "title": led_lines.title_of(text) or kind,
        "actors": ";".join(dict.fromkeys(p for p in [got.owner, *mentioned] if p)), "category": kind,
        "description": led_lines.description_of(text),
        "source_url": f"https://x.com/{got.handle or 'i/web'}/status/{ident}",
        "attr:reply_to": f"@{tweet['in_reply_to_screen_name']}" if tweet.get("in_reply_to_screen_name") else "",
        "attr:hashtags": " ".join(f"#{h.get('text')}" for h in objects_at(entities, "hashtags") if h.get("text")),
        "attr:links": " ".join(links), "attr:media": " ".join(str(m.get("media_url_https") or m.get("media_url")
                                                                  or "") for m in media).strip(),
        "attr:likes": str(tweet.get("favorite_count") or ""), "attr:reposts": str(tweet.get("retweet_count") or ""),
        "attr:language": str(tweet.get("lang") or ""), "attr:client": client, "attr:conversation": ""})


def _conversation(conversation: dict[str, Any], group: bool, got: _Archive) -> None:
    """A conversation's messages; in a group, who joined and left it when."""
    ident = str(conversation.get("conversationId") or "")
    entity = f"group:{ident}" if group and ident else ""
    if entity:
        got.people.setdefault(entity, f"group conversation {ident}")
    for item in objects_at(conversation, "messages"):
        message = object_at(item, "messageCreate")
        if message:
            _message(message, ident, entity, got)
        for key, step in (("participantsJoin", 1), ("participantsLeave", -1), ("joinConversation", 1)):
            change = object_at(item, key)
            when = _when(change.get("createdAt"), got, "change of members") if change and entity else None
            if when is not None:  # who joined; on the account's own joining, those already in count from then
                users = texts_at(change, "userIds") if key != "joinConversation" else [
                    got.owner, *texts_at(change, "participantsSnapshot")]
                for user in users:
                    person = user if user == got.owner else _person(user, got=got)
                    got.moves[(person, entity)].append((when, step))
        named = object_at(item, "conversationNameUpdate")
        if named.get("name") and entity:
            got.people[entity] = str(named["name"])


def _message(message: dict[str, Any], conversation: str, group: str, got: _Archive) -> None:
    ident = f"message:{message.get('id') or len(got.events) + 1}"
    when = _when(message.get("createdAt"), got, "message") if ident not in got.seen else None
    if when is None:
        return
    sender = _person(message.get("senderId"), got=got)
    recipient = group or _person(message.get("recipientId"), got=got)
    text, links = _written_out(str(message.get("text") or ""), {"urls": message.get("urls")}, [])
    if sender and recipient and sender != recipient:
        got.ties["wrote_to"][(sender, recipient)].append(when)
    got.seen.add(ident)
    got.events.append({
        "id": ident, "start": when, "title": led_lines.title_of(text) or "message", "actors": sender,
        "category": "group message" if group else "direct message", "description": led_lines.description_of(text),
        "source_url": "",
        "attr:reply_to": "", "attr:hashtags": "", "attr:links": " ".join(links),
        "attr:media": " ".join(texts_at(message, "mediaUrls")),
        "attr:likes": "", "attr:reposts": "", "attr:language": "", "attr:client": "",
        "attr:conversation": got.people.get(group, conversation) if group else conversation})


def _dataset(path: Path, got: _Archive) -> Dataset:
    what = {"replied_to": "reply", "mentioned": "mention", "reposted": "repost", "wrote_to": "message"}
    relations = [tie for kind, pairs in sorted(got.ties.items()) for tie in counted_ties(pairs, kind, what[kind])]
    relations += membership_ties(got.moves, {})
    kinds = {ident: "group" if ident.startswith("group:") else "person" for ident in got.people}
    entities = pd.DataFrame([{"id": i, "name": n or i, "kind": kinds[i]} for i, n in got.people.items()],
                            columns=["id", "name", "kind"])
    tables = Tables(pd.DataFrame(got.events, columns=EVENT_COLUMNS), entities,
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{got.label} posts and messages", f"{got.label} people", f"{got.label} ties")
    title = f"@{got.handle}" if got.handle else path.stem
    return build_dataset(tables, DatasetMeta(title=title, path=got.label, sources=(got.label,)), got.problems)
