"""Files that activity trackers, issue trackers, browsers and graph tools write, read as what they hold: Unix
times in micro- and nanoseconds, a database's rows without notes around them, Strava's activities, GitHub's
issues, a GPS track named ``.gpx``, and an edge list's source and target as the parties of a tie."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io.spec_suggest import suggest_spec
from viewer.model.problems import LoadError


def _said(ds: viewer.Dataset) -> list[str]:
    return [str(problem) for problem in ds.problems]


def test_unix_times_in_micro_and_nanoseconds_are_read_and_said(tmp_path: Path) -> None:
    for unit, scale in (("micro", 10**6), ("nano", 10**9)):
        path = tmp_path / f"{unit}.csv"
        path.write_text("title,timestamp\n" + "".join(f"e{i},{(1614585600 + 3600 * i) * scale}\n" for i in range(3)))
        ds = viewer.load(path)
        assert ds.events["start"].tolist() == [pd.Timestamp(f"2021-03-01T0{8 + i}:00Z") for i in range(3)]
        assert any(f"Unix time in {unit}seconds" in text for text in _said(ds))


def test_counts_since_1601_are_read_as_chrome_and_windows_write_them_not_as_unix_time(tmp_path: Path) -> None:
    march = 1614585600 + 11_644_473_600  # 2021-03-01T08:00Z in seconds since 1601
    for unit, scale, said in (("webkit", 10**6, "Chrome's WebKit time"), ("filetime", 10**7, "Windows' FILETIME")):
        path = tmp_path / f"{unit}.csv"  # Chrome's History (last_visit_time), Active Directory (lastLogonTimestamp)
        path.write_text("title,last_visit_time\n" + "".join(f"v{i},{(march + 60 * i) * scale}\n" for i in range(3)))
        ds = viewer.load(path)
        assert ds.events["start"].tolist() == [pd.Timestamp(f"2021-03-01T08:0{i}Z") for i in range(3)]
        assert any(said in text for text in _said(ds))
        assert not any("time zone" in text for text in _said(ds))  # a count from an instant needs none


def test_a_databases_last_row_without_a_date_is_a_row_not_a_total(tmp_path: Path) -> None:
    path = tmp_path / "places.sqlite"  # Firefox's history: a place never visited has no date
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE moz_places (id INTEGER, url TEXT, title TEXT, last_visit_date INTEGER)")
        db.executemany("INSERT INTO moz_places VALUES (?, ?, ?, ?)",
                       [(i, f"https://example.org/{i}", f"Page {i}", None if i == 5 else 1614585600000000 + i * 10**9)
                        for i in range(1, 6)])
    said = _said(viewer.load(path))
    assert not any("below the table" in text for text in said), said
    assert any("1 row has no start date (first: row 5); skipped" in text for text in said), said


def test_stravas_activities_start_at_their_date_and_last_their_elapsed_time(tmp_path: Path) -> None:
    path = tmp_path / "activities.csv"
    path.write_text('Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance,Moving Time\n'
                    '4870000001,"Mar 1, 2021, 8:00:00 AM",Morning Run,Run,1800,5.01,1750.0\n'
                    '4870000002,"Mar 2, 2021, 6:30:15 PM",Evening Ride,Ride,3600,20.40,3400.0\n')
    ds = viewer.load(path)
    assert ds.events["start"].tolist() == [pd.Timestamp("2021-03-01T08:00Z"), pd.Timestamp("2021-03-02T18:30:15Z")]
    assert ds.events["end"].tolist() == [pd.Timestamp("2021-03-01T08:30Z"), pd.Timestamp("2021-03-02T19:30:15Z")]
    assert ds.events["title"].tolist() == ["Morning Run", "Evening Ride"]
    assert not any("times are unreadable" in text or "years" in text for text in _said(ds)), _said(ds)


def test_github_issues_name_their_people_by_login_and_their_labels_as_tags(tmp_path: Path) -> None:
    def issue(number: int, labels: list[str]) -> dict[str, object]:
        return {"number": number, "title": f"Issue {number}", "user": {"login": f"octo{number}", "id": number},
                "labels": [{"id": i, "name": name, "color": "d73a4a"} for i, name in enumerate(labels)],
                "state": "open", "created_at": f"2021-03-0{number}T08:00:00Z", "closed_at": None}

    path = tmp_path / "issues.json"
    path.write_text(json.dumps([issue(1, ["bug", "help wanted"]), issue(2, []), issue(3, ["docs"])]))
    events = viewer.load(path).events
    assert events["actors"].tolist() == ["octo1", "octo2", "octo3"]
    assert events["tags"].tolist() == ["bug;help wanted", "", "docs"]


def test_a_gps_track_is_read_as_the_xml_it_declares(tmp_path: Path) -> None:
    points = "".join(f'<trkpt lat="47.6" lon="-122.3{i}"><ele>{10 + i}</ele><time>2021-03-01T08:00:0{i}Z</time></trkpt>'
                     for i in range(3))
    path = tmp_path / "run.gpx"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin Connect" '
                    'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Morning Run</name><trkseg>'
                    f"{points}</trkseg></trk></gpx>")
    events = viewer.load(path).events
    assert events["start"].tolist() == [pd.Timestamp(f"2021-03-01T08:00:0{i}Z") for i in range(3)]
    assert events["attr:lon"].astype(float).tolist() == [-122.3, -122.31, -122.32]


def test_an_edge_lists_source_and_target_are_the_parties_of_its_ties(tmp_path: Path) -> None:
    path = tmp_path / "edges.csv"
    path.write_text("Source,Target,Type,Id,Label,Weight,start\n"  # Gephi's edge table
                    "Renault,Nissan,Directed,0,stake,43.4,2002-03-01\nNissan,Renault,Directed,1,stake,15,2002-03-01\n")
    spec = suggest_spec(path)
    assert spec.url == ""  # no link column, not even one named for it: its Source is a party
    assert [(r.source, r.target, r.value) for r in spec.relations] == [("Source", "Target", "Weight")]
    relations = viewer.load(path, mapping=spec).relations
    assert relations[["source", "target", "value"]].values.tolist() == [["renault", "nissan", 43.4],
                                                                        ["nissan", "renault", 15.0]]


def test_kml_placemarks_in_folders_start_at_their_timestamp_or_span(tmp_path: Path) -> None:
    path = tmp_path / "trip.kml"
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
                    "<name>Trip</name><Placemark><name>Hotel</name><TimeSpan><begin>2021-03-01T14:00:00+01:00</begin>"
                    "<end>2021-03-04T10:00:00+01:00</end></TimeSpan><Point><coordinates>2.35,48.85,0</coordinates>"
                    "</Point></Placemark><Placemark><name>Eiffel Tower</name><TimeStamp><when>2021-03-02T10:30:00+01:00"
                    "</when></TimeStamp></Placemark><Folder><name>Day 3</name><Placemark><name>Louvre</name>"
                    "<TimeStamp><when>2021-03-03</when></TimeStamp></Placemark></Folder></Document></kml>")
    events = viewer.load(path).events
    assert events["title"].tolist() == ["Hotel", "Eiffel Tower", "Louvre"]
    assert events["start"].tolist() == [pd.Timestamp("2021-03-01T13:00Z"), pd.Timestamp("2021-03-02T09:30Z"),
                                        pd.Timestamp("2021-03-03T00:00Z")]
    assert events["end"].iloc[0] == pd.Timestamp("2021-03-04T09:00Z") and events["end"].iloc[1:].isna().all()


def test_stakes_written_as_fractions_of_one_are_percentages_and_said(tmp_path: Path) -> None:
    path = tmp_path / "owned.csv"  # as Wikidata's proportion qualifier writes a share
    path.write_text("Date,Parent,Subsidiary,Stake\n2002-03-01,Renault,Nissan,0.434\n2002-03-01,Nissan,Renault,0.15\n")
    ds = viewer.load(path, mapping=suggest_spec(path))
    assert ds.relations["kind"].tolist() == ["equity_stake"] * 2
    assert ds.relations["value"].tolist() == [43.4, 15.0]
    assert any("fractions of one, read as percentages (0.434 is 43.4%)" in text for text in _said(ds))
    path.write_text("Date,Parent,Subsidiary,Stake\n2002-03-01,Renault,Nissan,0.434\n2002-03-01,Nissan,Renault,15\n")
    assert viewer.load(path, mapping=suggest_spec(path)).relations["value"].tolist() == [0.434, 15.0]  # mixed: as is


def test_a_trello_board_reads_its_dated_cards_not_its_longer_list_of_columns(tmp_path: Path) -> None:
    board = {"id": "b1", "name": "Sprint board",
             "lists": [{"id": f"l{i}", "name": f"Column {i}", "closed": False, "pos": i} for i in range(5)],
             "cards": [{"id": "c1", "name": "Write the spec", "idList": "l0", "due": "2021-03-05T12:00:00.000Z",
                        "dateLastActivity": "2021-03-01T09:00:00.000Z"},
                       {"id": "c2", "name": "Ship it", "idList": "l1", "due": None,
                        "dateLastActivity": "2021-03-02T10:00:00.000Z"}]}
    path = tmp_path / "board.json"
    path.write_text(json.dumps(board))
    assert viewer.load(path).events["title"].tolist() == ["Write the spec", "Ship it"]


def test_an_empty_json_answer_is_said_to_be_empty(tmp_path: Path) -> None:
    path = tmp_path / "issues.json"
    path.write_text("[]\n")
    try:
        viewer.load(path)
    except viewer.LoadError as refused:
        assert str(refused) == f"{path}: an empty JSON list, no records in it"
    else:
        raise AssertionError("an empty list opened")


def test_a_saved_xhtml_page_is_still_read_for_its_table(tmp_path: Path) -> None:
    path = tmp_path / "page.html"  # an XML declaration, as XHTML writers put it: a web page, not XML records
    path.write_text('<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body>'
                    "<table><tr><th>Date</th><th>Event</th></tr><tr><td>2019-03-04</td><td>Board meeting</td></tr>"
                    "<tr><td>2019-03-05</td><td>Vote</td></tr></table></body></html>")
    assert viewer.load(path).events["title"].tolist() == ["Board meeting", "Vote"]


def _kmz(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


KML_TWO = (b'<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document>'
           b"<Placemark><name>Hotel</name><TimeStamp><when>2021-03-01</when></TimeStamp></Placemark>"
           b"<Placemark><name>Louvre</name><TimeStamp><when>2021-03-03</when></TimeStamp></Placemark>"
           b"</Document></kml>")


def test_a_kmz_reads_as_the_kml_it_holds(tmp_path: Path) -> None:
    """The archive's first .kml is the document (Google Earth's rule; doc.kml by custom), its icons beside it."""
    (tmp_path / "trip.kml").write_bytes(KML_TWO)
    path = _kmz(tmp_path / "trip.kmz", {"files/icon.png": b"\x89PNG\r\n\x1a\n", "doc.kml": KML_TWO,
                                         "files/other.kml": KML_TWO.replace(b"Louvre", b"Orsay")})
    zipped, plain = viewer.load(path), viewer.load(tmp_path / "trip.kml")
    assert zipped.events["title"].tolist() == ["Hotel", "Louvre"]
    pd.testing.assert_frame_equal(zipped.events, plain.events)


@pytest.mark.parametrize(("members", "said"), [
    ({"files/icon.png": b"\x89PNG"}, r"a KMZ archive holding icon\.png, without a KML document"),
    ({"doc.kml": b"<kml><Document><Placemark>"}, r"trip\.kmz \(doc\.kml\): not well-formed XML"),
    ({"doc.kml": b'<!DOCTYPE kml [<!ENTITY e "x">]><kml/>'}, r"trip\.kmz \(doc\.kml\): XML with entity declarations"),
])
def test_a_kmz_without_a_readable_document_is_refused_by_name(tmp_path: Path, members: dict[str, bytes],
                                                               said: str) -> None:
    with pytest.raises(LoadError, match=said):
        viewer.load(_kmz(tmp_path / "trip.kmz", members))


def test_a_damaged_kmz_is_refused_by_name(tmp_path: Path) -> None:
    data = _kmz(tmp_path / "whole.kmz", {"doc.kml": KML_TWO * 50}).read_bytes()
    for cut in (0.2, 0.6, 0.97):
        path = tmp_path / "trip.kmz"
        path.write_bytes(data[:int(len(data) * cut)])
        with pytest.raises(LoadError, match=r"trip\.kmz"):
            viewer.load(path)
    path.write_bytes(data.replace(b"Louvre", b"Louvrx", 1))  # (stored deflated: the change breaks the stream's CRC)
    with pytest.raises(LoadError, match=r"trip\.kmz"):
        viewer.load(path)
