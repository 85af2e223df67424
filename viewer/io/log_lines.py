"""A program's log as a timeline: each line led by a timestamp is an event, its further lines (a stack trace) kept with
it. Read: ISO-led lines (``2019-03-04 10:00:00,123 ERROR db: …``, ``[2019-03-04T10:00:00Z] …``), Go's and nginx's
``2019/03/04 10:00:00 [error] …``, syslog's ``Mar 4 10:00:00 host sshd[42]: …`` (which writes no year: the file's last
change gives the last line's, counted back across New Year, said) and web servers' access logs (``203.0.113.9 - -
[04/Mar/2019:10:00:00 +0000] "GET / HTTP/1.1" 200 …``, the client as the actor). A line as a syslog server or collector
keeps it, led by its priority (RFC 5424's ``<34>1 2019-03-04T10:00:00Z host app …``, RFC 3164's ``<34>Mar  4 10:00:00
…``), is read after it (before, such lines were taken as more text of the line above). A level word (INFO, WARNING,
ERROR …) near the start is the category."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from viewer.io import led_lines
from viewer.model.dataset import Dataset
from viewer.model.problems import Problem

EXPECTED = ("a log: lines led by a timestamp (2019-03-04 10:00:00 …, 2019/03/04 10:00:00 …, syslog's Mar  4 "
            "10:00:00 …) or a web server's access log")
SUFFIXES = (".log",)
_ISO = re.compile(r"^\[?(?P<when>\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?"
                  r"(?:\s?(?:Z|UTC|[+-]\d{2}:?\d{2}))?)\]?[\s|:-]+(?P<rest>.*)$")
_SLASHED = re.compile(r"^\[?(?P<when>\d{4}/\d{2}/\d{2} \d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?)\]?\s+(?P<rest>.*)$")
_SYSLOG = re.compile(r"^(?P<month>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<time>\d{2}:\d{2}:\d{2})\s+(?P<rest>.*)$")
_ACCESS = re.compile(r'^(?P<host>\S+) \S+ \S+ \[(?P<when>\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\] '
                     r'(?P<rest>.*)$')
_LEVEL = re.compile(r"\b(TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|CRIT|CRITICAL|ALERT|EMERG|FATAL|SEVERE)\b",
                    re.IGNORECASE)
_LEVELS = {"warn": "warning", "err": "error", "crit": "critical", "emerg": "emergency", "severe": "error"}
_PROGRAM = re.compile(r"^(?:(?P<host>\S+) )?(?P<program>[\w./-]+)(?:\[\d+\])?: (?P<message>.*)$", re.DOTALL)
_REQUEST = re.compile(r'^"(?P<request>[^"]*)" (?P<status>\d{3})\b')
SNIFFED_LINES = 10
LEVEL_WITHIN = 48  # characters from a line's start where a level word is looked for
SYSLOG = "\x00"  # put before a syslog line's rest (no line of text holds it)
NAMED = "\x01"  # put before an RFC 5424 line's rest, rewritten as syslog's "host program: message" (its year written)
_PRIORITY = re.compile(r"^<\d{1,3}>(?:1 )?")  # a syslog message's priority, and RFC 5424's version after it
# after RFC 5424's timestamp: host, program, process id, message id ("-" when none), structured data, the message
_RFC5424 = re.compile(r"^(?P<host>\S+) (?P<app>[\w./-]+) \S+ \S+ (?:-|(?:\[(?:[^\]\\]|\\.)*\])+) ?(?P<message>.*)$")


def _led(line: str, year: int = 2000) -> tuple[str, str] | None:
    versioned = line.startswith("<") and (prefix := _PRIORITY.match(line)) is not None and prefix.group().endswith(" ")
    line = _PRIORITY.sub("", line, count=1) if line.startswith("<") else line
    for pattern in (_ISO, _SLASHED):
        found = pattern.match(line)
        if found:  # (Python's logging writes 10:00:00,123: a point keeps it on the parser's fast path)
            rest = found.group("rest")
            fields = _RFC5424.match(rest) if versioned else None
            if fields:  # host, program, process and message ids, structured data: read as syslog's host program:
                rest = NAMED + f"{fields['host']} {fields['app']}: {fields['message']}"
            return found.group("when").replace("/", "-", 2).replace(",", "."), rest
    found = _ACCESS.match(line)
    if found:
        return found.group("when"), f"{found.group('host')} {found.group('rest')}"
    found = _SYSLOG.match(line)
    if found:  # (marked: its rest is "host program[pid]: message")
        return f"{found.group('day')} {found.group('month')} {year} {found.group('time')}", SYSLOG + found.group("rest")
    return None


def looks_like(head: bytes) -> bool:
    """Whether a text starts as a log: its first line, and half of its first lines (a stack trace takes the others),
    led by a timestamp."""
    lines = [line for line in led_lines.lines_of(head.decode("utf-8", errors="replace"))
             if line.strip()][:SNIFFED_LINES]
    if not head.endswith(b"\n"):  # the last line of a head may be cut anywhere
        lines = lines[:-1] or lines
    led = [_led(line) is not None for line in lines]
    return bool(led) and led[0] and sum(led) * 2 >= len(led)


def read(path: str | Path, date_order: str | None = None, **_options: Any) -> Dataset:
    """Read a log into events: one per timestamped line."""
    path = Path(path)
    changed = dt.datetime.fromtimestamp(path.stat().st_mtime, tz=dt.UTC)
    records = led_lines.read_records(path, lambda line: _led(line, changed.year), EXPECTED)
    years = _syslog_years(records, changed)
    kept, problems = led_lines.dated(records, str(path), "line", date_order)
    if years:
        span = f"in {years[0]}" if years[0] == years[-1] else f"from {years[0]} to {years[-1]}"
        problems.append(Problem(str(path), f"syslog writes no year: its dates are read {span}, counted back from "
                                f"the file's last change ({changed:%d %b %Y}), a year for each month that goes "
                                "back (December to January)", None, "date", "info"))
    return led_lines.dataset(path, [_event(record, instant) for record, instant in kept], problems, EXPECTED,
                             "line")


MONTHS = {name: number for number, name in enumerate(
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), start=1)}


def _syslog_years(records: list[led_lines.Record], changed: dt.datetime) -> list[int]:
    """Syslog's lines, which write no year, given theirs (first to last, as read): the last line's is the year of the
    file's last change (the year before when its month is later than that change's: a log rotated on 1 January),
    and going back, a line whose month is two or more after the next one's (December before January) is in the
    year before; one month after is taken for lines a little out of order at a month's turn. [] when the file
    has no syslog line."""
    year, later = changed.year, changed.month
    years: list[int] = []
    for record in reversed(records):
        if not record.lines[0].startswith(SYSLOG):
            continue
        day, name, _written, time = record.when.split(" ")
        month = MONTHS.get(name, later)
        if month - later >= 2 or (not years and month > later):  # (a month back: lines a little out of order)
            year -= 1
        later = month
        record.when = f"{day} {name} {year} {time}"
        years.append(year)
    return years[::-1]


def _event(record: led_lines.Record, instant: str) -> dict[str, str]:
    text, actor = record.text.removeprefix(SYSLOG).removeprefix(NAMED), ""
    if record.lines[0].startswith((SYSLOG, NAMED)):  # syslog: host, program[pid]: message
        said = _PROGRAM.match(text)
        if said:
            actor, text = said.group("program"), said.group("message").strip()
    elif (host := text.split(" ", 1))[0] and _REQUEST.match(host[-1]):  # an access log: the client first
        actor, text = host[0], host[-1]
    level = _LEVEL.search(text[:LEVEL_WITHIN])
    request = _REQUEST.match(text)
    category = (_LEVELS.get(level.group(1).lower(), level.group(1).lower()) if level
                else f"HTTP {request.group('status')[0]}xx" if request else "log")
    return {"id": f"m{record.row}", "start": instant, "title": led_lines.title_of(text) or "(empty)",
            "actors": actor, "category": category, "description": text}
