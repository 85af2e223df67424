"""Google Maps' Timeline as a phone exports it since 2024 (Android's Timeline.json, the iPhone's
location-history.json): each segment was a row titled "row1", "row2" …, its visit or activity raw JSON. Visits and
activities are now events by what they are, and a path's raw points are left out, said once."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import google_timeline

ANDROID = {"semanticSegments": [
    {"startTime": "2024-01-01T10:00:00.000+01:00", "endTime": "2024-01-01T12:00:00.000+01:00",
     "visit": {"topCandidate": {"placeId": "ChIJ1", "semanticType": "INFERRED_HOME",
                                "placeLocation": {"latLng": "48.8566°, 2.3522°"}}}},
    {"startTime": "2024-01-01T12:00:00.000+01:00", "endTime": "2024-01-01T12:30:00.000+01:00",
     "activity": {"start": {"latLng": "48.8566°, 2.3522°"}, "end": {"latLng": "48.86°, 2.36°"},
                  "distanceMeters": 1500.0, "topCandidate": {"type": "IN_PASSENGER_VEHICLE"}}},
    {"startTime": "2024-01-01T12:00:00.000+01:00", "endTime": "2024-01-01T14:00:00.000+01:00",
     "timelinePath": [{"point": "48.8566°, 2.3522°", "time": "2024-01-01T12:05:00.000+01:00"}]},
    {"startTime": "", "endTime": "", "visit": {"topCandidate": {"semanticType": "UNKNOWN"}}}],
    "rawSignals": [], "userLocationProfile": {}}
IPHONE = [{"endTime": "2024-01-01T12:00:00.000+01:00", "startTime": "2024-01-01T10:00:00.000+01:00",
           "visit": {"topCandidate": {"semanticType": "Home", "placeID": "ChIJ1", "placeLocation": "geo:48.85,2.35"}}},
          {"endTime": "2024-01-01T12:30:00.000+01:00", "startTime": "2024-01-01T12:00:00.000+01:00",
           "activity": {"topCandidate": {"type": "walking"}, "distanceMeters": "80.0", "start": "geo:48.85,2.35",
                        "end": "geo:48.86,2.36"}}]


@pytest.mark.parametrize("name, document, titles", [
    ("Timeline.json", ANDROID, ["Visit: inferred home", "In passenger vehicle, 1.5 km"]),
    ("location-history.json", IPHONE, ["Visit: home", "Walking, 80 m"]),
])
def test_a_timeline_export_opens_as_visits_and_activities(tmp_path: Path, name: str, document: object,
                                                          titles: list[str]) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(document), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == titles
    assert ds.events["category"].tolist() == ["visit", "activity"]
    first = ds.events.iloc[0]
    assert (first["start"], first["end"]) == (pd.Timestamp("2024-01-01 09:00", tz="UTC"),
                                              pd.Timestamp("2024-01-01 11:00", tz="UTC"))


def test_a_path_is_said_once_and_a_segment_without_a_time_by_its_place(tmp_path: Path) -> None:
    path = tmp_path / "Timeline.json"
    path.write_text(json.dumps(ANDROID), encoding="utf-8")
    said = [(p.row, p.field, p.level) for p in viewer.load(path).problems]
    assert (None, "timelinePath", "info") in said
    assert any(row == 4 for row, _field, level in said if level == "error")  # (the segment without a time)


def test_other_json_is_not_taken_for_a_timeline() -> None:
    assert not google_timeline.looks_like([{"startTime": "2024-01-01", "endTime": "2024-01-02", "title": "x"}])
    assert not google_timeline.looks_like({"timelineObjects": [{"placeVisit": {}}]})  # (the older export's)


def test_a_visit_going_on_at_the_export_leaves_the_timeline_a_timeline(tmp_path: Path) -> None:
    """The last visit, still going on when the phone exported, has no endTime: every segment became "row1" …"""
    document = json.loads(json.dumps(IPHONE))
    del document[1]["endTime"]
    path = tmp_path / "location-history.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Visit: home", "Walking, 80 m"]
    assert pd.isna(ds.events["end"].iloc[1])
