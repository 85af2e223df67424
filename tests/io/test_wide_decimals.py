"""Decimals wider than a float holds, as Spark, DuckDB and databases write money (``decimal128(22,2)``): each digit
is kept, from Parquet, ORC and Arrow IPC files and from a CSV, through Details' text and ``entente convert``'s
dataset read back. 12345678901234567890.12 was read as 1.2345678901234567e+19 without a word; a decimal of up to
15 digits, which a float holds, is still a number, and so is a float's own noise (``0.30000000000000004``)."""

from __future__ import annotations

import decimal
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from pyarrow import feather, orc

import viewer
from viewer import cli
from viewer.model import attributes

WIDE = "12345678901234567890.12"
WIDER = "-123456789012345678901234567890.1234567890"  # (decimal256: past decimal128's 38 digits)


def money() -> pa.Table:
    """A ledger's two rows: an amount of 22 digits and one of 3, as ``decimal128(22,2)``, and narrower decimals."""
    return pa.table({"date": ["2020-01-01", "2020-02-01"], "title": ["a", "b"],
                     "amount": pa.array([decimal.Decimal(WIDE), decimal.Decimal("1.10")], pa.decimal128(22, 2)),
                     "price": pa.array([decimal.Decimal("12.34"), decimal.Decimal("1.10")], pa.decimal128(10, 2)),
                     "total": pa.array([decimal.Decimal("12.34"), None], pa.decimal128(38, 2))})


def _written(tmp_path: Path, kind: str, table: pa.Table) -> Path:
    path = tmp_path / f"money.{kind}"
    if kind == "parquet":
        pq.write_table(table, path)
    elif kind == "orc":
        orc.write_table(table, str(path))
    elif kind == "feather":
        feather.write_feather(table, path)
    else:  # an Arrow IPC stream
        with pa.OSFile(str(path), "wb") as sink, pa.ipc.new_stream(sink, table.schema) as stream:
            stream.write_table(table)
    return path


@pytest.mark.parametrize("kind", ["parquet", "orc", "feather", "arrows"])
def test_a_wide_decimal_keeps_every_digit(tmp_path: Path, kind: str) -> None:
    ds = viewer.load(_written(tmp_path, kind, money()))
    assert ds.events["attr:amount"].tolist() == [WIDE, "1.10"]
    assert ("amount", WIDE) in attributes.items(ds.events, 0)  # (what Details shows)
    assert ds.events["attr:price"].tolist() == [12.34, 1.1]  # (up to 15 digits: a number, as before)
    assert ds.events["attr:total"].tolist()[0] == 12.34  # (a wide type holding narrow values: numbers)
    assert not [p for p in ds.problems if p.field in ("amount", "price", "total")]


def test_a_decimal256_keeps_every_digit(tmp_path: Path) -> None:
    table = money().append_column("owed", pa.array([decimal.Decimal("1.5"), decimal.Decimal(WIDER)],
                                                    pa.decimal256(50, 10)))
    ds = viewer.load(_written(tmp_path, "parquet", table))
    assert ds.events["attr:owed"].tolist() == ["1.5000000000", WIDER]


def test_convert_writes_the_digits_and_reads_them_back(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = _written(tmp_path, "parquet", money())
    for out in (tmp_path / "native", tmp_path / "native.json"):
        assert cli.run(["convert", str(source), str(out)]) == 0
        assert WIDE in ((out / "events.csv") if out.is_dir() else out).read_text(encoding="utf-8")
        again = viewer.load(out)
        assert again.events["attr:amount"].tolist() == [WIDE, "1.10"]
        assert ("amount", WIDE) in attributes.items(again.events, 0)
    capsys.readouterr()


def test_a_csv_of_wide_decimals_keeps_them_and_a_float_s_noise_stays_a_number(tmp_path: Path) -> None:
    path = tmp_path / "money.csv"
    path.write_text(f"date,title,amount,share,measured\n2020-01-01,a,{WIDE},0.30000000000000004,"
                    "1.000000000000000056e-01\n2020-02-01,b,1.10,0.5,2.5\n", encoding="utf-8")
    events = viewer.load(path).events
    assert events["attr:amount"].tolist() == [WIDE, "1.10"]
    assert events["attr:share"].tolist() == [0.30000000000000004, 0.5]
    assert events["attr:measured"].tolist() == [0.1, 2.5]


def test_a_wide_table_s_columns_are_typed_the_same(tmp_path: Path) -> None:
    """A table of many columns is typed all at once (attribute_build): the wide decimal is text there too."""
    names = [f"c{i}" for i in range(40)]
    path = tmp_path / "wide.csv"
    path.write_text("date,title," + ",".join(names) + ",amount\n"
                    + "".join(f"2020-01-0{d},t{d}," + ",".join(["1.5"] * 40) + f",{v}\n"
                              for d, v in ((1, WIDE), (2, "1.10"))), encoding="utf-8")
    events = viewer.load(path).events
    assert events["attr:amount"].tolist() == [WIDE, "1.10"] and events["attr:c0"].tolist() == [1.5, 1.5]
