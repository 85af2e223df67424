"""Addresses given as paths. A ``file://`` address (a file dragged from a browser's downloads) opens the file it
names; a web or cloud address is refused in one line, since Entente never reaches the network (``https://x/a.csv``
was "https:/x/a.csv: no such file or folder"); an engine's address without ``--table`` says so (it was read as a
missing file), and one whose driver is missing or that no engine answers is one line, not a traceback."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import viewer
from viewer import cli
from viewer.model.problems import LoadError

TABLE = "date,title\n2020-01-01,Founded\n2020-02-01,Listed\n"


@pytest.mark.parametrize("address", ["https://example.org/a.csv", "HTTP://example.org/a.csv",
                                     "ftp://example.org/a.csv"])
def test_the_api_refuses_a_web_address_saying_it_never_reaches_the_network(address: str) -> None:
    with pytest.raises(LoadError, match=f"^{address}: a web address; Entente reads files on this machine and never "
                                        "reaches the network: download it, then open the file$"):
        viewer.load(address)


@pytest.mark.parametrize("address", ["s3://bucket/a.parquet", "gs://bucket/a.parquet"])
def test_a_cloud_address_is_refused_too(run, address: str) -> None:
    code, out, err = run("info", address)
    assert (code, out) == (1, "")
    assert err == f"entente: {address}: a cloud storage address; Entente reads files on this machine and never " \
                  "reaches the network: download it, then open the file\n"


@pytest.mark.parametrize("host", ["", "localhost"])
def test_a_file_address_opens_the_file_it_names(tmp_path: Path, host: str) -> None:
    table = tmp_path / "my events.csv"
    table.write_text(TABLE)
    address = f"file://{host}{table.as_posix().replace(' ', '%20')}"
    assert list(viewer.load(address).events["title"]) == ["Founded", "Listed"]


def test_an_engine_address_without_its_table_says_so(run) -> None:
    code, _, err = run("info", "postgres://ana@localhost/db")
    assert code == 1
    assert err == "entente: postgres://ana@localhost/db: an engine URL needs the events table (--table NAME)\n"


def test_an_address_no_engine_answers_is_one_line(run) -> None:
    code, _, err = run("info", "nosuch://host/db", "--table", "events")
    assert code == 1 and "no query engine Entente knows answers at this address" in err and "Traceback" not in err


@pytest.mark.skipif(importlib.util.find_spec("psycopg") is not None, reason="the postgres driver is installed here")
def test_an_engine_whose_driver_is_missing_says_what_to_install(run) -> None:
    code, _, err = run("info", "postgres://ana@localhost/db", "--table", "events")
    assert code == 1
    assert "the postgres engine's driver is not installed" in err and "ibis-framework[postgres]" in err


def test_the_window_refuses_a_web_address_before_qt(window: list[list[str]],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["https://example.org/a.csv"]) == 2
    assert "a web address" in capsys.readouterr().err and window == []


def test_the_api_reads_a_path_from_the_home_folder_as_pandas_does(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """``viewer.load("~/events.csv")`` was "no such file or folder"; ``pd.read_csv`` reads it."""
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "events.csv").write_text(TABLE)
    assert list(viewer.load("~/events.csv").events["title"]) == ["Founded", "Listed"]
    assert len(viewer.load(Path("~") / "events.csv").events) == 2


def test_a_home_of_no_user_here_is_a_missing_path_not_a_crash() -> None:
    with pytest.raises(LoadError, match=r"~nosuchuser/events\.csv: no such file or folder"):
        viewer.load("~nosuchuser/events.csv")
