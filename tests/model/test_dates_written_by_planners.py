"""Dates, values and durations as planning tools, social exports and wikis write them: a comma before the time
(OmniPlan's and LinkedIn's "1/8/24, 9:00 AM"), Microsoft Project's localized weekdays ("Mo 08.01.24", "lun
08/01/24") which also settle the day/month order ("Mon 08/01/24" is 8 January, a Monday), a wiki's footnote marks
("March 3, 1999[2]", "$90 billion[3]"), and Microsoft Project's and podcasts' durations ("3 days?", "7 edays",
"10 Tage", itunes:duration's "35:10"). Before, each was skipped, misread or lost."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest

import viewer
from viewer.io.import_spec import from_json
from viewer.model import durations, value_numbers
from viewer.model.dates import respell, weekdays
from viewer.model.dates.columns import parse_column


def _read(values: list[str], **options: object) -> list[str]:
    column = parse_column(pd.Series(values, dtype=object), **options)  # type: ignore[arg-type]
    return [stamp.strftime("%Y-%m-%d %H:%M") if not pd.isna(stamp) else "" for stamp in column.instants]


# 1. a comma (and a space or none) between a date and its time, for every form that takes a time

@pytest.mark.parametrize(("written", "read"), [
    ("1/8/24, 9:00 AM", "2024-01-08 09:00"), ("1/22/24, 5:00 PM", "2024-01-22 17:00"),
    ("1/8/24,9:00", "2024-01-08 09:00"), ("13.01.24, 09:30", "2024-01-13 09:30"),
    ("8-Jan-24, 9:00", "2024-01-08 09:00"), ("2024-01-08, 09:00", "2024-01-08 09:00"),
    ("2024/01/08, 09:00", "2024-01-08 09:00"), ("Jan 8, 2024, 9:00 AM", "2024-01-08 09:00"),
])
def test_a_comma_before_the_time_is_read(written: str, read: str) -> None:
    assert _read([written]) == [read]


def test_omniplan_and_linkedin_exports_open_with_their_times(tmp_path: Path) -> None:
    plan = tmp_path / "omniplan.csv"
    plan.write_text('WBS Number,Title,Type,Start,End,Duration\n'
                    '1.1,API design,Task,"1/8/24, 9:00 AM","1/19/24, 5:00 PM",2w\n'
                    '1.2,iOS client,Task,"1/22/24, 9:00 AM","2/16/24, 5:00 PM",4w\n', encoding="utf-8")
    events = viewer.load(plan).events.set_index("title")
    assert events.loc["API design", "start"] == pd.Timestamp("2024-01-08T09:00Z")
    assert events.loc["iOS client", "end"] == pd.Timestamp("2024-02-16T17:00Z")
    invitations = tmp_path / "Invitations.csv"
    invitations.write_text('From,To,Sent At,Message,Direction\nJane Doe,Li Wei,"1/5/23, 12:34 PM",,OUTGOING\n'
                           'Sam Roe,Jane Doe,"12/13/22, 9:05 AM",Hi,INCOMING\n', encoding="utf-8")
    assert sorted(viewer.load(invitations).events["start"]) == [pd.Timestamp("2022-12-13T09:05Z"),
                                                                 pd.Timestamp("2023-01-05T12:34Z")]


# 2. Microsoft Project's localized short weekdays, only before a date

@pytest.mark.parametrize("written", [
    "Mo 08.01.24", "Mo. 08.01.24", "lun 08/01/24", "lun. 08/01/24", "Lun 08/01/24", "ma 8-1-24", "Seg 08/01/24",
    "lunedì 08/01/24", "maandag 8-1-2024", "segunda-feira, 08/01/2024",
])
def test_a_monday_in_any_of_seven_languages_is_taken_away(written: str) -> None:
    assert _read([written]) == ["2024-01-08 00:00"]


@pytest.mark.parametrize(("written", "read"), [
    ("Di 09.01.24", "2024-01-09"), ("Mi 10.01.24", "2024-01-10"), ("Do 11.01.24", "2024-01-11"),
    ("Fr 12.01.24", "2024-01-12"), ("Sa 13.01.24", "2024-01-13"), ("So 14.01.24", "2024-01-14"),
    ("mar 09/01/24", "2024-01-09"), ("mer 10/01/24", "2024-01-10"), ("jeu 11/01/24", "2024-01-11"),
    ("ven 12/01/24", "2024-01-12"), ("sam 13/01/24", "2024-01-13"), ("dim 14/01/24", "2024-01-14"),
    ("mié 10/01/24", "2024-01-10"), ("jue 11/01/24", "2024-01-11"), ("vie 12/01/24", "2024-01-12"),
    ("sáb 13/01/24", "2024-01-13"), ("dom 14/01/24", "2024-01-14"), ("gio 11/01/24", "2024-01-11"),
    ("qui 11/01/24", "2024-01-11"), ("sex 12/01/24", "2024-01-12"), ("wo 10-1-24", "2024-01-10"),
    ("vr 12-1-24", "2024-01-12"), ("za 13-1-24", "2024-01-13"), ("zo 14-1-24", "2024-01-14"),
    ("Di 9. Januar 2024", "2024-01-09"),
])
def test_each_short_weekday_before_a_date(written: str, read: str) -> None:
    assert _read([written]) == [f"{read} 00:00"]


def test_two_letter_words_are_weekdays_only_before_a_date() -> None:
    written = ["Mo 08.01.24", "Memo 08.01.24", "do 3 out", "Mar 4, 2019", "so 12 apples", "Sa 12", "mar 3-4"]
    assert respell.respelled(pa.array(written)).to_pylist() == [
        "08.01.24", *written[1:]]
    assert _read(["Mar 4, 2019"]) == ["2019-03-04 00:00"]  # "mar" is a month here, not a Tuesday
    assert _read(["so 12 apples"]) == [""]


def test_microsoft_project_in_german_and_french_opens(tmp_path: Path) -> None:
    german = tmp_path / "msp_de.txt"
    german.write_text("Nr.\tVorgangsname\tDauer\tAnfang\tEnde\n1\tAusschreibung\t10 Tage\tMo 08.01.24\tFr 19.01.24\n"
                      "2\tVergabe\t0 Tage\tFr 02.02.24\tFr 02.02.24\n", encoding="utf-16")
    events = viewer.load(german).events.set_index("title")
    assert events.loc["Ausschreibung", "start"] == pd.Timestamp("2024-01-08T00:00Z")
    assert events.loc["Ausschreibung", "end"] == pd.Timestamp("2024-01-19T00:00Z")
    french = tmp_path / "msp_fr.csv"
    french.write_bytes("N°;Nom de la tâche;Durée;Début;Fin\r\n1;Appel d'offres;10 jours;lun 08/01/24;ven 19/01/24\r\n"
                       "2;Analyse;5 jours;lun 22/01/24;ven 26/01/24\r\n"
                       "3;Attribution;0 jour;ven 02/02/24;ven 02/02/24\r\n"
                       .encode("cp1252"))
    events = viewer.load(french).events.set_index("title")
    assert events["start"].tolist() == [pd.Timestamp(f"2024-{day}T00:00Z") for day in ("01-08", "01-22", "02-02")]


# 3. the weekdays settle the day/month order of a column whose numbers do not

def test_weekdays_vote_for_the_order_that_makes_them_true() -> None:
    assert weekdays.order(pd.Series(["Mon 08/01/24", "Tue 09/01/24", "Mon 05/02/24"])) == "dmy"
    assert weekdays.order(pd.Series(["Mon 1/8/24", "Wed 1/10/24"])) == "mdy"
    assert weekdays.order(pd.Series(["Mon 05/05/24", "08/01/24"])) is None  # both orders agree: no vote
    assert weekdays.order(pd.Series(["Fri 08/01/24", "Sun 09/01/24", "Sat 10/02/24"])) is None  # true under neither


def test_a_uk_schedule_of_ambiguous_dates_reads_day_first_by_its_weekdays(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")  # a computer that would read them month-first
    column = parse_column(pd.Series(["Mon 08/01/24", "Tue 09/01/24", "Mon 05/02/24", "Tue 12/03/24"]))
    assert column.instants.dt.strftime("%Y-%m-%d").tolist() == ["2024-01-08", "2024-01-09", "2024-02-05", "2024-03-12"]
    assert not any(level == "warning" for level, _ in column.notes)
    assert any("weekdays" in note for _, note in column.notes)
    # a day without its weekday in the same column is read the same way
    assert _read(["08/02/24", "Mon 08/01/24"]) == ["2024-02-08 00:00", "2024-01-08 00:00"]
    # the order asked for wins
    assert _read(["Mon 08/01/24"], date_order="mdy") == ["2024-08-01 00:00"]


def test_a_us_schedule_reads_month_first_on_a_british_computer(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    assert _read(["Mon 1/8/24", "Wed 1/10/24"]) == ["2024-01-08 00:00", "2024-01-10 00:00"]


def test_a_uk_microsoft_project_export_opens_on_the_right_days(tmp_path: Path) -> None:
    path = tmp_path / "msp_export_uk.csv"
    path.write_text("ID,Name,Duration,Start,Finish\n1,Kick-off,1 day,Mon 08/01/24,Mon 08/01/24\n"
                    "2,Audit current stock,3 days,Tue 09/01/24,Thu 11/01/24\n3,Supplier review,5 days,Mon 05/02/24,"
                    "Fri 09/02/24\n4,Board approval,0 days,Tue 12/03/24,Tue 12/03/24\n", encoding="utf-8")
    events = viewer.load(path).events.set_index("title")
    assert events.loc["Kick-off", "start"] == pd.Timestamp("2024-01-08T00:00Z")
    assert events.loc["Audit current stock", "end"] == pd.Timestamp("2024-01-11T00:00Z")
    assert events.loc["Board approval", "start"] == pd.Timestamp("2024-03-12T00:00Z")


# 4. a wiki's footnote marks after a date or a value

@pytest.mark.parametrize(("written", "read"), [
    ("March 3, 1999[2]", "1999-03-03"), ("2019[a]", "2019-01-01"), ("12 May 2020[note 1]", "2020-05-12"),
    ("1 May 2020 [3][4]", "2020-05-01"), ("2020-05-12[nb 2]", "2020-05-12"),
    ("May 2020[citation needed]", "2020-05-01"),
])
def test_a_date_is_read_without_its_footnote_mark(written: str, read: str) -> None:
    assert _read([written]) == [f"{read} 00:00"]


def test_brackets_that_are_content_stay() -> None:
    assert _read(["[1850]"]) == ["1850-01-01 00:00"]  # a cataloguer's date
    values = value_numbers.read(pd.Series(["$90 billion[3]", "€54.5 billion[5]", "43.4[a]", "7 [unclear]"]),
                                np.zeros(4, dtype=bool))[0]
    assert values.tolist()[:3] == [90e9, 54.5e9, 43.4] and np.isnan(values[3])


def test_a_wikipedia_table_of_mergers_keeps_its_dates_and_values(tmp_path: Path) -> None:
    path = tmp_path / "mergers.csv"
    path.write_text('Date,Acquirer,Target,Transaction value\n"March 3, 1999[2]",Pfizer,Warner-Lambert,$90 billion[3]\n'
                    '"January 17, 2000",Glaxo Wellcome,SmithKline Beecham,$76 billion[4]\n'
                    '"July 15, 2002",Pfizer,Pharmacia,$60 billion\n2008[a],Roche,Genentech,$46.8 billion\n',
                    encoding="utf-8")
    spec = from_json({"fields": {"start": "Date"}, "relations": [
        {"source": "Acquirer", "target": "Target", "kind": "acquired", "valid_from": "Date",
         "value": "Transaction value"}]})
    dataset = viewer.load(path, mapping=spec)
    ties = dataset.relations.set_index("target")
    assert ties.loc["warner_lambert", "valid_from"] == pd.Timestamp("1999-03-03T00:00Z")
    assert ties.loc["warner_lambert", "value"] == 90e9 and ties.loc["smithkline_beecham", "value"] == 76e9
    assert ties.loc["genentech", "valid_from"] == pd.Timestamp("2008-01-01T00:00Z")
    assert not [p for p in dataset.problems if "expected" in p.message]


# 5. durations as Microsoft Project and podcast feeds write them

@pytest.mark.parametrize(("written", "read"), [
    ("3 days?", (0, 3 * 86400.0)), ("1 wk?", (0, 7 * 86400.0)), ("7 edays", (0, 7 * 86400.0)),
    ("2 ewks", (0, 14 * 86400.0)), ("4 ehrs", (0, 4 * 3600.0)), ("1 mon", (1, 0.0)), ("2 emons", (2, 0.0)),
    ("2 wks", (0, 14 * 86400.0)), ("10 Tage", (0, 10 * 86400.0)), ("2 Wochen", (0, 14 * 86400.0)),
    ("1 Monat", (1, 0.0)), ("8 Std.", (0, 8 * 3600.0)), ("10 jours", (0, 10 * 86400.0)), ("0 jour", (0, 0.0)),
    ("2 semaines", (0, 14 * 86400.0)), ("3 días", (0, 3 * 86400.0)), ("5 giorni", (0, 5 * 86400.0)),
    ("3 dagen", (0, 3 * 86400.0)), ("2 meses", (2, 0.0)), ("2 Wochen und 3 Tage", (0, 17 * 86400.0)),
    ("35:10", (0, 35 * 60 + 10.0)), ("1:30", (0, 5400.0)),
])
def test_each_planners_duration_is_read(written: str, read: tuple[int, float]) -> None:
    assert durations.one(written) == pytest.approx(read)


def test_two_parts_are_minutes_and_seconds_where_the_column_shows_it() -> None:
    podcast = durations.parse(pd.Series(["00:42:13", "2533", "35:10", "12:30"]), "duration").seconds
    assert podcast.tolist() == [2533.0, 2533.0, 2110.0, 750.0]
    timesheet = durations.parse(pd.Series(["1:30", "8:00", "0:45"]), "Duration").seconds
    assert timesheet.tolist() == [5400.0, 28800.0, 2700.0]  # a time tracker's hours and minutes, as before


def test_a_microsoft_project_durations_column_makes_ends(tmp_path: Path) -> None:
    path = tmp_path / "msp_durations.csv"
    path.write_text("Task Name,Start,Duration\nDesign,2024-01-15,2 wks\nBuild,2024-02-01,1 mon\n"
                    "Cure concrete,2024-03-01,7 edays\nEstimate,2024-03-11,3 days?\n", encoding="utf-8")
    dataset = viewer.load(path)
    ends = dataset.events.set_index("title")["end"]
    assert ends["Design"] == pd.Timestamp("2024-01-28T00:00Z")  # calendar weeks: 15 to 28 January
    assert ends["Build"] == pd.Timestamp("2024-02-29T00:00Z")
    assert ends["Cure concrete"] == pd.Timestamp("2024-03-07T00:00Z")
    assert ends["Estimate"] == pd.Timestamp("2024-03-13T00:00Z")
    assert not [p for p in dataset.problems if "expected a duration" in p.message]


def test_a_podcast_feeds_minutes_and_seconds_end_its_episode(tmp_path: Path) -> None:
    path = tmp_path / "podcast.rss"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
                    'xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><title>Court Watch</title>'
                    "<item><title>Ep. 2</title><pubDate>Tue, 03 Jun 2008 11:05:30 GMT</pubDate>"
                    "<itunes:duration>1:02:13</itunes:duration></item>"
                    "<item><title>Ep. 1</title><pubDate>Sun, 01 Jun 2008 10:00:00 GMT</pubDate>"
                    "<itunes:duration>35:10</itunes:duration></item></channel></rss>", encoding="utf-8")
    ends = viewer.load(path).events.set_index("title")["end"]
    assert ends["Ep. 1"] == pd.Timestamp("2008-06-01T10:35:10Z")
    assert ends["Ep. 2"] == pd.Timestamp("2008-06-03T12:07:43Z")
