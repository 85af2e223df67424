"""Excel writes a first line ``sep=;`` to name a CSV's delimiter (European exports, where the comma is the
decimal mark). Such a file was refused ("no date column among sep=, column2"); now the line names the
delimiter, and the rows keep their own line numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import text_head


@pytest.mark.parametrize("head", [b"sep=;\r\n", b"\xef\xbb\xbfsep=;\n", b"SEP=;\n"])
def test_a_separator_line_names_the_delimiter_and_lines_keep_their_numbers(tmp_path: Path, head: bytes) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(head + "date;title;amount\n2020-01-01;Münster;1,5\n2020-01-02;b;2\nnot a date;c;3\n".encode())
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Münster", "b"]
    assert [(p.row, p.field) for p in ds.problems if p.level == "error"] == [(5, "date")]


def test_only_a_first_line_of_that_shape_is_taken() -> None:
    assert text_head.declared_separator(b"sep=\t\ndate\ttitle\n") == (b"date\ttitle\n", "\t")
    assert text_head.declared_separator(b"date,sep=;\n")[1] is None
    assert text_head.declared_separator(b"separator=;\n")[1] is None
