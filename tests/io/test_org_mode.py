"""Org mode outlines: each heading with a timestamp is an event, dated by its own words, its planning line or its
text, with its tags, keyword, parent heading and notes (the file was refused as a table with no date column)."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

NOTES = """#+TITLE: Alliance notes
#+STARTUP: overview
* Legal
** DONE Arrest of Carlos Ghosn                                    :legal:japan:
   CLOSED: [2018-11-20 Tue 09:00]
   <2018-11-19 Mon>
   Detained at Haneda.
   :PROPERTIES:
   :SOURCE: nikkei
   :END:
** Escape <2019-12-29 Sun 22:00>
* Governance
** TODO [#A] Board meeting
   SCHEDULED: <2019-03-12 Tue 10:00-11:30>
   Notes of the meeting.
** Talks
   <2020-03-01 Sun>--<2020-03-04 Wed>
** Written down later
   [2021-05-27 Thu 18:00] a note's stamp
** Undated idea
   Nothing here.
"""


def test_an_outline_s_dated_headings_are_events(tmp_path: Path) -> None:
    path = tmp_path / "notes.org"
    path.write_text(NOTES, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.meta.title == "Alliance notes"
    events = ds.events.set_index("title")
    assert list(events.index) == ["Arrest of Carlos Ghosn", "Board meeting", "Escape", "Talks", "Written down later"]
    arrest, board, escape, talks, note = (events.loc[t] for t in events.index)
    # an active stamp in the text before the CLOSED one; the planning line's SCHEDULED with its time range
    assert str(arrest["start"]) == "2018-11-19 00:00:00+00:00" and arrest["precision"] == "day"
    assert (str(board["start"]), str(board["end"])) == ("2019-03-12 10:00:00+00:00", "2019-03-12 11:30:00+00:00")
    assert str(escape["start"]) == "2019-12-29 22:00:00+00:00"  # (in the heading, and out of its title)
    assert str(talks["end"]) == "2020-03-04 00:00:00+00:00"
    assert str(note["start"]) == "2021-05-27 18:00:00+00:00"  # an inactive stamp when there is no other
    assert (arrest["tags"], arrest["category"], arrest["attr:status"]) == ("legal;japan", "Legal", "DONE")
    assert arrest["description"] == "Detained at Haneda."  # (its drawer and its date's line left out)
    assert board["attr:status"] == "TODO" and board["category"] == "Governance"
    assert sorted(ds.events["row"]) == [4, 11, 13, 16, 18]
    said = [p.message for p in ds.problems]
    assert "read the 5 headings with a timestamp; 3 headings without one not read" in said


def test_an_outline_with_no_timestamp_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "ideas.org"
    path.write_text("* One idea\n* Another\n  text\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"ideas\.org: 2 headings and none with a timestamp"):
        viewer.load(path)


def test_a_time_range_past_midnight_and_a_bad_day(tmp_path: Path) -> None:
    path = tmp_path / "late.org"
    path.write_text("* Late call <2019-03-05 Tue 23:00-01:00>\n* No such day <2019-02-30 Sat>\n", encoding="utf-8")
    ds = viewer.load(path)
    (late,) = ds.events.itertuples()
    assert (str(late.start), str(late.end)) == ("2019-03-05 23:00:00+00:00", "2019-03-06 01:00:00+00:00")
    assert any(p.row == 2 and "2019-02-30" in p.message for p in ds.problems)
    path.write_bytes(b"\x00\x01binary")
    with pytest.raises(LoadError, match=r"no heading \(a line starting with \*\)"):
        viewer.load(path)
