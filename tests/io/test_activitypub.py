"""A Mastodon archive's outbox.json: it was read as records, each titled by the account's address and its audience
taken for an end ("expected a date (end ignored), got 'https://www.w3.org/ns/activitystreams#Public'"). It reads as
what the account posted, replied and boosted, with whom it replied to, mentioned and boosted as ties."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import viewer
from viewer.io import activitypub
from viewer.model.problems import LoadError

ANA = "https://mastodon.social/users/ana"
PUBLIC = "https://www.w3.org/ns/activitystreams#Public"


def _create(number: int, when: str, content: str, **post: object) -> dict[str, object]:
    status = f"{ANA}/statuses/{number}"
    return {"id": f"{status}/activity", "type": "Create", "actor": ANA, "published": when, "to": [PUBLIC],
            "cc": [f"{ANA}/followers"],
            "object": {"id": status, "type": "Note", "published": when, "url": f"https://mastodon.social/@ana/{number}",
                       "attributedTo": ANA, "content": content, "summary": None, "inReplyTo": None, "attachment": [],
                       "tag": [], **post}}


OUTBOX = {
    "@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json", "type": "OrderedCollection",
    "totalItems": 6, "orderedItems": [
        _create(1, "2023-01-05T10:00:00Z", '<p>Hello <a href="https://mastodon.social/tags/fediverse" class="mention '
                'hashtag">#<span>fediverse</span></a>, <span class="h-card"><a href="https://other.social/@bob">'
                '@<span>bob</span></a></span></p><p>Second paragraph</p>',
                tag=[{"type": "Hashtag", "name": "#fediverse", "href": "https://mastodon.social/tags/fediverse"},
                     {"type": "Mention", "name": "@bob@other.social", "href": "https://other.social/users/bob"}],
                attachment=[{"type": "Document", "mediaType": "image/png", "url": "https://files/pic.png",
                             "name": "A cat"}]),
        _create(2, "2023-01-05T11:30:00+01:00", "<p>Agreed!</p>",
                inReplyTo="https://other.social/users/bob/statuses/77", summary="politics"),
        {"id": f"{ANA}/statuses/3/activity", "type": "Announce", "actor": ANA, "published": "2023-01-06T09:00:00Z",
         "to": [PUBLIC], "cc": [], "object": "https://other.social/users/bob/statuses/80"},
        {"id": f"{ANA}/statuses/4/activity", "type": "Announce", "actor": ANA, "published": "2023-01-07T09:00:00Z",
         "to": [f"{ANA}/followers"], "cc": [], "object": "https://third.example/users/cy/statuses/5"},
        {"id": f"{ANA}/statuses/5/activity", "type": "Create", "actor": ANA, "published": "not a time",
         "object": {"content": "lost"}},
        "https://mastodon.social/users/ana/statuses/6",
    ]}


def _opened(tmp_path: Path, document: object = OUTBOX, name: str = "outbox.json") -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return viewer.load(path)


def test_an_outbox_reads_as_posts_replies_and_boosts(tmp_path: Path) -> None:
    ds = _opened(tmp_path)
    events = ds.events.set_index("id")
    post = events.loc[f"{ANA}/statuses/1/activity"]
    assert post["title"] == "Hello #fediverse, @bob" and post["category"] == "Post"
    assert post["description"] == "Hello #fediverse, @bob\n\nSecond paragraph"
    assert post["actors"] == "@ana@mastodon.social;@bob@other.social" and post["tags"] == "fediverse"
    assert post["source_url"] == "https://mastodon.social/@ana/1" and post["attr:attachments"] == "A cat"
    assert post["attr:audience"] == "public"
    reply = events.loc[f"{ANA}/statuses/2/activity"]
    assert reply["category"] == "Reply" and reply["attr:content_warning"] == "politics"
    assert str(reply["start"]) == "2023-01-05 10:30:00+00:00"  # (its offset read)
    boost = events.loc[f"{ANA}/statuses/4/activity"]
    assert boost["title"] == "Boosted @cy@third.example" and boost["category"] == "Boost"
    assert boost["attr:audience"] == "followers only"
    ties = {(r.source, r.target, r.kind): r.value for r in ds.relations.itertuples()}
    assert ties == {("@ana@mastodon.social", "@bob@other.social", "mentioned"): 1,
                    ("@ana@mastodon.social", "@bob@other.social", "replied_to"): 1,
                    ("@ana@mastodon.social", "@bob@other.social", "boosted"): 1,
                    ("@ana@mastodon.social", "@cy@third.example", "boosted"): 1}
    assert ds.meta.title == "@ana@mastodon.social · 4 activities"
    said = {(p.row, p.message) for p in ds.problems}
    assert (5, "expected a published time such as '2023-01-05T10:00:00Z', got 'not a time'; activity skipped") in said
    assert (6, "expected an activity object; skipped") in said


def test_an_outbox_under_another_name_is_known_by_its_content(tmp_path: Path) -> None:
    assert len(_opened(tmp_path, name="ana-archive.json").events) == 4


def test_an_outbox_with_no_readable_time_is_refused_by_name(tmp_path: Path) -> None:
    empty = {**OUTBOX, "orderedItems": [{"type": "Create", "published": "never", "object": {}}]}
    with pytest.raises(LoadError, match=r"outbox\.json: no activity with a readable published time; expected an "
                                        r"ActivityPub outbox"):
        _opened(tmp_path, empty)


def test_a_collection_of_addresses_is_not_an_outbox() -> None:
    likes = {"type": "OrderedCollection", "orderedItems": ["https://x.org/users/c/statuses/1"]}
    assert not activitypub.looks_like(likes)
