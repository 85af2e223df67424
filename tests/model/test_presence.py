"""Entities that exist only for a period, and the graph during a window."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import native_write
from viewer.model import graph, query
from viewer.model.dataset import Dataset, Tables, build_dataset

SPELL_GEXF = """<gexf version="1.3"><graph mode="dynamic" timeformat="date" defaultedgetype="directed">
<nodes>
  <node id="a" label="Always"/>
  <node id="b" label="Brief"><spells><spell start="2010-01-01" end="2012-01-01"/></spells></node>
  <node id="c" label="Later" start="2015-01-01"/>
</nodes>
<edges>
  <edge id="ab" source="a" target="b" weight="2"/>
  <edge id="ac" source="a" target="c" weight="1"/>
</edges></graph></gexf>"""


@pytest.fixture
def spells(tmp_path: Path) -> Path:
    path = tmp_path / "spells.gexf"
    path.write_text(SPELL_GEXF, encoding="utf-8")
    return path


def _dataset(entities: list[dict[str, str]], relations: list[dict[str, str]]) -> Dataset:
    return build_dataset(Tables(pd.DataFrame({"start": ["2000"]}), pd.DataFrame(entities), pd.DataFrame(relations)))


def test_a_node_spell_hides_the_node_and_its_edges_outside_it(spells: Path) -> None:
    ds = viewer.load(spells)
    assert graph.graph_at(ds, "2011-06-01").node_ids() == {"a", "b"}
    assert graph.graph_at(ds, "2013-06-01").node_ids() == set()
    assert graph.graph_at(ds, "2016-06-01").node_ids() == {"a", "c"}


def test_relations_at_leave_out_the_relations_of_an_entity_that_does_not_exist_yet(spells: Path) -> None:
    ds = viewer.load(spells)
    assert set(ds.relations_at("2011-06-01")["id"]) == {"ab"}
    assert set(query.relations_at(ds.relations, "2011-06-01")["id"]) == {"ab", "ac"}  # without entities: all
    assert set(ds.relations_at("2016-06-01")["id"]) == {"ac"}


def test_native_entities_read_and_write_their_period(tmp_path: Path) -> None:
    ds = _dataset([{"id": "x", "name": "X", "valid_from": "2001-03", "valid_to": "2004"}, {"id": "y", "name": "Y"}],
                  [{"source": "x", "target": "y", "kind": "partnership"}])
    assert graph.graph_at(ds, "2000-06-01").edges == ()
    assert len(graph.graph_at(ds, "2002-06-01").edges) == 1
    folder = native_write.write(ds, tmp_path / "out")
    written = pd.read_csv(folder / "entities.csv", dtype=str, keep_default_na=False)
    assert written.set_index("id").loc["x", ["valid_from", "valid_to"]].tolist() == ["2001-03", "2004"]
    again = viewer.load(folder)
    assert again.entities.set_index("id").at["x", "valid_from_precision"] == "month"


def test_entities_without_periods_are_written_without_the_columns(tmp_path: Path) -> None:
    folder = native_write.write(viewer.load(), tmp_path / "out")
    header = (folder / "entities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert "valid_from" not in header


def test_an_entity_that_ends_before_it_starts_is_reported_and_kept_open() -> None:
    ds = _dataset([{"id": "x", "valid_from": "2005", "valid_to": "2001"}], [])
    assert pd.isna(ds.entities.at[0, "valid_to"])
    assert any(p.field == "valid_to" and "before valid_from" in p.message for p in ds.problems)


def test_during_a_window_every_relation_valid_at_some_point_is_drawn_with_the_share_it_held() -> None:
    ds = _dataset([{"id": "x"}, {"id": "y"}, {"id": "z"}],
                  [{"id": "whole", "source": "x", "target": "y", "kind": "partnership"},
                   {"id": "half", "source": "y", "target": "z", "kind": "partnership", "valid_to": "2021-01-01"},
                   {"id": "before", "source": "x", "target": "z", "kind": "partnership", "valid_to": "2019-06"}])
    view = graph.graph_during(ds, "2020-01-01", "2021-12-31")
    held = {e.id: e.held for e in view.edges}
    assert set(held) == {"whole", "half"}
    assert held["whole"] == 1.0
    assert held["half"] == pytest.approx(366 / 731, abs=1e-3)
    assert view.until == pd.Timestamp("2022-01-01", tz="UTC")


def test_during_a_window_an_entity_that_appears_inside_it_shortens_its_edges(spells: Path) -> None:
    held = {e.id: e.held for e in graph.graph_during(viewer.load(spells), "2014-01-01", "2015-12-31").edges}
    assert held == {"ac": pytest.approx(0.5, abs=0.01)}


def test_during_the_alliance_year_2023_both_renault_stakes_in_nissan_appear() -> None:
    view = graph.graph_during(viewer.load(), "2023", "2023")
    stakes = [e for e in view.edges if (e.source, e.target, e.kind) == ("renault", "nissan", "equity_stake")]
    assert sorted(e.label for e in stakes) == ["15%", "43.4%"]
    assert all(0 < e.held < 1 for e in stakes)
    assert sum(e.held for e in stakes) == pytest.approx(1.0, abs=0.01)
