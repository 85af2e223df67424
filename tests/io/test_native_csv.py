"""A native table's CSV is read by Arrow when it can be, by pandas otherwise: the frames are the same."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import native, table_fast
from viewer.model.problems import LoadError

CASES = {
    "plain": b"id,start,title\nE1,2020-01-01,a\nE2,2020-02-01,\n",
    "bom": b"\xef\xbb\xbfid,start,title\nE1,2020-01-01,a\n",
    "crlf": b"id,start,title\r\nE1,2020-01-01,a\r\nE2,2020-02-01,b\r\n",
    "cr only": b"id,start,title\rE1,2020-01-01,a\rE2,2020-02-01,b\r",
    "quoted newline": b'id,start,title\nE1,2020-01-01,"two\nlines, ""quoted"""\nE2,2020-02-01,b\n',
    "blank lines": b"id,start,title\n\nE1,2020-01-01,a\n\n\nE2,2020-02-01,b\n",
    "spaces kept": b"id,start, my attr \nE1 ,2020-01-01,  5 \n",
    "short row": b"id,start,title\nE1,2020-01-01\nE2,2020-02-01,b\n",
    "header only": b"id,start,title\n",
    "numbers stay text": b"id,start,n\n007,2020,1e3\n",
    "a lone quote mid-field": b'id,start,size\nE1,2020,5"\nE2,2021,6\n',
    "one row longer than the header": b"id,start,title\nE1,2020,a,extra\n",  # pandas takes the first as index
    "repeated name": b"id,start,id\nE1,2020,x\n",
    "unicode": "id,start,title\nE1,2020,Zé 中 \u00a0\n".encode(),
}
FAILURES = {
    "long row": (b"id,start,title\nE0,2019,a\nE1,2020,a,extra\n", "not a readable CSV table"),
    "not utf-8": (b"id,start,title\nE1,2020,Renault\xe9\n", "not UTF-8 text"),
    "open quote": (b'id,start,title\nE1,2020,"open\n', "not a readable CSV table"),
}


def _pandas(file: Path) -> pd.DataFrame:
    try:
        return pd.read_csv(file, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return pd.DataFrame()


@pytest.mark.parametrize("name", list(CASES))
def test_arrow_reads_what_pandas_reads(tmp_path: Path, name: str) -> None:
    file = tmp_path / "events.csv"
    file.write_bytes(CASES[name])
    pd.testing.assert_frame_equal(native.read_csv_strings(file), _pandas(file))


def test_arrow_reads_the_plain_file_and_leaves_the_odd_ones(tmp_path: Path) -> None:
    file = tmp_path / "events.csv"
    file.write_bytes(CASES["plain"])
    assert table_fast.read_csv_with_header(file) is not None
    for name in ("repeated name", "short row"):
        file.write_bytes(CASES[name])
        assert table_fast.read_csv_with_header(file) is None


@pytest.mark.parametrize("name", list(FAILURES))
def test_what_neither_reads_is_said_with_the_file(tmp_path: Path, name: str) -> None:
    data, said = FAILURES[name]
    file = tmp_path / "events.csv"
    file.write_bytes(data)
    with pytest.raises(LoadError, match=said) as caught:
        native.read_csv_strings(file)
    assert str(file) in str(caught.value)


def test_an_empty_file_is_an_empty_table(tmp_path: Path) -> None:
    file = tmp_path / "events.csv"
    file.write_bytes(b"")
    assert native.read_csv_strings(file).empty
