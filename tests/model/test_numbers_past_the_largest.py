"""A number written past the largest a double holds (``1e309``) is read as infinity, which sorts, sums and draws as no
number does: it was kept without a word; each column holding one is now said once, at its first row."""

from __future__ import annotations

from pathlib import Path

import viewer


def test_an_attribute_past_the_largest_number_is_said(tmp_path: Path) -> None:
    path = tmp_path / "payments.csv"
    path.write_text("date,title,amount\n2020-01-01,a,5\n2020-01-02,b,1e309\n2020-01-03,c,-1e400\n", encoding="utf-8")
    ds = viewer.load(path)
    said = [(p.row, p.field, p.level, p.message) for p in ds.problems if "largest number" in p.message]
    assert said == [(3, "amount", "warning", "2 values past the largest number (±1.8e308, as 1e309 is) read as "
                                             "infinity")]


def test_finite_numbers_say_nothing(tmp_path: Path) -> None:
    path = tmp_path / "payments.csv"
    path.write_text("date,title,amount\n2020-01-01,a,1e308\n2020-01-02,b,-5\n", encoding="utf-8")
    assert not [p for p in viewer.load(path).problems if "largest number" in p.message]
