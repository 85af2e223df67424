"""A date column's cell of a paragraph or of megabytes (a log's message slipped into the date column, a NUL-padded
dump) is said unreadable without being tried in every other spelling of a date: a 5 MB cell took a second of regexes
(0.4 s a megabyte), and a gigabyte minutes. What a short cell reads as is unchanged."""

import pandas as pd

from viewer.model.dates import columns, respell


def test_a_long_cell_is_not_respelt_and_is_said_unreadable(monkeypatch) -> None:
    asked: list[int] = []
    original = respell.read_each_once

    def watched(values: pd.Series, reparse):
        asked.extend(len(str(v)) for v in values)
        return original(values, reparse)

    monkeypatch.setattr(respell, "read_each_once", watched)
    long = "13 May 2020 " + "note " * 100_000
    parsed = columns.parse_column(pd.Series(["2019-01-01", long, "le 13 mai 2020"]))
    assert parsed.invalid.tolist() == [False, True, True]
    assert asked and max(asked) <= columns.LONGEST_RESPELT  # the short French date was tried, the long cell never


def test_short_cells_in_other_spellings_still_read() -> None:
    parsed = columns.parse_column(pd.Series(["Wed, 13 May 2020 13:39:53 +0000", "-0473-03-15", "2019-01-01"]))
    assert [str(t)[:10] for t in parsed.instants] == ["2020-05-13", "-473-03-15", "2019-01-01"]
