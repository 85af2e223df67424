"""An i2 Analyst's Notebook chart saved as ANX: it was read as a list of XML records, its dated chart items events
with no actor, its entities and links lost (no graph, a card's date never read). Its entities and links are the
graph, its dated items and cards the timeline; an .anb, the notebook's binary chart, is refused with how to save it
as ANX. The chart is made up."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import anx
from viewer.model.problems import LoadError

CHART = Path(__file__).parent / "fixtures" / "operation_larch.anx"

IBASE = """<?xml version="1.0" encoding="UTF-8"?>
<Chart xmlns="urn:i2:anb" IdReferenceLinking="false">
  <ChartItemCollection>
    <ChartItem Label="Ana Ruiz"><End><Entity EntityId="P-1" Identity="Ana Ruiz"><Icon><IconStyle Type="Person"/>
      </Icon></Entity></End></ChartItem>
    <ChartItem Label="Blue Van"><End><Entity EntityId="V-7" Identity="AB12 CDE"><Icon><IconStyle Type="Vehicle"/>
      </Icon></Entity></End></ChartItem>
    <ChartItem Label="drove" DateSet="true" TimeSet="false" DateTime="2020-02-03T00:00:00">
      <Link End1Id="P-1" End2Id="V-7"><LinkStyle ArrowStyle="ArrowOnHead" Type="Used"/></Link></ChartItem>
  </ChartItemCollection>
</Chart>
"""


def _by_title(ds: viewer.Dataset) -> dict[str, pd.Series]:
    return {row["title"]: row for _, row in ds.events.iterrows()}


def test_a_charts_entities_links_and_dated_items_are_read() -> None:
    ds = viewer.load(CHART)
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    kinds = dict(zip(ds.entities["name"], ds.entities["kind"], strict=True))
    assert kinds == {"John Smith": "person", "Mary Jones": "person", "Larch Holdings Ltd": "organisation",
                     "Meeting at the port": "meeting"}
    assert "Phone: 07700 900123" in ds.entities.set_index("name").loc["John Smith", "note"]
    ties = {(names[r.source], names[r.target], r.kind): r for r in ds.relations.itertuples()}
    call = ties[("John Smith", "Mary Jones", "phone call")]
    assert call.valid_from == pd.Timestamp("2019-03-02 09:15", tz="UTC")
    director = ties[("John Smith", "Larch Holdings Ltd", "director of")]  # (ArrowOnTail: drawn from the company)
    assert director.valid_from == pd.Timestamp("2016-01-10", tz="UTC")
    assert pd.isna(ties[("John Smith", "Meeting at the port", "attended")].valid_from)
    assert "undirected" in ties[("John Smith", "Meeting at the port", "attended")].note
    events = _by_title(ds)
    assert set(events) == {"Larch Holdings Ltd", "director", "Accounts filed late",
                           "John Smith → Mary Jones: Phone call", "Meeting at the port"}
    assert events["John Smith → Mary Jones: Phone call"]["precision"] == "time"
    assert events["Larch Holdings Ltd"]["precision"] == "day"
    meeting = events["Meeting at the port"]  # an event frame: those linked to it are its actors
    assert {names[a] for a in meeting["actors"].split(";")} == {"John Smith", "Mary Jones"}
    card = events["Accounts filed late"]
    assert card["description"] == "Two years of accounts filed together" and card["source_title"] == "Companies House"
    assert ds.meta.description == "Operation Larch working chart"
    assert [(p.row, p.message) for p in ds.problems] == [
        (9, "link 'ghost' names an end the chart does not hold; skipped")]


def test_ibase_links_by_entity_id_in_i2s_namespace_are_read(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"  # (known by its content under another suffix)
    path.write_text(IBASE, encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.relations["kind"]) == ["used"]
    assert list(ds.events["title"]) == ["drove"] and ds.events["start"][0] == pd.Timestamp("2020-02-03", tz="UTC")
    assert dict(zip(ds.entities["name"], ds.entities["kind"], strict=True)) == {"Ana Ruiz": "person",
                                                                               "Blue Van": "vehicle"}


def test_an_anb_chart_is_refused_with_how_to_save_it(tmp_path: Path) -> None:
    path = tmp_path / "case.anb"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    with pytest.raises(LoadError, match=r"case\.anb: an i2 Analyst's Notebook chart in its own binary format "
                                        r"\(\.anb\), which Entente does not read; expected the chart saved as "
                                        r"Analyst's Notebook Exchange \(\.anx\)"):
        viewer.load(path)


def test_a_chart_with_nothing_in_it_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "empty.anx"
    path.write_text('<Chart><ChartItemCollection/></Chart>', encoding="utf-8")
    with pytest.raises(LoadError, match=r"empty\.anx: the chart holds no entities and no links"):
        viewer.load(path)
    assert anx.looks_like(IBASE.encode()) and not anx.looks_like(b"<chart><series/></chart>")
