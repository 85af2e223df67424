"""A repository's history as ``git log`` prints it (``git log > history.txt``): a block per commit, led by
``commit <hash>``, then ``Merge:``, ``Author:`` and ``Date:`` (or ``--pretty=fuller``'s ``AuthorDate:``,
``Commit:`` and ``CommitDate:``), then the message indented by four spaces, and ``--stat``'s or ``-p``'s lines.

Each commit is an event at its author's date (``--date=iso``, ``rfc`` and the default form alike; the dates are read
as one column by the table's parser): its subject the title, its message in Details, its author the actor (a
person), and its committer too where another person committed it; merges are their own category. The hash is the
id. A commit whose date cannot be read is said by its line and left out.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed, led_lines
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "a git log: blocks led by 'commit <hash>', then 'Author: Name <mail>' and 'Date: …', then the message"
_COMMIT = re.compile(r"^commit (?P<hash>[0-9a-f]{7,64})\b")
_FIELD = re.compile(r"^(?P<key>Merge|Author|Date|AuthorDate|Commit|CommitDate):\s*(?P<value>.*)$")
_PERSON = re.compile(r"^(?P<name>.*?)\s*<[^>]*>\s*$")
SNIFFED_LINES = 8


def looks_like(head: bytes) -> bool:
    """Whether a text starts as ``git log`` prints it: a ``commit <hash>`` line, then its author and date."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace")) if line.strip()]
    if not lines or _COMMIT.match(lines[0]) is None:
        return False
    keys = {found.group("key") for line in lines[1:SNIFFED_LINES] if (found := _FIELD.match(line))}
    return "Author" in keys and bool(keys & {"Date", "AuthorDate"})


# `git log --oneline`: an abbreviated hash (or a whole one), one space, the subject; not `sha1sum`'s two spaces
_ONELINE = re.compile(r"^(?:[0-9a-f]{7,12}|[0-9a-f]{40}) (?! )\S")


def looks_like_oneline(head: bytes) -> bool:
    """Whether a text is ``git log --oneline``'s: its first lines each a hash and a subject, and no date."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8-sig", errors="replace")) if line.strip()]
    lines = lines[:SNIFFED_LINES] if len(head) < 4096 else lines[:-1][:SNIFFED_LINES]  # (the last may be cut)
    return len(lines) >= 2 and all(_ONELINE.match(line) for line in lines)


def refuse_oneline(path: str | Path, **_options: Any) -> Dataset:
    """``git log --oneline`` holds no date: say how to save the log with its dates."""
    raise LoadError(f"{path}: a git log without dates (git log --oneline); expected the log as git log prints it, "
                    "with its Author and Date lines: git log > history.txt (or git log --date=iso)")


def _led(line: str) -> tuple[str, str] | None:
    found = _COMMIT.match(line)
    return None if found is None else ("", found.group("hash"))


def _person(value: str) -> str:
    """The name of ``Ana Lopez <ana@example.org>`` (the address where no name is written)."""
    found = _PERSON.match(value.strip())
    name = found.group("name").strip() if found else value.strip()
    return name or value.strip().strip("<>")


def _commit(record: led_lines.Record) -> dict[str, str]:
    """A commit's fields: its hash, date as written, subject, message, author, committer and kind."""
    fields: dict[str, str] = {}
    message: list[str] = []
    for line in record.lines[1:]:
        found = _FIELD.match(line)
        if found is not None and not message and found.group("key") not in fields:
            fields[found.group("key")] = found.group("value").strip()
        elif line.startswith("    "):
            message.append(line[4:])
        elif message and line.strip():  # --stat's or -p's lines after the message (a diff's context is indented)
            break
    text = "\n".join(message).strip()
    author = _person(fields.get("Author", ""))
    committer = _person(fields["Commit"]) if "Commit" in fields else author
    title = led_lines.title_of(text) or f"(no message) {record.lines[0][:12]}"
    return {"id": record.lines[0], "when": fields.get("Date") or fields.get("AuthorDate", ""), "title": title,
            "actors": ";".join(dict.fromkeys(name for name in (author, committer) if name)),
            "category": "merge" if "Merge" in fields else "commit",
            "description": led_lines.description_of(text) if text != title else ""}


def read(path: str | Path, date_order: str | None = None, **_options: Any) -> Dataset:
    """Read a ``git log`` into commits (events) and their authors and committers (people)."""
    path = Path(path)
    label = str(path)
    problems: list[Problem] = []  # (an old repository's messages may be in Latin-1 among UTF-8 ones)
    records = led_lines.read_records(path, _led, EXPECTED, problems)
    commits = {record.row: _commit(record) for record in records}
    for record in records:
        record.when = commits[record.row]["when"]  # (known once the commit's lines are read)
    kept, said = led_lines.dated(records, label, "commit", date_order)
    problems += said
    events = [dict(commits[record.row], start=instant) for record, instant in kept]
    if not events:
        raise LoadError(f"{path}: no commit with a readable date; expected {EXPECTED}")
    rows = np.array([record.row for record, _ in kept], dtype=np.int64)
    names = sorted({name for event in events for name in event["actors"].split(";") if name})
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    pd.DataFrame({"id": names, "name": names, "kind": "person"}, columns=["id", "name", "kind"]),
                    None, label, label, label, rows={"events": rows})
    return build_dataset(tables, DatasetMeta(title=compressed.stem(path), path=label, sources=(label,)), problems)
