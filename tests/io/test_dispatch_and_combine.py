"""load() picks the reader from the suffix and, where that is ambiguous, from the content; several files combine."""

import json
import re
from pathlib import Path

import pytest

import viewer
from viewer.io import READERS, load_many
from viewer.model.problems import LoadError


def test_every_listed_suffix_has_a_reader() -> None:
    assert {".json", ".csv", ".tsv", ".xlsx", ".parquet", ".timeline", ".ics", ".gexf", ".xml"} <= set(READERS)


def test_a_timelinejs_document_is_not_mistaken_for_a_native_dataset(tmp_path: Path) -> None:
    path = tmp_path / "t.json"
    path.write_text(json.dumps({"title": {"text": {"headline": "T"}},
                                "events": [{"start_date": {"year": 2001}, "text": {"headline": "A"}}]}))
    ds = viewer.load(path)
    assert ds.events["precision"].iloc[0] == "year"


def test_a_list_of_records_opens_as_an_event_table(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"date": "2020-01-02", "title": "A"}, {"date": "2020-02-03", "title": "B"}]))
    assert len(viewer.load(path).events) == 2


def test_records_with_lists_of_actors_and_tags_read_them_as_lists(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(json.dumps([{"id": "1", "date": "2019-01-01", "title": "x", "actors": ["acme", "globex"],
                                 "tags": ["t1", 2, None], "meta": {"k": [1]}},
                                {"id": "2", "date": "2019-02-01", "title": "y", "actors": "acme"}]))
    ds = viewer.load(path)
    assert list(ds.events["actors"]) == ["acme;globex", "acme"] and list(ds.events["tags"]) == ["t1;2", ""]
    assert {"acme", "globex"} <= set(ds.entities["id"])
    assert ds.events["attr:meta"].iloc[0] == '{"k": [1]}'  # a structure keeps its JSON


def test_an_empty_json_file_says_it_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "empty.json"
    path.write_text("")
    with pytest.raises(LoadError, match="empty"):
        viewer.load(path)


def test_json_nested_very_deeply_is_refused_not_crashed_on(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(LoadError, match=r"deep\.json"):
        viewer.load(path)


def test_a_file_without_a_suffix_is_recognised_by_its_content(tmp_path: Path) -> None:
    path = tmp_path / "calendar"
    path.write_text("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:1\r\nDTSTART;VALUE=DATE:20200102\r\n"
                    "SUMMARY:Hello\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    assert viewer.load(path).events["title"].tolist() == ["Hello"]


def test_a_directory_named_like_a_file_is_read_as_a_dataset_folder(tmp_path: Path) -> None:
    folder = tmp_path / "odd.json"
    folder.mkdir()
    with pytest.raises(LoadError, match=r"no events\.csv"):
        viewer.load(folder)


def test_events_and_relations_from_two_files_combine_with_entities_matched_by_name(tmp_path: Path) -> None:
    events = tmp_path / "events.csv"
    events.write_text("date,title,actor\n2020-01-02,Deal signed,ACME Corp\n")
    graph = tmp_path / "owners.json"
    graph.write_text(json.dumps({"title": "Owners", "events": [],
                                 "entities": [{"id": "acme", "name": "Acme Corp", "kind": "company"},
                                              {"id": "globex", "name": "Globex", "kind": "company"}],
                                 "relations": [{"source": "globex", "target": "acme", "kind": "equity_stake",
                                                "value": 20, "valid_from": "2019"}]}))
    ds = load_many([events, graph])
    assert len(ds.events) == 1 and len(ds.relations) == 1
    assert ds.relations_at("2020").iloc[0]["target"] == ds.events["actors"].iloc[0].split(";")[0]
    assert any("matched" in p.message for p in ds.problems)


def test_combining_renames_clashing_event_ids_and_keeps_relation_links(alliance) -> None:
    ds = load_many([alliance.meta.path, alliance.meta.path])
    assert len(ds.events) == 138 and ds.events["id"].is_unique
    linked = set(ds.relations["event"]) - {""}
    assert linked <= set(ds.events["id"])


@pytest.mark.parametrize(("head", "named"), [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "a PNG image"),
                                             (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "a JPEG image"),
                                             (b"\x7fELF\x02\x01\x01\x00", "a program (ELF)")])
def test_an_image_or_a_program_under_a_table_s_name_is_named_for_what_it_is(tmp_path: Path, head: bytes,
                                                                           named: str) -> None:
    path = tmp_path / "export.csv"  # few NULs after the first bytes: read as text, it was a table of one column
    path.write_bytes(head + bytes(range(1, 256)) * 8)
    with pytest.raises(LoadError, match=re.escape(f"export.csv: {named}, not .csv data")):
        viewer.load(path)


def test_a_table_whose_first_column_is_named_like_a_magic_number_is_a_table(tmp_path: Path) -> None:
    path = tmp_path / "codes.csv"
    path.write_text("MZN,ID3,date\nmetical,x,2019-01-01\n")
    assert viewer.load(path).event_count == 1


def test_many_files_combined_are_titled_by_the_first_three_and_know_their_parts(tmp_path: Path) -> None:
    paths = []
    for month in range(1, 13):
        path = tmp_path / f"m{month:02d}.csv"
        path.write_text(f"date,title\n2021-{month:02d}-03,Review {month}\n", encoding="utf-8")
        paths.append(path)
    dataset = load_many(paths)
    assert dataset.title == "m01 + m02 + m03 + 9 more"
    assert dataset.meta.parts == tuple(str(p) for p in paths)
    assert dataset.meta.key == "\n".join(str(p) for p in paths)
    assert len(dataset.events) == 12


def test_three_files_joined_at_once_match_entities_across_all_of_them(tmp_path: Path) -> None:
    def native(name: str, events: list[dict[str, str]], entities: list[dict[str, str]]) -> Path:
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps({"title": name, "events": events, "entities": entities, "relations": []}))
        return path

    one = native("one", [{"id": "x", "start": "2020-01-01", "title": "First", "actors": "acme"}],
                 [{"id": "acme", "name": "Acme", "kind": "company"}])
    two = native("two", [{"id": "x", "start": "2020-02-01", "title": "Second", "actors": "g1;g2"}],
                 [{"id": "g1", "name": "Globex", "kind": "company"}, {"id": "g2", "name": "Globex", "kind": "company"}])
    three = native("three", [{"id": "x", "start": "2020-03-01", "title": "Third", "actors": "globex-3;a"}],
                   [{"id": "globex-3", "name": "GLOBEX", "kind": "company"}, {"id": "a", "name": "ACME",
                                                                             "kind": "company"}])
    ds = load_many([one, two, three])
    assert sorted(ds.events["id"]) == ["x", "x#2", "x#3"]  # each clash renamed against all before it
    assert sorted(ds.entities["id"]) == ["acme", "g1", "g2"]  # a file's own namesakes stay two, as written
    third = ds.events.set_index("title").loc["Third", "actors"]
    assert third.split(";") == ["g2", "acme"]  # matched by name to the earlier files' (the last of a name)
