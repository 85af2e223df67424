"""A file that runs the process out of memory under a limit the free memory does not show (``ulimit -v``, as a
shared server sets): the command line printed a traceback ending in ``MemoryError``, the window "Unexpected error
while reading: " and nothing more. It is refused by name, as any file that cannot be read."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
import viewer.io
from viewer import cli
from viewer.model.problems import LoadError


def _runs_out(*_args: object, **_kwargs: object) -> None:
    raise MemoryError


def test_a_file_past_the_memory_is_refused_by_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "events.csv"
    path.write_text("date,title\n2020-01-01,a\n", encoding="utf-8")
    monkeypatch.setattr(viewer.io, "_dispatch", _runs_out)
    with pytest.raises(LoadError, match=r"events\.csv: more than the memory") as refused:
        viewer.load(path)
    assert refused.value.__context__ is None  # (nothing of what was read is held by the error)


def test_the_command_line_says_it_in_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "events.csv"
    path.write_text("date,title\n2020-01-01,a\n", encoding="utf-8")
    monkeypatch.setattr(viewer.io, "_dispatch", _runs_out)
    monkeypatch.setenv("ENTENTE_NO_CACHE", "1")
    assert cli.run(["info", str(path)]) == 1
    said = capsys.readouterr().err
    assert said.startswith(f"entente: {path}: more than the memory") and "Traceback" not in said


def test_a_spreadsheet_repeating_a_cell_past_any_memory_is_refused_by_name(tmp_path: Path) -> None:
    """An OpenDocument sheet of 1 KB whose cell repeats 2**62 times (``table:number-columns-repeated``): its reader
    gave up with a MemoryError, which the command line printed as a traceback."""
    import zipfile
    cell = '<table:table-cell office:value-type="string"><text:p>{}</text:p></table:table-cell>'
    rows = "".join(f"<table:table-row>{cell.format(a)}{cell.format(b)}</table:table-row>"
                   for a, b in (("date", "title"), ("2020-01-01", "a")))
    content = ('<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:'
               'office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:'
               'tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S">'
               f'{rows}<table:table-row><table:table-cell table:number-columns-repeated="{2 ** 62}" '
               'office:value-type="string"><text:p>x</text:p></table:table-cell></table:table-row></table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    path = tmp_path / "repeated.ods"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("content.xml", content)
    with pytest.raises(LoadError, match=r"repeated\.ods: more than the memory"):
        viewer.load(path)
