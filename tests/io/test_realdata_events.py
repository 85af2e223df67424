"""Timeline files other people wrote (../shared/realdata): TimelineJS, vis-timeline, Timeline XML, iCalendar."""

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import ics, timeline_xml, timelinejs, vis_timeline
from viewer.model.problems import LoadError

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
pytestmark = [pytest.mark.realdata,
              pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not present")]
JS, XML, VIS, ICS = (REALDATA / d for d in ("timelinejs3_json", "thetimelineproj_xml", "vis_timeline_json", "ics"))


def test_all_media_types_has_41_events_in_5_groups() -> None:
    ds = timelinejs.read(JS / "all-media-types_groups.json")
    assert len(ds.events) == 41
    assert set(ds.entities["kind"]) == {"group"} and len(ds.entities) == 5
    assert (ds.events["actors"] != "").sum() == 28


def test_eras_json_has_20_events_and_3_eras() -> None:
    ds = timelinejs.read(JS / "eras.json")
    assert (ds.events["category"] != "era").sum() == 20 and (ds.events["category"] == "era").sum() == 3
    assert ds.events["start"].min().year == 600


def test_the_legacy_v2_example_has_28_events_and_reports_its_broken_end_date() -> None:
    ds = timelinejs.read(JS / "example_v2-legacy-format.json")
    assert len(ds.events) == 28 and ds.title == "Elizabeth Taylor 1932-2011"
    assert any("196002152034" in p.message for p in ds.problems)


def test_the_empty_republican_timeline_is_refused_as_empty() -> None:
    with pytest.raises(LoadError, match="empty file"):
        timelinejs.read(JS / "republican_timeline2_EMPTY.json")


def test_the_women_in_computing_sheet_has_a_title_row_and_10_events() -> None:
    ds = timelinejs.read_sheet_csv(JS / "women_in_computing_sheet.csv")
    assert ds.title == "Women in Computing" and len(ds.events) == 10  # SOURCES counts the title row too
    assert _first(ds, "Ada Lovelace")["end"] == pd.Timestamp("1852-11-27", tz="UTC")


def test_nv_normal_timeline_has_8_events_some_before_year_zero() -> None:
    ds = timeline_xml.read(XML / "nv_normal.timeline")
    assert len(ds.events) == 8 and ds.events["start"].min().year == -473
    assert "container" in _first(ds, "Containy")["tags"]


def test_the_pre_1_0_empty_timeline_loads_with_no_events() -> None:
    ds = timeline_xml.read(XML / "pre-1.0.0_empty_v0.21.1.timeline")
    assert ds.events.empty and any(p.level == "info" for p in ds.problems)


def test_the_versions_timeline_has_59_events_in_3_categories() -> None:
    ds = timeline_xml.read(XML / "versions.timeline")
    assert len(ds.events) == 59 and ds.events["category"].nunique() == 3


def test_vis_basic_has_6_items() -> None:
    assert len(vis_timeline.read(VIS / "basic.json").events) == 6


def test_vis_groups_ordering_has_6_items_and_its_groups_as_entities() -> None:
    ds = vis_timeline.read(VIS / "groups_ordering_items+groups.json")
    assert len(ds.events) == 6 and set(ds.entities["name"]) == {"First", "Second", "Third"}
    assert not [p for p in ds.problems if p.level != "info"]


def test_the_new_york_event_is_converted_from_edt_to_utc() -> None:
    (event,) = ics.read(ICS / "america_new_york_vtimezone.ics").events.itertuples()
    assert event.start == pd.Timestamp("2014-08-29 12:00", tz="UTC")
    assert event.end == pd.Timestamp("2014-08-29 14:00", tz="UTC")


def test_the_bom_calendar_has_no_events_and_does_not_crash() -> None:
    assert ics.read(ICS / "bom_calendar.ics").events.empty


def test_the_german_holidays_are_159_all_day_events() -> None:
    ds = ics.read(ICS / "germany_holidays_allday.ics")
    assert len(ds.events) == 159 and set(ds.events["precision"]) == {"day"}


def test_the_weekly_rule_gives_15_tuesdays_minus_5_exdates() -> None:
    # RRULE:FREQ=WEEKLY;UNTIL=20120703T080000Z;BYDAY=TU from 2012-03-27 10:00 Vienna: 15 Tuesdays up to
    # and including 3 July; EXDATE removes 3, 10, 17 April, 1 and 29 May.
    ds = ics.read(ICS / "recurrence_exdates_multiline.ics")
    days = sorted(ds.events["start"].dt.strftime("%m-%d"))
    assert len(days) == 10 and "04-03" not in days and "05-29" not in days and days[-1] == "07-03"
    assert set(ds.events["start"].dt.hour) == {8}  # 10:00 CEST


def _first(ds, title):
    return ds.events[ds.events["title"] == title].iloc[0]
