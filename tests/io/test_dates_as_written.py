"""Dates written with a mark of doubt or a bound ("c. 1850", "before 1860", "early 2019", "between 1850 and 1860")
are read as the date they name and said once for the column; the mark itself was lost with that (Details showed
1850, an export and ``entente convert`` wrote 1850). Each marked cell's text is kept as the ``start_written``
attribute, and a dataset written and read back keeps it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import viewer
from viewer.io import native_write

TABLE = ("id,date,title\ne1,c. 1850,Approximate\ne2,before 1860,Bound\ne3,between 1870 and 1880,Between\n"
         "e4,early 1890,Part\ne5,1900,Plain\ne6,1850?,Uncertain\n")


def _written(ds: viewer.Dataset) -> dict[str, str]:
    return dict(zip(ds.events["id"], ds.events["attr:start_written"].fillna(""), strict=True))


def test_a_tables_marked_dates_keep_their_text_beside_their_reading(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text(TABLE, encoding="utf-8")
    ds = viewer.load(path)
    assert _written(ds) == {"e1": "c. 1850", "e2": "before 1860", "e3": "between 1870 and 1880", "e4": "early 1890",
                            "e5": "", "e6": "1850?"}
    assert {a.name: a.type for a in ds.attributes}["start_written"] == "text"  # (never a date read again)
    first = ds.events.set_index("id").loc["e1"]
    assert str(first["start"].year) == "1850" and first["precision"] == "year"


def test_a_column_of_plain_dates_gets_no_such_attribute(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("id,date,title\ne1,2019-03-04,A\ne2,4 March 2019,B\n", encoding="utf-8")
    assert "attr:start_written" not in viewer.load(path).events.columns


def test_a_tables_own_start_written_column_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("id,date,title,start_written\ne1,c. 1850,A,about eighteen-fifty\n", encoding="utf-8")
    assert _written(viewer.load(path)) == {"e1": "about eighteen-fifty"}


def test_a_dataset_written_and_read_back_keeps_the_marks(tmp_path: Path) -> None:
    path = tmp_path / "history.csv"
    path.write_text(TABLE, encoding="utf-8")
    ds = viewer.load(path)
    for target in (tmp_path / "copy", tmp_path / "copy.json"):
        native_write.write(ds, target)
        assert _written(viewer.load(target)) == _written(ds)


def test_a_datasets_own_events_csv_keeps_the_marks_typed_in_it(write_dataset: Callable[..., Path]) -> None:
    """A person who types "c. 1850" into the dataset's events.csv: read as 1850, said, and kept as typed."""
    ds = viewer.load(write_dataset("id,start,title\ne1,c. 1850,Approximate\ne2,1900,Plain\n"))
    assert _written(ds) == {"e1": "c. 1850", "e2": ""}
    assert any("approximate" in p.message and p.field == "start" for p in ds.problems)


def test_an_end_column_written_with_a_mark_is_said_and_kept_too(tmp_path: Path) -> None:
    """The end column's marks were not even said ("1860?" read as 1860, silently)."""
    path = tmp_path / "spans.csv"
    path.write_text("id,date,end,title\ne1,c. 1850,1860?,Founded\ne2,1875,1880,Merger\n", encoding="utf-8")
    ds = viewer.load(path)
    assert dict(zip(ds.events["id"], ds.events["attr:end_written"].fillna(""), strict=True)) == {"e1": "1860?",
                                                                                                  "e2": ""}
    assert [p.field for p in ds.problems if "approximate" in p.message] == ["date", "end"]
