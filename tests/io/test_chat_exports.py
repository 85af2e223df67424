"""A Telegram chat export (result.json) opens as its messages: text written in runs is read as text, the sender
as the actor, and the Unix-time copy of the date is no time of day. Before, its links showed as JSON
(``["See ", {"type": "link", …}]``), no message had an actor, and every row warned "times are unreadable"."""

from __future__ import annotations

import json
from pathlib import Path

import viewer
from viewer.io.json_cells import cell_text
from viewer.io.table_mapping import guess_mapping

EXPORT = {"name": "Project group", "type": "private_group", "id": 123456, "messages": [
    {"id": 1, "type": "service", "date": "2019-03-04T10:00:00", "date_unixtime": "1551693600", "actor": "Ana",
     "action": "create_group", "title": "Project group", "text": "", "text_entities": []},
    {"id": 2, "type": "message", "date": "2019-03-04T10:05:00", "date_unixtime": "1551693900", "from": "Ana",
     "from_id": "user1", "text": "Hello Ben", "text_entities": [{"type": "plain", "text": "Hello Ben"}]},
    {"id": 3, "type": "message", "date": "2019-03-04T10:07:00", "date_unixtime": "1551694020", "from": "Ben",
     "from_id": "user2", "reply_to_message_id": 2,
     "text": ["See ", {"type": "link", "text": "https://example.org"}, " please"]},
]}


def test_a_telegram_export_opens_as_its_messages(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(EXPORT), encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events
    assert list(events["title"]) == ["Project group", "Hello Ben", "See https://example.org please"]
    assert list(events["actors"].astype(str)) == ["Ana", "Ana", "Ben"]
    assert not [p for p in ds.problems if "unreadable" in p.message]


def test_text_in_runs_is_its_text_and_other_lists_stay_json() -> None:
    assert cell_text(["a ", {"type": "bold", "text": "b"}, {"plain_text": "c"}]) == "a bc"
    assert cell_text([{"type": "bold"}, "x"]) == '[{"type": "bold"}, "x"]'
    assert cell_text(["a", "b"]) == "a;b"


def test_a_unix_time_column_is_no_time_of_day_and_a_from_column_of_dates_is_the_start(tmp_path: Path) -> None:
    assert guess_mapping(["date", "date_unixtime", "title"]).time is None
    assert guess_mapping(["date", "start_time", "title"]).time == "start_time"
    path = tmp_path / "fairs.csv"
    path.write_text("from,to,event\n2019-03-04,2019-03-05,Fair\n2019-04-01,2019-04-02,Show\n", encoding="utf-8")
    events = viewer.load(path).events
    assert [str(t.date()) for t in events["start"]] == ["2019-03-04", "2019-04-01"]
    assert [str(t.date()) for t in events["end"]] == ["2019-03-05", "2019-04-02"]
    assert set(events["actors"].astype(str)) == {""}
