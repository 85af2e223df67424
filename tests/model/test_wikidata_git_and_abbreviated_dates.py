"""Dates as Wikidata, its query service, German, French, Spanish, Italian, Portuguese and Dutch abbreviations,
Jira and git write them, read where the column parser skipped them as "expected a date": Wikidata's zero parts
(``1850-00-00T00:00:00Z``: the year 1850), the query service's RDF literals
(``"1066-10-14T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime>``), ``12 Dez 2020``, ``3 févr. 2021``,
``12/Mär/21 3:45 PM`` and ``Tue Mar 2 17:30:12 2021 -0500``. English dates keep their readings, and words stay
unread."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.dates import columns, respell

ZERO_PARTS = [  # written -> (year, month, precision)
    ("1850-00-00T00:00:00Z", 1850, 1, "year"),
    ("+1850-00-00T00:00:00Z", 1850, 1, "year"),
    ("1850-03-00T00:00:00Z", 1850, 3, "month"),
    ("+1850-12-00T00:00:00Z", 1850, 12, "month"),
    ("-0044-00-00T00:00:00Z", -44, 1, "year"),  # (ISO 8601's year -44, as -0044-03-15 reads)
    ("-0044-03-00T00:00:00Z", -44, 3, "month"),
    ("1850-00-00", 1850, 1, "year"),
    ("+12000-00-00T00:00:00Z", 12000, 1, "year"),
]


@pytest.mark.parametrize(("written", "year", "month", "precision"), ZERO_PARTS)
def test_a_date_with_zero_parts_is_its_year_or_month(written: str, year: int, month: int, precision: str) -> None:
    parsed = columns.parse_column(pd.Series([written, "2019-03-04"]))
    assert not parsed.invalid.any()
    at = parsed.instants.iloc[0]
    assert (at.year, at.month, at.day, at.hour) == (year, month, 1, 0)
    assert parsed.precisions.iloc[0] == precision


@pytest.mark.parametrize("written", ["1850-13-00T00:00:00Z", "1850-00-00T10:00:00Z", "1850-00-15T00:00:00Z",
                                     "1850-00-00T00:00:00+05:00", "0-00-00", "-13798000000-00-00T00:00:00Z",
                                     "0000-00-00", "0000-00-00T00:00:00Z"])
def test_other_zero_parts_stay_unread(written: str) -> None:
    """A month 13, a time other than midnight in UTC, a day without its month, a year beyond what microseconds
    hold, or MySQL's zero date (no date at all): no date."""
    assert columns.parse_column(pd.Series([written, "2019-03-04"])).invalid.tolist() == [True, False]


def test_midnights_beside_a_zero_part_date_are_days() -> None:
    """A value whose shape was read but not its date (1850-00-00T00:00:00) kept its time precision, and the
    midnights of Wikidata's day-precise dates beside it read as times, not days."""
    parsed = columns.parse_column(pd.Series(["2002-03-01T00:00:00Z", "1850-00-00T00:00:00Z", "1990-05-07T00:00:00Z"]))
    assert parsed.precisions.tolist() == ["day", "year", "day"]
    assert ("info", "every time is 00:00; read as dates (day precision)") in parsed.notes


def test_a_wikidata_csv_with_zero_parts_opens_every_row(tmp_path: Path) -> None:
    path = tmp_path / "owned.csv"
    path.write_text("item,itemLabel,start\n"
                    "http://www.wikidata.org/entity/Q20165,Nissan,2002-03-01T00:00:00Z\n"
                    "http://www.wikidata.org/entity/Q6686,Renault,1850-00-00T00:00:00Z\n"
                    "http://www.wikidata.org/entity/Q6687,Peugeot,1850-07-00T00:00:00Z\n"
                    "http://www.wikidata.org/entity/Q1,Roman Republic,-0044-03-15T00:00:00Z\n", encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert ds.event_count == 4
    assert events.loc["Renault", "precision"] == "year"
    assert events.loc["Renault", "start"] == pd.Timestamp("1850-01-01", tz="UTC")
    assert events.loc["Peugeot", "precision"] == "month"
    assert not any("expected a date" in p.message for p in ds.problems)


XSD = "http://www.w3.org/2001/XMLSchema#"
LITERALS = [  # written -> (year, month, day, precision)
    (f'"1066-10-14T00:00:00Z"^^<{XSD}dateTime>', 1066, 10, 14, "day"),
    (f'1066-10-14T00:00:00Z^^<{XSD}dateTime>', 1066, 10, 14, "day"),  # (as a CSV reader leaves it)
    (f'"1066-10-14T09:30:00Z"^^<{XSD}dateTime>', 1066, 10, 14, "time"),
    ('"2019-03-04"^^xsd:date', 2019, 3, 4, "day"),
    ("2019-03-04^^xsd:date", 2019, 3, 4, "day"),
    ('"2019-03-04"', 2019, 3, 4, "day"),
    ('"2019-03"^^xsd:gYearMonth', 2019, 3, 1, "month"),
    (f'"-0044-03-15T00:00:00Z"^^<{XSD}dateTime>', -44, 3, 15, "time"),  # (as -0044-03-15T00:00:00Z reads)
    (f'"1850-00-00T00:00:00Z"^^<{XSD}dateTime>', 1850, 1, 1, "year"),
]


@pytest.mark.parametrize(("written", "year", "month", "day", "precision"), LITERALS)
def test_an_rdf_literal_is_its_value(written: str, year: int, month: int, day: int, precision: str) -> None:
    parsed = columns.parse_column(pd.Series([written, written]))
    assert not parsed.invalid.any()
    at = parsed.instants.iloc[0]
    assert (at.year, at.month, at.day) == (year, month, day)
    assert parsed.precisions.iloc[0] == precision


@pytest.mark.parametrize("written", ['"hello"^^xsd:date', '"42"', '"42"^^xsd:integer', f'"2019"^^<{XSD}string>',
                                     '"not 2019-03-04"', "2019-03-04^^foo"])
def test_other_literals_and_quoted_text_stay_unread(written: str) -> None:
    assert columns.parse_column(pd.Series([written, "2019-03-04"])).invalid.tolist() == [True, False]


def test_a_query_service_tsv_opens_every_row(tmp_path: Path) -> None:
    """The query service's TSV download: every row was skipped."""
    path = tmp_path / "events.tsv"
    entity = "<http://www.wikidata.org/entity/Q"
    path.write_text("?battle\t?battleLabel\t?date\n"
                    f'{entity}48314>\tBattle of Hastings\t"1066-10-14T00:00:00Z"^^<{XSD}dateTime>\n'
                    f'{entity}1>\tIdes of March\t"-0044-03-15T00:00:00Z"^^<{XSD}dateTime>\n'
                    f'{entity}2>\tSomething\t"1850-00-00T00:00:00Z"^^<{XSD}dateTime>\n', encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert ds.event_count == 3
    assert events.loc["Battle of Hastings", "start"] == pd.Timestamp("1066-10-14", tz="UTC")
    assert events.loc["Something", "precision"] == "year"


ABBREVIATED = [  # written -> UTC, precision
    ("12 Dez 2020", "2020-12-12T00:00:00", "day"),
    ("3 Mär 2021", "2021-03-03T00:00:00", "day"),
    ("3. Mär. 2021", "2021-03-03T00:00:00", "day"),
    ("5 Okt 2021", "2021-10-05T00:00:00", "day"),
    ("4 Jän 2021", "2021-01-04T00:00:00", "day"),  # (Austrian)
    ("12 déc. 2020", "2020-12-12T00:00:00", "day"),
    ("3 févr. 2021", "2021-02-03T00:00:00", "day"),
    ("1er juil. 2021", "2021-07-01T00:00:00", "day"),
    ("4 avr. 2021", "2021-04-04T00:00:00", "day"),
    ("4 ene 2021", "2021-01-04T00:00:00", "day"),
    ("4-abr-2021", "2021-04-04T00:00:00", "day"),
    ("4 dic 2021", "2021-12-04T00:00:00", "day"),
    ("4 mag 2021", "2021-05-04T00:00:00", "day"),
    ("4 gen 2021", "2021-01-04T00:00:00", "day"),
    ("4 giu 2021", "2021-06-04T00:00:00", "day"),
    ("4 lug 2021", "2021-07-04T00:00:00", "day"),
    ("4 ago 2021", "2021-08-04T00:00:00", "day"),
    ("4 set 2021", "2021-09-04T00:00:00", "day"),
    ("4 ott 2021", "2021-10-04T00:00:00", "day"),
    ("4 out 2021", "2021-10-04T00:00:00", "day"),
    ("4 de out. de 2021", "2021-10-04T00:00:00", "day"),  # (Portuguese, as CLDR writes it)
    ("4 fev 2021", "2021-02-04T00:00:00", "day"),
    ("4 mrt 2021", "2021-03-04T00:00:00", "day"),
    ("4 mrt. 2021 14:30", "2021-03-04T14:30:00", "time"),
    ("12 DEZ 2020", "2020-12-12T00:00:00", "day"),
    ("12/Mär/21 3:45 PM", "2021-03-12T15:45:00", "time"),  # Jira in German
    ("03/Dez/20 9:15 AM", "2020-12-03T09:15:00", "time"),
    ("Dez 2020", "2020-12-01T00:00:00", "month"),
    ("févr. 2021", "2021-02-01T00:00:00", "month"),
]


@pytest.mark.parametrize(("written", "utc", "precision"), ABBREVIATED)
def test_an_abbreviated_month_in_another_language_is_read(written: str, utc: str, precision: str) -> None:
    parsed = columns.parse_column(pd.Series([written, written]))
    assert not parsed.invalid.any()
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert parsed.precisions.iloc[0] == precision


@pytest.mark.parametrize(("written", "utc"), [
    ("4 Mar 2021", "2021-03-04T00:00:00"), ("4 mar 2021", "2021-03-04T00:00:00"),
    ("4 May 2021", "2021-05-04T00:00:00"), ("1 Mai 2021", "2021-05-01T00:00:00"),
    ("4 Dec 2021", "2021-12-04T00:00:00"), ("Sept 4, 2021", "2021-09-04T00:00:00"),
    ("Mon, 04 Mar 2019 10:00:00 +0000", "2019-03-04T10:00:00"), ("Mar 2021", "2021-03-01T00:00:00"),
])
def test_english_dates_keep_their_readings(written: str, utc: str) -> None:
    parsed = columns.parse_column(pd.Series([written, "a", "2019-03-04"]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc


@pytest.mark.parametrize("words", ["4 out of 2021", "3 out of 4", "Out 2021", "Set 2021", "Gen 2021", "mag 2021",
                                   "Ago 2021", "Lug 2021", "Mai Tai", "Märchen 2021", "v1.gen.21", "Box 4 set 21"])
def test_words_that_are_abbreviations_stay_unread(words: str) -> None:
    assert columns.parse_column(pd.Series([words, "2019-03-04"])).invalid.tolist() == [True, False]


def test_a_german_jira_export_opens_every_row(tmp_path: Path) -> None:
    path = tmp_path / "jira.csv"
    path.write_text("Summary,Issue key,Created,Resolved\n"
                    "Bug eins,P-1,12/Mär/21 3:45 PM,14/Mär/21 11:30 AM\n"
                    "Bug zwei,P-2,03/Dez/20 9:15 AM,\n"
                    "Bug drei,P-3,05/Mai/21 8:00 AM,\n", encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert ds.event_count == 3
    assert events.loc["Bug eins", "start"] == pd.Timestamp("2021-03-12 15:45", tz="UTC")
    assert events.loc["Bug eins", "end"] == pd.Timestamp("2021-03-14 11:30", tz="UTC")
    assert not any("expected a date" in p.message for p in ds.problems)


def test_unread_values_of_a_date_s_shape_are_not_counted_as_date_times_without_a_zone() -> None:
    """``05/Foo/21 8:00 AM`` has the shape of a date-time: it was counted among those without a zone though
    not read (the German Jira export said 5 for 3)."""
    parsed = columns.parse_column(pd.Series(["12/Mär/21 3:45 PM", "03/Dez/20 9:15 AM", "05/Mai/21 8:00 AM"]))
    assert ("info", "3 date-times have no time zone; taken as UTC") in parsed.notes
    parsed = columns.parse_column(pd.Series(["05/Foo/21 8:00 AM", "2019-03-04 10:00"]))
    assert ("info", "1 date-time has no time zone; taken as UTC") in parsed.notes


@pytest.mark.parametrize(("written", "utc"), [
    ("Tue Mar 2 17:30:12 2021 -0500", "2021-03-02T22:30:12"),
    ("Mon Mar 15 09:05:00 2021 +0100", "2021-03-15T08:05:00"),
    ("Thu Jan 1 00:00:00 1970 +0000", "1970-01-01T00:00:00"),
    ("Mar 2 17:30:12 2021 -0500", "2021-03-02T22:30:12"),
])
def test_gits_default_date_is_read_with_its_offset(written: str, utc: str) -> None:
    parsed = columns.parse_column(pd.Series([written, "2021-03-01 08:00:00 +0100"]))
    assert not parsed.invalid.any()
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc
    assert parsed.precisions.iloc[0] == "time"


def test_a_git_log_table_opens_every_row(tmp_path: Path) -> None:
    path = tmp_path / "gitlog.csv"
    path.write_text("commit,author,date,message\n"
                    "a1b2c3d,Alice,2021-03-01 08:00:00 +0100,Initial commit\n"
                    "b2c3d4e,Bob,Tue Mar 2 17:30:12 2021 -0500,Fix parser\n", encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events.set_index("title")
    assert ds.event_count == 2
    assert events.loc["Fix parser", "start"] == pd.Timestamp("2021-03-02 22:30:12", tz="UTC")


def test_a_column_of_iso_dates_never_reaches_the_respellings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast ISO path reads it whole: none of the rewrites above runs (a million rows took no longer)."""
    def never(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("respelled")

    monkeypatch.setattr(respell, "read", never)
    monkeypatch.setattr(respell, "respelled", never)
    parsed = columns.parse_column(pd.Series(["2019-03-04T10:00:00Z"] * 1000))
    assert parsed.precisions.eq("time").all()
