"""XML whose records are not its largest group of like elements: a Microsoft Project plan (its calendar's week
days, an assignment's daily work), GanttProject's tasks in tasks, SEC Form 4 (its issuer), Apple Health's workouts
beside its records. The records are the dated group, read at every depth, with like groups beside them."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import xml_records
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

from .xml_plan_texts import FORM4, GAN, HEALTH, MSP, MSP_TIMEPHASED


def _opened(tmp_path: Path, name: str, text: str) -> Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return viewer.load(path)


def _by_title(ds: Dataset) -> dict[str, pd.Series]:
    return {str(row["title"]): row for _, row in ds.events.iterrows()}


def _day(value: object) -> str:
    return "" if pd.isna(value) else str(pd.Timestamp(value).date())


@pytest.mark.parametrize("text", [MSP, MSP_TIMEPHASED])
def test_a_microsoft_project_plan_opens_as_its_tasks(tmp_path: Path, text: str) -> None:
    """Before: refused for its calendar's week days, or twelve events titled "1" (an assignment's daily work)."""
    ds = _opened(tmp_path, "survey.xml", text)
    assert ds.events["title"].tolist() == ["Fieldwork", "Walk the site", "Draw plans", "Plans approved"]
    tasks = _by_title(ds)  # the project summary task (UID 0, the whole project) is left out
    assert str(tasks["Walk the site"]["start"]) == "2024-01-08 08:00:00+00:00"
    assert str(tasks["Walk the site"]["end"]) == "2024-01-09 17:00:00+00:00"
    assert str(tasks["Plans approved"]["start"]) == str(tasks["Plans approved"]["end"]) == "2024-01-12 17:00:00+00:00"
    # the work resources assigned (not the survey pegs, a material)
    assert [tasks[t]["actors"] for t in ("Fieldwork", "Walk the site", "Draw plans")] == \
        ["", "Dana Whitfield", "Omar Haddad"]
    assert {t: tasks[t]["category"] for t in tasks} == {"Fieldwork": "summary", "Walk the site": "task",
                                                       "Draw plans": "task", "Plans approved": "milestone"}
    assert tasks["Draw plans"]["attr:parent"] == "Fieldwork"
    assert tasks["Walk the site"]["description"] == ""  # (before: its Summary flag, "0", as its description)
    assert {"Dana Whitfield", "Omar Haddad"} <= set(ds.entities["name"])


def test_ganttproject_tasks_are_read_at_every_depth_and_end_after_their_working_days(tmp_path: Path) -> None:
    """Before: the three top tasks only, with no end (their duration read as seconds)."""
    ds = _opened(tmp_path, "kitchen.gan", GAN)
    tasks = _by_title(ds)
    assert list(tasks) == ["Design", "Measure up", "Choose units", "Order placed", "Fitting", "Strip old kitchen",
                           "Install units", "Worktops"]
    ends = {title: (_day(row["start"]), _day(row["end"])) for title, row in tasks.items()}
    assert ends == {"Design": ("2024-01-08", "2024-01-19"),  # ten working days: two weeks
                    "Measure up": ("2024-01-08", "2024-01-08"),
                    "Choose units": ("2024-01-09", "2024-01-19"),
                    "Order placed": ("2024-01-22", ""),  # a milestone: a point in time
                    "Fitting": ("2024-02-05", "2024-02-14"),
                    "Strip old kitchen": ("2024-02-05", "2024-02-06"),
                    "Install units": ("2024-02-07", "2024-02-14"),  # Wednesday, six working days over a weekend
                    "Worktops": ("2024-02-13", "2024-02-14")}
    assert {title: row["attr:parent"] for title, row in tasks.items() if row["attr:parent"]} == {
        "Measure up": "Design", "Choose units": "Design", "Strip old kitchen": "Fitting",
        "Install units": "Fitting", "Worktops": "Install units"}
    assert tasks["Install units"]["actors"] == "Sam (carpenter);Me"
    assert tasks["Choose units"]["description"] == "Showroom visit Saturday"  # its own notes, not its parent's
    assert tasks["Design"]["description"] == ""
    assert [tasks[t]["category"] for t in ("Design", "Measure up", "Order placed")] == ["summary", "task",
                                                                                         "milestone"]
    assert not [p for p in ds.problems if "duration" in p.message]


def test_a_form_4_opens_as_its_transactions_with_issuer_and_owner(tmp_path: Path) -> None:
    """Before: refused (its <issuer> taken for the records), or its derivative transactions dropped."""
    ds = _opened(tmp_path, "form4.xml", FORM4)
    assert [(_day(s), t) for s, t in zip(ds.events["start"], ds.events["title"], strict=True)] == [
        ("2024-02-01", "Restricted Stock Unit"), ("2024-04-01", "Common Stock")]
    assert ds.events["actors"].tolist() == ["Apple Inc.;LEVINSON ARTHUR D"] * 2
    assert ds.events["attr:issuerName"].tolist() == ["Apple Inc."] * 2
    assert ds.events["attr:rptOwnerName"].tolist() == ["LEVINSON ARTHUR D"] * 2
    assert {"Apple Inc.", "LEVINSON ARTHUR D"} <= set(ds.entities["name"])
    assert not any("Sam Whittington" in name for name in ds.entities["name"])  # who signed is no party


def test_apple_health_workouts_are_read_beside_its_records(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "export.xml", HEALTH)
    events = ds.events
    assert len(events) == 3
    workout = events[events["attr:workoutActivityType"] == "HKWorkoutActivityTypeRunning"].iloc[0]
    assert (str(workout["start"]), str(workout["end"])) == ("2023-01-05 17:00:00+00:00", "2023-01-05 17:30:30+00:00")
    assert workout["attr:duration"] == "30.5 min"  # (not 30.5 seconds)
    assert not [p for p in ds.problems if "duration" in p.message]
    said = xml_records.read_rows(tmp_path / "export.xml").said
    assert said == ["read the 2 <Record> and 1 <Workout> elements as the records; not read: 2 <ActivitySummary> "
                    "(dated too)"]


TRACK = """<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="Garmin Connect" xmlns="http://www.topografix.com/GPX/1/1">
<metadata><name>Day out</name><time>2021-03-01T08:00:00Z</time></metadata>
<wpt lat="47.6" lon="-122.3"><time>2021-03-01T07:59:00Z</time><name>Start</name></wpt>
<wpt lat="47.7" lon="-122.3"><time>2021-03-01T09:59:00Z</time><name>Cafe</name></wpt>
<trk><name>Walk</name><trkseg>
<trkpt lat="47.6" lon="-122.3"><ele>10</ele><time>2021-03-01T08:00:00Z</time></trkpt>
<trkpt lat="47.61" lon="-122.3"><ele>11</ele><time>2021-03-01T08:01:00Z</time></trkpt>
<trkpt lat="47.62" lon="-122.3"><ele>12</ele><time>2021-03-01T08:02:00Z</time></trkpt>
</trkseg><trkseg>
<trkpt lat="47.7" lon="-122.3"><ele>20</ele><time>2021-03-01T10:00:00Z</time></trkpt>
<trkpt lat="47.71" lon="-122.3"><ele>21</ele><time>2021-03-01T10:01:00Z</time></trkpt>
</trkseg></trk></gpx>
"""


def test_a_track_of_two_segments_is_read_whole_and_its_waypoints_are_said(tmp_path: Path) -> None:
    """Before: the longer segment only, and nothing said of the other or of the waypoints."""
    ds = _opened(tmp_path, "walk.gpx", TRACK)
    assert [str(s)[11:16] for s in ds.events["start"]] == ["08:00", "08:01", "08:02", "10:00", "10:01"]
    assert xml_records.read_rows(tmp_path / "walk.gpx").said == [
        "read the 5 <trkpt> elements as the records; not read: 2 <wpt> (dated too)"]


def test_waypoints_are_read_without_the_files_own_time(tmp_path: Path) -> None:
    """GPX's <metadata> (its time) beside the waypoints is no waypoint: the waypoints alone, as before."""
    ds = _opened(tmp_path, "places.gpx", TRACK[:TRACK.index("<trk>")] + "</gpx>")
    assert ds.events["title"].tolist() == ["Start", "Cafe"]


@pytest.mark.parametrize(("text", "expected"), [
    # one group of each: the dated one, not the first (the owner, refused before as "no date column")
    ('<?xml version="1.0"?><report><owner><name>Acme</name><city>Paris</city></owner><filing><kind>annual</kind>'
     "<filed>2020-03-01</filed></filing></report>", [("2020-03-01", "annual")]),
    # a transaction beside a signature, each dated and alone: the transaction, whose cells are more
    ('<?xml version="1.0"?><filing><signature><name>J. Doe</name><date>2020-03-09</date></signature><trades><trade>'
     "<security>Common</security><date>2020-03-02</date><shares>100</shares><price>9.5</price></trade></trades>"
     "</filing>", [("2020-03-02", "Common")]),
    # steps in steps, at every depth (before: the top two)
    ('<?xml version="1.0"?><plan><step title="Phase 1" date="2021-01-01"><step title="Dig" date="2021-01-02"/>'
     '<step title="Pour" date="2021-01-05"><step title="Cure" date="2021-01-06"/></step></step>'
     '<step title="Phase 2" date="2021-02-01"/></plan>',
     [("2021-01-01", "Phase 1"), ("2021-01-02", "Dig"), ("2021-01-05", "Pour"), ("2021-01-06", "Cure"),
      ("2021-02-01", "Phase 2")]),
])
def test_the_dated_group_is_the_records(tmp_path: Path, text: str, expected: list[tuple[str, str]]) -> None:
    ds = _opened(tmp_path, "doc.xml", text)
    assert [(_day(s), t) for s, t in zip(ds.events["start"], ds.events["title"], strict=True)] == expected


def test_a_list_dated_by_plain_years_still_wins_over_a_dated_note(tmp_path: Path) -> None:
    """Films by year (a column named as a date, of plain numbers) beside a one-off note with a date: the films."""
    ds = _opened(tmp_path, "films.xml", '<?xml version="1.0"?><catalog><info><created>2020-01-01</created><by>me'
                 "</by></info><films><film><title>A</title><year>1999</year></film><film><title>B</title><year>2001"
                 "</year></film><film><title>C</title><year>2005</year></film></films></catalog>")
    assert ds.events["title"].tolist() == ["A", "B", "C"]


def test_a_plan_without_dated_tasks_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "empty.xml"
    path.write_text('<?xml version="1.0"?><Project xmlns="http://schemas.microsoft.com/project"><Name>x</Name>'
                    "<Tasks/></Project>", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.xml: XML that Entente does not recognise \(no list of records in "
                                        r"<Project>\); expected GEXF"):
        viewer.load(path)
