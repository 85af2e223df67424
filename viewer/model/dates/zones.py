"""Time zones named after a date-time (``10:00 EST``, ``10:00 Europe/Paris``) or in a zone column:
abbreviations, fixed offsets (``UTC+2``, ``GMT-05:00``, ``+05:30``) and IANA names (``Europe/Paris``,
``America/New_York``) or Windows' (``W. Europe Standard Time``), each of which gives the offset of its date,
summer time included. Before, a zone column of IANA names or offsets was taken as UTC, with a warning: every
event was hours off.

Each distinct name is looked at once; the date-times of an IANA zone are placed in it by pandas, column-wise. A time
clocks skip (a daylight-saving gap) is read with the offset before the gap, as RFC 5545 reads it, and said.
"""

from __future__ import annotations

import re
import zoneinfo
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.wording import counted

ABBREVIATIONS = {"UTC": 0.0, "GMT": 0.0, "UT": 0.0, "Z": 0.0, "EST": -5.0, "EDT": -4.0, "CST": -6.0, "CDT": -5.0,
                 "MST": -7.0, "MDT": -6.0, "PST": -8.0, "PDT": -7.0, "AKST": -9.0, "AKDT": -8.0, "HST": -10.0,
                 "CET": 1.0, "CEST": 2.0, "WET": 0.0, "WEST": 1.0, "EET": 2.0, "EEST": 3.0, "BST": 1.0, "JST": 9.0,
                 # German's names of Europe's zones, as German Windows, Outlook and SAP write them
                 "MEZ": 1.0, "MESZ": 2.0, "WEZ": 0.0, "WESZ": 1.0, "OEZ": 2.0, "OESZ": 3.0,
                 # others a single place uses (IST, AST and a few more name two or three: left unread, and said)
                 "MSK": 3.0, "KST": 9.0, "HKT": 8.0, "SGT": 8.0, "PHT": 8.0, "AWST": 8.0, "ACST": 9.5, "ACDT": 10.5,
                 "AEST": 10.0, "AEDT": 11.0, "NZST": 12.0, "NZDT": 13.0, "WIB": 7.0, "ICT": 7.0, "PKT": 5.0,
                 "NPT": 5.75, "SAST": 2.0, "CAT": 2.0, "EAT": 3.0, "WAT": 1.0, "BRT": -3.0, "ART": -3.0,
                 "NST": -3.5, "NDT": -2.5}
_OFFSET = re.compile(r"(?:UTC|GMT|UT)?\s*(?P<sign>[+-])\s*(?P<h>\d{1,2})(?::?(?P<m>\d{2}))?", re.IGNORECASE)
LARGEST_OFFSET = 14.0  # hours (Kiribati); beyond, a value is no offset
# after a date-time: an abbreviation (EST), a written offset (UTC+01:00, GMT-5), or an IANA name (Europe/Paris,
# America/Argentina/Buenos_Aires, Etc/GMT+5); in brackets or not
_IANA = r"[A-Z][A-Za-z]+(?:/[A-Za-z0-9_+\-]+){1,2}"
_WRITTEN_OFFSET = r"(?:UTC|GMT)[+-]\d{1,2}(?::?\d{2})?"
# (a 12-hour clock's AM or PM may come between: "10:00:00 AM UTC", as Java's and Google's formats write it)
SUFFIX = rf"(?P<rest>.*\d(?:\s*[AaPp]\.?[Mm]\.?)?)\s*\(?(?P<zone>{_WRITTEN_OFFSET}|[A-Z]{{1,5}}|{_IANA})\)?"
ATTACHED_WITHOUT_TIME = r"(?:[^:T]|T[^\d])*\d[A-Za-z]{1,5}"  # letters straight after a digit, and no time before
MAY_END_IN_ZONE = rf".*(?:[A-Z]|\s\(?(?:{_IANA}|{_WRITTEN_OFFSET}))\)?"  # (a cheap test before SUFFIX)
AM_PM_LAST = r".*\d\s*[AP]M"  # a 12-hour clock's time last: its zone would be AM or PM, which is none


@cache
def _iana_names() -> dict[str, str]:
    """The IANA zones this machine knows, by their name in upper case."""
    return {name.upper(): name for name in zoneinfo.available_timezones()}


@cache
def _windows_names() -> dict[str, str]:
    """Windows' zone names (``W. Europe Standard Time``, as Outlook and .NET write them) to IANA names, from
    CLDR's table as icalendar ships it (loaded only when a name is no IANA one)."""
    try:
        from icalendar.timezone.windows_to_olson import WINDOWS_TO_OLSON  # noqa: PLC0415 - rarely needed
    except ImportError:  # an icalendar before 6
        return {}
    return {name.upper(): zone for name, zone in WINDOWS_TO_OLSON.items()}


def _fixed(name: str) -> float | None:
    """Hours east of UTC of an abbreviation or a written offset, or None."""
    if name in ABBREVIATIONS:
        return ABBREVIATIONS[name]
    found = _OFFSET.fullmatch(name)
    if found is None:
        return None
    hours = int(found["h"]) + int(found["m"] or 0) / 60
    if hours > LARGEST_OFFSET or int(found["m"] or 0) >= 60:
        return None
    return -hours if found["sign"] == "-" else hours


def offsets(names: pd.Series, local: pd.Series, notes: list[tuple[str, str]]) -> pd.Series:
    """Hours east of UTC of each wall-clock date-time ``local`` (naive) in its zone ``names`` (missing: UTC);
    an unknown name is taken as UTC and said once, and the times no clock showed (a daylight-saving gap) are said
    once too."""
    hours = pd.Series(0.0, index=names.index)
    skipped: list[tuple[int, str]] = []  # the times in a daylight-saving gap: how many, and the first
    codes, uniques = pd.factorize(names.str.strip())
    unknown: list[str] = []
    for code, name in enumerate(uniques.tolist()):
        rows = codes == code
        fixed = _fixed(str(name).upper())
        if fixed is not None:
            hours[rows] = fixed
            continue
        zone = _iana_names().get(str(name).upper()) or _windows_names().get(str(name).upper())
        if zone is None:
            unknown.append(str(name))
            continue
        hours[rows] = _placed(local[rows], zone, skipped)
    if skipped:
        notes.append(("warning", gap_note(skipped)))
    if unknown:
        shown = ", ".join(sorted(unknown)[:5]) + (f" and {len(unknown) - 5} more" if len(unknown) > 5 else "")
        notes.append(("warning", f"unknown time zones ({shown}); taken as UTC (expected an abbreviation such as "
                                 "CET, an offset such as UTC+2, or a name such as Europe/Paris)"))
    return hours


def _placed(wall: pd.Series, zone: str, skipped: list[tuple[int, str]]) -> np.ndarray:
    """Hours east of UTC of naive wall-clock times in an IANA zone: a time written twice (clocks going back) is
    the first, in summer time; a time no clock showed, in the gap when clocks go forward, is read with the offset
    before the gap, as RFC 5545 reads it (02:30 in Berlin on 2020-03-29 is 01:30 UTC, where pandas's shift to the
    gap's end made 02:00, 02:15 and 02:45 all 01:00 UTC, and said nothing). How many fell in the gap, and the
    first, are added to ``skipped``.

    >>> wall = pd.Series(pd.to_datetime(["2020-03-29 01:30", "2020-03-29 02:30", "2020-07-01 12:00"]))
    >>> skipped = []
    >>> _placed(wall, "Europe/Berlin", skipped).tolist(), skipped
    ([1.0, 1.0, 2.0], [(1, '2020-03-29 02:30 Europe/Berlin as 01:30 UTC')])
    """
    placed = wall.dt.tz_localize(zone, ambiguous=np.ones(len(wall), dtype=bool), nonexistent="NaT")
    hours = np.array((wall - placed.dt.tz_convert("UTC").dt.tz_localize(None)) / pd.Timedelta(hours=1), dtype=float)
    gap = placed.isna().to_numpy() & wall.notna().to_numpy()
    if gap.any():
        hours[gap] = before_gap(wall[gap], zone)
        first = wall[gap].iloc[0]
        utc = first - pd.Timedelta(hours=hours[gap][0])
        skipped.append((int(gap.sum()), f"{first:%Y-%m-%d %H:%M} {zone} as {utc:%H:%M} UTC"))
    return np.nan_to_num(hours, nan=0.0)


def before_gap(wall: pd.Series, zone: str) -> np.ndarray:
    """Hours east of UTC in force just before the daylight-saving gap each naive time falls in: that of the last
    instant before it (gaps are not all an hour: Lord Howe Island's is half of one, which pandas's shift forward
    took as a whole hour, to 03:00).

    >>> before_gap(pd.Series(pd.to_datetime(["2020-10-04 02:15"])), "Australia/Lord_Howe").tolist()
    [10.5]
    """
    last = wall.dt.tz_localize(zone, nonexistent="shift_backward")
    utc = last.dt.tz_convert("UTC").dt.tz_localize(None)
    return np.array((last.dt.tz_localize(None) - utc) / pd.Timedelta(hours=1), dtype=float)


def gap_note(skipped: list[tuple[int, str]]) -> str:
    """The note on the times that fell in a daylight-saving gap (``skipped``: how many in each zone, and the first).

    >>> gap_note([(2, "2020-03-29 02:30 Europe/Berlin as 01:30 UTC"), (1, "2020-03-08 02:30 America/New_York …")])
    '3 times fall in a daylight-saving gap, skipped by the clocks going forward; read with the UTC offset before \
the gap, as iCalendar reads them (2020-03-29 02:30 Europe/Berlin as 01:30 UTC)'
    """
    count = sum(count for count, _ in skipped)
    return (f"{counted(count, 'time')} {'falls' if count == 1 else 'fall'} in a daylight-saving gap, skipped by the "
            f"clocks going forward; read with the UTC offset before the gap, as iCalendar reads them ({skipped[0][1]})")


# the half and three-quarter hours west of Greenwich that zones have kept (Newfoundland, Venezuela until 2016, the
# Marquesas), as hours × 100 + minutes: any other, "09:00-10:30", is two times of day, not 09:00 at UTC-10:30
WEST_HALVES = (230, 330, 430, 930)
_TIME_SPAN = (r"^.*\d{1,2}:\d{2}(?::\d{2})?\s*(?P<joint>[-/])\s*(?P<h>\d{1,2}):?(?P<m>\d{2})(?::\d{2})?$")
# a time of hours and minutes at the start or after a space, a hyphen and another ("2019-03-04 09:00-11:00") is a
# span even where the second is an offset in use (UTC-11): a writer of offsets puts a T before the time (ISO 8601,
# Java) or writes its seconds (Python, SQL); a schedule writes neither
SPACED_SPAN = r"^(?:.*\s)?\d{1,2}:\d{2}\s*-\s*\d{1,2}:?\d{2}$"


def spaced_spans(text: pa.Array) -> np.ndarray:
    """Which values of a string array are :data:`SPACED_SPAN`: a span, whatever its second time."""
    found = pc.match_substring_regex(text, SPACED_SPAN).fill_null(False)
    return np.asarray(found.to_numpy(zero_copy_only=False), dtype=bool)


def offsets_in_use(west: np.ndarray, hours: np.ndarray, minutes: np.ndarray) -> np.ndarray:
    """Which offsets a zone uses: up to 12 hours west of Greenwich and 14 east (Kiribati), minutes of 00, 30 or 45,
    and west a half or three-quarter hour only as :data:`WEST_HALVES` (the one rule of :func:`time_spans` and of
    Arrow's reading in ``dates.arrow``, so that "14:00-15:00" is a span in any column)."""
    halves = (minutes == 30) | (minutes == 45)
    return ((hours <= np.where(west, 12, LARGEST_OFFSET)) & np.isin(minutes, (0, 30, 45))
            & ~(west & halves & ~np.isin(hours * 100 + minutes, WEST_HALVES)))


def time_spans(values: pd.Series) -> np.ndarray:
    """Which values end in two times of day joined by a hyphen or a slash ("2019-03-04 09:00-10:30", ISO 8601's
    "2019-03-04T09:00/10:30") where the second is no UTC offset a zone uses: a slash never is, and west of Greenwich
    an offset is whole hours up to 12 or one of :data:`WEST_HALVES`. (Before, pandas read "09:00-10:30" as 09:00
    at UTC-10:30, silently 19:30 UTC.)"""
    try:  # (a column of text as it is: made into Python's strings and back, a million took 0.15 s)
        written = pa.array(values, type=pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        written = pa.array(values.astype("object").where(values.notna(), None).map(str, na_action="ignore").tolist(),
                           pa.string())
    if isinstance(written, pa.ChunkedArray):
        written = written.combine_chunks()
    spans = np.zeros(len(written), dtype=bool)
    # matched first, and only the matches taken apart: a match is a pass of RE2's DFA, taking the parts out is not
    # (a million mail dates: 0.6 s, none of them a span)
    rows = np.flatnonzero(np.asarray(pc.match_substring_regex(written, _TIME_SPAN).fill_null(False)
                                     .to_numpy(zero_copy_only=False), dtype=bool))
    if not len(rows):
        return spans
    written = written.take(pa.array(rows))
    found = pc.extract_regex(written, _TIME_SPAN)

    def number(name: str) -> np.ndarray:  # (a value matching nothing has "" in its fields)
        digits = found.field(name)
        digits = pc.if_else(pc.equal(digits, "").fill_null(True), "0", digits)
        return np.asarray(pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False))

    hours, minutes = number("h"), number("m")
    slash = np.asarray(pc.equal(found.field("joint"), "/").fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    spans[rows] = (slash | ~offsets_in_use(np.ones(len(rows), dtype=bool), hours, minutes)
                   | spaced_spans(pc.utf8_trim_whitespace(written)))
    return spans
