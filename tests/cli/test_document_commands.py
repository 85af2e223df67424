"""The command line on a chronology kept in a Word document: its dated paragraphs by default, another of its parts
with ``--table`` (as a workbook's sheet and a SQLite database's table are named)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .conftest import Run

FIXTURES = Path(__file__).resolve().parents[1] / "io" / "fixtures"


def test_a_documents_paragraphs_and_then_its_named_table(run: Run) -> None:
    path = FIXTURES / "chronology.docx"
    code, out, _err = run("events", str(path), "--format", "json")
    assert code == 0 and json.loads(out)[0]["title"] == "Carlos Ghosn is arrested in Tokyo"
    code, _out, err = run("events", str(path), "--table", "Table 1")
    assert code == 1 and "no date column among Figure, Value" in err


def test_a_workbooks_sheet_is_named_with_table(run: Run, tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"date": ["2019-01-01"], "title": ["first sheet"]}).to_excel(writer, sheet_name="A", index=False)
        pd.DataFrame({"date": ["2020-01-01"], "title": ["second sheet"]}).to_excel(writer, sheet_name="B", index=False)
    code, out, _err = run("events", str(path), "--table", "B", "--format", "json")
    assert code == 0 and [e["title"] for e in json.loads(out)] == ["second sheet"]
