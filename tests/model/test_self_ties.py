"""A tie from an entity to itself (``Renault,Renault,stake,43.4``) loaded without a word, from a dataset folder, a
table read with a mapping and a graph's self-loop edge alike. Now it is said (file, row, entity, what was expected),
kept as written (a company's own shares, held in treasury, are a real thing) and left out of the stakes summed in the
entity; ``entente validate`` reports it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer import cli
from viewer.io.import_spec import ImportSpec, RelationColumns
from viewer.model import self_ties

EVENTS = "id,start,title,actors\ne1,2019-03-01,Buy-back,renault\n"
ENTITIES = "id,name,kind\nrenault,Renault Group,company\nnissan,Nissan Motor,company\n"
RELATIONS = ("id,source,target,kind,value,valid_from,valid_to\nR1,renault,nissan,equity_stake,43.4,2019-01-01,\n"
             "T1,Renault Group,renault,equity_stake,60,2019-06-01,2021-01-01\n"
             "N1,nissan,renault,equity_stake,50,2019,\n")
EXPECTED = "expected a tie between two different entities"


def _loops(ds: viewer.Dataset) -> list[tuple[str, int | None, str | None, str]]:
    return [(Path(p.file).name, p.row, p.field, p.message) for p in ds.problems
            if EXPECTED in p.message and p.level == "warning"]


def test_a_stake_in_itself_in_a_dataset_folder_is_said_kept_and_not_summed(write_dataset: Callable[..., Path]) -> None:
    ds = viewer.load(write_dataset(EVENTS, ENTITIES, RELATIONS))
    (said,) = _loops(ds)
    assert said[:3] == ("relations.csv", 3, "source/target")  # the file's line of the tie written by name
    assert said[3].startswith(f"Renault Group (renault) holds a stake in itself (equity stake, 60%): {EXPECTED}")
    assert "kept as written" in said[3] and "loop" in said[3]
    assert "T1" in set(ds.relations["id"])  # kept, from the entity to itself
    tie = ds.relations.set_index("id").loc["T1"]
    assert tie["source"] == tie["target"] == "renault"
    # its 60% and Nissan's 50% are not 110% of Renault: its own shares are no one else's
    assert not [p for p in ds.problems if "more than the whole" in p.message]


def test_a_tie_of_any_kind_to_itself_is_said(write_dataset: Callable[..., Path]) -> None:
    ds = viewer.load(write_dataset(EVENTS, ENTITIES, "source,target,kind\nnissan,nissan,partnership\n"
                                                     "renault,nissan,leadership\n"))
    assert _loops(ds) == [("relations.csv", 2, "source/target",
                           f"a tie from Nissan Motor (nissan) to itself (partnership): {EXPECTED}; kept as written and "
                           "drawn as a loop beside its node")]


def test_a_stake_in_itself_in_a_parquet_folder_is_said(tmp_path: Path) -> None:
    folder = tmp_path / "parquet"
    folder.mkdir()
    pd.DataFrame({"id": ["e1"], "start": ["2019-03-01"], "title": ["Buy-back"]}).to_parquet(folder / "events.parquet")
    pd.DataFrame({"id": ["R1", "T1"], "source": ["renault", "renault"], "target": ["nissan", "renault"],
                  "kind": ["equity_stake", "equity_stake"], "value": [43.4, 1.5],
                  "valid_from": ["2019-01-01", "2019-01-01"]}).to_parquet(folder / "relations.parquet")
    (said,) = _loops(viewer.load(folder))
    assert said[:3] == ("relations.parquet", 2, "source/target")
    assert said[3].startswith(f"renault holds a stake in itself (equity stake, 1.5%): {EXPECTED}")


def test_a_table_read_with_a_mapping_says_its_row_and_its_columns(tmp_path: Path) -> None:
    path = tmp_path / "register.csv"
    path.write_text("date,holder,held,kind,share\n2019-01-01,Renault,Nissan,stake,43.4\n"
                    "2019-06-01,Renault,Renault,stake,43.4\n", encoding="utf-8")
    spec = ImportSpec(start="date", relations=(RelationColumns("holder", "held", "equity_stake", value="share",
                                                               kinds="kind"),))
    ds = viewer.load(path, mapping=spec)
    (said,) = _loops(ds)
    assert said[:3] == ("register.csv", 3, "holder/held")  # the file's line, its own columns
    assert said[3].startswith(f"Renault holds a stake in itself (equity stake, 43.4%): {EXPECTED}")
    assert len(ds.relations) == 2


GRAPHML = """<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="k" for="edge" attr.name="kind" attr.type="string"/>
  <key id="v" for="edge" attr.name="value" attr.type="double"/>
  <graph edgedefault="directed">
    <node id="renault"/><node id="nissan"/>
    <edge id="e1" source="renault" target="nissan"><data key="k">equity_stake</data><data key="v">43.4</data></edge>
    <edge id="e2" source="nissan" target="nissan"><data key="k">equity_stake</data><data key="v">2</data></edge>
  </graph>
</graphml>
"""
GEXF = """<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="directed">
    <nodes><node id="a" label="Alpha"/><node id="b" label="Beta"/></nodes>
    <edges><edge id="0" source="a" target="b"/><edge id="1" source="b" target="b" label="partnership"/></edges>
  </graph>
</gexf>
"""


@pytest.mark.parametrize(("name", "text", "who"), [("alliance.graphml", GRAPHML, "nissan holds a stake in itself"),
                                                    ("graph.gexf", GEXF, "a tie from Beta (b) to itself")])
def test_a_graphs_self_loop_edge_is_said(tmp_path: Path, name: str, text: str, who: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    (said,) = _loops(ds)
    assert said[:3] == (f"{name} edges", 2, "source/target")  # the second edge
    assert said[3].startswith(who)
    assert len(ds.relations) == 2


def test_validate_reports_it_and_exits_1(write_dataset: Callable[..., Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = write_dataset(EVENTS, ENTITIES, "source,target,kind,value\nrenault,nissan,equity_stake,43.4\n"
                                             "Renault,Renault,stake,43.4\n")
    assert cli.run(["validate", str(folder)]) == 1
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if EXPECTED in line)
    assert line.startswith(f"[warning] {folder / 'relations.csv'}, row 3, field 'source/target': Renault Group "
                           "(renault) holds a stake in itself (stake, 43.4%)")


def test_thousands_of_them_are_said_twenty_times_and_counted() -> None:
    ties = pd.DataFrame({"source": [f"e{i}" for i in range(500)], "kind": "partnership", "value": None,
                         "row": range(2, 502)})
    ties["target"] = ties["source"]
    said = self_ties.said(ties, {}, "relations.csv")
    assert len(said) == 21 and said[-1].message.startswith("and 480 more ties from an entity to itself")
