"""Gephi's Data Laboratory exports an edge table's dynamic time as one column, ``Interval``
(``<[2002-03-01, 2023-11-08]>``, several intervals as ``<[a, b]; [c, d]>``, an open end as ``Infinity``), or as a
``Timestamp`` set. Such tables were refused as having "no date column"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer
from viewer.io.spec_suggest import suggest_spec
from viewer.model.dataset import Dataset

EDGES = ('Source,Target,Type,Id,Label,Interval,Weight\n'
         'Renault,Nissan,Directed,0,stake,"<[2002-03-01, 2023-11-08]>",43.4\n'
         'Nissan,Mitsubishi,Directed,2,stake,"<[2016-10-20, Infinity]>",34.0\n'
         'Renault,Daimler,Undirected,3,partner,"<[2010-04-07, 2015-01-01]; [2017-01-01, 2021-02-05]>",3.1\n')


def _open(tmp_path: Path, text: str) -> Dataset:
    path = tmp_path / "edges.csv"
    path.write_text(text, encoding="utf-8")
    return viewer.load(path, mapping=suggest_spec(path))


def test_an_interval_column_gives_each_tie_its_dates_and_each_interval_its_row(tmp_path: Path) -> None:
    ds = _open(tmp_path, EDGES)
    ties = ds.relations.sort_values(["source", "valid_from"])
    assert list(zip(ties["source"], ties["target"], strict=True)) == [("nissan", "mitsubishi"), ("renault", "nissan"),
                                                         ("renault", "daimler"), ("renault", "daimler")]
    assert [str(d.date()) for d in ties["valid_from"]] == ["2016-10-20", "2002-03-01", "2010-04-07", "2017-01-01"]
    assert pd.isna(ties["valid_to"].iloc[0])  # Infinity: still holds
    assert str(ties["valid_to"].iloc[1].date()) == "2023-11-08"
    assert sorted(ds.events["id"]) == ["0", "2", "3", "3#2"]  # the second interval's row, not a "duplicate id"
    said = [p.message for p in ds.problems]
    assert any("read the column 'Interval' as when each row holds" in m and "1 row holds in several" in m
               for m in said)
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_timestamp_set_is_read_from_its_first_to_its_last_and_numbers_as_years(tmp_path: Path) -> None:
    text = 'Source,Target,Id,Timestamp\n1,2,0,"<[2001.0, 2004.0, 2007.0]>"\n2,3,1,"<[2003.0]>"\n'
    ds = _open(tmp_path, text)
    starts = ds.events.sort_values("id")
    assert [d.year for d in starts["start"]] == [2001, 2003]
    assert starts["end"].iloc[0].year == 2007 and pd.isna(starts["end"].iloc[1])


def test_a_table_with_its_own_start_keeps_it_and_a_stray_bracket_is_no_interval(tmp_path: Path) -> None:
    own = _open(tmp_path, 'Source,Target,start,Interval\nA,B,2020-01-01,"<[2002-03-01, 2023-11-08]>"\n')
    assert [d.year for d in own.events["start"]] == [2020]
    note = 'date,title,note\n2020-01-01,Filed,"<[see annex]>"\n2020-02-01,Heard,plain text\n'
    assert list(_open(tmp_path, note).events["title"]) == ["Filed", "Heard"]
