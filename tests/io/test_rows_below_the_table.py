"""Lines below a table (a total, "End of report", a generation stamp) and more header lines under its header
(a Qualtrics export's) are said once, as a note, where they were one error each; records with a bad date stay
errors, wherever they are."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import load

RECORDS = "Date,Description,Amount\n2019-03-04,Coffee,3.50\n2019-03-05,Lunch,12.00\n2019-03-06,Taxi,20.00\n"


def _read(tmp_path: Path, text: str, name: str = "statement.csv") -> tuple[int, list[tuple[str, int | None, str]]]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ds = load(path)
    return ds.event_count, [(p.level, p.row, p.message) for p in ds.problems if "title" not in p.message]


@pytest.mark.parametrize(("footer", "said"), [
    ("Total,,35.50\n", "1 line below the table skipped (a total or notes): 'Total 35.50'"),
    (",,35.50\n", "1 line below the table skipped (a total or notes): '35.50'"),
    ("Total,,35.50\nEnd of report\nGenerated 2019-03-07 10:14 by Online Banking\n",
     "3 lines below the table skipped (a total or notes): 'Total 35.50', 'End of report', 'Generated 2019-03-07 "
     "10:14 by Online Ban…'"),
])
def test_lines_below_the_table_are_one_note(tmp_path: Path, footer: str, said: str) -> None:
    count, problems = _read(tmp_path, RECORDS + footer)
    assert count == 3
    assert problems == [("info", 5, said)]


def test_a_record_with_a_bad_date_is_no_footer(tmp_path: Path) -> None:
    """Every field filled: a record whose date is unreadable, at the end or above the footer."""
    count, problems = _read(tmp_path, RECORDS + "TBD,Refund,5.00\n")
    assert count == 3 and problems == [("error", 5, "expected a date, got 'TBD'; row skipped")]


def test_a_last_record_missing_only_its_date_is_no_footer(tmp_path: Path) -> None:
    """An edge list's last tie with no date (``d,c,equity_stake,20,,``) was skipped as "a total or notes", said only
    as information: a tie lost with no word of it. It fills every field the records fill but the date: an error."""
    edges = ("Source,Target,Type,Stake,Start,End\na,b,equity_stake,30,2010-01-01,\nb,c,equity_stake,40,2011-01-01,\n"
             "c,a,equity_stake,35,2012-01-01,\nd,c,equity_stake,20,,\n")
    count, problems = _read(tmp_path, edges, "edges.csv")
    assert count == 3
    assert problems == [("error", None, "1 row has no start date (first: row 5); skipped")]
    count, problems = _read(tmp_path, RECORDS + ",Refund,5.00\n")
    assert count == 3 and [level for level, *_ in problems] == ["error"]
    count, problems = _read(tmp_path, RECORDS + "TBD,Refund,5.00\nTotal,,40.50\n")
    assert count == 3 and [(level, row) for level, row, _ in problems] == [("info", 6), ("error", 5)]


def test_only_the_last_few_rows_and_only_after_records_can_be_a_footer(tmp_path: Path) -> None:
    undated = "".join(f"soon,Item {i},\n" for i in range(8))  # eight short records without dates: no footer
    count, problems = _read(tmp_path, RECORDS + undated)
    assert count == 3 and [(level, row) for level, row, _ in problems] == [("error", 5 + i) for i in range(8)]
    count, problems = _read(tmp_path, "Date,Description,Amount\n2019-03-04,Coffee,3.50\nTotal,,3.50\n")
    # too few records to tell a footer by its shape; a row that names itself a total is one all the same
    assert count == 1 and problems == [("info", 3, "1 line below the table skipped (a total or notes): 'Total 3.50'")]
    count, problems = _read(tmp_path, "Date,Description,Amount\n2019-03-04,Coffee,3.50\nSoon,,3.50\n")
    assert count == 1 and problems == [("error", 3, "expected a date, got 'Soon'; row skipped")]


def test_a_total_with_a_title_after_a_blank_row_is_below_the_table(tmp_path: Path) -> None:
    """A report's sheet ends with a blank row and "Total,,3 events": the total fills the title column, so it was
    not taken for a footer, and both rows were said as errors ("2 rows have no start date")."""
    path = tmp_path / "report.xlsx"
    rows = [[1, "1999-03-27", "Alliance signed", "capital"], [2, "2002-03-01", "Nissan takes 15%", "capital"],
            [3, "2016-10-20", "Mitsubishi joins", "capital"], [None, None, None, None],
            ["Total", None, "3 events", None]]
    pd.DataFrame(rows, columns=["No.", "Date", "Headline", "Category"]).to_excel(path, index=False)
    ds = load(path)
    assert ds.event_count == 3
    said = [(p.level, p.row, p.message) for p in ds.problems if p.level != "info" or "below" in p.message]
    assert said == [("info", 5, "2 lines below the table skipped (a total or notes): 'Total 3 events'")]


def test_a_workbook_ending_in_a_total(tmp_path: Path) -> None:
    path = tmp_path / "ledger.xlsx"
    rows = [["2019-03-04", "Coffee", 3.5], ["2019-03-05", "Lunch", 12.0], ["2019-03-06", "Taxi", 20.0],
            ["Total", None, 35.5]]
    pd.DataFrame(rows, columns=["Date", "Description", "Amount"]).to_excel(path, index=False)
    ds = load(path)
    assert ds.event_count == 3
    assert [(p.level, p.row) for p in ds.problems if "below the table" in p.message] == [("info", 5)]
    assert not [p for p in ds.problems if p.level == "error"]


def test_a_last_record_with_its_title_but_empty_fields_stays_an_error(tmp_path: Path) -> None:
    """A withdrawn filing: no date, no fee, but its title: a record, not a line below the table."""
    text = "filed_on,title,fee,party\n" + "".join(f"1999-0{i}-10,Filing {i},12.5,acme\n" for i in range(1, 6))
    count, problems = _read(tmp_path, text + "not filed,Withdrawn,,\n")
    assert count == 5 and problems == [("error", 7, "expected a date, got 'not filed'; row skipped")]
    count, problems = _read(tmp_path, text + "Total,,62.5,\n")
    assert count == 5 and [(level, row) for level, row, _ in problems] == [("info", 7)]


QUALTRICS = ("StartDate,EndDate,Progress,Duration (in seconds),Finished,ResponseId,Q1\n"
             "Start Date,End Date,Progress,Duration (in seconds),Finished,Response ID,How satisfied are you?\n"
             '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""progress""}",'
             '"{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""_recordId""}",'
             '"{""ImportId"":""QID1""}"\n'
             + "".join(f"2023-05-0{i} 10:00:00,2023-05-0{i} 10:05:00,100,{300 + i},1,R_{i},{i % 5}\n"
                       for i in range(1, 6)))


def test_more_header_lines_under_the_header_are_one_note(tmp_path: Path) -> None:
    """A Qualtrics export: each question's text and its import id under the column names (two errors before)."""
    count, problems = _read(tmp_path, QUALTRICS, "survey.csv")
    assert count == 5
    (said,) = [(level, row, message) for level, row, message in problems if "header" in message]
    assert said[:2] == ("info", 2)
    assert said[2].startswith("2 lines under the header skipped (more header lines): 'Start Date End Date Progress")
    assert not [p for p in problems if p[0] == "error"]


def test_a_first_record_with_a_bad_date_stays_an_error(tmp_path: Path) -> None:
    count, problems = _read(tmp_path, "Date,Description,Amount\nTBD,Refund,5.00\n" + RECORDS.split("\n", 1)[1])
    assert count == 3 and problems == [("error", 2, "expected a date, got 'TBD'; row skipped")]
    words = ("date,title,place\nsoon,Launch,Paris\n2019-03-04,Coffee,Rome\n2019-03-05,Lunch,Oslo\n"
             "2019-03-06,Taxi,Bonn\n")
    count, problems = _read(tmp_path, words)  # no column of numbers: nothing tells a header line from a record
    assert count == 3 and problems == [("error", 2, "expected a date, got 'soon'; row skipped")]


def test_a_fiscal_year_is_said_for_what_it_needs(tmp_path: Path) -> None:
    """A fiscal year names no months (Nissan's FY2019 began in April 2019, the US government's in October 2018)."""
    path = tmp_path / "results.csv"
    path.write_text("date,title\nFY2019,Results\n2019-05-13,Announcement\n", encoding="utf-8")
    ds = load(path)
    said = [p.message for p in ds.problems if p.level == "error"]
    assert len(said) == 1 and "got 'FY2019' (a fiscal year: its months depend on who keeps the books" in said[0]


@pytest.mark.parametrize("name", ["joined.csv", "joined.tsv", "joined.txt"])
def test_files_joined_one_after_another_are_read_whole_their_repeated_headers_said_once(tmp_path: Path,
                                                                                        name: str) -> None:
    """``cat 2019.csv 2020.csv > both.csv``, a report printed page by page: each repeated header was an error,
    "expected a date, got 'Date'". A record with a bad date stays an error, and so does a row whose start cell
    alone reads "Date"."""
    sep = "\t" if name.endswith(".tsv") else ","
    def table(rows: str) -> str:
        return rows.replace(",", sep)
    second = table("\ufeffDate,Description,Amount\n2020-01-04,Books,30.00\n2020-01-05,Train,45.00\n")
    text = table(RECORDS) + second + table("DATE,DESCRIPTION,AMOUNT\n2020-02-01,Rent,900.00\nTBD,Meeting,5.00\n"
                                           "Date,Lunch with the date column,7.00\n")
    count, said = _read(tmp_path, text, name)
    assert count == 6
    assert said == [("info", 5, "2 lines (the first here) repeating the header skipped (tables joined one after "
                              "another)"),
                    ("error", 10, "expected a date, got 'TBD'; row skipped"),
                    ("error", 11, "expected a date, got 'Date'; row skipped")]
