"""The columns of the event datasets analysts download (ACLED, UCDP GED, the Global Terrorism Database, ICEWS,
GDELT) are mapped from their own headers: ACLED's dates were read from its year column (every event on 1
January), its actors were left out, and ICEWS's and GDELT's first actor became the title."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io.table_mapping import guess_mapping


def _names(text: str) -> list[str]:
    return text.split(",")


ACLED = _names("event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
               "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,"
               "admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,"
               "tags,timestamp")  # (the timestamp is when the row was uploaded)
UCDP = _names("id,relid,year,active_year,type_of_violence,conflict_name,dyad_name,side_a_dset_id,side_a,"
              "side_b_dset_id,side_b,source_date,source_headline,where_description,country,date_prec,date_start,"
              "date_end,best")
GTD = _names("eventid,iyear,imonth,iday,approxdate,extended,country_txt,city,summary,gname,attacktype1_txt")
ICEWS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Event Text", "CAMEO Code", "Target Name",
         "Publisher", "Country"]
GDELT = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "Actor1Code", "Actor1Name", "Actor2Name", "EventCode",
         "SOURCEURL"]


@pytest.mark.parametrize(("columns", "start", "end", "title", "actors"), [
    (ACLED, "event_date", None, None, ("actor1", "assoc_actor_1", "actor2", "assoc_actor_2")),
    (UCDP, "date_start", "date_end", "conflict_name", ("side_a", "side_b")),
    (GTD, "iyear", None, "summary", ("gname",)),  # completed by imonth and iday, not replaced by approxdate
    (ICEWS, "Event Date", None, None, ("Source Name", "Target Name")),
    (GDELT, "SQLDATE", None, None, ("Actor1Name", "Actor2Name")),
])
def test_event_datasets_headers_are_mapped(columns: list[str], start: str, end: str | None, title: str | None,
                                           actors: tuple[str, ...]) -> None:
    mapping = guess_mapping(columns)
    assert (mapping.start, mapping.end, mapping.title, mapping.actors) == (start, end, title, actors)


@pytest.mark.parametrize(("columns", "own"), [(ACLED, "event_id_cnty"), (GTD, "eventid"), (ICEWS, "Event ID"),
                                               (GDELT, "GLOBALEVENTID")])
def test_event_datasets_keep_their_own_ids(columns: list[str], own: str) -> None:
    """ACLED's and GDELT's events were numbered by their rows (``row2``): a link back to the source was lost."""
    assert guess_mapping(columns).id == own


@pytest.mark.parametrize("name", ["endorsement", "endpoint", "weekend", "legend", "Spend"])
def test_names_that_only_begin_or_end_like_an_end_are_not_the_end(name: str) -> None:
    assert guess_mapping(["date", "title", name]).end is None


@pytest.mark.parametrize("name", ["date_end", "end_date", "endTime", "event_end_date", "finished_at", "ended_on"])
def test_an_end_column_is_found_by_its_name(name: str) -> None:
    assert guess_mapping(["date", "title", name]).end == name


def test_a_year_column_beside_a_date_column_is_not_the_start() -> None:
    assert guess_mapping(["year", "title", "published_on"]).start == "published_on"
    assert guess_mapping(["year", "title", "notes"]).start == "year"


def test_an_acled_export_opens_on_its_event_dates_with_its_actors(tmp_path: Path) -> None:
    path = tmp_path / "2019-03-01-2019-03-31-Nigeria.csv"
    path.write_text(",".join(ACLED) + "\n"
                    "NIG1234,04 March 2019,2019,1,Political violence,Battles,Armed clash,Military Forces of Nigeria "
                    "(2015-2023),,1,Boko Haram,,2,12,,566,Western Africa,Nigeria,Borno,Maiduguri,,Maiduguri,11.8464,"
                    "13.1603,1,Premium Times,National,On 4 March 2019 the military clashed with Boko Haram.,3,,"
                    "1618338155\n"
                    "NIG1235,05 March 2019,2019,1,Demonstrations,Protests,Peaceful protest,Protesters (Nigeria),"
                    "Labour Group (Nigeria),6,,,0,60,,566,Western Africa,Nigeria,Lagos,Ikeja,,Ikeja,6.6018,3.3515,1,"
                    "Punch,National,Workers protested over wages.,0,crowd size=no report,1618338155\n",
                    encoding="utf-8")
    events = viewer.load(path).events
    assert [str(t.date()) for t in events["start"]] == ["2019-03-04", "2019-03-05"]
    # an empty assoc_actor_1 left "a;;b"
    assert list(events["actors"].astype(str)) == ["Military Forces of Nigeria (2015-2023);Boko Haram",
                                                  "Protesters (Nigeria);Labour Group (Nigeria)"]
    assert list(events["category"].astype(str)) == ["Battles", "Protests"]
    # a source column of names, not addresses, is each event's source title (it had been taken for a link)
    assert list(events["source_title"]) == ["Premium Times", "Punch"]
    assert list(events["source_url"]) == ["", ""]
    assert list(events["tags"].astype(str)) == ["", "crowd size=no report"]


def test_when_what_who_is_a_start_a_title_and_actors() -> None:
    """A journalist's "when, what, who" table: "what" is the title (the window asked which column it was)."""
    mapping = guess_mapping(["When", "What", "Who", "Where"])
    assert (mapping.start, mapping.title, mapping.actors, mapping.certain) == ("When", "What", ("Who",), True)


@pytest.mark.parametrize(("columns", "category"), [
    (["ID", "Case Number", "Date", "Block", "IUCR", "Primary Type", "Description", "Location Description"],
     "Primary Type"),  # Chicago's crimes
    (["Unique Key", "Created Date", "Closed Date", "Agency", "Complaint Type", "Descriptor", "Location Type"],
     "Complaint Type"),  # New York's 311 requests: the first of its types
    (["Incident Datetime", "Incident ID", "Incident Category", "Incident Subcategory", "Incident Description"],
     "Incident Category"),  # San Francisco's police incidents
    (["DisNo.", "Disaster Group", "Disaster Type", "Disaster Subtype", "Start Year"], "Disaster Type"),  # EM-DAT
    (["Date", "Title", "Type", "Event Type"], "Type"),  # an exact name first
])
def test_open_datas_kind_of_event_is_the_category(columns: list[str], category: str) -> None:
    assert guess_mapping(columns).category == category


@pytest.mark.parametrize("name", ["Content-Type", "MIME type", "datatype", "File Type"])
def test_a_files_or_a_values_type_is_no_category(name: str) -> None:
    assert guess_mapping(["Date", "Subject", name]).category is None


def test_a_crime_log_opens_with_its_primary_type_as_each_events_category(tmp_path: Path) -> None:
    path = tmp_path / "Crimes_-_2020.csv"
    path.write_text("ID,Date,Primary Type,Description,Arrest\n"
                    "11938226,05/13/2020 01:39:53 PM,BATTERY,DOMESTIC BATTERY SIMPLE,false\n"
                    "11938227,05/14/2020 09:05:00 AM,THEFT,$500 AND UNDER,true\n", encoding="utf-8")
    events = viewer.load(path).events
    assert list(events["category"].astype(str)) == ["BATTERY", "THEFT"]
    assert [str(t) for t in events["start"]] == ["2020-05-13 13:39:53+00:00", "2020-05-14 09:05:00+00:00"]


def test_a_frame_column_of_codes_gives_way_to_the_dates_and_a_frame_of_steps_stays(tmp_path: Path) -> None:
    """``frame`` names a simulation's steps; SEC EDGAR's facts write a reporting frame ("CY2018Q3I") there, beside
    their ``end`` date: the table was refused, "no row has a date in the column 'frame'"."""
    facts = tmp_path / "facts.csv"
    facts.write_text("end,val,form,frame\n2018-09-29,265595000000,10-K,CY2018\n2018-12-29,84310000000,10-Q,"
                     "CY2018Q4\n2019-03-30,58015000000,10-Q,\n", encoding="utf-8")
    dataset = viewer.load(facts)
    assert list(dataset.events["start"].dt.strftime("%Y-%m-%d")) == ["2018-09-29", "2018-12-29", "2019-03-30"]
    assert any("'frame' holds neither steps nor dates" in p.message for p in dataset.problems)
    steps = tmp_path / "steps.csv"
    steps.write_text("frame,agent,state\n0,a,idle\n1,a,moving\n2,b,idle\n", encoding="utf-8")
    assert viewer.load(steps).meta.clock == "number"


@pytest.mark.parametrize(("columns", "actors"), [
    (["Title", "Created", "Created By", "Modified", "Modified By"], ("Created By",)),  # SharePoint, Airtable
    (["date", "type", "memberCreator", "data"], ("memberCreator",)),  # Trello's actions
    (["post_date", "post_title", "post_author"], ("post_author",)),  # WordPress
    (["Start", "Subject", "Meeting Organizer"], ("Meeting Organizer",)),  # Outlook
    (["date", "title", "authored", "modified_by"], ()),  # neither names who did it
])
def test_who_made_a_record_is_its_actor(columns: list[str], actors: tuple[str, ...]) -> None:
    assert guess_mapping(columns).actors == actors


def test_an_actor_written_as_an_object_names_an_untitled_event_by_its_name(tmp_path: Path) -> None:
    """Trello's actions name no title: the title made from the actor showed its JSON ({"fullName": …})."""
    import json
    path = tmp_path / "board.json"
    path.write_text(json.dumps({"actions": [
        {"id": f"a{i}", "date": f"2021-03-0{i + 1}T10:00:00.000Z", "type": "createCard",
         "memberCreator": {"fullName": ["Ana Lopez", "Ben Okafor"][i % 2], "username": "u"}} for i in range(4)]}))
    ds = viewer.load(path)
    assert sorted(set(ds.events["title"])) == ["Ana Lopez", "Ben Okafor"]
    assert sorted(set(ds.events["actors"])) == ["Ana Lopez", "Ben Okafor"]


FEC = ("Candidate_Name,Party_Affiliation,Beginning_Cash,Ending_Cash,Coverage_End_Date\n"
       '"SMITH, JESSE",DEM,0,0,01/31/2015\n"KOVACH, THOMAS",REP,-7615.03,1200.5,01/30/2015\n'
       '"BARNETT, BRYAN",REP,3500,0,01/26/2015\n')


def test_a_start_named_only_by_how_it_begins_gives_way_to_the_dates(tmp_path: Path) -> None:
    """The FEC's candidate summaries (as vega-datasets ships them): ``Beginning_Cash`` was taken for the start, the
    table opened on a clock of cash amounts, and ``Coverage_End_Date`` was refused in every row as an end."""
    path = tmp_path / "contributions.csv"
    path.write_text(FEC, encoding="utf-8")
    dataset = viewer.load(path)
    assert dataset.meta.clock == "calendar"
    assert list(dataset.events["start"].dt.strftime("%Y-%m-%d")) == ["2015-01-26", "2015-01-30", "2015-01-31"]
    assert "attr:Beginning_Cash" in dataset.events.columns
    assert any("'Beginning_Cash' holds no dates (such as '0'): dates from 'Coverage_End_Date'" in p.message
               for p in dataset.problems)
    assert not [p for p in dataset.problems if p.level in ("warning", "error")]


@pytest.mark.parametrize("name", ["Start", "Beginn", "Start Year", "started_at"])
def test_a_start_named_as_a_time_keeps_its_numbers(tmp_path: Path, name: str) -> None:
    path = tmp_path / "years.csv"
    path.write_text(f"{name},title,Note\n1914,War,2020-01-02\n1918,Peace,2020-01-03\n", encoding="utf-8")
    assert [t.year for t in viewer.load(path).events["start"]] == [1914, 1918]


@pytest.mark.parametrize(("columns", "start"), [
    (["year", "party", "candidate", "endorsement_points"], "year"),  # 538's endorsements
    (["Candidate", "Gender", "State", "Primary Date", "Office"], "Primary Date"),  # 538's primaries
    (["Mandate", "Start Date"], "Start Date"),
    (["candidates", "birthdate"], "birthdate"),
])
def test_a_candidate_or_a_mandate_is_no_date(columns: list[str], start: str) -> None:
    """Words that end as a date's name does ("candiDATE", "manDATE") were read as the start: a column of years gave
    way to the candidates' names, and every row was refused as having no date."""
    assert guess_mapping(columns).start == start


PRIMARIES = ("Candidate,Gender,State,Primary Date,Office,Primary Votes,Primary Outcome\n"
             'Gavin Dass,Male,Texas,3/1/22,Representative,"1,881",Lost\n'
             'Jasmine Crockett,Female,Texas,3/1/22,Representative,"31,747",Won\n'
             'Summer Lee,Female,Pennsylvania,5/17/22,Representative,"37,195",Won\n')


def test_a_table_of_candidates_opens_at_their_primaries(tmp_path: Path) -> None:
    (tmp_path / "dem_candidates.csv").write_text(PRIMARIES, encoding="utf-8")
    events = viewer.load(tmp_path / "dem_candidates.csv").events
    assert [(t.strftime("%Y-%m-%d"), title) for t, title in zip(events["start"], events["title"], strict=True)] == [
        ("2022-03-01", "Gavin Dass"), ("2022-03-01", "Jasmine Crockett"), ("2022-05-17", "Summer Lee")]


STATEMENTS = ("Person,Party,Statement Date,Latest Statement\n"
              "Bernie Sanders,Democratic,26-Dec,\"I don't want to do it unless I can do it well\"\n"
              "Jim Webb,Democratic,20-Nov,An Exploratory Committee\nJoe Biden,Democratic,9-Dec,Not made up my mind\n")


def test_days_of_a_month_with_no_year_are_refused_as_such(tmp_path: Path) -> None:
    """538's potential candidates date each statement "26-Dec": refused as holding no date "like 2019, 2019-12 …",
    which did not say what was missing."""
    path = tmp_path / "statements.csv"
    path.write_text(STATEMENTS, encoding="utf-8")
    with pytest.raises(viewer.LoadError, match=r"statements\.csv: the column 'Statement Date' holds days of a month "
                                               r"with no year \(such as '26-Dec'\), which no timeline can place"):
        viewer.load(path)


@pytest.mark.parametrize(("columns", "start"), [
    (["Name", "Birth Year"], "Birth Year"),  # refused before: no date column
    (["budgetYear", "forecastYear", "value"], "budgetYear"),
    (["Fiscal Year", "Transaction Date", "Amount"], "Transaction Date"),  # a date wins over a year, as over "Year"
    (["Job", "Salary per year"], None),  # an amount a year, no year
])
def test_a_column_named_as_a_kind_of_year_is_a_start(columns: list[str], start: str | None) -> None:
    assert guess_mapping(columns).start == start


def test_a_starter_is_no_start_beside_a_draft_year(tmp_path: Path) -> None:
    """538's draft projections: "Starter" (a share) was read as the start by its first letters, the table opened on
    a clock of shares, and its Draft Year was an attribute."""
    path = tmp_path / "historical_projections.csv"
    path.write_text("Player,Position,Draft Year,Projected SPM,Starter,Bust\n"
                    "Karl-Anthony Towns,C,2015,1.030605703,0.427183333,0.274966667\n"
                    "Jahlil Okafor,C,2015,0.522211,0.383,0.19\nTim Duncan,PF,1997,2.1,0.45,0.05\n", encoding="utf-8")
    dataset = viewer.load(path)
    assert dataset.meta.clock == "calendar" and [t.year for t in dataset.events["start"]] == [1997, 2015, 2015]
    assert "attr:Starter" in dataset.events
