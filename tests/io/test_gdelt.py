"""GDELT's event tables as its downloads hold them: tab-separated, no header row, 61 columns (2.0) or 58 and 57
(1.0). Without names, the day was read from ``column2`` and each title was a place's name ("Paris, Ile-de-France,
France"), with no actors. They are named by GDELT's codebook, titled by their actors and CAMEO codes, typed by the
codes' root classes, and keep GDELT's event ids and source addresses; ICEWS' events are titled alike."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import cameo, gdelt

_PARIS = ("4", "Paris, Ile-de-France, France", "FR", "FR11", "FR11_75", "48.8667", "2.3333", "-1456928")
_MOSCOW = ("4", "Moscow, Moscow City, Russia", "RS", "RS48", "", "55.7522", "37.6156", "-2960561")
_NOWHERE = ("", "", "", "", "", "", "", "")


def _actor(code: str, name: str, country: str) -> list[str]:
    return [code, name, country, "", "", "", "", "GOV" if code.endswith("GOV") else "", "", ""]


def _row(number: int, day: str, first: list[str], second: list[str], code: str, place: tuple[str, ...],
         url: str) -> list[str]:
    """A row in GDELT 2.0's 61 columns, as its export files write one."""
    where = [*place, *(_NOWHERE if not second[1] else place), *place]
    return [str(number), day, day[:6], day[:4], f"{day[:4]}.{int(day[4:6]) * 8:04d}", *first, *second, "1", code,
            code[:3], code[:2], "1", "3.4", "10", "1", "10", "-2.35", *where, day + "231500", url]


ROWS = [
    _row(410412347, "20150218", _actor("FRAGOV", "FRANCE", "FRA"), _actor("RUS", "RUSSIA", "RUS"), "042", _PARIS,
         "https://www.example.org/news/visit"),
    _row(410412348, "20150218", _actor("RUS", "RUSSIA", "RUS"), _actor("FRA", "FRANCE", "FRA"), "0231", _MOSCOW,
         "https://www.example.org/news/aid"),
    _row(410412349, "20150217", _actor("COP", "POLICE", ""), _actor("", "", ""), "173", _MOSCOW,
         "https://www.example.org/news/arrest"),
    _row(410412350, "20150216", _actor("", "", ""), _actor("", "", ""), "145", _PARIS,
         "https://www.example.org/news/riot"),
    _row(410412351, "20150218", _actor("USA", "UNITED STATES", "USA"), _actor("", "", ""), "999", _NOWHERE,
         "https://www.example.org/news/odd"),
]


def _v1(row: list[str]) -> list[str]:
    return [cell for cell, name in zip(row, gdelt.NAMES_2, strict=True) if not name.endswith("ADM2Code")]


def _written(rows: list[list[str]], sep: str = "\t") -> str:
    return "".join(sep.join(row) + "\n" for row in rows)


def _by_id(ds: viewer.Dataset) -> dict[str, pd.Series]:
    return {str(row["id"]): row for _, row in ds.events.iterrows()}


def _read_as_gdelt(ds: viewer.Dataset, with_urls: bool = True) -> None:
    events = _by_id(ds)
    assert len(events) == 5
    visit = events["410412347"]
    assert visit["title"] == "FRANCE → RUSSIA: Make a visit" and visit["category"] == "Consult"
    assert visit["actors"] == "FRANCE;RUSSIA"
    assert visit["start"] == pd.Timestamp("2015-02-18", tz="UTC") and visit["precision"] == "day"
    assert events["410412348"]["title"] == "RUSSIA → FRANCE: Appeal for aid"  # a four-digit code, told by its base
    assert events["410412349"]["title"] == "POLICE: Arrest, detain, or charge with legal action"
    assert events["410412349"]["category"] == "Coerce"
    assert events["410412350"]["title"] == "Protest violently, riot"  # no actor named
    assert events["410412351"]["title"] == "UNITED STATES: event 999" and events["410412351"]["category"] == ""
    assert {"FRANCE", "RUSSIA", "POLICE", "UNITED STATES"} <= set(ds.entities["name"])
    if with_urls:
        assert visit["source_url"] == "https://www.example.org/news/visit"
    assert visit["attr:GoldsteinScale"] == 3.4 and visit["attr:ActionGeo_FullName"] == "Paris, Ile-de-France, France"


def test_a_gdelt_2_export_without_a_header_is_read_by_the_codebook(tmp_path: Path) -> None:
    path = tmp_path / "20150218231500.export.CSV"
    path.write_text(_written(ROWS), encoding="utf-8")
    ds = viewer.load(path)
    _read_as_gdelt(ds)
    said = [p.message for p in ds.problems]
    assert any("GDELT 2.0 events table with no header" in m for m in said)
    assert any("4 of 5 codes known" in m for m in said)
    assert not any("column1" in m for m in said)


@pytest.mark.parametrize(("name", "width"), [("20150218.export.CSV", 58), ("1985.csv", 57)])
def test_gdelt_1_daily_files_and_backfiles_are_read_alike(tmp_path: Path, name: str, width: int) -> None:
    rows = [_v1(row)[:width] for row in ROWS]
    path = tmp_path / name
    path.write_text(_written(rows), encoding="utf-8")
    ds = viewer.load(path)
    _read_as_gdelt(ds, with_urls=width == 58)
    assert any("GDELT 1.0 events table" in p.message for p in ds.problems)


def test_a_zipped_download_opens_as_gdelt_hands_it_out(tmp_path: Path) -> None:
    path = tmp_path / "20150218231500.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("20150218231500.export.CSV", _written(ROWS))
    _read_as_gdelt(viewer.load(path))


def test_a_table_with_gdelts_header_is_titled_the_same(tmp_path: Path) -> None:
    """BigQuery's export of gdelt-bq.gdeltv2.events, with its header and quoted commas."""
    path = tmp_path / "bq-results-20150219.csv"
    quoted = [[f'"{cell}"' if "," in cell else cell for cell in row] for row in ROWS]
    path.write_text(",".join(gdelt.NAMES_2) + "\n" + _written(quoted, ","), encoding="utf-8")
    ds = viewer.load(path)
    _read_as_gdelt(ds)
    assert not any("with no header" in p.message for p in ds.problems)


def test_a_headerless_table_as_wide_as_gdelts_that_is_not_gdelt_keeps_plain_names(tmp_path: Path) -> None:
    rows = [["2015-02-18", f"reading {i}", *(str(i * k) for k in range(59))] for i in range(1, 4)]
    path = tmp_path / "sensor.tsv"
    path.write_text(_written(rows), encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.events) == 3 and "attr:column3" in ds.events.columns
    assert any("no header row found" in p.message for p in ds.problems)


def test_a_table_of_its_own_event_column_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("SQLDATE,Event,EventCode,Actor1Name,Actor2Name\n20150218,My words,042,FRANCE,RUSSIA\n",
                    encoding="utf-8")
    assert viewer.load(path).events["title"].tolist() == ["My words"]


def test_the_codebook_tells_codes_by_their_base_then_their_root() -> None:
    assert cameo.described("0874") == "De-escalate military engagement"
    assert cameo.described("19") == "Fight" and cameo.described("") == ""
    assert all(code[:2] in cameo.ROOTS for code in cameo.BASES)


ICEWS = ("Event ID\tEvent Date\tSource Name\tSource Sectors\tSource Country\tEvent Text\tCAMEO Code\tIntensity\t"
         "Target Name\tTarget Sectors\tTarget Country\tStory ID\tSentence Number\tPublisher\tCity\tDistrict\t"
         "Province\tCountry\tLatitude\tLongitude\n"
         "926685\t1995-01-01\tExtremist (Russia)\tRadicals / Extremists / Fundamentalists,Dissident\tRussian "
         "Federation\tPraise or endorse\t051\t3.4\tBoris Yeltsin\tElite,Executive,Government\tRussian Federation\t"
         "28235806\t5\tThe Toronto Star\tMoscow\tMoskva\tMoskva\tRussian Federation\t55.7522\t37.6156\n"
         "926687\t1995-01-02\tPolice (Russia)\tPolice\tRussian Federation\tArrest, detain, or charge with legal "
         "action\t173\t-5\t\t\t\t28235807\t1\tThe Toronto Star\t\t\t\tRussian Federation\t55\t37\n")


def test_icews_events_are_titled_by_who_did_what_to_whom(tmp_path: Path) -> None:
    """ICEWS writes the code's words as its Event Text, which was each title: "Praise or endorse", not by whom."""
    path = tmp_path / "events.1995.20150313082510.tab"
    path.write_text(ICEWS, encoding="utf-8")
    ds = viewer.load(path)
    events = _by_id(ds)
    assert events["926685"]["title"] == "Extremist (Russia) → Boris Yeltsin: Praise or endorse"
    assert events["926685"]["category"] == "Engage in diplomatic cooperation"
    assert events["926685"]["description"] == "Praise or endorse"
    assert events["926687"]["title"] == "Police (Russia): Arrest, detain, or charge with legal action"
    assert any("an ICEWS events table" in p.message for p in ds.problems)


def test_one_damaged_row_leaves_the_file_gdelts(tmp_path: Path) -> None:
    """One SQLDATE cut to seven digits, or a stray note below: the file was no GDELT table, its event ids read as the
    years 410,412,347 …, every title an actor's code."""
    damaged = [list(row) for row in ROWS]
    damaged[2][1] = "2015021"
    path = tmp_path / "20150219001500.export.CSV"
    path.write_text(_written(damaged) + "end of file\n", encoding="utf-8")
    ds = viewer.load(path)
    events = _by_id(ds)
    assert len(events) == 4 and "410412349" not in events
    assert events["410412347"]["title"] == "FRANCE → RUSSIA: Make a visit"
    assert any(p.row == 3 and "2015021" in p.message for p in ds.problems)
