"""The native format: a folder of three CSV tables (or Parquet) or one JSON file."""

import json
import os
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError


def test_a_folder_with_three_tables_and_metadata_loads(write_dataset) -> None:
    folder = write_dataset("id,start,title,actors\ne1,2020-01-02,Hello,acme\n", "id,name,kind\nacme,Acme,company\n",
                           "source,target,kind,value,valid_from\nacme,acme,equity_stake,5,2020\n",
                           json.dumps({"title": "Tiny", "default_window": {"start": "2020", "end": "2021"}}))
    ds = viewer.load(folder)
    assert ds.title == "Tiny" and len(ds.events) == 1 and len(ds.relations) == 1
    assert ds.meta.default_start is not None and ds.meta.default_start.iso() == "2020"


def test_a_bad_row_names_the_file_the_row_and_the_column(write_dataset) -> None:
    folder = write_dataset("id,start,title\ne1,2020,ok\ne2,31/02/2020,bad\n")
    (problem,) = [p for p in viewer.load(folder).problems if p.level == "error"]
    assert problem.file.endswith("events.csv") and problem.row == 3 and problem.field == "start"


def test_a_folder_without_events_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"no events\.csv"):
        viewer.load(tmp_path)


def test_a_missing_path_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="no such file"):
        viewer.load(tmp_path / "nowhere.json")


def test_a_damaged_dataset_json_is_reported_and_defaults_used(write_dataset) -> None:
    folder = write_dataset("id,start\ne1,2020\n", meta="{not json")
    ds = viewer.load(folder)
    assert len(ds.events) == 1 and any("not readable JSON" in p.message for p in ds.problems)


def test_the_single_json_form_holds_the_same_tables(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "One", "events": [{"id": "a", "start": "2019-12", "actors": "x"}],
                                "entities": [{"id": "x", "name": "X", "kind": "company"}], "relations": []}))
    ds = viewer.load(path)
    assert ds.events["precision"].iloc[0] == "month" and ds.entity_name("x") == "X"


def test_json_that_is_not_a_dataset_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text("[1, 2, 3]")
    with pytest.raises(LoadError, match=str(path)):
        viewer.load(path)


def test_parquet_tables_load_like_csv(tmp_path: Path, alliance) -> None:
    import pandas as pd
    folder = tmp_path / "pq"
    folder.mkdir()
    pd.DataFrame({"id": ["a"], "start": ["2020-02"], "title": ["x"]}).to_parquet(folder / "events.parquet")
    assert viewer.load(folder).events["precision"].iloc[0] == "month"


def test_a_folders_dataset_json_opens_the_folder(write_dataset) -> None:
    """A file dialog picks files: a user opening a dataset folder picks its dataset.json, which was refused as "JSON
    that Entente does not recognise"."""
    folder = write_dataset("id,start,title\ne1,2020-01-02,Hello\n", meta=json.dumps({"title": "Picked"}))
    ds = viewer.load(folder / "dataset.json")
    assert ds.title == "Picked" and len(ds.events) == 1
    lone = folder.parent / "elsewhere" / "dataset.json"  # with no tables beside it, it is read as JSON is
    lone.parent.mkdir()
    lone.write_text(json.dumps({"title": "Alone"}), encoding="utf-8")
    with pytest.raises(LoadError, match="JSON that Entente does not recognise"):
        viewer.load(lone)


def test_a_row_with_more_fields_than_the_header_is_skipped_by_its_line(write_dataset) -> None:
    """An entity typed with an unquoted comma ("rgb(0,128,0)") refused the whole dataset; now that row is skipped and
    said by its line, the rest opens, and a later row keeps its own line in what is said about it."""
    folder = write_dataset("id,start,title,actors\ne1,2020-01-02,Hello,a;c\ne2,2021,Again,b\n",
                           "id,name,kind,color\na,Alpha,company,#ff0000\nb,Beta,company,rgb(0,128,0)\n"
                           "c,Gamma,company,\n\nc,Gamma again,company,green,,\n",
                           "source,target,kind,value\na,c,equity_stake,5\n")
    ds = viewer.load(folder)
    assert ds.entities.set_index("id").loc[["a", "c", "c#2"], "color"].tolist() == ["#ff0000", "", "green"]
    said = [(p.row, p.level) for p in ds.problems if p.file.endswith("entities.csv")]
    assert said == [(3, "error"), (6, "warning")]  # the skipped row, and the repeated id on line 6
    assert any(p.row == 3 and "6 fields where the header names 4; row skipped" in p.message for p in ds.problems)
    assert len(ds.events) == 2 and len(ds.relations) == 1


def test_dates_a_spreadsheet_wrote_back_are_read_as_a_tables_are(write_dataset) -> None:
    """A dataset's events.csv saved again by a spreadsheet ("04/03/2019", "March 4, 2019") and ties typed by hand ("Q1
    2019", "before 2016", "2019-XX") opened nearly empty, every such row skipped; now each is read and said once."""
    folder = write_dataset("id,start,title\ne1,\"March 4, 2019\",Typed\ne2,14/03/2019,Saved by Excel\ne3,2019-03-20,"
                           "ISO\ne4,31/02/2019,No such day\n", "id,name,kind\na,A,company\nb,B,company\n",
                           "source,target,kind,value,valid_from,valid_to\na,b,equity_stake,5,Q1 2019,\n"
                           "b,a,equity_stake,3,before 2016,2019-XX\n")
    ds = viewer.load(folder)
    assert ds.events["start"].dt.strftime("%Y-%m-%d").tolist() == ["2019-03-04", "2019-03-14", "2019-03-20"]
    assert [(p.row, p.field) for p in ds.problems if p.level == "error"] == [(5, "start")]  # 31 February: no day
    assert ds.relations["valid_from"].dt.strftime("%Y-%m").tolist() == ["2019-01", "2016-01"]
    assert ds.relations["valid_from_precision"].astype(str).tolist() == ["month", "year"]
    assert ds.relations["valid_to"].dt.year.tolist()[1] == 2019
    said = [p.message for p in ds.problems if "not written as this format" in p.message]
    forms = "(2019, 2019-03, 2019-03-04 or 2019-03-04T10:00Z; such as"
    assert said == [f"2 dates not written as this format writes dates {forms} 'March 4, 2019') read as a table's "
                    "dates are; write 2019-03-04 to keep them exact",
                    f"2 dates not written as this format writes dates {forms} 'Q1 2019') read as a table's dates are; "
                    "write 2019-03-04 to keep them exact",
                    f"1 date not written as this format writes dates {forms} '2019-XX') read as a table's dates are; "
                    "write 2019-03-04 to keep them exact"]


def test_a_span_written_as_a_start_ends_where_it_does(write_dataset) -> None:
    """``2020-W53`` typed as a start was read as its Monday alone (and said to be no ISO 8601, which it is); a span
    in the start cell now ends where it does, unless the row writes its end."""
    folder = write_dataset("id,start,end,title\ne1,2020-W53,,Week\ne2,1914–1918,,War\ne3,Q1 2019,2019-06-30,Own end\n"
                           "e4,2021-01-15,,Day\n", "id,name,kind\na,A,company\n", "source,target,kind,value\n")
    ds = viewer.load(folder).events.set_index("id")
    assert ds.loc["e1", "start"] == pd.Timestamp("2020-12-28", tz="UTC")
    assert ds.loc["e1", "span_end"] == pd.Timestamp("2021-01-04", tz="UTC")  # (through Sunday 3 January)
    assert (ds.loc["e2", "start"].year, ds.loc["e2", "span_end"]) == (1914, pd.Timestamp("1919-01-01", tz="UTC"))
    assert ds.loc["e3", "end"] == pd.Timestamp("2019-06-30", tz="UTC")
    assert pd.isna(ds.loc["e4", "end"])


def test_years_before_the_common_era_typed_in_a_dataset_keep_their_year(write_dataset) -> None:
    """"500 BC" typed in events.csv or relations.csv was read as a table reads it, then set into the column as 1970
    (pandas set Timestamps before 1677 given as objects so): a tie from 500 BC to 1200 was then skipped as ending
    before it began."""
    folder = write_dataset("id,start,title,actors\nE1,500 BC,Antiquity,a;b\nE2,44 BC,Caesar,a\nE3,1200,Later,a\n",
                           "id,name,kind\na,A,company\nb,B,company\n",
                           "id,source,target,kind,value,valid_from,valid_to\nR1,a,b,equity_stake,40,500 BC,1200\n")
    ds = viewer.load(folder)
    assert ds.events["start"].dt.year.tolist() == [-499, -43, 1200]  # (astronomical years: 44 BC is -43)
    assert ds.relations["valid_from"].dt.year.tolist() == [-499] and ds.relations["valid_to"].dt.year.tolist() == [1200]
    assert not [p for p in ds.problems if p.level == "error"]
    assert len(ds.relations_at("0001-01-01")) == 1


def test_a_default_window_typed_the_wrong_way_round_is_read_the_other_way(write_dataset) -> None:
    folder = write_dataset("id,start,title\ne1,2020-01-01,a\n", "id,name,kind\na,A,company\n",
                           "source,target,kind,value\n",
                           '{"title": "T", "default_window": {"start": "2023-02-06", "end": "2018-11-19"}}')
    ds = viewer.load(folder)
    start, end = ds.meta.default_start, ds.meta.default_end
    assert start is not None and end is not None and (start.label(), end.label()) == ("19 Nov 2018", "6 Feb 2023")
    assert [p.message for p in ds.problems if p.field == "default_window"] == [
        "the start (6 Feb 2023) is after the end (19 Nov 2018); read the other way round"]


def test_a_table_written_both_as_csv_and_as_parquet_is_read_from_the_newer(write_dataset) -> None:
    """events.csv beside an events.parquet written after it (a pipeline's fresh export): the CSV was read without a
    word. The newer is read, and said, its rows numbered as its own."""
    folder = write_dataset("id,start,title\ne1,2020-01-01,Old\n", "id,name,kind\na,A,company\n",
                           "source,target,kind,value\n")
    pd.DataFrame({"id": ["e1", "e2"], "start": ["2021-01-01", "2021-02-01"], "title": ["New", "Newer"]}).to_parquet(
        folder / "events.parquet")
    csv_time = (folder / "events.csv").stat().st_mtime
    os.utime(folder / "events.parquet", (csv_time + 60, csv_time + 60))
    ds = viewer.load(folder)
    assert ds.events["title"].tolist() == ["New", "Newer"]
    assert [p.message for p in ds.problems if "both here" in p.message] == [
        "events.parquet and events.csv are both here: read events.parquet, written last; events.csv left unread"]
    os.utime(folder / "events.csv", (csv_time + 120, csv_time + 120))
    assert viewer.load(folder).events["title"].tolist() == ["Old"]


def test_the_newer_table_that_cannot_be_read_gives_way_to_the_other(write_dataset) -> None:
    folder = write_dataset("id,start,title\ne1,2020-01-01,Kept\n", "id,name,kind\na,A,company\n",
                           "source,target,kind,value\n")
    (folder / "events.parquet").write_bytes(b"not a table")
    written = (folder / "events.csv").stat().st_mtime + 60
    os.utime(folder / "events.parquet", (written, written))
    ds = viewer.load(folder)
    assert ds.events["title"].tolist() == ["Kept"]
    assert [p.message.endswith("; read events.csv, beside it, instead") for p in ds.problems
            if p.file.endswith("events.parquet")] == [True]
