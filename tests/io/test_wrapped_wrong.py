"""Files whose name says one thing and whose bytes another, as downloads and exports hand them out: a web
application's "CSV" that is an HTML page, random bytes under gzip, a record list with a few odd dates. Before, the
page's tags were read as the table's column names ("no date column among <!DOCTYPE html>…"), the bytes as a table
of mojibake ("no date column among ?{d?§…"), and the records refused whole ("JSON that Entente does not
recognise")."""

from __future__ import annotations

import gzip
import json
import os
import zipfile
from pathlib import Path

import pytest

import viewer

PAGE = ("<!DOCTYPE html>\n<html><head><title>Export</title></head><body>\n<table><tr><th>Date</th><th>Title</th></tr>"
        "<tr><td>2019-01-01</td><td>Alpha</td></tr><tr><td>2019-02-01</td><td>Beta</td></tr></table></body></html>\n")
ERROR_PAGE = ("<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body><h1>Service "
              "Unavailable</h1><p>Try again later.</p></body></html>\n")


@pytest.mark.parametrize("name", ["export.csv", "export.tsv", "export.txt"])
def test_a_web_page_under_a_tables_name_is_read_as_its_table(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Alpha", "Beta"]
    assert any(f"a {path.suffix} file that holds an HTML table, not delimited text: read as such" in p.message
               for p in ds.problems)


def test_an_error_page_saved_as_csv_is_refused_as_a_page(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(ERROR_PAGE, encoding="utf-8")
    with pytest.raises(viewer.LoadError, match=r"export\.csv: an HTML page with no table; expected a table"):
        viewer.load(path)


def test_random_bytes_packed_as_a_table_are_refused_as_binary(tmp_path: Path) -> None:
    packed = tmp_path / "events.csv.gz"
    with gzip.open(packed, "wb") as handle:
        handle.write(os.urandom(5000) + b"\x00" * 100)
    with pytest.raises(viewer.LoadError, match=r"events\.csv\.gz \(unpacked\): a binary file, not \.csv data"):
        viewer.load(packed)
    zipped = tmp_path / "export.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("photo.csv", bytes(range(256)) * 20)
    with pytest.raises(viewer.LoadError, match=r"export\.zip \(unpacked\): a binary file, not \.csv data"):
        viewer.load(zipped)


def test_records_with_a_few_odd_dates_are_read_and_the_odd_ones_said(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"date": 2019, "title": "a"}, {"date": "2020", "title": "b"},
                                {"date": None, "title": "c"}, {"date": True, "title": "d"},
                                {"date": [2019, 1, 1], "title": "e"}, {"date": {"y": 2019}, "title": "f"}]))
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["a", "b"]
    skipped = sorted(p.row for p in ds.problems if p.level == "error" and p.row is not None)
    assert skipped == [4, 5, 6]


def test_names_with_invisible_characters_are_read_by_what_they_say(tmp_path: Path) -> None:
    """A header copied from a web page or a second byte-order mark (a file saved twice) hides characters in the
    names: "\u200bTitle\u200b" was no title column, and Details named the attribute with them."""
    path = tmp_path / "copied.csv"
    path.write_text("\ufeff\ufeffDate,\u200bTitle\u200b,Who\u2060\n2019-01-01,Zero width,Ana\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Zero width"]
    assert ds.events["actors"].tolist() == ["Ana"]  # (its Who, read as who: the actors)
