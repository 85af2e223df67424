"""A dataset is checked once, at construction; what it cannot use is reported, never lost silently."""

import pandas as pd
import pytest

from viewer.model.dataset import Dataset, Tables, build_dataset
from viewer.model.problems import LoadError, Problem


def build(events: dict[str, list[str]], entities: dict[str, list[str]] | None = None,
          relations: dict[str, list[str]] | None = None) -> Dataset:
    return build_dataset(Tables(pd.DataFrame(events), pd.DataFrame(entities) if entities else None,
                                pd.DataFrame(relations) if relations else None))


def test_the_bundled_dataset_has_every_dossier_row(alliance: Dataset) -> None:
    assert (len(alliance.events), len(alliance.entities), len(alliance.relations)) == (69, 37, 53)
    assert alliance.problems == []


def test_every_bundled_event_and_relation_carries_its_source(alliance: Dataset) -> None:
    assert (alliance.events["source_url"].str.startswith("http")).all()
    assert (alliance.relations["source_url"].str.startswith("http")).all()


def test_the_stake_cut_is_linked_to_the_event_that_brought_it_about(alliance: Dataset) -> None:
    rel = alliance.relations
    cut = rel[(rel.source == "renault") & (rel.target == "nissan") & (rel.value == 15)]
    assert list(cut["event"]) == ["E067"]


def test_duplicate_event_ids_are_renamed_and_reported() -> None:
    ds = build({"id": ["a", "a"], "start": ["2020", "2021"], "title": ["x", "y"]})
    assert list(ds.events["id"]) == ["a", "a#2"]
    assert any(p.field == "id" and p.row == 2 for p in ds.problems)


def test_an_unreadable_start_drops_the_row_and_names_row_and_field() -> None:
    ds = build({"id": ["a", "b"], "start": ["2020", "someday"], "title": ["x", "y"]})
    assert list(ds.events["id"]) == ["a"]
    (problem,) = ds.problems
    assert (problem.row, problem.field, problem.level) == (2, "start", "error")
    assert "someday" in str(problem) and "expected a date" in str(problem)


def test_an_end_before_the_start_is_ignored_with_a_warning() -> None:
    ds = build({"id": ["a"], "start": ["2020-05-01"], "end": ["2020-04-01"], "title": ["x"]})
    assert ds.events["end"].isna().all()
    assert ds.problems[0].field == "end"


def test_actors_missing_from_the_entity_table_are_added_and_reported() -> None:
    ds = build({"id": ["a"], "start": ["2020"], "actors": ["acme; globex"]},
               {"id": ["acme"], "name": ["Acme"], "kind": ["company"]})
    assert set(ds.entities["id"]) == {"acme", "globex"}
    assert any("globex" in p.message for p in ds.problems)
    assert ds.events["actors"].iloc[0] == "acme;globex"


def test_an_explicit_precision_snaps_the_date_to_the_start_of_its_span() -> None:
    ds = build({"id": ["a"], "start": ["2002-03-15"], "precision": ["month"]})
    row = ds.events.iloc[0]
    assert row["start"] == pd.Timestamp("2002-03-01", tz="UTC") and row["precision"] == "month"
    assert row["span_end"] == pd.Timestamp("2002-04-01", tz="UTC")


def test_a_relation_with_an_unreadable_date_is_dropped_not_made_open_ended() -> None:
    ds = build({"id": ["a"], "start": ["2020"]}, None,
               {"source": ["x", "x"], "target": ["y", "y"], "valid_from": ["2020", "soon"], "value": ["10%", "n/a"]})
    assert len(ds.relations) == 1 and ds.relations["value"].iloc[0] == 10
    assert {p.field for p in ds.problems} == {"valid_from", "value"}


def test_a_table_without_a_start_column_is_refused_with_the_expected_columns() -> None:
    with pytest.raises(LoadError, match="no 'start' column"):
        build({"id": ["a"], "title": ["x"]})


def test_a_million_bad_rows_produce_a_bounded_problem_list() -> None:
    ds = build({"start": ["bad"] * 5000})
    assert len(ds.events) == 0
    assert len(ds.problems) <= 201
    assert "4,800 more rows" in ds.problems[-1].message


def test_problems_name_rows_in_the_files_order_whatever_order_the_rows_came_in() -> None:
    import numpy as np

    from viewer.model.reporting import MAX_PROBLEMS_PER_FIELD, Reporter
    problems: list[Problem] = []
    numbers = np.arange(MAX_PROBLEMS_PER_FIELD + 5, 0, -1)  # rows handed over last line first
    Reporter(problems, numbers).rows("f.csv", np.arange(len(numbers)), "end", "bad", None)
    assert [p.row for p in problems[:3]] == [1, 2, 3]  # the cap keeps the first lines of the file
    assert "5 more rows" in problems[-1].message


def test_a_share_outside_0_to_100_is_said_and_kept_and_an_infinite_value_is_left_empty() -> None:
    values = ["50%", "0", "100", "-20", "250", "1e308", "inf", "-Infinity", "1e999", "500", "5e9"]
    kinds = ["equity_stake"] * 9 + ["partnership", "acquisition_price_usd"]
    ds = build({"id": ["a"], "start": ["2020"]}, None,
               {"source": ["x"] * len(values), "target": ["y"] * len(values), "kind": kinds, "value": values})
    said = {(p.row, p.message.split(";")[0]) for p in ds.problems if p.field == "value" and "whole" not in p.message}
    assert said == {(4, "a share outside 0-100%"), (5, "a share outside 0-100%"), (6, "a share outside 0-100%"),
                    (7, "expected a number (e.g. 43.4)"), (8, "expected a number (e.g. 43.4)"),
                    (9, "expected a number (e.g. 43.4)")}
    assert ds.relations["value"].tolist()[:6] == [50, 0, 100, -20, 250, 1e308]
    assert ds.relations["value"].iloc[6:9].isna().all() and ds.relations["value"].iloc[10] == 5e9
    summed = [p.message for p in ds.problems if "whole" in p.message]  # (those within 0-100%: 50% and 100% of y)
    assert summed == ["stakes held in y sum to 150% (rows 1, 3): more than the whole; check their values and dates"]


def test_rows_out_of_time_order_keep_their_lines_ids_attributes_and_problems() -> None:
    """Rows handed over out of time order come out sorted by start: every problem names the file's row, the
    first written of two alike ids keeps it, and each attribute stays with its row."""
    ds = build({"id": ["late", "mid", "late", "early", "x"],
                "start": ["2021-05-01", "2020-06-15", "2019-01-01", "2018-02-02", "2020-06-15"],
                "end": ["2021-06-01", "2020-05-01", "", "", ""],
                "precision": ["", "month", "", "", ""],
                "budget": ["5", "4", "3", "2", "1"]})
    events = ds.events
    assert events["id"].tolist() == ["early", "late#2", "mid", "x", "late"]
    assert events["row"].tolist() == [4, 3, 2, 5, 1]  # the file's rows (no loader gave their lines)
    assert events["attr:budget"].tolist() == [2, 3, 4, 1, 5]
    assert events["start"].iloc[2] == pd.Timestamp("2020-06-01", tz="UTC")  # its month's start
    said = {(p.row, p.field) for p in ds.problems if p.level != "info"}
    assert said == {(3, "id"), (2, "end")}  # the id repeated on row 3; row 2's end before its start
    shuffled = build({"id": ["late", "mid", "late", "early", "x"],
                      "start": ["2021-05-01", "2020-06-15", "2019-01-01", "2018-02-02", "2020-06-15"]})
    in_order = build({"id": ["early", "late", "mid", "x", "late"],
                      "start": ["2018-02-02", "2019-01-01", "2020-06-15", "2020-06-15", "2021-05-01"]})
    assert shuffled.events["start"].tolist() == in_order.events["start"].tolist()


def _long_ids(count: int) -> list[str]:
    return [f"E{i}" for i in range(count)]


@pytest.mark.parametrize("case", ["distinct", "blank", "repeated", "spaced"])
def test_a_long_tables_ids_are_checked_aside_and_named_as_ever(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A long table's ids are checked on a second thread while its dates parse; only ids that are blank,
    repeated or spaced go on to be named, with the same result as before."""
    from viewer.model import table_build
    count = table_build.CHECKED_ASIDE_FROM + 7
    ids = _long_ids(count)
    if case == "blank":
        ids[5] = ""
    elif case == "repeated":
        ids[9] = "E3"
    elif case == "spaced":
        ids[2] = " E2 "
    named: list[int] = []
    check = table_build.unique_ids  # type: ignore[attr-defined]

    def spy(values: pd.Series, *args: object) -> pd.Series:
        if len(values):
            named.append(len(values))
        return check(values, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(table_build, "unique_ids", spy)
    days = pd.Timestamp("2001-01-01") + pd.to_timedelta(range(count), unit="h")
    ds = build({"id": ids, "start": list(days.strftime("%Y-%m-%dT%H:%M:%SZ"))[::-1]})  # the last row first
    events = ds.events.set_index("row")
    assert ds.events["id"].is_unique and len(ds.events) == count
    assert named == ([] if case == "distinct" else [count])
    expected = {"distinct": (6, "E5"), "blank": (6, "row6"), "repeated": (10, "E3#2"), "spaced": (3, "E2")}[case]
    assert events.loc[expected[0], "id"] == expected[1]
    said = [(p.row, p.field) for p in ds.problems if p.field == "id"]
    assert said == ([(10, "id")] if case == "repeated" else [])


def test_tables_not_given_are_typed_and_each_dataset_has_its_own() -> None:
    """The entity and relation tables of a file without them are built once and copied: the copies are what an
    empty table builds to, and what one dataset does to its tables never reaches the next one's."""
    given = build({"id": ["e1"], "start": ["2019-01-01"], "title": ["a"]}, {"id": ["x"], "name": ["X"]},
                  {"source": ["x"], "target": ["y"], "kind": ["owns"], "value": ["10"]})
    first = build({"id": ["e1"], "start": ["2019-01-01"], "title": ["a"]})
    first.relations["scribbled"] = pd.Series(dtype="float64")
    first.entities["scribbled"] = pd.Series(dtype="float64")
    second = build({"id": ["e1"], "start": ["2019-01-01"], "title": ["a"]})
    assert second.relations.empty and "scribbled" not in second.relations.columns
    assert second.entities.empty and "scribbled" not in second.entities.columns
    for table in ("relations", "entities"):
        assert ({name: dtype.name for name, dtype in getattr(second, table).dtypes.items()}
                == {name: dtype.name for name, dtype in getattr(given, table).dtypes.items()})
