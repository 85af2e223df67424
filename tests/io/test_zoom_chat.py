"""A Zoom meeting's saved chat: each message an event on the elapsed clock, its sender (and a direct message's
recipient) a person. Before, the file was read as a table and refused ("no date column")."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import zoom_chat
from viewer.model import clock

NEW = ("10:02:03 From Ana Lopez to Everyone:\n\tGood morning\n10:02:45 From Ben Okafor to Everyone:\n"
       "\tHi all, sharing the agenda now\n\tand the minutes\n"
       "10:05:10 From Ana Lopez to Ben Okafor(Direct Message):\n\tCan you take notes?\n")
OLD = ("10:02:03\t From  Ana Lopez : Good morning\n10:02:45\t From  Ben Okafor  to  Everyone : Hi all\n"
       "10:03:00\t From  Ana Lopez  to  Ben Okafor(Privately) : notes?\n")
RECORDING = "00:01:12\tAna Lopez:\tGood morning\n00:01:40\tBen Okafor:\tHi all\n00:03:02\tAna Lopez:\tLet us begin\n"


def _messages(ds: viewer.Dataset) -> list[tuple[str, str, str, str]]:
    return [(clock.format_instant(e.start, "time", clock.ELAPSED), e.actors, e.title, e.category)
            for e in ds.events.itertuples()]


@pytest.mark.parametrize(("text", "expected"), [
    (NEW, [("10:02:03", "Ana Lopez", "Good morning", "message"),
           ("10:02:45", "Ben Okafor", "Hi all, sharing the agenda now", "message"),
           ("10:05:10", "Ana Lopez;Ben Okafor", "Can you take notes?", "direct message")]),
    (OLD, [("10:02:03", "Ana Lopez", "Good morning", "message"), ("10:02:45", "Ben Okafor", "Hi all", "message"),
           ("10:03", "Ana Lopez;Ben Okafor", "notes?", "direct message")]),
    (RECORDING, [("0:01:12", "Ana Lopez", "Good morning", "message"), ("0:01:40", "Ben Okafor", "Hi all", "message"),
                 ("0:03:02", "Ana Lopez", "Let us begin", "message")]),
])
def test_each_message_is_an_event_with_its_people(tmp_path: Path, text: str, expected: list[tuple[str, ...]]) -> None:
    path = tmp_path / "meeting_saved_chat.txt"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.meta.clock == clock.ELAPSED and _messages(ds) == expected
    assert set(ds.entities["kind"]) == {"person"} and not ds.problems


def test_a_messages_further_lines_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text(NEW, encoding="utf-8")
    assert viewer.load(path).events["description"].iloc[1] == "Hi all, sharing the agenda now\nand the minutes"


def test_a_chat_past_midnight_goes_on_into_the_next_day(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("23:59:10 From Ana to Everyone:\n\tlate\n00:00:40 From Ben to Everyone:\n\tpast midnight\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert [m[0] for m in _messages(ds)] == ["23:59:10", "24:00:40"]
    assert any("past midnight 1 time" in p.message for p in ds.problems)


@pytest.mark.parametrize(("head", "chat"), [(NEW, True), (OLD, True), (RECORDING, True),
                                            ("time,event\n09:00,a\n", False), ("10:02:03 INFO started\n", False),
                                            ("04/03/2019, 10:00 - Ana: Hello\n", False)])
def test_a_chat_is_known_by_its_first_lines(head: str, chat: bool) -> None:
    assert zoom_chat.looks_like(head.encode()) is chat


def test_a_message_whose_time_cannot_be_read_is_said_by_its_line(tmp_path: Path) -> None:
    path = tmp_path / "chat.txt"
    path.write_text("10:02:03 From Ana to Everyone:\n\thello\n99:99:99 From Ben to Everyone:\n\tgarbled\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["hello"]
    assert [(p.row, p.field, p.level) for p in ds.problems] == [(3, "time", "warning")]
    assert "got '99:99:99'; message skipped" in ds.problems[0].message
