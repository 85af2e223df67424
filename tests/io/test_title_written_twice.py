"""A header naming two title columns, the first left empty (as a join or a template leaves them): the titles written
in the second were kept as an attribute and every event called row1, row2 … without a word. They are the titles,
said; a first title column that is written stays the title."""

from __future__ import annotations

from pathlib import Path

import viewer


def test_the_written_title_column_is_taken_and_said(tmp_path: Path) -> None:
    path = tmp_path / "joined.csv"
    path.write_text("date,title,title\n2020-01-01,,Board approves merger\n2020-01-02,,CEO resigns\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Board approves merger", "CEO resigns"]
    assert [p.message for p in ds.problems if "titles from" in p.message] == [
        "titles from the column 'title_3', the second 'title' of the header (written in 100% of the rows; the first "
        "in 0%)"]


def test_a_written_first_title_stays(tmp_path: Path) -> None:
    path = tmp_path / "joined.csv"
    path.write_text("date,title,title\n2020-01-01,Merger,Board approves merger\n2020-01-02,Exit,CEO resigns\n",
                    encoding="utf-8")
    assert viewer.load(path).events["title"].tolist() == ["Merger", "Exit"]
