"""JSON whose columns are lists of one length, as R's jsonlite writes a data frame by columns and SEC EDGAR's
submissions API keeps a company's filings (``filings.recent``): refused before, or read as its two former names."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.io.json_cells import cell_text, column_text

SUBMISSIONS = {
    "cik": "320193", "name": "Apple Inc.", "tickers": ["AAPL"], "exchanges": ["Nasdaq"],
    "formerNames": [
        {"name": "APPLE COMPUTER INC", "from": "1994-01-26T00:00:00.000Z", "to": "2007-01-04T00:00:00.000Z"},
        {"name": "APPLE INC", "from": "2007-01-04T00:00:00.000Z", "to": "2019-08-05T00:00:00.000Z"}],
    "filings": {"recent": {"accessionNumber": ["0000320193-24-000069", "0000320193-24-000006", "0001140361-24-0219"],
                           "filingDate": ["2024-05-03", "2024-02-02", "2024-04-03"],
                           "form": ["10-Q", "10-Q", "4"],
                           "primaryDocDescription": ["10-Q", "10-Q", "FORM 4"]},
                "files": []},
}


def test_a_companys_filings_are_read_from_their_columns(tmp_path: Path) -> None:
    path = tmp_path / "CIK0000320193.json"
    path.write_text(json.dumps(SUBMISSIONS), encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 3
    assert [str(d.date()) for d in ds.events["start"]] == ["2024-02-02", "2024-04-03", "2024-05-03"]
    assert list(ds.events["title"]) == ["10-Q", "FORM 4", "10-Q"]


def test_a_data_frame_written_by_columns_is_read_as_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "events.json"
    path.write_text(json.dumps({"date": ["2019-03-04", "2019-03-05"], "title": ["Signed", "Announced"],
                                "value": [1.5, 2]}), encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Signed", "Announced"]
    assert ds.events["start"].iloc[1] == pd.Timestamp("2019-03-05", tz="UTC")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.text(max_size=5),
                          st.lists(st.one_of(st.integers(), st.text(max_size=3)), max_size=3),
                          st.dictionaries(st.text(max_size=3), st.one_of(st.none(), st.integers()), max_size=2)),
                max_size=30))
def test_a_column_reads_as_each_of_its_cells_would(values: list[object]) -> None:
    """Records' columns of text, whole numbers and booleans skip the call per cell (300,000 records: 1.4 s)."""
    assert column_text(values) == [cell_text(value) for value in values]
