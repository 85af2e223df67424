"""A Trello board's JSON export: its cards are the events. Before, its actions (the activity log) were read as the
events, each titled by the member who acted, and the cards were left out."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import viewer

BOARD = {"id": "5f1a2b3c4d5e6f7081920a0b", "name": "Alliance plan", "closed": False,
         "lists": [{"id": "L1", "name": "To do", "closed": False}, {"id": "L2", "name": "Done", "closed": False},
                   {"id": "L3", "name": "Old", "closed": True}],
         "members": [{"id": "M1", "fullName": "Ana Lima", "username": "ana"},
                     {"id": "M2", "fullName": "Ben Ito", "username": "ben"}],
         "cards": [{"id": "5f1a2b3c4d5e6f7081920a01", "name": "Draft the agreement", "desc": "First draft",
                    "idList": "L1", "idMembers": ["M1"], "labels": [{"id": "B1", "name": "legal", "color": "red"}],
                    "start": "2020-07-23T09:00:00.000Z", "due": "2020-08-01T17:00:00.000Z", "dueComplete": False,
                    "closed": False, "shortUrl": "https://trello.com/c/abc"},
                   {"id": "5f2b3c4d5e6f708192a0b1c2", "name": "Sign", "desc": "", "idList": "L2",
                    "idMembers": ["M1", "M2"], "labels": [], "start": None, "due": "2020-09-01T10:00:00.000Z",
                    "dueComplete": True, "closed": False, "shortUrl": "https://trello.com/c/def"},
                   {"id": "5f3c4d5e6f708192a0b1c2d3", "name": "Old idea", "desc": "", "idList": "L3",
                    "idMembers": [], "labels": [{"color": "green"}], "due": None, "closed": False}],
         "actions": [{"id": "A1", "type": "createCard", "date": "2020-07-20T08:00:00.000Z",
                      "data": {"card": {"id": "5f2b3c4d5e6f708192a0b1c2", "name": "Sign"}},
                      "memberCreator": {"fullName": "Ana Lima"}},
                     {"id": "A2", "type": "updateCard", "date": "2020-07-21T08:00:00.000Z",
                      "data": {"card": {"id": "5f1a2b3c4d5e6f7081920a01"}}, "memberCreator": {"fullName": "Ben Ito"}}]}


def board(tmp_path: Path) -> Path:
    path = tmp_path / "board.json"
    path.write_text(json.dumps(BOARD), encoding="utf-8")
    return path


def test_a_boards_cards_are_its_events(tmp_path: Path) -> None:
    ds = viewer.load(board(tmp_path))
    events = ds.events.set_index("title")
    assert ds.title == "Alliance plan" and list(events.index) == ["Sign", "Draft the agreement", "Old idea"]
    # a start date; else its createCard action; else the time written in its id (2020-08-18 21:51:26 UTC)
    assert events["start"].tolist() == [pd.Timestamp("2020-07-20T08:00Z"), pd.Timestamp("2020-07-23T09:00Z"),
                                        pd.Timestamp("2020-08-18T21:51:26Z")]
    assert events.loc["Sign", "end"] == pd.Timestamp("2020-09-01T10:00Z")  # its due date
    assert events["category"].astype(str).tolist() == ["Done", "To do", "Old"]
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert [sorted(names[a] for a in str(actors).split(";") if a) for actors in events["actors"]] == [
        ["Ana Lima", "Ben Ito"], ["Ana Lima"], []]
    assert set(ds.entities["kind"].astype(str)) == {"person"}
    assert events.loc["Draft the agreement", "tags"] == "legal"
    assert events.loc["Draft the agreement", "source_url"] == "https://trello.com/c/abc"
    assert events["attr:archived"].astype(str).tolist() == ["no", "no", "yes"]  # (its list is archived)
    assert events["attr:done"].astype(object).where(events["attr:done"].notna(), "").tolist() == ["yes", "no", ""]
    said = " ".join(p.message for p in ds.problems)
    assert "read the board's 3 cards as events (its 2 actions, the activity log, are not)" in said


def test_a_board_of_undated_cards_is_refused_saying_so(tmp_path: Path) -> None:
    path = tmp_path / "board.json"
    path.write_text(json.dumps({"name": "b", "lists": [], "cards": [{"id": "x", "name": "n", "idList": "L"}]}))
    with pytest.raises(viewer.LoadError, match="a Trello board whose cards have no date"):
        viewer.load(path)
