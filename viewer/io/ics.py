"""iCalendar (``.ics``) files: each VEVENT, with recurring events expanded inside a bounded window, and each task
(VTODO: from its DTSTART to its DUE, or at its DUE alone) and journal entry (VJOURNAL), which were dropped without
a word; a task or an entry with no date is counted once, not read. Its organizer and attendees are its actors
(:mod:`viewer.io.ics_people`); only the lines read are parsed (:mod:`viewer.io.ics_lines`).

All-day events (``VALUE=DATE``) are read at day precision, their exclusive DTEND turned into the last day they cover.
Times with a TZID or an embedded VTIMEZONE are converted to UTC; floating times (no zone) are read in the calendar's
own zone (``X-WR-TIMEZONE``), else taken as UTC and ``build_dataset`` says so. RRULE/RDATE/EXDATE are expanded by
``recurring-ical-events``: at most :data:`MAX_OCCURRENCES` per event and no further than :data:`MAX_YEARS` after
DTSTART. A VEVENT with a RECURRENCE-ID replaces the occurrence it names and keeps its id (``UID@original start``), so
ids stay stable when an occurrence moves. A malformed calendar is read event by event where it can be."""

from __future__ import annotations

import html
import re
import warnings
import zoneinfo
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pandas as pd
import recurring_ical_events
from icalendar import Calendar, Component, Event, vBroken

from viewer.io import code_pages, ics_bounds, ics_lines, ics_people, ics_zones
from viewer.io.reading import read_document, utf8
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

ics_lines.install()
MAX_OCCURRENCES = 500
MAX_YEARS = ics_bounds.MAX_YEARS
_COLUMNS = ["id", "start", "end", "title", "description", "category", "tags", "source_url", "actors"]
_BLOCK = re.compile(r"^BEGIN:VEVENT\s*$.*?^END:VEVENT\s*$", re.MULTILINE | re.DOTALL | re.IGNORECASE)
# What icalendar raises on malformed content lines: ValueError mostly, but also AttributeError for a
# list-valued parameter (``DTSTART;VALUE=DATE,:…``) and IndexError/KeyError/TypeError on broken structure.
_ICAL_ERRORS = (ValueError, IndexError, KeyError, AttributeError, TypeError, RecursionError)
_BEGIN = re.compile(r"^BEGIN:VEVENT\s*$", re.MULTILINE | re.IGNORECASE)
_FOLD = re.compile(rb"\r?\n[ \t]")  # a folded line's break: CRLF (or LF) and one space or tab
Moment = date | datetime
_KINDS = ("VEVENT", "VTODO", "VJOURNAL")
_KIND_NAMES = {"VTODO": "task", "VJOURNAL": "journal entry"}  # a task's or an entry's category, unless it has one


def looks_like(head: object) -> bool:
    """True when the first bytes of a file start an iCalendar object (``BEGIN:VCALENDAR``, or a bare VEVENT, VTODO or
    VJOURNAL, as a mail client saves one event or task)."""
    head = head.encode() if isinstance(head, str) else head
    if not isinstance(head, bytes):
        return False
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:16].upper()
    return text.startswith((b"BEGIN:VCALENDAR", b"BEGIN:VEVENT", b"BEGIN:VTODO", b"BEGIN:VJOURNAL"))


def read(path: str | Path, **_options: object) -> Dataset:
    """Read an iCalendar file's VEVENTs into a Dataset (recurrences expanded within the bound)."""
    path = Path(path)
    label = str(path)
    problems: list[Problem] = []
    zones: dict[str, str] = {}
    runaways: list[tuple[str, str]] = []  # (a VTIMEZONE's rules left out: ics_zones.runaway)
    with warnings.catch_warnings(record=True) as guessed:  # (a vendor's TZID, guessed by its last part)
        warnings.simplefilter("always")
        components = _components(_load_text(path, zones, runaways), path, problems)
    problems += ics_zones.said(zones, label, [str(w.message) for w in guessed if "TZID" in str(w.message)], runaways)
    entries = [e for c in components for kind in _KINDS for e in c.walk(kind)]
    events = [e for e in entries if e.name == "VEVENT" or "DTSTART" in e or "DUE" in e]
    _say_undated(entries, label, problems)
    recurring = {_uid(e) for e in events if "RECURRENCE-ID" not in e and ("RRULE" in e or "RDATE" in e)}
    overrides: dict[str, list[Component]] = {}
    for event in events:
        if "RECURRENCE-ID" in event and _uid(event) in recurring:
            overrides.setdefault(_uid(event), []).append(event)
    rows: list[dict[str, Any]] = []
    expanded: list[int] = []
    for index, event in enumerate(events):
        if "RECURRENCE-ID" in event and _uid(event) in recurring:
            continue  # its series' expansion puts it in place of the occurrence it replaces
        rows.extend(_event_rows(event, index + 1, label, problems, overrides.get(_uid(event), []), expanded))
    if expanded:
        problems.append(Problem(label, f"{counted(len(expanded), 'recurring event')} expanded to at most "
                                f"{MAX_OCCURRENCES} occurrences each, no further than {MAX_YEARS} years after their "
                                "start (a rule by the hour, minute or second less far, as its row says)", None, "RRULE",
                                "info"))
    if not entries:
        problems.append(Problem(label, "the calendar has no events (VEVENT), tasks (VTODO) or journal entries "
                                "(VJOURNAL)", None, None, "info"))
    _in_calendar_zone(rows, components, label, problems)
    name = next((str(c["X-WR-CALNAME"]) for c in components if "X-WR-CALNAME" in c), "")
    meta = DatasetMeta(title=name or path.stem, path=label)
    filled, entities, relations = ics_people.named(rows)
    return build_dataset(Tables(pd.DataFrame(rows, columns=[*_COLUMNS, *filled]), entities, relations, label, label,
                                label), meta, problems)


def _in_calendar_zone(rows: list[dict[str, Any]], components: list[Component], label: str,
                      problems: list[Problem]) -> None:
    """Times with no zone of their own read in the zone the calendar names as its own (``X-WR-TIMEZONE``, as Google
    Calendar and Apple's Calendar write it); they were taken as UTC, an hour or more off."""
    named = next((str(c["X-WR-TIMEZONE"]).strip() for c in components if "X-WR-TIMEZONE" in c), "")
    if not named:
        return
    try:
        zone = zoneinfo.ZoneInfo(named)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        problems.append(Problem(label, f"the calendar's zone (X-WR-TIMEZONE) {named!r} is no zone known here; its "
                                "times with no zone taken as UTC (expected a name such as Europe/Paris)", None,
                                "X-WR-TIMEZONE", "warning"))
        return
    placed = 0
    for row in rows:
        for key in ("start", "end"):
            text = row.get(key) or ""
            if "T" not in text or text.endswith("Z"):
                continue
            try:
                moment = datetime.fromisoformat(text)
                if moment.tzinfo is None:
                    row[key] = moment.replace(tzinfo=zone).astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"
                    placed += 1
            except (ValueError, OverflowError):
                continue  # (read as written, and said as any time with no zone)
    if placed:
        problems.append(Problem(label, f"{counted(placed, 'time')} with no zone read in the calendar's own, {named} "
                                "(X-WR-TIMEZONE)", None, "start", "info"))


def _say_undated(entries: list[Component], label: str, problems: list[Problem]) -> None:
    """One note for the tasks and journal entries that name no date (a to-do list's undated tasks), not read."""
    for kind, name in _KIND_NAMES.items():
        undated = sum(1 for e in entries if e.name == kind and "DTSTART" not in e and "DUE" not in e)
        if undated:
            problems.append(Problem(label, f"{undated} {name}{'s' if undated > 1 else ''} ({kind}) with no date "
                                    "(no DTSTART or DUE): not read", None, kind, "info"))


def _load_text(path: Path, zones: dict[str, str], runaways: list[tuple[str, str]]) -> str:
    data = utf8(read_document(path, "an iCalendar file (BEGIN:VCALENDAR)"))
    if not looks_like(data[:64]):
        raise LoadError(f"{path}: not an iCalendar file; expected it to start with BEGIN:VCALENDAR (or a bare "
                        "BEGIN:VEVENT, BEGIN:VTODO or BEGIN:VJOURNAL)")
    # unfolded before it is decoded: a writer folds at 75 bytes, which may cut a character's bytes in two
    # (RFC 5545, 3.1); decoded first, the file failed as UTF-8 and each of its accents read as two letters
    data = _FOLD.sub(b"", data)
    try:
        return ics_lines.kept(data.decode("utf-8-sig"), zones, runaways)
    except UnicodeDecodeError:
        return ics_lines.kept(code_pages.legacy(data)[0], zones, runaways)  # (Windows-1252, or its words' code page)


def _components(text: str, path: Path, problems: list[Problem]) -> list[Component]:
    """The calendar's top-level components; a calendar that does not parse is read VEVENT by VEVENT."""
    reason = "unterminated components"
    ics_zones.forget_defined()  # (a zone of the same TZID that another calendar defined otherwise)
    try:
        parsed = Calendar.from_ical(text, multiple=True)
        components: list[Component] = list(parsed) if isinstance(parsed, list) else [parsed]
    except _ICAL_ERRORS as exc:
        components, reason = [], str(exc)
    declared = len(_BEGIN.findall(text))
    if components and sum(len(c.walk("VEVENT")) for c in components) >= declared:
        return components
    blocks = _BLOCK.findall(text)
    if not blocks:
        if components:
            return components
        raise LoadError(f"{path}: not a readable iCalendar file ({reason}); expected BEGIN:VCALENDAR … "
                        "END:VCALENDAR with VEVENTs")
    problems.append(Problem(str(path), f"the calendar is malformed ({reason}); read its events one by one "
                            "(time zones defined in the file are lost)", None, None, "warning"))
    if declared > len(blocks):
        problems.append(Problem(str(path), f"{declared - len(blocks)} events have no END:VEVENT; skipped", None,
                                "VEVENT"))
    recovered: list[Component] = []
    for index, block in enumerate(blocks):
        try:
            recovered.append(Event.from_ical(block))
        except _ICAL_ERRORS as exc:
            problems.append(Problem(str(path), f"unreadable event ({exc}); skipped", index + 1, "VEVENT"))
    return recovered


def _props(event: Component, name: str) -> list[Any]:
    """The values of a property (it may repeat), without the ones icalendar could not read."""
    value = event.get(name)
    values = value if isinstance(value, list) else [] if value is None else [value]
    return [v for v in values if not isinstance(v, vBroken)]


def _moment(event: Component, name: str, row: int, label: str, problems: list[Problem]) -> Any:
    props = _props(event, name)
    if not props:
        return None
    prop = props[0]
    value = getattr(prop, "dt", None)
    if not isinstance(value, date | timedelta):
        problems.append(Problem(label, f"expected a date or date-time, got {str(prop)[:40]!r}", row, name,
                                "error" if name == "DTSTART" else "warning"))
        return None
    tzid = prop.params.get("TZID") if hasattr(prop, "params") else None
    if tzid and isinstance(value, datetime) and value.tzinfo is None:
        problems.append(Problem(label, f"unknown time zone {tzid!r}; time taken as UTC", row, name, "warning"))
    return value


def _uid(event: Component) -> str:
    return str(event.get("UID", ""))


def _key(event: Component) -> str:
    values = [getattr(p, "dt", None) for p in _props(event, "RECURRENCE-ID")]
    return _text_of(values[0]) if values and isinstance(values[0], date) else ""


def _text_of(moment: Moment) -> str:
    """Day-precision ISO for a date; UTC ISO with ``Z`` for a zoned time; no offset for a floating one."""
    if not isinstance(moment, datetime):
        return moment.isoformat()
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(microsecond=0).isoformat()
    try:  # (isoformat writes the year 1 as 0001, where strftime's %Y wrote 1, then read as 2001)
        return ics_zones.in_utc(moment).replace(microsecond=0).isoformat() + "Z"
    except OverflowError:  # UTC before the year 1: the time with its offset, read as the same instant
        return moment.replace(microsecond=0).isoformat()


def _strings(event: Component, name: str) -> str:
    return html.unescape(" ".join(str(v) for v in _props(event, name))).strip()


def _event_rows(event: Component, row: int, label: str, problems: list[Problem], overrides: list[Component],
                expanded: list[int]) -> list[dict[str, Any]]:
    for field, message in getattr(event, "errors", []):
        fatal = field == "DTSTART"
        problems.append(Problem(label, f"unreadable value ({message}){'; skipped' if fatal else ''}", row,
                                str(field), "error" if fatal else "warning"))
    start = _moment(event, "DTSTART" if "DTSTART" in event else "DUE", row, label, problems)  # (a task's DUE alone)
    if not isinstance(start, date):
        if "DTSTART" not in event:
            problems.append(Problem(label, "no DTSTART; skipped", row, "DTSTART"))
        return []
    uid = _strings(event, "UID") or f"event-{row}"
    if ("RRULE" not in event and "RDATE" not in event) or event.name != "VEVENT":  # (a task's repeats: read once)
        # an override whose series is not in this file keeps the id its occurrence has in the series
        return [_row(event, start, f"{uid}@{_key(event)}" if _key(event) else uid, row, label, problems)]
    expanded.append(row)
    occurrences = _occurrences(event, start, overrides, row, label, problems)
    if occurrences is None:
        return [_row(event, start, uid, row, label, problems)]
    rows = []
    for occurrence in occurrences:
        moment = _moment(occurrence, "DTSTART", row, label, problems)
        if isinstance(moment, date):
            rows.append(_row(occurrence, moment, f"{uid}@{_key(occurrence) or _text_of(moment)}", row, label,
                             problems))
    return rows


def _row(event: Component, start: Moment, uid: str, row: int, label: str, problems: list[Problem]
         ) -> dict[str, Any]:
    """One event row from a VEVENT (or one occurrence of a series)."""
    due = event.name == "VTODO" and "DTSTART" in event and "DTEND" not in event  # a task ends when it is due
    end = _moment(event, "DUE" if due else "DTEND", row, label, problems)
    duration = _moment(event, "DURATION", row, label, problems)
    if end is None and isinstance(duration, timedelta):
        end = start + duration
    length: timedelta | None = None
    if isinstance(end, date) and isinstance(end, datetime) == isinstance(start, datetime):
        length = _comparable(end, start) - start  # (a floating start and an end in UTC: as the start is read)
    if length is not None and length < timedelta(0):
        problems.append(Problem(label, "DTEND is before DTSTART; end ignored", row, "DTEND", "warning"))
        length = None
    categories = [str(c) for prop in _props(event, "CATEGORIES") for c in getattr(prop, "cats", [])]
    location, description = _strings(event, "LOCATION"), _strings(event, "DESCRIPTION")
    url = _strings(event, "URL")
    return {
        "id": uid, "start": _text_of(start), "end": _end_text(start, length),
        "title": " ".join(_strings(event, "SUMMARY").split()),
        "description": "\n\n".join(t for t in (description, f"Location: {location}" if location else "") if t),
        "category": categories[0] if categories else _KIND_NAMES.get(str(event.name), ""), "tags": ";".join(categories),
        "source_url": url if url.lower().startswith(("http://", "https://")) else "",
        "people": (_props(event, "ORGANIZER"), _props(event, "ATTENDEE")),  # (ics_people.named makes them actors)
    }


def _end_text(moment: Moment, length: timedelta | None) -> str:
    if length is None:
        return ""
    if isinstance(moment, datetime):
        return _text_of(moment + length) if length else ""
    last = moment + length - timedelta(days=1)  # DTEND of an all-day event is the day after it
    return last.isoformat() if last > moment else ""


_RECURRENCE_ERRORS = (*_ICAL_ERRORS, OverflowError, recurring_ical_events.InvalidCalendar,
                      recurring_ical_events.BadRuleStringFormat, recurring_ical_events.PeriodEndBeforeStart)


def _occurrences(event: Component, start: Moment, overrides: list[Component], row: int, label: str,
                 problems: list[Problem]) -> list[Component] | None:
    """The series' occurrences (overrides in place of the ones they replace) inside the bound, or None
    when the rule cannot be read (then DTSTART alone is kept)."""
    steps = [step for rule in _props(event, "RRULE") if hasattr(rule, "get") for step in rule.get("INTERVAL", [])]
    stuck = [step for step in steps if not isinstance(step, int) or step < 1]  # (0 repeats the start, in memory)
    if stuck:
        problems.append(Problem(label, f"unreadable recurrence (INTERVAL={stuck[0]}; expected a whole number of 1 or "
                                "more); only DTSTART kept", row, "RRULE", "warning"))
        return None
    rules = _props(event, "RRULE")
    limit, reach = ics_bounds.reach(start, rules[0] if rules else None)
    if rules and all(ics_bounds.never(start, limit, rule) for rule in rules):  # (dateutil would walk to 9999)
        problems.append(Problem(label, f"the recurrence ({rules[0].to_ical().decode()[:80]}) gives no day in the "
                                f"{reach} after DTSTART; {'its RDATEs and ' if 'RDATE' in event else ''}DTSTART kept",
                                row, "RRULE", "warning"))
        if "RDATE" not in event:
            return None
        del event["RRULE"]
    series = Calendar()
    series.add_component(event)
    for override in overrides:
        series.add_component(override)
    try:
        found, capped = _expanded(recurring_ical_events.of(series), ics_bounds.day_before(start), limit, start)
    except _RECURRENCE_ERRORS as exc:
        problems.append(Problem(label, f"unreadable recurrence ({ics_bounds.why(exc, rules)}); only DTSTART kept", row,
                                "RRULE", "warning"))
        return None
    if capped:
        problems.append(Problem(label, f"recurrence cut at {len(found)} occurrences (at most {MAX_OCCURRENCES}, "
                                f"up to {reach} after DTSTART)", row, "RRULE", "warning"))
    if not found and event.get("EXDATE") is None:  # DTSTART is the first occurrence, unless excluded
        problems.append(Problem(label, f"the recurrence gives no occurrence in the {reach} after DTSTART (a day that "
                                "never comes, or the calendar's end?); only DTSTART kept", row, "RRULE", "warning"))
        return None
    return found


FIRST_SPAN = timedelta(minutes=10)  # the first span a series is asked for; each next one twice as long
MOST_ASKED = 20 * MAX_OCCURRENCES  # occurrences made before a series is cut (all-day, each second: one a day kept)


def _expanded(query: recurring_ical_events.CalendarQuery, begin: Moment, limit: Moment, start: Moment
              ) -> tuple[list[Component], bool]:
    """The occurrences from ``begin`` on in time order, at most :data:`MAX_OCCURRENCES` and none starting after
    ``limit``, and whether the series had more. Asked for in spans that double from ten minutes: a yearly series takes
    19 queries to reach ten years, one every second a single query of 600. (``after()``, which halves its spans
    down to 15 minutes after each occurrence, took 1.7 s for an all-day event repeating daily and 34 s hourly; given
    a day, it never finished: a day plus 15 minutes is that day.)"""
    at = _as_time(begin)
    end = ics_bounds.later(_as_time(limit), timedelta(seconds=1), _as_time(limit))  # (one starting at the limit is in)
    span = FIRST_SPAN
    # (the first span from the day before: what began before the start)
    upto = ics_bounds.later(_as_time(start), span, end)
    found: dict[str, tuple[Moment, Component]] = {}
    made = 0
    while at < end and len(found) <= MAX_OCCURRENCES and made <= MOST_ASKED:
        occurrences = query.between(at, upto)
        made += len(occurrences)
        for occurrence in occurrences:  # (one lasting across two spans comes twice: kept once)
            moment = getattr(occurrence.get("DTSTART"), "dt", None)
            if isinstance(moment, date):
                found.setdefault(f"{_text_of(moment)}@{_key(occurrence)}", (moment, occurrence))
        at, span = upto, span * 2
        upto = ics_bounds.later(at, span, end)
    ordered = sorted(found.values(), key=lambda pair: _comparable(pair[0], start))
    kept = [occurrence for moment, occurrence in ordered if _comparable(moment, start) <= limit][:MAX_OCCURRENCES]
    if len(kept) < len(ordered) or at < end:  # (stopped before the limit: there were more)
        return kept, True
    later = (getattr(occurrence.get("DTSTART"), "dt", None) for occurrence in query.after(end))
    return kept, any(isinstance(moment, date) and _comparable(moment, start) > limit for moment in later)


def _as_time(moment: Moment) -> datetime:
    """A day as its first moment (naive, as an all-day value is): the queries' spans are times."""
    return moment if isinstance(moment, datetime) else datetime.combine(moment, datetime.min.time())


def _comparable(moment: Moment, like: Moment) -> Moment:
    """``moment`` as the same kind of value as ``like`` (date or datetime, aware or not), to compare them."""
    if not isinstance(like, datetime):
        return moment.date() if isinstance(moment, datetime) else moment
    return _aligned(moment, like)


def _aligned(value: Moment, like: datetime) -> datetime:
    """An RDATE/EXDATE value comparable with the expanded start (same kind of date, same awareness)."""
    moment = value if isinstance(value, datetime) else datetime.combine(value, like.time())
    if like.tzinfo is None and moment.tzinfo is not None:
        return moment.astimezone(UTC).replace(tzinfo=None)
    if like.tzinfo is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=like.tzinfo)
    return moment
