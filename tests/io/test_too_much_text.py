"""A column of more text than Arrow holds in one string column (2 GB: a 7.5 MB gzip unpacked to 3.9 GB of rows)
took 11 GB and ended in Arrow's "offset overflow while concatenating arrays": it is refused, naming the file and the
column. (The limit is lowered here, as the real one takes gigabytes to reach.)"""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model import text_arrow
from viewer.model.problems import LoadError


def test_a_column_past_the_limit_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 4_000)
    path = tmp_path / "bomb.csv"
    path.write_text("date,note\n" + "".join(f"2019-01-{1 + i % 28:02d},{'x' * 80}\n" for i in range(100)),
                    encoding="utf-8")
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    said = str(refused.value)
    assert said.startswith(f"{path}: its column 2 holds") and "2 GB" in said and "split the file" in said


def test_columns_within_it_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(text_arrow, "STRING_LIMIT", 100_000)
    path = tmp_path / "fine.csv"
    path.write_text("date,note\n" + "".join(f"2019-01-{1 + i % 28:02d},{'x' * 80}\n" for i in range(100)),
                    encoding="utf-8")
    assert len(viewer.load(path).events) == 100
