"""A table with a start and how long each event lasted (a time tracker's export, a call log, schema.org events)
opens with each event's end where no end is written; before, the duration was only an attribute and every event an
instant. A duration that cannot be read is said by its row, and the event stays, without an end."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

import viewer

TRACKER = """User,Project,Description,Start date,Start time,End date,End time,Duration
Ana,Audit,Kick-off meeting,2019-03-04,09:00:00,2019-03-04,10:30:00,01:30:00
Ana,Audit,Review of filings,2019-03-04,11:00:00,,,02:15:00
Ben,Audit,Call with counsel,2019-03-05,14:00:00,,,PT45M
Ben,Audit,Site visit,2019-03-06,,,,3 days
Ben,Audit,Broken,2019-03-07,08:00:00,,,soon
Ben,Audit,Backwards,2019-03-08,08:00:00,,,-5 min
"""


def _utc(text: str) -> pd.Timestamp:
    return pd.Timestamp(text, tz="UTC")


def test_a_time_trackers_export_ends_each_entry_by_its_duration(tmp_path: Path) -> None:
    path = tmp_path / "tracker.csv"
    path.write_text(TRACKER, encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert events.loc["Kick-off meeting", "end"] == _utc("2019-03-04 10:30")  # the end written wins
    assert events.loc["Review of filings", "end"] == _utc("2019-03-04 13:15")
    assert events.loc["Call with counsel", "end"] == _utc("2019-03-05 14:45")
    assert events.loc["Site visit", "end"] == _utc("2019-03-08")  # three days: the 6th, 7th and 8th
    assert events.loc["Site visit", "end_precision"] == "day"
    assert pd.isna(events.loc["Broken", "end"]) and pd.isna(events.loc["Backwards", "end"])
    said = {(p.row, p.field, p.level): p.message for p in ds.problems}
    assert "expected a duration" in said[(6, "Duration", "warning")] and "'soon'" in said[(6, "Duration", "warning")]
    assert "negative duration" in said[(7, "Duration", "warning")]
    assert events.loc["Review of filings", "attr:Duration"] == "02:15:00"  # as written, kept
    assert events.loc["Review of filings", "actors"] == "Ana"  # the tracker's User: who did it


def test_a_call_logs_seconds_end_each_call_and_the_unit_assumed_is_said(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("timestamp,caller,callee,duration\n2019-03-04T10:00:00Z,A,B,95\n2019-03-04T11:00:00Z,B,C,3600\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["end"].tolist() == [_utc("2019-03-04 10:01:35"), _utc("2019-03-04 12:00")]
    assert any("read as seconds" in p.message and p.level == "info" for p in ds.problems)
    minutes = tmp_path / "minutes.csv"
    minutes.write_text("date,title,duration_min\n2019-03-04T10:00:00Z,Talk,90\n", encoding="utf-8")
    shown = viewer.load(minutes)
    assert shown.events["end"].tolist() == [_utc("2019-03-04 11:30")]
    assert not any("read as seconds" in p.message for p in shown.problems)


def test_schema_org_events_in_json_lines_end_by_their_iso_duration(tmp_path: Path) -> None:
    path = tmp_path / "events.jsonl"
    rows = [{"name": "Keynote", "startDate": "2019-03-04T09:00:00+01:00", "duration": "PT1H15M"},
            {"name": "Residency", "startDate": "2019-01-01T00:00:00Z", "duration": "P1M"},
            {"name": "Short month", "startDate": "2019-02-01T00:00:00Z", "duration": "P1M"}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    events = viewer.load(path).events.set_index("title")
    assert events.loc["Keynote", "end"] == _utc("2019-03-04 09:15")
    # a month on the calendar from a day (midnight reads as the day): its last day is the month's last
    assert events.loc["Residency", "end"] == _utc("2019-01-31")
    assert events.loc["Short month", "end"] == _utc("2019-02-28")


def test_a_column_named_as_a_duration_is_left_alone_when_the_mapping_says_none(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("date,title,duration,end\n2019-03-04T10:00:00Z,Talk,90,2019-03-05\n", encoding="utf-8")
    kept = viewer.load(path, duration="", end="")  # the mapping dialog's "(none)"
    assert kept.events["end"].isna().all()
    assert kept.events["attr:duration"].tolist() == [90]


def test_a_column_named_as_a_duration_holding_words_is_said_once_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("date,title,duration\n2019-03-04T10:00:00Z,a,short\n2019-03-05T10:00:00Z,b,long\n"
                    "2019-03-06T10:00:00Z,c,1:30\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["end"].isna().all()
    said = [p for p in ds.problems if p.field == "duration"]
    assert [(p.level, p.row) for p in said] == [("info", None)] and "'short'" in said[0].message


def test_a_flag_named_as_a_duration_is_an_attribute_and_nothing_is_said(tmp_path: Path) -> None:
    """SIMILE Timeline's ``durationEvent`` (and ``isDuration``) says whether an event lasts: true or false. It was
    said to be "no durations (e.g. 'False')" as if a column of durations had gone wrong."""
    path = tmp_path / "simile.json"
    path.write_text(json.dumps({"dateTimeFormat": "iso8601", "events": [
        {"start": "1999-03-27", "title": "Signed", "durationEvent": False},
        {"start": "2019-01-01", "end": "2020-06-30", "title": "Restructuring", "durationEvent": True}]}),
        encoding="utf-8")
    ds = viewer.load(path)
    assert not ds.problems
    events = ds.events.set_index("title")
    assert events.loc["Restructuring", "end"] == _utc("2020-06-30") and pd.isna(events.loc["Signed", "end"])
    assert list(events["attr:durationEvent"].astype(str).str.lower()) == ["false", "true"]
