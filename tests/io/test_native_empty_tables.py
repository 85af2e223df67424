"""A native dataset folder with a table of 0 bytes (a write that failed or was cut short): an empty events.csv is
refused, naming it; an empty entities.csv or relations.csv is said and read as no rows. Before, each was read as
a table of no rows without a word: a folder whose events.csv was empty opened as an empty dataset."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

EVENTS = "id,start,title\ne1,2020-01-02,Hello\n"
Write = Callable[..., Path]


@pytest.mark.parametrize("empty", ["", "\ufeff", "\r\n\r\n"])
def test_an_empty_events_table_is_refused_by_name(write_dataset: Write, empty: str) -> None:
    folder = write_dataset(empty, "id,name\nacme,Acme\n", meta='{"title": "x"}')
    with pytest.raises(LoadError, match=re.escape(f"{folder / 'events.csv'}: the file is empty; expected a header")):
        viewer.load(folder)


def test_its_dataset_json_picked_in_a_dialog_is_refused_so_too(write_dataset: Write) -> None:
    folder = write_dataset("", meta='{"title": "x"}')
    with pytest.raises(LoadError, match=r"events\.csv: the file is empty"):
        viewer.load(folder / "dataset.json")


def test_a_header_row_alone_still_opens_as_no_events(write_dataset: Write) -> None:
    ds = viewer.load(write_dataset("id,start,title\n", meta='{"title": "x"}'))
    assert len(ds.events) == 0
    assert [p.message for p in ds.problems if p.level in ("error", "warning")] == []


@pytest.mark.parametrize(("name", "rows"), [("entities", "entity"), ("relations", "relation")])
def test_an_empty_side_table_is_said_and_read_as_no_rows(write_dataset: Write, name: str, rows: str) -> None:
    folder = write_dataset(EVENTS, meta='{"title": "x"}')
    (folder / f"{name}.csv").write_bytes(b"")
    ds = viewer.load(folder)
    assert len(ds.events) == 1 and len(getattr(ds, name)) == 0
    said = [(p.file, p.message, p.level) for p in ds.problems if p.level != "info"]
    assert said == [(str(folder / f"{name}.csv"), f"the file is empty; read as no {name} (expected a header row and "
                     f"a row per {rows})", "warning")]


def test_side_tables_of_a_header_alone_say_nothing(write_dataset: Write) -> None:
    ds = viewer.load(write_dataset(EVENTS, meta='{"title": "x"}'))
    assert len(ds.events) == 1
    assert [p.message for p in ds.problems if p.level != "info"] == []
