"""Timeline (thetimelineproj) XML: versions, containers, fuzzy and milestone events, eras, safety."""

import contextlib
import tempfile
from functools import cache
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io import timeline_xml
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures"


@cache
def _edge():
    return timeline_xml.read(FIXTURES / "timeline_edge.timeline")


def _event(ds, title):
    return ds.events.set_index("title").loc[title]


def test_events_at_midnight_are_read_at_day_precision() -> None:
    days = _event(_edge(), "Whole days")
    assert days["precision"] == "day" and days["start"] == pd.Timestamp("2010-01-01", tz="UTC")


def test_events_with_a_time_of_day_keep_it() -> None:
    office = _event(_edge(), "Office hours")
    assert office["precision"] == "time" and office["end"] == pd.Timestamp("2010-02-01 17:00", tz="UTC")


def test_fuzzy_start_or_end_is_noted_as_a_fuzzy_tag() -> None:
    assert "fuzzy" in _event(_edge(), "Office hours")["tags"].split(";")


def test_a_milestone_is_a_point_in_time() -> None:
    milestone = _event(_edge(), "Milestone")
    assert pd.isna(milestone["end"]) and "milestone" in milestone["tags"]


def test_container_markup_is_removed_from_titles_and_kept_as_tags() -> None:
    ds = _edge()
    assert _event(ds, "Project")["tags"] == "container;container-7"
    assert _event(ds, "Task")["tags"] == "container-7"
    assert "fuzzy" in _event(ds, "(not a subevent)")["tags"]  # a leading space escapes the markup


def test_categories_descriptions_and_web_hyperlinks_are_kept() -> None:
    days = _event(_edge(), "Whole days")
    assert days["category"] == "Work" and days["description"] == "Line one\nLine two <b>"
    assert days["source_url"] == "https://example.org/a"


def test_eras_become_era_events_even_before_year_zero() -> None:
    era = _event(_edge(), "Bronze age")
    assert era["category"] == "era" and era["start"].year == -3300
    assert _event(_edge(), "Ides of March")["start"].year == -44


def test_unreadable_times_are_skipped_and_backwards_ends_dropped() -> None:
    ds = _edge()
    assert {(p.row, p.level) for p in ds.problems if p.field and p.field.startswith("events")} == {
        (7, "error"), (8, "error"), (9, "warning")}
    assert pd.isna(_event(ds, "Backwards")["end"]) and len(ds.events) == 9


def test_the_displayed_period_becomes_the_default_window() -> None:
    meta = _edge().meta
    assert meta.default_start is not None and meta.default_start.start == pd.Timestamp("2009-12-01", tz="UTC")


def test_files_from_before_version_one_have_no_timetype_and_still_load() -> None:
    ds = timeline_xml.read(FIXTURES / "timeline_pre1.timeline")
    assert list(ds.events["title"]) == ["Old file"]


def test_an_empty_timeline_is_a_dataset_with_no_events_and_a_note(tmp_path: Path) -> None:
    path = tmp_path / "empty.timeline"
    path.write_text("<timeline><version>2.4.0</version><categories/><events/></timeline>")
    ds = timeline_xml.read(path)
    assert ds.events.empty and any(p.level == "info" and "no events" in p.message for p in ds.problems)


def test_the_numeric_time_type_opens_on_the_numeric_clock() -> None:
    ds = timeline_xml.read(FIXTURES / "timeline_numtime.timeline")
    row = ds.events.iloc[0]
    assert ds.meta.clock == "number"
    assert (ds.format_time(row["start"]), ds.format_time(row["end"]), row["title"]) == ("10", "20", "Numbers")


def test_a_fictional_time_type_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "fiction.timeline"
    path.write_text("<timeline><version>2.4.0</version><timetype>bosparanian</timetype><events/></timeline>")
    with pytest.raises(LoadError, match="bosparanian"):
        timeline_xml.read(path)


@pytest.mark.parametrize("name", ["billion_laughs.timeline", "xxe.timeline"])
def test_entity_tricks_are_refused_without_expanding_anything(name: str) -> None:
    with pytest.raises(LoadError, match="refused") as caught:
        timeline_xml.read(FIXTURES / name)
    assert "root:" not in str(caught.value) and "lol" not in str(caught.value)


@pytest.mark.parametrize(("content", "expected"), [
    ("", "empty file"), ("<timeline><events>", "not well-formed"), ("<gexf/>", "root element is <gexf>")])
def test_broken_or_foreign_xml_is_refused_naming_the_file(tmp_path: Path, content: str, expected: str) -> None:
    path = tmp_path / "x.timeline"
    path.write_text(content)
    with pytest.raises(LoadError, match=expected):
        timeline_xml.read(path)


def test_the_sniffer_looks_for_a_timeline_root_in_the_first_bytes() -> None:
    assert timeline_xml.looks_like((FIXTURES / "timeline_edge.timeline").read_bytes()[:512])
    assert timeline_xml.looks_like(b"\xef\xbb\xbf<timeline>")
    assert not timeline_xml.looks_like(b"<?xml version='1.0'?><gexf>")


@settings(max_examples=30, deadline=None)
@given(cut=st.integers(0, 4000), junk=st.binary(max_size=12), at=st.integers(0, 4000))
def test_a_damaged_file_gives_a_dataset_or_a_load_error_never_a_crash(cut: int, junk: bytes, at: int) -> None:
    data = (FIXTURES / "timeline_edge.timeline").read_bytes()[:cut]
    data = data[:at] + junk + data[at:]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.timeline"
        path.write_bytes(data)
        with contextlib.suppress(LoadError):
            timeline_xml.read(path)
