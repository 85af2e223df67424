"""Columns without a name that hold nothing are left out of a table, found in one pass over their cells: the
",,," a spreadsheet leaves at the end of each line, a stray value at XFD1 that pads every row to 16,384 cells
(asking each column took 17 s). The columns it finds are those the column-by-column test found."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

import viewer
from viewer.io import table_fast


def _one_by_one(frame: pd.DataFrame, columns: np.ndarray) -> np.ndarray:
    return np.array([bool((frame.iloc[:, at].astype("string").str.strip().fillna("") != "").any())
                     for at in columns.tolist()], dtype=bool)


def test_the_written_columns_are_those_asked_one_by_one() -> None:
    frame = pd.DataFrame({"a": ["", "", ""], "b": [None, np.nan, ""], "c": ["  ", "\u3000", "\t"], "d": ["", "x", ""],
                          "e": [0, 1, 2], "f": [np.nan, np.nan, 1.5], "g": [["x"], None, ""], "h": [{"k": 1}, "", None],
                          "i": pd.array(["", None, " "], dtype="string[pyarrow]"), "j": [np.nan] * 3})
    columns = np.arange(frame.shape[1])
    assert table_fast.written(frame, columns).tolist() == _one_by_one(frame, columns).tolist() == [
        False, False, False, True, True, True, True, True, False, False]
    assert table_fast.written(frame, columns[:0]).tolist() == []


def test_a_table_of_thousands_of_empty_columns_opens_with_its_own(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("date,title" + "," * 3000 + "\n" + "".join(f"2020-01-{i + 1:02d},E{i}" + "," * 3000 + "\n"
                                                               for i in range(20)), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 20 and not ds.attributes
