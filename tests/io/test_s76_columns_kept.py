"""Every column of an imported table reaches the dataset, named so Details can show it, and survives convert.

Three kinds of column did not. A column named ``attr:x`` beside an ``x`` was taken for ``x`` (the attribute
prefix), so one of the two was lost as the table was read, and a dataset written by convert lost the other. A JSON
key, Parquet or SQLite column with a blank name became an attribute with no name, which convert's file wrote as a
blank header and read back as ``Unnamed: 11`` (or left out, for a name of spaces). A TimelineJS sheet's Display
Date, Media Thumbnail and Background columns, and any column the user added to it, were dropped without a word.
"""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

import viewer
from viewer.io import native_write
from viewer.model import attributes
from viewer.model.dataset import Dataset


def _values(ds: Dataset) -> dict[str, list[str]]:
    """Each attribute's name and its values as Details shows them."""
    return {a.name: attributes.formatted(ds.events[a.column]).tolist() for a in ds.attributes}


def _converted(ds: Dataset, tmp_path: Path) -> Dataset:
    """The dataset written as convert writes it, and read back."""
    return viewer.load(native_write.write(ds, tmp_path / "converted"))


def test_a_column_named_with_the_attribute_prefix_is_kept_beside_its_namesake(tmp_path: Path) -> None:
    path = tmp_path / "prefixed.csv"
    path.write_text("Date,Title,x,attr:x,attr:attr:x\n2020-01-01,one,plain1,pref1,pp1\n"
                    "2020-01-02,two,plain2,pref2,pp2\n", encoding="utf-8")
    ds = viewer.load(path)
    expected = {"x": ["plain1", "plain2"], "attr:x": ["pref1", "pref2"], "attr:attr:x": ["pp1", "pp2"]}
    assert _values(ds) == expected
    assert _values(_converted(ds, tmp_path)) == expected
    assert attributes.distinct_values(ds.events, "attr:x") == [("pref1", 1), ("pref2", 1)]


def test_a_prefixed_name_still_finds_its_attribute_when_none_is_named_so() -> None:
    events = pd.DataFrame({"attr:State": pd.Categorical(["IL", "AZ", "IL"])})
    assert attributes.value_mask(events, "attr:State", {"IL"}).tolist() == [True, False, True]
    assert attributes.distinct_values(events, "attr:State") == [("IL", 2), ("AZ", 1)]


def test_blank_column_names_of_json_parquet_and_sqlite_are_named_by_their_place(tmp_path: Path) -> None:
    records = tmp_path / "records.json"
    records.write_text(json.dumps([{"date": "2020-01-01", "title": "a", "": "e1", "  ": "s1"},
                                   {"date": "2020-01-02", "title": "b", "": "e2", "  ": "s2"}]), encoding="utf-8")
    frame = pd.DataFrame({"date": ["2020-01-01", "2020-01-02"], "title": ["a", "b"], "": ["e1", "e2"],
                          "  ": ["s1", "s2"]})
    frame.to_parquet(tmp_path / "table.parquet")
    with sqlite3.connect(tmp_path / "table.sqlite") as connection:  # (pandas' to_sql refuses a blank name)
        connection.execute('CREATE TABLE events (date TEXT, title TEXT, "" TEXT, "  " TEXT)')
        connection.executemany("INSERT INTO events VALUES (?, ?, ?, ?)", frame.itertuples(index=False))
    for name in ("records.json", "table.parquet", "table.sqlite"):
        ds = viewer.load(tmp_path / name)
        values = _values(ds)
        assert values == {"column3": ["e1", "e2"], "column4": ["s1", "s2"]}, name
        folder = tmp_path / name.replace(".", "_")
        folder.mkdir()
        assert _values(_converted(ds, folder)) == values, name


def test_a_timelinejs_sheet_keeps_the_columns_no_field_takes(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,"
                    "Media Credit,Media Caption,Media Thumbnail,Type,Group,Background,Source Note\n"
                    "1815,12,10,,1852,11,27,,c. 1815,Ada Lovelace,First programmer,,,,https://t/ada.png,,,"
                    "#ffeecc,Wikipedia\n"
                    "1906,12,9,,,,,,,Grace Hopper,Compilers,,,,,,,,Navy records\n", encoding="utf-8")
    ds = viewer.load(path)
    expected = {"Display Date": ["c. 1815", ""], "Media Thumbnail": ["https://t/ada.png", ""],
                "Background": ["#ffeecc", ""], "Source Note": ["Wikipedia", "Navy records"]}
    assert _values(ds) == expected
    assert _values(_converted(ds, tmp_path)) == expected


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_date_among_the_column_names_keeps_the_header(tmp_path: Path, suffix: str) -> None:
    """``Date, Title, 2020-01-01, Note`` (a pivot's date naming a column): the header was taken for a row of data, its
    names lost and the row an event; a workbook whose header cell held a date was refused as having no date column."""
    path = tmp_path / f"pivot{suffix}"
    rows = [["Date", "Title", "2020-01-01", "Note"], ["2019-03-04", "a", "1", "x"], ["2019-05-06", "b", "2", "y"]]
    if suffix == ".csv":
        path.write_text("\n".join(",".join(row) for row in rows) + "\n", encoding="utf-8")
    else:
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Date", "Title", datetime.datetime(2020, 1, 1), "Note"])
        for date, title, value, note in rows[1:]:
            sheet.append([datetime.datetime.fromisoformat(date), title, int(value), note])
        book.save(path)
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["a", "b"]
    named = [c for c in ds.events.columns if c.startswith("attr:2020-01-01")]
    assert len(named) == 1 and ds.events[named[0]].tolist() == [1, 2]
