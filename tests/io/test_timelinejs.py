"""TimelineJS: v3 JSON, legacy v2 JSON, the slides variant and the Google-sheet CSV (plus HTML to text)."""

import contextlib
import json
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from viewer.io import timelinejs
from viewer.io.html_text import to_text
from viewer.model.dates.parts import make_when
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures"


def _event(ds, title):
    return ds.events.set_index("title").loc[title]


def test_precision_comes_from_the_most_specific_date_part_written() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    assert _event(ds, "Year only")["precision"] == "year"
    assert _event(ds, "Month")["precision"] == "month"
    assert _event(ds, "Day span")["precision"] == "day"
    moment = _event(ds, "With a time")
    assert moment["precision"] == "time" and moment["start"] == pd.Timestamp("1920-01-05 14:30", tz="UTC")


def test_a_day_span_keeps_both_days_and_its_unique_id() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    span = ds.events.set_index("id").loc["day-span"]
    assert span["end"] == pd.Timestamp("1910-03-02", tz="UTC") and span["end_precision"] == "day"
    assert span["description"] == "First link\n\nSecond"


def test_groups_become_entities_of_kind_group_with_slugified_ids() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    groups = ds.entities.set_index("id")
    assert groups.loc["big-media", "name"] == "Big Media" and groups.loc["big-media", "kind"] == "group"
    assert _event(ds, "Year only")["actors"] == "big-media"


def test_eras_become_background_events_with_category_and_tag_era() -> None:
    era = _event(timelinejs.read(FIXTURES / "timelinejs_v3.json"), "Early years")
    assert era["category"] == "era" and era["tags"] == "era" and era["end_precision"] == "year"


def test_media_url_is_a_source_only_when_it_is_a_web_address() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    photo = _event(ds, "With a time")
    assert photo["source_url"] == "https://example.org/photo.jpg" and photo["source_title"] == "A photo — Someone"
    assert _event(ds, "Embedded player")["source_url"] == "" and _event(ds, "Script link")["source_url"] == ""


def test_impossible_dates_and_undated_slides_are_skipped_and_reported_by_row() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    errors = {(p.row, p.field) for p in ds.problems if p.level == "error"}
    assert {(5, "events.start"), (6, "events.start"), (8, "events.start"), (11, "events")} <= errors
    assert "Month thirteen" not in set(ds.events["title"]) and len(ds.events) == 8


def test_an_end_before_the_start_is_dropped_with_a_warning() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    assert pd.isna(_event(ds, "Ends before it starts")["end"])
    assert any(p.row == 7 and p.level == "warning" for p in ds.problems)


def test_the_title_slide_gives_the_dataset_title_and_description() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    assert ds.title == "Edge cases" and ds.meta.description == "A small timeline."
    assert ds.meta.path.endswith("timelinejs_v3.json")


def test_bc_years_stay_on_the_calendar_and_deep_time_moves_the_file_to_years() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_bc.json")
    assert ds.meta.clock == "years"
    assert list(ds.events["title"]) == ["Big Bang", "Ancient", "Ides of March", "Modern"]
    assert ds.format_time(_event(ds, "Ancient")["span_end"], "time") == "-489"  # -490 covers its whole year
    without_deep = timelinejs.read(FIXTURES / "timelinejs_v3.json")
    assert without_deep.meta.clock == "calendar"


def test_the_legacy_v2_shape_reads_comma_dates_assets_and_tags() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_v2.json")
    assert ds.title == "Legacy timeline" and len(ds.events) == 5
    day = _event(ds, "Day")
    assert day["precision"] == "day" and day["start"] == pd.Timestamp("2011-03-23", tz="UTC")
    assert day["source_url"] == "https://example.org/a.jpg" and day["actors"] == "personal-life"
    assert _event(ds, "Year to day")["end_precision"] == "day"
    assert _event(ds, "With time")["start"] == pd.Timestamp("2012-05-06 13:45", tz="UTC")
    assert _event(ds, "Fifties")["category"] == "era"
    assert pd.isna(_event(ds, "Broken end")["end"])
    assert any(p.row == 4 and p.field == "date.start" and p.level == "error" for p in ds.problems)


def test_the_slides_variant_takes_its_first_undated_slide_as_title() -> None:
    ds = timelinejs.read(FIXTURES / "timelinejs_slides.json")
    assert ds.title == "Slides variant" and list(ds.events["title"]) == ["First", "Second"]
    assert any(p.row == 4 and "no start date" in p.message for p in ds.problems)


def test_the_sheet_csv_reads_split_date_columns_times_eras_and_groups() -> None:
    ds = timelinejs.read_sheet_csv(FIXTURES / "timelinejs_sheet.csv")
    assert ds.title == "Sheet title" and ds.meta.description == 'About the "sheet"'
    assert len(ds.events) == 4
    ada = _event(ds, "Ada Lovelace")
    assert ada["end"] == pd.Timestamp("1852-11-27", tz="UTC") and ada["actors"] == "pioneers"
    assert ada["source_title"] == "Portrait — Commons"
    assert _event(ds, "Month to year")["precision"] == "month"
    assert _event(ds, "Moon landing")["start"] == pd.Timestamp("1969-07-20 20:17", tz="UTC")
    assert _event(ds, "War years")["category"] == "era"
    assert any(p.row == 5 and "hour" in p.message for p in ds.problems)


def test_the_sheet_sniffer_recognises_the_template_header_only() -> None:
    header = (FIXTURES / "timelinejs_sheet.csv").read_text().splitlines()[0]
    assert timelinejs.looks_like_sheet("\ufeff" + header)
    assert not timelinejs.looks_like_sheet("id,start,end,title")


def test_the_sniffer_accepts_timelinejs_shapes_and_not_native_datasets() -> None:
    for name in ("timelinejs_v3.json", "timelinejs_v2.json", "timelinejs_slides.json"):
        assert timelinejs.looks_like(json.loads((FIXTURES / name).read_text()))
    assert not timelinejs.looks_like({"title": "Native", "events": [{"id": "a", "start": "2020"}], "entities": []})
    assert not timelinejs.looks_like([{"start": "2020"}])


def test_an_empty_file_is_refused_with_an_empty_message(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_bytes(b"")
    with pytest.raises(LoadError, match="empty file"):
        timelinejs.read(path)


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"events": "none"}'])
def test_a_file_that_is_not_timelinejs_is_refused_naming_the_file(tmp_path: Path, content: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(content)
    with pytest.raises(LoadError, match=str(path)):
        timelinejs.read(path)


def test_html_text_drops_scripts_and_embeds_and_keeps_paragraphs_and_link_text() -> None:
    html = ("<p>Ada &amp; <a href='https://x'>Charles</a></p><iframe src='https://x'>inside</iframe>"
            "<p>Two<br/>lines</p><style>p {}</style><script>alert(1)</script>&lt;b&gt;")
    assert to_text(html) == "Ada & Charles\n\nTwo\nlines\n\n<b>"


def test_html_text_leaves_plain_text_lines_alone() -> None:
    assert to_text("line one\nline two") == "line one\nline two" and to_text(None) == ""


def test_date_parts_validate_each_part_with_its_range() -> None:
    assert make_when("2024", "2", "29").precision == "day"
    with pytest.raises(ValueError, match="day between 1 and 28"):
        make_when(2023, 2, 29)
    with pytest.raises(ValueError, match="whole number for month"):
        make_when(2023, "May")


_PART = st.one_of(st.none(), st.integers(-10**12, 10**12), st.text(max_size=6), st.floats(allow_nan=True),
                  st.booleans())
_DATE = st.one_of(st.none(), st.text(max_size=12), st.dictionaries(
    st.sampled_from(["year", "month", "day", "hour", "minute", "second"]), _PART))
_SLIDE = st.fixed_dictionaries({}, optional={
    "start_date": _DATE, "end_date": _DATE, "startDate": st.one_of(st.text(max_size=14), st.integers()),
    "text": st.one_of(st.text(max_size=20), st.dictionaries(st.sampled_from(["headline", "text"]), _PART)),
    "group": _PART, "unique_id": _PART, "media": st.one_of(st.none(), st.dictionaries(st.just("url"), _PART))})


@settings(max_examples=30, deadline=None)
@given(events=st.lists(st.one_of(_SLIDE, _PART), max_size=6), legacy=st.booleans())
def test_any_slide_content_gives_a_dataset_or_a_load_error_never_a_crash(events: list[object], legacy: bool) -> None:
    document = {"timeline": {"date": events}} if legacy else {"title": {}, "events": events}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.json"
        path.write_text(json.dumps(document))
        with contextlib.suppress(LoadError):
            timelinejs.read(path)
