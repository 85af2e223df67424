"""JSON documents that keep their records where APIs and tools put them: GeoJSON features (USGS's earthquake
feed), SPARQL results (Wikidata's query service), an API's nested list, Elasticsearch's hits. Each was refused
as "JSON that Entente does not recognise"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from viewer.io import load
from viewer.io.record_lists import records_of
from viewer.model.problems import LoadError

HOUR_MS = 3_600_000


def _quakes(count: int = 6) -> dict[str, object]:
    """As https://earthquake.usgs.gov/earthquakes/feed/v1.0/geojson.php writes it (times in ms, depth third)."""
    features = [{"type": "Feature", "id": f"ci{i}",
                 "properties": {"mag": 4.5 + i / 10, "place": f"{i} km SW of Ridgecrest, CA",
                                "time": 1_562_383_800_000 + i * HOUR_MS, "updated": 1_562_400_000_000,
                                "title": f"M {4.5 + i / 10:.1f} - {i} km SW of Ridgecrest, CA", "type": "earthquake"},
                 "geometry": {"type": "Point", "coordinates": [-117.5 - i / 100, 35.7, 8.2]}} for i in range(count)]
    return {"type": "FeatureCollection", "metadata": {"generated": 1_562_400_000_000, "title": "USGS Earthquakes"},
            "features": features}


def _wikidata() -> dict[str, object]:
    """A query service download: each value a binding with its type."""
    battles = [("Q48314", "Battle of Waterloo", "1815-06-18T00:00:00Z"), ("Q33302", "Battle of Austerlitz",
                                                                            "1805-12-02T00:00:00Z"),
               ("Q152499", "Battle of Trafalgar", "1805-10-21T00:00:00Z")]
    bindings = [{"battle": {"type": "uri", "value": f"http://www.wikidata.org/entity/{q}"},
                 "battleLabel": {"xml:lang": "en", "type": "literal", "value": label},
                 "date": {"datatype": "http://www.w3.org/2001/XMLSchema#dateTime", "type": "literal", "value": when}}
                for q, label, when in battles]
    return {"head": {"vars": ["battle", "battleLabel", "date", "place"]}, "results": {"bindings": bindings}}


def _write(folder: Path, name: str, document: object) -> Path:
    path = folder / name
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("name", ["quakes.geojson", "quakes.json"])
def test_a_geojson_feed_opens_with_its_places(tmp_path: Path, name: str) -> None:
    ds = load(_write(tmp_path, name, _quakes()))
    assert ds.event_count == 6 and ds.meta.clock == "calendar"
    first = ds.events.iloc[0]
    assert first["id"] == "ci0" and first["title"] == "M 4.5 - 0 km SW of Ridgecrest, CA"
    assert first["start"].isoformat() == "2019-07-06T03:30:00+00:00"
    assert (first["attr:longitude"], first["attr:latitude"], first["attr:altitude"]) == (-117.5, 35.7, 8.2)
    assert [p.message for p in ds.problems] == ["large numbers read as Unix time in milliseconds"]


def test_records_whose_date_is_sometimes_empty_open_and_say_which_rows(tmp_path: Path) -> None:
    """A feed whose second quake has no time, and a feature with no properties at all (null, as GeoJSON allows):
    before, two holes in six made the file "JSON that Entente does not recognise"."""
    quakes = _quakes()
    features = quakes["features"]
    assert isinstance(features, list)
    features[1]["properties"]["time"] = None
    features[3]["properties"] = None
    ds = load(_write(tmp_path, "quakes.geojson", quakes))
    assert ds.event_count == 4
    assert any("no start date" in p.message and "row 2" in p.message for p in ds.problems), ds.problems


def test_sparql_results_open_with_their_labels_as_titles(tmp_path: Path) -> None:
    ds = load(_write(tmp_path, "query.json", _wikidata()))
    assert ds.events["title"].tolist() == ["Battle of Trafalgar", "Battle of Austerlitz", "Battle of Waterloo"]
    assert ds.events["start"].dt.year.tolist() == [1805, 1805, 1815]
    assert ds.events["attr:battle"].iloc[2] == "http://www.wikidata.org/entity/Q48314"


@pytest.mark.parametrize("document", [
    {"meta": {"page": 1}, "results": {"items": [{"date": "2020-01-02", "title": "A"}, {"date": "2020-01-03",
                                                                                    "title": "B"}]}},
    {"took": 3, "hits": {"total": 2, "hits": [{"_id": "a1", "_source": {"@timestamp": "2020-01-02T10:00:00Z",
                                                                          "message": "A"}},
                                              {"_id": "b2", "_source": {"@timestamp": "2020-01-03T10:00:00Z",
                                                                        "message": "B"}}]}},
    {"status": "ok", "payload": [{"date": "2020-01-02", "title": "A"}, {"date": "2020-01-03", "title": "B"}]},
], ids=["nested", "elasticsearch", "any-key"])
def test_records_kept_deeper_open(tmp_path: Path, document: object) -> None:
    ds = load(_write(tmp_path, "export.json", document))
    assert ds.event_count == 2 and ds.events["start"].dt.day.tolist() == [2, 3]


def test_records_kept_by_their_id_open_with_the_key_as_id(tmp_path: Path) -> None:
    """A Firebase export: a collection of records under their generated keys, beside another collection."""
    events = {f"-NxA{i}": {"date": f"2020-01-0{i + 1}", "title": f"Post {i}"} for i in range(3)}
    events["-NxA2"]["id"] = "kept"  # a record's own id wins over its key
    ds = load(_write(tmp_path, "export.json", {"users": {"u1": {"name": "Ada"}}, "events": events}))
    assert ds.events["id"].tolist() == ["-NxA0", "-NxA1", "kept"]
    assert ds.events["title"].tolist() == ["Post 0", "Post 1", "Post 2"]


@pytest.mark.parametrize("document", [
    {"range": "Sheet1!A1:C4", "majorDimension": "ROWS",
     "values": [["Date", "Title", "Who"], ["2020-01-02", "A", "x"], ["2020-01-03", "B"]]},  # Google Sheets' API
    [["date", "title"], ["2020-01-02", "A"], ["2020-01-03", "B"]],
    {"columns": ["date", "title"], "index": [0, 1], "data": [["2020-01-02", "A"], ["2020-01-03", "B"]]},
    {"date": {"0": "2020-01-02", "1": "2020-01-03"}, "title": {"0": "A", "1": "B"}},  # pandas' to_json()
    {"0": {"date": "2020-01-02", "title": "A"}, "1": {"date": "2020-01-03", "title": "B"}},  # orient="index"
], ids=["google-sheets", "rows-under-names", "pandas-split", "pandas-columns", "pandas-index"])
def test_tables_written_as_rows_or_columns_open(tmp_path: Path, document: object) -> None:
    ds = load(_write(tmp_path, "table.json", document))
    assert ds.events["title"].tolist() == ["A", "B"] and ds.events["start"].dt.day.tolist() == [2, 3]


def test_what_holds_no_records_is_still_refused(tmp_path: Path) -> None:
    assert records_of({"a": {"b": {"c": {"d": [{"date": "2020-01-01"}]}}}}) is None  # deeper than three
    assert records_of({"type": "FeatureCollection", "features": []}) is None
    assert records_of({"settings": {"a": {"x": {"deep": 1}}, "b": {"y": [1]}}}) is None  # settings, not records
    assert records_of([[1, 2], [3, 4]]) is None  # numbers without a row of names
    with pytest.raises(LoadError, match=r"JSON that Entente does not recognise; expected .* GeoJSON features, SPARQL"
                                        r" results\)"):
        load(_write(tmp_path, "config.json", {"settings": {"theme": "dark"}, "plugins": [{"name": "x"}]}))


def test_a_simulation_time_column_stays_on_the_numeric_clock(tmp_path: Path) -> None:
    path = tmp_path / "run.csv"
    path.write_text("time,title\n0,start\n1.5,split\n1000000,end\n", encoding="utf-8")
    assert load(path).meta.clock == "number"


def _tiktok() -> dict[str, object]:
    """As TikTok's "Download your data" writes user_data.json: each activity a list in an object of its own."""
    def listed(dates: list[str], **fields: str) -> list[dict[str, str]]:
        return [{"Date": f"{date} 10:00:00", **fields} for date in dates]
    return {"Activity": {"Video Browsing History": {"VideoList": listed(["2023-01-01", "2023-01-02", "2023-01-03"],
                                                                         Link="https://www.tiktokv.com/share/video/1/")},
                         "Like List": {"ItemFavoriteList": listed(["2023-02-01", "2023-02-05"],
                                                                  Link="https://www.tiktokv.com/share/video/9/")},
                         "Search History": {"SearchList": listed(["2023-03-01"], SearchTerm="cats")},
                         "Following List": {"Following": listed(["2023-03-02"], UserName="someone")}},
            "Profile": {"Profile Information": {"ProfileMap": {"userName": "me", "bioDescription": "hi"}}},
            "Comment": {"Comments": {"CommentsList": listed(["2023-04-01"], Comment="nice")}},
            "Direct Messages": {"Chat History": {"ChatHistory": {"Chat History with bob:": listed(
                ["2023-04-02", "2023-04-03"], From="bob", Content="hello")}}}}


def test_dated_lists_kept_in_separate_objects_are_read_together_each_row_named_by_its_list(tmp_path: Path) -> None:
    """Before: the videos watched were read, and the likes, searches, follows and comments dropped without a word."""
    path = tmp_path / "user_data.json"
    path.write_text(json.dumps(_tiktok()), encoding="utf-8")
    events = load(path).events.sort_values("start")
    assert list(events["category"].astype(str)) == [*["Video Browsing History"] * 3, *["Like List"] * 2,
                                                    "Search History", "Following List", "Comments",
                                                    *["Chat History with bob"] * 2]
    assert events["start"].dt.strftime("%Y-%m-%d").tolist()[-5:] == ["2023-03-01", "2023-03-02", "2023-04-01",
                                                                      "2023-04-02", "2023-04-03"]
    assert list(events["actors"].astype(str))[-2:] == ["bob", "bob"]
    assert "cats" in events["attr:SearchTerm"].astype(str).tolist()
    titles = dict(zip(events["category"].astype(str), events["title"].astype(str), strict=False))
    assert (titles["Search History"], titles["Comments"], titles["Following List"]) == ("cats", "nice", "someone")
    assert titles["Video Browsing History"] == "Video Browsing History"  # (a link alone: called by its list)


def test_lists_side_by_side_in_one_object_are_still_read_as_before(tmp_path: Path) -> None:
    """A Trello board's cards and actions sit in one object: the records under a known key (or the longer list) are
    read, as before, and a record's own category is kept when lists are gathered."""
    board = {"actions": [{"date": f"2023-01-0{i}", "type": "updateCard"} for i in range(1, 4)],
             "cards": [{"dateLastActivity": "2023-02-01", "name": "Card"}]}
    assert [row["type"] for row in records_of(board) or []] == ["updateCard"] * 3
    gathered = records_of({"a": {"items": [{"date": "2023-01-01", "category": "x"}]},
                           "b": {"items": [{"date": "2023-01-02", "category": "y"}]}}) or []
    assert [(row["category"], row["list"]) for row in gathered] == [("x", "a"), ("y", "b")]


def test_lists_of_like_records_side_by_side_are_read_together(tmp_path: Path) -> None:
    """Snapchat's chat_history.json: the chats received and sent, in two lists; a list a year. Only the longer list
    was read."""
    def chat(day: int, **who: str) -> dict[str, str]:
        return {**who, "Media Type": "TEXT", "Created": f"2021-03-{day:02d} 10:00:00 UTC", "Text": f"message {day}"}
    path = tmp_path / "chat_history.json"
    path.write_text(json.dumps({"Received Saved Chat History": [chat(1, From="alice"), chat(3, From="bob")],
                                "Sent Saved Chat History": [chat(2, To="alice")]}), encoding="utf-8")
    events = load(path).events.sort_values("start")
    assert list(events["title"].astype(str)) == ["message 1", "message 2", "message 3"]
    assert list(events["category"].astype(str)) == ["Received Saved Chat History", "Sent Saved Chat History",
                                                    "Received Saved Chat History"]
    by_year = {str(year): [{"date": f"{year}-0{i}-01", "title": f"{year} #{i}"} for i in (1, 2)]
               for year in (2019, 2020)}
    assert [row["title"] for row in records_of(by_year) or []] == ["2019 #1", "2019 #2", "2020 #1", "2020 #2"]


def test_a_companys_facts_from_sec_edgar_open_each_fact_named_by_its_unit(tmp_path: Path) -> None:
    """EDGAR's companyfacts API keeps each concept's values in a list per unit, five objects deep: it was refused
    as "JSON that Entente does not recognise"."""
    def fact(end: str, value: int, frame: str) -> dict[str, object]:
        return {"end": end, "val": value, "accn": "0000320193-18-000145", "fy": 2018, "fp": "FY", "form": "10-K",
                "filed": "2018-11-05", "frame": frame}
    shares = {"shares": [fact("2018-10-19", 4_745_398_000, "CY2018Q3I")]}
    dollars = {"USD": [fact("2018-09-29", 265_595_000_000, "CY2018"), fact("2018-12-29", 84_310_000_000, "CY2018Q4")]}
    document = {"cik": 320193, "entityName": "Apple Inc.", "facts": {
        "dei": {"EntityCommonStockSharesOutstanding": {"label": "Shares Outstanding", "units": shares}},
        "us-gaap": {"Revenues": {"label": "Revenues", "units": dollars}}}}
    path = tmp_path / "CIK0000320193.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    events = load(path).events.sort_values("start")
    assert list(events["category"].astype(str)) == ["USD", "shares", "USD"]
    assert list(events["attr:val"]) == [265_595_000_000, 4_745_398_000, 84_310_000_000]


def test_each_of_many_conversations_kept_by_their_ids_is_read_named_by_its_id(tmp_path: Path) -> None:
    """A chat export keyed by conversation: only the first conversation's messages were read. (Naming 5,000 lists
    compared every list with every other one.)"""
    document = {"users": {f"user{i}": {"messages": [{"date": f"2020-01-{1 + day:02d}", "text": f"{i}/{day}"}
                                                    for day in range(3)]} for i in range(2_000)}}
    path = tmp_path / "messages.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    events = load(path).events
    assert len(events) == 6_000 and events["category"].nunique() == 2_000
    assert set(events.loc[events["category"] == "user7", "title"].astype(str)) == {"7/0", "7/1", "7/2"}


def test_a_records_document_is_parsed_once(tmp_path: Path, json_parses: list[int]) -> None:
    """The route that tells what a JSON file is parses it; the records reader parsed it again (0.4 s of a 45 MB
    export's 1.7 s)."""
    parsed = json_parses
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"data": [{"date": f"2020-01-0{day}", "title": f"day {day}"} for day in range(1, 8)]}),
                    encoding="utf-8")
    assert load(path).event_count == 7 and len(parsed) == 1
