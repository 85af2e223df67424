"""SPSS, Stata and SAS data files (survey, conflict and census data as researchers share them) open as tables:
dates as dates, value labels as their text, and a file that stops ReadStat refused by name, not fatal.

They were "not a format Entente knows" (or, for Stata's ``<stata_dta>``, XML that Entente did not recognise)."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pyreadstat
import pytest

import viewer
from viewer.io import stat_files
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"
EVENTS = pd.DataFrame({
    "event_id": ["E1", "E2", "E3"],
    "date_start": [dt.date(2018, 11, 19), dt.date(2019, 4, 4), dt.date(2023, 2, 6)],
    "kind": [1, 2, 1],
    "headline": ["Ghosn arrested in Tōkyō", "Ghosn re-arrested", "Alliance agreement in London"],
    "deaths": [0.0, None, 2.0],
})
LABELS: dict[str, dict[int | float, str]] = {"kind": {1: "Legal", 2: "Governance"}}


def _messages(ds: object) -> list[str]:
    return [p.message for p in ds.problems]  # type: ignore[attr-defined]


@pytest.mark.parametrize(("suffix", "write"), [
    (".sav", lambda frame, path: pyreadstat.write_sav(frame, path, variable_value_labels=LABELS)),
    (".zsav", lambda frame, path: pyreadstat.write_sav(frame, path, variable_value_labels=LABELS, compress=True)),
    (".dta", lambda frame, path: pyreadstat.write_dta(frame, path, variable_value_labels=LABELS)),
    (".xpt", pyreadstat.write_xport),
])
def test_each_package_file_opens_with_its_dates_and_labels(tmp_path: Path, suffix: str, write: object) -> None:
    path = tmp_path / f"events{suffix}"
    frame = EVENTS.rename(columns={"date_start": "date"}) if suffix == ".xpt" else EVENTS  # SAS: 8-letter names
    frame = frame.rename(columns={"event_id": "id", "headline": "title"}) if suffix == ".xpt" else frame
    write(frame, str(path))  # type: ignore[operator]
    ds = viewer.load(path)
    events = ds.events
    assert [str(t.date()) for t in events["start"]] == ["2018-11-19", "2019-04-04", "2023-02-06"]
    assert list(events["title"]) == ["Ghosn arrested in Tōkyō", "Ghosn re-arrested", "Alliance agreement in London"]
    if suffix != ".xpt":  # (SAS keeps its labels in a catalog file)
        assert list(events["category"].astype(str)) == ["Legal", "Governance", "Legal"]
        assert "value labels shown as text in 1 column (kind)" in _messages(ds)
    assert list(events["attr:deaths"].astype(str)) == ["0.0", "nan", "2.0"] or events["attr:deaths"].isna().sum() == 1


def test_the_bundled_fixture_maps_its_ucdp_like_columns() -> None:
    ds = viewer.load(FIXTURES / "alliance_events.sav")
    events = ds.events
    assert ds.event_count == 5 and list(events["category"].astype(str))[-1] == "Alliance"
    assert str(events["end"].iloc[1].date()) == "2019-04-25"  # date_end
    assert str(events["actors"].iloc[0]) == "Tokyo prosecutors;Carlos Ghosn"  # side_a, side_b


def test_a_file_that_stops_readstat_is_refused_by_name_and_this_process_goes_on() -> None:
    """damaged.sav: a byte-flipped .sav on which pyreadstat ends its process with a segmentation fault."""
    path = FIXTURES / "damaged.sav"
    crash = subprocess.run([sys.executable, "-c", f"import pyreadstat; pyreadstat.read_sav({str(path)!r})"],
                           capture_output=True, check=False)
    assert crash.returncode != 0  # still fatal to a process that reads it itself
    with pytest.raises(LoadError, match=r"damaged\.sav: a damaged SPSS file: its reader stopped on it"):
        viewer.load(path)
    assert viewer.load(FIXTURES / "alliance_events.sav").event_count == 5  # and reading goes on


def test_a_file_by_its_first_bytes_and_compressed(tmp_path: Path) -> None:
    plain = tmp_path / "download"
    pyreadstat.write_dta(EVENTS, str(plain))  # "<stata_dta>…": was taken for XML
    assert viewer.load(plain).event_count == 3
    packed = tmp_path / "events.sav.gz"
    source = tmp_path / "e.sav"
    pyreadstat.write_sav(EVENTS, str(source))
    packed.write_bytes(gzip.compress(source.read_bytes()))
    assert viewer.load(packed).event_count == 3


def test_a_stata_date_format_pyreadstat_does_not_know_is_read_as_dates(tmp_path: Path) -> None:
    path = tmp_path / "formats.dta"
    frame = pd.DataFrame({"day": [21915.0, 21916.0], "at": [21915 * 86_400_000.0 + 3_600_000, 21916 * 86_400_000.0],
                          "title": ["a", "b"]})
    pyreadstat.write_dta(frame, str(path), variable_format={"day": "%tdnn/dd/CCYY", "at": "%tcDDmonCCYY_HH:MM:SS"})
    assert pyreadstat.read_dta(str(path))[0]["day"].dtype.kind == "f"  # numbers, read alone
    events = viewer.load(path).events
    assert [str(t.date()) for t in events["start"]] == ["2020-01-01", "2020-01-02"]
    assert str(events["attr:at"].iloc[0]).startswith("2020-01-01 01:00")


def test_a_date_past_9999_and_text_in_another_encoding_are_read_and_said(tmp_path: Path) -> None:
    far = tmp_path / "far.dta"
    pyreadstat.write_dta(pd.DataFrame({"when": [21915.0, 3_000_000.0], "title": ["a", "b"]}), str(far),
                         variable_format={"when": "%td"})
    ds = viewer.load(far)
    assert [t.year for t in ds.events["start"]] == [2020, 10173]
    assert any(m.startswith("a date the reader cannot convert (OverflowError") for m in _messages(ds))
    latin = tmp_path / "latin.dta"
    pyreadstat.write_dta(pd.DataFrame({"date": [dt.date(2019, 3, 4)], "title": ["Tōkyō"]}), str(latin))
    latin.write_bytes(latin.read_bytes().replace("ō".encode(), b"\xf4 "))  # cp1252 in a UTF-8 file, same width
    ds = viewer.load(latin)
    assert ds.events["title"].iloc[0].startswith("Tô")
    assert any("read as WINDOWS-1252" in m for m in _messages(ds))


@pytest.mark.parametrize("suffix", [".sav", ".dta", ".sas7bdat", ".xpt", ".por"])
def test_garbage_under_each_name_is_refused_by_name(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"notes{suffix}"
    path.write_bytes(b"this is not a data file\n" * 20)
    with pytest.raises(LoadError, match=rf"notes\{suffix}: not a readable .* file \("):
        viewer.load(path)


def test_the_kind_of_a_display_format() -> None:
    kinds = {fmt: stat_files._kind(fmt, suffix) for fmt, suffix in (
        ("%td", ".dta"), ("%tdnn/dd/CCYY", ".dta"), ("%tc", ".dta"), ("%tcHH:MM", ".dta"), ("%9.0g", ".dta"),
        ("DATE9", ".sas7bdat"), ("DATETIME20.", ".xpt"), ("BEST12", ".sas7bdat"), ("ADATE10", ".sav"),
        ("DATETIME20", ".sav"), ("F8.2", ".sav"), ("TIME8", ".sav"))}
    assert kinds == {"%td": "date", "%tdnn/dd/CCYY": "date", "%tc": "datetime", "%tcHH:MM": None, "%9.0g": None,
                     "DATE9": "date", "DATETIME20.": "datetime", "BEST12": None, "ADATE10": "date",
                     "DATETIME20": "datetime", "F8.2": None, "TIME8": None}


def test_a_stata_file_in_a_zip_archive_beside_its_readme(tmp_path: Path) -> None:
    """As UCDP hands out its event data: ged.dta.zip holding the .dta and a codebook note."""
    import zipfile

    inner = tmp_path / "ged.dta"
    pyreadstat.write_dta(EVENTS, str(inner), variable_value_labels=LABELS)
    archive = tmp_path / "ged.dta.zip"
    with zipfile.ZipFile(archive, "w") as packed:
        packed.write(inner, "ged.dta")
        packed.writestr("README.txt", "UCDP GED\n" * 500)
    ds = viewer.load(archive)
    assert ds.event_count == 3 and list(ds.events["category"].astype(str)) == ["Legal", "Governance", "Legal"]
    assert any(m.startswith("read ged.dta from the archive") for m in _messages(ds))


def test_a_reader_that_fails_says_why_not_that_the_file_is_damaged(monkeypatch: pytest.MonkeyPatch) -> None:
    """A child that cannot start its reader (no pyreadstat where it runs, say) is no damaged file."""
    monkeypatch.setattr(subprocess, "run", _run_with("import sys; sys.exit('ImportError: no reader')"))
    with pytest.raises(LoadError, match=r"the SPSS reader failed \(exit code 1: ImportError: no reader\)"):
        viewer.load(FIXTURES / "alliance_events.sav")


def _run_with(code: str) -> object:
    real = subprocess.run

    def run(command: list[str], **kwargs: object) -> subprocess.CompletedProcess[bytes]:
        return real([sys.executable, "-c", code], **kwargs)  # type: ignore[call-overload]

    return run
