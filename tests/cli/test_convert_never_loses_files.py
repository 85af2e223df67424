"""``entente convert`` never loses a file: both of its writers (the native one, and Parquet for a table too big for
memory, forced with ENTENTE_FREE_MEMORY) refuse the same targets, the input above all; a link in a loop, a name
that is not UTF-8, Ctrl-C and SIGTERM end with one line, never a traceback, and leave no temporary behind."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

import viewer
from tests.conftest import snapshot
from viewer import cli

ALLIANCE = str(viewer.load().meta.path)
TIMELINEJS = Path(__file__).parents[1] / "io" / "fixtures" / "timelinejs_slides.json"
BAD = os.fsdecode(b"bad\xff\xfename.csv")  # a name that is not UTF-8, as a Linux file system allows


def _csv(path: Path) -> Path:
    path.parent.mkdir(exist_ok=True)
    path.write_text("date,title,actor\n" + "".join(f"2019-03-{1 + i % 28:02d},Event {i},acme\n" for i in range(60)))
    return path


@pytest.fixture(params=["in memory", "out of core"])
def writer(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test runs on both writers: a table that fits, and one too big for the memory said to be free."""
    if request.param == "out of core":
        monkeypatch.setenv("ENTENTE_FREE_MEMORY", "1000")
    return str(request.param)


def _said_once(err: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


@pytest.mark.parametrize("case", ["a folder of notes", "the input itself", "the folder holding the input"])
def test_convert_refuses_every_target_that_would_lose_a_file(run, tmp_path: Path, writer: str, case: str) -> None:
    source = _csv(tmp_path / "parent" / "in.csv" if case == "the folder holding the input" else tmp_path / "in.csv")
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "thesis.txt").write_text("precious")
    target = {"a folder of notes": docs, "the input itself": source, "the folder holding the input": source.parent}
    before = snapshot(tmp_path)
    code, out, err = run("convert", str(source), str(target[case]), "--force")
    assert code == 2 and out == "" and str(target[case]) in err
    assert ("not a dataset" if case == "a folder of notes" else "the input") in err
    _said_once(err)
    assert snapshot(tmp_path) == before


def test_a_table_too_big_for_memory_is_never_written_over_a_json_file(run, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_FREE_MEMORY", "1000")
    source = _csv(tmp_path / "in.csv")
    (tmp_path / "notes.json").write_text('{"mine": true}')
    before = snapshot(tmp_path)
    for name in ("notes.json", "new.json"):
        code, _, err = run("convert", str(source), str(tmp_path / name), "--force")
        assert code == 2 and "not one .json file" in err and name in err
        _said_once(err)
    assert snapshot(tmp_path) == before


def test_a_dataset_folder_replaced_out_of_core_keeps_its_other_files_and_an_ordinary_mode(
        run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    assert run("convert", ALLIANCE, str(out))[0] == 0
    (out / "README.txt").write_text("kept")
    (tmp_path / "reference").mkdir()
    monkeypatch.setenv("ENTENTE_FREE_MEMORY", "1000")
    code, said, _ = run("convert", str(_csv(tmp_path / "in.csv")), str(out), "--force")
    assert code == 0 and "Parquet" in said
    assert (out / "README.txt").read_text() == "kept" and (out / "events" / "part-0.parquet").is_file()
    assert not (out / "events.csv").exists()  # the old tables are the old dataset's, not a user's files
    assert out.stat().st_mode == (tmp_path / "reference").stat().st_mode


@pytest.mark.parametrize("through", ["the file", "a link to it"])
def test_convert_never_writes_over_an_input_that_is_not_native(run, tmp_path: Path, through: str) -> None:
    source = tmp_path / "x.json"
    shutil.copy(TIMELINEJS, source)
    target = source
    if through == "a link to it":
        target = tmp_path / "link.json"
        target.symlink_to(source)
    before = snapshot(tmp_path)
    code, _, err = run("convert", str(target), str(target), "--force")
    assert code == 2 and "is the input" in err and str(target) in err
    _said_once(err)
    assert snapshot(tmp_path) == before


def test_a_link_in_a_loop_is_refused_by_name(run, tmp_path: Path, writer: str) -> None:
    (tmp_path / "l1.json").symlink_to(tmp_path / "l2.json")
    (tmp_path / "l2.json").symlink_to(tmp_path / "l1.json")
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    source = str(_csv(tmp_path / "in.csv"))
    for target in ("l1.json", "l1"):
        code, _, err = run("convert", source, str(tmp_path / target), "--force")
        assert code == 2 and "loop" in err and str(tmp_path / target) in err
        _said_once(err)


def test_a_name_that_is_not_utf8_is_converted_and_shown_with_replacement_marks(run, tmp_path: Path,
                                                                               writer: str) -> None:
    source = _csv(tmp_path / BAD)
    for target in ("out", "out.json") if writer == "in memory" else ("out",):
        code, _, err = run("convert", str(source), str(tmp_path / target))
        assert code == 0 and "Traceback" not in err, err
        doc = json.loads((tmp_path / target / "dataset.json" if target == "out" else tmp_path / target).read_bytes())
        assert doc["title"] == "bad\ufffd\ufffdname"  # display text: the bytes that are not UTF-8 as U+FFFD
        assert doc["sources"] == [str(source)]  # the path, escaped in the JSON: it reads back as the same name
        assert "Title:     bad\ufffd\ufffdname" in run("info", str(tmp_path / target))[1]


def _interrupt(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """The first fsync of the write (its temporary written, not yet in place) interrupted by Ctrl-C or SIGTERM."""
    real = os.fsync
    calls = []

    def fsync(fd: int) -> None:
        calls.append(fd)
        if len(calls) == 1:
            if how == "Ctrl-C":
                raise KeyboardInterrupt
            os.kill(os.getpid(), signal.SIGTERM)  # the handler raises at the next instruction
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


@pytest.mark.parametrize("how, code", [("Ctrl-C", 130), ("SIGTERM", 143)])
@pytest.mark.parametrize("target", ["out", "out.json"])
def test_an_interrupted_convert_says_so_in_a_line_and_leaves_the_old_output_and_no_temporary(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path, writer: str,
        how: str, code: int, target: str) -> None:
    if writer == "out of core" and target == "out.json":
        pytest.skip("a table too big for memory is written as a folder")
    out = tmp_path / target
    with monkeypatch.context() as fits:  # the old output, written in memory
        fits.delenv("ENTENTE_FREE_MEMORY", raising=False)
        assert cli.main(["convert", ALLIANCE, str(out)]) == 0
    source = _csv(tmp_path / "in.csv")
    before = snapshot(tmp_path)
    capsys.readouterr()
    _interrupt(monkeypatch, how)
    assert cli.main(["convert", str(source), str(out), "--force"]) == code
    err = capsys.readouterr().err
    assert err.startswith(f"entente convert: {'interrupted' if how == 'Ctrl-C' else 'terminated'}; ")
    assert str(out) in err and "left as it was" in err
    _said_once(err)
    assert snapshot(tmp_path) == before
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL  # the handler is the command's only


def test_temporaries_a_killed_convert_left_are_removed_by_the_next_one(run, tmp_path: Path, writer: str) -> None:
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()
    alive = os.getpid()  # a write still under way is left alone
    (tmp_path / f".out.new-{dead}-0123456789ab").mkdir()
    (tmp_path / f".out.new-{dead}-0123456789ab" / "events.csv").write_text("half")
    (tmp_path / f".out.json.tmp-{dead}-0123456789ab").write_text("half")
    (tmp_path / f".out.new-{alive}-0123456789ab").mkdir()
    source = str(_csv(tmp_path / "in.csv"))
    assert run("convert", source, str(tmp_path / "out"))[0] == 0
    if writer == "in memory":
        assert run("convert", source, str(tmp_path / "out.json"))[0] == 0
    hidden = sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("."))
    left = [f".out.new-{alive}-0123456789ab"] + ([] if writer == "in memory" else
                                                 [f".out.json.tmp-{dead}-0123456789ab"])
    assert hidden == sorted(left)
