"""Queries answer the same questions for the window and the command line."""

import pandas as pd

from viewer.model import query
from viewer.model.dataset import Dataset


def stake(ds: Dataset, when: str, source: str, target: str) -> float | None:
    rows = ds.relations_at(when)
    rows = rows[(rows.source == source) & (rows.target == target) & (rows.kind.astype(str).str.endswith("stake"))]
    return None if rows.empty else float(rows["value"].iloc[0])


def test_renault_holds_43_4_percent_of_nissan_at_the_end_of_2022(alliance: Dataset) -> None:
    assert stake(alliance, "2022-12-31", "renault", "nissan") == 43.4
    assert stake(alliance, "2022-12-31", "nissan", "renault") == 15
    assert stake(alliance, "2022-12-31", "nissan", "mitsubishi") == 34


def test_after_the_new_agreement_renault_holds_15_percent_and_the_trust_28_4(alliance: Dataset) -> None:
    assert stake(alliance, "2023-11-09", "renault", "nissan") == 15
    assert stake(alliance, "2023-11-09", "french_trust", "nissan") == 28.4


def test_a_relation_is_valid_on_its_first_day_and_not_on_its_last(alliance: Dataset) -> None:
    assert stake(alliance, "2023-11-08", "renault", "nissan") == 15
    assert stake(alliance, "2023-11-07T23:59:59Z", "renault", "nissan") == 43.4


def test_an_open_start_means_valid_since_forever(alliance: Dataset) -> None:
    assert stake(alliance, "1990", "french_state", "renault") == 15.01


def test_an_event_matches_a_window_when_its_precision_span_overlaps_it(alliance: Dataset) -> None:
    # E051 is dated only "2022-12": a window inside December matches it, one in November does not.
    ids = set(alliance.events_between("2022-12-20", "2022-12-21")["id"])
    assert "E051" in ids
    assert "E051" not in set(alliance.events_between("2022-11-20", "2022-11-30")["id"])


def test_a_window_end_given_as_a_day_includes_that_whole_day(alliance: Dataset) -> None:
    ids = list(alliance.events_between("2023-02-06", "2023-02-06")["id"])
    assert ids == ["E059", "E060", "E061", "E062"]


def test_imprecise_matches_are_counted_apart(alliance: Dataset) -> None:
    mask = query.imprecise_mask(alliance.events, "2022-12-20", "2022-12-31")
    assert set(alliance.events[mask]["id"]) == {"E051"}


def test_filters_combine_actor_category_and_text(alliance: Dataset) -> None:
    found = alliance.events_between("2023-01-01", "2023-02-06", actors="nissan")
    assert {"E053", "E060"} <= set(found["id"])
    assert set(alliance.events_between(actors=["aob"], categories="strategy")["id"]) == {"E032", "E033"}
    assert set(alliance.events_between(text="beirut")["id"]) == {"E029", "E030"}


def test_diff_lists_the_stake_cut_as_changed_and_the_trust_as_added(alliance: Dataset) -> None:
    table = alliance.diff("2018-11-19", "2023-11-09").table
    cut = table[(table.source == "renault") & (table.target == "nissan") & (table.kind == "equity_stake")].iloc[0]
    assert (cut.change, cut.old_value, cut.new_value, cut.events) == ("changed", 43.4, 15.0, "E067")
    trust = table[(table.source == "french_trust") & (table.target == "nissan")].iloc[0]
    assert (trust.change, trust.new_value) == ("added", 28.4)
    ghosn = table[(table.source == "ghosn") & (table.target == "renault")].iloc[0]
    assert ghosn.change == "removed"


def test_history_lists_the_four_steps_of_renaults_nissan_stake(alliance: Dataset) -> None:
    steps = alliance.history("renault", "nissan", "equity_stake")
    assert list(steps["value"]) == [36.8, 44.4, 43.4, 15.0]


def test_uncertain_relations_are_those_whose_fuzzy_bound_holds_the_date(alliance: Dataset) -> None:
    rel = alliance.relations
    qualcomm = rel[(rel.source == "qualcomm") & (rel.target == "ampere")]
    assert query.uncertain_mask(qualcomm, "2022-11-15").all()
    assert not query.uncertain_mask(qualcomm, "2022-12-15").any()
    assert query.fuzzy_note(qualcomm.iloc[0], "2022-11-15") == "from Nov 2022"


def test_relation_labels_show_percentages_or_the_kind() -> None:
    assert query.relation_label(pd.Series({"value": 43.4, "kind": "equity_stake"})) == "43.4%"
    assert query.relation_label(pd.Series({"value": float("nan"), "kind": "joint_venture"})) == "joint venture"
