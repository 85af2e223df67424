"""A program's log opens as a timeline: one event per timestamped line, a stack trace kept with its line, the level as
the category. Logs were read as tables ("no date column among column1, column2") or refused."""

from __future__ import annotations

import gzip
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

import viewer

FIXTURE = Path(__file__).parent / "fixtures_tables" / "app.log"
SYSLOG = ("Mar  4 10:00:00 web1 sshd[4242]: Accepted publickey for ana from 203.0.113.9 port 52222\n"
          "Mar  4 10:05:00 web1 CRON[99]: (root) CMD (run-parts /etc/cron.hourly)\n"
          "Mar  5 09:00:00 web1 kernel: Out of memory: Killed process 1234\n")
ACCESS = ('203.0.113.9 - - [04/Mar/2019:10:00:00 +0000] "GET / HTTP/1.1" 200 512 "-" "curl/7.64"\n'
          '198.51.100.7 - ana [04/Mar/2019:10:00:02 +0000] "POST /login HTTP/1.1" 302 0 "-" "Mozilla/5.0"\n'
          '203.0.113.9 - - [04/Mar/2019:10:00:03 +0000] "GET /missing HTTP/1.1" 404 162 "-" "curl/7.64"\n')


def test_an_application_log_with_a_stack_trace() -> None:
    events = viewer.load(FIXTURE).events
    assert list(events["category"].astype(str)) == ["info", "warning", "error", "info"]
    assert str(events["start"].iloc[0]) == "2019-03-04 10:00:00.123000+00:00"
    assert events["description"].iloc[2].endswith('File "db.py", line 3, in connect\nConnectionError: refused')
    assert events["title"].iloc[2] == "ERROR db: connection lost"


def test_syslog_takes_its_year_from_the_file_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "syslog"  # no suffix: known by its lines
    path.write_text(SYSLOG, encoding="utf-8")
    when = 1_560_000_000  # June 2019
    os.utime(path, (when, when))
    ds = viewer.load(path)
    assert [str(t) for t in ds.events["start"]][:2] == ["2019-03-04 10:00:00+00:00", "2019-03-04 10:05:00+00:00"]
    assert list(ds.events["actors"].astype(str)) == ["sshd", "CRON", "kernel"]
    assert ds.events["title"].iloc[2] == "Out of memory: Killed process 1234"
    assert any("syslog writes no year: its dates are read in 2019" in p.message for p in ds.problems)


@pytest.mark.parametrize(("changed", "expected"), [
    # rotated on 2 January 2020: December's lines are 2019's
    ("2020-01-02T08:00:00", ["2019-12-30", "2019-12-31", "2020-01-01", "2020-01-02"]),
    # rotated on 1 January just after midnight, the last line on 31 December: all of them 2019's
    ("2020-01-01T00:00:30", ["2019-12-29", "2019-12-30", "2019-12-31", "2019-12-31"]),
    # two turns of the year in one long file
    ("2021-01-05T00:00:00", ["2019-12-30", "2020-06-01", "2020-12-31", "2021-01-02"]),
])
def test_syslog_counts_its_years_back_across_new_year(tmp_path: Path, changed: str, expected: list[str]) -> None:
    months = {"2019-12-30": "Dec 30", "2019-12-31": "Dec 31", "2020-01-01": "Jan  1", "2020-01-02": "Jan  2",
              "2019-12-29": "Dec 29", "2020-06-01": "Jun  1", "2020-12-31": "Dec 31", "2021-01-02": "Jan  2"}
    path = tmp_path / "syslog"
    path.write_text("".join(f"{months[day]} 23:59:00 web1 CRON[{i}]: (root) CMD (job {i})\n"
                            for i, day in enumerate(expected)), encoding="utf-8")
    when = datetime.fromisoformat(changed).replace(tzinfo=UTC).timestamp()
    os.utime(path, (when, when))
    ds = viewer.load(path)
    assert [str(t.date()) for t in ds.events["start"]] == expected
    said = next(p.message for p in ds.problems if "syslog writes no year" in p.message)
    span = f"in {expected[0][:4]}" if expected[0][:4] == expected[-1][:4] else \
        f"from {expected[0][:4]} to {expected[-1][:4]}"
    assert f"its dates are read {span}, counted back from the file's last change" in said, said


@pytest.mark.parametrize("name", ["access.log", "access.log.gz"])
def test_an_access_log_names_its_clients_and_status_classes(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(ACCESS.encode()) if name.endswith(".gz") else ACCESS.encode())
    events = viewer.load(path).events
    assert list(events["actors"].astype(str)) == ["203.0.113.9", "198.51.100.7", "203.0.113.9"]
    assert list(events["category"].astype(str)) == ["HTTP 2xx", "HTTP 3xx", "HTTP 4xx"]
    assert events["title"].iloc[2].startswith('"GET /missing HTTP/1.1" 404')


def test_go_and_nginx_logs_and_text_tables_are_told_apart(tmp_path: Path) -> None:
    nginx = tmp_path / "error.log"
    nginx.write_text('2019/03/04 10:00:00 [error] 31#31: open() "/srv/x" failed\n'
                     "2019/03/04 10:00:01 [notice] 31#31: signal process started\n", encoding="utf-8")
    assert list(viewer.load(nginx).events["category"].astype(str)) == ["error", "notice"]
    table = tmp_path / "events.txt"
    table.write_text("timestamp\ttitle\n2019-03-04 10:00:00\tLaunch\n2019-03-05 11:00:00\tReview\n", encoding="utf-8")
    assert list(viewer.load(table).events["title"]) == ["Launch", "Review"]


RFC_LINES = ('<34>1 2019-03-04T10:00:00.003Z mymachine su - ID47 - su root failed on /dev/pts/8\n'
             '<165>1 2019-03-04T10:00:06Z host.example evntslog 1 ID47 [exampleSDID@32473 iut="3" '
             'eventSource="App"] An application event\n'
             '<13>Mar  4 10:00:05 mymachine app[7]: a line as RFC 3164 sends it\n')


def test_lines_led_by_a_syslog_priority_are_read_after_it(tmp_path: Path) -> None:
    """As a syslog server or collector keeps them (RFC 5424, RFC 3164): before, a priority first made each line
    more text of the line above, or the file no log at all."""
    path = tmp_path / "collector.log"
    path.write_text(RFC_LINES, encoding="utf-8")
    os.utime(path, (datetime(2019, 12, 31, tzinfo=UTC).timestamp(),) * 2)
    ds = viewer.load(path)
    events = ds.events
    assert [t.isoformat() for t in events["start"]] == ["2019-03-04T10:00:00.003000+00:00",
                                                        "2019-03-04T10:00:05+00:00", "2019-03-04T10:00:06+00:00"]
    assert events["title"].tolist() == ["su root failed on /dev/pts/8", "a line as RFC 3164 sends it",
                                        "An application event"]
    assert events["actors"].tolist() == ["su", "app", "evntslog"]
