"""Files nobody on the team wrote: tables, graphs and ownership data from public repositories."""

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import bods, gexf, gleif, table
from viewer.model import clock
from viewer.model.navigation import default_cursor
from viewer.model.problems import LoadError

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
pytestmark = [pytest.mark.realdata,
              pytest.mark.skipif(not REALDATA.exists(), reason="../shared/realdata is not present")]
FIXTURES = Path(__file__).parent / "fixtures_tables"


def test_the_fdic_bank_list_falls_back_to_cp1252_and_reads_day_month_name_years() -> None:
    ds = table.read(REALDATA / "csv" / "fdic_banklist_cp1252.csv")
    assert len(ds.events) == 566
    assert any("cp1252" in p.message and p.level == "warning" for p in ds.problems)
    first_republic = ds.events[ds.events["title"] == "First Republic Bank"].iloc[0]
    assert first_republic["start"] == pd.Timestamp("2023-05-01", tz="UTC")


def test_the_nrc_pipe_file_combines_event_date_time_and_zone() -> None:
    ds = table.read(REALDATA / "csv" / "nrc_event_notifications_2011_pipe.txt")
    assert len(ds.events) == 72
    pilgrim = ds.events[ds.events["id"] == "row1"].iloc[0]
    assert pilgrim["start"] == pd.Timestamp("2011-01-05 06:20", tz="UTC")  # 01:20 EST
    assert (ds.events["precision"] == "day").sum() == 17  # the blank event times


def test_the_sacramento_crime_file_reads_month_first_two_digit_years() -> None:
    ds = table.read(REALDATA / "csv" / "sacramento_crime_jan2006_pipe_7584.csv")
    assert len(ds.events) == 7584
    assert ds.events["start"].min() == pd.Timestamp("2006-01-01", tz="UTC")
    assert ds.events["start"].max() < pd.Timestamp("2006-02-01", tz="UTC")


def test_ten_thousand_flights_have_origin_and_destination_as_actors() -> None:
    ds = table.read(REALDATA / "json_events" / "vega_flights-10k.json")
    assert len(ds.events) == 10000
    assert ds.events["actors"].iloc[0] == "DTW;LAS"
    assert len(ds.entities) > 200


def test_the_gexf_1_3_dynamic_example_has_four_nodes_five_edges_and_two_appearances() -> None:
    ds = gexf.read(REALDATA / "gexf" / "dynamics_1.3_spells.gexf")
    assert (len(ds.entities), len(ds.relations), len(ds.events)) == (4, 5, 2)
    assert ds.relations["valid_from"].notna().sum() == 4


def test_the_open_interval_double_gexf_has_two_nodes_and_one_edge_whose_value_changes() -> None:
    """Gephi's dynamic weight: the edge's value is 15, then 20, then 25 over 2000-2015 (a tie with no value and no
    dates before); the nodes' own dated values are kept in their notes."""
    ds = gexf.read(REALDATA / "gexf" / "dynamics_openintervals_double.gexf")
    assert len(ds.entities) == 2 and set(ds.entities["color"]) == {"#999999"}
    ties = ds.relations.sort_values("valid_from")
    assert list(ties["value"]) == [15.0, 20.0, 25.0] and set(ties["source"] + ties["target"]) == {"12"}
    assert [clock.format_number(t) for t in ties["valid_from"]] == ["2000", "2005", "2010"]
    assert [clock.format_number(t) for t in ties["valid_to"]] == ["2005", "2010", "2015"]
    assert ds.entities.set_index("id").loc["2", "note"].startswith("value: 5 (2000.0 to 2005.0), 20 (2005.0 to")
    assert clock.format_number(default_cursor(ds)) == "2010"  # (the window's end, 2015.3: no tie held there)


def test_bods_0_2_single_update_keeps_both_half_stakes() -> None:
    ds = bods.read(REALDATA / "ownership" / "bods02_single-update.json")
    assert list(ds.relations["value"]) == [50.0, 50.0]
    assert (len(ds.entities), len(ds.relations)) == (3, 2)


def test_bods_0_4_tecido_share_changes_are_a_history_of_stakes() -> None:
    ds = bods.read(REALDATA / "ownership" / "bods04_tecido_share-changes.json")
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    stakes = ds.relations[ds.relations["kind"] == "equity_stake"].sort_values("valid_from")

    def shares(on: str) -> dict[str, float]:
        day = pd.Timestamp(on, tz="UTC")
        live = stakes[(stakes["valid_from"] <= day) & (stakes["valid_to"].isna() | (stakes["valid_to"] > day))]
        return {names[s]: v for s, v in zip(live["source"], live["value"], strict=True)}

    assert shares("2020-01-01") == {"Maria Esteves": 100.0}
    assert shares("2022-01-01") == {"Shear Trust": 60.0, "Maria Esteves": 40.0}
    assert shares("2023-01-01") == {"Shear Trust": 70.0, "Maria Esteves": 30.0}
    assert shares("2023-06-01") == {"Shear Trust": 80.0}


def test_gleif_relationships_take_their_names_from_the_lei_file_beside_them() -> None:
    ds = gleif.read(REALDATA / "ownership" / "gleif_rr_relationships_with-quantifiers.xml")
    assert (len(ds.relations), len(ds.entities)) == (11, 12)
    assert "MONEYTECH GROUP LIMITED" in set(ds.entities["name"])
    assert sorted(ds.relations["value"].dropna()) == [1.0, 1.0, 100.0, 100.0, 100.0]
    assert set(ds.relations["kind"]) == {"directly_consolidates", "ultimately_consolidates", "manages_fund"}


def test_hostile_xml_is_refused_by_both_xml_readers() -> None:
    for reader in (gexf.read, gleif.read):
        for name in ("billion_laughs.xml", "xxe.xml"):
            with pytest.raises(LoadError):
                reader(FIXTURES / name)
