"""The engine's view of a native events table, as ibis expressions (one code for DuckDB, Spark, …).

:func:`prepare` turns a raw table (native column names; dates as timestamps or ISO 8601 text) into
the columns the model uses: parsed instants with their precision, ``span_start``/``span_end`` and
``s``, the start in whole Unix seconds. The predicates here mirror ``viewer.model.query`` and
``viewer.model.filters`` so that both paths answer alike.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import ibis
import ibis.expr.datatypes as dt
import pandas as pd

from viewer.model.attributes import PREFIX
from viewer.model.dates import parse_date
from viewer.model.dates.numbers import YEARS
from viewer.model.filters import Filters
from viewer.model.lane_packing import OTHER
from viewer.model.table_build import CORE

UTC = dt.Timestamp(timezone="UTC")
TEXT_FIELDS = ("title", "description", "actors", "category", "tags", "source_title", "source_url")
PRECISION_WORDS = {"minute": "time", "second": "time", "hour": "time", "datetime": "time"}
_ONE = {"year": ibis.interval(years=1), "month": ibis.interval(months=1), "day": ibis.interval(days=1)}
_UNIT = {"year": "Y", "month": "M", "day": "D"}


def _engine_micros(ts: Any) -> Any:
    """Microseconds since 1970 (the engine's own function; see :func:`micros`)."""


_epoch_us = ibis.udf.scalar.builtin(_engine_micros, name="epoch_us", signature=((UTC,), dt.int64))
_unix_micros = ibis.udf.scalar.builtin(_engine_micros, name="unix_micros", signature=((UTC,), dt.int64))


def micros(ts: Any, backend: str) -> Any:
    """Microseconds since 1970 of a UTC timestamp column, by the engine's own function where it has one
    (ibis's portable epoch_seconds casts every value through a time-zone conversion first: 15x slower)."""
    if backend == "duckdb":
        return _epoch_us(ts)
    if backend == "pyspark":
        return _unix_micros(ts)
    return (ts.epoch_seconds() * 1_000_000).cast(dt.int64)


def seconds(ts: Any, backend: str) -> Any:
    """Whole seconds since 1970, floored (the unit density bins count in)."""
    return (micros(ts, backend) / 1e6).floor().cast(dt.int64)


EARLIEST = pd.Timestamp("0001-01-01", tz="UTC").as_unit("us")  # literals go through Python's datetime …
LATEST = pd.Timestamp("9999-12-31 23:59:59.999999", tz="UTC").as_unit("us")  # … which holds years 1 to 9999


def _held(value: pd.Timestamp) -> datetime.datetime:
    """``value`` as a naive UTC datetime, held within years 1–9999: a view reaching past them (zoomed out
    around dates near either end) compares as if it stopped there; no date a source holds lies beyond,
    but for the end of a span in 9999 (1 January 10000), which then counts as reaching a view after it."""
    return min(max(value, EARLIEST), LATEST).tz_convert("UTC").tz_localize(None).to_pydatetime()


def stamp(value: pd.Timestamp) -> Any:
    """A UTC timestamp literal."""
    return ibis.literal(_held(value), type=UTC)


def _parse(column: Any, is_text: bool, midnight: bool = False) -> tuple[Any, Any]:
    """(instant, precision) of a date column: timestamps are to the time (to the day when ``midnight``: every
    one is at 00:00, as the loader reads such a column), dates to the day; integers as :func:`compact_form`
    reads them; text by its ISO form."""
    if not is_text:
        kind = column.type()
        if kind.is_binary():  # bytes: read as the text they spell, as the loader reads them
            return _parse(column.cast(dt.string), True)
        if kind.is_decimal() and kind.scale == 0:  # whole numbers stored as decimals (20190321)
            column = column.cast(dt.int64)
            kind = column.type()
        if kind.is_integer():
            return _compact(column, compact_form(column))
        if not (kind.is_timestamp() or kind.is_date()):
            raise ValueError(f"the {column.get_name()!r} column holds {kind} values; a source queried in place reads "
                             "dates, timestamps, ISO 8601 text and whole numbers written as dates (20190321, 1990); "
                             "plain numbers with fractions are read only from a file loaded into memory (one "
                             "Parquet file of at most ENTENTE_ENGINE_ROWS rows, 2,000,000 unless set)")
        instant = column if kind.is_timestamp() and kind.timezone == "UTC" else column.cast(UTC)
        day = kind.is_date() or midnight
        return instant, ibis.ifelse(instant.isnull(), ibis.null(dt.string), "day" if day else "time")
    text = column.strip().nullif("")
    n = text.length()
    precision = ibis.cases((n == 4, "year"), (n == 7, "month"), (n == 10, "day"), else_="time")
    padded = ibis.cases((n == 4, text.concat("-01-01")), (n == 7, text.concat("-01")), else_=text)
    instant = padded.try_cast(UTC)
    return instant, ibis.ifelse(instant.isnull(), ibis.null(dt.string), precision)


def first_unreadable(table: Any) -> str | None:
    """A written start of a raw table that the engine cannot read as a date (text only: the engine reads
    ISO 8601), or None. One query that stops at the first such row it meets (in no set order)."""
    column = table["start"] if "start" in table.schema() else None
    if column is None or not column.type().is_string():
        return None
    instant, _precision = _parse(column, True)
    text = column.strip()
    found = table.filter(instant.isnull() & text.notnull() & (text != "")).select(value=text).limit(1).execute()
    return None if found.empty else str(found["value"].iloc[0])


def _text(column: Any) -> Any:
    """A column as text; a column of lists as its values joined by ';' (as the loader reads them)."""
    kind = column.type()
    if kind.is_array():
        if kind.value_type.is_nested():
            return column.cast(dt.string)
        values = column if kind.value_type.is_string() else column.map(lambda v: v.cast(dt.string))
        return values.filter(lambda v: v.notnull()).join(";")
    return column.cast(dt.string)


def _row_key(table: Any) -> Any:
    """An id for the rows of a source written without one (a Spark job's output): a hash of all a row holds, the
    same in every query. Before, every such row's id was "": a click selected them all, and Right skipped the
    events sharing a start. Rows equal in every column share one (they are one event to the eye)."""
    parts = [_text(table[name]).fill_null("") for name in table.schema().names]
    return "r" + ibis.literal("\x1f").join(parts).hash().cast(dt.string).replace("-", "n")


def compact_form(column: Any) -> str:
    """How an integer date column reads, from its smallest and largest value (one query; the Parquet
    statistics answer it): ``yyyymmdd`` (20190321), ``yyyymm`` (201903), ``year`` (1990, within
    :data:`~viewer.model.dates.numbers.YEARS`), else ``seconds`` since 1970 UTC. The loader decides by
    the same forms, from the column's cells."""
    row = column.as_table().aggregate(lo=column.min(), hi=column.max()).execute()
    lo, hi = row["lo"].iloc[0], row["hi"].iloc[0]
    if pd.isna(lo):
        return "seconds"
    for form, (least, most) in (("yyyymmdd", (10000101, 99991231)), ("yyyymm", (100001, 999912)),
                                ("year", YEARS)):
        if least <= lo and hi <= most:
            return form
    return "seconds"


def _compact(column: Any, form: str) -> tuple[Any, Any]:
    """(instant, precision) of integer dates in ``form``; a value that is no such date (month 13, 30
    February) reads as none, and its row is skipped and counted, as text that is no date."""
    if form == "seconds":
        instant = column.cast(UTC)
        return instant, ibis.ifelse(instant.isnull(), ibis.null(dt.string), "time")
    value = column.cast("int64")
    year, month, day = {"yyyymmdd": (value // 10000, value // 100 % 100, value % 100),
                        "yyyymm": (value // 100, value % 100, ibis.literal(1)),
                        "year": (value, ibis.literal(1), ibis.literal(1))}[form]
    text = year.cast(dt.string).lpad(4, "0").concat("-", month.cast(dt.string).lpad(2, "0"), "-",
                                                     day.cast(dt.string).lpad(2, "0"))
    instant = text.try_cast(UTC)
    precision = {"yyyymmdd": "day", "yyyymm": "month", "year": "year"}[form]
    return instant, ibis.ifelse(instant.isnull(), ibis.null(dt.string), precision)


def _span_end(instant: Any, precision: Any) -> Any:
    return ibis.cases(*((precision == name, instant.truncate(_UNIT[name]) + one) for name, one in _ONE.items()),
                      else_=instant)


def all_midnight(table: Any, name: str, backend: str, sample: int = 50_000) -> bool:
    """True when every value of timestamp column ``name`` is at 00:00 UTC (nulls aside): the loader then
    reads the column as dates. The first ``sample`` rows answer most columns (one time of day is enough);
    only a column of midnights so far is scanned whole."""
    column = table[name]
    off = (micros(column, backend) % 86_400_000_000) != 0
    head = table.select(off=off).limit(sample).execute()["off"]
    if bool(head.fillna(False).astype(bool).any()):
        return False
    found = table.aggregate(off=off.any()).execute()["off"].iloc[0]  # null: no value at all
    return not (pd.notna(found) and bool(found))


def prepare(table: Any, barrier: Callable[[Any], Any] = lambda t: t, backend: str = "",
            midnight: frozenset[str] = frozenset()) -> tuple[Any, bool]:
    """The prepared events view, and whether ``start`` is exact (so predicates on it prune row groups).
    Timestamp columns named in ``midnight`` are read to the day (:func:`all_midnight`).

    It is built in three steps (dates parsed; precision applied; spans). ``barrier`` may turn each
    step into a view in the engine: ibis would otherwise inline every step into every column that
    uses it, and the SQL grows a hundredfold.
    """
    schema = table.schema()
    if "start" not in schema:
        raise ValueError(f"no 'start' column; expected the native columns (id, start, end, title, actors, …), "
                         f"got {', '.join(schema.names)}")
    exact_start = schema["start"].is_timestamp() and "precision" not in schema
    start, precision = _parse(table.start, schema["start"].is_string(), "start" in midnight)
    step: dict[str, Any] = {"id": _text(table.id) if "id" in schema else _row_key(table),
                            "start": start, "precision": precision, "raw_start": table.start}
    if "end" in schema:
        step["end"], step["end_precision"] = _parse(table.end, schema["end"].is_string(), "end" in midnight)
    else:
        step["end"], step["end_precision"] = ibis.null(UTC), ibis.null(dt.string)
    step["given"] = table.precision.cast(dt.string).strip().lower() if "precision" in schema else ibis.null(dt.string)
    for name in TEXT_FIELDS:
        step[name] = _text(table[name]).fill_null("") if name in schema else ibis.literal("")
    extras = attribute_columns(table)
    step |= {PREFIX + name: table[name] for name in extras}  # carried as they are: only Details reads them
    parsed = barrier(table.select(**step))
    parsed = parsed.filter(parsed.start.notnull())
    if "precision" in schema:
        given = parsed.given.substitute(PRECISION_WORDS)
        known = given.isin(["year", "month", "day", "time"])
        snapped = ibis.cases(*((known & (given == name), parsed.start.truncate(_UNIT[name])) for name in _UNIT),
                             else_=parsed.start)
        parsed = barrier(parsed.mutate(precision=ibis.ifelse(known, given, parsed.precision), start=snapped))
    end = ibis.ifelse(parsed.end < parsed.start, ibis.null(UTC), parsed.end)
    spans = barrier(parsed.mutate(end=end, end_precision=ibis.ifelse(end.isnull(), ibis.null(dt.string),
                                                                     parsed.end_precision)))
    span_end = ibis.ifelse(spans.end.isnull(), _span_end(spans.start, spans.precision),
                           _span_end(spans.end, spans.end_precision))
    view = spans.select(
        "id", "start", "end", "precision", "end_precision",
        title=ibis.ifelse(spans.title.strip() == "", spans.id, spans.title),
        **{name: spans[name] for name in TEXT_FIELDS if name != "title"},
        span_start=spans.start, span_end=span_end,
        s=seconds(spans.start, backend), raw_start=spans.raw_start,
        **{PREFIX + name: spans[PREFIX + name] for name in extras})
    return barrier(view), exact_start


def attribute_columns(table: Any) -> list[str]:
    """The raw table's columns that are no native field (City, Fund, a partition key …): the events'
    attributes, as the loader keeps them (``attr:<name>`` in the prepared view)."""
    return [name for name in table.schema().names if name not in CORE["events"] and name.strip()]


def raw_stamp(view: Any, value: pd.Timestamp) -> Any:
    """A timestamp literal of the raw start column's own type (naive columns hold UTC)."""
    if view.raw_start.type().timezone is None:
        return ibis.literal(_held(value), type=dt.timestamp)
    return stamp(value)


def _tokens(column: Any) -> Any:
    return column.split(";")


def any_token(column: Any, wanted: list[str]) -> Any:
    """Rows whose ';'-separated list holds any of ``wanted`` exactly (as ``query.actor_mask``)."""
    tokens = _tokens(column)
    return ibis.or_(*(tokens.contains(w).fill_null(False) for w in wanted)) if wanted else ibis.literal(False)


def window_predicate(view: Any, start: object, end: object) -> Any:
    """``query.window_mask``: the whole precision span overlaps ``[start, end]``."""
    out = ibis.literal(True)
    if end is not None and not (isinstance(end, str) and not end.strip()):
        date = parse_date(end)
        hi = stamp(date.end if date.precision != "time" else date.start)
        out &= (view.span_start < hi) | ((view.span_start == hi) & (view.span_end == hi))
    if start is not None and not (isinstance(start, str) and not start.strip()):
        lo = stamp(parse_date(start).start)
        out &= (view.span_end > lo) | (view.span_start >= lo)
    return out


def filter_predicate(view: Any, filters: Filters, entity_names: dict[str, str]) -> Any:
    """``Filters.mask`` as one predicate on the prepared view."""
    out = window_predicate(view, *filters.bounds())
    if filters.actors:
        out &= any_token(view.actors, sorted(filters.actors))
    if filters.categories:
        out &= view.category.isin(sorted(filters.categories))
    if filters.tags:
        out &= any_token(view.tags, sorted(filters.tags))
    needle = filters.text.strip().lower()
    if needle:
        text = ibis.or_(*(view[c].lower().contains(needle) for c in ("title", "description", "actors")))
        named = [eid for eid, name in entity_names.items() if needle in name.lower()]
        if named:
            text |= any_token(view.actors, named)
        out &= text
    for name, values in filters.attributes:  # attributes.value_mask: no such column matches nothing
        if values:
            column = PREFIX + name
            out &= view[column].cast("string").isin(sorted(values)) if column in view.columns else ibis.literal(False)
    return out


def with_lanes(view: Any, group_by: str, keys: tuple[str, ...]) -> Any:
    """The view with a ``lane`` column, the lane's position in ``keys``, for the ``category`` and ``none``
    groupings (one lane per event; rows in no lane are left out; actor lanes join a table of lists
    instead: ``EngineSource.with_lanes``)."""
    if group_by == "none":
        return view.mutate(lane=ibis.literal(0, type=dt.int32)) if keys else view.filter(ibis.literal(False))
    if group_by == "category":
        named = {k: i for i, k in enumerate(keys) if k != OTHER}
        other = ibis.literal(keys.index(OTHER) if OTHER in keys else None, type=dt.int32)
        lane = view.category.substitute(named, else_=other).cast(dt.int32) if named else other
        return view.mutate(lane=lane).filter(lambda t: t.lane.notnull())
    raise ValueError(f"group_by must be 'actor', 'category' or 'none', got {group_by!r}")
