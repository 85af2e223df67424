"""A Trello board as its JSON export holds it (the board's menu: Print, export and share → Export as JSON).

Before, the board was read as any JSON of records: its longest dated list, the actions (its activity log), each
titled by the member who acted; its cards, the board's content, were left out.

Each card is an event: from its start date (``start``), else the moment it was made (its ``createCard`` action,
else the time Trello writes in the first eight hex digits of every id), to its due date (``due``) when that is
later; its list is its category, its members (people) its actors, its labels its tags, its description the
description and its link the source. An archived card, or one in an archived list, is kept with ``archived`` set,
and said; so is how many of the cards' due dates are marked done (``done``). The actions stay out: what was done to
a card is the card's history, not an event of the board.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import reading
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = "a Trello board exported as JSON (its cards, lists, members and actions)"
EVENT_COLUMNS = ["id", "start", "end", "title", "description", "actors", "category", "tags", "source_url",
                 "attr:archived", "attr:done"]
EARLIEST, LATEST = 946684800, 4102444800  # an id's time from 2000 to 2100: Trello's ids, not another's


def looks_like(document: object) -> bool:
    """A board: its cards, each in a list by ``idList``, beside its lists."""
    if not isinstance(document, dict) or not isinstance(document.get("lists"), list):
        return False
    cards = document.get("cards")
    return isinstance(cards, list) and bool(cards) and all(
        isinstance(card, dict) and "idList" in card and "name" in card for card in cards[:50])


def made_at(key: object) -> str | None:
    """The moment a Trello id was made (its first eight hex digits are Unix seconds), as ISO text, or None."""
    try:
        seconds = int(str(key)[:8], 16)
    except ValueError:
        return None
    if len(str(key)) != 24 or not EARLIEST <= seconds <= LATEST:
        return None
    return dt.datetime.fromtimestamp(seconds, tz=dt.UTC).isoformat()


def read(path: str | Path, document: dict[str, Any] | None = None, **_options: Any) -> Dataset:
    """The board's cards as events, its members as people (``document``: the JSON when parsed already)."""
    path = Path(path)
    if document is None:
        document = reading.json_document(path, EXPECTED, looks_like)
    label = str(path)
    lists = {str(item.get("id")): item for item in document["lists"] if isinstance(item, dict)}
    members = {str(m.get("id")): str(m.get("fullName") or m.get("username") or m.get("id"))
               for m in document.get("members") or [] if isinstance(m, dict) and m.get("id")}
    created = {str(action["data"]["card"].get("id")): str(action.get("date"))
               for action in document.get("actions") or [] if isinstance(action, dict)
               and action.get("type") == "createCard" and isinstance(action.get("data"), dict)
               and isinstance(action["data"].get("card"), dict)}
    rows = [_event(card, lists, members, created) for card in document["cards"] if isinstance(card, dict)]
    if not any(row["start"] for row in rows):  # (an undated card among dated ones is the model's to skip, and say)
        raise LoadError(f"{path}: a Trello board whose cards have no date (no start, due or creation time); "
                        f"expected {EXPECTED}")
    events = pd.DataFrame(rows, columns=EVENT_COLUMNS)
    people = pd.DataFrame({"id": list(members), "name": list(members.values()), "kind": "person"})
    problems = [Problem(label, f"read the board's {counted(len(rows), 'card')} as events (its "
                        f"{counted(len(document.get('actions') or []), 'action')}, the activity log, are not)",
                        None, None, "info")]
    archived = int(events["attr:archived"].eq("yes").sum())
    if archived:
        problems.append(Problem(label, f"{counted(archived, 'card')} archived (or in an archived list): kept, "
                                "marked archived", None, "closed", "info"))
    tables = Tables(events, people, None, f"{label} cards", f"{label} members", label)
    title = str(document.get("name") or path.stem)
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=(label,)), problems)


def _event(card: dict[str, Any], lists: dict[str, dict[str, Any]], members: dict[str, str],
           created: dict[str, str]) -> dict[str, Any]:
    key = str(card.get("id") or "")
    start = card.get("start") or created.get(key) or made_at(key) or card.get("dateLastActivity")
    due = card.get("due")
    column = lists.get(str(card.get("idList")), {})
    labels = [str(item.get("name") or item.get("color") or "") for item in card.get("labels") or []
              if isinstance(item, dict)]
    return {"id": key or None, "start": str(start) if start else "",
            "end": str(due) if due and start and str(due) > str(start) else "",
            "title": str(card.get("name") or ""), "description": str(card.get("desc") or ""),
            "actors": ";".join(m for m in (str(i) for i in card.get("idMembers") or []) if m in members),
            "category": str(column.get("name") or ""), "tags": ";".join(label for label in labels if label),
            "source_url": str(card.get("shortUrl") or card.get("url") or ""),
            "attr:archived": "yes" if card.get("closed") or column.get("closed") else "no",
            "attr:done": "yes" if card.get("dueComplete") else ("no" if due else "")}
