"""A table's columns mapped by their names, then checked against what they hold: registers, planners, trackers and
message exports whose names misled the guess (found by opening such exports as their tools write them)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import table
from viewer.model.attributes import PREFIX
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError


def _load(tmp_path: Path, text: str, name: str = "table.csv", **options: object) -> Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return viewer.load(path, **options)


def _said(ds: Dataset) -> list[str]:
    return [p.message for p in ds.problems]


REGISTER = ("CompanyName, CompanyNumber,CompanyCategory,CompanyStatus,DissolutionDate,IncorporationDate\n"
            "ACME WIDGETS LTD,09145694,Private Limited Company,Active,,14/07/2014\n"
            "BETA HOLDINGS PLC,01234567,Public Limited Company,Active,,02/03/1998\n"
            "GAMMA TRADING LTD,07654321,Private Limited Company,Dissolved,21/11/2019,05/06/2011\n")


def test_a_register_opens_on_its_incorporations_and_ends_at_its_dissolutions(tmp_path: Path) -> None:
    """Companies House's free register names DissolutionDate first: it was the start, and every live company (its
    file of live companies: all of them) was skipped."""
    ds = _load(tmp_path, REGISTER)
    rows = ds.events.sort_values("start")
    assert [str(d.date()) for d in rows["start"]] == ["1998-03-02", "2011-06-05", "2014-07-14"]
    assert [str(d.date()) if pd.notna(d) else "" for d in rows["end"]] == ["", "2019-11-21", ""]
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_start_column_written_in_few_rows_gives_way_to_one_written_in_all(tmp_path: Path) -> None:
    text = ("Title,Author,Date Read,Date Added\nDune,Herbert,2021/03/04,2020/12/01\nEmma,Austen,,2021/01/15\n"
            "Ulysses,Joyce,,2021/02/10\nBeloved,Morrison,,2021/05/20\n")
    ds = _load(tmp_path, text)
    assert len(ds.events) == 4
    assert str(ds.events.sort_values("start")["start"].iloc[0].date()) == "2020-12-01"
    assert any("dates from the column 'Date Added' (written in 100% of the rows), not 'Date Read' (in 25%)" in m
               for m in _said(ds))
    assert table.preview(tmp_path / "table.csv").mapping.certain is False  # the window asks


def test_of_two_event_timestamps_the_start_is_the_start_and_the_end_the_end(tmp_path: Path) -> None:
    """Apple Music's columns are in alphabetical order: its Event End Timestamp was taken as the start."""
    text = ("Content Name,Event End Timestamp,Event Start Timestamp\n"
            "Song A,2023-01-05T12:04:00Z,2023-01-05T12:00:00Z\nSong B,2023-01-05T12:09:30Z,2023-01-05T12:05:00Z\n")
    ds = _load(tmp_path, text)
    first = ds.events.sort_values("start").iloc[0]
    assert first["start"] == pd.Timestamp("2023-01-05T12:00Z") and first["end"] == pd.Timestamp("2023-01-05T12:04Z")


def test_a_to_column_of_names_is_no_end_and_is_kept(tmp_path: Path) -> None:
    text = ("FROM,TO,DATE,SUBJECT\nAnna Weiss,Max Müller,2023-03-01 10:00:00 UTC,Hello\n"
            "Max Müller,Anna Weiss,2023-03-02 09:00:00 UTC,Re: Hello\n")
    ds = _load(tmp_path, text)
    assert ds.events["end"].isna().all()
    assert sorted(ds.events[f"{PREFIX}TO"]) == ["Anna Weiss", "Max Müller"]
    assert not [p for p in ds.problems if p.level != "info"]  # no "expected a date (end ignored)" a row


def test_a_link_column_of_words_is_no_source_link(tmp_path: Path) -> None:
    """ICIJ's relationships.csv: its link is the relationship ("shareholder of")."""
    text = ("node_id_start,node_id_end,rel_type,link,start_date\n1,2,officer_of,shareholder of,23-MAR-2006\n"
            "3,2,officer_of,director of,05-JUN-1998\n")
    ds = _load(tmp_path, text)
    assert (ds.events["source_url"].fillna("") == "").all()
    assert sorted(ds.events["title"]) == ["director of", "shareholder of"]  # (its text varies most)


def test_the_finishes_settle_the_day_month_order_the_starts_cannot(tmp_path: Path) -> None:
    """A British plan whose starts all fall on days 1-12: they were read month-first (8 Jan as 1 Aug) and the
    finishes that show day-first (16/02) were dropped as ending before their start."""
    text = "Task,Start,Finish\nDesign,08/01/24,12/01/24\nBuild,05/02/24,16/02/24\nTrial,04/03/24,13/03/24\n"
    ds = _load(tmp_path, text)
    rows = ds.events.sort_values("start")
    assert [str(d.date()) for d in rows["start"]] == ["2024-01-08", "2024-02-05", "2024-03-04"]
    assert [str(d.date()) for d in rows["end"]] == ["2024-01-12", "2024-02-16", "2024-03-13"]
    assert any("read day-first, as the column 'Finish' shows" in m for m in _said(ds))
    assert not any("ambiguous" in m for m in _said(ds))


def test_tasks_with_only_a_due_date_are_placed_at_it(tmp_path: Path) -> None:
    text = ("Task ID,Name,Assignee,Start Date,Due Date\n1,Draft budget,Chris,,2024-01-12\n"
            "2,Collect requests,Pat,2024-01-03,2024-01-09\n3,Book room,,,2024-01-25\n4,Someday,,,\n")
    ds = _load(tmp_path, text)
    rows = ds.events.sort_values("start")
    assert list(rows["title"]) == ["Collect requests", "Draft budget", "Book room"]
    assert str(rows["end"].iloc[0].date()) == "2024-01-09"
    assert any("2 rows with no Start Date but a Due Date: placed at their Due Date" in m for m in _said(ds))
    assert any("1 row has no start date" in m for m in _said(ds))  # nothing at all: still said


def test_a_timetable_of_weekdays_is_refused_naming_its_column(tmp_path: Path) -> None:
    text = "Day,Period,Subject,Teacher\nMonday,1,Maths,Ms Reed\nMonday,2,History,Mr Cole\nTuesday,1,Art,Ms Reed\n"
    with pytest.raises(LoadError, match=r"timetable\.csv: no row has a date .* in the column 'Day' \(such as "
                                        r"'Monday'\); choose the column of dates"):
        _load(tmp_path, text, "timetable.csv")
    assert table.preview(tmp_path / "timetable.csv").mapping.certain is False


def test_outlook_in_german_and_planners_people_are_read(tmp_path: Path) -> None:
    text = ('"Betreff","Beginnt am","Beginnt um","Endet am","Endet um","Ganztägiges Ereignis","Erforderliche"\n'
            '"Projekttreffen","15.01.2024","09:30:00","15.01.2024","11:00:00","Aus",""\n'
            '"Betriebsausflug","19.01.2024","00:00:00","20.01.2024","00:00:00","Ein",""\n')
    ds = _load(tmp_path, text)
    meeting = ds.events.set_index("title").loc["Projekttreffen"]
    assert meeting["start"] == pd.Timestamp("2024-01-15T09:30Z")
    assert meeting["end"] == pd.Timestamp("2024-01-15T11:00Z")
    assert ds.events.set_index("title").loc["Betriebsausflug", "precision"] == "day"
    plan = _load(tmp_path, "Task Name,Assigned To,Start Date,End Date\nKick-off,Ana Silva,2024-01-08,2024-01-09\n")
    assert list(plan.events["actors"]) == ["Ana Silva"] and list(plan.events["title"]) == ["Kick-off"]


def test_the_unix_epoch_written_for_no_date_is_none_and_a_trip_ends_at_its_dropoff(tmp_path: Path) -> None:
    """Uber's trips_data: a cancelled trip begins and ends on "1970-01-01 00:00:00 +0000 UTC"; the timeline ran from
    1970, and the dropoff was no end."""
    text = ("City,Product Type,Trip or Order Status,Request Time,Begin Trip Time,Begin Trip Address,Dropoff Time\n"
            "Berlin,UberX,COMPLETED,2019-05-02 02:01:00 +0000 UTC,2019-05-02 02:05:00 +0000 UTC,Street 0,"
            "2019-05-02 02:25:00 +0000 UTC\n"
            "Berlin,UberX,CANCELED,2019-05-03 10:00:00 +0000 UTC,1970-01-01 00:00:00 +0000 UTC,,"
            "1970-01-01 00:00:00 +0000 UTC\n"
            "Berlin,UberX,COMPLETED,2019-05-04 00:01:00 +0000 UTC,2019-05-04 00:05:00 +0000 UTC,Street 1,"
            "2019-05-04 00:25:00 +0000 UTC\n")
    ds = _load(tmp_path, text)
    assert [str(d) for d in ds.events.sort_values("start")["end"]] == ["2019-05-02 02:25:00+00:00",
                                                                        "2019-05-04 00:25:00+00:00"]
    said = _said(ds)
    assert any("1 row writes the Unix epoch (1970-01-01 00:00 UTC)" in m for m in said)
    assert any("1 row has no start date" in m for m in said)
    real = _load(tmp_path, "date,title\n1970-01-01T00:00:00Z,Epoch\n1970-03-01,Spring\n", "real.csv")
    assert real.event_count == 2  # 1970 among dates of 1970 is a day in 1970


def test_a_table_of_mergers_suggests_each_target_acquired_by_its_acquirer(tmp_path: Path) -> None:
    """Wikipedia's lists of mergers (Date, Acquirer, Target, Transaction value): no tie was suggested, the Acquirer
    being taken for the row's own party."""
    from viewer.io.spec_suggest import suggest_spec
    path = tmp_path / "mergers.csv"
    path.write_text('Date,Acquirer,Target,Transaction value,Notes\n"March 3, 1999[2]",Pfizer,Warner-Lambert,'
                    '$90 billion[3],Hostile bid\n"January 17, 2000",Glaxo Wellcome,SmithKline Beecham,$76 billion,\n',
                    encoding="utf-8")
    spec = suggest_spec(path)
    assert [(r.source, r.target, r.kind, r.value) for r in spec.relations] == [
        ("Target", "Acquirer", "acquired_by", "Transaction value")]
    ties = viewer.load(path, mapping=spec).relations.set_index("source")
    assert ties.loc["warner_lambert", "target"] == "pfizer" and float(ties.loc["warner_lambert", "value"]) == 9e10
    assert ties.loc["warner_lambert", "valid_from"] == pd.Timestamp("1999-03-03", tz="UTC")


def test_pockets_csv_export_opens_on_when_each_link_was_saved(tmp_path: Path) -> None:
    text = ("title,url,time_added,tags,status\nThe Fixer,https://longreads.example/the-fixer,1609459200,"
            "corruption|politics,unread\nOld story,https://example.net/old,1546300800,,archive\n")
    ds = _load(tmp_path, text, "part_000000.csv")
    assert [str(d.date()) for d in ds.events.sort_values("start")["start"]] == ["2019-01-01", "2021-01-01"]


PSC = ('{"company_number": "09145694", "data": {"date_of_birth": {"month": 2, "year": 1977}, "kind": '
       '"individual-person-with-significant-control", "name": "Mr John Smith", "notified_on": "2016-04-06", '
       '"natures_of_control": ["ownership-of-shares-25-to-50-percent"]}}\n'
       '{"company_number": "09145694", "data": {"date_of_birth": {"month": 9, "year": 1981}, "kind": '
       '"individual-person-with-significant-control", "name": "Mrs Sarah Patel", "notified_on": "2019-11-20", '
       '"ceased_on": "2023-01-31", "natures_of_control": ["voting-rights-25-to-50-percent"]}}\n')


def test_a_start_column_of_records_gives_way_to_one_of_dates(tmp_path: Path) -> None:
    """Companies House's PSC snapshot as JSON lines: the window's column dialog offered date_of_birth (a record of a
    month and a year) as the start, and reading it so opened nothing."""
    path = tmp_path / "psc.jsonl"
    path.write_text(PSC, encoding="utf-8")
    preview = table.preview(path)
    assert (preview.mapping.start, preview.mapping.end) == ("notified_on", "ceased_on")
    assert preview.mapping.certain is False  # the dialog asks
    assert any("holds records (such as '{\"month\": 2, \"year\": 1977}'), not dates: dates from 'notified_on'"
               in p.message for p in preview.problems)
    ds = viewer.load(path)
    assert [str(d.date()) for d in ds.events.sort_values("start")["start"]] == ["2016-04-06", "2019-11-20"]


def test_a_register_suggests_no_tie_to_its_own_uri_or_previous_name(tmp_path: Path) -> None:
    """Companies House's free register ends with each company's URI and lists its previous names: the window offered
    (ticked) ties from every company to its own web address, or to its own former name."""
    from viewer.io.spec_suggest import suggest_spec
    path = tmp_path / "BasicCompanyData.csv"
    path.write_text("CompanyName, CompanyNumber,CompanyCategory,IncorporationDate,PreviousName_1.CONDATE,"
                    " PreviousName_1.CompanyName,URI\n"
                    "ACME WIDGETS PLC,01234567,Public Limited Company,03/05/1928,01/01/1990,ACME LIMITED,"
                    "http://business.data.gov.uk/id/company/01234567\n"
                    "SMITH & SONS (CATERING) LTD,06512345,Private Limited Company,21/02/2008,,,"
                    "http://business.data.gov.uk/id/company/06512345\n", encoding="utf-8")
    spec = suggest_spec(path)
    assert spec.relations == () and spec.entities == ()
