"""Generic event tables open whatever delimiter, encoding and header they come with, and say what they guessed."""

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import table
from viewer.io.table_mapping import guess_mapping
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures_tables"


def messages(ds: object) -> str:
    return "\n".join(str(p) for p in ds.problems)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("name", "titles"), [
    ("comma.csv", ["Founded", "Merger"]), ("tab.tsv", ["One", "Two"]), ("semicolon.csv", ["Silvester", "Neujahr"]),
    ("ctrl_a.txt", ["Kick-off", "Review"]), ("records.json", ["A", "B"]),
])
def test_each_delimiter_and_records_file_yields_its_events_in_order(name: str, titles: list[str]) -> None:
    assert list(table.read(FIXTURES / name).events["title"]) == titles


def test_columns_are_mapped_from_their_names_whatever_their_case() -> None:
    ds = table.read(FIXTURES / "comma.csv")
    assert list(ds.events["actors"]) == ["acme", "acme;beta"]
    assert list(ds.events["category"]) == ["corporate", "deal"]
    assert list(ds.events["precision"]) == ["day", "month"]


def test_origin_and_destination_both_become_actors() -> None:
    ds = table.read(FIXTURES / "records.json")
    assert list(ds.events["actors"]) == ["x;y", "y;z"]
    assert set(ds.entities["id"]) == {"x", "y", "z"}


def test_a_utf8_bom_is_not_part_of_the_first_header() -> None:
    ds = table.read(FIXTURES / "bom.csv")
    assert list(ds.events["title"]) == ["Café opens"]
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_cp1252_file_is_read_with_a_warning_naming_the_encoding() -> None:
    ds = table.read(FIXTURES / "cp1252.csv")
    assert list(ds.events["title"]) == ["Other Bank", "First–Citizens"]
    assert any(p.level == "warning" and "cp1252" in p.message for p in ds.problems)


def test_a_file_without_header_is_detected_and_its_date_column_found_by_content() -> None:
    ds = table.read(FIXTURES / "no_header.csv")
    assert len(ds.events) == 2
    assert "no header row" in messages(ds)


def test_a_separate_time_and_zone_column_are_combined_with_the_date() -> None:
    ds = table.read(FIXTURES / "time_column.csv")
    starts = dict(zip(ds.events["title"], ds.events["start"], strict=True))
    assert starts["A"] == pd.Timestamp("2011-01-05 14:03", tz="UTC")
    assert starts["C"] == pd.Timestamp("2011-01-19 19:30", tz="UTC")
    assert ds.events.set_index("title").loc["B", "precision"] == "day"


def test_a_row_with_too_many_fields_is_kept_and_said_by_line() -> None:
    """(It was skipped: a file whose records all end in a delimiter lost every one; see test_ragged_lines.)"""
    ds = table.read(FIXTURES / "ragged.csv")
    assert list(ds.events["title"]) == ["A", "B", "C"]
    assert ds.events["attr:column3"].astype(object).fillna("").tolist() == ["", "extra", ""]
    assert [(p.row, p.level) for p in ds.problems if "line 3" in p.message] == [(3, "info")]


def test_an_empty_file_raises_a_load_error_naming_the_file() -> None:
    with pytest.raises(LoadError, match=r"empty\.csv.*empty"):
        table.read(FIXTURES / "empty.csv")


def test_a_file_that_is_only_a_header_is_refused_naming_its_columns() -> None:
    """(It opened as an empty window that said nothing.)"""
    with pytest.raises(LoadError, match=r"header_only\.csv: columns \(.*\) and no rows under them"):
        table.read(FIXTURES / "header_only.csv")


def test_unreadable_and_blank_dates_skip_their_rows_and_name_them() -> None:
    ds = table.read(FIXTURES / "bad_dates.csv")
    assert list(ds.events["title"]) == ["ok"]
    assert any(p.row == 3 and p.field == "date" and "someday" in p.message for p in ds.problems)
    assert any("no start date" in p.message for p in ds.problems)


def test_options_override_the_guessed_mapping() -> None:
    ds = table.read(FIXTURES / "comma.csv", title="Type", actors=["Actor"])
    assert list(ds.events["title"]) == ["corporate", "deal"]


def test_a_column_that_does_not_exist_is_a_load_error() -> None:
    with pytest.raises(LoadError, match="no column named 'nope'"):
        table.read(FIXTURES / "comma.csv", start="nope")


def test_guess_mapping_is_uncertain_without_a_title() -> None:
    mapping = guess_mapping(["cdatetime", "address", "crimedescr"])
    assert (mapping.start, mapping.description, mapping.certain) == ("cdatetime", "crimedescr", False)


def test_guess_mapping_pairs_a_date_with_its_time_and_zone_columns() -> None:
    mapping = guess_mapping(["Notification Dt", "Event Dt", "Event Time", "Time Zone", "Last Updated Dt"])
    assert (mapping.start, mapping.time, mapping.timezone) == ("Event Dt", "Event Time", "Time Zone")


def test_preview_shows_rows_mapping_encoding_delimiter_and_date_order() -> None:
    shown = table.preview(FIXTURES / "time_column.csv", rows=2)
    assert len(shown.rows) == 2
    assert (shown.delimiter, shown.encoding, shown.header, shown.date_order) == ("|", "utf-8", True, "mdy")
    assert shown.mapping.start == "Event Date"


def test_the_json_sniffer_accepts_flat_records_and_refuses_nested_statements() -> None:
    assert table.looks_like([{"date": "2020", "title": "x"}])
    assert not table.looks_like([{"statementType": "x", "subject": {"a": 1}, "interests": [{"b": 2}]}])


def test_xlsx_and_parquet_tables_load_like_csv(tmp_path: Path) -> None:
    frame = pd.DataFrame({"Date": ["2020-01-05", "2021-02-03"], "Title": ["A", "B"]})
    frame.to_excel(tmp_path / "t.xlsx", index=False)
    frame.assign(Date=pd.to_datetime(frame["Date"])).to_parquet(tmp_path / "t.parquet")
    for name in ("t.xlsx", "t.parquet"):
        ds = table.read(tmp_path / name)
        assert list(ds.events["title"]) == ["A", "B"]
        assert list(ds.events["precision"]) == ["day", "day"]


def test_excel_serial_numbers_in_a_workbook_become_dates(tmp_path: Path) -> None:
    pd.DataFrame({"when": [44000, 44001], "title": ["A", "B"]}).to_excel(tmp_path / "s.xlsx", index=False)
    ds = table.read(tmp_path / "s.xlsx")
    assert ds.events["start"].iloc[0] == pd.Timestamp("2020-06-18", tz="UTC")
    assert "Excel serial" in messages(ds)


def test_a_tags_column_is_the_events_tags_as_in_the_native_format(tmp_path: Path) -> None:
    """A file's ``tags`` (or ``keywords``) column feeds the tag filter, as the native format's and an engine
    source's do; it is not kept as an attribute besides."""
    path = tmp_path / "events.csv"
    path.write_text("date,title,Keywords,State\n2020-01-02,One,press;deal,IL\n2020-02-03,Two,,IL\n")
    assert guess_mapping(["date", "title", "Keywords"]).tags == "Keywords"
    events = table.read(path).events
    assert list(events["tags"]) == ["press;deal", ""]
    assert "attr:Keywords" not in events.columns and "attr:State" in events.columns


def test_a_duplicate_id_is_renamed_on_the_row_written_later_whatever_the_dates(tmp_path: Path) -> None:
    """The reader sorts by time before the model checks the ids: the file's order still decides."""
    path = tmp_path / "dups.csv"
    path.write_text("id,start,title\nE2,2020-01-05,first written\nE1,2018-01-01,other\nE2,2019-01-05,written later\n",
                    encoding="utf-8")
    ds = table.read(path)
    renamed = ds.events.set_index("title")["id"]
    assert renamed["first written"] == "E2" and renamed["written later"] == "E2#2"
    dups = [p for p in ds.problems if "duplicate id" in p.message]
    assert [p.row for p in dups] == [4]
    assert ds.events["title"].tolist() == ["other", "written later", "first written"]  # in time order


@pytest.mark.parametrize("clock", ["dates", "numbers"])
def test_an_unreadable_end_or_one_before_its_start_is_dropped_with_a_warning_naming_it(tmp_path: Path,
                                                                                       clock: str) -> None:
    path = tmp_path / "events.csv"
    cells = ([("2020-01-01", "2020-02-01"), ("2020-01-01", "31 Februaryish"), ("2020-03-01", "2019-01-01"),
              ("2020-04-01", "")] if clock == "dates" else [("1", "5"), ("2", "soon"), ("9", "3"), ("10", "")])
    path.write_text("id,tick,end,title\n" + "".join(f"e{i},{s},{e},t{i}\n" for i, (s, e) in enumerate(cells)))
    ds = table.read(path, start="tick")
    assert list(ds.events["id"]) == ["e0", "e1", "e2", "e3"]  # every event stays …
    assert ds.events["end"].notna().tolist() == [True, False, False, False]  # … without the end it cannot have
    said = [(p.row, p.field, p.level, p.message) for p in ds.problems if p.field == "end"]
    assert said == [(3, "end", "warning", f"expected a date (end ignored), got {cells[1][1]!r}"),
                    (4, "end", "warning", f"end is before start; end ignored, got {cells[2][1]!r}")]
