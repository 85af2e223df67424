"""--suggest-mapping on what is no table to map: one line naming the file and what was expected, never a traceback
nor an empty spec printed as if it were one."""

import json
import os
import zipfile
from pathlib import Path

import pytest

REALDATA = Path(__file__).parents[2].parent / "shared" / "realdata"


def test_a_missing_file_is_said_with_exit_1(run, tmp_path: Path) -> None:
    code, out, err = run("info", str(tmp_path / "gone.csv"), "--suggest-mapping")
    assert (code, out) == (1, "")
    assert "gone.csv: no such file or folder" in err and "Traceback" not in err


def test_random_bytes_are_refused_as_binary(run, tmp_path: Path) -> None:
    data = tmp_path / "dump.dat"
    data.write_bytes(bytes(range(256)) * 20)
    code, out, err = run("info", str(data), "--suggest-mapping")
    assert (code, out) == (1, "")
    assert "dump.dat: a binary file" in err


def test_a_workbook_or_archive_under_a_csv_name_is_said_what_it_is(run, tmp_path: Path) -> None:
    packed = tmp_path / "table.csv"
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("inner.csv", "date,title\n2019-01-01,a\n")
    code, out, err = run("info", str(packed), "--suggest-mapping")
    assert (code, out) == (1, "")
    assert "table.csv: a ZIP archive" in err and "rename it table.zip" in err


def test_an_empty_file_is_said_empty(run, tmp_path: Path) -> None:
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    code, out, err = run("info", str(empty), "--suggest-mapping")
    assert (code, out, err.strip()) == (1, "", f"entente: {empty}: the file is empty")


def test_a_folder_is_a_usage_error_not_a_query(run, tmp_path: Path) -> None:
    (tmp_path / "a.parquet").write_bytes(b"PAR1 not really")
    code, out, err = run("info", str(tmp_path), "--suggest-mapping")
    assert (code, out) == (2, "")
    assert "takes one table file" in err and "is a folder" in err


@pytest.mark.skipif(not (REALDATA / "gexf").is_dir(), reason="needs ../shared/realdata")
def test_a_graph_file_needs_no_mapping(run) -> None:
    graph = next((REALDATA / "gexf").glob("*.gexf"))
    code, out, err = run("info", str(graph), "--suggest-mapping")
    assert (code, out) == (2, "")
    assert "reader of its own" in err and graph.name in err


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_refused_without_waiting_on_it(run, tmp_path: Path) -> None:
    pipe = tmp_path / "events.csv"
    os.mkfifo(pipe)
    code, out, err = run("info", str(pipe), "--suggest-mapping")
    assert (code, out) == (1, "")
    assert "not a regular file" in err


def test_a_table_without_dates_prints_its_spec_and_says_what_is_missing(run, tmp_path: Path) -> None:
    table = tmp_path / "people.csv"
    table.write_text("name,town\nAna,Lyon\nBo,Nice\n")
    code, out, err = run("info", str(table), "--suggest-mapping")
    assert code == 1
    assert "start" not in json.loads(out).get("fields", {})
    assert "people.csv: no date column found" in err and '"start"' in err


def test_a_file_the_system_refuses_mid_read_is_one_line_not_a_traceback(run, monkeypatch, tmp_path: Path) -> None:
    from viewer import cli

    def refused(*_args: object, **_options: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "locked.csv"))

    monkeypatch.setattr(cli, "load_cached_many", refused)
    code, out, err = run("info", str(ACQUISITIONS_LIKE))
    assert (code, out) == (1, "")
    assert err.strip() == f"entente: {tmp_path / 'locked.csv'}: permission denied"


ACQUISITIONS_LIKE = Path(__file__).parents[1] / "io" / "fixtures_import" / "acquisitions.csv"
