"""TimelineJS timelines: v3 JSON, the legacy v2 JSON, the ``timeline.slides`` variant and the sheet CSV.

Every shape becomes a list of slides (one per event or era) that is read the same way. Dates are
written in parts (year, month, day, hour …); the precision is the most specific part given, and
years before 0 or after 9999 are kept as exact instants (see :func:`date_columns`). Eras become
events with category and tag ``era`` so the timeline can draw them as background spans.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io.html_text import to_text
from viewer.io.native import read_csv_strings
from viewer.io.reading import read_json
from viewer.model.attributes import PREFIX
from viewer.model.clock import YEARS
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates.parts import When, any_columns, make_when
from viewer.model.problems import LoadError, Problem

_DATE_PARTS = ("year", "month", "day", "hour", "minute", "second")
_SHEET_REQUIRED = ("year", "headline")
# the sheet's columns read into event fields; any other (Display Date, Media Thumbnail, Background, a column the
# user added) is kept as an attribute: they were dropped without a word
_SHEET_READ = {*(f"{end}{part}" for end in ("", "end ") for part in ("year", "month", "day", "time")), "headline",
               "text", "media", "media caption", "media credit", "group", "type"}
_TIME = re.compile(r"(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*([ap]\.?m\.?)?", re.IGNORECASE)


@dataclass(frozen=True)
class _Slide:
    """One event or era as TimelineJS wrote it, whatever the file shape."""

    place: str  # where it is, for problems: "events", "eras", "rows"
    row: int
    start: Sequence[object] | None
    end: Sequence[object] | None
    headline: str = ""
    text: str = ""
    media: str = ""
    caption: str = ""
    credit: str = ""
    group: str = ""
    uid: str = ""
    era: bool = False
    extra: tuple[tuple[str, str], ...] = ()  # (column, value) of a sheet's columns no field takes


def looks_like(document: object) -> bool:
    """True for a parsed TimelineJS JSON document (v3 ``events``/``title`` or a legacy ``timeline`` object)."""
    if not isinstance(document, dict):
        return False
    inner = document.get("timeline")
    if isinstance(inner, dict):
        return any(isinstance(inner.get(k), list) for k in ("date", "slides", "events", "era", "eras"))
    events = document.get("events")
    if not isinstance(events, list):
        return False
    dated = any(isinstance(e, dict) and isinstance(e.get("start_date"), dict) for e in events[:100])
    return dated or isinstance(document.get("title"), dict) or isinstance(document.get("eras"), list)


def looks_like_sheet(header_line: object) -> bool:
    """True for the header line (text, or the file's first bytes) of a TimelineJS Google-sheet CSV."""
    if isinstance(header_line, bytes):
        header_line = header_line.decode("utf-8", errors="replace")
    if not isinstance(header_line, str):
        return False
    first = header_line.lstrip("\ufeff").splitlines()[0] if header_line.strip() else ""
    names = {c.strip().strip('"').strip().lower() for c in first.split(",")}
    return {"year", "headline", "display date"} <= names


def read(path: str | Path, **_options: object) -> Dataset:
    """Read a TimelineJS JSON file (v3, legacy v2 or ``timeline.slides``) into a Dataset."""
    path = Path(path)
    document = _load_json(path)
    if not looks_like(document):
        raise LoadError(f"{path}: not a TimelineJS timeline; expected an object with 'events' (each with a "
                        "'start_date') or a legacy {\"timeline\": {\"date\": [...]}} object")
    assert isinstance(document, dict)
    root = document["timeline"] if isinstance(document.get("timeline"), dict) else document
    slides: list[_Slide] = []
    problems: list[Problem] = []
    title = root.get("title") if isinstance(root.get("title"), dict) else None
    if title is None and ("headline" in root or "text" in root):
        title = root  # the v2 root object is itself the title slide
    for place in ("events", "slides", "date", "eras", "era"):
        items = root.get(place)
        if items is None:
            continue
        if not isinstance(items, list):
            problems.append(Problem(str(path), "expected a list of slides; ignored", None, place, "warning"))
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                problems.append(Problem(str(path), "expected an object (one slide); skipped", index + 1, place))
            elif place == "slides" and title is None and not _has_date(item):
                title = item  # the first undated slide of the slides variant is the title
            else:
                slides.append(_json_slide(item, place, index + 1))
    meta = _meta(path, title)
    return _build(path, slides, meta, problems)


def read_sheet_csv(path: str | Path, **_options: object) -> Dataset:
    """Read the TimelineJS Google-sheet template saved as CSV (Year, Month, Day, … Headline, Text, …)."""
    path = Path(path)
    frame = read_csv_strings(path)
    if frame.empty and not len(frame.columns):
        raise LoadError(f"{path}: empty file; expected a TimelineJS sheet with a header row")
    named = {str(c).strip().lower(): str(c).strip() for c in frame.columns}  # (as written: "Display Date")
    frame.columns = [str(c).strip().lower() for c in frame.columns]
    others = [c for c in named if c not in _SHEET_READ]
    missing = [c for c in _SHEET_REQUIRED if c not in frame.columns]
    if missing:
        raise LoadError(f"{path}: not a TimelineJS sheet; expected the columns Year, Month, Day, Time, "
                        f"End Year, …, Headline, Text (missing {', '.join(missing)})")
    slides: list[_Slide] = []
    problems: list[Problem] = []
    title: dict[str, Any] | None = None
    for index, row in enumerate(frame.to_dict("records")):
        cell = {k: str(v).strip() for k, v in row.items()}
        kind = cell.get("type", "").lower()
        if kind == "title":
            title = {"text": {"headline": cell.get("headline", ""), "text": cell.get("text", "")}}
        elif any(cell.values()):
            try:
                start = (*_dates_of(cell, ""),)
                end = (*_dates_of(cell, "end "),) if cell.get("end year") else None
            except ValueError as exc:
                problems.append(Problem(str(path), f"{exc}; row skipped", index + 1, "time"))
                continue
            slides.append(_Slide("rows", index + 1, start, end, cell.get("headline", ""), cell.get("text", ""),
                                 cell.get("media", ""), cell.get("media caption", ""), cell.get("media credit", ""),
                                 cell.get("group", ""), era=kind == "era",
                                 extra=tuple((named[c], cell.get(c, "")) for c in others)))
    return _build(path, slides, _meta(path, title), problems)


def _load_json(path: Path) -> object:
    return read_json(path, "a TimelineJS JSON document")


def _has_date(item: dict[str, Any]) -> bool:
    return isinstance(item.get("start_date"), dict) or item.get("startDate") not in (None, "")


def _text(value: object) -> str:
    return str(value) if isinstance(value, str | int | float) and not isinstance(value, bool) else ""


def _obj(value: object) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _line(text: str) -> str:
    return " ".join(text.split())


def _legacy_parts(value: object) -> tuple[str, ...] | None:
    """``"2011,3,23"`` (also ``2011-3-23``, ``2011/3/23``, a bare year) as its parts; None when empty."""
    text = _text(value).strip()
    return tuple(p.strip() for p in re.split(r"\s*[,/]\s*|(?<=\d)-", text)) if text else None


def _json_slide(item: dict[str, Any], place: str, row: int) -> _Slide:
    era = place in ("eras", "era")
    if "start_date" in item or "startDate" not in item:  # v3 slide
        start, end = item.get("start_date"), item.get("end_date")
        text, media = _obj(item.get("text")), _obj(item.get("media"))
        return _Slide(place, row, _v3_parts(start), _v3_parts(end) if end else None, _text(text.get("headline")),
                      _text(text.get("text")), _text(media.get("url")), _text(media.get("caption")),
                      _text(media.get("credit")), _text(item.get("group")), _text(item.get("unique_id")), era)
    asset = _obj(item.get("asset"))
    group = item.get("tag") or item.get("tags") or item.get("group")
    return _Slide(place, row, _legacy_parts(item.get("startDate")), _legacy_parts(item.get("endDate")),
                  _text(item.get("headline")), _text(item.get("text")), _text(asset.get("media")),
                  _text(asset.get("caption")), _text(asset.get("credit")), _text(group), _text(item.get("id")), era)


def _v3_parts(value: object) -> tuple[object, ...] | None:
    if not isinstance(value, dict):
        return None
    return tuple(value.get(part) for part in _DATE_PARTS)


def _dates_of(cell: dict[str, str], prefix: str) -> tuple[str, ...]:
    year, month, day = (cell.get(f"{prefix}{p}", "") for p in ("year", "month", "day"))
    time = cell.get(f"{prefix}time", "")
    if not time:
        return year, month, day
    match = _TIME.fullmatch(time)
    if not match:
        raise ValueError(f"expected a time like 14:30 or 2:30 PM, got {time!r}")
    hour = int(match.group(1))
    if match.group(4):
        hour = hour % 12 + (12 if match.group(4).lower().startswith("p") else 0)
    return year, month, day, str(hour), match.group(2) or "0", match.group(3) or "0"


def _meta(path: Path, title: dict[str, Any] | None) -> DatasetMeta:
    text = title.get("text") if title is not None else None
    if title is not None and not isinstance(text, dict):  # v2: headline/text on the slide itself
        text = title
    text = text if isinstance(text, dict) else {}
    return DatasetMeta(title=_line(to_text(_text(text.get("headline")))) or path.stem,
                       description=to_text(_text(text.get("text"))), path=str(path))


def _slug(name: str, taken: dict[str, str]) -> str:
    base = re.sub(r"[^\w]+", "-", name.lower()).strip("-_") or "group"
    slug, n = base, 1
    while slug in taken.values():
        n += 1
        slug = f"{base}-{n}"
    return slug


def _when(slide: _Slide, parts: Sequence[object] | None, field: str, label: str,
          problems: list[Problem]) -> When | None:
    if parts is None:
        return None
    try:
        return make_when(*parts)
    except ValueError as exc:
        problems.append(Problem(label, str(exc), slide.row, f"{slide.place}.{field}",
                                "error" if field == "start" else "warning"))
        return None


def _build(path: Path, slides: list[_Slide], meta: DatasetMeta, problems: list[Problem]) -> Dataset:
    label = str(path)
    rows: list[dict[str, str]] = []
    starts: list[When] = []
    ends: list[When | None] = []
    numbers: list[int] = []  # each kept slide's row, for problems
    groups: dict[str, str] = {}
    not_web = 0
    for slide in slides:
        start = _when(slide, slide.start, "start", label, problems)
        if start is None:
            if slide.start is None:
                problems.append(Problem(label, "no start date; skipped", slide.row, f"{slide.place}.start"))
            continue
        end = _when(slide, slide.end, "end", label, problems)
        if end is not None and end.full() < start.full():
            problems.append(Problem(label, "end is before start; end ignored", slide.row, f"{slide.place}.end",
                                    "warning"))
            end = None
        group = slide.group.strip()
        if group and group not in groups:
            groups[group] = _slug(group, groups)
        media = slide.media.strip()
        web = media.lower().startswith(("http://", "https://")) and not re.search(r"[\s<>\"]", media)
        not_web += bool(media) and not web
        description = to_text(slide.text)
        rows.append({
            "id": slide.uid.strip() or f"{'era' if slide.era else 'event'}-{slide.row}",
            "title": _line(to_text(slide.headline)) or description.split("\n", 1)[0][:80],
            "description": description, "actors": groups.get(group, ""),
            "category": "era" if slide.era else "", "tags": "era" if slide.era else "",
            "source_url": media if web else "",
            "source_title": " — ".join(t for t in (to_text(slide.caption), to_text(slide.credit)) if t),
            **{PREFIX + name: value for name, value in slide.extra},
        })
        starts.append(start)
        ends.append(end)
        numbers.append(slide.row)
    if not_web:
        problems.append(Problem(label, f"{not_web} media entries are embed code or relative paths, not web "
                                "addresses; not kept as sources", None, "media", "info"))
    events = pd.DataFrame(rows, columns=["id", "title", "description", "actors", "category", "tags", "source_url",
                                         "source_title", *(PREFIX + name for name, _ in (slides[0].extra if slides
                                                                                          else ()))])
    deep, columns = any_columns(starts, ends, label, problems, numbers)
    for column, values in columns.items():
        events[column] = values
    if deep:
        meta = replace(meta, clock=YEARS)
    entities = pd.DataFrame({"id": list(groups.values()), "name": list(groups), "kind": "group"})
    types = {"events": {"Display Date": "text"}}  # ("c. 1815" as written, not a date read from it)
    return build_dataset(Tables(events, entities, None, label, label, label, attribute_types=types), meta, problems)
