"""BODS interest dates and replacements, vis-timeline background spans, iCalendar overrides."""

from pathlib import Path

import pandas as pd

from viewer.io import bods, ics, vis_timeline
from viewer.model.lane_packing import background_mask

FIXTURES = Path(__file__).parent / "fixtures_import"


def _day(value: object) -> str:
    return "" if pd.isna(value) else str(pd.Timestamp(value).date())


def _bods() -> pd.DataFrame:
    return bods.read(FIXTURES / "bods_replaced.json").relations.set_index("id")


def test_an_interest_is_valid_from_its_own_start_date_not_the_statement_date() -> None:
    assert _day(_bods().loc["o1#1", "valid_from"]) == "2018-06-01"


def test_a_replaced_statement_is_closed_where_its_replacements_interest_starts() -> None:
    relations = _bods()
    assert _day(relations.loc["o1#1", "valid_to"]) == "2020-02-15"
    assert _day(relations.loc["o2#1", "valid_from"]) == "2020-02-15" and _day(relations.loc["o2#1", "valid_to"]) == ""


def test_an_interest_end_date_bounds_it_even_when_it_is_replaced() -> None:
    assert _day(_bods().loc["o3#1", "valid_to"]) == "2021-12-31"


def test_an_interest_that_ended_before_its_statement_keeps_its_row_with_an_open_start() -> None:
    row = _bods().loc["o5#1"]
    assert _day(row["valid_from"]) == "" and _day(row["valid_to"]) == "2015-01-01"


def test_stakes_of_one_owner_above_100_percent_are_a_warning_naming_the_date() -> None:
    ds = bods.read(FIXTURES / "bods_replaced.json")
    warnings = [p for p in ds.problems if "sums to" in p.message]
    assert len(warnings) == 1 and warnings[0].level == "warning"
    assert "Pat Owner" in warnings[0].message and "110%" in warnings[0].message
    assert "2021-01-01" in warnings[0].message


def test_a_replacement_dated_before_the_statement_it_replaces_closes_it_at_once(tmp_path: Path) -> None:
    path = tmp_path / "early.json"
    kind = '"statementType": "ownershipOrControlStatement", "subject": "x", "interestedParty": "y"'
    path.write_text(f'[{{"statementID": "a", {kind}, "statementDate": "2020-05-01", "interests":'
                    ' [{"type": "shareholding", "share": {"exact": 10}, "startDate": "2020-05-01"}]},'
                    f' {{"statementID": "b", {kind}, "statementDate": "2020-01-01", "replacesStatements": ["a"],'
                    ' "interests": [{"type": "shareholding", "share": {"exact": 20}, "startDate": "2019-01-01"}]}]')
    relations = bods.read(path).relations.set_index("id")
    assert len(relations) == 2  # nothing dropped as "valid_to before valid_from"
    assert _day(relations.loc["a#1", "valid_to"]) == "2020-05-01"


def test_vis_background_items_are_background_spans_with_or_without_a_group() -> None:
    ds = vis_timeline.read(FIXTURES / "vis_background.json")
    events = ds.events.set_index("id")
    spans = ds.events[background_mask(ds.events)]
    assert sorted(spans["id"]) == ["freeze", "holiday"]
    assert _day(events.loc["freeze", "start"]) == "2024-01-15" and _day(events.loc["freeze", "end"]) == "2024-01-21"
    assert str(events.loc["holiday", "actors"]) == "g1" and str(events.loc["freeze", "actors"]) == ""
    assert not background_mask(ds.events[ds.events["id"] == "1"]).any()


def test_eras_count_as_background_spans_too() -> None:
    events = pd.DataFrame({"category": ["era", "", ""], "tags": ["", "x;background", "era-ish"]})
    assert background_mask(events).tolist() == [True, True, False]


def test_ics_overrides_replace_their_occurrence_and_keep_its_id() -> None:
    ds = ics.read(FIXTURES / "overrides.ics")
    standup = ds.events[ds.events["id"].str.startswith("standup@")].set_index("id")
    assert len(standup) == 5
    moved = standup.loc["standup@2024-01-08T09:00:00Z"]
    assert moved["title"] == "Stand-up (moved to Tuesday)" and str(moved["start"]) == "2024-01-09 14:00:00+00:00"
    assert str(standup.loc["standup@2024-01-22T09:00:00Z", "end"]) == "2024-01-22 10:00:00+00:00"
    assert not any("duplicate" in p.message for p in ds.problems)


def test_an_override_without_its_series_keeps_the_id_of_its_occurrence() -> None:
    ds = ics.read(FIXTURES / "overrides.ics")
    assert "orphan@2024-03-01T12:00:00Z" in set(ds.events["id"])


def test_ics_expansion_reads_no_private_dateutil_attributes() -> None:
    source = Path(ics.__file__).read_text()
    assert "_count" not in source and "_until" not in source
