"""The per-table half of :func:`~viewer.model.dataset.build_dataset`: each raw table read into its typed
frame (dates with their precision, ids made unique, defaults filled, the file's extra columns as
attributes), every row it changes or drops reported. The cross-table checks stay in ``dataset``.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import Future, ThreadPoolExecutor
from functools import cache
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.model import attribute_build, clock, codes, dates, text_arrow, typed_dates, value_bands, value_numbers
from viewer.model import attributes as attrs
from viewer.model.columns import blank, comma_tags, composed, normalise_lists, reordered
from viewer.model.columns import text as _text
from viewer.model.dates import approximate
from viewer.model.problems import LoadError, Problem
from viewer.model.reporting import Reporter, plain_ids, unique_ids
from viewer.model.sorting import stable_order
from viewer.model.value_labels import is_share
from viewer.model.wording import counted

if TYPE_CHECKING:
    from viewer.model.dataset import Tables

EVENT_COLUMNS = ("id", "start", "end", "precision", "title", "description", "actors", "category",
                 "tags", "source_title", "source_url")
ENTITY_COLUMNS = ("id", "name", "kind", "country", "color", "note")
PRESENCE_COLUMNS = ("valid_from", "valid_to")  # optional: when an entity exists (empty: always)
RELATION_COLUMNS = ("id", "source", "target", "kind", "value", "valid_from", "valid_to", "event",
                    "note", "source_url")
# raw columns that are core fields; any other column of a raw table becomes an attribute
CORE = {"events": {*EVENT_COLUMNS, "end_precision"}, "entities": {*ENTITY_COLUMNS, *PRESENCE_COLUMNS},
        "relations": {*RELATION_COLUMNS, "valid_from_precision", "valid_to_precision"}}


def with_attributes(out: pd.DataFrame, raw: pd.DataFrame | None, table: str, tables: Tables) -> pd.DataFrame:
    """``out`` (one row per raw row) with the raw table's extra columns as typed attributes (``attr:<name>``)."""
    names = attrs.extra_columns(raw, CORE[table]) if raw is not None else []
    if raw is None or not names:
        return out
    types = dict(tables.attribute_types.get(table) or {})
    if table == "relations":
        types.setdefault(value_bands.WRITTEN, "text")  # "100%" or "25–50%" as written, never a date or a number
    if table == "events":  # "c. 1850" as written, beside the 1850 it is read as: text, not a date again
        types.update({name: "text" for name in approximate.WRITTEN.values() if name not in types})
    extra = attribute_build.build(raw.reset_index(drop=True), names, types)
    return pd.concat([out, extra.set_axis(out.index)], axis=1)


def row_numbers(tables: Tables, table: str, raw: pd.DataFrame | None) -> np.ndarray | None:
    numbers = tables.rows.get(table)
    if numbers is None or raw is None or len(numbers) != len(raw):
        return None
    return np.asarray(numbers, dtype=np.int64)


def build_entities(raw: pd.DataFrame | None, label: str, report: Reporter) -> pd.DataFrame:
    if raw is None:  # (most files: no entity table)
        return _from_nothing("entities").copy()
    raw = raw.reset_index(drop=True)
    ids, names = composed(_text(raw, "id")), composed(_text(raw, "name"))  # é as e + ◌́: the same name
    ids = ids.where(ids.str.strip() != "", names.str.strip().str.lower().str.replace(r"\W+", "_", regex=True))
    out = pd.DataFrame({"id": unique_ids(ids, label, "entity", report)})
    out["name"] = names.where(names.str.strip() != "", out["id"])
    out["kind"] = _text(raw, "kind", "unknown").str.strip().str.lower().replace("", "unknown")
    for column in ("country", "color", "note"):
        out[column] = _text(raw, column)
    out["color"] = _css_colour(out["color"])
    return _presence(raw, out, label, report)


def _css_colour(colours: pd.Series) -> pd.Series:
    """Colours as the views read them: a hex colour without its '#' ("FF0000", as spreadsheets and Excel write it)
    with it, and CSS's ``rgb(255, 0, 0)`` as hex; names and '#' colours as written.

    >>> _css_colour(pd.Series(["FF0000", "#00ff00", "rgb(0, 0, 255)", "red", "", "rgb(300,0,0)"])).tolist()
    ['#FF0000', '#00ff00', '#0000ff', 'red', '', 'rgb(300,0,0)']
    """
    text = colours.str.strip()
    bare = text.str.fullmatch(r"[0-9A-Fa-f]{6}|[0-9A-Fa-f]{3}").fillna(False).astype(bool)
    if bare.any():
        text = text.where(~bare, "#" + text)
    written = text.str.startswith("rgb").fillna(False).astype(bool)  # (in Arrow: most columns stop here)
    if not written.any():
        return text
    parts = text[written].str.extract(r"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,[^)]*)?\)$")
    numbers = parts.apply(pd.to_numeric, errors="coerce")
    fits = numbers.notna().all(axis=1) & (numbers <= 255).all(axis=1)
    if fits.any():
        hexed = numbers[fits].astype(int).apply(lambda row: "#{:02x}{:02x}{:02x}".format(*row), axis=1)
        text = text.copy()
        text.loc[hexed.index] = hexed
    return text


def _presence(raw: pd.DataFrame, out: pd.DataFrame, label: str, report: Reporter) -> pd.DataFrame:
    """The optional ``valid_from``/``valid_to`` of each entity, with their precisions (NaT: open)."""
    for column in PRESENCE_COLUMNS:
        parsed = _parse_column(raw, column, label, report, "warning") if column in raw.columns else None
        empty = pd.Series(pd.NaT, index=out.index, dtype="datetime64[us, UTC]")
        out[column] = parsed.instants.where(~parsed.invalid) if parsed is not None else empty
        precision = parsed.precisions.where(out[column].notna()) if parsed is not None else None
        out[f"{column}_precision"] = pd.Series(precision, index=out.index, dtype=dates.PRECISION_DTYPE)
    backwards = (out["valid_to"] < out["valid_from"]).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "valid_to", "valid_to is before valid_from; valid_to ignored",
                    raw["valid_to"], "warning")
        out.loc[backwards, "valid_to"] = pd.NaT
        out.loc[backwards, "valid_to_precision"] = np.nan
    return out


def _parse_column(raw: pd.DataFrame, column: str, label: str, report: Reporter, level: str,
                  given: Mapping[str, dates.ParsedDates] | None = None,
                  spans: dict[str, dates.ParsedDates] | None = None) -> dates.ParsedDates:
    """A date column read, its unread cells said; ``spans`` gets the last dates of spans written in it (a start
    cell's ``2020-W53``) under its name."""
    values = raw[column] if column in raw.columns else pd.Series(pd.NA, index=raw.index, dtype="object")
    parsed = given[column] if given and column in given else clock.parse_on(values, report.clock)
    if not (given and column in given) and report.clock == clock.CALENDAR and parsed.invalid.any():
        parsed, ends = typed_dates.read_as_typed(values, parsed, column, label, report.problems)  # "04/03/2019"
        if ends is not None and spans is not None:
            spans[column] = ends
    bad = np.flatnonzero(parsed.invalid.to_numpy())
    if len(bad):
        report.rows(label, bad, column, f"expected {clock.expected(report.clock)}",
                    values, level)
    if parsed.naive.any():
        count = int(parsed.naive.sum())
        said = f"{counted(count, 'time')} {'has' if count == 1 else 'have'} no UTC offset; taken as UTC"
        report.problems.append(Problem(label, said, None, column, "info"))
    return parsed


def _with_span_ends(end: dates.ParsedDates, span: dates.ParsedDates | None) -> tuple[pd.Series, pd.Series]:
    """The end column's instants and precisions, with the last date of a span written as the start (``2020-W53``,
    ``1914–1918``) where the row writes no end."""
    if span is None:
        return end.instants, end.precisions
    unwritten = (end.instants.isna() & ~end.invalid & span.instants.notna()).to_numpy(dtype=bool)
    return (end.instants.mask(unwritten, span.instants),
            end.precisions.astype("object").mask(unwritten, span.precisions.astype("object")))


def _apply_precision(raw: pd.DataFrame, parsed: dates.ParsedDates, label: str,
                     report: Reporter) -> tuple[pd.Series, pd.Series]:
    """An explicit precision column wins over the inferred one; the instant snaps to its span start."""
    instants, precisions = parsed.instants, parsed.precisions
    if "precision" not in raw.columns or clock.numeric(report.clock):  # a number has no coarser precision
        return instants, precisions
    precisions = precisions.astype("object")
    given = _text(raw, "precision").str.strip().str.lower()
    given = given.replace({"minute": "time", "second": "time", "hour": "time", "datetime": "time"})
    known = given.isin(dates.PRECISIONS)
    bad = np.flatnonzero(((given != "") & ~known).to_numpy())
    if len(bad):
        report.rows(label, bad, "precision", "expected year, month, day or time; inferred it from the date",
                    given, "warning")
    use = known & instants.notna()
    if use.any():
        precisions = precisions.where(~use, given)
        naive = instants[use].dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
        units = {"year": "Y", "month": "M", "day": "D"}
        snapped = naive.copy()
        for name, unit in units.items():
            mask = (given[use] == name).to_numpy()
            snapped[mask] = naive[mask].astype(f"datetime64[{unit}]").astype("datetime64[us]")
        instants = instants.copy()
        instants[use] = pd.Series(snapped, index=instants[use].index).dt.tz_localize("UTC")
    return instants, precisions


CHECKED_ASIDE_FROM = 50_000  # rows: a longer table's ids are checked on a second thread while its dates parse


def _checked_aside(ids: pd.Series) -> Future[bool]:
    """:func:`~viewer.model.reporting.plain_ids`, found on a second thread while the dates parse. False sends the
    ids to :func:`unique_ids`, which names the blank and repeated ones."""
    helper = ThreadPoolExecutor(1, thread_name_prefix="entente-ids")
    checking = helper.submit(plain_ids, ids)
    helper.shutdown(wait=False)  # its one thread ends with the task
    return checking


def build_events(raw: pd.DataFrame, label: str, report: Reporter, tables: Tables) -> pd.DataFrame:
    given = tables.dates
    raw = raw.reset_index(drop=True)
    if raw.empty and "start" not in raw.columns:
        raw = pd.DataFrame(columns=list(EVENT_COLUMNS))
    if "start" not in raw.columns:
        raise LoadError(f"{label}: no 'start' column; expected columns {', '.join(EVENT_COLUMNS)}")
    ids = _text(raw, "id")
    checking = _checked_aside(ids) if tables.ids_distinct is None and len(ids) >= CHECKED_ASIDE_FROM else None
    said = len(report.problems)
    spans: dict[str, dates.ParsedDates] = {}
    start = _parse_column(raw, "start", label, report, "error", given, spans)
    raw = _with_start_as_written(raw, report.problems[said:], given)
    empty = np.flatnonzero((start.instants.isna() & ~start.invalid).to_numpy())
    if len(empty):
        report.rows(label, empty, "start", "no start date; row skipped", None)
    end = _parse_column(raw, "end", label, report, "warning", given)
    start_at, precision = _apply_precision(raw, start, label, report)
    end_at, end_precision = _with_span_ends(end, spans.get("start"))
    backwards = (end_at < start_at).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "end", "end is before start; end ignored",
                    raw["end"], "warning")
        end_at = end_at.mask(backwards)
    distinct = tables.ids_distinct if checking is None else checking.result()
    ids = ids if distinct else unique_ids(ids, label, "row", report)
    title = _text(raw, "title")
    numbers = report.numbers if report.numbers is not None else np.arange(1, len(raw) + 1)
    out = pd.DataFrame({
        "id": ids, "start": start_at, "end": end_at,
        "precision": precision.astype(dates.PRECISION_DTYPE),
        "end_precision": end_precision.astype(dates.PRECISION_DTYPE).where(end_at.notna()),
        "title": title.where(~blank(title), ids),
    })
    # columns the file lacks are filled after sorting: taking a million empty strings costs as much as real ones
    absent = [c for c in ("description", "tags", "source_title", "source_url") if c not in raw.columns]
    for column in ("description", "actors", "category", "tags", "source_title", "source_url"):
        if column not in absent:
            out[column] = _text(raw, column, coded=column in ("actors", "category"))
    out["actors"] = normalise_lists(out["actors"])
    if "tags" in out.columns:
        out["tags"] = comma_tags(out["tags"])
    out["row"] = numbers
    out = with_attributes(out, raw, "events", tables)
    if out["start"].isna().any():
        out = out[out["start"].notna()]
    out["span_start"] = out["start"]
    out["span_end"] = _span_ends(out)
    out["precision"] = out["precision"].astype(dates.PRECISION_DTYPE)
    out["end_precision"] = out["end_precision"].astype(dates.PRECISION_DTYPE)
    out["category"] = codes.as_category(composed(out["category"]))
    stamps = out["start"].to_numpy(dtype="datetime64[us]")
    if len(stamps) and not (stamps[1:] >= stamps[:-1]).all():  # most files are in time order already
        out = reordered(out, stable_order(stamps.view(np.int64)))
    out = out.reset_index(drop=True)
    for column in absent:
        out[column] = text_arrow.empty_strings(len(out), np.nan)
    extra = [c for c in out.columns if str(c).startswith(attrs.PREFIX)]
    return out[[*EVENT_COLUMNS[:3], "precision", "end_precision", *EVENT_COLUMNS[4:], "row", "span_start",
                "span_end", *extra]]


def _with_start_as_written(raw: pd.DataFrame, said: list[Problem], given: Mapping[str, dates.ParsedDates] | None
                           ) -> pd.DataFrame:
    """The raw events with a ``start_written`` column of the starts written with a mark ("c. 1850", "before 1860"),
    when reading them said so and the file has no such column (:func:`viewer.model.dates.approximate.as_written`)."""
    name = approximate.WRITTEN["start"]
    if (given and "start" in given) or name in raw.columns:
        return raw
    written = approximate.as_written(raw["start"], said, "start")
    return raw if written is None else raw.assign(**{name: written})


def _span_ends(events: pd.DataFrame) -> pd.Series:
    """Where each event's span ends: its end's precision span, or its start's for an event without an end (worked
    out for the ends that are written only: often a third of a file's rows). In numpy, on ticks and codes."""
    start, end = events["start"], events["end"]
    if str(start.dtype) != dates.UTC_DTYPE or str(end.dtype) != dates.UTC_DTYPE:
        start, end = start.astype(dates.UTC_DTYPE), end.astype(dates.UTC_DTYPE)
    codes = pd.Categorical(events["precision"], dtype=dates.PRECISION_DTYPE).codes
    ticks = dates.span_end_ticks(start.array.asi8, codes)
    ended = end.notna().to_numpy()
    if ended.any():  # (whole columns, not the ended rows picked out: picking costs more than the sums)
        end_codes = pd.Categorical(events["end_precision"], dtype=dates.PRECISION_DTYPE).codes
        ends = dates.span_end_ticks(end.array.asi8, np.where(end_codes >= 0, end_codes, codes))
        ticks = np.where(ended, ends, ticks)
    return pd.Series(ticks.view("datetime64[us]"), index=events.index).dt.tz_localize("UTC").astype(dates.UTC_DTYPE)


def _fractions(value: pd.Series, written: pd.Series, shares: np.ndarray, label: str, report: Reporter) -> pd.Series:
    """Shares written as fractions of one (Wikidata's and many registers' ``0.434``), as percentages: when every
    share is at most 1, none is written with ``%``, there are two or more and one lies strictly between 0 and 1."""
    if not value_numbers.fractions_of_one(value, written, shares):
        return value
    given = shares & value.notna().to_numpy()
    values = value[given]
    example = float(values[(values > 0) & (values < 1)].iloc[0])
    report.problems.append(Problem(label, f"shares written as fractions of one, read as percentages ({example:g} is "
                                          f"{example * 100:g}%)", None, "value", "info"))
    return value.where(~given, value * 100)


def build_relations(raw: pd.DataFrame | None, label: str, report: Reporter, tables: Tables) -> pd.DataFrame:
    if raw is None:  # (most files: no relation table)
        return _from_nothing("relations").copy()
    return _relations(raw.reset_index(drop=True), label, report, tables)


@cache
def _from_nothing(table: str) -> pd.DataFrame:
    """What a table not given builds to: its columns typed, no rows. Built once: building it each time cost
    ~5 ms a table, a fifth of opening a small file (a folder of a hundred, a file a month: a second)."""
    if table == "entities":
        return build_entities(pd.DataFrame(columns=list(ENTITY_COLUMNS)), "", Reporter([]))
    return _relations(pd.DataFrame(columns=list(RELATION_COLUMNS)), "", Reporter([]), None)


def _relations(raw: pd.DataFrame, label: str, report: Reporter, tables: Tables | None) -> pd.DataFrame:
    """The relations typed, their extra columns as attributes (none without ``tables``), rows that cannot be kept
    said and left out (:func:`build_relations`)."""
    source, target = composed(_text(raw, "source").str.strip()), composed(_text(raw, "target").str.strip())
    missing = ((source == "") | (target == "")).to_numpy()
    if missing.any():
        report.rows(label, np.flatnonzero(missing), "source/target",
                    "a relation needs a source and a target; row skipped", None)
    kinds = _text(raw, "kind", "relation").str.strip().str.lower()
    shares = kinds.isin([kind for kind in kinds.unique() if is_share(kind)]).to_numpy(dtype=bool)  # once per kind
    value_text = _text(raw, "value").str.strip()
    value, decorated, notes = value_numbers.read(value_text, shares)  # "1,250,000", "$5.4bn", "43,4 %"
    report.problems.extend(Problem(label, note, None, "value", "info") for note in notes)
    value = _fractions(value, value_text, shares, label, report)
    raw, value, said = _bands(raw, value, value_text, label, report)
    if decorated.any():  # a currency or a magnitude ("$5.4bn") is shown as written
        raw = _written(raw, np.flatnonzero(decorated.to_numpy()), value_text[decorated].to_numpy())
    bad_value = (value.isna() & (value_text != "")).to_numpy()
    if bad_value.any():
        report.rows(label, np.flatnonzero(bad_value), "value", "expected a number (e.g. 43.4); value left empty",
                    raw["value"], "warning")
    outside = (shares & ((value < 0) | (value > 100)).to_numpy()) & ~missing
    if outside.any():
        report.rows(label, np.flatnonzero(outside), "value", "a share outside 0-100%; kept as written",
                    raw["value"], "warning")
    start = _parse_column(raw, "valid_from", label, report, "error")
    end = _parse_column(raw, "valid_to", label, report, "error")
    backwards = (end.instants < start.instants).fillna(False).to_numpy()
    if backwards.any():
        report.rows(label, np.flatnonzero(backwards), "valid_to", "valid_to is before valid_from; relation skipped",
                    raw["valid_to"], "error")
    keep = ~(missing | start.invalid.to_numpy() | end.invalid.to_numpy() | backwards)
    ids = unique_ids(_text(raw, "id"), label, "R", report)
    out = pd.DataFrame({
        "id": ids, "source": source, "target": target,
        "kind": kinds.replace("", "relation"),
        "value": value,
        "valid_from": start.instants, "valid_from_precision": start.precisions,
        "valid_to": end.instants, "valid_to_precision": end.precisions,
        "event": _text(raw, "event").str.strip(), "note": _joined(_text(raw, "note"), said),
        "source_url": _text(raw, "source_url"),
    })
    out["row"] = report.numbers if report.numbers is not None else np.arange(1, len(out) + 1)
    out = with_attributes(out, raw, "relations", tables) if tables is not None else out
    return out[keep].reset_index(drop=True)


def _bands(raw: pd.DataFrame, value: pd.Series, text: pd.Series, label: str,
           report: Reporter) -> tuple[pd.DataFrame, pd.Series, pd.Series]:
    """Values written as a band or a bound ("25-50%", ">75%", "majority"; see :mod:`viewer.model.value_bands`):
    valued, their text kept as the ``value_written`` attribute (labels show it), a note for each, said once."""
    said = pd.Series("", index=value.index, dtype=object)
    unread = (value.isna() & (text != "")).to_numpy()
    if not unread.any():
        return raw, value, said
    rows = np.flatnonzero(unread)
    banded, shown, notes = value_bands.read(_text(raw, "value").iloc[rows].reset_index(drop=True))
    found = ~np.isnan(banded.to_numpy())
    if not found.any():
        return raw, value, said
    hit = rows[found]
    value = value.copy()
    value.iloc[hit] = banded.to_numpy()[found]
    said.iloc[hit] = notes.to_numpy()[found]
    raw = _written(raw, hit, shown.to_numpy()[found])
    report.problems.append(Problem(label, f"{counted(len(hit), 'value')} written as a band or a bound ('25-50%', "
                                   "'>75%', 'majority') valued at the band's midpoint or at the bound; the text is "
                                   f"kept as {value_bands.WRITTEN}", None, "value", "info"))
    return raw, value, said


def _written(raw: pd.DataFrame, rows: np.ndarray, texts: np.ndarray) -> pd.DataFrame:
    """The raw table with these rows' values as written in its ``value_written`` column (kept where a file wrote
    one)."""
    written = _text(raw, value_bands.WRITTEN).to_numpy(dtype=object, copy=True)
    written[rows] = texts
    return raw.assign(**{value_bands.WRITTEN: written})


def _joined(notes: pd.Series, more: pd.Series) -> pd.Series:
    """Each note with more said after it ("; " between), where there is more."""
    return notes.where(more == "", (notes.str.strip() + "; " + more).str.lstrip("; "))
