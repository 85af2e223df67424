"""What the relation history writes for each step's value: the graph's and the table's text (a band or a bound as
written, a plain number without "%"), the range a band names, the axis's unit, and labels kept apart."""

from __future__ import annotations

import io

import numpy as np
import pandas as pd
import pytest

from viewer.model import history_values, query, value_bands
from viewer.model.dataset import Tables, build_dataset
from viewer.model.graph_rows import edge_labels
from viewer.model.history_values import axis_unit, kept, ranged, step_values


def _relations(rows: str) -> pd.DataFrame:
    relations = pd.read_csv(io.StringIO("id,source,target,kind,value,valid_from,valid_to\n" + rows),
                            dtype=str, keep_default_na=False)
    entities = pd.DataFrame({"id": ["a", "b"], "name": ["Alpha", "Beta"], "kind": ["company"] * 2})
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), entities, relations)).relations


def test_bands_and_bounds_read_as_written_and_name_their_range() -> None:
    relations = _relations("R0,a,b,equity_stake,25-50%,2017,2019\nR1,a,b,equity_stake,>75%,2019,\n"
                           "R2,a,b,equity_stake,at least 10%,2020,\n")
    found = step_values(query.history(relations, "a", "b", "equity_stake"), "equity_stake")
    assert found.texts == ("25–50%", ">75%", "≥10%")
    assert found.lows.tolist() == [25.0, 75.0, 10.0] and found.highs.tolist() == [50.0, 100.0, 100.0]
    assert found.ranged.all() and found.unit == "%"


def test_each_text_is_the_graphs_and_the_tables() -> None:
    relations = _relations("S0,a,b,supplier,46,2005,\nS1,a,b,supplier,,2006,\nL0,a,b,loan,1250000,2005,\n"
                           "E0,a,b,equity_stake,43.4,2005,\nP0,a,b,acquisition_price,$5.4bn,2005,\n")
    for kind, expected in (("supplier", ("46", "in force")), ("loan", ("1.25 m",)), ("equity_stake", ("43.4%",)),
                           ("acquisition_price", ("$5.4bn",))):
        rows = query.history(relations, "a", "b", kind)
        found = step_values(rows, kind)
        assert found.texts == expected
        _, values, keys, labels = edge_labels(rows)  # what the graph draws on the edge
        assert [labels[k] for k, v in zip(keys, values, strict=True) if np.isfinite(v)] == [
            t for t in expected if t != history_values.NO_VALUE]
        assert not found.ranged.any()


@pytest.mark.parametrize(("written", "expected"), [("25–50%", (25.0, 50.0)), ("≥10%", (10.0, 100.0)),
                                                   ("<5%", (0.0, 5.0)), (">50%", (50.0, 100.0))])
def test_the_range_a_band_or_a_bound_names(written: str, expected: tuple[float, float]) -> None:
    assert ranged(written) == expected
    assert value_bands.read(pd.Series([written]))[1].iloc[0] == written  # as value_bands writes it


@pytest.mark.parametrize("written", ["100%", "43.4%", "$5.4bn", "", "25-50"])
def test_any_other_text_names_no_range(written: str) -> None:
    assert np.isnan(ranged(written)).all()


def test_the_axis_is_in_percent_only_for_a_share() -> None:
    assert [axis_unit(k) for k in ("equity_stake", "voting_rights", "supplier", "loan", "licence", "edge",
                                   "acquisition_price_eur", "price")] == ["%", "%", "", "", "", "", "EUR", ""]


def test_labels_that_would_cover_one_kept_before_are_left_out() -> None:
    # five labels at one instant, 5 px apart and 14 px tall: the first, third and fifth
    boxes = np.array([[0.0, top, 20.0, top + 14.0] for top in (0.0, 10.0, 20.0, 30.0, 40.0)])
    assert kept(boxes).tolist() == [True, False, True, False, True]
    assert kept(np.zeros((0, 4))).tolist() == []
