"""A Telegram chat export (result.json) opens as its messages: text written in runs is read as text, the sender
as the actor, times from ``date_unixtime`` (the ``date`` beside it is the exporting computer's local time), and
who replied to, mentioned and forwarded whom as ties. Before, its links showed as JSON
(``["See ", {"type": "link", …}]``), no message had an actor, every row warned "times are unreadable", and then
every time was the local one taken as UTC."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pandas as pd

import viewer
from viewer.io.json_cells import cell_text
from viewer.io.table_mapping import guess_mapping
from viewer.model.graph import mostly_people

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
    assert list(events["title"]) == ["create group Project group", "Hello Ben", "See https://example.org please"]
    assert list(events["actors"].astype(str)) == ["user1", "user1", "user2"]  # the service message's actor by name
    assert dict(zip(ds.entities["id"], ds.entities["name"], strict=True)) == {
        "user1": "Ana", "user2": "Ben", "chat123456": "Project group"}  # a group is an entity
    assert list(events["category"]) == ["service", "message", "message"]
    assert events["attr:reply_to"].iloc[2] == "Hello Ben"
    assert not ds.problems


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


def _message(n: int, unix: int | None, sender: tuple[str, str], text: object, **more: object) -> dict[str, object]:
    """A message as Telegram Desktop writes it, its ``date`` in the exporting computer's time (UTC+1 here)."""
    local = ("2019-03-04T12:00:00" if unix is None else
             dt.datetime.fromtimestamp(unix, dt.timezone(dt.timedelta(hours=1))).strftime("%Y-%m-%dT%H:%M:%S"))
    found = {"id": n, "type": "message", "date": local, "from": sender[0], "from_id": sender[1], "text": text, **more}
    if unix is not None:
        found["date_unixtime"] = str(unix)
    return found


ANA, BEN, NEWS = ("Ana", "user1"), ("Ben", "user2"), ("Daily Leaks", "channel9")
ACCOUNT = {"about": "Here is the data you requested.", "chats": {"about": "This page lists all chats.", "list": [
    {"name": "Ben", "type": "personal_chat", "id": 2, "messages": [
        _message(1, 1551693600, ANA, ["Hi ", {"type": "mention_name", "text": "Ben", "user_id": 2}]),
        _message(2, 1551693660, BEN, "Look at this", forwarded_from="Daily Leaks", photo="photos/a.jpg")]},
    {"name": "Daily Leaks", "type": "public_channel", "id": 9, "messages": [
        _message(1, 1551697200, NEWS, "Documents published", reactions=[{"type": "emoji", "count": 3,
                                                                         "emoji": "👍"}]),
        _message(2, None, NEWS, "Follow-up")]}]}}


def test_an_account_export_opens_every_chat_with_its_ties(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(ACCOUNT), encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events
    assert list(events["category"]) == ["Ben", "Ben", "Daily Leaks", "Daily Leaks"]  # a chat a lane
    assert str(events["start"].iloc[0]) == "2019-03-04 10:00:00+00:00"  # the Unix time, not the local 11:00
    assert str(events["start"].iloc[3]) == "2019-03-04 12:00:00+00:00"  # no Unix time: the local date, said
    assert any("1 message without date_unixtime" in p.message for p in ds.problems)
    kinds = dict(zip(ds.entities["id"], ds.entities["kind"], strict=True))
    assert kinds == {"user1": "person", "user2": "person", "channel9": "channel"}
    ties = {(r.source, r.target, r.kind) for r in ds.relations.itertuples()}
    assert ties == {("user1", "user2", "mentioned"), ("user2", "channel9", "forwarded_from")}
    assert events["attr:reactions"].iloc[2] == "👍 ×3" and events["attr:media"].iloc[1] == "photos/a.jpg"


def _service(n: int, unix: int, actor: tuple[str, str], action: str, **more: object) -> dict[str, object]:
    return {"id": n, "type": "service", "date": "", "date_unixtime": str(unix), "actor": actor[0],
            "actor_id": actor[1], "action": action, "text": "", **more}


GROUP = {"name": "Research desk", "type": "private_supergroup", "id": 42, "messages": [
    _service(1, 1551693600, ANA, "create_group", title="Research desk", members=["Ben"]),
    _service(2, 1551780000, ANA, "invite_members", members=["Cleo"]),
    _message(3, 1551780060, BEN, "Welcome Cleo"),
    _service(4, 1551866400, ANA, "remove_members", members=["Ben"]),
    _service(5, 1551870000, ("Dev", "user4"), "join_group_by_link", inviter="Ana")]}


def test_a_groups_members_are_ties_from_joining_to_leaving(tmp_path: Path) -> None:
    path = tmp_path / "result.json"
    path.write_text(json.dumps(GROUP), encoding="utf-8")
    ds = viewer.load(path)
    stays = {(r.source, str(r.valid_from)[:10], "" if pd.isna(r.valid_to) else str(r.valid_to)[:10])
             for r in ds.relations.itertuples() if r.kind == "member_of" and r.target == "chat42"}
    assert stays == {("user1", "2019-03-04", ""), ("user2", "2019-03-04", "2019-03-06"), ("Cleo", "2019-03-05", ""),
                     ("user4", "2019-03-06", "")}
    assert mostly_people(ds)
    assert list(ds.events["title"])[:2] == ["create group Research desk Ben", "invite members Cleo"]


def test_one_message_without_a_date_leaves_the_chat_a_chat(tmp_path: Path) -> None:
    """A message with no date (a damaged export) made the whole chat generic records, its senders by name only."""
    document = json.loads(json.dumps(EXPORT))
    document["messages"] += [{"id": 9 + n, "type": "message", "date_unixtime": "1551694100", "from": "Ben",
                              "from_id": "user2", "text": f"later {n}"} for n in range(1)] + [
        {"id": 20 + n, "type": "message", "date": f"2019-03-04T11:0{n}:00", "date_unixtime": str(1551697200 + 60 * n),
         "from": "Ana", "from_id": "user1", "text": f"more {n}"} for n in range(3)]
    path = tmp_path / "result.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.meta.title == "Project group" and "chat123456" in set(ds.entities["id"])
    assert list(ds.events["actors"].astype(str))[:3] == ["user1", "user1", "user2"]
