"""Tables written in other languages: headers named in Russian, Polish, German … (Дата, Событие, Участник) map to
their fields, and with no column named as a title the column of text that varies most is the title; a column named
"data" is never taken for dates before a date column. Before, a Russian chronology was refused as having no date
column, and a table naming no title titled its events "row1", "row2"."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer


def test_a_russian_table_is_read_by_its_headers(tmp_path: Path) -> None:
    path = tmp_path / "события.csv"
    path.write_text("Дата,Событие,Участник\n19 ноября 2018 г.,Арест Карлоса Гона,Nissan\n"
                    "22 ноября 2018 г.,Совет директоров,Nissan\nянварь–март 2019,Переговоры,Renault\n",
                    encoding="utf-8")
    events = viewer.load(path).events
    assert events["title"].tolist() == ["Арест Карлоса Гона", "Совет директоров", "Переговоры"]
    assert events["actors"].tolist() == ["Nissan", "Nissan", "Renault"]
    assert events["end"].iloc[2] == pd.Timestamp("2019-03-01", tz="UTC")


def test_with_no_column_named_as_a_title_the_most_varied_text_is_the_title(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("Когда,Где,Что,Код\n2019-01-01,Париж,Первое заседание,A1\n2019-02-01,Париж,Второе заседание,A2\n"
                    "2019-03-01,Токио,Пресс-конференция,A3\n", encoding="utf-8")
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Первое заседание", "Второе заседание", "Пресс-конференция"]
    said = [p for p in ds.problems if p.field == "Что"]
    assert said and said[0].level == "info" and "varies most" in said[0].message
    # the place it passed over is kept, as an attribute
    assert "Париж" in ds.events.filter(like="Где").iloc[:, 0].tolist()


def test_a_column_named_data_is_not_taken_for_dates_before_a_date_column(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text("data,published_date,title\n{\"a\": 1},2019-01-01,one\n{\"a\": 2},2019-02-01,two\n",
                    encoding="utf-8")
    events = viewer.load(path).events
    assert events["start"].tolist() == [pd.Timestamp("2019-01-01", tz="UTC"), pd.Timestamp("2019-02-01", tz="UTC")]
