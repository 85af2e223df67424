"""Recurrences dateutil would walk to the year 9999: a rule no day meets (30 February), repeating every second,
minute or day. A calendar of six such events, 777 bytes, opened for more than a minute; one took 14 s."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer


def _calendar(tmp_path: Path, *events: str) -> Path:
    path = tmp_path / "rules.ics"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + "".join(
        f"BEGIN:VEVENT\r\nUID:e{i}\r\nSUMMARY:Event {i}\r\n{body}END:VEVENT\r\n" for i, body in enumerate(events))
        + "END:VCALENDAR\r\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("rule", ["FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=30",
                                  "FREQ=MINUTELY;BYSETPOS=-1;BYMONTH=2;BYMONTHDAY=30",
                                  "FREQ=DAILY;BYMONTH=4;BYMONTHDAY=-31", "FREQ=WEEKLY;BYYEARDAY=400"])
def test_a_rule_no_day_meets_keeps_its_start_and_says_so(tmp_path: Path, rule: str) -> None:
    ds = viewer.load(_calendar(tmp_path, f"DTSTART:20190101T090000Z\r\nRRULE:{rule}\r\n"))
    assert len(ds.events) == 1 and str(ds.events["start"].iloc[0])[:10] == "2019-01-01"
    said = [p for p in ds.problems if p.field == "RRULE" and "gives no day" in p.message]
    assert len(said) == 1 and said[0].level == "warning"


def test_its_rdates_are_still_read(tmp_path: Path) -> None:
    ds = viewer.load(_calendar(tmp_path, "DTSTART:20190101T090000Z\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30\r\n"
                                         "RDATE:20190301T090000Z,20190401T090000Z\r\n"))
    assert sorted(str(s)[:10] for s in ds.events["start"]) == ["2019-01-01", "2019-03-01", "2019-04-01"]
    assert any("its RDATEs and DTSTART kept" in p.message for p in ds.problems)


def test_rules_some_day_meets_are_expanded_as_before(tmp_path: Path) -> None:
    ds = viewer.load(_calendar(tmp_path, "DTSTART;VALUE=DATE:20190101\r\nRRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=29\r\n",
                               "DTSTART:20190101T090000Z\r\nRRULE:FREQ=MINUTELY;INTERVAL=30\r\n"))
    leap = ds.events[ds.events["title"] == "Event 0"]
    assert sorted(str(s)[:10] for s in leap["start"]) == ["2019-01-01", "2020-02-29", "2024-02-29", "2028-02-29"]
    assert (ds.events["title"] == "Event 1").sum() == 500
    cut = [p.message for p in ds.problems if "recurrence cut" in p.message]
    assert cut == ["recurrence cut at 4 occurrences (at most 500, up to 10 years after DTSTART)",
                   "recurrence cut at 500 occurrences (at most 500, up to 300,000 minutes after DTSTART)"]
    expanded = [p.message for p in ds.problems if "expanded to at most" in p.message]
    assert expanded == ["2 recurring events expanded to at most 500 occurrences each, no further than 10 years after "
                        "their start (a rule by the hour, minute or second less far, as its row says)"]
