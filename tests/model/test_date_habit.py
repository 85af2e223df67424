"""A column whose day and month could be either way round (05/03/2019, 11/12/2019) is read as this computer's
locale writes dates: day-first in Britain, France or Brazil, month-first in the United States and where no
territory is set (a server, CI), and said either way."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import cache
from viewer.model.dates import habit
from viewer.model.dates.columns import parse_column

AMBIGUOUS = pd.Series(["05/03/2019", "11/12/2019"], dtype="str")


@pytest.mark.parametrize(("locale", "first"), [("en_GB.UTF-8", True), ("fr_FR", True), ("pt_BR.utf8", True),
                                               ("en_IN.UTF-8", True), ("en_US.UTF-8", False), ("es_US", False),
                                               ("en_PH.UTF-8", False), ("en_CA.UTF-8", False), ("ja_JP.UTF-8", False),
                                               ("zh_CN.UTF-8", False), ("C.UTF-8", False), ("POSIX", False),
                                               ("", False)])
def test_the_territory_decides(locale: str, first: bool) -> None:
    assert habit.day_first({"LANG": locale}) is first


def test_lc_all_then_lc_time_then_lang() -> None:
    assert habit.locale_name({"LANG": "en_US.UTF-8", "LC_TIME": "en_GB.UTF-8"}) == "en_GB.UTF-8"
    assert habit.locale_name({"LANG": "en_GB.UTF-8", "LC_TIME": "en_GB.UTF-8", "LC_ALL": "en_US.UTF-8"}) == (
        "en_US.UTF-8")
    assert habit.locale_name({"LANG": "de_DE.UTF-8", "LC_TIME": ""}) == "de_DE.UTF-8"


def test_an_ambiguous_column_reads_as_the_locale_writes_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    british = parse_column(AMBIGUOUS)
    assert [str(t)[:10] for t in british.instants] == ["2019-03-05", "2019-12-11"]
    assert any("day-first, as this computer's locale (en_GB.UTF-8)" in text for _, text in british.notes)
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    american = parse_column(AMBIGUOUS)
    assert [str(t)[:10] for t in american.instants] == ["2019-05-03", "2019-11-12"]
    assert any("assumed month-first" in text for _, text in american.notes)


def test_values_that_show_the_order_win_over_the_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    shown = parse_column(pd.Series(["05/03/2019", "12/25/2019"], dtype="str"))
    assert [str(t)[:10] for t in shown.instants] == ["2019-05-03", "2019-12-25"]


def test_the_cache_keeps_a_parse_per_habit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.csv"
    path.write_text("when,what\n05/03/2019,a\n", encoding="utf-8")
    monkeypatch.setenv("LC_TIME", "en_GB.UTF-8")
    british = cache.fingerprint(path, {})
    monkeypatch.setenv("LC_TIME", "en_US.UTF-8")
    assert cache.fingerprint(path, {}) != british
