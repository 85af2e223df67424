"""Google Maps' Timeline as a phone exports it since Timeline moved onto the device (2024): Android's
``Timeline.json`` (``{"semanticSegments": […], "rawSignals": […], "userLocationProfile": {…}}``) or the iPhone's
``location-history.json`` (a list of the same segments). Each segment runs from ``startTime`` to ``endTime`` and is
a ``visit`` (its place's kind, ``HOME``, ``WORK``, ``INFERRED_HOME``, and where it is), an ``activity`` (walking,
in a passenger vehicle … and how far), or a ``timelinePath`` of raw points.

Visits and activities are events, titled by what they are ("Visit: home", "Walking, 1.5 km"), their category
``visit`` or ``activity``; a path's points repeat the activity they trace and are left out, said once. Before,
every segment was a row titled ``row1``, ``row2`` … with its visit or activity as raw JSON.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import compressed, reading
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "Google Maps' Timeline exported from a phone (semanticSegments with a visit or an activity each)"
KINDS = ("visit", "activity", "timelinePath")


def _segments(document: object) -> list[Any] | None:
    if isinstance(document, dict):
        found = document.get("semanticSegments")
        return found if isinstance(found, list) else None
    return document if isinstance(document, list) else None


def looks_like(document: object) -> bool:
    """A Timeline export: segments with a start, an end and a visit, an activity or a path."""
    segments = _segments(document)
    sample = [s for s in (segments or [])[:20] if isinstance(s, dict)]
    # most, not all: one segment without its endTime (a visit going on at the export) made every one a "row"
    fitting = sum("startTime" in s and any(k in s for k in KINDS) for s in sample)
    return bool(sample) and fitting >= max(1, 0.8 * len(sample)) and any("endTime" in s for s in sample)


def read(path: str | Path, document: object = None, **_options: Any) -> Dataset:
    """Read a Timeline export's visits and activities as events."""
    path = Path(path)
    label = str(path)
    document = reading.read_json(path, EXPECTED) if document is None else document
    if not looks_like(document):
        raise LoadError(f"{path}: expected {EXPECTED}")
    events, paths, problems = [], 0, []
    for number, segment in enumerate(_segments(document) or [], start=1):
        if not isinstance(segment, dict):
            problems.append(Problem(label, "a segment that is not an object; skipped", number, None))
            continue
        if "visit" in segment or "activity" in segment:
            events.append(_event(segment, number))
        else:
            paths += 1
    if paths:
        problems.append(Problem(label, f"{paths:,} path segment{'s' * (paths != 1)} (the raw points of a route) left "
                                "out: the activities they trace are read", None, "timelinePath", "info"))
    if not events:
        raise LoadError(f"{path}: no visit and no activity; expected {EXPECTED}")
    frame = pd.DataFrame(events)
    meta = DatasetMeta(title=compressed.stem(path), path=label, sources=(label,))
    return build_dataset(Tables(frame, events_label=label, rows={"events": frame.pop("line").to_numpy()}), meta,
                         problems)


def _event(segment: dict[str, Any], number: int) -> dict[str, Any]:
    start, end = str(segment.get("startTime") or ""), str(segment.get("endTime") or "")
    if "visit" in segment:
        visit = reading.object_at(segment, "visit")
        top = reading.object_at(visit, "topCandidate")
        kind = _words(top.get("semanticType")) or "place"
        where = _where(top.get("placeLocation"))
        title = f"Visit: {kind}" if kind != "place" else "Visit"
        description = "; ".join(t for t in (f"place {top['placeId']}" if top.get("placeId") else "",
                                            f"placeID {top['placeID']}" if top.get("placeID") else "", where) if t)
        return {"id": f"s{number}", "start": start, "end": end, "title": title, "category": "visit",
                "description": description, "attr:place": where, "line": number}
    activity = reading.object_at(segment, "activity")
    mode = _words(reading.object_at(activity, "topCandidate").get("type")) or "moving"
    metres = _number(activity.get("distanceMeters"))
    title = mode.capitalize() + (f", {metres / 1000:.1f} km" if metres is not None and metres >= 100 else
                                 f", {metres:.0f} m" if metres is not None else "")
    route = " → ".join(t for t in (_where(activity.get("start")), _where(activity.get("end"))) if t)
    return {"id": f"s{number}", "start": start, "end": end, "title": title, "category": "activity",
            "description": route, "attr:place": route, "line": number}


def _words(value: object) -> str:
    """A Timeline code in words: ``IN_PASSENGER_VEHICLE`` is "in passenger vehicle", ``INFERRED_HOME`` "inferred
    home"."""
    return str(value or "").replace("_", " ").strip().lower()


def _where(value: object) -> str:
    """A place as written: Android's ``"48.8566°, 2.3522°"`` (or ``{"latLng": …}``), the iPhone's ``geo:48.8,2.3``."""
    if isinstance(value, dict):
        value = value.get("latLng") or value.get("LatLng") or ""
    return str(value or "").removeprefix("geo:").strip()


def _number(value: object) -> float | None:
    try:
        return float(str(value))
    except ValueError:
        return None
