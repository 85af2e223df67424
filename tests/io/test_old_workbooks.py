"""Excel 97-2003 (.xls) and OpenDocument (.ods) workbooks open like .xlsx ones: the first sheet with a date
column, dates from date cells and from text, numbers typed, a bad row said by its sheet row. The fixtures
were written once with xlwt and odfpy: a notes sheet, then 'Events' (Date, Title, Actor, Amount) with date
cells, a month written as text and a cell that is no date. A damaged workbook is refused with a message,
never more."""

from __future__ import annotations

import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"
WORKBOOKS = ["registry_1999.xls", "registry.ods"]


@pytest.mark.parametrize("name", WORKBOOKS)
def test_an_old_or_open_workbook_reads_like_an_xlsx(name: str) -> None:
    ds = viewer.load(FIXTURES / name)
    events = ds.events.sort_values("row")
    assert events["title"].tolist() == ["Filing received", "Hearing", "Décision rendue", "Appeal lodged (month only)"]
    assert [str(t.date()) for t in events["start"]] == ["1998-03-02", "1998-07-14", "1999-01-05", "1999-06-01"]
    assert events["precision"].tolist() == ["day", "day", "day", "month"]
    assert events["attr:Amount"].tolist()[:3] == [12.5, 3.0, 1_000_000.0]
    messages = [(p.row, p.message) for p in ds.problems]
    assert any("read the sheet 'Events'" in message for _, message in messages)
    assert (6, "expected a date, got 'not a date'; row skipped") in messages


def test_an_excel_97_workbook_under_an_xlsx_name(tmp_path: Path) -> None:
    """Renamed by hand or by a web export: read by what it is."""
    path = tmp_path / "registry.xlsx"
    path.write_bytes((FIXTURES / "registry_1999.xls").read_bytes())
    assert viewer.load(path).event_count == 4


@pytest.mark.parametrize("name", WORKBOOKS)
def test_damaged_workbooks_are_refused_with_their_name(tmp_path: Path, name: str) -> None:
    data = (FIXTURES / name).read_bytes()
    for seed in range(24):
        rng = random.Random(seed)
        damaged = bytearray(data)
        if seed % 2:
            del damaged[rng.randrange(len(damaged)):]
        else:
            for _ in range(rng.randint(1, 20)):
                damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        path = tmp_path / f"copy{seed}{Path(name).suffix}"
        path.write_bytes(bytes(damaged))
        try:
            viewer.load(path)
        except LoadError as exc:
            assert str(path) in str(exc)


def test_a_damaged_workbook_prints_nothing(tmp_path: Path) -> None:
    """xlrd writes its notes on a damaged workbook to standard output ("_locate_stream(Workbook): seen …", a map of
    the file's sectors): they ran into what the command line prints (``entente events … --format json``). A
    workbook whose chain of sectors loops back (the corruption xlrd's own samples hold) is refused, and says nothing
    more."""
    data = bytearray((FIXTURES / "registry_1999.xls").read_bytes())
    table = 512 * (struct.unpack_from("<i", data, 0x4C)[0] + 1)  # the first sector of the allocation table
    first = next(j for j in range(128) if struct.unpack_from("<i", data, table + 4 * j)[0] == j + 1)
    struct.pack_into("<i", data, table + 4 * (first + 1), first)  # the next sector points back to this one
    path = tmp_path / "looped.xls"
    path.write_bytes(bytes(data))
    with pytest.raises(LoadError, match=r"looped\.xls: not a readable Excel workbook"):
        viewer.load(path)
    # (in a child: xlrd holds the standard output it was imported with, which no capture here replaces)
    probe = "import sys, viewer\ntry:\n    viewer.load(sys.argv[1])\nexcept viewer.LoadError:\n    pass\n"
    done = subprocess.run([sys.executable, "-c", probe, str(path)], check=True, capture_output=True, text=True,
                          timeout=120)
    assert done.stdout == ""
