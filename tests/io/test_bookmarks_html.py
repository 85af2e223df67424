"""Bookmarks as every browser exports them (the Netscape bookmark file) and Pocket's export: each link an event at
the moment it was saved, in its folder. They were read as delimited text and refused."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError

NETSCAPE = """<!DOCTYPE NETSCAPE-Bookmark-file-1>
<!-- This is an automatically generated file.
     It will be read and overwritten.
     DO NOT EDIT! -->
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks</H1>
<DL><p>
    <DT><H3 ADD_DATE="1609459200" LAST_MODIFIED="1672918496" PERSONAL_TOOLBAR_FOLDER="true">Bookmarks bar</H3>
    <DL><p>
        <DT><A HREF="https://courts.example/records" ADD_DATE="1675526400">Court records portal</A>
        <DT><H3 ADD_DATE="1640000000">OSINT &amp; registers</H3>
        <DL><p>
            <DT><A HREF="https://web.archive.org/" ADD_DATE="1655526400000000" TAGS="archive,web">Wayback Machine</A>
            <DT><A HREF="https://example.org/undated">Never dated</A>
        </DL><p>
    </DL><p>
    <DT><A HREF="https://example.com/top" ADD_DATE="1577836800">Top level</A>
</DL><p>
"""


def test_a_browsers_bookmark_file_opens_as_its_links_in_their_folders(tmp_path: Path) -> None:
    path = tmp_path / "bookmarks_1_5_23.html"
    path.write_text(NETSCAPE, encoding="utf-8")
    ds = viewer.load(path)
    by_title = ds.events.set_index("title")
    assert sorted(by_title.index) == ["Court records portal", "Top level", "Wayback Machine"]
    assert by_title.loc["Court records portal", "start"] == pd.Timestamp("2023-02-04T16:00Z")
    assert by_title.loc["Wayback Machine", "start"] == pd.Timestamp(1655526400, unit="s", tz="UTC")  # microseconds
    assert by_title.loc["Wayback Machine", "category"] == "Bookmarks bar / OSINT & registers"
    assert by_title.loc["Top level", "category"] == ""
    assert by_title.loc["Wayback Machine", "tags"] == "archive;web"
    assert by_title.loc["Court records portal", "source_url"] == "https://courts.example/records"
    assert [p.message for p in ds.problems] == ["1 link has no date saved (ADD_DATE or time_added): not read"]


def test_pockets_export_opens_with_its_sections_and_tags(tmp_path: Path) -> None:
    path = tmp_path / "ril_export.html"
    path.write_text('<!DOCTYPE html>\n<html><head><title>Pocket Export</title></head><body>\n<h1>Unread</h1>\n<ul>\n'
                    '<li><a href="https://longreads.example/the-fixer" time_added="1609459200" '
                    'tags="corruption,politics">The Fixer</a></li>\n</ul>\n<h1>Read Archive</h1>\n<ul>\n'
                    '<li><a href="https://example.net/old" time_added="1546300800" tags="">An old story</a></li>\n'
                    "</ul></body></html>\n", encoding="utf-8")
    ds = viewer.load(path)
    by_title = ds.events.set_index("title")
    assert by_title.loc["The Fixer", "category"] == "Unread"
    assert by_title.loc["The Fixer", "tags"] == "corruption;politics"
    assert by_title.loc["An old story", "start"] == pd.Timestamp("2019-01-01", tz="UTC")


def test_a_bookmark_file_of_no_links_is_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "empty.html"
    path.write_text("<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE>\n<H1>Bookmarks</H1>\n"
                    "<DL><p>\n</DL>\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.html: no links; expected a bookmark file"):
        viewer.load(path)
