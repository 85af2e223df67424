"""A delimited table too big for the free memory is written as Parquet by DuckDB without being loaded (`entente
convert`), with the columns the loader would give it, and then queried in place: the same events as the loader
reads from the same file."""

from __future__ import annotations

import gzip
import lzma
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.cli import run
from viewer.io import free_memory
from viewer.model.problems import LoadError
from viewer.source import csv_parquet

ACLED = ("event_id_cnty,event_date,year,event_type,actor1,assoc_actor_1,actor2,country,source,notes,fatalities,"
         "timestamp\n")
MONTHS = ("January", "March", "July", "October")


def _acled(path: Path, rows: int = 3_000, above: str = "") -> Path:
    lines = (f"NIG{i},{1 + i % 28:02d} {MONTHS[i % 4]} {1997 + i % 27},2019,{('Battles', 'Protests')[i % 2]},"
             f"Army,{'' if i % 3 else 'Militia'},\"Rebels, North\",Nigeria,Premium Times,\"Clash {i}, near the town\","
             f"{i % 7},1618338155\n" for i in range(rows))
    path.write_text(above + ACLED + "".join(lines), encoding="utf-8")
    return path


def _events(dataset: object) -> pd.DataFrame:
    """start, title, actors, category and source title of every event, in one order."""
    events = dataset.events_between("0001-01-01", "9999-12-31") if hasattr(dataset, "events_between") \
        else dataset.events  # type: ignore[attr-defined]
    frame = pd.DataFrame({
        "start": pd.to_datetime(events["start"], utc=True).dt.strftime("%Y-%m-%d").to_numpy(),
        **{c: events[c].astype(str).replace("nan", "").to_numpy()
           for c in ("title", "actors", "category", "source_title")}})
    return frame.sort_values(list(frame.columns), ignore_index=True)


@pytest.fixture
def little_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(free_memory.SETTING, "600000")  # 100 KB of text can be loaded


def test_a_table_too_big_for_memory_is_converted_and_queried_like_the_loaded_one(
        tmp_path: Path, little_memory: None, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    source = _acled(tmp_path / "acled.csv")
    with pytest.raises(LoadError, match=r"entente convert .*acled\.csv FOLDER"):
        viewer.load(source)  # the message names the way on
    out = tmp_path / "acled"
    assert run(["convert", str(source), str(out)]) == 0
    said = capsys.readouterr().out
    assert said.startswith(f"Wrote {out}: 3,000 events, written as Parquet by DuckDB without loading them") and \
        "dates read as %d %B %Y" in said and f"entente {out}" in said, said
    assert sorted(p.name for p in out.iterdir()) == ["dataset.json", "events"]
    assert not list(tmp_path.glob("*.new*")) and not list(Path(free_memory.__file__).parent.glob("entente-spill-*"))
    queried = viewer.open(str(out))
    assert queried.meta.title == "acled"
    monkeypatch.delenv(free_memory.SETTING)
    loaded = viewer.load(source)
    assert loaded.event_count == 3_000
    pd.testing.assert_frame_equal(_events(queried), _events(loaded))


@pytest.mark.parametrize(("cells", "said", "first"), [
    (["2019-03-04", "2019-03", "2019-03-05T10:00:00Z"], "dates as written (ISO 8601)", "2019-03"),
    (["20190304", "20190305", "20190306"], "dates written YYYYMMDD", "2019-03-04"),
    (["03/04/2019", "03/25/2019", "04/01/2019"], "dates read as %m/%d/%Y", "2019-03-04"),  # (25: month first)
    (["04.03.2019 10:00", "25.03.2019 11:30", "01.04.2019 09:15"], "dates read as %d.%m.%Y %H:%M", "2019-03-04"),
])
def test_dates_are_read_as_the_loader_reads_them(tmp_path: Path, little_memory: None, cells: list[str],
                                                 said: str, first: str) -> None:
    source = tmp_path / "events.csv"
    source.write_text("date,title\n" + "".join(f"{cells[i % 3]},Event {i}\n" for i in range(9_000)),
                      encoding="utf-8")
    done = csv_parquet.convert(source, tmp_path / "out")
    assert done.rows == 9_000 and done.said == (said,)
    events = viewer.open(str(tmp_path / "out")).events_between("0001-01-01", "9999-12-31")
    assert len(events) == 9_000
    assert pd.to_datetime(events["start"], utc=True).min().strftime("%Y-%m-%d").startswith(first)


def test_a_packed_table_with_a_title_above_its_header_is_converted(tmp_path: Path, little_memory: None) -> None:
    plain = _acled(tmp_path / "acled.csv", 2_000, above="ACLED export, Nigeria\nDownloaded 2021-04-13\n")
    source = tmp_path / "acled.csv.gz"
    source.write_bytes(gzip.compress(plain.read_bytes()))
    done = csv_parquet.convert(source, tmp_path / "out")
    assert done.rows == 2_000
    events = viewer.open(str(tmp_path / "out")).events_between("0001-01-01", "9999-12-31")
    assert set(events["category"].astype(str)) == {"Battles", "Protests"}


def test_what_cannot_be_converted_is_said_by_name(tmp_path: Path, little_memory: None) -> None:
    mixed = tmp_path / "mixed.csv"
    mixed.write_text("date,title\n" + "".join(f"{d},Event\n" for d in ["4 March 2019", "2019/03/05", "Q1 2019"] * 50),
                     encoding="utf-8")
    with pytest.raises(LoadError, match=r"mixed\.csv, field 'date': no single date pattern reads the dates of the "
                                         r"first rows \(such as '4 March 2019'\)"):
        csv_parquet.convert(mixed, tmp_path / "out")
    packed = tmp_path / "events.csv.xz"
    packed.write_bytes(lzma.compress(b"date,title\n2019-03-04,a\n"))
    with pytest.raises(LoadError, match=r"events\.csv\.xz: a xz file is not read out of core"):
        csv_parquet.convert(packed, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_an_existing_folder_is_kept_unless_forced(tmp_path: Path, little_memory: None,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    source = _acled(tmp_path / "acled.csv")
    out = tmp_path / "acled"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    assert run(["convert", str(source), str(out)]) == 2
    assert "already exists (use --force to replace it)" in capsys.readouterr().err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"
    # a folder that is no dataset is never replaced, forced or not (it once was, keep.txt lost), as the native
    # writer never replaces one: both run the same checks
    assert run(["convert", str(source), str(out), "--force"]) == 2
    assert "is a folder that is not a dataset" in capsys.readouterr().err
    assert (out / "keep.txt").read_text(encoding="utf-8") == "mine"


def test_a_table_that_fits_is_converted_as_before(tmp_path: Path) -> None:
    source = _acled(tmp_path / "acled.csv", 50)
    assert run(["convert", str(source), str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / "events.csv").is_file()  # the native folder, loaded and written


def test_records_duckdb_cannot_read_are_said_with_their_line_not_dropped_quietly(
        tmp_path: Path, little_memory: None, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "events.csv"
    rows = [f"2019-03-{1 + i % 28:02d},Event {i},{i}" for i in range(8_000)]
    rows[6_000] = '2019-03-05,"Event with a quote left open,7'  # swallows the lines after it
    source.write_text("date,title,n\n" + "\n".join(rows) + "\n", encoding="utf-8")
    assert run(["convert", str(source), str(tmp_path / "out")]) == 0
    said = capsys.readouterr().out
    expected = "1 record that could not be read left out (first: line 6,002: Value with unterminated quote found.); " \
               "6,000 rows read of 8,000 lines under the header"
    assert expected in said, said
    from viewer.ui.shell.loading import load_dataset  # the window's worker: the same, in Problems
    opened = load_dataset(str(source), convert_to=str(tmp_path / "again"))
    assert isinstance(opened, viewer.Dataset)
    assert [(p.message, p.row, p.level) for p in opened.problems] == [(expected, 6_002, "warning")]


@pytest.mark.parametrize(("encoding", "delimiter"), [("cp1252", ","), ("utf-16", "\t"), ("utf-8-sig", ";")])
def test_text_in_latin_1_or_utf_16_is_converted_with_its_accents(tmp_path: Path, little_memory: None,
                                                                 encoding: str, delimiter: str) -> None:
    source = tmp_path / "events.csv"
    rows = "".join(f"2019-03-{1 + i % 28:02d}{delimiter}Événement {i} à Montréal{delimiter}Société Générale\n"
                   for i in range(6_000))
    source.write_bytes(f"date{delimiter}title{delimiter}actor\n{rows}".encode(encoding))
    assert source.stat().st_size > 100_000  # more than the memory free can load
    assert csv_parquet.convert(source, tmp_path / "out").rows == 6_000
    events = viewer.open(str(tmp_path / "out")).events_between("2019-03-01", "2019-03-01")
    assert "Événement 0 à Montréal" in set(events["title"]) and set(events["actors"]) == {"Société Générale"}


def test_the_columns_and_date_order_a_user_chose_are_followed(tmp_path: Path, little_memory: None) -> None:
    source = tmp_path / "events.csv"
    source.write_text("when,what,where\n" + "".join(f"03/04/2019,Event {i},Town {i}\n" for i in range(9_000)),
                      encoding="utf-8")
    done = csv_parquet.convert(source, tmp_path / "out", options={"start": "when", "title": "where",
                                                                  "date_order": "dmy", "encoding": None})
    assert done.said[0] == "dates read as %d/%m/%Y"  # 3 April, as chosen, not 4 March
    events = viewer.open(str(tmp_path / "out")).events_between("2019-04-03", "2019-04-03")
    assert len(events) == 9_000 and "Town 0" in set(events["title"])


@pytest.mark.parametrize(("name", "said"), [
    ("fdic_banklist_cp1252.csv", "dates read as %d-%b-%y"),  # cp1252 (DuckDB's Latin-1 refused it), 1-May-23
    ("sacramento_crime_jan2006_pipe_7584.csv", "dates read as %m/%d/%y %H:%M"),  # 1/1/06 0:00, pipes
])
def test_real_tables_convert_to_the_events_the_loader_reads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            name: str, said: str) -> None:
    """A pattern reading "23" as the year 23 made a date before year 1, which stopped the conversion with a
    traceback; a cp1252 file was refused by DuckDB; two-digit years with a time had no pattern."""
    source = Path(__file__).parents[2].parent / "shared" / "realdata" / "csv" / name
    loaded = viewer.load(source)
    monkeypatch.setenv(free_memory.SETTING, "60000")
    done = csv_parquet.convert(source, tmp_path / "out")
    assert done.rows == loaded.event_count and done.said == (said,) and not done.problems
    queried = viewer.open(str(tmp_path / "out"))
    pd.testing.assert_frame_equal(_events(queried)[["start", "title"]], _events(loaded)[["start", "title"]])
