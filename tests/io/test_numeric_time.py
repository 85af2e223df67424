"""Times that are plain numbers (GEXF integer/double, tick columns) load on the numeric clock, no row dropped."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import cache, native_write, table
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"
INTEGER, DOUBLE, TICKS = FIXTURES / "ticks_integer.gexf", FIXTURES / "ticks_double.gexf", FIXTURES / "ticks.csv"


def _times(ds: Dataset, frame: pd.DataFrame, column: str) -> list[str]:
    return [ds.format_time(t) for t in frame[column]]


def _spans(ds: Dataset) -> dict[str, tuple[str, str]]:
    rel = ds.relations
    return dict(zip(rel["id"], zip(_times(ds, rel, "valid_from"), _times(ds, rel, "valid_to"), strict=True),
                    strict=True))


def test_an_integer_gexf_keeps_every_node_edge_and_spell_as_numbers() -> None:
    ds = viewer.load(INTEGER)
    assert ds.meta.clock == "number"
    assert (len(ds.entities), len(ds.relations), len(ds.events)) == (5, 6, 5)
    assert _times(ds, ds.events, "start") == ["0", "10", "42", "200", "300"]
    assert _spans(ds) == {"e1": ("10", "300"), "e2": ("42", "60"), "e2#2": ("80", "100"), "e3": ("0", ""),
                          "e4": ("50", "400"), "e5": ("210", "340")}
    assert not [p for p in ds.problems if p.level in ("error", "warning")]


def test_a_node_is_absent_outside_its_spell_and_takes_its_edges_along() -> None:
    ds = viewer.load(INTEGER)
    gamma = ds.entities.set_index("id").loc["c"]
    assert (ds.format_time(gamma["valid_from"]), ds.format_time(gamma["valid_to"])) == ("42", "120")
    assert "e4" in set(ds.relations_at(100)["id"])
    assert "e4" not in set(ds.relations_at(130)["id"])  # Gamma is gone at 130, its edge to Delta with it
    assert "e4" not in set(ds.relations_at("45")["id"])  # the edge starts at 50


def test_a_double_gexf_keeps_fractions_negative_times_and_open_bounds() -> None:
    ds = viewer.load(DOUBLE)
    assert ds.meta.clock == "number"
    assert (len(ds.entities), len(ds.relations), len(ds.events)) == (3, 3, 3)
    assert _times(ds, ds.events, "start") == ["-2.5", "0.5", "1.25"]
    assert _spans(ds) == {"xy": ("1.5", "2.75"), "yz": ("2", "3.5"), "zx": ("-1.5", "")}
    assert set(ds.relations_at(2.5)["id"]) == {"xy", "yz", "zx"}


def test_a_ticks_table_keeps_every_row_with_its_numbers() -> None:
    ds = viewer.load(TICKS)
    assert ds.meta.clock == "number"
    assert len(ds.events) == 8
    assert _times(ds, ds.events, "start") == ["-3", "0", "0.5", "1", "42", "42.25", "120", "500"]
    trade = ds.events.set_index("title").loc["Trade window"]
    assert ds.format_time(trade["end"]) == "4.5"
    assert list(ds.events_between(42, 42.5)["title"]) == ["Shock", "Aftershock"]


def test_numbers_that_cannot_be_dates_switch_a_start_column_to_numbers(tmp_path: Path) -> None:
    path = tmp_path / "steps.csv"
    path.write_text("start,title\n0,a\n0.5,b\n1.5,c\n2,d\n")
    ds = table.read(path)
    assert ds.meta.clock == "number" and len(ds.events) == 4
    assert any("not dates" in p.message for p in ds.problems)


def test_year_columns_and_iso_dates_stay_on_the_calendar(tmp_path: Path) -> None:
    path = tmp_path / "years.csv"
    path.write_text("year,title\n1999,a\n2004,b\n")
    assert table.read(path).meta.clock == "calendar"


def test_a_spec_or_an_option_can_ask_for_numbers(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("date,title\n1999,a\n2004,b\n")
    numbers = table.read(path, clock="number")
    assert numbers.format_time(numbers.events["start"][0]) == "1999"
    spec = {"version": 1, "fields": {"start": "date"}, "read": {"clock": "number"}}
    assert table.read(path, mapping=spec).meta.clock == "number"
    with pytest.raises(LoadError, match=r"read\.clock"):
        table.read(path, mapping={"version": 1, "read": {"clock": "sundial"}})


def test_a_bad_or_huge_number_is_reported_with_its_row(tmp_path: Path) -> None:
    path = tmp_path / "ticks.csv"
    path.write_text("tick,title\n1,a\n2,b\nsoon,c\n1e13,d\n")
    ds = table.read(path, clock="number")
    assert len(ds.events) == 2
    rows = {p.row for p in ds.problems if p.level == "error"}
    assert rows == {4, 5} and any("9.2e+12" in p.message for p in ds.problems)


def test_numbers_survive_the_native_format_and_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ds = viewer.load(INTEGER)
    written = native_write.write(ds, tmp_path / "ticks")
    back = viewer.load(written)
    assert back.meta.clock == "number" and _spans(back) == _spans(ds)
    assert _times(back, back.entities, "valid_to") == _times(ds, ds.entities, "valid_to")
    one = viewer.load(native_write.write(ds, tmp_path / "ticks.json"))
    assert one.meta.clock == "number" and _spans(one) == _spans(ds)
    monkeypatch.setattr("viewer.paths.cache_dir", lambda: tmp_path / "cache")
    monkeypatch.setattr(cache, "MIN_BYTES", 0)
    monkeypatch.delenv("ENTENTE_NO_CACHE", raising=False)
    cache.load_cached(TICKS, layout=False)
    monkeypatch.setattr("viewer.io.load", lambda *a, **k: pytest.fail("the file was read again"))
    again = cache.load_cached(TICKS, layout=False)
    assert again.meta.clock == "number" and _times(again, again.events, "start")[:3] == ["-3", "0", "0.5"]


def test_numbers_and_dates_are_not_combined() -> None:
    with pytest.raises(LoadError, match="same clock"):
        viewer.load_many([INTEGER, FIXTURES / "graph_spells.gexf"])


def test_a_time_column_of_unix_seconds_with_fractions_stays_on_the_calendar(tmp_path: Path) -> None:
    """``time.time()`` written to a log, or pandas writing Unix seconds as floats beside a blank cell: dates, not
    a simulation's ticks (they were drawn on a numeric axis at 1.6 billion)."""
    path = tmp_path / "log.csv"
    path.write_text("time,title\n1600000000.0,a\n,b\n1610000000.5,c\n")
    ds = table.read(path)
    assert ds.meta.clock == "calendar"
    assert [str(t) for t in ds.events["start"]] == ["2020-09-13 12:26:40+00:00", "2021-01-07 06:13:20.500000+00:00"]
    assert any("Unix time in seconds" in p.message for p in ds.problems)
    path.write_text("time,title\n0.25,a\n1600000000.5,b\n")  # a tick beside: not all Unix times, numbers again
    assert table.read(path).meta.clock == "number"
