"""Three things a user met opening real files.

A CSV of 20,000 columns (a survey export) and a row or two took 15 s to open: each attribute column paid a dozen
pandas and Arrow calls of its own to be typed (its dtype asked of again and again, a categorical's dtype made
for each). A table saved as UTF-32 without a byte order mark was refused as a binary file for its zero bytes.
An integer of 20 digits in a list of a JSON-lines file came back as a rounded float (1.2345678901234567e+19).
"""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import viewer
from viewer.io import lines
from viewer.io.table import preview
from viewer.model import attribute_build, attributes
from viewer.model.problems import LoadError

BIG = 12345678901234567890  # past int64: a double reads it as 1.2345678901234567e+19


def _normal_table(rows: int = 6) -> str:
    """40 attribute columns of the shapes a table holds: numbers, answers, notes, ISO and written dates, codes."""
    shapes = [lambda r: str(r * 1.5), lambda r: ["yes", "no"][r % 2], lambda r: f"note {r * 7919}",
              lambda r: f"2019-03-{r + 1:02d}", lambda r: f"{r + 1} March 2019", lambda r: f"{r:05d}",
              lambda r: str(BIG + r), lambda r: "" if r % 2 else "x"]
    header = ["date", "title", *(f"c{i}" for i in range(40))]
    body = [[f"2020-01-{r + 1:02d}", f"t{r}", *(shapes[i % len(shapes)](r) for i in range(40))] for r in range(rows)]
    return "\n".join(",".join(cells) for cells in [header, *body]) + "\n"


def test_a_normal_tables_attributes_keep_their_types(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Typed all at once, a table's columns have the types and values they have typed one by one."""
    path = tmp_path / "events.csv"
    path.write_text(_normal_table())
    at_once = viewer.load(path).events
    kinds = {a.name: a.type for a in attributes.attributes(at_once)}
    assert [kinds[f"c{i}"] for i in range(8)] == ["number", "category", "text", "date", "date", "text", "text",
                                                  "category"]
    assert at_once.sort_values("row")["attr:c6"].tolist() == [str(BIG + r) for r in range(6)]  # (kept as written)
    monkeypatch.setattr(attribute_build, "ALL_AT_ONCE_FROM", 10**6)  # column by column, as a narrow table is
    path.write_text(_normal_table() + "\n")  # (not the cached read)
    one_by_one = viewer.load(path).events
    columns = [c for c in at_once.columns if str(c).startswith(attributes.PREFIX)]
    pd.testing.assert_frame_equal(at_once[columns], one_by_one[columns])


def test_a_wide_table_opens_with_all_its_columns_typed_once_for_all(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """3,000 answer columns and two rows: every column is there, typed; the stored type of each was asked once
    of their shared dtype (not a few times of each column), and the columns of the same answers share one
    categorical dtype (made once, not once a column)."""
    asked: list[str] = []
    type_of = attributes.type_of

    def counted(values: pd.Series) -> str:
        asked.append(str(values.dtype))
        return type_of(values)

    monkeypatch.setattr(attributes, "type_of", counted)
    width = 3_000
    header = ["date", "title", *(f"q{i}" for i in range(width))]
    rows = [["2020-01-01", "a", *(["yes", "no", "12"][i % 3] for i in range(width))],
            ["2020-01-02", "b", *(["no", "yes", "13.5"][i % 3] for i in range(width))]]
    path = tmp_path / "survey.csv"
    path.write_text("\n".join(",".join(cells) for cells in [header, *rows]) + "\n")
    events = viewer.load(path).events
    assert len(asked) < 50
    kinds = {a.name: a.type for a in attributes.attributes(events)}
    assert len(kinds) == width and [kinds[f"q{i}"] for i in range(3)] == ["category", "category", "number"]
    assert events.sort_values("row")["attr:q2"].tolist() == [12.0, 13.5]
    answers = [f"attr:q{i}" for i in range(0, width, 3)]
    assert len({id(events[c].dtype) for c in answers}) == 1
    assert events[answers[0]].cat.categories.tolist() == ["yes", "no"]


TABLE = "date,title,city\n" + "".join(f"2019-01-{i:02d},réunion {i} 東京,Zürich\n" for i in range(1, 29))


@pytest.mark.parametrize("encoding", ["utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", ["events.csv", "events.tsv", "events.txt"])
def test_a_table_in_utf32_or_utf16_without_a_mark_reads_as_in_utf8(tmp_path: Path, encoding: str,
                                                                     name: str) -> None:
    text = TABLE.replace(",", "\t") if name.endswith(".tsv") else TABLE
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    ds = viewer.load(path)
    assert ds.event_count == 28
    assert ds.events.sort_values("row")["title"].iloc[0] == "réunion 1 東京"
    assert ds.events.sort_values("row")["attr:city"].iloc[0] == "Zürich"
    assert f"read as {encoding.upper()}" in " ".join(p.message for p in ds.problems)
    assert preview(path).encoding == encoding


def test_text_without_a_mark_is_told_by_its_zero_bytes() -> None:
    for encoding in ("utf-32-le", "utf-32-be", "utf-16-le", "utf-16-be"):
        assert lines.without_mark(TABLE.encode(encoding)) == encoding
    assert lines.without_mark(TABLE.encode("utf-8")) is None
    assert lines.without_mark(TABLE.encode("utf-32")) is None  # (read by its mark)
    assert lines.without_mark(TABLE.encode("utf-16")) is None


def _zip() -> bytes:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("a.bin", np.random.default_rng(1).bytes(5000))
    return data.getvalue()


@pytest.mark.parametrize(("data", "said"), [
    (b"\x89PNG\r\n\x1a\n" + np.random.default_rng(0).bytes(4000), "a PNG image"),
    (_zip(), "a ZIP archive"),
    (np.random.default_rng(2).bytes(8000), "a binary file"),
    (bytes(8000), "a binary file"),
    ((np.arange(3000) % 100).astype("<i4").tobytes(), "a binary file"),  # (UTF-32's zeros, of control characters)
    ((np.arange(3000) % 100).astype(">i4").tobytes(), "a binary file"),
])
def test_a_binary_file_is_still_refused(tmp_path: Path, data: bytes, said: str) -> None:
    path = tmp_path / "events.csv"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=f"events.csv: {said}"):
        viewer.load(path)


def _records(ids: bool) -> list[dict[str, object]]:
    return [{"date": "2020-01-01", "title": "a", "n": [BIG, 1], "m": [{"k": BIG}], "x": 7, "f": 1.5,
             **({"id": BIG} if ids else {})},
            {"date": "2020-01-02", "title": "b", "n": [2], "m": [{"k": 1}], "x": 8, "f": 2.5,
             **({"id": BIG + 1} if ids else {})}]


@pytest.mark.parametrize("ids", [False, True])
@pytest.mark.parametrize("name", ["events.jsonl", "events.ndjson", "events.json"])
def test_an_integer_past_int64_in_json_keeps_its_digits(tmp_path: Path, name: str, ids: bool) -> None:
    """In a list (or a list of records) of a JSON-lines file, Arrow's reader read it as a double (and the 1 beside
    it as 1.0); ids and ordinary integers and floats beside it are read as before."""
    path = tmp_path / name
    records = _records(ids)
    path.write_text(json.dumps(records) if name == "events.json" else "".join(json.dumps(r) + "\n" for r in records))
    events = viewer.load(path).events.sort_values("row")
    assert events["attr:n"].tolist() == [f"{BIG};1", "2"]
    assert events["attr:m"].tolist() == [f'[{{"k": {BIG}}}]', '[{"k": 1}]']
    assert events["attr:x"].tolist() == [7.0, 8.0] and events["attr:f"].tolist() == [1.5, 2.5]
    assert events["id"].tolist() == ([str(BIG), str(BIG + 1)] if ids else ["row1", "row2"])
