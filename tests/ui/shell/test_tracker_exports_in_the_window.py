"""Files that activity and issue trackers export, opened with Ctrl+O in a fresh window and walked with the keys:
a GPS track named ``.gpx`` (refused before as "no date column among <?xml …"), a KML trip whose placemarks sit in
folders, Strava's activities (their elapsed seconds were read as the years 1800 and 3600) and GitHub's issues
(their people were numbers)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from viewer.ui.shell.main_window import MainWindow

from ..window_reading import open_by_hand, walked

GPX = ('<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="Garmin Connect" '
       'xmlns="http://www.topografix.com/GPX/1/1"><trk><name>Morning Run</name><trkseg>'
       + "".join(f'<trkpt lat="47.6" lon="-122.3"><time>2021-03-01T08:00:0{i}Z</time></trkpt>' for i in range(4))
       + "</trkseg></trk></gpx>")
KML = ('<?xml version="1.0" encoding="UTF-8"?>\n<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Folder>'
       "<Placemark><name>Hotel</name><TimeSpan><begin>2021-03-01</begin><end>2021-03-04</end></TimeSpan></Placemark>"
       "<Placemark><name>Louvre</name><TimeStamp><when>2021-03-03</when></TimeStamp></Placemark></Folder>"
       "</Document></kml>")
STRAVA = ('Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Moving Time\n'
          '1,"Mar 1, 2021, 8:00:00 AM",Morning Run,Run,1800,1750.0\n'
          '2,"Mar 2, 2021, 6:30:15 PM",Evening Ride,Ride,3600,3400\n')
ISSUES = json.dumps([{"number": n, "title": f"Issue {n}", "user": {"login": f"octo{n}", "id": n},
                      "labels": [{"id": 1, "name": "bug"}], "created_at": f"2021-03-0{n}T08:00:00Z"} for n in (1, 2)])


@pytest.mark.parametrize(("name", "text", "count", "seen"), [
    ("run.gpx", GPX, 4, "-122.3"),
    ("trip.kml", KML, 2, "Louvre"),
    ("activities.csv", STRAVA, 2, "2 Mar 2021 18:30"),
    ("issues.json", ISSUES, 2, "octo2"),
], ids=["gpx", "kml", "strava", "github"])
def test_a_trackers_export_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch, name: str, text: str, count: int,
                                           seen: str) -> None:
    assert open_by_hand(qtbot, window, monkeypatch, tmp_path / name, text=text) == []
    assert len(window.state.dataset.events) == count
    details = walked(qtbot, window, count)
    assert any(seen in html for html in details), details[-1]


def test_google_earths_kmz_opens_and_walks(qtbot: QtBot, window: MainWindow, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """Google Earth saves a place, and My Maps exports a map, as KML zipped with its icons: it was "a binary file,
    not .kmz data"."""
    path = tmp_path / "trip.kmz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("doc.kml", KML)
        archive.writestr("files/icon.png", b"\x89PNG\r\n\x1a\n" + bytes(64))
    assert open_by_hand(qtbot, window, monkeypatch, path) == []
    assert window.state.dataset.events["title"].tolist() == ["Hotel", "Louvre"]
    assert any("Louvre" in html and "3 Mar 2021" in html for html in walked(qtbot, window, 2))
