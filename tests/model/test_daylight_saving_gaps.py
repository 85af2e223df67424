"""Local times in a daylight-saving gap (the hour, or half hour, clocks skip going forward) are read with the UTC
offset before the gap, as RFC 5545 reads them, and said once for the column. Before, pandas's shift to the gap's end
made 02:00, 02:15 and 02:45 in Berlin all 01:00 UTC, the instant of 03:00, and nothing was said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer
from viewer.model.dates import columns
from viewer.model.problems import Problem


def _utc(parsed: columns.DateColumn) -> list[str]:
    return parsed.instants.dt.tz_convert(None).map(pd.Timestamp.isoformat).tolist()


def _opened(tmp_path: Path, text: str) -> tuple[dict[str, str], list[Problem]]:
    """Each title's start (UTC) once ``text`` is opened as a CSV, and what was said of the gap."""
    path = tmp_path / "times.csv"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    starts = dict(zip(ds.events["title"], ds.events["start"].dt.tz_convert(None).astype(str), strict=True))
    return starts, [p for p in ds.problems if "daylight-saving gap" in p.message]


def _gap_notes(notes: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [note for note in notes if "daylight-saving gap" in note[1]]


def test_berlin_gap_times_are_distinct_in_order_and_said() -> None:
    written = ["2020-03-29 01:59", "2020-03-29 02:00", "2020-03-29 02:15", "2020-03-29 02:30", "2020-03-29 02:45",
               "2020-03-29 03:00"]
    parsed = columns.parse_column(pd.Series([f"{time} Europe/Berlin" for time in written]))
    assert _utc(parsed) == ["2020-03-29T00:59:00", "2020-03-29T01:00:00", "2020-03-29T01:15:00",
                            "2020-03-29T01:30:00", "2020-03-29T01:45:00", "2020-03-29T01:00:00"]
    ((level, message),) = _gap_notes(parsed.notes)
    assert level == "warning"
    assert message.startswith("4 times fall in a daylight-saving gap")
    assert "offset before the gap" in message and "2020-03-29 02:00 Europe/Berlin as 01:00 UTC" in message


def test_new_york_gap_from_a_zone_column() -> None:
    parsed = columns.parse_column(pd.Series(["2020-03-08", "2020-03-08", "2020-03-08"]),
                                  times=pd.Series(["01:45", "02:15", "02:45"]),
                                  zones=pd.Series(["America/New_York"] * 3))
    assert _utc(parsed) == ["2020-03-08T06:45:00", "2020-03-08T07:15:00", "2020-03-08T07:45:00"]
    ((_, message),) = _gap_notes(parsed.notes)
    assert message.startswith("2 times fall") and "02:15 America/New_York as 07:15 UTC" in message


def test_lord_howes_half_hour_gap_uses_the_real_offset() -> None:
    """Lord Howe Island goes from +10:30 to +11:00 at 02:00: 02:00-02:29 are skipped, 02:30 is a time again."""
    written = [f"2020-10-04 {time} Australia/Lord_Howe" for time in ("01:59", "02:15", "02:30")]
    parsed = columns.parse_column(pd.Series(written))
    assert _utc(parsed) == ["2020-10-03T15:29:00", "2020-10-03T15:45:00", "2020-10-03T15:30:00"]
    ((_, message),) = _gap_notes(parsed.notes)
    assert message.startswith("1 time falls")


def test_an_ambiguous_autumn_time_is_still_the_summer_one() -> None:
    """Beside a gap time, read anew, a time clocks show twice (going back) is still the first, in summer time."""
    parsed = columns.parse_column(pd.Series(["2020-10-25 02:30 Europe/Berlin", "2020-11-01 01:30 America/New_York",
                                             "2020-03-29 02:30 Europe/Berlin"]))
    assert _utc(parsed) == ["2020-10-25T00:30:00", "2020-11-01T05:30:00", "2020-03-29T01:30:00"]
    ((_, message),) = _gap_notes(parsed.notes)
    assert message.startswith("1 time falls")  # (the autumn ones are none)


def test_times_outside_gaps_are_unchanged_and_not_counted() -> None:
    parsed = columns.parse_column(pd.Series(["2020-03-29 01:59 Europe/Berlin", "2020-03-29 03:00 Europe/Berlin",
                                             "2020-07-01 12:00 Europe/Berlin", "2020-01-01 12:00 America/New_York",
                                             "2020-03-08 03:00 America/New_York", "2020-03-08 02:59 America/New_York"]))
    assert _utc(parsed) == ["2020-03-29T00:59:00", "2020-03-29T01:00:00", "2020-07-01T10:00:00",
                            "2020-01-01T17:00:00", "2020-03-08T07:00:00", "2020-03-08T07:59:00"]
    (warning,) = [note for note in parsed.notes if note[0] == "warning"]
    assert warning[1].startswith("1 time falls in a daylight-saving gap")


def test_a_csv_with_a_time_zone_column_is_read_so_and_said_once(tmp_path: Path) -> None:
    starts, said = _opened(tmp_path, "date,time,timezone,title\n2020-03-08,02:15,America/New_York,ny 0215\n"
                                     "2020-03-08,02:45,America/New_York,ny 0245\n2020-03-29,02:30,Europe/Berlin,"
                                     "berlin 0230\n2020-07-01,12:00,Europe/Berlin,summer\n")
    assert starts == {"ny 0215": "2020-03-08 07:15:00", "ny 0245": "2020-03-08 07:45:00",
                      "berlin 0230": "2020-03-29 01:30:00", "summer": "2020-07-01 10:00:00"}
    (warning,) = said
    assert warning.level == "warning" and warning.message.startswith("3 times fall")


def test_a_suffix_in_the_cell_after_the_time_in_a_csv(tmp_path: Path) -> None:
    starts, said = _opened(tmp_path, "date,title\n2020-03-29 02:00 Europe/Berlin,a\n2020-03-29 02:15 Europe/Berlin,b"
                                     "\n2020-03-29 02:45 Europe/Berlin,c\n")
    assert starts == {"a": "2020-03-29 01:00:00", "b": "2020-03-29 01:15:00", "c": "2020-03-29 01:45:00"}
    assert len(said) == 1
