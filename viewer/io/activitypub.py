"""An ActivityPub outbox, as Mastodon's archive holds it (``outbox.json``; Pleroma, Akkoma and GoToSocial export
theirs alike): what an account posted, replied and boosted. It was read as records, each titled by the account's
address (``https://mastodon.social/users/ana``) and its audience (``to``) taken for an end.

Each activity is an event at its ``published`` time: a post's text (its HTML made plain) as the title, first line,
and the description, whole; its kind as the category (``Post``, ``Reply``, ``Boost``, else the activity's type); the
account and those it replied to, mentioned or boosted as actors, by their addresses (``@ana@mastodon.social``); its
hashtags as the tags and its page as the source. Whom the account replied to, mentioned and boosted are ties,
counted, from the first time on. The audience, a content warning and attachments are attributes. Nothing is fetched.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import compressed, html_text, led_lines, reading
from viewer.io.reading import object_at, objects_at, texts_at, utc_instant
from viewer.io.ties import counted_ties
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = ("an ActivityPub outbox (Mastodon's outbox.json): an ordered collection of activities, each with its "
            "published time")
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
EVENT_COLUMNS = ["id", "start", "title", "actors", "category", "tags", "description", "source_url",
                 "attr:audience", "attr:content_warning", "attr:attachments", "attr:in_reply_to"]
# an account's address: https://mastodon.social/users/ana, https://mastodon.social/@ana (a status under it too)
_ACCOUNT = re.compile(r"^https?://([^/?#]+)/(?:users/|@)([^/?#]+)")
_KINDS = {"Create": "Post", "Announce": "Boost"}


def looks_like(document: object) -> bool:
    """An ordered collection of activities (a type and a published time, or an object that has one)."""
    if not isinstance(document, dict) or not isinstance(document.get("orderedItems"), list):
        return False
    if not str(document.get("type", "")).startswith("OrderedCollection"):
        return False
    sample = [item for item in document["orderedItems"][:20] if isinstance(item, dict)]
    return bool(sample) and all("type" in item and ("published" in item or "published" in object_at(item, "object"))
                                for item in sample)


def account(address: object) -> str:
    """``@ana@mastodon.social`` for an account's (or its status's) address; the address itself when it is none.

    >>> account("https://mastodon.social/users/ana/statuses/1"), account("https://x.org/@bob"), account("urn:x")
    ('@ana@mastodon.social', '@bob@x.org', 'urn:x')
    """
    text = str(address or "")
    found = _ACCOUNT.match(text)
    return f"@{found[2]}@{found[1]}" if found else text


def read(path: str | Path, document: dict[str, Any] | None = None, **_options: Any) -> Dataset:
    """Read an outbox into its activities, the accounts in them and whom the account replied to, mentioned and
    boosted (``document``: the outbox's JSON when the caller has parsed it already)."""
    path = Path(path)
    document = document if document is not None else reading.json_document(path, EXPECTED, looks_like)
    label = str(path)
    events: list[dict[str, str]] = []
    problems: list[Problem] = []
    ties: dict[str, dict[tuple[str, str], list[str]]] = {kind: defaultdict(list)
                                                         for kind in ("replied_to", "mentioned", "boosted")}
    for number, activity in enumerate(document["orderedItems"], start=1):
        if not isinstance(activity, dict):
            problems.append(Problem(label, "expected an activity object; skipped", number, None, "warning"))
            continue
        post = object_at(activity, "object")
        when = utc_instant(activity.get("published")) or utc_instant(post.get("published"))
        if when is None:
            problems.append(Problem(label, f"expected a published time such as '2023-01-05T10:00:00Z', got "
                                    f"{activity.get('published')!r}; activity skipped", number, "published", "warning"))
            continue
        events.append(_event(activity, post, when, str(activity.get("id") or f"activity-{number}"), ties))
    if not events:
        raise LoadError(f"{path}: no activity with a readable published time; expected {EXPECTED}")
    owners = [e["actors"].split(";")[0] for e in events if e["actors"]]
    people = dict.fromkeys(a for e in events for a in e["actors"].split(";") if a)
    relations = [r for kind, what in (("replied_to", "reply"), ("mentioned", "mention"), ("boosted", "boost"))
                 for r in counted_ties(ties[kind], kind, what)]
    tables = Tables(pd.DataFrame(events, columns=EVENT_COLUMNS),
                    pd.DataFrame([{"id": a, "name": a, "kind": "person"} for a in people],
                                 columns=["id", "name", "kind"]),
                    pd.DataFrame(relations, columns=["id", "source", "target", "kind", "value", "valid_from",
                                                     "valid_to", "note"]),
                    f"{label} activities", f"{label} accounts", f"{label} activities")
    owner = Counter(owners).most_common(1)[0][0] if owners else ""
    title = f"{owner} · {counted(len(events), 'activity', 'activities')}" if owner else compressed.stem(path)
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=(label,)), problems)


def _event(activity: dict[str, Any], post: dict[str, Any], when: str, ident: str,
           ties: dict[str, dict[tuple[str, str], list[str]]]) -> dict[str, str]:
    """One activity as an event; the ties it makes are added to ``ties``."""
    kind = str(activity.get("type") or "Activity")
    who = account(activity.get("actor") or post.get("attributedTo"))
    text = html_text.to_text(str(post.get("content") or ""))
    boosted = activity.get("object") if isinstance(activity.get("object"), str) else ""
    replied = str(post.get("inReplyTo") or "")
    mentions = [account(tag.get("href") or tag.get("name")) for tag in objects_at(post, "tag")
                if tag.get("type") == "Mention"]
    others = [account(boosted)] if boosted else [account(replied)] if replied else []
    others = [a for a in dict.fromkeys(others + mentions) if a and a != who and a.startswith("@")]
    for other in others:
        tie = "boosted" if boosted else "replied_to" if replied and other == account(replied) else "mentioned"
        if who:
            ties[tie][(who, other)].append(when)
    category = "Reply" if kind == "Create" and replied else _KINDS.get(kind, kind)
    title = led_lines.title_of(text) if text else (f"Boosted {account(boosted)}" if boosted else category)
    files = [str(a.get("name") or a.get("url") or "") for a in objects_at(post, "attachment")]
    hashtags = [str(t.get("name") or "").lstrip("#") for t in objects_at(post, "tag") if t.get("type") == "Hashtag"]
    return {"id": ident, "start": when, "title": title, "actors": ";".join(a for a in [who, *others] if a),
            "category": category, "tags": ";".join(t for t in hashtags if t), "description": text,
            "source_url": str(post.get("url") or post.get("id") or boosted or ""),
            "attr:audience": _audience(activity), "attr:content_warning": str(post.get("summary") or ""),
            "attr:attachments": ", ".join(f for f in files if f), "attr:in_reply_to": replied}


def _audience(activity: dict[str, Any]) -> str:
    """Public, unlisted, followers only or direct, as Mastodon addresses an activity."""
    to, cc = texts_at(activity, "to"), texts_at(activity, "cc")
    if PUBLIC in to:
        return "public"
    if PUBLIC in cc:
        return "unlisted"
    return "followers only" if any(a.endswith("/followers") for a in to) else "direct"
