"""ICIJ's Offshore Leaks database as it is downloaded (a folder of nodes-….csv files and relationships.csv): each node
an entity (an offshore company, an officer, an intermediary, an address), each relationship a tie held from its start
to its end, each date an event (incorporated, struck off, a dated tie). Before, the folder opened as rows titled
"director of" with no party and no tie, and the officers, intermediaries and addresses were left aside."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import exports, has_own_reader, icij
from viewer.model import graph
from viewer.model.problems import LoadError

FOLDER = Path(__file__).parent / "fixtures" / "offshore_leaks"


@pytest.fixture(scope="module")
def leaks() -> viewer.Dataset:
    return viewer.load(FOLDER)


def test_each_node_is_an_entity_of_its_kind(leaks: viewer.Dataset) -> None:
    entities = leaks.entities.set_index("id")
    assert entities.loc["10000001", ["name", "kind", "country"]].tolist() == [
        "TIANSHENG INDUSTRY AND TRADING CO., LTD.", "company", "Hong Kong"]
    assert entities.loc["10000001", "attr:jurisdiction"] == "Samoa"
    assert entities.loc["10000001", "attr:leak"] == "Panama Papers"
    assert entities.loc["12000001", "kind"] == "person" and entities.loc["11000001", "kind"] == "person"
    assert entities.loc["14000001", "kind"] == "address" and entities.loc["14000001", "name"].startswith("ORION HOUSE")
    assert entities.loc["85004929", "kind"] == "company"  # nodes-others.csv
    assert len(entities) == 9 and not [p for p in leaks.problems if p.level in ("warning", "error")]


def test_each_relationship_is_a_tie_held_from_its_start_to_its_end(leaks: viewer.Dataset) -> None:
    ties = leaks.relations.set_index(["source", "target"])
    stake = ties.loc[("12000001", "10000001")]
    assert (stake["kind"], stake["attr:link"]) == ("equity_stake", "shareholder of")
    assert (str(stake["valid_from"].date()), str(stake["valid_to"].date())) == ("2006-03-23", "2013-02-18")
    assert ties.loc[("12000002", "10000002"), "kind"] == "director_of"
    undated = ties.loc[("10000001", "14000001")]
    assert undated["kind"] == "registered_address" and pd.isna(undated["valid_from"])
    at = {(e.source, e.target) for e in graph.graph_at(leaks, "2010-01-01", include_people=True).edges}
    assert ("12000001", "10000001") in at and ("12000003", "10000003") in at
    later = {(e.source, e.target) for e in graph.graph_at(leaks, "2014-01-01", include_people=True).edges}
    assert ("12000001", "10000001") not in later and ("11000001", "10000001") in later  # the undated tie holds


def test_each_date_is_an_event_titled_in_words(leaks: viewer.Dataset) -> None:
    events = leaks.events.set_index("id")
    incorporated = events.loc["10000001:incorporated"]
    assert incorporated["title"] == "TIANSHENG INDUSTRY AND TRADING CO., LTD. incorporated in Samoa"
    assert str(incorporated["start"].date()) == "2006-03-23" and incorporated["category"] == "incorporated"
    assert incorporated["source_url"] == "https://offshoreleaks.icij.org/nodes/10000001"
    assert events.loc["10000003:struck_off", "title"] == "HOTFOCUS CO., LTD. struck off"
    tie = events.loc["tie:rel2"]
    assert tie["title"] == "KIM SOO IN shareholder of TIANSHENG INDUSTRY AND TRADING CO., LTD."
    assert (str(tie["start"].date()), str(tie["end"].date())) == ("2006-03-23", "2013-02-18")
    assert tie["actors"] == "12000001;10000001"
    assert leaks.event_count == 15


def test_a_file_of_the_folder_picked_opens_the_whole_database(tmp_path: Path) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "full-oldb")
    for name in ("relationships.csv", "nodes-officers.csv"):
        assert exports.of_file(folder / name) == (icij.read, folder)
        assert viewer.load(folder / name).event_count == 15
    assert has_own_reader(folder / "nodes-entities.csv")  # no column mapping asked


def test_a_tie_to_a_node_no_file_holds_is_left_out_and_said_once(tmp_path: Path) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "part")
    (folder / "nodes-addresses.csv").unlink()
    with (folder / "relationships.csv").open("a", encoding="utf-8") as out:
        out.write("12000002,99999999,officer_of,director of,,01-JAN-2010,,Panama Papers\n")
    ds = viewer.load(folder)
    said = [p for p in ds.problems if p.level == "warning"]
    assert [(p.row, p.message.split(",")[0]) for p in said] == [
        (6, "2 relationships naming a node no nodes-….csv file of the folder holds")]
    assert "(10000001 → 14000001)" in said[0].message
    assert len(ds.relations) == 5


def test_a_file_that_is_not_the_database_is_refused_by_name(tmp_path: Path) -> None:
    folder = shutil.copytree(FOLDER, tmp_path / "bad")
    (folder / "relationships.csv").write_text("from,to\n1,2\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"relationships\.csv: no column node_id_start, node_id_end .*expected ICIJ"):
        viewer.load(folder)
    (folder / "relationships.csv").write_bytes(b'node_id_start,node_id_end\n"1,2\n')
    with pytest.raises(LoadError, match=r"relationships\.csv: cannot be read as CSV"):
        viewer.load(folder)


@pytest.mark.parametrize("inside", ["", "full-oldb/"])
def test_its_zip_download_opens_as_it_comes(tmp_path: Path, leaks: viewer.Dataset, inside: str) -> None:
    """ICIJ hands the database out as a ZIP archive of its CSV files; opened, its largest was read as a table."""
    archive = tmp_path / "full-oldb.LATEST.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(FOLDER.iterdir()):
            out.write(path, inside + path.name)
    assert has_own_reader(archive)
    ds = viewer.load(archive)
    assert ds.meta.title == "Offshore Leaks (full-oldb.LATEST)"
    assert (ds.event_count, len(ds.relations), len(ds.entities)) == (leaks.event_count, len(leaks.relations),
                                                                     len(leaks.entities))
    assert sorted(ds.events["title"]) == sorted(leaks.events["title"])


def test_a_damaged_file_in_its_zip_is_refused_by_name(tmp_path: Path) -> None:
    archive = tmp_path / "leaks.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for path in sorted(FOLDER.iterdir()):
            out.write(path, path.name)
    data = bytearray(archive.read_bytes())
    at = data.find(b"relationships.csv") + len("relationships.csv") + 5  # into its compressed bytes
    data[at:at + 40] = b"\x00" * 40
    archive.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"leaks\.zip/relationships\.csv: cannot be unpacked"):
        viewer.load(archive)
