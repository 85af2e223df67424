"""``entente export`` answers arguments it cannot use with one line and exit code 2, never a traceback: an image
name without a name, a link in a loop, a date read as ``relations --at`` reads it; says the size it wrote when the
window could not be drawn as small as asked; renders a dataset whose file name is not UTF-8."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

ALLIANCE_DATES = ["42", "-13.8e9", "66 Ma", "9:30", "44BC", "1e5"]


def _said_once(err: str) -> None:
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1, err


def test_an_image_name_that_is_only_a_suffix_is_a_usage_error(run, tmp_path: Path) -> None:
    code, _, err = run("export", "--out", str(tmp_path / "x" / ".png"))
    assert code == 2 and "expected a file name ending in .png, .svg or .pdf" in err and ".png" in err
    _said_once(err)


def test_an_image_name_that_is_a_link_in_a_loop_is_a_usage_error(run, tmp_path: Path) -> None:
    (tmp_path / "l1.png").symlink_to(tmp_path / "l2.png")
    (tmp_path / "l2.png").symlink_to(tmp_path / "l1.png")
    code, _, err = run("export", "--out", str(tmp_path / "l1.png"))
    assert code == 2 and "loop" in err and "l1.png" in err
    _said_once(err)


@pytest.mark.parametrize("option, when", [*(("--at", when) for when in ALLIANCE_DATES), ("--from", "42"),
                                          ("--to", "9:30")])
def test_a_time_a_dated_dataset_cannot_take_is_refused_as_relations_refuses_it(run, tmp_path: Path, option: str,
                                                                               when: str) -> None:
    out = tmp_path / "a.png"
    code, _, err = run("export", "--out", str(out), f"{option}={when}")
    _, _, said = run("relations", f"--at={when}")
    assert code == 2 and err.removeprefix("entente export: ") == said.removeprefix("entente relations: ")
    _said_once(err)
    assert not out.exists()


def test_a_size_the_window_cannot_take_is_said_with_the_size_written(run, tmp_path: Path) -> None:
    out = tmp_path / "small.png"
    code, said, err = run("export", "--out", str(out), "--size", "400x300")
    assert code == 0 and said.startswith("Wrote")
    found = re.search(r"is (\d+)x(\d+) pixels, not the 400x300 asked", err)
    assert found, err
    head = out.read_bytes()[:24]
    assert (int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")) == tuple(map(int, found.groups()))


def test_a_dataset_whose_name_is_not_utf8_is_rendered(run, tmp_path: Path) -> None:
    source = tmp_path / os.fsdecode(b"bad\xff\xfename.csv")
    # (in cp1252: the problem that says so names the file, and the Problems panel showed it)
    source.write_bytes("date,title,actor\n2019-03-01,Café,acme\n2019-04-01,Two,acme\n".encode("cp1252"))
    code, _, err = run("export", str(source), "--view", "timeline", "--size", "1000x600", "--out",
                       str(tmp_path / "e.png"))
    assert code == 0 and "Traceback" not in err
    assert (tmp_path / "e.png").stat().st_size > 0
