"""Timeline (thetimelineproj) ``.timeline`` XML files, every version from 0.x to 2.x.

Parsed with defusedxml and DTDs refused outright: Timeline never writes one, so a DTD means entity
tricks (billion laughs, external entities). Event texts carry container markup: ``[N]name`` is
container N, ``(N)name`` belongs to container N, and a leading space escapes a real ``(`` or ``[``.
Times are ``YYYY-MM-DD HH:MM:SS`` with years before 0 allowed; an event whose start and end are
both at midnight is read at day precision. Eras become events with category and tag ``era``. A file of
the ``numtime`` time type holds plain numbers: it opens on the numeric clock (:mod:`viewer.model.clock`).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import defusedxml.ElementTree
import pandas as pd

from viewer.io.reading import XML_ERRORS, read_document
from viewer.model import dates
from viewer.model.clock import CALENDAR, NUMBER, YEARS, parse_instant
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates.parts import When, any_columns, make_when
from viewer.model.problems import LoadError, Problem

_TIME = re.compile(r"\s*(-?\d+)-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?\s*")
_CONTAINER = re.compile(r"\[(-?\d*)\](.*)", re.DOTALL)
_SUBEVENT = re.compile(r"\((-?\d*)\)(.*)", re.DOTALL)
_CALENDARS = ("gregoriantime",)
_NUMTIME = "numtime"  # Timeline's numeric time type: times are plain numbers
Time = When | float


def looks_like(head: object) -> bool:
    """True when the first bytes of a file look like a Timeline XML document (a ``<timeline>`` root)."""
    head = head.encode() if isinstance(head, str) else head
    if not isinstance(head, bytes):
        return False
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return text.startswith(b"<") and re.search(rb"<timeline[\s>]", text[:4096]) is not None


def read(path: str | Path, **_options: object) -> Dataset:
    """Read a Timeline ``.timeline`` XML file into a Dataset (eras as background events)."""
    path = Path(path)
    label = str(path)
    root = _parse(path)
    problems: list[Problem] = []
    timetype = (root.findtext("timetype") or "gregoriantime").strip()
    if timetype not in (*_CALENDARS, _NUMTIME):
        raise LoadError(f"{path}: time type '{timetype}' is not one this viewer reads; expected gregoriantime "
                        f"(dates) or {_NUMTIME} (plain numbers); Timeline's fictional calendars are not dates")
    numeric = timetype == _NUMTIME
    rows: list[dict[str, str]] = []
    starts: list[Time] = []
    ends: list[Time | None] = []
    events = root.findall("./events/event")
    for index, element in enumerate(events):
        _event(element, index + 1, label, problems, rows, starts, ends, numeric=numeric)
    for index, element in enumerate(root.findall("./eras/era")):
        _event(element, index + 1, label, problems, rows, starts, ends, era=True, numeric=numeric)
    if not events:
        problems.append(Problem(label, "the timeline has no events", None, None, "info"))
    frame = pd.DataFrame(rows, columns=["id", "title", "description", "category", "tags", "source_url"])
    if numeric:  # written back as the numbers they are; build_dataset reads them on the numeric clock
        frame["start"] = [_number_text(t) for t in starts]
        frame["end"] = [_number_text(t) for t in ends]
        deep = False
    else:
        deep, columns = any_columns([t for t in starts if isinstance(t, When)],
                                    [t if isinstance(t, When) else None for t in ends], label, problems)
        for column, values in columns.items():
            frame[column] = values
    time_clock = NUMBER if numeric else YEARS if deep else CALENDAR
    start, end = (_view_time(root, tag, time_clock) for tag in ("start", "end"))
    meta = DatasetMeta(title=path.stem, description=f"Timeline {root.findtext('version', '').strip()}".strip(),
                       path=label, default_start=start, default_end=end, clock=time_clock)
    return build_dataset(Tables(frame, None, None, label, label, label), meta, problems)


def _number_text(value: Time | None) -> str:
    return "" if value is None or isinstance(value, When) else repr(value)


def _parse(path: Path) -> ET.Element:
    data = read_document(path, "a Timeline XML document (<timeline>…</timeline>)")
    try:
        root = defusedxml.ElementTree.fromstring(data, forbid_dtd=True, forbid_entities=True,
                                                 forbid_external=True)
    except defusedxml.DefusedXmlException as exc:
        raise LoadError(f"{path}: refused: the file declares a DTD or entities ({type(exc).__name__}), which "
                        "Timeline never writes; expected a plain Timeline XML document") from exc
    except XML_ERRORS as exc:
        raise LoadError(f"{path}: not well-formed XML ({exc}); expected a Timeline XML document") from exc
    if root.tag != "timeline":
        raise LoadError(f"{path}: the root element is <{root.tag}>; expected a Timeline document with <timeline>")
    return root


def _true(element: ET.Element, *names: str) -> bool:
    return any((element.findtext(name) or "").strip().lower() == "true" for name in names)


def _time(text: str | None) -> tuple[int, ...]:
    match = _TIME.fullmatch(text or "")
    if not match:
        raise ValueError(f"expected a time like 2010-01-01 10:00:00, got {text!r}")
    return tuple(int(g) for g in match.groups() if g is not None)


def _dates(element: ET.Element) -> tuple[When, When]:
    start, end = _time(element.findtext("start")), _time(element.findtext("end") or element.findtext("start"))
    midnight = all(len(p) == 3 or not any(p[3:]) for p in (start, end))
    if midnight:  # no time of day: Timeline writes 00:00:00 for dates shown without a time
        return make_when(*start[:3]), make_when(*end[:3])
    return make_when(*start), make_when(*end)


def _numbers(element: ET.Element) -> tuple[float, float]:
    """Start and end of an event on Timeline's numeric time type (numbers, the end defaulting to the start)."""
    texts = (element.findtext("start"), element.findtext("end") or element.findtext("start"))
    try:
        start, end = (float((text or "").strip()) for text in texts)
    except ValueError:
        raise ValueError(f"expected a number like 10 or 2.5, got {texts[0]!r} – {texts[1]!r}") from None
    return start, end


def _after(start: Time, end: Time) -> bool:
    """True when ``start`` lies after ``end`` (dates compared by their parts, numbers as numbers)."""
    if isinstance(start, When) and isinstance(end, When):
        return end.full() < start.full()
    return isinstance(start, float) and isinstance(end, float) and end < start


def _title(text: str, era: bool) -> tuple[str, list[str]]:
    """The event text without container markup, and the tags that markup means."""
    if era:
        return text, []
    if text[:2] in (" (", " ["):
        return text[1:], []
    container = _CONTAINER.fullmatch(text)
    if container:
        return container.group(2), ["container", f"container-{container.group(1)}"]
    sub = _SUBEVENT.fullmatch(text)
    if sub:
        return sub.group(2), [f"container-{sub.group(1)}"]
    return text, []


def _event(element: ET.Element, row: int, label: str, problems: list[Problem], rows: list[dict[str, str]],
           starts: list[Time], ends: list[Time | None], era: bool = False, numeric: bool = False) -> None:
    place = "eras" if era else "events"
    try:
        start, end = _numbers(element) if numeric else _dates(element)
    except ValueError as exc:
        problems.append(Problem(label, f"{exc}; skipped", row, f"{place}.start"))
        return
    if _after(start, end):
        problems.append(Problem(label, "end is before start; end ignored", row, f"{place}.end", "warning"))
        end = start
    title, tags = _title(element.findtext("name" if era else "text") or "", era)
    if era:
        tags = ["era"]
    if _true(element, "fuzzy", "fuzzy_start", "fuzzy_end"):
        tags.append("fuzzy")
    if _true(element, "milestone"):
        tags.append("milestone")
        end = start
    if _true(element, "ends_today"):
        tags.append("ends_today")
    links = [u.strip() for u in re.split(r"[;\s]+", element.findtext("hyperlink") or "")]
    rows.append({
        "id": f"{'era' if era else 'event'}-{row}", "title": title.strip(),
        "description": (element.findtext("description") or "").strip(),
        "category": "era" if era else (element.findtext("category") or "").strip(), "tags": ";".join(tags),
        "source_url": next((u for u in links if u.lower().startswith(("http://", "https://"))), ""),
    })
    starts.append(start)
    ends.append(end if end != start else None)


def _view_time(root: ET.Element, tag: str, time_clock: str) -> dates.PartialDate | None:
    """One end of the period the file was last viewed at (the default window), when the model can hold it."""
    text = root.findtext(f"./view/displayed_period/{tag}")
    try:
        if time_clock == NUMBER:
            return parse_instant((text or "").strip(), NUMBER)
        when = make_when(*_time(text))
        if time_clock == YEARS:
            return parse_instant(when.decimal(), YEARS)
        return dates.PartialDate(pd.Timestamp(when.instant()).tz_localize("UTC"), "time")
    except (ValueError, OverflowError):
        return None
