"""JSON records whose dates sit one level further in: Google's Semantic Location History (each record wrapped in
a member naming its kind, its times in ``duration``), a Bluesky repository's records (``value.createdAt``) and a
wiki page's edit history as MediaWiki's API answers it (``query.pages.<id>.revisions``). Each was refused as
"JSON that Entente does not recognise"."""

from __future__ import annotations

import json
from pathlib import Path

import viewer

LOCATION_HISTORY = {"timelineObjects": [
    {"activitySegment": {
        "startLocation": {"latitudeE7": 525200000, "longitudeE7": 134050000},
        "endLocation": {"latitudeE7": 525163000, "longitudeE7": 133777000},
        "duration": {"startTimestamp": "2023-01-05T08:00:00.000Z", "endTimestamp": "2023-01-05T08:25:31.412Z"},
        "distance": 3200, "activityType": "IN_BUS", "confidence": "HIGH"}},
    {"placeVisit": {
        "location": {"latitudeE7": 525163000, "longitudeE7": 133777000, "placeId": "ChIJAVkDPzdOqEcRcDteW0YgIQQ",
                     "address": "Pariser Platz, 10117 Berlin, Germany", "name": "Brandenburg Gate"},
        "duration": {"startTimestamp": "2023-01-05T08:25:31.412Z", "endTimestamp": "2023-01-05T10:02:00.000Z"},
        "placeConfidence": "HIGH_CONFIDENCE"}},
    {"placeVisit": {
        "location": {"latitudeE7": 525075000, "longitudeE7": 133922000, "name": "Checkpoint Charlie",
                     "address": "Friedrichstraße 43-45, 10117 Berlin, Germany"},
        "duration": {"startTimestamp": "2023-01-05T11:00:00Z", "endTimestamp": "2023-01-05T11:40:00Z"}}},
]}

BLUESKY = {"records": [
    {"uri": "at://did:plc:abc123/app.bsky.feed.post/3jui7kd54zh2y", "cid": "bafyreib2rxk3rh6kzwq",
     "value": {"text": "Hearing starts at 10 today", "$type": "app.bsky.feed.post", "langs": ["en"],
               "createdAt": "2023-05-01T09:12:33.456Z"}},
    {"uri": "at://did:plc:abc123/app.bsky.feed.post/3jui7kd54zh2z", "cid": "bafyreib2rxk3rh6kzwr",
     "value": {"text": "Judge adjourned until Friday", "$type": "app.bsky.feed.post", "langs": ["en"],
               "createdAt": "2023-05-01T15:40:00.000Z"}},
], "cursor": "3jui7kd54zh2z"}


def _revisions(page: int, title: str, first: int) -> dict[str, object]:
    return {"pageid": page, "ns": 0, "title": title, "revisions": [
        {"revid": first + 2, "parentid": first + 1, "user": "EditorA", "timestamp": "2021-03-04T12:00:00Z",
         "size": 5230, "comment": "Added the mayor's resignation"},
        {"revid": first + 1, "parentid": first, "user": "192.0.2.7", "anon": "", "timestamp": "2021-03-04T11:55:12Z",
         "size": 5100, "comment": ""}]}


def _write(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, indent=1), encoding="utf-8")
    return path


def test_a_location_history_opens_as_its_visits_and_journeys(tmp_path: Path) -> None:
    ds = viewer.load(_write(tmp_path / "2023_JANUARY.json", LOCATION_HISTORY))
    events = ds.events
    assert list(events["category"]) == ["activitySegment", "placeVisit", "placeVisit"]
    assert list(events["title"])[1:] == ["Brandenburg Gate", "Checkpoint Charlie"]
    assert str(events["start"].iloc[0]) == "2023-01-05 08:00:00+00:00"
    assert str(events["end"].iloc[0]) == "2023-01-05 08:25:31.412000+00:00"
    assert str(events["end"].iloc[1]) == "2023-01-05 10:02:00+00:00"
    assert events["attr:address"].iloc[1] == "Pariser Platz, 10117 Berlin, Germany"
    assert events["attr:activityType"].iloc[0] == "IN_BUS"
    assert "attr:startLocation.latitudeE7" in events.columns  # (beside endLocation's: named by its object)
    assert not [p for p in ds.problems if p.level in ("warning", "error")], ds.problems


def test_a_bluesky_repositorys_posts_open_at_their_creation(tmp_path: Path) -> None:
    ds = viewer.load(_write(tmp_path / "app.bsky.feed.post.json", BLUESKY))
    assert list(ds.events["title"]) == ["Hearing starts at 10 today", "Judge adjourned until Friday"]
    assert str(ds.events["start"].iloc[1]) == "2023-05-01 15:40:00+00:00"
    assert ds.events["attr:uri"].iloc[0].startswith("at://did:plc:abc123/")


def test_a_wiki_pages_edits_open_each_by_its_editor_with_the_page_named(tmp_path: Path) -> None:
    one = {"batchcomplete": "", "continue": {"rvcontinue": "20210101000000|1000", "continue": "||"},
           "query": {"pages": {"12345": _revisions(12345, "Example Town", 1000)}}}
    ds = viewer.load(_write(tmp_path / "revisions.json", one))
    events = ds.events
    assert list(events["actors"]) == ["192.0.2.7", "EditorA"]  # in time order
    assert set(events["attr:page"]) == {"Example Town"}
    assert events["title"].iloc[1] == "Added the mayor's resignation"  # an edit by its own summary
    assert not [p for p in ds.problems if p.level in ("warning", "error")], ds.problems
    two = {"query": {"pages": [_revisions(1, "Renault", 10), _revisions(2, "Nissan", 20)]}}  # formatversion=2
    ds = viewer.load(_write(tmp_path / "two_pages.json", two))
    assert ds.event_count == 4 and sorted(set(ds.events["attr:page.pageid"].astype(int))) == [1, 2]


def test_records_with_dates_of_their_own_keep_their_objects_as_they_are(tmp_path: Path) -> None:
    records = [{"date": "2019-03-04", "title": "Summit", "location": {"name": "Paris", "lat": 48.8}},
               {"date": "2019-05-06", "title": "Audit", "location": {"name": "Tokyo", "lat": 35.7}}]
    ds = viewer.load(_write(tmp_path / "events.json", records))
    assert list(ds.events["title"]) == ["Summit", "Audit"]
    assert "Paris" in ds.events["attr:location"].iloc[0] and "attr:name" not in ds.events.columns


def test_a_dating_apps_messages_open_and_a_to_of_counts_is_no_end(tmp_path: Path) -> None:
    """Tinder's ``"to": 1`` (a match's number) was read as the end, the year 1: every message said "end is before
    start"."""
    export = {"Usage": {"app_opens": {"2021-03-04": 5, "2021-03-05": 3}},
              "Messages": [{"match_id": "Match 1", "messages": [
                  {"to": 1, "from": "You", "message": "Hi!", "sent_date": "Thu, 04 Mar 2021 20:13:07 GMT"},
                  {"to": 1, "from": "You", "message": "How are you?", "sent_date": "Fri, 05 Mar 2021 09:01:00 GMT"}]}]}
    ds = viewer.load(_write(tmp_path / "data.json", export))
    assert list(ds.events["title"]) == ["Hi!", "How are you?"] and ds.events["end"].isna().all()
    assert not [p for p in ds.problems if p.level in ("warning", "error")], ds.problems
    assert any("the column 'to' holds no dates (such as '1')" in p.message for p in ds.problems)


def test_a_clock_of_counts_keeps_its_ends(tmp_path: Path) -> None:
    path = tmp_path / "ticks.csv"
    path.write_text("step,to,title\n1,3,warm-up\n4,9,run\n", encoding="utf-8")
    ds = viewer.load(path, clock="number")
    assert ds.events["end"].notna().all()


def test_a_documents_head_is_read_as_its_whole_is() -> None:
    """What a document is, is told from its first records (the whole is brought up once, when it is read)."""
    from viewer.io.record_lists import records_of
    long_history = {"timelineObjects": LOCATION_HISTORY["timelineObjects"] * 100}
    pages = {"query": {"pages": [_revisions(n, f"Page {n}", 10 * n) for n in range(1, 120)]}}
    for document in (long_history, BLUESKY, pages):
        whole, head = records_of(document), records_of(document, 3)
        assert whole is not None and head is not None and head == whole[:len(head)] and len(head) >= min(3, len(whole))
