"""A Discord channel exported by DiscordChatExporter as JSON (the way researchers archive a server) opens as its
messages, with who replied to and mentioned whom. It was read as a table of records: the author an object shown as
JSON, replies and mentions lost."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import viewer
from viewer.io import discord
from viewer.model.graph import graph_at, mostly_people
from viewer.model.problems import LoadError


def _author(n: int, name: str, nickname: str, bot: bool = False) -> dict[str, Any]:
    return {"id": str(1000 + n), "name": name, "discriminator": "0000", "nickname": nickname, "color": None,
            "isBot": bot, "roles": [], "avatarUrl": "https://cdn.discordapp.com/embed/avatars/0.png"}


ANA, BEN, CLEO, BOT = (_author(1, "ana", "Ana Lima"), _author(2, "ben", "Ben Okafor"), _author(3, "cleo", "Cleo Diaz"),
                       _author(9, "carl-bot", "Carl-bot", True))


def _message(n: int, when: str, author: dict[str, Any], content: str, kind: str = "Default",
             **more: Any) -> dict[str, Any]:
    return {"id": str(5000 + n), "type": kind, "timestamp": when, "timestampEdited": None, "callEndedTimestamp": None,
            "isPinned": False, "content": content, "author": author, "attachments": [], "embeds": [], "stickers": [],
            "reactions": [], "mentions": [], **more}


EXPORT = {
    "guild": {"id": "77", "name": "Open Source Investigations", "iconUrl": ""},
    "channel": {"id": "88", "type": "GuildTextChat", "categoryId": "1", "category": "Research", "name": "leads",
                "topic": "Tips and leads"},
    "dateRange": {"after": None, "before": None}, "exportedAt": "2023-05-01T12:00:00.000+00:00",
    "messages": [
        _message(1, "2023-03-04T10:00:00.123+01:00", ANA, "Has anyone looked at the shipping records? <@1002>",
                 mentions=[BEN], reactions=[{"emoji": {"id": "", "name": "👀", "code": "eyes", "isAnimated": False,
                                                       "imageUrl": ""}, "count": 2, "users": []}]),
        _message(2, "2023-03-04T10:05:00+01:00", BEN, "Yes, attached.\nSecond line", "Reply",
                 reference={"messageId": "5001", "channelId": "88", "guildId": "77"},
                 attachments=[{"id": "1", "url": "https://cdn.discordapp.com/a/records.csv", "fileName": "records.csv",
                               "fileSizeBytes": 1200}], timestampEdited="2023-03-04T10:06:00+01:00"),
        _message(3, "2023-03-04T11:00:00+01:00", CLEO, "Joined the server.", "GuildMemberJoin"),
        _message(4, "2023-03-05T09:00:00+01:00", BOT, "Reminder: meeting at 10 @Ana Lima", isPinned=True,
                 mentions=[ANA]),
        _message(5, "not a time", ANA, "broken"),
        _message(6, "2023-03-05T09:30:00+01:00", CLEO, "", attachments=[{"id": "2", "url": "https://x/map.png",
                                                                         "fileName": "map.png", "fileSizeBytes": 9}]),
    ], "messageCount": 6}


def write_export(path: Path) -> Path:
    path.write_text(json.dumps(EXPORT, ensure_ascii=False), encoding="utf-8")
    return path


def test_a_channel_export_opens_as_messages_with_their_people(tmp_path: Path) -> None:
    ds = viewer.load(write_export(tmp_path / "Open Source Investigations - Research - leads [88].json"))
    assert ds.meta.title == "Open Source Investigations · Research · #leads"
    events = ds.events
    assert len(events) == 5
    first = events.iloc[0]
    assert first["title"] == "Has anyone looked at the shipping records? @Ben Okafor"  # a raw mention named
    assert str(first["start"]) == "2023-03-04 09:00:00.123000+00:00"  # its offset applied, to the millisecond
    assert first["actors"] == "1001;1002" and first["attr:reactions"] == "eyes ×2"
    reply = events.iloc[1]
    assert reply["category"] == "reply" and reply["attr:reply_to"] == first["title"]
    assert reply["description"] == "Yes, attached.\nSecond line" and reply["attr:attachments"] == "records.csv"
    assert list(events["category"]) == ["message", "reply", "guild member join", "message", "message"]
    assert events["title"].iloc[4] == "File: map.png"
    kinds = dict(zip(ds.entities["name"], ds.entities["kind"], strict=True))
    assert kinds == {"Ana Lima": "person", "Ben Okafor": "person", "Cleo Diaz": "person", "Carl-bot": "bot"}
    (said,) = ds.problems
    assert said.row == 5 and said.field == "timestamp" and "not a time" in said.message


def test_replies_and_mentions_are_dated_ties(tmp_path: Path) -> None:
    ds = viewer.load(write_export(tmp_path / "leads.json"))
    assert mostly_people(ds)
    early = {(e.source, e.target, e.kind) for e in graph_at(ds, "2023-03-04T09:02Z", include_people=True).edges}
    assert early == {("1001", "1002", "mentioned")}
    later = {(e.source, e.target, e.kind) for e in graph_at(ds, "2023-03-06", include_people=True).edges}
    assert later == {("1001", "1002", "mentioned"), ("1002", "1001", "replied_to"), ("1009", "1001", "mentioned")}


def test_what_is_no_channel_export_is_refused_or_read_as_records(tmp_path: Path) -> None:
    assert not discord.looks_like({"messages": [{"timestamp": "2023-03-04", "author": "ana"}]})
    plain = tmp_path / "messages.json"
    plain.write_text(json.dumps({"messages": [{"timestamp": "2023-03-04", "author": "ana", "text": "hi"},
                                              {"timestamp": "2023-03-05", "author": "ben", "text": "yo"}]}),
                     encoding="utf-8")
    assert len(viewer.load(plain).events) == 2  # a plain list of records, as before
    empty = tmp_path / "empty.json"
    empty.write_text(json.dumps({**EXPORT, "messages": [_message(1, "never", ANA, "x")]}), encoding="utf-8")
    with pytest.raises(LoadError, match="no message with a readable timestamp"):
        viewer.load(empty)


def test_a_folder_of_a_servers_channels_opens_together(tmp_path: Path) -> None:
    folder = tmp_path / "server"
    folder.mkdir()
    write_export(folder / "Open Source Investigations - Research - leads [88].json")
    first = json.loads(json.dumps(EXPORT))
    other = {**first, "channel": {**first["channel"], "id": "89", "name": "general"},
             "messages": [_message(20, "2023-03-06T08:00:00+00:00", CLEO, "Welcome <@1001>", mentions=[ANA]),
                          first["messages"][0]]}  # the first message again: an overlapping export
    (folder / "Open Source Investigations - Text - general [89].json").write_text(json.dumps(other), "utf-8")
    (folder / "notes.json").write_text('{"a": 1}', encoding="utf-8")  # not a channel: left alone
    cut = json.dumps(first)[:600]  # a channel cut short: said, and the others open
    (folder / "Open Source Investigations - Text - cut [90].json").write_text(cut, encoding="utf-8")
    (folder / "Open Source Investigations - Research - leads [88].json_Files").mkdir()  # the media
    ds = viewer.load(folder)
    assert len(ds.events) == 6 and ds.meta.title == "Open Source Investigations · 2 channels"
    assert list(ds.events["category"]) == ["#leads"] * 5 + ["#general"]  # a channel a lane
    assert ds.events["title"].iloc[5] == "Welcome @Ana Lima"
    assert any("1 message in more than one file" in p.message for p in ds.problems)
    (damaged,) = [p for p in ds.problems if p.file.endswith("cut [90].json")]
    assert "not readable JSON" in damaged.message and damaged.message.endswith("skipped")
    ties = {(r.source, r.target, r.kind) for r in ds.relations.itertuples()}
    assert ("1003", "1001", "mentioned") in ties and ("1002", "1001", "replied_to") in ties
    assert not discord.looks_like_folder(tmp_path / "nothing")


def test_a_channel_file_is_parsed_once(tmp_path: Path, json_parses: list[int]) -> None:
    """The loader's sniffing parses the JSON to know what it is; the reader is handed that, not the file again."""
    parsed = json_parses
    assert len(viewer.load(write_export(tmp_path / "leads.json")).events) == 5
    assert len(parsed) == 1


def test_a_deleted_accounts_message_leaves_the_channel_a_channel(tmp_path: Path) -> None:
    """``"author": null`` on one message (its account deleted) made the whole channel generic records: mentions raw,
    every message's category ``Default``, its people of kind ``unknown``."""
    export = json.loads(json.dumps(EXPORT))
    export["messages"][2]["author"] = None
    path = tmp_path / "leads [88].json"
    path.write_text(json.dumps(export), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.meta.title == "Open Source Investigations · Research · #leads"
    assert ds.events["title"].iloc[0] == "Has anyone looked at the shipping records? @Ben Okafor"
