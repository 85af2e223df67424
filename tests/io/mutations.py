"""Damaged copies of real documents, as a file a user opens may be damaged: a value of the wrong type or shape
where a reader expects another (a number for an object, true for a list, a date that is no date), a key or a
line gone, an element repeated, the file cut short. Seeded: the same seed makes the same copies."""

from __future__ import annotations

import copy
import json
import random
import re
from typing import Any

ODD_VALUES: tuple[Any, ...] = (
    None, "", " ", 0, -1, 1.5, 1e308, -1e308, True, False, [], {}, [1, 2], {"a": 1}, 10**30, 2**63, -62135596801,
    "2019-02-30", "0000-00-00", "9999-12-31T23:59:59", "-9999", "2019-13-01", "12/31/1999", "2019-01-01T25:00:00",
    "\u0663\u0660\u0661\u0669", "2019-01-01T00:00:00+99:00", "x" * 3000, "2019", "2019-07", "1582-10-10",
    "  2019-01-01  ", "NaN", "null", "abc", "True", "<b>", "\u202e\u0000")


def mutate_json(document: Any, rng: random.Random) -> str:
    """The document with one to four of its values replaced by odd ones, removed or repeated."""
    document = copy.deepcopy(document)
    places: list[tuple[Any, Any, Any]] = []

    def walk(value: Any, parent: Any, key: Any) -> None:
        places.append((parent, key, value))
        if isinstance(value, dict):
            for k, v in list(value.items()):
                walk(v, value, k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, value, i)

    walk(document, None, None)
    for _ in range(rng.randint(1, 4)):
        parent, key, value = rng.choice(places)
        if parent is None:
            continue
        roll = rng.random()
        try:
            if roll < 0.6:
                parent[key] = rng.choice(ODD_VALUES)
            elif roll < 0.8:
                del parent[key]
            elif isinstance(parent, list):
                parent.extend([copy.deepcopy(value)] * rng.randint(1, 3))
            else:
                parent[key] = [value, value]
        except (KeyError, IndexError):
            pass  # an earlier change removed it
    return json.dumps(document)


_VALUE = re.compile(r"\d+|\"[^\"]*\"|>[^<]+<|:[^\r\n]+|,[^,\r\n]*")


def mutate_text(text: str, rng: random.Random) -> str:
    """The text with one to four lines removed, repeated or given an odd value, or cut short."""
    lines = text.splitlines(keepends=True)
    for _ in range(rng.randint(1, 4)):
        if not lines:
            break
        i, roll = rng.randrange(len(lines)), rng.random()
        if roll < 0.25:
            del lines[i]
        elif roll < 0.45:
            lines.insert(i, lines[i])
        elif roll < 0.85:
            found = list(_VALUE.finditer(lines[i]))
            if found:
                match, odd = rng.choice(found), str(rng.choice(ODD_VALUES))
                opening = match.group()[0]
                odd = {'"': '"' + odd.replace('"', "") + '"', ">": ">" + odd.replace("<", "") + "<",
                       ":": ":" + odd, ",": "," + odd}.get(opening, odd)
                lines[i] = lines[i][:match.start()] + odd + lines[i][match.end():]
        else:
            lines = lines[:i]
    return "".join(lines)


def mutate(data: bytes, suffix: str, rng: random.Random) -> bytes:
    """A damaged copy of a document's bytes: JSON changed in its structure most of the time, else as text."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    if suffix == ".json" and rng.random() < 0.8:
        try:
            return mutate_json(json.loads(text), rng).encode("utf-8")
        except (json.JSONDecodeError, RecursionError):
            pass
    return mutate_text(text, rng).encode("utf-8")
