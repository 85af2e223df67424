"""Records whose actors are JSON objects in two fields (GitHub's issues: ``user`` and ``assignee``; a tweet: ``user``
beside its ``entities``) were read by their names only when one field held one: with two, the row's actors were the
raw JSON of each object, and entities were named '{"login": "alice", "id": 1}'; a tweet's hashtags and links were an
entity of their own. Each object is read by its name, and an object that names nothing is no actor."""

from __future__ import annotations

import json
from pathlib import Path

import viewer


def test_two_fields_of_objects_are_read_by_their_names(tmp_path: Path) -> None:
    path = tmp_path / "issues.json"
    path.write_text(json.dumps([
        {"number": 1, "title": "Crash on start", "created_at": "2020-01-01T10:00:00Z",
         "user": {"login": "alice", "id": 1}, "assignee": {"login": "bob", "id": 2}},
        {"number": 2, "title": "Typo", "created_at": "2020-01-02T10:00:00Z",
         "user": {"login": "carol", "id": 3}, "assignee": None}]), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["actors"].astype(str).tolist() == ["alice;bob", "carol"]
    assert sorted(ds.entities["name"]) == ["alice", "bob", "carol"]


def test_an_object_that_names_nothing_is_no_actor(tmp_path: Path) -> None:
    path = tmp_path / "tweets.json"
    path.write_text(json.dumps([
        {"created_at": "Wed Oct 10 20:19:24 +0000 2018", "id_str": "1", "text": "Hello",
         "user": {"id": 6253282, "name": "Twitter API", "screen_name": "TwitterAPI"},
         "entities": {"hashtags": [], "urls": [], "user_mentions": []}},
        {"created_at": "Thu Oct 11 10:00:00 +0000 2018", "id_str": "2", "text": "Second #tweet",
         "user": {"id": 783214, "name": "Twitter", "screen_name": "Twitter"},
         "entities": {"hashtags": [{"text": "tweet", "indices": [7, 13]}], "urls": [], "user_mentions": []}}]),
        encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["actors"].astype(str).tolist() == ["Twitter API", "Twitter"]
    assert not [name for name in ds.entities["name"] if "{" in name]
