"""GML (networkx's, igraph's, Gephi's) and Pajek graphs, read by igraph in a process of its own. They were refused
with how to save them as GraphML. igraph's C readers end their process on some damaged files (an assertion on a
name that is not UTF-8) and fill the memory on others (``*Vertices 2000000000``): each is now refused by name, and
the app goes on."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer

GML = ('Creator "igraph version 0.10"\ngraph [\n  directed 1\n  node [ id 0 label "Renault" kind "company" ]\n'
       '  node [ id 1 label "Nissan" ]\n  node [ id 2 label "Mitsubishi Motors" start "2016-10-20" ]\n'
       '  edge [ source 0 target 1 label "stake" value 43.4 start "1999-03-27" ]\n'
       '  edge [ source 1 target 2 value 34 start "2016-10-20" ]\n]\n')
PAJEK = '*Vertices 3\n1 "Renault"\n2 "Nissan"\n3 "Mitsubishi Motors"\n*Arcs\n1 2 43.4\n2 3 34\n'


def _written(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_a_gml_graph_opens_as_its_nodes_and_edges(tmp_path: Path) -> None:
    ds = viewer.load(_written(tmp_path, "alliance.gml", GML))
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert sorted(names.values()) == ["Mitsubishi Motors", "Nissan", "Renault"]
    ties = {(names[r.source], names[r.target], r.kind, r.value) for r in ds.relations_at("2017-01-01").itertuples()}
    assert ties == {("Renault", "Nissan", "stake", 43.4), ("Nissan", "Mitsubishi Motors", "edge", 34.0)}
    assert ds.events["title"].tolist() == ["Mitsubishi Motors appears"]  # (a node that starts)


@pytest.mark.parametrize("name", ["alliance.net", "network.txt", "network"])
def test_a_pajek_network_opens_under_its_name_or_another(tmp_path: Path, name: str) -> None:
    ds = viewer.load(_written(tmp_path, name, PAJEK))
    assert sorted(ds.entities["name"]) == ["Mitsubishi Motors", "Nissan", "Renault"] and len(ds.relations) == 2


@pytest.mark.parametrize("name, data, said", [
    ("names.gml", b'graph [\n node [ id 1 label "x\xff\xfe" ]\n]\n', "its reader stopped on"),
    ("huge.net", b"*Vertices 2000000000\n", "cannot be read"),
    ("cut.gml", b'graph [\n  node [ id 0 label "A" ]\n  edge [ source 0 target 5 ]\n', "cannot be read"),
])
def test_a_damaged_graph_is_refused_by_name_and_the_app_goes_on(tmp_path: Path, name: str, data: bytes,
                                                                said: str) -> None:
    path = _written(tmp_path, name, data)
    with pytest.raises(viewer.LoadError, match=said) as refused:
        viewer.load(path)
    assert str(refused.value).startswith(str(path))
