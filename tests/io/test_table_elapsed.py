"""Tables of times with no date (a day's log, an interview's transcript, a race's laps) open on the elapsed clock.
Before, every row was skipped ("expected a date, got '09:00'") and nothing was shown."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io.combine import combine
from viewer.model import clock
from viewer.model.problems import LoadError

DAY = "time,event,who\n09:00,Doors open,Staff\n09:15,Keynote,Alice\n10:30,Coffee,\n11:00,Panel,Bob\n"
TRANSCRIPT = ("start\tend\tspeaker\ttext\n00:00:01,600\t00:00:04,200\tInterviewer\tWhen did you first hear?\n"
              "00:00:05,900\t00:00:07,999\tWitness\tIn November 2018.\n")


def as_written(seconds: object) -> str:
    return clock.format_instant(seconds, "time", clock.ELAPSED)


def _open(tmp_path: Path, name: str, text: str) -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return viewer.load(path)


def test_a_days_log_opens_on_the_elapsed_clock_and_says_so(tmp_path: Path) -> None:
    ds = _open(tmp_path, "day.csv", DAY)
    assert ds.meta.clock == clock.ELAPSED and ds.event_count == 4
    assert [as_written(t) for t in ds.events["start"]] == ["9:00", "9:15", "10:30", "11:00"]
    assert list(ds.events["title"]) == ["Doors open", "Keynote", "Coffee", "Panel"]
    notes = [p.message for p in ds.problems]
    assert any("column 'time' holds times with no date" in m and "hours, minutes and seconds" in m for m in notes)
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_transcripts_cues_keep_their_ends_and_fractions(tmp_path: Path) -> None:
    ds = _open(tmp_path, "cues.tsv", TRANSCRIPT)
    assert ds.meta.clock == clock.ELAPSED
    assert [(as_written(a), as_written(b)) for a, b in zip(ds.events["start"], ds.events["end"], strict=True)] == [
        ("0:00:01.6", "0:00:04.2"), ("0:00:05.9", "0:00:07.999")]
    assert set(ds.entities["name"]) == {"Interviewer", "Witness"}


@pytest.mark.parametrize(("text", "first"), [
    ("Lap,Time\n1,1:23.4\n2,2:47.9\n", "0:01:23.4"),  # a stopwatch's minutes and seconds
    ("when,what\n9 AM,Open\n5:30 PM,Close\n", "9:00"),
    ("start,end,title\n09:00,10:00,a\n11:00,12:00,b\n", "9:00"),
])
def test_other_ways_of_writing_times_open_too(tmp_path: Path, text: str, first: str) -> None:
    ds = _open(tmp_path, "times.csv", text)
    assert ds.meta.clock == clock.ELAPSED and ds.event_count == 2 and as_written(ds.events["start"].iloc[0]) == first


def test_a_bad_time_among_good_ones_is_said_by_its_row(tmp_path: Path) -> None:
    ds = _open(tmp_path, "log.csv", "time,event\n" + "".join(f"0{i}:00,x{i}\n" for i in range(5)) + "soon,late\n")
    assert ds.meta.clock == clock.ELAPSED and ds.event_count == 5
    errors = [p for p in ds.problems if p.level == "error"]
    assert [(p.row, p.field) for p in errors] == [(7, "time")] and "expected a time like 9:30" in errors[0].message


def test_times_beside_a_date_column_are_still_a_schedule_not_the_elapsed_clock(tmp_path: Path) -> None:
    ds = _open(tmp_path, "rota.csv", "day,start_time,end_time,what\n2019-03-04,09:00,17:30,Day shift\n")
    assert ds.meta.clock == clock.CALENDAR and ds.events["start"].iloc[0].isoformat().startswith("2019-03-04T09:00")


def test_the_clock_can_be_asked_for_and_a_wrong_one_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("t,title\n90,a\n5400,b\n", encoding="utf-8")
    assert [as_written(t) for t in viewer.load(path, clock="elapsed").events["start"]] == ["0:01:30", "1:30"]
    with pytest.raises(LoadError, match="expected one of calendar, number, years, elapsed"):
        viewer.load(path, clock="hours")


def test_a_dated_file_and_a_days_log_do_not_mix(tmp_path: Path) -> None:
    day = _open(tmp_path, "day.csv", DAY)
    dated = _open(tmp_path, "dated.csv", "date,title\n2019-03-04,a\n")
    with pytest.raises(LoadError, match="hours, minutes and seconds with no date"):
        combine([dated, day])


def test_times_and_durations_stored_as_such_open_too(tmp_path: Path) -> None:
    """A workbook's time cells, Parquet's time64 and duration columns, pandas' timedelta written to CSV."""
    import datetime as dt

    import openpyxl
    import pandas as pd
    import pyarrow as pa
    import pyarrow.parquet as pq

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Time", "Event"])
    for hour in (9, 10):
        sheet.append([dt.time(hour, 15), f"at {hour}"])
    book.save(tmp_path / "times.xlsx")
    pq.write_table(pa.table({"time": pa.array([dt.time(9), dt.time(9, 15, 30, 500_000)], pa.time64("us")),
                             "title": ["a", "b"]}), tmp_path / "times.parquet")
    pd.DataFrame({"elapsed": pd.to_timedelta(["00:00:01.5", "00:01:00"]), "title": ["a", "b"]}).to_parquet(
        tmp_path / "offsets.parquet")
    (tmp_path / "offsets.csv").write_text("elapsed,title\n0 days 00:00:01.500000,a\n1 days 02:00:00,b\n")
    for name, first, second in (("times.xlsx", "9:15", "10:15"), ("times.parquet", "9:00", "9:15:30.5"),
                                ("offsets.parquet", "0:00:01.5", "0:01"), ("offsets.csv", "0:00:01.5", "26:00")):
        ds = viewer.load(tmp_path / name)
        assert ds.meta.clock == clock.ELAPSED and [as_written(t) for t in ds.events["start"]] == [first, second], name
        assert any("holds times with no date" in p.message for p in ds.problems), name


def test_a_nights_log_runs_past_midnight_into_the_next_day(tmp_path: Path) -> None:
    ds = _open(tmp_path, "night.csv", "time,end,event\n22:30,23:00,Dusk\n23:50,00:20,Call\n00:10,00:40,Alarm\n"
                                      "01:30,,Back\n")
    assert [(as_written(a), as_written(b)) for a, b in zip(ds.events["start"], ds.events["end"], strict=True)] == [
        ("22:30", "23:00"), ("23:50", "24:20"), ("24:10", "24:40"), ("25:30", "")]
    assert any("past midnight 1 time" in p.message for p in ds.problems)
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_a_log_in_another_order_is_not_moved_past_midnight(tmp_path: Path) -> None:
    ds = _open(tmp_path, "by_room.csv", "time,event\n23:50,a\n00:10,b\n22:00,c\n09:00,d\n")  # back by less, too
    assert {as_written(t) for t in ds.events["start"]} == {"0:10", "9:00", "22:00", "23:50"}
    assert not any("past midnight" in p.message for p in ds.problems)


WHISPER_JSON = ('{"text": " So when did you first hear? In November 2018.", "segments": ['
                '{"id": 0, "seek": 0, "start": 0.0, "end": 4.2, "text": " So when did you first hear?", "tokens": [1],'
                ' "avg_logprob": -0.2, "no_speech_prob": 0.01}, {"id": 1, "seek": 0, "start": 5.9, "end": 8.0, '
                '"text": " In November 2018.", "tokens": [3], "avg_logprob": -0.3, "no_speech_prob": 0.02}], '
                '"language": "en"}')
WHISPER_TSV = "start\tend\ttext\n0\t4200\tSo when did you first hear?\n5900\t8000\tIn November 2018.\n"


@pytest.mark.parametrize(("name", "text", "unit"), [("interview.json", WHISPER_JSON, "seconds"),
                                                    ("interview.tsv", WHISPER_TSV, "milliseconds")])
def test_whispers_segments_are_times_from_the_recordings_start(tmp_path: Path, name: str, text: str,
                                                                unit: str) -> None:
    """Before, the TSV's milliseconds were read as years (0 and 5900, silently) and the JSON's seconds as numbers."""
    ds = _open(tmp_path, name, text)
    assert ds.meta.clock == clock.ELAPSED
    assert [(as_written(a), as_written(b)) for a, b in zip(ds.events["start"], ds.events["end"], strict=True)] == [
        ("0:00", "0:00:04.2"), ("0:00:05.9", "0:00:08")]
    assert list(ds.events["title"]) == ["So when did you first hear?", "In November 2018."]
    assert any(f"times in {unit} from the recording's start" in p.message for p in ds.problems)


def test_youtubes_transcript_segments_end_after_their_duration(tmp_path: Path) -> None:
    """youtube-transcript-api's JSON: start and duration in seconds (before: plain numbers with no end)."""
    ds = _open(tmp_path, "video.json", '[{"text": "So when did you first hear?", "start": 0.0, "duration": 4.2}, '
                                       '{"text": "In November 2018.", "start": 5.9, "duration": 2.1}]')
    assert ds.meta.clock == clock.ELAPSED
    assert [(as_written(a), as_written(b)) for a, b in zip(ds.events["start"], ds.events["end"], strict=True)] == [
        ("0:00", "0:00:04.2"), ("0:00:05.9", "0:00:08")]
    assert ds.events["attr:duration"].tolist() == [4.2, 2.1]  # kept as it was written
    assert any("(start, duration and text" in p.message for p in ds.problems)


@pytest.mark.parametrize("text", ["start,end,text\n2019-03-04,2019-03-05,a\n",  # dates
                                  "start\tend\ttext\n-5\t10\ta\n",  # a number below zero is no time from a start
                                  "begin\tend\ttext\n0\t4200\ta\n",  # not Whisper's names
                                  "start,duration,text\n2019-03-04,PT1H,a\n"])  # a duration from a date
def test_other_tables_of_start_end_and_text_are_not_whispers(tmp_path: Path, text: str) -> None:
    ds = _open(tmp_path, "t.tsv", text)
    assert not any("transcript's segments" in p.message for p in ds.problems)


def test_bare_numbers_read_as_years_are_said_unless_they_look_like_years(tmp_path: Path) -> None:
    """Before, "0, 30, 60" in a start column were the years 0, 30 and 60, silently."""
    said = "holds bare numbers, read as years (0 to 60)"
    ds = _open(tmp_path, "minutes.csv", "start,end,title\n0,15,a\n30,45,b\n60,90,c\n")
    assert ds.meta.clock == clock.CALENDAR and any(said in p.message and p.level == "info" for p in ds.problems)
    assert viewer.load(tmp_path / "minutes.csv", clock="number").meta.clock == clock.NUMBER  # as the note says
    for text in ("year,title\n476,Fall of Rome\n800,Charlemagne\n", "start,title\n1914,a\n1939,b\n"):
        assert not any("bare numbers" in p.message for p in _open(tmp_path, "years.csv", text).problems)
    # a column named as dates is no column of years: "0, 30, 60" under "Date" were the years 0 to 60, silently
    assert any(said in p.message for p in _open(tmp_path, "dated.csv", "Date,title\n0,a\n30,b\n60,c\n").problems)



def test_unix_seconds_beside_milliseconds_keep_the_calendar(tmp_path: Path) -> None:
    """A date column of an ISO date, Unix seconds and Unix milliseconds switched the file to the years clock: the date
    became the year 2020 and the seconds "year 1.58 billion". The calendar stays; what it cannot read is said."""
    ds = _open(tmp_path, "mixed.csv", "date,title\n2020-01-01,iso\n1577923200,seconds\n1577923200000,millis\n")
    assert ds.meta.clock == clock.CALENDAR
    assert ds.events["start"].dt.strftime("%Y-%m-%d").tolist()[:2] == ["2020-01-01", "2020-01-02"]
    assert not any("years the calendar cannot place" in p.message for p in ds.problems)
