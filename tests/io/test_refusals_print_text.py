"""A refusal is read by a person: it prints text. A binary file under a text's name (a Bluesky repository's CAR
of CBOR records) was read as a table and refused with its bytes as column names ("no date column among
:¢erootsØ*X% q …"), and a wide table's refusal named all its columns. Text with control characters of its own
(Ctrl-A as the delimiter, a log's colours, FileMaker's vertical tab in a cell) still opens."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

import viewer
from viewer.io import supported_suffixes
from viewer.model.problems import LoadError

CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
CBOR = (b":\xa2eroots\x81\xd8*X%\x00\x01q\x12 " + bytes(range(32)) + b"gversion\x01T\x01q\x12 " + bytes(range(32))
        + b"\xa2dtextehelloicreatedAtx\x182023-05-01T10:00:00.000Z") * 40


@pytest.mark.parametrize("name", ["repo.car", "repo.csv", "repo"])
def test_a_binary_file_under_a_texts_name_is_refused_as_binary_without_its_bytes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(CBOR)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    assert "a binary file" in said and not CONTROL.search(said), said


def test_text_with_control_characters_of_its_own_still_opens(tmp_path: Path) -> None:
    ctrl_a = tmp_path / "hive.txt"
    ctrl_a.write_bytes(b"".join(b"2019-03-%02d\x01Meeting %d\x01Renault\n" % (1 + i % 28, i) for i in range(300)))
    assert viewer.load(ctrl_a).event_count == 300
    filemaker = tmp_path / "filemaker.csv"
    filemaker.write_bytes(b"date,title,notes\n" + b"".join(
        b"2019-03-%02d,Meeting %d,first line\x0bsecond line\x0bthird\n" % (1 + i % 28, i) for i in range(300)))
    assert viewer.load(filemaker).event_count == 300
    coloured = tmp_path / "server.log"
    coloured.write_bytes(b"".join(b"2019-03-04 10:%02d:00 \x1b[31mERROR\x1b[0m disk %d full\n" % (i % 60, i)
                                  for i in range(300)))
    assert viewer.load(coloured).event_count == 300


def test_a_wide_tables_refusal_names_its_first_columns_and_how_many(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    names = [f"measure_{i}" for i in range(300)]
    path.write_text(",".join(names) + "\n" + ",".join("1" for _ in names) + "\n", encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    assert "measure_0, measure_1" in said and "measure_11 … (300 columns)" in said and "measure_12" not in said


def test_a_header_that_does_not_print_is_shown_with_question_marks(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_bytes(b"name\x07,weird\x1b[0m\xef\xbf\xbd," + b"x" * 80 + b"\na,b,c\n")
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    assert "name?, weird?[0m?, " + "x" * 39 + "…" in said and not CONTROL.search(said), said


@pytest.mark.parametrize("suffix", [*supported_suffixes(), ".db", ".duckdb"])
def test_a_damaged_file_of_each_kind_entente_opens_is_refused_by_name_saying_what_was_expected(
        tmp_path: Path, suffix: str) -> None:
    """Random bytes under each name the open dialog offers: a .doc printed them as column names; a Parquet, Arrow
    or SQLite file, an .ods (called an Excel workbook) and a DuckDB file said what failed but not what was expected."""
    path = tmp_path / f"damaged{suffix}"
    path.write_bytes(bytes(np.random.default_rng(4).integers(0, 256, 3_000, dtype=np.uint8)))
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    said = str(caught.value)
    assert path.name in said and not CONTROL.search(said) and len(said) < 400, said
    assert "expected" in said or "Entente reads" in said, said
    assert "Excel workbook" not in said or suffix in (".xlsx", ".xlsm", ".xls", ".xlsb"), said
