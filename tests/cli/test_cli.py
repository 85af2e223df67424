"""The command line gives the same answers as the window, without a screen."""

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest


def test_relations_at_the_end_of_2022_list_the_cross_shareholdings(run, rows) -> None:
    code, out, _ = run("relations", "--at", "2022-12-31", "--format", "csv")
    assert code == 0
    assert out.splitlines()[0] == "source,target,kind,value,valid_from,valid_to"
    found = {(r["source"], r["target"], r["kind"], r["value"]) for r in rows(out)}
    assert {("renault", "nissan", "equity_stake", "43.4"), ("nissan", "renault", "equity_stake", "15"),
            ("nissan", "mitsubishi", "equity_stake", "34")} <= found


def test_relations_after_the_agreement_show_15_percent_and_the_trust(run, rows) -> None:
    _, out, _ = run("relations", "--at", "2023-11-09", "--format", "csv")
    found = {(r["source"], r["target"], r["value"]) for r in rows(out)}
    assert {("renault", "nissan", "15"), ("french_trust", "nissan", "28.4")} <= found
    assert ("renault", "nissan", "43.4") not in found


def test_relations_as_json_keep_dates_at_their_precision(run, rows) -> None:
    _, out, _ = run("relations", "--at", "2022-12-31", "--format", "json")
    records = json.loads(out)
    qualcomm = next(r for r in records if r["source"] == "qualcomm")
    assert qualcomm["valid_from"] == "2022-11"


def test_relations_as_json_write_their_values_as_numbers(run, rows) -> None:
    """A stake of 43.4% was written as the text "43.4": a reader of the JSON had to convert every value."""
    _, out, _ = run("relations", "--at", "2022-12-31", "--format", "json")
    stakes = {(r["source"], r["target"]): r["value"] for r in json.loads(out) if r["kind"] == "equity_stake"}
    assert stakes[("renault", "nissan")] == 43.4 and stakes[("nissan", "renault")] == 15
    assert all(v is None or isinstance(v, (int, float)) for v in stakes.values())
    _, out, _ = run("relations", "--at", "2022-12-31", "--format", "csv")
    assert ("renault", "nissan", "43.4") in {(r["source"], r["target"], r["value"]) for r in rows(out)}


def test_relations_as_a_table_are_aligned(run, rows) -> None:
    _, out, _ = run("relations", "--at", "2022-12-31")
    lines = out.splitlines()
    assert lines[0] == "Relations valid at 31 Dec 2022"
    assert len({len(line) for line in lines[1:3]}) == 1  # header and rule line up


def test_info_prints_title_counts_and_span(run, rows) -> None:
    code, out, _ = run("info")
    assert code == 0
    assert "Events:    69" in out and "Relations: 53" in out and "Span:      27 Mar 1999 – 31 Mar 2025" in out


def test_info_ends_the_span_where_the_last_event_ends_not_where_it_starts(run, tmp_path: Path) -> None:
    """The span's end was the start of the event that ends last: a range from 2018 to 2023 beside an instant
    of 2019 gave "19 Nov 2018"."""
    table = tmp_path / "span.csv"
    table.write_text("start,end,title\n2018-11-19,2023-02-06,Ghosn affair\n2019-03-06,,Bail\n", encoding="utf-8")
    code, out, _ = run("info", str(table))
    assert code == 0 and "Span:      19 Nov 2018 – 6 Feb 2023" in out


def test_info_on_a_dataset_with_bad_rows_lists_them_and_exits_1(run, rows, write_dataset) -> None:
    folder = write_dataset("id,start,title\ne1,2020,ok\ne2,never,bad\n")
    code, out, _ = run("info", str(folder))
    assert code == 1
    assert "row 3, field 'start'" in out


def test_a_bad_date_is_a_usage_error(run, rows) -> None:
    code, _, err = run("relations", "--at", "next tuesday")
    assert code == 2 and "expected a date" in err


def test_a_missing_file_exits_1_with_its_name(run, rows, tmp_path: Path) -> None:
    code, _, err = run("info", str(tmp_path / "missing.json"))
    assert code == 1 and "missing.json" in err


def test_a_bad_size_is_a_usage_error(run, rows, tmp_path: Path) -> None:
    code, _, err = run("export", "--out", str(tmp_path / "x.png"), "--size", "big")
    assert code == 2 and "WIDTHxHEIGHT" in err


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_events_with_missing_structs_and_durations_print_them_blank(run, rows, tmp_path: Path, fmt: str) -> None:
    """A Parquet file's nested and duration columns become attributes; a missing one prints as a blank cell."""
    path = tmp_path / "events.parquet"
    pq.write_table(pa.table({"id": ["e0", "e1", "e2"], "start": ["2020-01-01", "2020-01-02", "2020-01-03"],
                             "title": ["a", "b", "c"],
                             "place": pa.array([{"x": 1}, None, {"x": 3}]),
                             "took": pa.array([60, 120, None], pa.duration("s"))}), path)
    code, out, err = run("events", str(path), "--format", fmt)
    assert code == 0, err
    if fmt == "table":
        lines = out.splitlines()
        assert lines[0] == "3 of 3 events" and "place" in lines[1] and "took" in lines[1]
        assert lines[4].rstrip().endswith("0 days 00:02:00")  # e1: no place, a duration
        return
    found = rows(out) if fmt == "csv" else json.loads(out)
    assert [(r["place"] != "", r["took"]) for r in found] == [(True, "0 days 00:01:00"), (False, "0 days 00:02:00"),
                                                              (True, "")]


def test_relations_written_as_bands_list_the_band_beside_the_number(run, rows, write_dataset) -> None:
    folder = write_dataset("id,start,title\ne1,2020-03-01,Filing\n", "id,name,kind\no,Owner,company\na,A,company\n"
                           "b,B,company\n", "source,target,kind,value,valid_from\no,a,equity_stake,25-50%,2019\n"
                           "o,b,equity_stake,43.4,2019\n")
    code, out, _ = run("relations", str(folder), "--at", "2020-06-01", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "source,target,kind,value,value_written,valid_from,valid_to"
    assert [(r["target"], r["value"], r["value_written"]) for r in rows(out)] == [("a", "37.5", "25–50%"),
                                                                                    ("b", "43.4", "")]


def test_a_diff_of_bands_lists_each_side_as_written(run, rows, write_dataset) -> None:
    """Before, ``entente diff`` said 37.5 → 75 for a stake written 25–50% and then >75%."""
    folder = write_dataset("id,start,title\ne1,2020-03-01,Filing\n", "id,name,kind\no,Owner,company\na,A,company\n",
                           "source,target,kind,value,valid_from,valid_to\no,a,equity_stake,25-50%,2019,2020-12-31\n"
                           "o,a,equity_stake,>75%,2021,\n")
    code, out, _ = run("diff", str(folder), "--from", "2020-06-01", "--to", "2021-06-01", "--format", "csv")
    assert code == 0
    assert [(r["change"], r["old_value"], r["new_value"], r["old_written"], r["new_written"]) for r in rows(out)] == [
        ("changed", "37.5", "75", "25–50%", ">75%")]
