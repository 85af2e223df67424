"""entente export renders the whole window offscreen."""

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from viewer import cli


def test_export_writes_a_1600_by_900_png(tmp_path: Path) -> None:
    out = tmp_path / "alliance.png"
    assert cli.run(["export", "--out", str(out)]) == 0
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1600, 900)


def test_export_honours_size_window_and_cursor(tmp_path: Path) -> None:
    out = tmp_path / "small.png"
    code = cli.run(["export", "--out", str(out), "--size", "1200x700", "--from", "2023-01-01", "--to", "2023-02-28",
                    "--at", "2023-11-09"])
    assert code == 0 and QImage(str(out)).width() == 1200


def test_export_to_a_folder_that_does_not_exist_is_refused_before_drawing(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "no" / "such" / "x.png"
    assert cli.run(["export", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"the folder {out.parent} does not exist" in err and "Wrote" not in err


def test_export_through_a_folder_that_does_not_exist_is_refused_too(tmp_path: Path) -> None:
    """``no/../x.png`` names tmp_path/x.png to a resolved path, but the system goes through ``no`` first."""
    assert cli.run(["export", "--out", str(tmp_path / "no" / ".." / "x.png")]) == 2
    assert not (tmp_path / "x.png").exists()


def test_export_of_a_window_that_ends_before_it_starts_is_a_usage_error(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.png"
    assert cli.run(["export", "--out", str(out), "--from", "2020", "--to", "2010"]) == 2
    assert "the window ends (2010) before it starts (2020)" in capsys.readouterr().err and not out.exists()


def test_export_says_nothing_of_the_offscreen_platform(tmp_path: Path) -> None:
    """In a process of its own (pytest-qt takes Qt's messages in this one), as a user runs it."""
    import os
    import subprocess
    import sys
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-m", "viewer", "export", "--out", str(tmp_path / "x.png")], env=env,
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr) == (0, "") and done.stdout.startswith("Wrote ")


def test_export_of_the_relationship_panel_to_svg_is_valid_xml(tmp_path: Path) -> None:
    import xml.etree.ElementTree as ET
    out = tmp_path / "g.svg"
    assert cli.run(["export", "--view", "relations", "--at", "2023-02-06", "--out", str(out)]) == 0
    root = ET.parse(out).getroot()
    assert root.tag.endswith("svg")
    assert "As of 6 Feb 2023" in out.read_text(encoding="utf-8")


def test_an_svg_export_of_the_timeline_writes_its_labels_as_text(tmp_path: Path) -> None:
    """On screen the labels are copied from pictures drawn once; an SVG keeps them as text, to search and
    to scale."""
    import re
    out = tmp_path / "t.svg"
    assert cli.run(["export", "--view", "timeline", "--out", str(out)]) == 0
    texts = re.findall(r">([^<>]+)</text>", out.read_text(encoding="utf-8"))
    assert "Mitsubishi Motors removes Ghosn as chairman" in texts
    assert sum("Ghosn" in text for text in texts) >= 5


def test_export_of_the_timeline_to_pdf_renders(tmp_path: Path) -> None:
    import shutil
    import subprocess

    out = tmp_path / "g.pdf"
    assert cli.run(["export", "--view", "timeline", "--out", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed")
    subprocess.run(["pdftoppm", "-png", "-r", "30", str(out), str(tmp_path / "page")], check=True)
    page = QImage(str(next(tmp_path.glob("page*.png"))))
    assert page.width() > 100


def test_export_to_an_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    assert cli.run(["export", "--out", str(tmp_path / "x.gif")]) == 2


def test_a_failed_export_leaves_the_previous_file_intact(tmp_path: Path, monkeypatch) -> None:
    from viewer.ui.shell import export
    out = tmp_path / "keep.png"
    out.write_bytes(b"old image")
    monkeypatch.setitem(export.WRITERS, ".png", lambda widget, path: False)
    assert cli.run(["export", "--out", str(out)]) == 1
    assert out.read_bytes() == b"old image"
    assert [p.name for p in tmp_path.iterdir()] == ["keep.png"]


@pytest.mark.parametrize("step", ["full disk", "fsync", "replace"])
def test_an_export_interrupted_at_any_step_leaves_the_previous_file_intact(tmp_path: Path, failures,
                                                                           step: str) -> None:
    out = tmp_path / "keep.svg"
    out.write_bytes(b"<svg>old</svg>")
    before = failures.snapshot(tmp_path)
    failures.inject(step)
    assert cli.run(["export", "--view", "relations", "--size", "400x300", "--out", str(out)]) == 1
    assert failures.snapshot(tmp_path) == before
