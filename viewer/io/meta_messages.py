"""Facebook Messenger and Instagram chats as Meta's "Download your information" writes them in JSON: a thread's
``message_1.json`` (``participants``, its ``messages`` newest first, its ``title`` and ``thread_path``), with
``message_2.json`` … beside it when the thread is long; or a folder of threads (``messages/inbox/``, the export's
root, ``your_instagram_activity/messages/`` …), read one file at a time.

Each message is an event at its ``timestamp_ms`` (UTC, to the millisecond): its text's first line as the title
(else its kind: photo, call (3 min), unsent message …), its sender as the actor. Meta writes no ids, so a person is
their name ("person:" and the name; the same name in two threads is one person), and a text's UTF-8 bytes escaped
one per character are decoded back (:mod:`meta_text`). Who ``wrote_to`` the thread's other participants (a group's
change, "Ana added Ben", is no message to them) and who ``reacted_to`` whose message are ties from the first time
on, valued at how often; a group thread is an entity, each participant a ``member_of`` it from its first message
on, or from and until the times its lines say ("Ana added Ben to the group."). With several threads, each thread
is a category (lanes by category are threads); with one, the kind of message is. A message found in two parts of a
thread (or in two folders of that thread's name) is read once.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import free_memory, led_lines, meta_e2ee, meta_text, reading
from viewer.io.reading import objects_at
from viewer.io.ties import counted_ties, membership_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = ("a Facebook Messenger or Instagram message file from Meta's 'Download your information' (message_1.json: "
            "participants and messages with sender_name and timestamp_ms), or a folder of such threads")
PART = re.compile(r"^message_(\d+)\.json$")
BOXES = ("inbox", "archived_threads", "filtered_threads", "message_requests", "e2ee_cutover")
ROOTS = ("messages", "your_activity_across_facebook/messages", "your_facebook_activity/messages",
         "your_instagram_activity/messages")
HEAD_BYTES = 4096  # a thread's file names its participants before its messages
SNIFFED_ENTRIES = 50  # the entries of a folder looked at for a thread when sniffing
CHUNK_ROWS = 50_000  # events held as Python strings before they are made a table
PEAK_PER_BYTE = 5  # memory at the peak per byte of the threads' JSON, read one file at a time (measured: 4.2)
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "description", "attr:thread", "attr:kind",
                 "attr:media", "attr:link", "attr:reactions", "attr:call_duration", "attr:unsent"]


def looks_like(document: object) -> bool:
    """A thread's file: participants with names, and messages whose first ones have a sender and a time (in the
    classic shape, or in that of end-to-end encrypted chats: :mod:`meta_e2ee`)."""
    if meta_e2ee.looks_like(document):
        return True
    if not isinstance(document, dict):
        return False
    participants, messages = document.get("participants"), document.get("messages")
    if not isinstance(participants, list) or not isinstance(messages, list) or not participants:
        return False
    if not all(isinstance(p, dict) and "name" in p for p in participants[:5]):
        return False
    return all(isinstance(m, dict) and "sender_name" in m and "timestamp_ms" in m for m in messages[:20])


def looks_like_folder(path: Path) -> bool:
    """A thread's folder (holding ``message_1.json``), or a folder of threads: an inbox, the export's ``messages``
    folder or its root. Only names are looked at, and the start of one thread's file."""
    try:
        for folder in _thread_folders(Path(path), SNIFFED_ENTRIES):
            with (folder / "message_1.json").open("rb") as handle:
                return b'"participants"' in handle.read(HEAD_BYTES)
        return bool(meta_e2ee.thread_files(Path(path), SNIFFED_ENTRIES))  # encrypted chats: a file a thread
    except (OSError, ValueError):
        return False


def _thread_folders(path: Path, sniffed: int | None = None) -> list[Path]:
    """The threads of a folder: itself, or those of its inboxes (``inbox``, ``archived_threads`` …) or of its
    ``messages`` folders; with ``sniffed``, the first one found among that many entries of each folder."""
    if (path / "message_1.json").is_file():
        return [path]
    found: list[Path] = []
    for base in (path, *(path / root for root in ROOTS)):
        if not base.is_dir():
            continue
        boxes = [base / box for box in BOXES if (base / box).is_dir()]
        for box in boxes or [base]:
            found += _threads_in(box, sniffed)
            if sniffed and found:
                return found[:1]
    return sorted(dict.fromkeys(found))


def _threads_in(box: Path, sniffed: int | None) -> list[Path]:
    """The folders of a box that hold a thread's first part."""
    found = []
    with os.scandir(box) as entries:
        for number, entry in enumerate(entries):
            if sniffed is not None and number >= sniffed:
                break
            if entry.is_dir() and os.path.isfile(os.path.join(entry.path, "message_1.json")):
                found.append(Path(entry.path))
                if sniffed:
                    break
    return found


def _parts(folder: Path) -> list[Path]:
    """A thread's files, ``message_1.json`` first, in the order of their numbers."""
    with os.scandir(folder) as entries:
        numbered = [(int(m.group(1)), e.name) for e in entries if (m := PART.match(e.name)) and e.is_file()]
    return [folder / name for _, name in sorted(numbered)]


@dataclass
class _Thread:
    """One thread as it is read: its key, title, people (ids), and its group's id when it is a group."""

    key: str
    title: str
    people: list[str]
    names: set[str]  # the names of its people, which a group's lines name
    group: str = ""
    count: int = 0  # its messages read so far
    spoken: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # sender → their times
    recorded: dict[str, list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    recent: list[str] = field(default_factory=lambda: ["", ""])  # the last two senders, the latest first


@dataclass
class _Read:
    label: str
    people: dict[str, dict[str, str]] = field(default_factory=dict)
    rows: list[tuple[str, ...]] = field(default_factory=list)  # the events not yet in a chunk, a tuple each
    chunks: list[pd.DataFrame] = field(default_factory=list)  # the events so far, as compact text columns
    wrote: dict[tuple[str, str], list[list[str]]] = field(default_factory=lambda: defaultdict(list))
    reacted: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    moves: dict[tuple[str, str], list[tuple[str, int]]] = field(default_factory=lambda: defaultdict(list))
    opened: dict[str, str] = field(default_factory=dict)  # a group's id → its first message's time
    keys: set[str] = field(default_factory=set)
    senders: dict[tuple[str, bool], str] = field(default_factory=dict)  # a sender as written → their id
    titles: dict[str, str] = field(default_factory=dict)  # a thread's title → its key (two threads, two lanes)
    threads: list[str] = field(default_factory=list)  # the titles of the threads read
    sources: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    shown: Callable[[Path], str] = str  # a file's name as the user knows it
    twice: int = 0  # messages met again in another part of their thread
    messages: int = 0  # the messages the files read hold


def read(path: str | Path, document: dict[str, Any] | None = None, shown: Callable[[Path], str] = str,
         said: Sequence[Problem] = (), **_options: Any) -> Dataset:
    """Read a thread's file (and the other parts of its thread), a thread's folder or a folder of threads into
    messages, people, groups and their ties (``document``: the file's JSON when the caller has parsed it; ``shown``:
    how a file is named to the user, for threads unpacked from an archive; ``said``: problems found before)."""
    path = Path(path)
    got = _Read(shown(path), problems=list(said), shown=shown)
    for files in _threads(path):
        _thread(files, (path, document), got)
    _chunk(got)
    if not got.chunks:
        raise LoadError(f"{path}: {_nothing(got)}; expected {EXPECTED}", got.problems)
    if got.twice:
        got.problems.append(Problem(got.label, f"{counted(got.twice, 'message')} in more than one part of a thread: "
                                    "read once", None, None, "info"))
    events = got.chunks[0] if len(got.chunks) == 1 else pd.concat(got.chunks, ignore_index=True)
    got.chunks.clear()
    if len(got.threads) == 1:
        events["category"] = events["attr:kind"]
    pairs = {pair: lists[0] if len(lists) == 1 else [t for times in lists for t in times]
             for pair, lists in got.wrote.items()}
    relations = (counted_ties(pairs, "wrote_to", "message") + counted_ties(got.reacted, "reacted_to", "reaction")
                 + membership_ties(got.moves, got.opened))
    tables = Tables(events,
                    pd.DataFrame(list(got.people.values()), columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{got.label} messages", f"{got.label} people", f"{got.label} messages")
    threads = counted(len(got.threads), "thread")
    title = got.threads[0] if len(got.threads) == 1 else f"{Path(got.label).name} · {threads}"
    return build_dataset(tables, DatasetMeta(title=title, path=got.label, sources=tuple(got.sources)), got.problems)


def _nothing(got: _Read) -> str:
    """What was found when no message could be read."""
    if got.sources:
        return (f"no message with a readable time among {counted(got.messages, 'message')} in "
                f"{counted(len(got.sources), 'file')}")
    damaged = [p for p in got.problems if p.field is None]
    return f"no thread file could be read ({counted(len(damaged), 'file')} damaged or of another kind)"


def _chunk(got: _Read) -> None:
    """The events read so far as a table: its text held as Arrow text, a third of Python's strings (an emoji makes
    a whole string four bytes a character)."""
    if got.rows:
        got.chunks.append(pd.DataFrame.from_records(got.rows, columns=EVENT_COLUMNS))
        got.rows.clear()


def _threads(path: Path) -> list[list[Path]]:
    """The files of each thread to read: a file with the other parts of its thread, or a folder's threads."""
    try:
        if path.is_dir():
            named: dict[str, list[Path]] = defaultdict(list)  # a thread's folder in two boxes or copies: one thread
            for folder in _thread_folders(path):
                named[folder.name] += _parts(folder)
            threads = list(named.values()) or [[file] for file in meta_e2ee.thread_files(path)]
        else:
            parts = _parts(path.parent) if PART.match(path.name) else []
            threads = [parts if path in parts else [path]]
        size = sum(file.stat().st_size for files in threads for file in files)
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc}); expected {EXPECTED}") from exc
    if not threads:
        raise LoadError(f"{path}: no thread in it (a folder holding message_1.json); expected {EXPECTED}")
    free_memory.check(path, size, "holds", per_byte=PEAK_PER_BYTE)
    return threads


def _document(file: Path, given: tuple[Path, dict[str, Any] | None], got: _Read) -> dict[str, Any] | None:
    """A part's JSON (the one the caller parsed, for its file); a damaged part other than the file asked for is
    said and skipped (None)."""
    if file == given[0] and given[1] is not None:
        return meta_e2ee.classic(given[1])
    try:
        return meta_e2ee.classic(reading.json_document(file, EXPECTED, looks_like))
    except LoadError as exc:
        if file == given[0]:
            raise
        got.problems.append(Problem(got.shown(file), f"{exc}; skipped".removeprefix(f"{file}: "), None, None,
                                    "warning"))
        return None


def _thread(files: list[Path], given: tuple[Path, dict[str, Any] | None], got: _Read) -> None:
    """One thread: its parts' messages, each once, in time order."""
    rows: list[tuple[int, int, dict[str, Any], bool]] = []  # (time, order, message, written correctly)
    seen: set[tuple[int, str, str]] = set()
    heads: list[dict[str, Any]] = []
    for file in files:
        document = _document(file, given, got)
        if document is None:
            continue
        got.sources.append(got.shown(file))
        correct = meta_text.written_correctly(document)
        heads.append({"document": document, "correct": correct, "file": file})
        _messages(document, correct, got.shown(file), (rows, seen), got)
    if not rows:
        return
    rows.sort(key=lambda row: (row[0], row[1]))
    thread = _opened(heads, rows, got)
    for ms, _, message, correct in rows:
        _message(message, meta_text.instant(ms), correct, thread, got)
    _closed(thread, got)
    if len(got.rows) >= CHUNK_ROWS:
        _chunk(got)


def _messages(document: dict[str, Any], correct: bool, label: str,
              held: tuple[list[tuple[int, int, dict[str, Any], bool]], set[tuple[int, str, str]]], got: _Read) -> None:
    """A part's messages with their times, each met once; those without a readable time counted and said."""
    rows, seen = held
    messages = document.get("messages")
    got.messages += len(messages) if isinstance(messages, list) else 0
    skipped: list[int] = []
    for number, message in enumerate(messages if isinstance(messages, list) else [], start=1):
        ms = meta_text.millis(message.get("timestamp_ms")) if isinstance(message, dict) else None
        if ms is None or not isinstance(message, dict):
            skipped.append(number)
            continue
        key = (ms, _plain(message.get("sender_name")), _plain(message.get("content")))
        if key in seen:
            got.twice += 1
            continue
        seen.add(key)
        rows.append((ms, -len(rows), message, correct))  # newest first in a file, and a file's later parts older
    if skipped:
        got.problems.append(Problem(label, f"{counted(len(skipped), 'message')} without a readable time skipped, "
                                    f"the first at message {skipped[0]}", None, "timestamp_ms", "warning"))


def _plain(value: object) -> str:
    return value if isinstance(value, str) else ""


def _opened(heads: list[dict[str, Any]], rows: list[tuple[int, int, dict[str, Any], bool]], got: _Read) -> _Thread:
    """The thread its parts tell: its key, its title, its people, and its group when it is one."""
    first = heads[0]["document"]
    names = list(dict.fromkeys(meta_text.text(p.get("name"), head["correct"]) for head in heads
                               for p in objects_at(head["document"], "participants")))
    names = [name for name in names if name]
    senders = {got.people[p]["name"] for p in {_sender(row[2].get("sender_name"), row[3], got) for row in rows} if p}
    if senders and not senders & set(names):  # (Instagram may name senders by username, participants by name)
        names = sorted(senders)
    folder = heads[0]["file"].parent.name
    key = meta_text.text(first.get("thread_path"), heads[0]["correct"]) or folder
    while key in got.keys:
        key += "+"
    got.keys.add(key)
    title = meta_text.text(first.get("title"), heads[0]["correct"]) or ", ".join(names) or folder
    if got.titles.setdefault(title, key) != key:
        title = f"{title} ({key})"
        got.titles[title] = key
    got.threads.append(title)
    thread = _Thread(key, title, [_person(name, got) for name in names], set(names))
    if len(names) > 2 or first.get("thread_type") == "RegularGroup":
        thread.group = "group:" + key
        got.people[thread.group] = {"id": thread.group, "name": title, "kind": "group"}
        got.opened[thread.group] = meta_text.instant(rows[0][0])
    return thread


def _person(name: str, got: _Read) -> str:
    """A person's id from their name (Meta gives none), kept as a person the first time."""
    ident = "person:" + name.replace(";", ",")  # (an actors list is ";"-separated)
    if ident not in got.people:
        got.people[ident] = {"id": ident, "name": name, "kind": "person"}
    return ident


def _sender(value: object, correct: bool, got: _Read) -> str:
    """The id of a message's sender ("" for none), each written name repaired once."""
    if not isinstance(value, str):
        return ""
    found = got.senders.get((value, correct))
    if found is None:
        name = meta_text.text(value, correct)
        found = got.senders[(value, correct)] = _person(name, got) if name else ""
    return found


def _message(message: dict[str, Any], when: str, correct: bool, thread: _Thread, got: _Read) -> None:
    """One message as an event, with its ties."""
    sender = _sender(message.get("sender_name"), correct, got)
    content = meta_text.text(message.get("content"), correct)
    kind = meta_text.kind_of(message, content)
    reactions = meta_text.reactions(message, correct)
    duration = meta_text.seconds(message.get("call_duration"))
    link = meta_text.text(reading.object_at(message, "share").get("link"), correct)
    for person, step in meta_text.changes(message, content, thread.names, correct) if thread.group else []:
        thread.recorded[_person(person, got)].append((when, step))
        kind = "group change"
    _ties(sender, kind, when, [who for _, who in reactions if who], thread, got)
    thread.count += 1
    got.rows.append((
        f"{thread.key}/{thread.count}", when, led_lines.title_of(content) or meta_text.shown_kind(message, kind),
        sender, thread.title,
        led_lines.description_of(content),
        thread.title, kind, meta_text.media(message, correct), link,
        "; ".join(f"{emoji} {who}".strip() for emoji, who in reactions), "" if duration is None else str(duration),
        "yes" if message.get("is_unsent") is True else ""))  # (in the order of EVENT_COLUMNS)


def _ties(sender: str, kind: str, when: str, reactors: list[str], thread: _Thread, got: _Read) -> None:
    """Who the message is written to (counted when the thread closes; a group's change is none) and who reacted to
    whom: a reaction to the sender; Instagram's "Liked a message" to the other person, in a group to the last one
    who wrote."""
    for reactor in reactors:
        ident = _person(reactor, got)
        if sender and ident != sender:
            got.reacted[(ident, sender)].append(when)
    if not sender:
        return
    if kind == "reaction":
        others = [p for p in thread.people if p != sender]
        target = others[0] if len(others) == 1 and not thread.group else next(
            (p for p in thread.recent if p and p != sender), "")
        if target:
            got.reacted[(sender, target)].append(when)
    if kind != "group change":  # (a line Meta writes, not a message to the others)
        thread.spoken[sender].append(when)
    if thread.recent[0] != sender:
        thread.recent[:] = [sender, thread.recent[0]]


def _closed(thread: _Thread, got: _Read) -> None:
    """The thread's ties once all its messages are read: who wrote to its people, who was in its group when."""
    for sender, times in thread.spoken.items():
        for person in thread.people:
            if person != sender:
                got.wrote[(sender, person)].append(times)
    if not thread.group:
        return
    for person in dict.fromkeys([*thread.people, *thread.recorded]):
        got.moves[(person, thread.group)] = thread.recorded.get(person) or [(got.opened[thread.group], 1)]
