"""Dates as archives, catalogues, analysts and other scripts write them: digits left unspecified ("201X", "19XX",
"2019-XX-XX", as EDTF writes them), EDTF's qualifiers ("2019~", "2019%"), a catalogue's "[1850]", a date known by one
bound ("before 1850", GEDCOM's "BEF 1850", "../2019"), GEDCOM's and other languages' markers ("ABT 1850", "vers
1850"), a Japanese era's or Minguo year ("令和元年5月1日", "H31.1.7", "民國108年1月7日"), digits of other scripts
("٢٠١٩-٠١-٠٧", "２０１９/０１/０７"), SAS's "07JAN2019", an analyst's "1Q19" and SDMX's
reporting periods ("2019-S2", "2019-M03"), as official statistics write them.

Before, "201X" opened as the year 201 and "19XX" as the year 19, without a word (the X was taken for a military time
zone); every other one was skipped as "expected a date"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import numerals

from .test_date_forms import _written

SPANS = {  # written -> (start, end, precision)
    "201X": ("2010-01-01", "2019-01-01", "year"),
    "19XX": ("1900-01-01", "1999-01-01", "year"),
    "19uu": ("1900-01-01", "1999-01-01", "year"),
    "1Q19": ("2019-01-01", "2019-03-01", "month"),
    "Q3'98": ("1998-07-01", "1998-09-01", "month"),
    "2H19": ("2019-07-01", "2019-12-01", "month"),
    "2019-S2": ("2019-07-01", "2019-12-01", "month"),  # SDMX's semester, trimester, as official statistics write
    "2019T1": ("2019-01-01", "2019-04-01", "month"),
}
SINGLE = {  # written -> (instant, precision)
    "2019-XX": ("2019-01-01", "year"),
    "2019-XX-XX": ("2019-01-01", "year"),
    "2019-??-??": ("2019-01-01", "year"),
    "2019-06-XX": ("2019-06-01", "month"),
    "令和元年5月1日": ("2019-05-01", "day"),
    "平成31年1月7日": ("2019-01-07", "day"),
    "昭和64年1月7日": ("1989-01-07", "day"),
    "明治45年7月30日": ("1912-07-30", "day"),
    "H31.1.7": ("2019-01-07", "day"),
    "R1.5.1": ("2019-05-01", "day"),
    "民國108年1月7日": ("2019-01-07", "day"),
    "٢٠١٩-٠١-٠٧": ("2019-01-07", "day"),
    "２０１９/０１/０７": ("2019-01-07", "day"),
    "२०१९-०१-०७": ("2019-01-07", "day"),
    "2019\u201001\u201007": ("2019-01-07", "day"),  # a word processor's hyphens (U+2010, U+2011, U+2212)
    "07\u2011Jan\u20112019": ("2019-01-07", "day"),
    "2019\u221201\u221207 10:30": ("2019-01-07 10:30", "time"),
    "07JAN2019": ("2019-01-07", "day"),
    "5 มกราคม 2562": ("2019-01-05", "day"),  # Thai: the year in the Buddhist era
    "5 ม.ค. 2562": ("2019-01-05", "day"),
    "๕ มกราคม ๒๕๖๒": ("2019-01-05", "day"),
    "วันเสาร์ที่ 5 มกราคม พ.ศ. 2562": ("2019-01-05", "day"),
    "5 มกราคม 2562 เวลา 10:30 น.": ("2019-01-05 10:30", "time"),
    "มีนาคม 2562": ("2019-03-01", "month"),
    "พ.ศ. 2562": ("2019-01-01", "year"),
    "5 มกราคม ค.ศ. 2019": ("2019-01-05", "day"),
    "2019-M03": ("2019-03-01", "month"),  # SDMX's month, day and year
    "2019M03": ("2019-03-01", "month"),
    "2019-D064": ("2019-03-05", "day"),
    "2019-A1": ("2019-01-01", "year"),
}
MARKED = {  # written -> (instant, precision, what is said)
    "2019~": ("2019-01-01", "year", "approximate"),
    "2019%": ("2019-01-01", "year", "approximate"),
    "2019-06~": ("2019-06-01", "month", "approximate"),
    "[1850]": ("1850-01-01", "year", "approximate"),
    "[2019-01-07]": ("2019-01-07", "day", "approximate"),
    "ABT 1850": ("1850-01-01", "year", "approximate"),
    "EST 1850": ("1850-01-01", "year", "approximate"),
    "vers 1850": ("1850-01-01", "year", "approximate"),
    "um 1850": ("1850-01-01", "year", "approximate"),
    "before 1850": ("1850-01-01", "year", "bound"),
    "BEF 1850": ("1850-01-01", "year", "bound"),
    "after March 1850": ("1850-03-01", "month", "bound"),
    "not after 1 March 2019": ("2019-03-01", "day", "bound"),
    "no later than 1850": ("1850-01-01", "year", "bound"),
    "until 1850": ("1850-01-01", "year", "bound"),
    "pre-1850": ("1850-01-01", "year", "bound"),
    "../2019": ("2019-01-01", "year", "bound"),
    "/2019-03-04": ("2019-03-04", "day", "bound"),
}


def _row(ds: viewer.Dataset, i: int) -> pd.Series:
    return ds.events.set_index("title").loc[f"row {i}"]


@pytest.mark.parametrize(("written", "read"), SPANS.items())
def test_unspecified_digits_and_analysts_quarters_open_as_spans(tmp_path: Path, written: str,
                                                                read: tuple[str, str, str]) -> None:
    ds = viewer.load(_written(tmp_path, [written, "2015-06-01"]))
    assert not [p for p in ds.problems if p.level == "error"]
    row = _row(ds, 0)
    assert (row["start"], row["end"]) == (pd.Timestamp(read[0], tz="UTC"), pd.Timestamp(read[1], tz="UTC"))
    assert (str(row["precision"]), str(row["end_precision"])) == (read[2], read[2])


def test_a_year_with_unspecified_digits_is_no_year_of_the_first_centuries(tmp_path: Path) -> None:
    """The bug: "201X" read as the year 201, "19XX" as the year 19; now the decade and the century, said."""
    ds = viewer.load(_written(tmp_path, ["201X", "19XX", "2019-XX"]))
    assert ds.events["start"].dt.year.tolist() == [1900, 2010, 2019]
    assert [p.message for p in ds.problems] == [
        "3 dates with digits left unspecified ('201X', '19XX', '2019-XX') read as the years or months left open "
        "(201X: 2010–2019)"]


@pytest.mark.parametrize(("written", "read"), SINGLE.items())
def test_eras_scripts_and_sas_dates_read_as_single_dates(tmp_path: Path, written: str, read: tuple[str, str]) -> None:
    ds = viewer.load(_written(tmp_path, [written]))
    assert not [p for p in ds.problems if p.level in ("warning", "error")]
    row = _row(ds, 0)
    assert (row["start"], str(row["precision"])) == (pd.Timestamp(read[0], tz="UTC"), read[1])
    assert pd.isna(row["end"])


@pytest.mark.parametrize(("written", "read"), MARKED.items())
def test_marked_and_bounded_dates_read_as_the_date_they_name_and_are_said(tmp_path: Path, written: str,
                                                                         read: tuple[str, str, str]) -> None:
    ds = viewer.load(_written(tmp_path, [written, "2019-03-04"]))
    assert ds.event_count == 2
    row = _row(ds, 0)
    assert (row["start"], str(row["precision"])) == (pd.Timestamp(read[0], tz="UTC"), read[1])
    assert pd.isna(row["end"])
    words = {"approximate": "marked as approximate", "bound": "known only by a bound"}[read[2]]
    assert [p.level for p in ds.problems if words in p.message] == ["warning"]


def test_a_column_of_bounds_is_said_once_with_its_count(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, ["before 1850", "after 1860", "../1870", "1880"]))
    assert [p.message for p in ds.problems if p.level == "warning"] == [
        "3 dates known only by a bound ('before 1850', 'after 1850', '../2019') read as the date they name"]


def test_a_persian_or_hijri_year_is_not_read_as_a_gregorian_one(tmp_path: Path) -> None:
    """۱۳۹۷/۱۰/۱۷ is 7 January 2019 in the Solar Hijri calendar: read as 1397 it would be six centuries off."""
    ds = viewer.load(_written(tmp_path, ["۱۳۹۷/۱۰/۱۷", "١٤٤٠-٠٥-٠١", "٢٠١٩-٠١-٠٧"]))
    assert ds.event_count == 1 and ds.events["start"].iloc[0] == pd.Timestamp("2019-01-07", tz="UTC")
    assert [(p.level, p.row) for p in ds.problems if "expected a date" in p.message] == [("error", 2), ("error", 3)]
    said = [p.message for p in ds.problems if p.level == "warning"]
    assert said == [f"2 dates {numerals.HIJRI}"]


def test_thai_dates_are_read_from_the_buddhist_era_and_said(tmp_path: Path) -> None:
    """2562 BE is 2019: Thai dates were refused ("no row has a date"), and "2562-01-05" beside them would have
    read as the year 2562. A year marked ค.ศ. is the Christian era's; 31 February is no date."""
    ds = viewer.load(_written(tmp_path, ["5 มกราคม 2562", "1 ก.พ. 2563", "5 มกราคม ค.ศ. 2019", "31 กุมภาพันธ์ 2562"]))
    assert sorted(ds.events["start"].dt.strftime("%Y-%m-%d")) == ["2019-01-05", "2019-01-05", "2020-02-01"]
    assert [p.message for p in ds.problems if p.level == "info" and "Buddhist" in p.message] == [
        "2 Thai dates with their year in the Buddhist era (พ.ศ.) read as Gregorian ones: 2562 is 2019"]
    assert [p.row for p in ds.problems if "expected a date" in p.message] == [5]


def test_a_column_of_other_digits_is_found_as_the_date_column(tmp_path: Path) -> None:
    """No column named as a date: the one of Arabic-Indic dates is found by its values, as an ASCII one is."""
    path = tmp_path / "events.csv"
    path.write_text("what,value\nfirst,٢٠١٩-٠١-٠٧\nsecond,٢٠١٩-٠٢-٠٨\nthird,٢٠١٩-٠٣-٠٩\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["start"].dt.strftime("%Y-%m-%d").tolist() == ["2019-01-07", "2019-02-08", "2019-03-09"]


def test_letters_after_digits_are_no_zone_without_a_time() -> None:
    """"201X" lost its X as a military zone; a time's attached zone still counts ("10:15Z", "T101500Z")."""
    from viewer.model.dates.columns import parse_column
    read = parse_column(pd.Series(["2019-01-07 10:15Z", "20190107T101500Z", "2019-01-07 10:15CET", "201X"]))
    assert read.instants.dt.strftime("%Y-%m-%d %H:%M").tolist()[:3] == ["2019-01-07 10:15", "2019-01-07 10:15",
                                                                         "2019-01-07 09:15"]
    assert pd.isna(read.instants.iloc[3])


def test_codes_shaped_like_quarters_stay_codes(tmp_path: Path) -> None:
    """"Q119" (no space or apostrophe before the year's two digits) is a code, not a quarter; nor is "H219"."""
    ds = viewer.load(_written(tmp_path, ["Q119", "H219", "2019-03-04"]))
    assert ds.event_count == 1
