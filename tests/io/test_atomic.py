"""replace_file and replace_dir: the new content whole, or the old content byte for byte and no temporary."""

from __future__ import annotations

import errno
import logging
import os
import shutil
import stat
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import pytest

from viewer.io.atomic import replace_dir, replace_file

if TYPE_CHECKING:
    from tests.conftest import Failures


@pytest.fixture(autouse=True)
def no_umask(monkeypatch: pytest.MonkeyPatch) -> None:
    """The process umask is never flipped, not even for a moment."""
    monkeypatch.setattr(os, "umask", lambda *_: pytest.fail("os.umask was called"))


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "out.csv"
    path.write_bytes(b"old,content\n1,2\n")
    return path


@pytest.fixture
def old_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "dataset"
    (folder / "sub").mkdir(parents=True)
    (folder / "events.csv").write_bytes(b"id,start\nE1,2020\n")
    (folder / "sub" / "note.txt").write_bytes(b"keep me")
    return folder


def _fill(folder: Path) -> None:
    (folder / "events.csv").write_bytes(b"id,start\nE9,2024\n")


def test_a_new_file_is_written_whole(tmp_path: Path) -> None:
    replace_file(tmp_path / "a.json", b"{}")
    assert (tmp_path / "a.json").read_bytes() == b"{}"
    assert [p.name for p in tmp_path.iterdir()] == ["a.json"]


def test_text_is_written_as_utf8_with_its_newlines_untouched(tmp_path: Path) -> None:
    replace_file(tmp_path / "a.csv", "é,ü\r\nx\n")
    assert (tmp_path / "a.csv").read_bytes() == "é,ü\r\nx\n".encode()


def test_a_writing_function_gets_the_open_binary_file(tmp_path: Path) -> None:
    def write(handle: BinaryIO) -> None:
        handle.write(b"one ")
        handle.write(b"two")

    replace_file(tmp_path / "a.txt", write)
    assert (tmp_path / "a.txt").read_bytes() == b"one two"


def test_an_existing_file_keeps_its_permission_bits(old_file: Path) -> None:
    old_file.chmod(0o640)
    replace_file(old_file, b"new")
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640


def test_a_new_file_gets_the_mode_an_ordinary_open_gives_it(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    replace_file(tmp_path / "new", b"x")
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == stat.S_IMODE(reference.stat().st_mode)


def test_a_symbolic_link_is_written_through(tmp_path: Path, old_file: Path) -> None:
    link = tmp_path / "link.csv"
    link.symlink_to(old_file)
    replace_file(link, b"new")
    assert link.is_symlink() and old_file.read_bytes() == b"new"


@pytest.mark.parametrize("step", ["full disk", "fsync", "replace"])
def test_a_failed_file_write_leaves_the_old_file_intact_and_no_temporary(
        failures: Failures, tmp_path: Path, old_file: Path, step: str) -> None:
    before = failures.snapshot(tmp_path)
    failures.inject(step)
    with pytest.raises(OSError):
        replace_file(old_file, b"new content that never lands")
    assert failures.snapshot(tmp_path) == before


def test_a_writing_function_that_raises_leaves_the_old_file_intact(failures: Failures, tmp_path: Path,
                                                                   old_file: Path) -> None:
    before = failures.snapshot(tmp_path)

    def write(handle: BinaryIO) -> None:
        handle.write(b"half")
        raise ValueError("the data could not be encoded")

    with pytest.raises(ValueError):
        replace_file(old_file, write)
    assert failures.snapshot(tmp_path) == before


def test_a_missing_folder_is_an_error_that_leaves_nothing(failures: Failures, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        replace_file(tmp_path / "nowhere" / "a.csv", b"x")
    assert failures.snapshot(tmp_path) == {}


def test_a_failed_folder_sync_after_the_rename_keeps_the_new_file(failures: Failures, old_file: Path) -> None:
    failures.fail_call(os, "fsync", 2)  # the file's sync works, the folder's fails
    replace_file(old_file, b"new")
    assert old_file.read_bytes() == b"new"


def test_a_folder_is_replaced_by_the_new_one(failures: Failures, tmp_path: Path, old_folder: Path) -> None:
    replace_dir(old_folder, _fill)
    assert failures.snapshot(old_folder) == {"events.csv": b"id,start\nE9,2024\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset"]


def test_a_folder_behind_a_symbolic_link_is_replaced_and_the_link_stays(failures: Failures, tmp_path: Path,
                                                                        old_folder: Path) -> None:
    """Written over its link, the dataset stayed old: the link was moved aside and a folder put in its place."""
    link = tmp_path / "current"
    link.symlink_to(old_folder, target_is_directory=True)
    replace_dir(link, _fill)
    assert link.is_symlink() and link.resolve() == old_folder.resolve()
    assert failures.snapshot(old_folder) == {"events.csv": b"id,start\nE9,2024\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["current", "dataset"]


def test_a_new_folder_is_created(failures: Failures, tmp_path: Path) -> None:
    replace_dir(tmp_path / "fresh", _fill)
    assert failures.snapshot(tmp_path) == {"fresh": None, "fresh/events.csv": b"id,start\nE9,2024\n"}


def test_a_replaced_folder_keeps_its_permission_bits(old_folder: Path) -> None:
    old_folder.chmod(0o750)
    replace_dir(old_folder, _fill)
    assert stat.S_IMODE(old_folder.stat().st_mode) == 0o750


def test_a_new_folder_gets_the_mode_an_ordinary_mkdir_gives_it(tmp_path: Path) -> None:
    (tmp_path / "reference").mkdir()
    replace_dir(tmp_path / "fresh", _fill)
    assert stat.S_IMODE((tmp_path / "fresh").stat().st_mode) == stat.S_IMODE((tmp_path / "reference").stat().st_mode)


@pytest.mark.parametrize("step", ["full disk", "fsync", "rename aside", "rename in"])
def test_a_failed_folder_write_leaves_the_old_folder_intact_and_no_temporary(
        failures: Failures, tmp_path: Path, old_folder: Path, step: str) -> None:
    before = failures.snapshot(tmp_path)
    failures.inject(step)
    with pytest.raises(OSError):
        replace_dir(old_folder, _fill)
    assert failures.snapshot(tmp_path) == before


def test_a_fill_that_raises_half_way_leaves_the_old_folder_intact(failures: Failures, tmp_path: Path,
                                                                  old_folder: Path) -> None:
    before = failures.snapshot(tmp_path)

    def fill(folder: Path) -> None:
        (folder / "events.csv").write_bytes(b"half")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(OSError):
        replace_dir(old_folder, fill)
    assert failures.snapshot(tmp_path) == before


def test_a_failed_first_write_of_a_folder_leaves_nothing(failures: Failures, tmp_path: Path) -> None:
    failures.inject("rename aside")  # with no old folder the first rename moves the new one in
    with pytest.raises(OSError):
        replace_dir(tmp_path / "fresh", _fill)
    assert failures.snapshot(tmp_path) == {}


def test_an_old_folder_that_cannot_be_moved_back_is_kept_whole_and_named_in_the_log(
        failures: Failures, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, old_folder: Path,
        caplog: pytest.LogCaptureFixture) -> None:
    before = failures.snapshot(old_folder)
    real = os.rename
    calls = [0]

    def rename(src: object, dst: object) -> None:
        calls[0] += 1
        if calls[0] >= 2:  # the new folder cannot be moved in, nor the old one back
            raise OSError(errno.ENOSPC, "No space left on device")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "rename", rename)
    with caplog.at_level(logging.ERROR, logger="viewer.io.atomic"), pytest.raises(OSError):
        replace_dir(old_folder, _fill)
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith(".dataset.old-")]
    assert failures.snapshot(aside) == before
    assert str(aside) in caplog.text
    assert [p.name for p in tmp_path.iterdir()] == [aside.name]  # the half-written new folder is gone


def test_an_old_copy_that_cannot_be_removed_leaves_the_new_folder_in_place_and_a_warning(
        failures: Failures, tmp_path: Path, old_folder: Path, caplog: pytest.LogCaptureFixture) -> None:
    before = failures.snapshot(old_folder)
    failures.fail_call(shutil, "rmtree")
    with caplog.at_level(logging.WARNING, logger="viewer.io.atomic"):
        replace_dir(old_folder, _fill)
    assert failures.snapshot(old_folder) == {"events.csv": b"id,start\nE9,2024\n"}
    (aside,) = [p for p in tmp_path.iterdir() if p.name.startswith(".dataset.old-")]
    assert failures.snapshot(aside) == before
    assert "could not be removed" in caplog.text
