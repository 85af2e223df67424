"""Tables as the tools people keep their calendars, tickets and notes in export them:

- Outlook's calendar CSV writes Start Date, Start Time, End Date, End Time: the end time was an attribute, every
  end fell at midnight before its start and was dropped with a warning per row;
- Jira's CSV writes Created, Updated, Resolved: the start was Updated (the last change), not Created;
- Notion writes a span in one cell with an arrow ("November 19, 2018 → February 6, 2023"), and a meeting's end as
  a time alone ("9:30 AM → 10:45 AM"): both were unread and their rows skipped.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer
from viewer.io.table_mapping import guess_mapping

OUTLOOK = ("Subject,Start Date,Start Time,End Date,End Time,All day event,Location\n"
           "Board meeting,11/19/2018,9:30:00 AM,11/19/2018,11:00:00 AM,False,Yokohama\n"
           "Summit,2/6/2023,8:30:00 AM,2/6/2023,5:00:00 PM,False,London\n")
# Outlook writes an all-day event midnight to midnight: the holiday is 24-25 December, the off-site one day
OUTLOOK_ALL_DAY = ("Subject,Start Date,Start Time,End Date,End Time,All day event,Location\n"
                   "Board meeting,11/19/2018,9:30:00 AM,11/19/2018,11:00:00 AM,False,Yokohama\n"
                   "Holiday,12/24/2018,12:00:00 AM,12/26/2018,12:00:00 AM,True,\n"
                   "Off-site,3/14/2019,12:00:00 AM,3/15/2019,12:00:00 AM,True,Paris\n"
                   "Summit,2/6/2023,8:30:00 AM,2/6/2023,5:00:00 PM,False,London\n")
JIRA = ("Summary,Issue key,Status,Created,Updated,Resolved\n"
        "Fix login,PROJ-1,Done,19/Nov/18 9:30 AM,20/Nov/18 10:00 AM,20/Nov/18 10:00 AM\n"
        "Add export,PROJ-2,Open,06/Feb/23 4:15 PM,06/Feb/23 4:20 PM,\n")
NOTION = ('Name,Date,Tags\nArrest,"November 19, 2018",legal\nAffair,"November 19, 2018 → February 6, 2023",legal\n'
          'Call,"November 20, 2018 9:30 AM → 10:45 AM",board\nSketch,"March 1, 2019 -> March 3, 2019",draft\n')


def _written(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _spans(ds: viewer.Dataset) -> dict[str, tuple[str, str]]:
    return {row.title: (row.start.isoformat(), "" if pd.isna(row.end) else row.end.isoformat())
            for row in ds.events.itertuples()}


def test_outlooks_end_date_and_end_time_make_the_end(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, "calendar.csv", OUTLOOK))
    assert _spans(ds) == {"Board meeting": ("2018-11-19T09:30:00+00:00", "2018-11-19T11:00:00+00:00"),
                          "Summit": ("2023-02-06T08:30:00+00:00", "2023-02-06T17:00:00+00:00")}
    assert not [p for p in ds.problems if p.level != "info"]
    assert "attr:End Time" not in ds.events and ds.events["attr:Location"].tolist() == ["Yokohama", "London"]


def test_an_end_time_is_taken_only_beside_a_start_time_and_an_end_of_dates() -> None:
    assert guess_mapping(["Subject", "Start Date", "Start Time", "End Date", "End Time"]).end_time == "End Time"
    assert guess_mapping(["title", "start", "end", "End Time"]).end_time is None  # no time of day for the start
    assert guess_mapping(["title", "date", "time", "end_time"]).end == "end_time"  # a column of end times alone


def test_outlooks_all_day_events_are_whole_days(tmp_path: Path) -> None:
    """Before, the holiday was two days of times from midnight to midnight (24 December 00:00 to 26 December 00:00)."""
    ds = viewer.load(_written(tmp_path, "calendar.csv", OUTLOOK_ALL_DAY))
    events = ds.events.set_index("title")
    assert _spans(ds) == {"Board meeting": ("2018-11-19T09:30:00+00:00", "2018-11-19T11:00:00+00:00"),
                          "Holiday": ("2018-12-24T00:00:00+00:00", "2018-12-25T00:00:00+00:00"),
                          "Off-site": ("2019-03-14T00:00:00+00:00", "2019-03-14T00:00:00+00:00"),
                          "Summit": ("2023-02-06T08:30:00+00:00", "2023-02-06T17:00:00+00:00")}
    assert events["precision"].tolist() == ["time", "day", "day", "time"]
    assert events["end_precision"].tolist() == ["time", "day", "day", "time"]
    assert events.loc["Holiday", "span_end"].isoformat() == "2018-12-26T00:00:00+00:00"  # the 25th, whole
    said = [p for p in ds.problems if "all-day" in p.message]
    assert [(p.message, p.level, p.field) for p in said] == [(
        "2 all-day events ('All day event') written to end at the midnight after its last day: read as ending on "
        "that last day", "info", "All day event")]
    assert events["attr:All day event"].tolist() == ["False", "True", "True", "False"]  # the column itself is kept


def test_an_all_day_end_written_as_a_date_is_its_last_day(tmp_path: Path) -> None:
    """Google Calendar's import format writes the last day, without times; a flag in words or a tick; an all-day
    event of no length stays on its day (not moved before its start)."""
    text = ("Subject,Start Date,End Date,All Day Event\nRetreat,2019-05-01,2019-05-03,TRUE\nCall,2019-05-04,,x\n"
            "Launch,2019-05-06T10:00,2019-05-06T12:00,no\n")
    ds = viewer.load(_written(tmp_path, "google.csv", text))
    assert _spans(ds) == {"Retreat": ("2019-05-01T00:00:00+00:00", "2019-05-03T00:00:00+00:00"),
                          "Call": ("2019-05-04T00:00:00+00:00", ""),
                          "Launch": ("2019-05-06T10:00:00+00:00", "2019-05-06T12:00:00+00:00")}
    nothing = "Subject,Start,End,is_all_day\nNap,2019-05-04T00:00:00,2019-05-04T00:00:00,Wahr\n"
    ds = viewer.load(_written(tmp_path, "nap.csv", nothing))
    assert _spans(ds) == {"Nap": ("2019-05-04T00:00:00+00:00", "2019-05-04T00:00:00+00:00")}
    assert not [p for p in ds.problems if p.level != "info"]


def test_the_all_day_flag_is_guessed_beside_a_start() -> None:
    assert guess_mapping(["Subject", "Start Date", "Start Time", "All day event"]).all_day == "All day event"
    assert guess_mapping(["summary", "start", "end", "is_all_day"]).all_day == "is_all_day"
    assert guess_mapping(["Subject", "All Day Event"]).all_day is None  # no start to make whole


def test_jiras_created_is_the_start_and_resolved_the_end(tmp_path: Path) -> None:
    mapping = guess_mapping(["Summary", "Issue key", "Status", "Created", "Updated", "Resolved"])
    assert (mapping.start, mapping.end, mapping.title) == ("Created", "Resolved", "Summary")
    ds = viewer.load(_written(tmp_path, "jira.csv", JIRA))
    assert _spans(ds) == {"Fix login": ("2018-11-19T09:30:00+00:00", "2018-11-20T10:00:00+00:00"),
                          "Add export": ("2023-02-06T16:15:00+00:00", "")}
    assert ds.events["attr:Updated"].notna().all()  # kept, as a date of each ticket


def test_notions_arrow_spans_and_an_end_written_as_a_time_alone(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, "notion.csv", NOTION))
    assert _spans(ds) == {"Arrest": ("2018-11-19T00:00:00+00:00", ""),
                          "Affair": ("2018-11-19T00:00:00+00:00", "2023-02-06T00:00:00+00:00"),
                          "Call": ("2018-11-20T09:30:00+00:00", "2018-11-20T10:45:00+00:00"),
                          "Sketch": ("2019-03-01T00:00:00+00:00", "2019-03-03T00:00:00+00:00")}
    assert not [p for p in ds.problems if p.level == "error"]


def test_a_saved_mapping_keeps_the_end_time(tmp_path: Path) -> None:
    from viewer.io.import_spec import read_spec, write_spec
    from viewer.io.spec_suggest import suggest_spec
    spec = suggest_spec(_written(tmp_path, "calendar.csv", OUTLOOK))
    assert (spec.end_time, spec.all_day) == ("End Time", "All day event")
    write_spec(spec, tmp_path / "calendar.mapping.json")
    again = read_spec(tmp_path / "calendar.mapping.json")
    assert (again.end_time, again.all_day) == ("End Time", "All day event")
    ds = viewer.load(tmp_path / "calendar.csv", mapping=again)
    assert ds.events["end"].iloc[0].hour == 11


def test_a_notion_meetings_end_time_alone_is_in_the_zone_its_start_names(tmp_path: Path) -> None:
    """Notion writes a zone after the start's time only ("2:00 PM (GMT+2) → 4:00 PM"): the end was read in UTC, so a
    two-hour meeting lasted four; and one past midnight in New York ended before it started and lost its end."""
    ds = viewer.load(_written(tmp_path, "notion.csv", 'Name,Date\nRetro,"May 1, 2023 2:00 PM (GMT+2) → 4:00 PM"\n'
                                                      'Late,"May 1, 2023 11:00 PM (EST) → 1:00 AM"\n'
                                                      'Both,"May 1, 2023 2:00 PM (GMT+2) → 4:00 PM (GMT+2)"\n'
                                                      'Iso,"2019-03-04T09:00+01:00 – 10:30"\n'))
    assert _spans(ds) == {"Retro": ("2023-05-01T12:00:00+00:00", "2023-05-01T14:00:00+00:00"),
                          "Late": ("2023-05-02T04:00:00+00:00", "2023-05-02T06:00:00+00:00"),
                          "Both": ("2023-05-01T12:00:00+00:00", "2023-05-01T14:00:00+00:00"),
                          "Iso": ("2019-03-04T08:00:00+00:00", "2019-03-04T09:30:00+00:00")}
    assert not [p for p in ds.problems if p.level != "info"]


def test_airtables_dates_typed_in_two_forms_with_a_12_hour_clock_all_read(tmp_path: Path) -> None:
    """Airtable keeps a date as it was typed: "2019-01-02 1:45pm" beside "2/1/2019 5:30pm". The year-first ones
    were read in the order the slashed one voted for ("2019" a day above 12: day-first), and their rows skipped."""
    ds = viewer.load(_written(tmp_path, "airtable.csv", "Name,Start\nKickoff,2019-01-02 1:45pm\n"
                                                        "Review,2019-01-09 10:00am\nLaunch,2/1/2019 5:30pm\n"))
    assert _spans(ds) == {"Kickoff": ("2019-01-02T13:45:00+00:00", ""), "Review": ("2019-01-09T10:00:00+00:00", ""),
                          "Launch": ("2019-02-01T17:30:00+00:00", "")}
    assert not [p for p in ds.problems if p.level == "error"]
