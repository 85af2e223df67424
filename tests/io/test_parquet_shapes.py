"""Parquet and Arrow IPC columns pandas hands over in forms no reader of Entente's expects: records, maps and
lists of records (pandas: dicts and arrays), and times before the year 1 or after 9999 (pandas can neither write
them as text nor hand a date beyond 9999 over at all). Each opened without a crash; the events are where the file
puts them, and what cannot be placed is said by its row."""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import feather

import viewer
from viewer.io import parquet, table
from viewer.io.parquet import CATEGORIES_UP_TO as CATEGORIES
from viewer.model import attributes
from viewer.model.problems import LoadError, Problem

RECORD = pa.struct([("name", pa.string()), ("role", pa.string())])


def _years(ds: viewer.Dataset) -> list[int]:
    return [int(y) for y in ds.events["start"].dt.year]


def test_records_maps_and_lists_of_records_are_their_json(tmp_path: Path) -> None:
    path = tmp_path / "deals.parquet"
    pq.write_table(pa.table({
        "date": ["2019-03-12", "2020-01-02"],
        "title": ["Board", "Deal"],
        "terms": pa.array([[("price", 10)], None], pa.map_(pa.string(), pa.int64())),
        "parties": pa.array([[{"name": "acme", "role": "buyer"}], []], pa.list_(RECORD)),
        "lines": pa.array([[{"item": "bolts", "qty": "4"}], []], pa.list_(pa.struct([("item", pa.string()),
                                                                                   ("qty", pa.string())]))),
        "grid": pa.array([[[1, 2], [3]], None], pa.list_(pa.list_(pa.int64()))),
    }), path)
    ds = viewer.load(path)
    attributes = {a.name: a.column for a in ds.attributes}
    assert ds.events[attributes["terms"]].tolist()[0] == '{"price": 10}'
    assert ds.events["actors"].tolist() == ["acme", ""]  # parties named, as in a JSON file
    assert json.loads(ds.events[attributes["lines"]].tolist()[0]) == [{"item": "bolts", "qty": "4"}]
    assert ds.events[attributes["grid"]].tolist()[0] == "[[1, 2], [3]]"
    assert not ds.problems


def test_a_column_of_records_as_the_start_names_each_row(tmp_path: Path) -> None:
    path = tmp_path / "odd.parquet"
    pq.write_table(pa.table({"start": pa.array([{"y": 2019}, None, {"y": 2020}]), "title": ["a", "b", "c"],
                             "when": ["2019", "2020", "2021"]}), path)
    with pytest.raises(LoadError, match=r"""no row has a date .* in the column 'start' \(such as '\{"y": 2019\}'\)"""):
        viewer.load(path, start="start")  # (it opened as an empty window beside a problem a row)
    said = [str(p) for p in table.trial(path, start="start")]
    assert any("row 1" in s and "expected a date" in s and '{"y": 2019}' in s for s in said), said
    assert any("row 3" in s and '{"y": 2020}' in s for s in said), said


def test_a_record_holding_a_date_and_an_amount_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "signed.parquet"
    kind = pa.struct([("on", pa.date32()), ("amount", pa.decimal128(10, 2))])
    pq.write_table(pa.table({"date": ["2019-03-12"], "title": ["Signed"],
                             "deal": pa.array([{"on": 17967, "amount": Decimal("12.5")}], kind)}), path)
    ds = viewer.load(path)
    column = next(a.column for a in ds.attributes if a.name == "deal")
    assert json.loads(ds.events[column].iloc[0]) == {"on": "2019-03-12", "amount": "12.50"}


@pytest.mark.parametrize("write", [pq.write_table, feather.write_feather], ids=["parquet", "feather"])
def test_times_beyond_the_years_one_to_9999_are_placed(tmp_path: Path, write: object) -> None:
    path = tmp_path / "far.data"
    microseconds = pa.array([-10**17, 0, 10**17, None], pa.timestamp("us", tz="Asia/Tokyo"))
    made = pa.array([-10**17, None, 1, 2], pa.timestamp("us"))
    write(pa.table({"when": microseconds, "title": ["Bronze age", "Epoch", "Far", "None"], "made": made}),  # type: ignore[operator]
          path)
    ds = viewer.load(path, start="when")
    assert _years(ds) == [-1199, 1970, 5138]
    assert [str(p) for p in ds.problems if "row" in str(p) or "start" in str(p)] == [
        f"{path}, field 'when': 1 row has no start date (first: row 4); skipped"]
    made_column = next(a.column for a in ds.attributes if a.name == "made")
    assert int(ds.events[made_column].dt.year.iloc[0]) == -1199
    assert "-1199" in ds.format_time(ds.events["start"].iloc[0]) or "1200" in ds.format_time(ds.events["start"].iloc[0])


def test_a_date_after_9999_is_read_and_one_past_the_calendar_named(tmp_path: Path) -> None:
    path = tmp_path / "beyond.parquet"
    pq.write_table(pa.table({"date": pa.array([0, 7_000_000], pa.date32()), "title": ["Epoch", "Far"],
                             "logged": pa.array([0, 10**18], pa.timestamp("ms"))}), path)
    ds = viewer.load(path, start="date")
    assert _years(ds) == [1970, 21135]
    huge = viewer.load(path, start="logged")
    assert _years(huge) == [1970]
    assert any("row 2" in str(p) and "31690708" in str(p) for p in huge.problems), huge.problems


def test_int96_times_as_spark_wrote_them_keep_their_years(tmp_path: Path) -> None:
    """Spark, Hive and Impala wrote times as INT96; read as nanoseconds, 1500 came back as 2084 without a word."""
    path = tmp_path / "spark.parquet"
    when = pa.array([datetime(1500, 5, 1), datetime(2019, 3, 4, 12), datetime(9999, 1, 1)], pa.timestamp("us"))
    pq.write_table(pa.table({"when": when, "title": ["Old", "New", "Far"]}), path,
                   use_deprecated_int96_timestamps=True)
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Old", "New", "Far"]
    assert _years(ds) == [1500, 2019, 9999] and not ds.problems
    assert ds.events["start"].iloc[1] == pd.Timestamp("2019-03-04 12:00", tz="UTC")
    assert str(table.preview(path, rows=2).rows["when"].iloc[0]).startswith("1500-05-01")


def test_a_record_holding_a_time_pandas_cannot_write_is_left_empty_and_said(tmp_path: Path) -> None:
    kind = pa.struct([("at", pa.timestamp("us"))])
    problems: list[viewer.Problem] = []
    table = pa.table({"x": pa.array([{"at": -10**17}], kind)})
    out = parquet.nested_as_text(table, "t.parquet", problems)
    assert out.column("x").to_pylist() == [None]
    assert "no text form" in str(problems[0]) and "'x'" in str(problems[0])


def test_times_within_the_years_keep_their_type(tmp_path: Path) -> None:
    table = pa.table({"when": pa.array([0, 10**9], pa.timestamp("s", tz="UTC"))})
    assert parquet.far_times_as_text(table).schema == table.schema


@pytest.mark.parametrize("write", [pq.write_table, feather.write_feather], ids=["parquet", "feather"])
def test_a_part_file_without_a_suffix_is_read_by_what_it_holds(tmp_path: Path, write: object) -> None:
    path = tmp_path / "part-00000-5c1d"  # as Spark and Hive write a table's parts
    write(pa.table({"date": ["2019-03-12", "2020-01-02"], "title": ["Board", "Deal"]}), path)  # type: ignore[operator]
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Board", "Deal"] and not ds.problems


@pytest.mark.parametrize("write", [pq.write_table, feather.write_feather], ids=["parquet", "feather"])
def test_columns_that_share_a_name_are_each_read_and_the_renaming_said(tmp_path: Path, write: object) -> None:
    """A join written as it came (two ``title``): Arrow's Parquet reader refused the file and a preview crashed on
    it; each column is read, the later one renamed by its place as a text's header row is."""
    path = tmp_path / "joined.data"
    columns = [pa.array(["2020-01-01", "2020-02-01"]), pa.array(["Signed", "Closed"]), pa.array(["x", "y"])]
    write(pa.Table.from_arrays(columns, names=["date", "title", "title"]), path)  # type: ignore[operator]
    preview = table.preview(path)
    assert list(preview.rows.columns) == ["date", "title", "title_3"]
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Signed", "Closed"]
    assert list(ds.events[next(a.column for a in ds.attributes if a.name == "title_3")]) == ["x", "y"]
    assert [str(p) for p in ds.problems] == [f"{path}: columns share a name; read 'title' as 'title_3'"]


@pytest.mark.parametrize("write", [pq.write_table, feather.write_feather], ids=["parquet", "feather"])
def test_a_column_of_dates_is_handed_over_as_times_and_read_at_the_day(tmp_path: Path, write: object) -> None:
    """A DATE column (DuckDB, Spark, R): pandas handed over a Python date per cell, which were written out as text
    and parsed again (2 s a million rows). They come over as times at midnight UTC and read as days, as
    ``2019-03-04`` does; a column of dates beside them stays a date attribute shown as a day."""
    path = tmp_path / ("dated.parquet" if write is pq.write_table else "dated.feather")
    days = [date(2019, 3, 4), date(2020, 1, 2), None]
    write(pa.table({"start": pa.array(days, pa.date32()),  # type: ignore[operator]
                    "end": pa.array([date(2019, 3, 8), None, None], pa.date64()),
                    "title": ["Signed", "Closed", "Undated"],
                    "signed": pa.array([date(1850, 3, 4), None, None], pa.date32())}), path)
    frame = parquet.as_pandas(pq.read_table(path) if write is pq.write_table else feather.read_table(path),
                              str(path), [])
    assert str(frame["start"].dtype) == "datetime64[us, UTC]" and str(frame["end"].dtype) == "datetime64[us, UTC]"
    ds = viewer.load(path)
    assert [str(t) for t in ds.events["start"]] == ["2019-03-04 00:00:00+00:00", "2020-01-02 00:00:00+00:00"]
    assert list(ds.events["precision"]) == ["day", "day"] and list(ds.events["end_precision"])[:1] == ["day"]
    assert attributes.items(ds.events, 0) == [("signed", "1850-03-04")]
    assert [str(p) for p in ds.problems] == [f"{path}, field 'start': 1 row has no start date (first: row 3); "
                                             "skipped"]


def test_dictionary_columns_are_read_as_their_values(tmp_path: Path) -> None:
    """pandas writes its categoricals as dictionary columns: text of few values stays a category; many distinct
    texts (every title), numbers and times are read as plain values (a million titles had become a million
    categories), and a column whose chunks each have their own dictionary is read whole."""
    many = [f"Event {i}" for i in range(CATEGORIES + 1)]
    rows = len(many)
    stamps = pa.array([1_546_300_800 + 86_400 * (i % 30) for i in range(rows)], pa.timestamp("s", tz="UTC"))
    table = pa.table({"start": stamps.dictionary_encode(), "title": pa.array(many).dictionary_encode(),
                      "desk": pa.array(["deal", "board"] * (rows // 2) + ["deal"] * (rows % 2)).dictionary_encode(),
                      "size": pa.array([i % 3 for i in range(rows)]).dictionary_encode()})
    halves = pa.concat_tables([table.slice(0, 100), table.slice(100)])  # (two row groups: two dictionaries)
    path = tmp_path / "categoricals.parquet"
    pq.write_table(halves, path, row_group_size=100)
    frame = parquet.as_pandas(pq.read_table(path), str(path), [])
    assert str(frame["desk"].dtype) == "category" and str(frame["title"].dtype) != "category"
    assert str(frame["size"].dtype) == "int64" and str(frame["start"].dtype).startswith("datetime64")
    ds = viewer.load(path)
    assert len(ds.events) == rows and set(ds.events["title"]) == set(many) and not ds.problems
    assert str(ds.events["start"].min()) == "2019-01-01 00:00:00+00:00"
    assert {a.name: a.type for a in ds.attributes} == {"desk": "category", "size": "number"}


@pytest.mark.parametrize("when", [
    [2019.55, 1850.0, -473.25, None, 2022.05],  # decimal years: the years clock
    [1_589_377_193, 1_589_377_200, 1_600_000_000, 1_546_300_800, 1_700_000_000],  # Unix times
    [2019.0, 1850.0, 2020.0, None, 1999.0],  # years written as floats (pandas, with a blank among them)
    [20190304, 20200101, 19991231, 20210615, 20220202],  # YYYYMMDD integers
])
def test_a_column_of_numbers_reads_as_the_same_numbers_written_in_a_csv(tmp_path: Path, when: list[float | None]
                                                                      ) -> None:
    """Numbers as a Parquet file types them are read as a CSV's text of them is (their text written once in Arrow,
    where each step of the date reader wrote a million numbers out again: decimal years took 10 s to open)."""
    titles = [f"Event {i}" for i in range(len(when))]
    pq.write_table(pa.table({"when": pa.array(when), "title": titles}), tmp_path / "typed.parquet")
    written = ["" if v is None else str(int(v)) if all(float(w) % 1 == 0 for w in when if w is not None) else str(v)
               for v in when]
    rows = "".join(f"{w},{t}\n" for w, t in zip(written, titles, strict=True))
    (tmp_path / "typed.csv").write_text("when,title\n" + rows)
    typed, text = viewer.load(tmp_path / "typed.parquet"), viewer.load(tmp_path / "typed.csv")
    assert typed.meta.clock == text.meta.clock
    for column in ("start", "precision", "title"):
        assert typed.events[column].astype(str).tolist() == text.events[column].astype(str).tolist()
    lines = re.compile(r"row \d+")  # (a CSV's rows are counted from its header line)
    assert [lines.sub("row", p.message) for p in typed.problems] == [lines.sub("row", p.message) for p in text.problems]


class _NoPandasForm(pa.ExtensionType):  # type: ignore[misc]
    """An extension type pandas has no form for (Arrow adds types; a program registers its own)."""

    def __init__(self) -> None:
        super().__init__(pa.int64(), "entente.test.no_pandas_form")

    def __arrow_ext_serialize__(self) -> bytes:
        return b""

    @classmethod
    def __arrow_ext_deserialize__(cls, storage_type: pa.DataType, serialized: bytes) -> _NoPandasForm:
        return cls()

    def to_pandas_dtype(self) -> object:
        raise TypeError("no pandas form")


@pytest.mark.parametrize("write", [pq.write_table, feather.write_feather], ids=["parquet", "feather"])
def test_columns_of_types_pandas_refuses_open_with_the_rest(tmp_path: Path, write: object) -> None:
    """Times in a zone this machine does not know, Arrow's tensors and a date64 that is no whole day each raised out
    of the reader ("The zoneinfo module or pytz package must be installed", "unhashable type"); they open, said."""
    path = tmp_path / ("odd.parquet" if write is pq.write_table else "odd.feather")
    when = pa.array([1_551_693_600, 1_552_348_800], pa.timestamp("s", tz="Mars/Olympus"))
    tensors = pa.FixedShapeTensorArray.from_numpy_ndarray(np.arange(8, dtype=np.float64).reshape(2, 2, 2))
    write(pa.table({"start": when, "title": ["Landing", "Survey"], "grid": tensors,  # type: ignore[operator]
                    "logged": pa.array([86_400_000 * 17_000 + 5, None], pa.date64())}), path)
    ds = viewer.load(path)
    assert [str(t) for t in ds.events["start"]] == ["2019-03-04 10:00:00+00:00", "2019-03-12 00:00:00+00:00"]
    assert list(ds.events[next(a.column for a in ds.attributes if a.name == "grid")]) == ["0;1;2;3", "4;5;6;7"]
    assert [p.message for p in ds.problems] == ["the column 'start' names a time zone this machine does not know "
                                                "('Mars/Olympus'); its times are read in UTC, as the file holds them"]


def test_a_column_pandas_has_no_form_for_is_read_as_its_text_and_said() -> None:
    odd = pa.ExtensionArray.from_storage(_NoPandasForm(), pa.array([1, 2]))
    problems: list[Problem] = []
    frame = parquet.as_pandas(pa.table({"date": ["2019-01-01", "2019-02-01"], "odd": odd}), "x.parquet", problems)
    assert list(frame["odd"]) == ["1", "2"] and list(frame["date"]) == ["2019-01-01", "2019-02-01"]
    assert [p.message for p in problems] == ["the column 'odd' is of a type pandas cannot hold (extension<entente."
                                             "test.no_pandas_form<_NoPandasForm>>): read as its text"]
