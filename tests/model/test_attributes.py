"""Extra columns are typed attributes: searched, filtered, offered as lanes, listed for Details."""

import numpy as np
import pandas as pd
import pytest

from viewer.model import attribute_build, attributes, columns, lane_packing, missing_marks
from viewer.model.dataset import Tables, build_dataset
from viewer.model.dates import columns as date_columns
from viewer.model.filters import Filters


def dataset() -> object:
    raw = pd.DataFrame({"start": ["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01"],
                        "title": ["a", "b", "c", "d"],
                        "State": ["IL", "IL", "AZ", "IL"], "City": ["Chicago", "Evanston", "Phoenix", "Peoria"],
                        "Cert": ["101", "102", "103", "104"], "Zip": ["01234", "60601", "85001", "61602"],
                        "Opened": ["1990-05-01", "1991-06-01", "", "1993-08-01"]})
    return build_dataset(Tables(raw))


def test_extra_columns_become_attributes_typed_from_their_values() -> None:
    ds = dataset()
    types = {a.name: a.type for a in ds.attributes}  # type: ignore[attr-defined]
    assert types == {"State": "category", "City": "text", "Cert": "number", "Zip": "text", "Opened": "date"}
    events = ds.events  # type: ignore[attr-defined]
    assert isinstance(events["attr:State"].dtype, pd.CategoricalDtype)
    assert events["attr:Cert"].dtype == "float64"
    assert events["attr:Zip"].tolist()[0] == "01234"  # a leading zero keeps it text


def test_details_list_an_events_attributes_as_names_and_formatted_values() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    assert attributes.items(events, 0) == [("State", "IL"), ("City", "Chicago"), ("Cert", "101"),
                                           ("Zip", "01234"), ("Opened", "1990-05-01")]
    assert ("Opened", "") not in attributes.items(events, 2)


def test_search_matches_attribute_values() -> None:
    ds = dataset()
    assert ds.events_between(text="chicago")["title"].tolist() == ["a"]  # type: ignore[attr-defined]
    assert ds.events_between(text="103")["title"].tolist() == ["c"]  # type: ignore[attr-defined]


def test_filters_keep_events_with_a_chosen_attribute_value() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    filters = Filters().with_attribute("State", {"AZ"})
    assert filters.active and events[filters.mask(events)]["title"].tolist() == ["c"]
    assert not filters.with_attribute("State", set()).active
    assert attributes.distinct_values(events, "State") == [("IL", 3), ("AZ", 1)]


def test_lanes_by_a_categorical_attribute_put_the_busiest_value_first() -> None:
    events = dataset().events  # type: ignore[attr-defined]
    lanes = lane_packing.lane_rows(events, (), {}, group_by="attr:State")
    assert lanes.labels == ("IL", "AZ")
    assert ("attr:State", "State") in lane_packing.lane_choices(events)


def test_an_attribute_type_can_be_overridden() -> None:
    raw = pd.DataFrame({"start": ["2020", "2021"], "Cert": ["101", "102"]})
    ds = build_dataset(Tables(raw, attribute_types={"events": {"Cert": "category"}}))
    assert [a.type for a in ds.attributes] == ["category"]


def test_a_wide_tables_columns_typed_on_several_threads_are_typed_as_on_one(monkeypatch) -> None:
    """Sixty columns of every kind, 4,000 rows: over the cells from which they share threads, and the same
    columns, in the same order, as typed one after another."""
    rng = np.random.default_rng(3)
    rows = 4_000
    kinds = [lambda: rng.normal(size=rows).round(2).astype(str), lambda: rng.choice(["a", "b", "c"], rows),
             lambda: np.array([f"note {x}" for x in rng.integers(0, 10**6, rows)]),
             lambda: (pd.Timestamp("2020-01-01") + pd.to_timedelta(rng.integers(0, 10**6, rows), unit="min"))
             .strftime("%Y-%m-%d %H:%M").to_numpy(), lambda: np.char.zfill(rng.integers(0, 999, rows).astype(str), 5)]
    raw = pd.DataFrame({f"c{i}": kinds[i % len(kinds)]() for i in range(60)})
    assert raw.size >= attribute_build.SHARED_FROM_CELLS
    monkeypatch.setattr(attribute_build, "ALL_AT_ONCE_FROM", 10**6)  # column by column
    shared = attribute_build.build(raw, list(raw.columns))
    monkeypatch.setattr(attribute_build, "SHARED_FROM_CELLS", 10**12)
    alone = attribute_build.build(raw, list(raw.columns))
    pd.testing.assert_frame_equal(shared, alone)
    assert [a.type for a in attributes.attributes(shared)][:5] == ["number", "category", "text", "date", "text"]
    monkeypatch.undo()
    monkeypatch.setattr(attribute_build, "SHORT", len(raw))  # all at once
    assert raw.shape[1] >= attribute_build.ALL_AT_ONCE_FROM
    pd.testing.assert_frame_equal(attribute_build.build(raw, list(raw.columns)), alone)


def _odd_column(rng: np.random.Generator, kind: int, rows: int) -> pd.Series:
    """A column of one of many shapes a wide export holds, with blanks and spaces here and there."""
    pick = [lambda: rng.normal(size=rows).round(3).astype(str), lambda: rng.choice(["yes", "no", " maybe "], rows),
            lambda: np.array([f"w{x}" for x in rng.integers(0, 10**4, rows)]),
            lambda: np.char.zfill(rng.integers(0, 999, rows).astype(str), 4),
            lambda: rng.choice(["1,200", "3,400.5", "12"], rows),
            lambda: rng.choice(["2019-03-04", "4 March 2019", "2020-01"], rows),
            lambda: rng.choice(["", " ", "x"], rows), lambda: np.full(rows, ""),
            lambda: rng.choice(["1_000", "0x10", "7"], rows), lambda: rng.choice(["c. 1850", "1850s", "Q1 2019"], rows),
            lambda: rng.integers(0, 5, rows), lambda: rng.normal(size=rows),
            lambda: np.array([None if x else "v" for x in rng.integers(0, 2, rows)], dtype=object),
            lambda: rng.choice(["2019-03-04", "2019-03-05T10:00:00+01:00", "2020-01", "2021-12-31 23:59"], rows)]
    values = pick[kind % len(pick)]()
    series = pd.Series(values, dtype=object if kind % 3 == 0 and values.dtype.kind in "US" else None)
    if series.dtype.kind in "OU" or str(series.dtype) in ("str", "string"):
        blanks = rng.random(rows) < 0.1
        blank_cells = np.array(["", "  ", None], dtype=object)[rng.integers(0, 3, rows)]
        series = series.astype(object).where(~blanks, blank_cells)
    return series


@pytest.mark.parametrize("rows", [1, 7, 50])
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_wide_table_typed_all_at_once_matches_column_by_column(rows: int, seed: int,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """5,000 survey columns took 14 s typed one by one (a fixed cost of a few ms each); all at once, the
    same types and the same values."""
    rng = np.random.default_rng(seed)
    raw = pd.DataFrame({f"q{i}": _odd_column(rng, int(rng.integers(0, 40)), rows) for i in range(80)})
    names = list(raw.columns)
    given = {"q3": "category", "q5": "text", "q8": "number"}
    at_once = attribute_build.build(raw, names, given)
    monkeypatch.setattr(attribute_build, "ALL_AT_ONCE_FROM", 10**6)
    one_by_one = attribute_build.build(raw, names, given)
    pd.testing.assert_frame_equal(at_once, one_by_one)


def test_one_rows_attributes_formatted_alone_read_as_formatted_columns() -> None:
    """Details formats one value of each column (a column at a time took 3 s a click at 5,000 columns)."""
    rng = np.random.default_rng(1)
    n = 30
    frame = pd.DataFrame({
        "id": [f"e{i}" for i in range(n)],
        "attr:num": pd.Series(rng.normal(size=n)).where(rng.random(n) > .3),
        "attr:int": pd.Series(rng.integers(0, 10**6, n).astype(float)),
        "attr:cat": pd.Series(pd.Categorical(np.array(["a", "b", None], dtype=object)[rng.integers(0, 3, n)])),
        "attr:txt": pd.Series(rng.choice(["x", "", "long text é"], n)).astype("str"),
        "attr:date": pd.Series(pd.to_datetime(rng.choice(["2020-01-01", "2020-01-01T10:30", "NaT"], n), utc=True,
                                              format="ISO8601"))})
    for position in range(n):
        expected = []
        for attribute in attributes.attributes(frame):
            value = attributes.formatted(frame[attribute.column].iloc[[position]]).iloc[0]
            if value:
                expected.append((attribute.name, str(value)))
        assert attributes.items(frame, position) == expected
        shown, more = attributes.items_at(attributes.held(frame), position, limit=1)
        assert shown == expected[:1] and more == max(len(expected) - 1, 0)


def test_a_wide_frame_is_reordered_whole_and_the_same() -> None:
    """Popping 1,000 columns one by one took 17 s (each pop rebuilds the frame's block index)."""
    rng = np.random.default_rng(2)
    frame = pd.DataFrame({f"c{i}": pd.Series(rng.choice(["a", "b"], 40)).astype("string[pyarrow]") for i in range(300)})
    order = rng.permutation(40)
    expected = frame.take(order).reset_index(drop=True)
    pd.testing.assert_frame_equal(columns.reordered(frame.copy(), order), expected)


def test_a_column_of_answers_is_typed_without_the_date_test(monkeypatch: pytest.MonkeyPatch) -> None:
    """A survey's answer columns open as no date can: one Arrow pass says so, and the date test's own cleaning
    and sampling (2 ms a column, for each of hundreds) is not paid."""
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("the date test was run")

    monkeypatch.setattr(date_columns, "looks_like_dates", refuse)
    answers = pd.Series(["Strongly agree", "Agree", "", "Neutral", "Agree"] * 40, dtype="str")
    assert attributes.infer_type(answers) == "category"
    monkeypatch.undo()
    assert attributes.infer_type(pd.Series(["4 March 2019", "5 March 2019"] * 3, dtype="str")) == "date"


@pytest.mark.parametrize(("cells", "kind"), [(["1.5", "NULL", "3", "N/A", "-"], "number"),
                                             (["2019-01-01", "null", "(null)", "2019-02-02", "\\N"], "date"),
                                             (["NULL", "N/A", "NULL", "", "NULL"], "category"),  # as before
                                             (["Yes", "No", "N/A", "Yes", "No", "Yes"], "category")])
def test_marks_of_missing_values_do_not_decide_a_column_s_type(cells: list[str], kind: str) -> None:
    """A SQL export writes NULL where a value is not there: a column of amounts with some was typed as text
    (no sum, no range filter), one of dates too. Both typings agree: one by one and all at once."""
    column = pd.Series(cells * 8, dtype="str")
    assert attributes.infer_type(column) == kind
    assert attribute_build.infer_types([column] * 40) == [kind] * 40
    typed = attributes.typed(column, kind)
    if kind in ("number", "date"):
        assert typed.isna().sum() == 8 * sum(c.lower() in missing_marks.MISSING for c in cells)
    else:
        assert "N/A" in set(typed.astype(str))  # a column of categories (or text) keeps them as written


@pytest.mark.parametrize("cells", [["1234567890123456789", "1234567890123456790"], ["9007199254740993", "1.5"],
                                   ["-12345678901234567890", ""]])
def test_integers_a_float_would_round_stay_text_as_written(cells: list[str]) -> None:
    """Two tweets' ids, 1234567890123456789 and …790, became the same float, 1.2345678901234568e+18."""
    values = pd.Series(cells, dtype="string")
    assert attributes.infer_type(values) == "text"
    wide = [values] * attribute_build.ALL_AT_ONCE_FROM
    assert attribute_build.infer_types(wide) == ["text"] * len(wide)
    assert attributes.infer_type(pd.Series(["123456789012345", "1.5"], dtype="string")) == "number"  # (15 digits)
