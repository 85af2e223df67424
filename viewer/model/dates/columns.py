"""Recognise how a column of dates is written and read it, vectorised over its unique values.

Handles ISO dates (via :func:`viewer.model.dates.parse_dates`), ``2001/01/01 00:47``, ``D/M/Y`` and ``M/D/Y``
(decided from values above 12, else from the weekdays written before them (:mod:`weekdays`), else assumed as the
computer's locale writes dates, and reported), two-digit years (00–68 → 2000s, 69–99 → 1900s, as ``strptime``), a
comma before the time (``1/8/24, 9:00 AM``), ``1-May-23`` and ``May 1, 2023``, plain years, Excel serial days,
Unix seconds/milliseconds, a separate time column and time zones (:mod:`zones`; suffix or column); what is left
unread, in the forms of :mod:`expanded`, :mod:`forms` and :mod:`respell`. Every guess is a note to report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import dates, missing_marks, text_arrow
from viewer.model.dates import approximate, eras, expanded, forms, respell, shaped, weekdays, zones
from viewer.model.dates.arrow import NAT
from viewer.model.dates.iso import clean_arrow, ends_a_day, parse_iso_column
from viewer.model.dates.numbered import components, decide_order, hours, two_digit
from viewer.model.dates.numbers import COUNTED, number_dates, plain_integers, read_numbers, read_unique
from viewer.model.dates.zones import offsets as zone_offsets
from viewer.model.dates.zones import time_spans

__all__ = ["DateColumn", "clean_text", "looks_like_dates", "number_dates", "parse_column"]

DAY_MICROS = 86_400_000_000
LONGEST_RESPELT = 256  # bytes: a longer cell is not tried in other spellings of dates (expanded years, forms, words)
MONTHS = {m: i + 1 for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep",
                                          "oct", "nov", "dec"))}
_TIME = (r"(?:(?:\s*,\s*|[ T]+)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?(?:\.(?P<f>\d+))?"
         r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?")
_NUMERIC = r"(?P<a>\d{1,4})(?P<sep>[/.-])(?P<b>\d{1,2})[/.-](?P<c>\d{2}|\d{4})" + _TIME
_YEAR_FIRST = r"(?P<a>\d{4})(?P<sep>[/.-])(?P<b>\d{1,2})[/.-](?P<c>\d{1,2})" + _TIME  # 2019-3-5 3:00 PM
_DAY_NAMED = r"(?P<d>\d{1,2})[-\s/.]+(?P<mon>[A-Za-z]{3,9})\.?[-\s/.,]+(?P<y>\d{2}|\d{4})" + _TIME
_NAMED_DAY = r"(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})" + _TIME
_NAMED_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?[-\s,]+(?P<y>\d{4})"
_NUMBERED_MONTH = r"(?P<m>\d{1,2})[/-](?P<y>\d{4})"  # "03/2019" is a month ("3.2019" stays a number)
_SLASH_ISO = r"\d{4}/\d{1,2}(?:/\d{1,2}(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?)?"
_NUMBER = r"-?\d+(?:\.\d+)?"
_WORDS = {"mon", "ampm", "sep", "rest", "zone"}
TEXT = pd.StringDtype("pyarrow")  # regexes run in Arrow (RE2), not one Python call per value
# a time column's cell: 09:03, 0903, 9.03 and 9h03 (as German and French write them), 9:03 PM, 9 PM
_CLOCK = r"(?P<h>\d{1,2})(?:[:.hH]?(?P<mi>\d{2}))?(?::?(?P<s>\d{2}))?(?:[.,]\d+)?\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?"


@dataclass
class DateColumn:
    """A parsed column: UTC instants, precisions, unreadable rows, the order used and notes to report."""

    instants: pd.Series
    precisions: pd.Series
    invalid: pd.Series
    order: str | None = None
    notes: list[tuple[str, str]] = field(default_factory=list)  # (level, message)


def clean_text(values: pd.Series) -> pd.Series:
    """Cells as stripped strings (NBSP counts as space; floats like 2019.0 lose the .0); blanks are NA."""
    fast = clean_arrow(values)
    if fast is None:
        fast = text_arrow.number_text(values)
    if fast is None and isinstance(values.dtype, pd.CategoricalDtype):
        fast = _categories_text(values)
    if fast is not None:
        return fast
    if pd.api.types.is_float_dtype(values.dtype):
        present = values.dropna()
        if ((present % 1 == 0) & (present.abs() < 2.0**63)).all():  # (2.1e124 is whole too, but no integer)
            values = values.astype("Int64")
    text = values.astype(TEXT).str.replace("\xa0", " ", regex=False).str.strip()
    return text.mask(text == "", pd.NA)


def _categories_text(values: pd.Series) -> pd.Series:
    """:func:`clean_text` of a categorical column: its categories cleaned, then each row's taken in Arrow (a
    million rows written out as text first cost 0.13 s a column)."""
    names = pa.array(clean_text(pd.Series(values.cat.categories)), type=pa.string(), from_pandas=True)
    codes = values.cat.codes.to_numpy()
    rows = pa.DictionaryArray.from_arrays(pa.array(codes, mask=codes < 0), names).cast(pa.string())
    return pd.Series(rows.to_pandas(types_mapper={pa.string(): TEXT}.get).array, index=values.index)


def _arrow(text: pd.Series) -> pa.Array:
    """One contiguous Arrow string array (an Arrow-backed column may come as several chunks)."""
    array = pa.array(text.astype(TEXT))
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def _matches(text: pd.Series, pattern: str) -> pd.Series:
    """Whole-value regex match in Arrow (RE2): no Python call per value."""
    hit = pc.match_substring_regex(_arrow(text), f"^(?:{pattern})$").fill_null(False)
    return pd.Series(hit.to_numpy(zero_copy_only=False), index=text.index, dtype=bool)


def _extract(text: pd.Series, pattern: str) -> pd.DataFrame:
    """Named groups of a whole-value match: numbers as float (plus ``<name>_len``), words as text (sliced out by
    their shapes where the column has few: :mod:`viewer.model.dates.shaped`)."""
    written = _arrow(text)
    if (sliced := shaped.extract(written, f"^(?:{pattern})$", _WORDS, text.index)) is not None:
        return sliced
    found = pc.extract_regex(written, f"^(?:{pattern})$")
    columns: dict[str, object] = {}
    for i, group in enumerate(found.type):
        child = found.field(i)
        empty = pc.equal(child, "").fill_null(True)
        if group.name in _WORDS:
            columns[group.name] = pd.Series(child.to_numpy(zero_copy_only=False), dtype=object).where(
                ~empty.to_numpy(zero_copy_only=False), None).to_numpy()
            continue
        digits = pc.if_else(empty, pa.scalar(None, child.type), child)
        columns[group.name] = pc.cast(digits, pa.float64()).to_numpy(zero_copy_only=False)
        columns[f"{group.name}_len"] = pc.utf8_length(digits).cast(pa.float64()).to_numpy(zero_copy_only=False)
    return pd.DataFrame(columns, index=text.index)


def _numeric_dates(uniq: pd.Series, order: str | None, notes: list[tuple[str, str]],
                   vote: Callable[[], str | None], pattern: str = _NUMERIC) -> tuple[pd.Series, pd.Series, str]:
    parts = _extract(uniq, pattern)
    a, b = parts["a"], parts["b"]
    chosen = "ymd" if (parts["a_len"] == 4).all() else decide_order(a, b, parts["sep"], order, notes, vote)
    if chosen == "ymd":
        year, month, day = two_digit(a, parts["a_len"], notes), b, parts["c"]
    else:
        year = two_digit(parts["c"], parts["c_len"], notes)
        month, day = (b, a) if chosen == "dmy" else (a, b)
    stamps, precision = components(parts, year, month, day)
    return stamps, precision, chosen


def _named_dates(uniq: pd.Series, pattern: str, notes: list[tuple[str, str]]) -> tuple[pd.Series, pd.Series]:
    parts = _extract(uniq, pattern)
    month = parts["m"] if "m" in parts else parts["mon"].str.lower().str[:3].map(MONTHS).astype("float64")
    if "d" not in parts.columns:
        stamps = pd.to_datetime(pd.DataFrame({"year": parts["y"], "month": month, "day": 1}),
                                errors="coerce").dt.tz_localize("UTC").astype(dates.UTC_DTYPE)
        return stamps, pd.Series("month", index=parts.index, dtype="object")
    return components(parts, two_digit(parts["y"], parts["y_len"], notes), month, parts["d"])


def _parse_unique(uniq: pd.Series, notes: list[tuple[str, str]], *, order: str | None, excel: bool, yearish: bool,
                  vote: Callable[[], str | None]
                  ) -> tuple[np.ndarray, np.ndarray, np.ndarray, str | None, list[tuple[str, str]]]:
    """Wall-clock instants, precisions and naive flags for unique strings, one pattern family at a time."""
    n = len(uniq)
    instants = np.full(n, np.datetime64("NaT", "us"))
    precision = np.full(n, None, dtype=object)
    naive = np.ones(n, dtype=bool)
    todo = np.ones(n, dtype=bool)
    used: str | None = None

    def claim(pattern: str) -> tuple[np.ndarray, pd.Series]:
        candidates = np.flatnonzero(todo)
        hit = candidates[_matches(uniq.iloc[candidates], pattern).to_numpy()]
        return hit, uniq.iloc[hit]

    def store(rows: np.ndarray, stamps: pd.Series, precisions: pd.Series) -> None:
        instants[rows] = stamps.dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
        precision[rows] = precisions.astype(object).to_numpy()
        todo[rows] = False

    rows, text = claim(r"\d{4}(?:[-/.].*)?")
    if len(rows):
        parsed = dates.parse_dates(text.str.replace("/", "-", regex=False).reset_index(drop=True))
        ok = parsed.instants.notna().to_numpy()
        store(rows[ok], parsed.instants[ok], parsed.precisions[ok])
        naive[rows[ok]] = (parsed.naive | (parsed.precisions != "time")).to_numpy()[ok]
        # a year first and a 12-hour clock ("2019-01-02 1:45pm", "2019-3-5 3:00 PM"): never read in the order of
        # the column's other dates ("2/1/2019"), nor a vote for one
        left = rows[~ok][_matches(text[~ok], _YEAR_FIRST).to_numpy()]
        if len(left):
            store(left, *_numeric_dates(uniq.iloc[left], order, notes, vote, _YEAR_FIRST)[:2])
    rows, text = claim(_NUMERIC)
    if len(rows):
        stamps, precisions, used = _numeric_dates(text, order, notes, vote)
        store(rows, stamps, precisions)
    for pattern in (_DAY_NAMED, _NAMED_DAY, _NAMED_MONTH, _NUMBERED_MONTH):
        rows, text = claim(pattern)
        if len(rows):
            store(rows, *_named_dates(text, pattern, notes))
    rows, text = claim(r"-\d{4}-\d{2}(?:-\d{2})?")  # a month or a day before Christ, as eras.as_written writes it
    if len(rows):
        far, named = expanded.read_column(text)
        store(rows, pd.Series(far.view("datetime64[us]"), index=text.index), pd.Series(named, index=text.index))
    rows, text = claim(_NUMBER)
    if len(rows):
        found = np.count_nonzero(~todo)
        nums = _extract(text, f"(?P<n>{_NUMBER})")["n"]
        said = len(notes)
        store(rows, *read_numbers(nums, excel=excel, yearish=bool(yearish or found > len(rows)), notes=notes))
        if any(text.startswith(COUNTED) for _level, text in notes[said:]):
            naive[rows] = False  # a count from an instant (Unix time, WebKit's, FILETIME), not a wall clock
    return instants, precision, naive, used, notes


def _without_zones(uniq: pd.Series) -> tuple[pd.Series, pd.DataFrame, pd.Series]:
    """The values without a time zone's abbreviation after them ("10:00 EST"), the parts, and which had one.
    An era is no zone: "44 BC" is read as a year before Christ, not the year 44 in a zone called BC."""
    zone_parts = pd.DataFrame({"rest": uniq, "zone": pd.Series(pd.NA, index=uniq.index, dtype=TEXT)})
    maybe = _matches(uniq, zones.MAY_END_IN_ZONE)
    if maybe.any():  # (a value ending in a digit and AM or PM has that for its zone, which is none: not taken apart)
        maybe[maybe] = ~_matches(uniq[maybe], zones.AM_PM_LAST).to_numpy()
    if maybe.any():
        zone_parts[maybe] = _extract(uniq[maybe], zones.SUFFIX).astype(TEXT)
    has_zone = (zone_parts["zone"].notna() & ~zone_parts["zone"].isin(["AM", "PM", "A", "P"])).astype(bool)
    # letters right after a digit are a zone only after a time ("10:00Z", "T1000Z"): "201X" is the 2010s, not
    # the year 201 in the military zone X
    if has_zone.any():
        has_zone &= ~_matches(uniq, zones.ATTACHED_WITHOUT_TIME)
    era = has_zone & zone_parts["zone"].isin(list(eras.ERAS))
    if era.any():
        uniq = uniq.where(~era, eras.as_written(zone_parts["rest"][era], zone_parts["zone"][era]))
        has_zone &= ~era
    return uniq.where(~has_zone, zone_parts["rest"].str.strip()), zone_parts, has_zone


def _clock(times: pd.Series) -> pd.Series:
    """Seconds after midnight for a time column (``09:03``, ``0903``, ``9.03``, ``9:03 PM``, ``9 PM``, and whole
    hours in a column of them alone: an ``Hour`` column of 0-23, as accident and traffic tables write it); NaN when
    unreadable (an hour alone among written minutes, with no AM or PM, is no time: "12" could be anything)."""
    parts = _extract(times, _CLOCK)
    hours_alone = bool((parts["h"].notna() & parts["mi"].isna()).sum() == times.notna().sum())
    hour = hours(parts)
    minute = parts["mi"].where(parts["mi"].notna() | (parts["ampm"].isna() & ~hours_alone), 0.0)
    seconds = hour * 3600 + minute * 60 + parts["s"].fillna(0)
    return seconds.where((hour <= 24) & (minute < 60))


def _take(values: np.ndarray, codes: np.ndarray, fill: object) -> np.ndarray:
    padded = np.append(values, np.array([fill], dtype=values.dtype))
    return padded[np.where(codes < 0, len(values), codes)]


def parse_column(values: pd.Series, *, date_order: str | None = None, excel: bool = False, yearish: bool = False,
                 times: pd.Series | None = None, zones: pd.Series | None = None) -> DateColumn:
    """Parse one date column (plus an optional time and time-zone column) into UTC instants with precision.

    Years before 1 or after 9999 written in ISO 8601's expanded form (``-0473-03-15``, ``12000-05``, a
    signed year alone) are read too, as Entente writes them."""
    column = _parse_column(values, date_order=date_order, excel=excel, yearish=yearish, times=times, zones=zones)
    left = np.flatnonzero(column.invalid.to_numpy(dtype=bool))
    if len(left):  # a cell of a paragraph or of megabytes is no date spelt another way (a 5 MB cell: 1 s of regexes)
        left = left[np.asarray(pc.binary_length(_arrow(values.iloc[left].astype(TEXT))).fill_null(0)
                               .to_numpy(zero_copy_only=False)) <= LONGEST_RESPELT]
    if not len(left):
        return column
    far, named = expanded.read_column(values.iloc[left], bare_years=False)
    other = np.flatnonzero(far == NAT)
    other = other[pc.match_substring_regex(_arrow(clean_text(values.iloc[left[other]])), forms.MAY_BE)
                  .fill_null(False).to_numpy(zero_copy_only=False)]
    said: list[tuple[str, str]] = []  # "Mon, 04 Mar 2019 10:00 +0000", "4. März 2019": respelled
    if len(other):  # week and ordinal dates, 2019年3月4日 (10時30分: a time without a zone, said as any other)
        far[other], named[other], buddhist = forms.read_column(values.iloc[left[other]])
        if timed := int((named[other] == "time").sum()):
            said.append(("info", dates.zone_less(timed)))
        if buddhist:
            said.append(("info", forms.buddhist_note(buddhist)))
    if len(other := np.flatnonzero(far == NAT)):
        leftover = values.iloc[left[other]]  # (its weekdays, taken away from the respelled text, vote for an order)
        far[other], named[other], respelled = respell.read_each_once(leftover, lambda again: _parse_column(
            again, date_order=date_order, excel=False, yearish=False, times=None, zones=None, weekdays_of=leftover))
        said = respell.merged_notes(said, respelled)
    read = far != NAT
    if not read.any():  # (what was said stays said: "۱۳۹۷/۱۰/۱۷ looks like a Solar Hijri date")
        column.notes = respell.merged_notes(column.notes, [note for note in said if note[0] != "info"])
        return column
    rows = left[read]
    stamps = column.instants.to_numpy(dtype="datetime64[us]").copy()
    stamps[rows] = far[read].view("datetime64[us]")
    precisions = column.precisions.astype("object").to_numpy(copy=True)
    precisions[rows] = named[read]
    invalid = column.invalid.copy()
    invalid.iloc[rows] = False
    instants = pd.Series(stamps, index=values.index).dt.tz_localize("UTC").astype(dates.UTC_DTYPE)
    notes = respell.merged_notes(column.notes, said)
    if not invalid.any():  # the numbers' "rows skipped" ("-86400": no year of -9999..9999) were read after all
        notes = [note for note in notes if note[0] != "error"]
    return DateColumn(instants, pd.Series(precisions, index=values.index, dtype="object"), invalid, column.order,
                      notes)


def _parse_column(values: pd.Series, *, date_order: str | None, excel: bool, yearish: bool,
                  times: pd.Series | None, zones: pd.Series | None, weekdays_of: pd.Series | None = None
                  ) -> DateColumn:
    index = values.index
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        parsed = dates.parse_dates(values)
        micros = parsed.instants.to_numpy(dtype="datetime64[us]").view(np.int64)
        present = micros != NAT  # an empty cell does not make a column of dates a column of times
        if not (micros[present] % DAY_MICROS).any():
            day = np.where(present, dates.PRECISIONS.index("day"), -1)
            return DateColumn(parsed.instants, dates.precision_series(day, index), parsed.invalid)
        return DateColumn(parsed.instants, parsed.precisions, parsed.invalid)
    if times is None and zones is None:
        fast = parse_iso_column(values)
        if fast is not None:
            return DateColumn(*fast[:3], None, fast[3])
    text = clean_text(values)
    codes, uniques = pd.factorize(text)
    uniq = pd.Series(np.asarray(uniques, dtype=object), dtype=TEXT)
    inst_u, prec_u, naive_u, order, notes, about, zone = _read_unique(uniq, date_order, excel, yearish, weekdays_of)
    prec_u[np.isnat(inst_u)] = None  # its shape read, not its date (1850-00-00T00:00): no time, zone-less or 00:00
    instants = pd.Series(_take(inst_u, codes, np.datetime64("NaT", "us")), index=index)
    if (about & ~np.isnat(inst_u)).any():
        notes.append(("warning", ("dates marked as approximate or uncertain (c. 1850, 1850?, 2019~, [1850]) "
                                  "read as the date written")))
    precision = pd.Series(_take(prec_u, codes, None), index=index, dtype="object")
    naive = pd.Series(_take(naive_u, codes, False), index=index)
    invalid = pd.Series(codes >= 0, index=index) & instants.isna()
    clocked = (precision == "time") & naive
    if (clocked.any() and (instants[clocked].dt.floor("D") == instants[clocked]).all()
            and not ends_a_day(_arrow(text[clocked]))):
        precision = precision.where(~clocked, "day")
        notes.append(("info", "every time is 00:00; read as dates (day precision)"))
    if times is not None:
        seconds = _clock(clean_text(times))
        bad = clean_text(times).notna() & seconds.isna()
        if bad.any():
            notes.append(("warning", f"{int(bad.sum())} times are unreadable (expected HH:MM); dates kept"))
        add = (precision == "day") & seconds.notna() & naive
        instants = instants.where(~add, instants + pd.to_timedelta(seconds.where(add, 0), unit="s"))
        precision = precision.where(~add, "time")
    zone_text = pd.Series(_take(zone, codes, None), index=index, dtype="string")
    if zones is not None:
        zone_text = clean_text(zones).fillna(zone_text)
    shift = (precision == "time") & naive
    if zone_text.notna().any():
        offsets = zone_offsets(zone_text[shift], instants[shift], notes)
        instants[shift] = instants[shift] - pd.to_timedelta(offsets, unit="h")
        shift &= zone_text.isna()
    if shift.any():
        notes.append(("info", dates.zone_less(int(shift.sum()))))
    utc = instants.dt.tz_localize("UTC").astype(dates.UTC_DTYPE)
    return DateColumn(utc, precision.where(utc.notna(), None), invalid, order, notes)


def _read_unique(uniq: pd.Series, date_order: str | None, excel: bool, yearish: bool, weekdays_of: pd.Series | None
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray, str | None, list[tuple[str, str]], np.ndarray,
                            np.ndarray]:
    """A column's distinct values read: wall-clock instants, precisions, naive flags, the day/month order used,
    notes, which were marked as approximate, and each one's time zone as written (None for none)."""
    if weekdays_of is None and plain_integers(uniq):  # Unix times, YYYYMMDD: no marker, era, zone or other form
        notes: list[tuple[str, str]] = []
        inst_u, prec_u, naive_u = read_unique(uniq, excel=excel, yearish=yearish, notes=notes)
        return inst_u, prec_u, naive_u, None, notes, np.zeros(len(uniq), dtype=bool), np.full(len(uniq), None)
    written = uniq if weekdays_of is None else weekdays_of
    uniq, about = approximate.unmarked(uniq)
    uniq, said = eras.respelled(uniq)  # "AD 79", "44 B.C.", and "24 August 79" beside "410"
    uniq = uniq.mask(time_spans(uniq))  # "09:00-10:30": no offset, a span (ranges.cut reads it)
    uniq, zone_parts, has_zone = _without_zones(uniq)
    inst_u, prec_u, naive_u, order, notes = _parse_unique(uniq, said, order=date_order, excel=excel, yearish=yearish,
                                                         vote=lambda: weekdays.order(written))
    zone = zone_parts["zone"].where(has_zone).to_numpy(dtype=object)
    return inst_u, prec_u, naive_u, order, notes, np.asarray(about, dtype=bool), zone


# a superset of the forms read: opening with a digit (or a sign and one, any script's: ٢٠١٩), a word (any script's:
# "ноября 2018", "январь–март 2019"; RE2's \p{L} repeated made it twenty times slower) or "~", and
# holding a digit; a catalogue's "[1850]", an interval open at its start ("../2019"), a Japanese era ("H31.1.7",
# "平成31年") or Minguo year
COULD_BE_DATE = (r"^(?:[-+]?\d|~\s*\d|[A-Za-z]{1,9}\.?[-\s,\x{2013}].*\d"
                 r"|[A-Za-z]*[\x{80}-\x{10FFFF}][^\s\d]*[-\s,\x{2013}].*\d|\p{Nd}|\[\s*\d|(?:\.\.)?/\d|[MTSHR]\d{1,2}[./-]"
                 r"|(?:明治|大正|昭和|平成|令和|民[國国])\s*[\d元])")


def looks_like_dates(values: pd.Series, threshold: float = 0.8) -> bool:
    """True when most non-empty cells of a (sample) column read as dates other than bare numbers."""
    text = clean_text(values).dropna()
    text = text[~_matches(text, _NUMBER)]
    if not text.empty:  # ("NULL", "NaT", MySQL's 0000-00-00: no date written, and no other value either)
        text = text[~missing_marks.missing(_arrow(text))]
    if text.empty:
        return False
    # Every form the parser reads opens with a digit (or a sign and one) or a month's name, and holds a
    # digit: without enough such values the answer is known (a column of names, words or codes like
    # "t5_123"), and the parser's fixed cost, 20 ms a column, is not paid for each such column.
    if not could_be_dates(_arrow(text), threshold):
        return False
    return bool(parse_column(text.reset_index(drop=True)).instants.notna().mean() >= threshold)


def could_be_dates(text: pa.Array, threshold: float) -> bool:
    """Whether at least ``threshold`` of the (clean, present) cells open as some date the parser reads does: a
    necessary test for :func:`looks_like_dates`, one Arrow pass."""
    could = pc.match_substring_regex(text, COULD_BE_DATE).fill_null(False)
    return (pc.sum(could).as_py() or 0) >= threshold * len(text) > 0
