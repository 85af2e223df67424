"""Tables in awkward shapes open: integer dates, no header, CR line endings, outlier years, true row numbers."""

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import native, table

FIXTURES = Path(__file__).parent / "fixtures_import"


def test_a_headerless_tsv_with_yyyymmdd_integers_reads_its_dates_at_day_precision() -> None:
    ds = table.read(FIXTURES / "gdelt_shape.tsv")
    assert len(ds.events) == 5
    assert [str(t.date()) for t in ds.events["start"]] == ["2015-02-18", "2015-02-18", "2015-02-19", "2015-03-01",
                                                            "2015-03-02"]
    assert set(ds.events["precision"]) == {"day"}
    names = [a.name for a in ds.attributes]
    assert names[:2] == ["column1", "column3"] and "column7" in names
    assert ds.events["attr:column7"].tolist()[2] == "LONDON"
    assert any("no header row" in p.message for p in ds.problems)


def test_yyyymm_integers_read_at_month_precision() -> None:
    ds = table.read(FIXTURES / "gdelt_shape.tsv", start="column3")
    assert set(ds.events["precision"]) == {"month"}
    assert str(ds.events["start"].iloc[-1].date()) == "2015-03-01"


@pytest.mark.parametrize(("written", "read"), [
    (["190315", "190422", "190517", "991231"], ["2019-03-15", "2019-04-22", "2019-05-17", "1999-12-31"]),
    (["190305", "190306", "190417"], ["2019-03-05", "2019-03-06", "2019-04-17"]),  # (two of them could be YYYYMM)
])
def test_six_digit_dates_written_yymmdd_read_as_days(tmp_path: Path, written: list[str], read: list[str]) -> None:
    """Before, 190315 was the year 190,315 (the table went to the clock of deep time) and 190305 was May 1903."""
    path = tmp_path / "days.csv"
    path.write_text("date,title\n" + "".join(f"{w},row {i}\n" for i, w in enumerate(written)), encoding="utf-8")
    ds = viewer.load(path)
    by_title = ds.events.set_index("title")
    assert [str(by_title.loc[f"row {i}", "start"].date()) for i in range(len(written))] == read
    assert set(ds.events["precision"]) == {"day"} and ds.meta.clock == "calendar"
    assert [p.message for p in ds.problems] == [
        "six-digit integers read as dates written YYMMDD (190305: 5 March 2019; a year 69-99 in the 1900s)"]


def test_six_digit_months_stay_months_and_a_slip_among_them_is_said(tmp_path: Path) -> None:
    path = tmp_path / "months.csv"
    path.write_text("date,title\n201903,a\n201904,b\n201913,c\n", encoding="utf-8")
    ds = viewer.load(path)
    assert [str(t.date()) for t in ds.events.sort_values("title")["start"]] == ["2019-03-01", "2019-04-01"]
    assert any("201913" in p.message for p in ds.problems)


def test_a_column_of_year_integers_is_found_as_the_date_column_whatever_its_name() -> None:
    ds = table.read(FIXTURES / "years_only.csv")
    assert [t.year for t in ds.events["start"]] == [1999, 2004, 2011]
    assert set(ds.events["precision"]) == {"year"}


@pytest.mark.parametrize("name", ["cr_only.csv", "mixed_endings.csv"])
def test_cr_only_and_mixed_line_endings_read_without_a_csv_module_error(name: str) -> None:
    ds = viewer.load(FIXTURES / name)
    assert len(ds.events) in (3, 4)


def test_a_cr_only_file_reads_every_row_and_column() -> None:
    ds = table.read(FIXTURES / "cr_only.csv")
    assert ds.events["title"].tolist() == ["Euro launched", "Kosovo strikes", "Y2K"]
    assert ds.events["attr:place"].tolist() == ["Frankfurt", "Belgrade", "World"]


def test_rows_are_the_lines_an_editor_shows_after_blank_lines_and_quoted_line_breaks() -> None:
    ds = table.read(FIXTURES / "mixed_endings.csv")
    assert dict(zip(ds.events["title"], ds.events["row"], strict=True)) == {"One": 2, "Two": 4, "Three": 6,
                                                                           "Five": 8}
    bad = [p for p in ds.problems if "someday" in p.message]
    assert [p.row for p in bad] == [7]


def test_rows_of_a_native_folder_count_the_header_and_skipped_blank_lines(tmp_path: Path) -> None:
    folder = tmp_path / "ds"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\nE1,2020-01-01,a\n\nE2,2020-13-01,b\nE3,2020-02-01,c\n")
    ds = native.read(folder)
    assert ds.events.set_index("id")["row"].to_dict() == {"E1": 2, "E3": 5}
    assert [p.row for p in ds.problems if p.field == "start"] == [4]


def test_outlier_years_are_reported_with_their_count_and_the_window_fits_the_bulk() -> None:
    ds = table.read(FIXTURES / "outlier_years.csv")
    assert len(ds.events) == 12  # kept
    warning = next(p for p in ds.problems if "far from the bulk" in p.message)
    assert warning.level == "warning" and warning.message.startswith("2 dates")
    assert "1201" in warning.message and "3201" in warning.message and "rows 7, 12" in warning.message
    assert ds.meta.default_start is not None and ds.meta.default_end is not None
    assert ds.meta.default_start.start.year == 2001 and ds.meta.default_end.start.year == 2011


def test_a_table_without_outliers_gets_no_window_and_no_warning() -> None:
    ds = table.read(FIXTURES / "cr_only.csv")
    assert ds.meta.default_start is None
    assert not any("far from the bulk" in p.message for p in ds.problems)


def test_two_digit_years_pivoted_into_the_future_are_a_warning_with_their_count() -> None:
    ds = table.read(FIXTURES / "two_digit_future.csv")
    warning = next(p for p in ds.problems if "future" in p.message)
    assert warning.level == "warning" and "3 " in warning.message and "2039–2046" in warning.message


def test_a_first_row_of_numbers_under_numeric_columns_is_data_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "plain.csv"
    path.write_text("Alice,Bob,20200101\nCarol,Dave,20200102\nErin,Frank,20200103\nGus,Hal,20200104\n")
    ds = table.read(path)
    assert len(ds.events) == 4 and ds.events["title"].tolist()[0] == "Alice"  # the first column of varied text
    assert ds.events["attr:column2"].tolist()[0] == "Bob"


def test_integer_dates_that_are_not_valid_days_are_named_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("when,title\n20200101,a\n20201399,b\n20200301,c\n")
    ds = table.read(path, start="when")
    assert ds.events["title"].tolist() == ["a", "c"]
    assert any(p.row == 3 for p in ds.problems)
    assert pd.api.types.is_datetime64_any_dtype(ds.events["start"])


def test_one_outlier_is_said_in_the_singular(tmp_path: Path) -> None:
    path = tmp_path / "one_far.csv"
    path.write_text("date,title\n" + "".join(f"201{i}-01-01,e{i}\n" for i in range(10)) + "1900,far\n",
                    encoding="utf-8")
    warning = next(p for p in table.read(path).problems if "far from the bulk" in p.message)
    assert warning.message.startswith("1 date far from the bulk") and "year 1900 (row 12)" in warning.message


SQL_EXPORT = ("id,opened_on,closed_on,title,amount,approved_on\n"
              + "".join(f"{i},2019-03-{i + 1:02d},NULL,Case {i},{'NULL' if i % 3 else i * 1.5},"
                        f"{'N/A' if i % 2 else '2019-04-01'}\n" for i in range(20))
              + "20,NULL,NULL,Never opened,NULL,NULL\n21,2019-04-02,2019-04-09,Closed,7,2019-04-09\n")


# pandas writes NaT for a missing time turned into text, MySQL 0000-00-00 for its zero date
PANDAS_AND_MYSQL = ("id,opened_on,closed_on,title,paid_on\n1,2019-03-01,NaT,a,0000-00-00 00:00:00\n"
                    "2,2019-03-02,0000-00-00,b,2019-03-05\n3,0000-00-00,NaT,c,NaN\n4,2019-03-04,2019-03-06,d,NaT\n")


@pytest.mark.parametrize(("text", "events", "ends", "types"), [
    (SQL_EXPORT, 21, 20, {"amount": "number", "approved_on": "date"}),
    (PANDAS_AND_MYSQL, 3, 2, {"paid_on": "date"}),
])
def test_a_sql_export_s_nulls_are_values_not_there(tmp_path: Path, text: str, events: int, ends: int,
                                                   types: dict[str, str]) -> None:
    """NULL and N/A as a database tool writes a missing value (NaT as pandas does, 0000-00-00 as MySQL does): an end
    not there (not twenty warnings), a start not there (a row without a start, not an unreadable date: a start
    column of three dates and a 0000-00-00 was refused as no date column), and a column of amounts or dates still
    typed as amounts and dates (it was text: no sum, no range)."""
    path = tmp_path / "cases.csv"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == events
    said = [(p.level, p.field, p.message) for p in ds.problems]
    assert ("info", "closed_on", f"{ends} ends written as a missing value ('NULL', 'N/A' …): those events have no "
            "end") in said, said
    assert any(field == "opened_on" and "1 row has no start date" in message for _, field, message in said), said
    assert not [s for s in said if s[0] != "info" and ("NULL" in s[2] or "expected a date" in s[2])], said
    assert {a.name: a.type for a in ds.attributes} == types
    assert "amount" not in types or ds.events["attr:amount"].max() == 27.0
