"""Questions asked of a Dataset's frames: pure functions, the same for the window and the CLI."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model import attributes, value_bands
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.dates import PartialDate, parse_date, span_end, to_micros
from viewer.model.value_labels import value_label

RELATION_KEY = ["source", "target", "kind"]


def _bound(value: object, *, upper: bool) -> pd.Timestamp | None:
    """A window bound: a lower bound is where its date starts, an upper bound where its span ends."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    date = parse_date(value)
    return date.end if upper and date.precision != "time" else date.start


def window_end(value: object) -> pd.Timestamp:
    """Where a window ending at ``value`` ends: the end of its span (``2023`` ends with the year)."""
    bound = _bound(value, upper=True)
    if bound is None:
        raise ValueError("a window needs an end")
    return bound


def _as_list(value: object) -> list[str] | None:
    """A filter's values: one (a string, a number) or several (any iterable but a mapping), as text.

    >>> _as_list("renault"), _as_list(["renault", 7]), _as_list(7)
    (['renault'], ['renault', '7'], ['7'])
    """
    if value is None:
        return None
    if isinstance(value, str | int | float):  # (an id written as a number: 7 was "'int' object is not iterable")
        return [str(value)]
    if isinstance(value, dict) or not hasattr(value, "__iter__"):
        raise TypeError(f"expected a value or a list of values; got {type(value).__name__} {value!r:.80}")
    return [str(v) for v in value]


def window_mask(events: pd.DataFrame, start: object = None, end: object = None) -> np.ndarray:
    """Events whose whole precision span overlaps ``[start, end]`` (a month event matches its month)."""
    lo, hi = _bound(start, upper=False), _bound(end, upper=True)
    mask = np.ones(len(events), dtype=bool)
    if hi is not None:
        mask &= (events["span_start"] < hi).to_numpy() | (events["span_start"] == hi).to_numpy() & (
            events["span_end"] == hi).to_numpy()
    if lo is not None:
        mask &= (events["span_end"] > lo).to_numpy() | (events["span_start"] >= lo).to_numpy()
    return mask


def imprecise_mask(events: pd.DataFrame, start: object = None, end: object = None) -> np.ndarray:
    """Events inside the window only because their date is known to the month or year."""
    lo, hi = _bound(start, upper=False), _bound(end, upper=True)
    precise_start = events["start"]
    inside = np.ones(len(events), dtype=bool)
    if lo is not None:
        inside &= (precise_start >= lo).to_numpy() | (events["end"].fillna(precise_start) >= lo).to_numpy()
    if hi is not None:
        inside &= (precise_start < hi).to_numpy()
    coarse = events["precision"].isin(["year", "month"]).to_numpy()
    return window_mask(events, start, end) & ~inside & coarse


def actor_mask(events: pd.DataFrame, actors: list[str]) -> np.ndarray:
    """Events that involve any of the given entity ids (``actors`` is a ';'-separated column)."""
    wanted = set(actors)
    col = events["actors"]
    uniques = pd.unique(col.to_numpy())
    hit = {u for u in uniques if wanted.intersection(str(u).split(";"))}
    return col.isin(hit).to_numpy()


def text_mask(events: pd.DataFrame, text: str, entity_names: dict[str, str] | None = None) -> np.ndarray:
    """Case-insensitive search over title, description, actors (ids and names) and attribute values."""
    needle = text.strip().lower()
    if not needle:
        return np.ones(len(events), dtype=bool)
    mask = np.zeros(len(events), dtype=bool)
    for column in ("title", "description", "actors"):
        mask |= events[column].str.lower().str.contains(needle, regex=False).fillna(False).to_numpy(dtype=bool)
    mask |= attributes.text_mask(events, needle)
    if entity_names:
        ids = [eid for eid, name in entity_names.items() if needle in name.lower()]
        if ids:
            mask |= actor_mask(events, ids)
    return mask


def match_mask(events: pd.DataFrame, start: object = None, end: object = None, *, actors: object = None,
               categories: object = None, tags: object = None, text: str | None = None,
               where: Mapping[str, Collection[str]] | None = None,
               entity_names: dict[str, str] | None = None) -> np.ndarray:
    """Which events match a window and filters: the one test the window's filters (:class:`Filters`), the
    command line and the Python API all make, so a figure on screen and one in a report agree. ``text`` also
    matches the actors' names in ``entity_names`` (id → name)."""
    mask = window_mask(events, start, end)
    for name, values in (where or {}).items():
        if values:
            mask &= attributes.value_mask(events, name, set(values))
    actor_list = _as_list(actors)
    if actor_list:
        mask &= actor_mask(events, actor_list)
    category_list = _as_list(categories)
    if category_list:
        mask &= events["category"].astype(str).isin(category_list).to_numpy()
    tag_list = _as_list(tags)
    if tag_list:
        mask &= actor_mask(events.rename(columns={"actors": "_a", "tags": "actors"}), tag_list)
    if text and text.strip():
        mask &= text_mask(events, text, entity_names)
    return mask


def check_window(start: object, end: object) -> None:
    """Raise ValueError when a window ends before it starts (``2020`` to ``2010``); either end may be open."""
    lo, hi = _bound(start, upper=False), _bound(end, upper=True)
    if lo is not None and hi is not None and hi < lo:
        raise ValueError(f"the window ends ({end}) before it starts ({start})")


def events_between(events: pd.DataFrame, start: object = None, end: object = None, *, actors: object = None,
                   categories: object = None, tags: object = None, text: str | None = None,
                   where: dict[str, list[str]] | None = None,
                   entity_names: dict[str, str] | None = None) -> pd.DataFrame:
    """The events matching a window and filters (:func:`match_mask`), in time order; ValueError for a window
    that ends before it starts.

    ``where`` maps attribute names to accepted values (``{"State": ["IL"]}``): every attribute must match.
    """
    check_window(start, end)
    return events[match_mask(events, start, end, actors=actors, categories=categories, tags=tags, text=text,
                             where=where, entity_names=entity_names)]


def valid_mask(relations: pd.DataFrame, when: object) -> np.ndarray:
    """Relations valid at an instant: ``valid_from <= t < valid_to``, an empty end being open."""
    t = parse_date(when).start  # read even when there is nothing to compare: a bad date is still an error
    if not len(relations):  # asked at every cursor step: no pandas pass over nothing
        return np.zeros(0, dtype=bool)
    starts, ends = relations["valid_from"], relations["valid_to"]
    return ((starts.isna() | (starts <= t)) & (ends.isna() | (t < ends))).to_numpy(dtype=bool)


def present_mask(entities: pd.DataFrame, when: object) -> np.ndarray:
    """Entities that exist at ``when`` (their optional ``valid_from``/``valid_to``; empty ends are open)."""
    if "valid_from" not in entities.columns:
        return np.ones(len(entities), dtype=bool)
    return valid_mask(entities, when)


def absent_at(entities: pd.DataFrame, when: object) -> set[str]:
    """The ids of the entities that do not exist at ``when``."""
    return set(entities["id"][~present_mask(entities, when)])


def relations_at(relations: pd.DataFrame, when: object, entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """The relations valid at ``when`` (a date string, ``datetime`` or ``Timestamp``).

    With ``entities``, relations of an entity that does not exist at ``when`` are left out too.
    """
    mask = valid_mask(relations, when)
    if entities is not None:
        absent = absent_at(entities, when)
        if absent:
            mask = mask & ~(relations["source"].isin(absent) | relations["target"].isin(absent)).to_numpy()
    return relations[mask]


def _interval(frame: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``valid_from``/``valid_to`` as int64 microseconds, open ends clipped to [lo, hi]."""
    unit = "datetime64[us]"
    start = frame["valid_from"].dt.tz_convert(None).to_numpy(dtype=unit) if len(frame) else np.zeros(0, unit)
    end = frame["valid_to"].dt.tz_convert(None).to_numpy(dtype=unit) if len(frame) else np.zeros(0, unit)
    low, high = lo.tz_convert(None).to_datetime64(), hi.tz_convert(None).to_datetime64()
    start = np.where(np.isnat(start), low, np.maximum(start, low)).astype(unit).astype(np.int64)
    end = np.where(np.isnat(end), high, np.minimum(end, high)).astype(unit).astype(np.int64)
    return start, end


def _held_bounds(relations: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp, entities: pd.DataFrame | None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Each relation's first and last instant in ``[lo, hi]`` (int64 microseconds), while both its ends exist."""
    first, last = _interval(relations, lo, hi)
    if entities is not None and "valid_from" in entities.columns:
        ent_first, ent_last = _interval(entities, lo, hi)
        index = pd.Index(entities["id"])
        for column in ("source", "target"):
            at = index.get_indexer(relations[column])
            known = at >= 0
            first = np.where(known, np.maximum(first, ent_first[at]), first)
            last = np.where(known, np.minimum(last, ent_last[at]), last)
    return first, last


def relations_during(relations: pd.DataFrame, start: object, end: object,
                     entities: pd.DataFrame | None = None) -> pd.DataFrame:
    """Every relation valid at some point of ``[start, end]``, with ``held``: the share of the window it held.

    ``end`` counts to the end of its span (``2023`` is the whole year). With ``entities``, a
    relation only holds while both its ends exist. ``held`` is 1.0 for a relation valid throughout.
    """
    lo, hi = _bound(start, upper=False), _bound(end, upper=True)
    if lo is None or hi is None:
        raise ValueError("a window needs a start and an end")
    check_window(start, end)
    first, last = _held_bounds(relations, lo, hi, entities)
    span = max(int((hi - lo) / pd.Timedelta(microseconds=1)), 0)
    overlap = last - first
    valid = overlap > 0 if span else (first <= last) & valid_mask(relations, lo)
    held = np.clip(overlap / span, 0.0, 1.0) if span else np.ones(len(relations))
    return relations[valid].assign(held=held[valid])


def last_held(relations: pd.DataFrame, entities: pd.DataFrame, lo: pd.Timestamp, hi: pd.Timestamp,
              days: bool = True) -> pd.Timestamp | None:
    """The start of the last day in ``[lo, hi]`` on which some relation holds (while both its ends exist), or
    None when none holds in it; not ``days`` (a clock of numbers, which has none): the start of the relation that
    holds last, within ``[lo, hi]``."""
    first, last = _held_bounds(relations, lo, hi, entities)
    held = np.flatnonzero(last > first)
    if not len(held):
        return None
    latest = held[np.argmax(last[held])]
    if not days:
        return pd.Timestamp(int(first[latest]), unit="us", tz="UTC")
    day = pd.Timestamp(int(last[latest]) - 1, unit="us", tz="UTC").floor("D")
    return max(day, pd.Timestamp(int(first[latest]), unit="us", tz="UTC"))


def relations_of(relations: pd.DataFrame, entity: str, when: object) -> pd.DataFrame:
    """One entity's relations (either end) valid at ``when``."""
    valid = relations_at(relations, when)
    return valid[(valid["source"] == entity) | (valid["target"] == entity)]


def uncertain_mask(relations: pd.DataFrame, when: object) -> np.ndarray:
    """Relations whose start or end is known only to the month/year and whose fuzzy span holds ``when``."""
    t = parse_date(when).start
    out = np.zeros(len(relations), dtype=bool)
    for column in ("valid_from", "valid_to"):
        precision = relations[f"{column}_precision"].astype("object")
        coarse = precision.isin(["year", "month"]).to_numpy()
        if coarse.any():
            starts = relations[column]
            ends = span_end(starts, precision.fillna("time"))
            out |= coarse & ((starts <= t) & (t < ends)).to_numpy(dtype=bool, na_value=False)
    return out


def relation_label(row: pd.Series) -> str:
    """The text on an edge: its value formatted for its kind (``43.4%``, ``2.5``), or the kind without one."""

    written = row.get(value_bands.COLUMN)
    if isinstance(written, str) and written:  # a band or a bound as the file wrote it: "25–50%", ">75%"
        return written
    value = row["value"]
    if pd.isna(value):
        return str(row["kind"]).replace("_", " ")
    return value_label(str(row["kind"]), float(value), str(row.get("unit", "") or ""))


def fuzzy_note(row: pd.Series, when: object) -> str:
    """``from Nov 2022`` / ``until 2023`` when a bound is imprecise and holds ``when``; else empty."""
    t = parse_date(when).start
    notes = []
    for column, word in (("valid_from", "from"), ("valid_to", "until")):
        prec = row[f"{column}_precision"]
        stamp = row[column]
        if pd.isna(stamp) or prec not in ("year", "month"):
            continue
        span = PartialDate(stamp, str(prec))
        if span.start <= t < span.end:
            notes.append(f"{word} {span.label()}")
    return ", ".join(notes)


@dataclass(frozen=True)
class Diff:
    """Relation changes between two dates; ``table`` has one row per (source, target, kind) pair.

    Columns: change (added / removed / changed / unchanged), source, target, kind, old_value,
    new_value, old_id, new_id, events (the ';'-separated events linked to the newer relation; empty
    for a removed one, whose own event brought it about rather than ended it).
    """

    before: pd.Timestamp
    after: pd.Timestamp
    table: pd.DataFrame

    def of(self, change: str) -> pd.DataFrame:
        """The rows of one kind of change."""
        return self.table[self.table["change"] == change]


def _keyed(frame: pd.DataFrame) -> pd.DataFrame:
    keyed = frame.assign(n=frame.groupby(RELATION_KEY, observed=True).cumcount())
    keyed["kind"] = keyed["kind"].astype(str)
    return keyed[[*RELATION_KEY, "n", "value", "id", "event"]]


def diff(relations: pd.DataFrame, before: object, after: object, entities: pd.DataFrame | None = None) -> Diff:
    """Compare the relations valid at two dates (with ``entities``, those of an entity that does not exist at a date
    are not held then, as :func:`relations_at` leaves them out: a stake in a company dissolved is removed)."""
    a, b = parse_date(before).start, parse_date(after).start
    old, new = _keyed(relations_at(relations, a, entities)), _keyed(relations_at(relations, b, entities))
    if old.empty and new.empty:  # pandas cannot merge two empty Arrow-backed keys (ArrowInvalid: empty vector)
        old, new = old.astype(object), new.astype(object)
    merged = old.merge(new, on=[*RELATION_KEY, "n"], how="outer", suffixes=("_old", "_new"), indicator=True)
    old_value, new_value = merged["value_old"], merged["value_new"]
    same_value = (old_value == new_value) | (old_value.isna() & new_value.isna())
    change = np.select(
        [merged["_merge"] == "right_only", merged["_merge"] == "left_only", ~same_value],
        ["added", "removed", "changed"], default="unchanged")
    # the event that brought the newer relation about; a removed relation's own event started it, so
    # it says nothing about why it ended and is left out
    links = relations.set_index("id")["event"].to_dict()
    event_of = [links.get(new_id, "") if isinstance(new_id, str) else ""
                for new_id in merged["id_new"]]
    table = pd.DataFrame({
        "change": change, "source": merged["source"], "target": merged["target"], "kind": merged["kind"],
        "old_value": merged["value_old"], "new_value": merged["value_new"],
        "old_id": merged["id_old"].fillna(""), "new_id": merged["id_new"].fillna(""), "events": event_of,
    })
    order = {"changed": 0, "added": 1, "removed": 2, "unchanged": 3}
    table = table.sort_values(["change", "source", "target", "kind"],
                              key=lambda col: col.map(order) if col.name == "change" else col)
    return Diff(a, b, table.reset_index(drop=True))


def history(relations: pd.DataFrame, source: str, target: str, kind: str | None = None) -> pd.DataFrame:
    """All relations from ``source`` to ``target`` (of one kind when given), oldest first."""
    rows = relations[(relations["source"] == source) & (relations["target"] == target)]
    if kind:
        rows = rows[rows["kind"] == kind]
    return rows.sort_values("valid_from", na_position="first", kind="stable")


def describe_span(start: pd.Timestamp, start_precision: str, end: pd.Timestamp | None,
                  end_precision: str | None, clock: str = CALENDAR) -> str:
    """``6 Feb 2023`` or ``Mar 2002 – May 2002``: an event's or relation's dates at their precision.

    On the numeric clock (:mod:`viewer.model.clock`) the times are numbers: ``42 – 57.5``.
    """
    first = format_instant(start, start_precision, clock)
    if end is None or pd.isna(end):
        return first
    return f"{first} – {format_instant(end, end_precision or start_precision, clock)}"


def step_event(events: pd.DataFrame, current: str | None, cursor: object, step: int,
               matched: np.ndarray | None = None, position: int | None = None) -> str | None:
    """The event ``step`` places after (or before, when negative) the current one in time order.

    Only events that ``matched`` (a boolean mask over ``events``, e.g. the active filters) marks are
    stepped onto; a current event hidden by the filters still counts as the place to step from. With
    no current event (nothing selected, or an entity or relation selected), ``+1`` is the first event
    at or after the cursor and ``-1`` the last one before it. The cursor may be any date
    :func:`parse_date` reads, with or without a time zone (naive is UTC). Returns None at either end,
    for an empty dataset and when nothing matches. ``position``: the current event's row, when the caller
    knows it (else it is looked up in Arrow: no Python string is made per event, which cost 0.3 s a step at 5M).
    """
    if events.empty or step == 0:
        return None
    candidates = None if matched is None else np.flatnonzero(np.asarray(matched, dtype=bool))
    count = len(events) if candidates is None else len(candidates)
    if count == 0:
        return None
    if position is None:
        position = attributes.position_of(events, current) if current is not None else -1
    if position >= 0:  # among the candidates: those after (before) the current event's row
        here = (position + 1 if step > 0 else position) if candidates is None else \
            int(np.searchsorted(candidates, position, side="right" if step > 0 else "left"))
    else:
        starts = to_micros(events["start"])
        instant = parse_date(cursor).start.as_unit("us").asm8.view(np.int64)
        here = int(np.searchsorted(starts if candidates is None else starts[candidates], instant, side="left"))
    index = here + step - 1 if step > 0 else here + step
    if not 0 <= index < count:
        return None
    return str(events["id"].iloc[index if candidates is None else int(candidates[index])])
