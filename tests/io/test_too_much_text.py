"""A column of more text than Arrow holds in one string column (2 GB: a 7.5 MB gzip unpacked to 3.9 GB of rows)
took 11 GB and ended in Arrow's "offset overflow while concatenating arrays": it is refused, naming the file and the
column. (The limit is lowered here, as the real one takes gigabytes to reach.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import table_stream
from viewer.model import text_arrow
from viewer.model.problems import LoadError


def _notes(path: Path) -> Path:
    """100 dated rows of 80 characters of notes (8 KB of text in the notes' column)."""
    path.write_text("date,note\n" + "".join(f"2019-01-{1 + i % 28:02d},{'x' * 80}\n" for i in range(100)),
                    encoding="utf-8")
    return path


def _refused(path: Path) -> str:
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    return str(refused.value)


def test_a_column_past_the_limit_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    path = _notes(tmp_path / "bomb.csv")
    said = _refused(path)
    assert said.startswith(f"{path}: its column 2 holds") and "2 GB" in said and "split the file" in said


def test_columns_within_it_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 100_000)
    path = _notes(tmp_path / "fine.csv")
    assert len(viewer.load(path).events) == 100


def test_a_long_file_read_straight_from_disk_is_refused_alike(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A plain file long enough for Arrow to read it from disk (:mod:`viewer.io.table_stream`) ended in the bare
    ``TooMuchText('f1', 2288000008)`` of a 2.4 GB CSV, with no file named."""
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    monkeypatch.setattr(table_stream, "STREAMED_FROM", 1024)
    path = _notes(tmp_path / "long.csv")
    said = _refused(path)
    assert said.startswith(f"{path}: its column 2 holds") and "2 GB" in said


def test_a_dataset_folders_table_is_refused_by_its_column_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dataset folder's CSV (read with its header) names the column by its header."""
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    events = tmp_path / "events.csv"
    events.write_text("id,start,title\n" + "".join(f"e{i},2019-01-{1 + i % 28:02d},{'x' * 80}\n" for i in range(100)),
                      encoding="utf-8")
    said = _refused(tmp_path)
    assert said.startswith(f"{events}: its column 'title' holds") and "2 GB" in said
