"""A folder of exports (a file a month) that is no dataset folder opens as one dataset. Before, it was refused:
"no events.csv or events.parquet; a dataset folder holds dataset.json, events.csv …"."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import viewer
from viewer.io import folder_tables


def months(folder: Path) -> Path:
    """Three monthly exports of one bank account, each numbering its rows from 1, and what else a folder holds."""
    folder.mkdir()
    for month, rows in (("2019-01", "2019-01-03,Rent,-900\n2019-01-15,Salary,2500\n"),
                        ("2019-02", "2019-02-03,Rent,-900\n"), ("2019-03", "2019-03-03,Rent,-950\n")):
        (folder / f"{month}.csv").write_text("Date,Description,Amount\n" + rows, encoding="utf-8")
    (folder / ".~lock.2019-03.csv#").write_text("x", encoding="utf-8")  # an office suite's lock file
    (folder / "scan.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # no kind the loader reads
    (folder / "old").mkdir()
    (folder / "old" / "2018-12.csv").write_text("Date,Description,Amount\n2018-12-03,Rent,-900\n", encoding="utf-8")
    return folder


def test_a_folder_of_monthly_exports_is_one_dataset(tmp_path: Path) -> None:
    ds = viewer.load(months(tmp_path / "account"))
    assert ds.title == "account" and len(ds.events) == 4
    assert ds.events["title"].tolist() == ["Rent", "Salary", "Rent", "Rent"]
    # each file numbers its rows from 1: the ids say which file, once, not a "#2" per row with a warning
    assert ds.events["id"].tolist() == ["2019-01/row1", "2019-01/row2", "2019-02/row1", "2019-03/row1"]
    assert not [p for p in ds.problems if p.level == "warning"]
    assert ds.events["attr:file"].astype(str).tolist() == ["2019-01.csv", "2019-01.csv", "2019-02.csv", "2019-03.csv"]
    note, = [p.message for p in ds.problems if p.file == str(tmp_path / "account")]
    assert note == "read 3 files of the folder as one dataset: 2019-01.csv, 2019-02.csv, 2019-03.csv"


def test_a_file_that_cannot_be_read_is_left_aside_and_said(tmp_path: Path) -> None:
    folder = months(tmp_path / "account")
    (folder / "notes.json").write_text("{not json", encoding="utf-8")
    ds = viewer.load(folder)
    assert len(ds.events) == 4
    left, = [p for p in ds.problems if p.message.startswith("left aside")]
    assert left.level == "warning" and "notes.json" in left.message


def test_a_folder_of_nothing_readable_says_each_file_and_what_a_dataset_folder_holds(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "README.md").write_text("# hello\n", encoding="utf-8")
    with pytest.raises(viewer.LoadError, match=r"no dataset folder .* none of its 1 file could be read: .*README\.md"):
        viewer.load(folder)
    (tmp_path / "empty").mkdir()
    with pytest.raises(viewer.LoadError, match=r"no events\.csv or events\.parquet; a dataset folder holds"):
        viewer.load(tmp_path / "empty")


def test_a_folder_of_too_many_files_is_refused_before_any_is_read(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(folder_tables, "MOST_FILES", 2)
    with pytest.raises(viewer.LoadError, match="holds 3 files to read, more than 2"):
        viewer.load(months(tmp_path / "account"))


def test_a_native_folder_stays_native(tmp_path: Path) -> None:
    folder = tmp_path / "native"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\ne1,2019-01-01,One\n", encoding="utf-8")
    (folder / "notes.csv").write_text("Date,Title\n2019-02-01,Not read\n", encoding="utf-8")
    assert viewer.load(folder).events["title"].tolist() == ["One"]


def test_the_command_line_reads_the_folder(tmp_path: Path) -> None:
    folder = months(tmp_path / "account")
    done = subprocess.run([sys.executable, "-m", "viewer", "events", str(folder), "--from", "2019-02-01", "--format",
                           "csv"], capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert "2019-02/row1" in done.stdout and "2019-03/row1" in done.stdout and "Salary" not in done.stdout


def test_files_are_read_in_the_order_a_person_reads_their_names(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    for number in (10, 2, 1):
        (folder / f"report-{number}.csv").write_text(f"Date,Title\n2019-01-01,Report {number}\n", encoding="utf-8")
    note, = [p.message for p in viewer.load(folder).problems if p.file == str(folder)]
    assert note.endswith(": report-1.csv, report-2.csv, report-10.csv")
