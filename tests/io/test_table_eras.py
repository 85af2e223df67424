"""Buddhist-era years written in numbers: a Thai table's are read as Gregorian years (2562-01-05 is 5 January
2019; the 29th of February of 2563 is 2020's), others are read as written and said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import table_eras
from viewer.model.dataset import Dataset


def _open(tmp_path: Path, text: str, **options: object) -> Dataset:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return viewer.load(path, **options)


def _days(dataset: Dataset, column: str = "start") -> list[str]:
    return [t.strftime("%Y-%m-%d") if pd.notna(t) else "" for t in dataset.events[column]]


def _said(dataset: Dataset, words: str) -> list[str]:
    return [p.message for p in dataset.problems if words in p.message]


def test_a_thai_tables_buddhist_years_are_read_as_gregorian_ones(tmp_path: Path) -> None:
    ds = _open(tmp_path, "date,end,title\n2562-01-05,2562-03-01,ประชุมคณะกรรมการ\n2563-02-29,,วันอธิกสุรทิน\n"
                         "2564-12-31T10:30:00+07:00,,ปิดปีงบประมาณ\n")
    assert _days(ds) == ["2019-01-05", "2020-02-29", "2021-12-31"]
    assert _days(ds, "end") == ["2019-03-01", "", ""]
    assert ds.events["start"].iloc[2] == pd.Timestamp("2021-12-31T03:30:00Z")  # its time and offset kept
    assert _said(ds, "Buddhist era") == ["the years of 'date' (2562–2564) read as Thailand's Buddhist era, the table "
                                         "being in Thai: 2562 is 2019"]


def test_a_thai_tables_ambiguous_days_read_day_first_unless_told(tmp_path: Path) -> None:
    text = "วันที่,เรื่อง\n05/03/2564,เปิดโรงงาน\n01/02/2565,ประชุม\n"
    assert _days(_open(tmp_path, text)) == ["2021-03-05", "2022-02-01"]
    assert _days(_open(tmp_path, text, date_order="mdy")) == ["2021-05-03", "2022-01-02"]


@pytest.mark.parametrize("text", ["date,title\n2562-01-05,Board meeting\n2563-06-01,Plant opens\n",
                                  "date,title\n2450-01-05,Colony founded\n2501-06-01,The long war\n"])
def test_the_same_years_without_thai_text_are_read_as_written_and_said(tmp_path: Path, text: str) -> None:
    ds = _open(tmp_path, text)
    assert _days(ds)[0][:4] in ("2562", "2450")
    said = _said(ds, "Buddhist-era years")
    assert len(said) == 1 and "read as written" in said[0]


@pytest.mark.parametrize("text", ["date,title\n2019-01-05,ประชุม\n2562-06-01,สัมมนา\n",  # not every year
                                  "date,title\n2019-01-05,ประชุม\n",  # Gregorian years in a Thai table
                                  "date,title\n2701-01-05,ประชุม\n"])  # past the era's range
def test_other_years_are_read_as_written_and_nothing_is_said(tmp_path: Path, text: str) -> None:
    ds = _open(tmp_path, text)
    assert _days(ds)[0][:4] in ("2019", "2701")
    assert not _said(ds, "Buddhist")


def test_only_whole_years_of_the_era_are_rewritten() -> None:
    cells = pd.Series(["2562-01-05", "05.01.2562 14:00", "25620105", "ปี 2562", None, "1999"])
    assert table_eras.gregorian(cells).tolist() == ["2019-01-05", "05.01.2019 14:00", "25620105", "ปี 2019", None,
                                                    "1999"]
