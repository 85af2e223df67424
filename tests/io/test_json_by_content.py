"""JSON as people's exports and registries' APIs hand it out, opened with ``viewer.load(path)``:

- under a name that says nothing of JSON (a HAR capture, Chrome's ``Bookmarks``, an API's answer saved without a
  suffix, Companies House's snapshot of JSON lines as ``.txt``, also zipped): it was read as delimited text and
  refused as having "no date column among {";
- a HAR's ``time`` (each request's length in milliseconds) beside its ``startedDateTime``: the events were placed
  in January 1970;
- records whose dates are under names Entente does not list (Spotify's ``endTime``, Google's ``time_usec``,
  Companies House's ``appointed_on``), or wrapped one level (``{"officer": {...}}``, JSON:API's ``attributes``,
  ``{"data": {...}}``): "JSON that Entente does not recognise", even with ``start=`` given;
- Facebook's text written as UTF-8 bytes one per character ("J\\u00c3\\u00bcrgen"): shown as "JÃ¼rgen".
"""

from __future__ import annotations

import json
import time
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError


def _starts(ds: viewer.Dataset) -> list[str]:
    return [stamp.strftime("%Y-%m-%dT%H:%M:%S") for stamp in ds.events["start"]]


def _titles(ds: viewer.Dataset) -> list[str]:
    return [str(title) for title in ds.events["title"]]


def _har(browser: str, started: tuple[str, ...]) -> dict[str, object]:
    """A HAR capture as Chrome's and Firefox's developer tools save it (trimmed)."""
    urls = ("https://example.com/", "https://example.com/app.js", "https://api.example.com/v1/track?id=42")
    entries = [{"_priority": "VeryHigh", "cache": {}, "connection": "443", "pageref": "page_1",
                "request": {"method": "POST" if i == 2 else "GET", "url": url, "httpVersion": "http/2.0",
                            "headers": [{"name": ":authority", "value": "example.com"}], "queryString": [],
                            "cookies": [], "headersSize": -1, "bodySize": 0},
                "response": {"status": 204 if i == 2 else 200, "statusText": "", "headers": [], "cookies": [],
                             "content": {"size": 1234, "mimeType": "text/html"}, "redirectURL": "",
                             "headersSize": -1, "bodySize": -1},
                "serverIPAddress": "93.184.216.34", "startedDateTime": when, "time": duration,
                "timings": {"blocked": 1.2, "dns": -1, "send": 0.1, "wait": duration - 5, "receive": 3.7}}
               for i, (url, when, duration) in enumerate(zip(urls, started, (245.123, 88.4, 1503.0), strict=True))]
    return {"log": {"version": "1.2", "creator": {"name": browser, "version": "115.0"},
                    "pages": [{"startedDateTime": started[0], "id": "page_1", "title": urls[0],
                               "pageTimings": {"onContentLoad": 812.3, "onLoad": 1503.9}}],
                    "entries": entries}}


CHROME = ("2023-01-05T11:34:56.789Z", "2023-01-05T11:34:57.101Z", "2023-01-05T11:34:57.350Z")
FIREFOX = ("2023-01-05T12:34:56.789+01:00", "2023-01-05T12:34:57.101+01:00", "2023-01-05T12:34:57.350+01:00")
EXPECTED_HAR = ["2023-01-05T11:34:56", "2023-01-05T11:34:57", "2023-01-05T11:34:57"]
HAR_TITLES = ["GET https://example.com/", "GET https://example.com/app.js",
              "POST https://api.example.com/v1/track?id=42"]


# 1. JSON known by its content


@pytest.mark.parametrize(("name", "browser", "started"), [("chrome_example.com.har", "WebInspector", CHROME),
                                                          ("firefox_example.com.har", "Firefox", FIREFOX)])
def test_a_har_capture_opens_with_each_request_at_its_start(tmp_path: Path, name: str, browser: str,
                                                            started: tuple[str, ...]) -> None:
    path = tmp_path / name
    path.write_text(json.dumps(_har(browser, started), indent=2), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == EXPECTED_HAR
    assert _titles(ds) == HAR_TITLES
    assert list(ds.events["attr:status"]) == [200, 200, 204]


BOOKMARKS = {"checksum": "0f3b5a2c", "roots": {
    "bookmark_bar": {"children": [
        {"date_added": "13320000000000000", "date_last_used": "0", "guid": "g5", "id": "5",
         "name": "Court records portal", "type": "url", "url": "https://courts.example/records"},
        {"children": [{"date_added": "13290000000000000", "date_last_used": "0", "guid": "g7", "id": "7",
                       "name": "Companies House", "type": "url",
                       "url": "https://find-and-update.company-information.service.gov.uk/"}],
         "date_added": "13280000000000000", "date_last_used": "0", "date_modified": "13290000000000000",
         "guid": "f0", "id": "6", "name": "OSINT", "type": "folder"}],
        "date_added": "13200000000000000", "date_last_used": "0", "date_modified": "13320000000000000",
        "guid": "b1", "id": "1", "name": "Bookmarks bar", "type": "folder"},
    "other": {"children": [{"date_added": "13310000000000000", "date_last_used": "0", "guid": "g8", "id": "8",
                            "name": "Wayback Machine", "type": "url", "url": "https://web.archive.org/"}],
              "date_added": "13200000000000000", "date_last_used": "0", "date_modified": "0", "guid": "b2",
              "id": "2", "name": "Other bookmarks", "type": "folder"},
    "synced": {"children": [], "date_added": "13200000000000000", "date_last_used": "0", "date_modified": "0",
               "guid": "b3", "id": "3", "name": "Mobile bookmarks", "type": "folder"}}, "version": 1}


def test_chromes_bookmarks_file_without_a_suffix_opens_with_every_bookmark_and_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "Bookmarks"
    path.write_text(json.dumps(BOOKMARKS, indent=3), encoding="utf-8")
    ds = viewer.load(path)
    assert _titles(ds) == ["Companies House", "Wayback Machine", "Court records portal"]
    assert _starts(ds) == ["2022-02-22T10:40:00", "2022-10-11T22:13:20", "2023-02-04T16:00:00"]
    assert list(ds.events["attr:folder"]) == ["Bookmarks bar/OSINT", "Other bookmarks", "Bookmarks bar"]


def test_an_api_answer_saved_without_a_suffix_opens(tmp_path: Path) -> None:
    path = tmp_path / "api_answer"
    path.write_text('[{"date":"2021-01-01","title":"a"},{"date":"2021-01-02","title":"b"}]', encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2021-01-01T00:00:00", "2021-01-02T00:00:00"] and _titles(ds) == ["a", "b"]


PSC_LINES = [
    {"company_number": "09145694", "data": {
        "address": {"address_line_1": "Church Road", "locality": "London", "postal_code": "SW19 5AE"},
        "country_of_residence": "England", "date_of_birth": {"month": 2, "year": 1977}, "etag": "6b9e2c",
        "kind": "individual-person-with-significant-control", "name": "Mr John Michael Smith",
        "natures_of_control": ["ownership-of-shares-25-to-50-percent"], "notified_on": "2016-04-06"}},
    {"company_number": "09145694", "data": {
        "address": {"address_line_1": "High Street", "locality": "Guildford"}, "ceased_on": "2019-11-30",
        "date_of_birth": {"month": 9, "year": 1981}, "etag": "1a2b3c",
        "kind": "individual-person-with-significant-control", "name": "Mrs Sarah Jane Patel",
        "natures_of_control": ["ownership-of-shares-50-to-75-percent"], "notified_on": "2016-04-06"}},
    {"company_number": "07654321", "data": {
        "etag": "9f8e7d", "kind": "corporate-entity-person-with-significant-control",
        "identification": {"legal_form": "Private Limited Company", "registration_number": "07654321"},
        "name": "Northwind Holdings Limited", "natures_of_control": ["ownership-of-shares-75-to-100-percent"],
        "notified_on": "2019-11-30"}},
]
PSC_STARTS = ["2016-04-06T00:00:00", "2016-04-06T00:00:00", "2019-11-30T00:00:00"]
PSC_TITLES = ["Mr John Michael Smith", "Mrs Sarah Jane Patel", "Northwind Holdings Limited"]
# the snapshot is read as the register it is (viewer.io.psc: see test_psc), each record titled by its control
PSC_SNAPSHOT_TITLES = ["Mr John Michael Smith: 25–50% of shares in company 09145694",
                       "Mrs Sarah Jane Patel: 50–75% of shares in company 09145694",
                       "Northwind Holdings Limited: 75–100% of shares in company 07654321"]


def _psc_text() -> str:
    return "".join(json.dumps(line, separators=(",", ":")) + "\n" for line in PSC_LINES)


def test_companies_house_snapshot_of_json_lines_as_txt_opens(tmp_path: Path) -> None:
    path = tmp_path / "persons-with-significant-control-snapshot-2024-01-01.txt"
    path.write_text(_psc_text(), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == PSC_STARTS and _titles(ds) == PSC_SNAPSHOT_TITLES
    assert str(ds.events["end"][1])[:10] == "2019-11-30"  # its ceased_on
    assert list(ds.events["attr:company_number"]) == ["09145694", "09145694", "07654321"]


def test_companies_house_snapshot_zipped_as_it_is_downloaded_opens(tmp_path: Path) -> None:
    path = tmp_path / "persons-with-significant-control-snapshot-2024-01-01.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("persons-with-significant-control-snapshot-2024-01-01.txt", _psc_text())
    ds = viewer.load(path)
    assert _starts(ds) == PSC_STARTS and _titles(ds) == PSC_SNAPSHOT_TITLES


def test_a_log_that_opens_and_ends_like_json_is_read_as_the_log_it_is(tmp_path: Path) -> None:
    path = tmp_path / "server.log"
    path.write_text("[2019-03-04 10:00:00] INFO Board meeting [room 2]\n[2019-03-05 09:00:00] INFO Merger announced"
                    " [press]\n[2019-03-06 09:00:00] WARN Review [legal]\n", encoding="utf-8")
    for suffix in (".log", ".txt"):
        ds = viewer.load(path.rename(path.with_suffix(suffix)))
        assert _starts(ds) == ["2019-03-04T10:00:00", "2019-03-05T09:00:00", "2019-03-06T09:00:00"]


def test_a_big_csv_is_not_slowed_by_looking_for_json(tmp_path: Path) -> None:
    """Only the first bytes of a text are looked at: a table of 300,000 rows is not parsed as JSON."""
    path = tmp_path / "events.txt"
    path.write_text("date,title\n" + "".join(f"2019-03-{i % 28 + 1:02d},Meeting {i}\n" for i in range(300_000)),
                    encoding="utf-8")
    from viewer.io import json_sniff, records

    started = time.perf_counter()
    assert not records.holds_json(path, ".txt") and json_sniff.kind(path) is None
    assert time.perf_counter() - started < 0.05
    assert len(viewer.load(path).events) == 300_000


# 2. a start named "time" that is a duration


def test_a_har_saved_as_json_is_placed_at_its_requests_not_at_their_lengths(tmp_path: Path) -> None:
    path = tmp_path / "chrome_har.json"
    path.write_text(json.dumps(_har("WebInspector", CHROME)), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == EXPECTED_HAR and ds.meta.clock == "calendar"
    assert list(ds.events["attr:time"]) == [245.123, 88.4, 1503.0]


def test_records_whose_time_is_a_length_beside_iso_instants_start_at_the_instants(tmp_path: Path) -> None:
    """Any records so written (a load test's results): small numbers named ``time`` beside ISO date-times."""
    path = tmp_path / "requests.json"
    rows = [{"name": "login", "time": 12.5, "started": "2024-03-01T10:00:00Z"},
            {"name": "search", "time": 130, "started": "2024-03-01T10:00:02Z"}]
    path.write_text(json.dumps({"results": rows}), encoding="utf-8")
    assert _starts(viewer.load(path)) == ["2024-03-01T10:00:00", "2024-03-01T10:00:02"]


def test_a_year_beside_a_record_stamp_stays_the_start(tmp_path: Path) -> None:
    path = tmp_path / "seasons.json"
    rows = [{"year": 1999, "club": "Leeds", "updated": "2024-03-01T10:00:00Z"},
            {"year": 2001, "club": "York", "updated": "2024-03-01T10:00:00Z"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    assert _starts(viewer.load(path)) == ["1999-01-01T00:00:00", "2001-01-01T00:00:00"]


# 3. dates under names Entente does not list, records wrapped one level


def test_records_whose_only_date_is_an_end_time_start_at_it(tmp_path: Path) -> None:
    """(Spotify's history, which also writes the time played, is read as plays from their starts: test_spotify.)"""
    path = tmp_path / "played.json"
    rows = [{"endTime": "2023-01-05 12:34", "artistName": "Radiohead", "trackName": "Paranoid Android"},
            {"endTime": "2023-01-05 12:38", "artistName": "Björk", "trackName": "Jóga"}]
    path.write_text(json.dumps(rows, indent=2, ensure_ascii=False), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2023-01-05T12:34:00", "2023-01-05T12:38:00"]
    assert _titles(ds) == ["Radiohead", "Björk"] and list(ds.events["attr:trackName"]) == ["Paranoid Android", "Jóga"]


def test_googles_browser_history_reads_its_microseconds(tmp_path: Path) -> None:
    path = tmp_path / "BrowserHistory.json"
    rows = [{"favicon_url": "https://example.com/favicon.ico", "page_transition": "LINK", "title": "Example Domain",
             "url": "https://example.com/", "client_id": "x1Fz0Q==", "time_usec": 1672918496789000},
            {"page_transition": "TYPED", "title": "mayor resigns - Google Search",
             "url": "https://www.google.com/search?q=mayor+resigns", "client_id": "x1Fz0Q==",
             "time_usec": 1673000000123456}]
    path.write_text(json.dumps({"Browser History": rows}), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2023-01-05T11:34:56", "2023-01-06T10:13:20"]
    assert _titles(ds) == ["Example Domain", "mayor resigns - Google Search"]


def _officer(name: str, appointed: str | None, resigned: str | None = None) -> dict[str, object]:
    officer: dict[str, object] = {
        "address": {"address_line_1": "Church Road", "locality": "London", "postal_code": "SW19 5AE"},
        "date_of_birth": {"month": 2, "year": 1977}, "links": {"self": "/company/09145694/appointments/x"},
        "name": name, "nationality": "British", "officer_role": "director"}
    if appointed:
        officer["appointed_on"] = appointed
    if resigned:
        officer["resigned_on"] = resigned
    return officer


def test_companies_house_officers_start_at_their_appointment_and_end_at_their_resignation(tmp_path: Path) -> None:
    path = tmp_path / "ch_officers_09145694.json"
    items = [_officer("SMITH, John Michael", "2014-07-22"), _officer("PATEL, Sarah Jane", "2014-07-22", "2019-11-30"),
             _officer("O'BRIEN, Kathleen", "2020-02-03")]
    path.write_text(json.dumps({"etag": "c0ffee", "kind": "officer-list", "items_per_page": 35, "items": items,
                                "active_count": 2, "resigned_count": 1, "total_results": 3}), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2014-07-22T00:00:00", "2014-07-22T00:00:00", "2020-02-03T00:00:00"]
    assert _titles(ds) == ["SMITH, John Michael", "PATEL, Sarah Jane", "O'BRIEN, Kathleen"]
    assert str(ds.events["end"][1])[:10] == "2019-11-30" and pd.isna(ds.events["end"][0])


def test_companies_house_persons_with_significant_control_start_when_notified(tmp_path: Path) -> None:
    path = tmp_path / "ch_psc_api_09145694.json"
    items = [line["data"] for line in PSC_LINES]
    path.write_text(json.dumps({"ceased_count": 1, "items_per_page": 25, "items": items}), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == PSC_STARTS and _titles(ds) == PSC_TITLES


def test_a_company_profile_opens_with_its_former_names(tmp_path: Path) -> None:
    path = tmp_path / "ch_company_profile_09145694.json"
    profile = {"company_name": "NORTHWIND TRADING LIMITED", "company_number": "09145694",
               "date_of_creation": "2014-07-22", "jurisdiction": "england-wales", "sic_codes": ["46900"],
               "previous_company_names": [
                   {"ceased_on": "2017-03-15", "effective_from": "2015-10-02", "name": "NORTHWIND IMPORTS LIMITED"},
                   {"ceased_on": "2015-10-02", "effective_from": "2014-07-22", "name": "SMITH PATEL TRADING LTD"}]}
    path.write_text(json.dumps(profile), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2014-07-22T00:00:00", "2015-10-02T00:00:00"]
    assert _titles(ds) == ["SMITH PATEL TRADING LTD", "NORTHWIND IMPORTS LIMITED"]
    assert [str(end)[:10] for end in ds.events["end"]] == ["2015-10-02", "2017-03-15"]


def test_littlesis_json_api_records_are_read_from_their_attributes(tmp_path: Path) -> None:
    path = tmp_path / "littlesis_relationships_api.json"
    data = [{"type": "relationships", "id": rid, "attributes": {
        "id": rid, "entity1_id": 1, "entity2_id": other, "category_id": 1, "description1": role,
        "start_date": start, "end_date": end, "created_at": "2008-11-13T18:29:16Z", "is_deleted": False},
        "links": {"self": f"https://littlesis.org/relationships/{rid}"}}
        for rid, other, role, start, end in ((14, 1164, "Chairman", "2005-00-00", None),
                                             (15, 1165, "Director", "1998-06-00", "2011-00-00"))]
    path.write_text(json.dumps({"data": data, "meta": {"currentPage": 1, "pageCount": 1}}), encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["1998-06-01T00:00:00", "2005-01-01T00:00:00"]
    assert _titles(ds) == ["Director", "Chairman"]  # (description1: no column is named as a title)
    assert list(ds.events["attr:entity2_id"]) == [1165, 1164]


def test_opencorporates_officers_wrapped_one_by_one_open(tmp_path: Path) -> None:
    path = tmp_path / "opencorporates_officers_search.json"
    officers = [{"officer": {"id": oid, "name": name, "position": position, "start_date": start, "end_date": end,
                             "company": {"name": company, "company_number": number}}}
                for oid, name, position, start, end, company, number in (
                    (1234567890, "JOHN MICHAEL SMITH", "director", "2014-07-22", None, "NORTHWIND TRADING LIMITED",
                     "09145694"),
                    (222, "JOHN MICHAEL SMITH", "secretary", "2008-03-01", "2012-10-15",
                     "SMITH & SONS (CATERING) LTD", "06512345"))]
    path.write_text(json.dumps({"api_version": "0.4.8", "results": {"page": 1, "officers": officers}}),
                    encoding="utf-8")
    ds = viewer.load(path)
    assert _starts(ds) == ["2008-03-01T00:00:00", "2014-07-22T00:00:00"]
    assert _titles(ds) == ["JOHN MICHAEL SMITH", "JOHN MICHAEL SMITH"]
    assert list(ds.events["attr:position"]) == ["secretary", "director"]


def test_firefoxs_bookmarks_backup_opens_with_every_bookmark_and_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks-2023-02-05.json"
    place, box = "text/x-moz-place", "text/x-moz-place-container"

    def mark(title: str, added: int) -> dict[str, object]:
        return {"guid": title[:4], "title": title, "dateAdded": added, "typeCode": 1, "type": place,
                "uri": f"https://{title.lower().replace(' ', '')}.example/"}

    osint = {"guid": "f1", "title": "OSINT", "dateAdded": 1650000000000000, "typeCode": 2, "type": box,
             "children": [mark("Wayback Machine", 1660000000000000)]}
    menu = {"guid": "menu________", "title": "menu", "dateAdded": 1600000000000000, "typeCode": 2, "type": box,
            "root": "bookmarksMenuFolder", "children": [mark("Companies House", 1672918496789000), osint]}
    root = {"guid": "root________", "title": "", "dateAdded": 1600000000000000, "typeCode": 2, "type": box,
            "root": "placesRoot", "children": [menu]}
    path.write_text(json.dumps(root), encoding="utf-8")
    ds = viewer.load(path)
    assert _titles(ds) == ["Wayback Machine", "Companies House"]
    assert _starts(ds) == ["2022-08-08T23:06:40", "2023-01-05T11:34:56"]
    assert list(ds.events["attr:folder"]) == ["menu/OSINT", "menu"]


def test_a_thread_of_replies_keeps_every_reply(tmp_path: Path) -> None:
    path = tmp_path / "thread.json"
    thread = [{"id": "c1", "date": "2021-03-04T12:00:00Z", "body": "First", "children": [
        {"id": "c2", "date": "2021-03-04T13:00:00Z", "body": "Reply", "children": [
            {"id": "c3", "date": "2021-03-04T14:00:00Z", "body": "Reply to the reply", "children": []}]}]}]
    path.write_text(json.dumps(thread), encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["id"]) == ["c1", "c2", "c3"] and "attr:children" not in ds.events


def test_a_start_given_for_json_entente_does_not_recognise_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "seasons.json"
    path.write_text(json.dumps([{"season": 1999, "club": "Leeds"}, {"season": 2001, "club": "York"}]),
                    encoding="utf-8")
    # (it was "JSON that Entente does not recognise", as if no records were there)
    with pytest.raises(LoadError, match=r"seasons\.json: records with no date among their fields \(season, club\); "
                                        r"expected event records with a date field .*; choose the field of dates "
                                        r"\(start=<field>"):
        viewer.load(path)
    ds = viewer.load(path, start="season")
    assert _starts(ds) == ["1999-01-01T00:00:00", "2001-01-01T00:00:00"] and _titles(ds) == ["Leeds", "York"]


# 4. Facebook's text written as UTF-8 bytes one per character


def test_facebooks_friends_are_named_as_they_are_written(tmp_path: Path) -> None:
    path = tmp_path / "friends.json"
    path.write_text('{"friends_v2": [{"name": "J\\u00c3\\u00bcrgen Wei\\u00c3\\u009f", "timestamp": 1500000000},'
                    ' {"name": "Ana Ruiz", "timestamp": 1550000000}]}', encoding="utf-8")
    ds = viewer.load(path)
    assert _titles(ds) == ["Jürgen Weiß", "Ana Ruiz"]
    said = [p for p in ds.problems if "UTF-8 bytes" in p.message]
    assert len(said) == 1 and said[0].level == "info" and "Jürgen Weiß" in said[0].message


def test_facebooks_posts_are_repaired_in_their_nested_text_too(tmp_path: Path) -> None:
    path = tmp_path / "your_posts_1.json"
    path.write_text('[{"timestamp": 1612137600, "data": [{"post": "Lesenswert \\u00e2\\u0080\\u0093 \\u00c3\\u00bcber '
                    'die Wahl \\u00f0\\u009f\\u008e\\u0089"}], "title": "Jane Doe shared a link."}]', encoding="utf-8")
    ds = viewer.load(path)
    assert _titles(ds) == ["Jane Doe shared a link."]
    assert json.loads(ds.events["attr:data"][0]) == [{"post": "Lesenswert – über die Wahl 🎉"}]


def test_text_that_is_written_right_is_left_alone(tmp_path: Path) -> None:
    """A genuine "Ã" (São Paulo in capitals) says the text is Unicode already: nothing is repaired."""
    path = tmp_path / "cities.json"
    rows = [{"date": "2020-01-01", "title": "S\u00c3O PAULO"}, {"date": "2020-01-02", "title": "Caf\u00c3\u00a9"}]
    path.write_text(json.dumps(rows), encoding="utf-8")
    ds = viewer.load(path)
    assert _titles(ds) == ["SÃO PAULO", "CafÃ©"]
    assert not [p for p in ds.problems if "UTF-8 bytes" in p.message]


def test_reddits_listing_and_pushshifts_lines_start_at_created_utc(tmp_path: Path) -> None:
    """Reddit's ``created_utc`` (its API's listings, Pushshift's monthly dumps that research on Reddit uses) was no
    name of a date: a listing was "JSON that Entente does not recognise"."""
    listing = {"kind": "Listing", "data": {"after": None, "children": [
        {"kind": "t3", "data": {"title": "Ghosn arrested", "author": "ana", "created_utc": 1542612000.0}},
        {"kind": "t3", "data": {"title": "Ghosn escapes", "author": "bo", "created_utc": 1577656800.0}}]}}
    path = tmp_path / "cars.json"
    path.write_text(json.dumps(listing), encoding="utf-8")
    assert _starts(viewer.load(path)) == ["2018-11-19T07:20:00", "2019-12-29T22:00:00"]
    dump = tmp_path / "RC_2019-01.ndjson"
    dump.write_text('{"id":"t1_a","author":"ana","body":"first","created_utc":1542612000}\n'
                    '{"id":"t1_b","author":"bo","body":"second","created_utc":"1577656800"}\n', encoding="utf-8")
    assert _starts(viewer.load(dump)) == ["2018-11-19T07:20:00", "2019-12-29T22:00:00"]


@pytest.mark.parametrize("name", ["us-states.json", "counties.topojson"])
def test_a_topojson_map_is_refused_as_a_map(tmp_path: Path, name: str) -> None:
    """A TopoJSON map (vega-datasets' us-10m, world-110m) was refused as "records with no date (type, arcs, id)":
    its shapes' fields, not what it is."""
    path = tmp_path / name
    path.write_text(json.dumps({"type": "Topology", "arcs": [[[0, 0], [1, 1]]],
                                "objects": {"states": {"type": "GeometryCollection", "geometries": [
                                    {"type": "Polygon", "arcs": [[0]], "id": "01"}]}}}), encoding="utf-8")
    with pytest.raises(LoadError, match=rf"{name}: a TopoJSON map \(shapes drawn from shared arcs\), which holds no "
                                        "events; expected event records with a date field"):
        viewer.load(path)
