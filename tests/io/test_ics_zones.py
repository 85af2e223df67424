"""Zones as Exchange and Outlook name them: a display name with no VTIMEZONE was taken as UTC (two hours off in
July), and an unquoted ``tzone://`` address cut its line at its colon and lost the event."""

from __future__ import annotations

import warnings
from pathlib import Path

import viewer


def _calendar(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "exchange.ics"
    path.write_text(f"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n{body}END:VCALENDAR\r\n", encoding="utf-8")
    return path


def test_a_display_name_reads_as_its_citys_zone_with_summer_time(tmp_path: Path) -> None:
    ds = viewer.load(_calendar(tmp_path, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=\"(UTC+01:00) Amsterdam, Berlin, Bern, "
                                         "Rome, Stockholm, Vienna\":20190704T100000\r\nSUMMARY:Summer\r\nEND:VEVENT\r\n"
                                         "BEGIN:VEVENT\r\nUID:b\r\nDTSTART;TZID=\"(UTC-05:00) Eastern Time (US & "
                                         "Canada)\":20190104T100000\r\nSUMMARY:Winter\r\nEND:VEVENT\r\n"))
    starts = dict(zip(ds.events["title"], ds.events["start"].astype(str), strict=True))
    assert starts == {"Summer": "2019-07-04 08:00:00+00:00", "Winter": "2019-01-04 15:00:00+00:00"}
    said = [p.message for p in ds.problems if p.field == "TZID"]
    assert len(said) == 2 and "read as Europe/Amsterdam" in said[0] + said[1]


def test_a_name_a_vtimezone_defines_is_left_to_it(tmp_path: Path) -> None:
    name = "(UTC+01:00) Amsterdam, Berlin"
    ds = viewer.load(_calendar(tmp_path, f"BEGIN:VTIMEZONE\r\nTZID:{name}\r\nBEGIN:STANDARD\r\nDTSTART:16010101T000000"
                                         "\r\nTZOFFSETFROM:+0300\r\nTZOFFSETTO:+0300\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n"
                                         f"BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=\"{name}\":20190704T100000\r\n"
                                         "SUMMARY:Odd\r\nEND:VEVENT\r\n"))
    assert str(ds.events["start"].iloc[0]) == "2019-07-04 07:00:00+00:00"  # (the file's own, odd, +03:00)


def test_an_unquoted_exchange_address_keeps_its_event(tmp_path: Path) -> None:
    ds = viewer.load(_calendar(tmp_path, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=tzone://Microsoft/Custom:20190704T100000"
                                         "\r\nSUMMARY:Kept\r\nEND:VEVENT\r\n"))
    assert list(ds.events["title"]) == ["Kept"] and str(ds.events["start"].iloc[0])[:10] == "2019-07-04"


def test_a_display_name_left_unquoted_keeps_its_event(tmp_path: Path) -> None:
    """Unquoted, the name's own colon, ``(UTC+01:00)``, cut the line there: the event was skipped as unreadable."""
    ds = viewer.load(_calendar(tmp_path, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=(UTC+01:00) Amsterdam, Berlin, Bern, "
                                         "Rome, Stockholm, Vienna:20190704T100000\r\nSUMMARY:Kept\r\nEND:VEVENT\r\n"))
    assert list(ds.events["title"]) == ["Kept"] and str(ds.events["start"].iloc[0]) == "2019-07-04 08:00:00+00:00"


def test_a_vendors_zone_guessed_is_said_not_printed(tmp_path: Path) -> None:
    """icalendar guesses Mozilla's ``/mozilla.org/20050126_1/Europe/Paris`` by its last part and printed a warning to
    the console: it is a note in Problems."""
    path = _calendar(tmp_path, "BEGIN:VEVENT\r\nUID:a\r\nDTSTART;TZID=/mozilla.org/20050126_1/Europe/Paris:"
                               "20190704T100000\r\nSUMMARY:Paris\r\nEND:VEVENT\r\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        ds = viewer.load(path)
    assert str(ds.events["start"].iloc[0]) == "2019-07-04 08:00:00+00:00"
    assert any("Europe/Paris" in p.message and p.field == "TZID" for p in ds.problems)
