"""Relation values written as a band or a bound, as ownership registers and company databases write stakes: valued at
the band's midpoint or at the bound (as the BODS reader values such shares), shown as written, said in the note and
once for the table; before, each was left empty ("expected a number") and the tie lost its stake."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import native_write
from viewer.model import graph, graph_diff, value_bands
from viewer.model.dataset import Tables, build_dataset

WRITTEN = {  # as written -> (value, shown)
    "25-50%": (37.5, "25–50%"),
    "25 – 50 %": (37.5, "25–50%"),
    "25 to 50 percent": (37.5, "25–50%"),
    "between 10% and 20%": (15.0, "10–20%"),
    "more than 25% but not more than 50%": (37.5, "25–50%"),
    "ownership-of-shares-75-to-100-percent": (87.5, "75–100%"),
    "voting-rights-25-to-50-percent-as-firm": (37.5, "25–50%"),
    ">75%": (75.0, ">75%"),
    "more than 50 %": (50.0, ">50%"),
    ">= 10%": (10.0, "≥10%"),
    "at least 10%": (10.0, "≥10%"),
    "<5%": (5.0, "<5%"),
    "up to 3%": (3.0, "≤3%"),
    "12,5-15%": (13.75, "12.5–15%"),
    "Majority": (50.0, ">50%"),
    "wholly owned": (100.0, "100%"),
}


def _tables(values: list[str]) -> Tables:
    entities = pd.DataFrame({"id": ["o", *[f"t{i}" for i in range(len(values))]], "name": ["Owner", *values]})
    relations = pd.DataFrame({"source": "o", "target": [f"t{i}" for i in range(len(values))],
                              "kind": "equity_stake", "value": values, "valid_from": "2019"})
    return Tables(pd.DataFrame({"start": ["2020"]}), entities, relations)


@pytest.mark.parametrize(("written", "read"), WRITTEN.items())
def test_a_band_or_a_bound_is_valued_and_shown_as_written(written: str, read: tuple[float, str]) -> None:
    ds = build_dataset(_tables([written]))
    row = ds.relations.iloc[0]
    assert row["value"] == pytest.approx(read[0]), written
    assert row[value_bands.COLUMN] == read[1], written
    assert "written as" in row["note"] and not [p for p in ds.problems if p.level != "info"]


def test_plain_numbers_and_words_that_are_no_band_stay_as_they_were() -> None:
    ds = build_dataset(_tables(["43.4", "51%", "lots", "25-", "50-25%"]))
    assert ds.relations["value"].tolist()[:2] == [43.4, 51.0] and ds.relations["value"].iloc[2:].isna().all()
    assert [p.row for p in ds.problems if "expected a number" in p.message] == [3, 4, 5]  # "50-25%": backwards
    assert not [p for p in ds.problems if "band" in p.message]


def test_the_graph_draws_the_band_and_a_saved_copy_keeps_it(tmp_path: Path) -> None:
    ds = build_dataset(_tables(["25-50%", "43.4", ">75%"]))
    said = [p.message for p in ds.problems if p.field == "value"]
    assert said == ["2 values written as a band or a bound ('25-50%', '>75%', 'majority') valued at the band's "
                    "midpoint or at the bound; the text is kept as value_written"]
    view = graph.graph_at(ds, pd.Timestamp("2020-01-01", tz="UTC"))
    assert sorted(edge.label for edge in view.edges) == ["25–50%", "43.4%", ">75%"]
    again = viewer.load(native_write.write(ds, tmp_path / "saved"))
    assert again.relations["value"].tolist() == [37.5, 43.4, 75.0]
    view = graph.graph_at(again, pd.Timestamp("2020-01-01", tz="UTC"))
    assert sorted(edge.label for edge in view.edges) == ["25–50%", "43.4%", ">75%"]


def test_the_diff_says_a_band_as_written() -> None:
    """A stake raised from a band to a bound is labelled "25–50% → >75%" in the diff, not "37.5% → 75%"."""
    entities = pd.DataFrame({"id": ["o", "t"], "name": ["Owner", "Target"]})
    relations = pd.DataFrame({"id": ["r1", "r2"], "source": "o", "target": "t", "kind": "equity_stake",
                              "value": ["25-50%", ">75%"], "valid_from": ["2018", "2020"], "valid_to": ["2020", ""]})
    ds = build_dataset(Tables(pd.DataFrame({"start": ["2019"]}), entities, relations))
    diff = graph_diff.diff_graph(ds, "2019-06-01", "2021-06-01")
    assert [edge.label for edge in diff.view.edges] == ["25–50% → >75%"]
