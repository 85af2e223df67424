"""Dates written as plain integers: ``20130203`` (YYYYMMDD), ``201302`` (YYYYMM), ``130203`` (YYMMDD) and years
(``2013``).

Event exports such as GDELT write their dates as YYYYMMDD integers; statistical tables write a year
column. :func:`number_dates` tells which of these a column holds (so a loader may pick it as the
date column even when its name says nothing), and :func:`compact_dates` reads them. :func:`read_numbers`
decides what a date column's numbers are (those dates, years, Excel serial days, Julian day numbers or Unix time)
and reads them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model.dates import MONTH_NAMES, UTC_DTYPE, respell

YEARS = (1000, 2200)  # a column of bare integers is taken for years only inside this range


def _valid_compact(nums: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Which integers are valid YYYYMMDD and which valid YYYYMM dates."""
    integral = (nums % 1 == 0) & nums.notna()
    whole = nums.where(integral, 0).astype("int64")
    day_form = integral & whole.between(10000101, 99991231)
    month, day = (whole // 100) % 100, whole % 100
    day_form &= month.between(1, 12) & day.between(1, 31)
    month_form = integral & whole.between(100001, 999912) & (whole % 100).between(1, 12)
    return day_form, month_form


def number_dates(values: pd.Series) -> str | None:
    """``"yyyymmdd"``, ``"yyyymm"`` or ``"year"`` when every non-empty cell is such an integer, else None."""
    text = values.astype("str").str.strip()
    text = text[(text != "") & values.notna().to_numpy()]
    if text.empty or not text.str.fullmatch(r"\d{4}|\d{6}|\d{8}").all():
        return None
    nums = pd.to_numeric(text, errors="coerce")
    lengths = text.str.len()
    day_form, month_form = _valid_compact(nums)
    if (lengths == 8).all() and day_form.all():
        return "yyyymmdd"
    if (lengths == 6).all() and month_form.all():
        return "yyyymm"
    if (lengths == 4).all() and nums.between(*YEARS).all():
        return "year"
    return None


def _long(nums: pd.Series) -> pd.Series:
    """Which numbers have twelve to fourteen digits before any point, as YYYYMMDDHHMM(SS) does."""
    return (nums >= 10**11) & (nums < 10**14)


def _compact_times(nums: pd.Series) -> pd.Series:
    """Date-times written as YYYYMMDDHHMMSS or YYYYMMDDHHMM integers (GDELT's DATEADDED, logs and dumps), NaT
    for other numbers (a Unix time in milliseconds was read as one before: 20190304103000 in the year 2609)."""
    stamps = pd.Series(pd.NaT, index=nums.index, dtype="datetime64[us]")
    # only twelve and fourteen digits are written out (a million Unix times were, to be measured: 0.14 s)
    long = (_long(nums) & (nums % 1 == 0)).to_numpy()
    if not long.any():
        return stamps
    at = np.flatnonzero(long)
    digits = nums.iloc[at].astype("int64").astype(str)
    for length, form in ((14, "%Y%m%d%H%M%S"), (12, "%Y%m%d%H%M")):
        rows = (digits.str.len() == length).to_numpy()
        if rows.any():
            stamps.iloc[at[rows]] = pd.to_datetime(digits[rows], format=form, errors="coerce").astype(
                "datetime64[us]").to_numpy()
    return stamps.where((stamps.dt.year >= YEARS[0]) & (stamps.dt.year <= YEARS[1]))


def compact_dates(nums: pd.Series) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Instants (UTC), precisions and a 'was read' mask for YYYYMMDD and YYYYMM integers among ``nums``, and
    for YYYYMMDDHHMM(SS) ones."""
    day_form, month_form = _valid_compact(nums)
    if not (day_form | month_form).any() and not _long(nums).any():  # (Unix times: 0.3 s a million, to find none)
        return (pd.Series(pd.NaT, index=nums.index, dtype=UTC_DTYPE),
                pd.Series(None, index=nums.index, dtype="object"), pd.Series(False, index=nums.index))
    whole = nums.where(day_form | month_form, 0).astype("int64")
    year = np.where(day_form, whole // 10000, whole // 100)
    month = np.where(day_form, (whole // 100) % 100, whole % 100)
    day = np.where(day_form, whole % 100, 1)
    valid = (day_form | month_form).to_numpy()
    stamps = pd.Series(pd.NaT, index=nums.index, dtype="datetime64[us]")
    if valid.any():  # (pandas builds a million dates of NaN parts in 0.2 s)
        frame = pd.DataFrame({"year": np.where(valid, year, np.nan), "month": np.where(valid, month, np.nan),
                              "day": np.where(valid, day, np.nan)}, index=nums.index)
        stamps = pd.to_datetime(frame, errors="coerce").astype("datetime64[us]")
    timed = _compact_times(nums)
    stamps = stamps.where(timed.isna(), timed)
    instants = stamps.dt.tz_localize("UTC").astype(UTC_DTYPE)
    precision = pd.Series(np.where(timed.notna(), "time", np.where(day_form, "day", "month")), index=nums.index,
                          dtype="object")
    read = instants.notna()
    return instants, precision.where(read, None), read


def from_parts(years: pd.Series, months: pd.Series, days: pd.Series | None) -> pd.Series:
    """ISO text from a year, a month and a day column: ``2019-03-04``, ``2019-03`` where the day is missing or
    0 (unknown, as the Global Terrorism Database writes it), ``2019`` where the month is; a year that is no
    whole number stays as written (the parser reports it).

    >>> from_parts(pd.Series(["2019", "2019", "1998", "c. 1850"]), pd.Series(["3", "12", "0", ""]),
    ...            pd.Series(["4", "", "0", "1"])).tolist()
    ['2019-03-04', '2019-12', '1998', 'c. 1850']
    """
    year = pd.to_numeric(years, errors="coerce")
    month = month_numbers(months)
    day = (pd.to_numeric(days, errors="coerce") if days is not None else pd.Series(np.nan, index=years.index))
    day = day.where((day >= 1) & (day <= 31) & month.notna())
    whole = year.notna() & (year == year.round()) & (year.abs() <= 9999)
    written = year.where(whole).fillna(0).astype("int64").map(lambda y: f"{y:04d}" if y >= 0 else f"-{-y:04d}")
    text = years.astype("object").where(~whole, written)  # (a year before 1 in ISO's expanded form: -0043)
    text = text.where(~(whole & month.notna()), text + "-" + month.fillna(0).astype("int64").map("{:02d}".format))
    return text.where(~(whole & day.notna()), text + "-" + day.fillna(0).astype("int64").map("{:02d}".format))


def month_numbers(months: pd.Series) -> pd.Series:
    """A month column's numbers, 1-12: written as numbers or named ("March", "Apr", "Sept.", "März", "ноября", as
    :mod:`viewer.model.dates.respell` spells them in English); NaN where none is written or none is read.

    >>> month_numbers(pd.Series(["3", "March", "apr", "Sept.", "März", "13", "", "Smarch"])).tolist()
    [3.0, 3.0, 4.0, 9.0, 3.0, nan, nan, nan]
    """
    number = pd.to_numeric(months, errors="coerce")
    named = number.isna() & months.notna()
    if named.any():  # each distinct name once (a million rows name twelve months)
        codes, distinct = pd.factorize(months[named].astype(str).str.strip())
        words = pd.Series(respell.respelled(pa.array(list(distinct), pa.string())).to_pylist()).str.lower()
        words = words.str.rstrip(".")
        known = words.str.fullmatch(r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}").fillna(False)
        found = words.str[:3].map({m.lower(): i + 1.0 for i, m in enumerate(MONTH_NAMES)}).where(known).to_numpy(float)
        number[named] = found[codes]
    return number.where((number >= 1) & (number <= 12))


def from_quarters(years: pd.Series, quarters: pd.Series) -> pd.Series:
    """A year and a quarter column as the quarter's period ("Q1 2019", which the parser reads as January-March);
    the year alone where the quarter is missing or no quarter ("Q1", "1", "1st").

    >>> from_quarters(pd.Series(["2019", "2019", "2020"]), pd.Series(["Q1", "3", ""])).tolist()
    ['Q1 2019', 'Q3 2019', '2020']
    """
    found = quarters.astype("object").astype(str).str.strip().str.extract(
        r"^(?:[Qq](?:uarter)?\s*)?([1-4])(?:st|nd|rd|th)?$", expand=False)
    year = years.astype("object").astype(str).str.strip()
    return ("Q" + found + " " + year).where(found.notna() & (year != ""), years)


MIN_YEAR, MAX_YEAR = -9999, 9999
UNIX_TIME = "large numbers read as Unix time"
# whole numbers read as Unix time even among years and dates: the seconds (or milliseconds) of 2001–2099
UNIX_AMONG_YEARS = (("s", 1e9, 4_102_444_800.0), ("ms", 1e12, 4_102_444_800_000.0))


# Times as counts, each by the numbers it gives: Unix seconds and milliseconds for 1973–5138; Unix microseconds
# (Firefox's PRTime, Go) and nanoseconds (Spark, pandas, OpenTelemetry) for 2000–2102 only, as the counts from
# 1601 lie beside them: Chrome's WebKit microseconds and Windows' FILETIME (100 ns: Active Directory, Outlook),
# each for 1990–2107. Seconds and milliseconds from 1973 overlap none of those.
UNIX_UNITS = (("s", 1e8, 1e11), ("ms", 1e11, 1e14), ("us", 9.5e14, 4.2e15), ("ns", 9.5e17, 4.2e18),
              ("webkit", 1.2e16, 1.6e16), ("filetime", 1.2e17, 1.6e17))
_SAID = {"s": "Unix time in seconds", "ms": "Unix time in milliseconds", "us": "Unix time in microseconds",
         "ns": "Unix time in nanoseconds", "webkit": "microseconds since 1601 (Chrome's WebKit time)",
         "filetime": "100-nanosecond intervals since 1601 (Windows' FILETIME)"}
_FROM_1601_S = 11_644_473_600  # seconds from 1601-01-01 to 1970-01-01
# Julian day numbers as SQLite keeps a date in a REAL column (its julianday()): 1200 to 2200 only, clear of YYYYDDD
# ordinal dates of this century (2019064) and of every count of time above
UNIX_JULIAN_DAY = 2_440_587.5  # 1970-01-01T00:00Z
EXCEL_UNIX_DAY = 25_569  # Excel's serial day of 1970-01-01 (its days count from 1899-12-30)
JULIAN_DAYS = (2_159_350.5, 2_524_593.5)  # 1200-01-01 to 2200-01-01 (Gregorian)
UNIX_1900 = -2_208_988_800  # 1900-01-01 in Unix seconds: the earliest of a Unix time column's negative times
COUNTED = "large numbers read as"  # how each note on counts of time begins (they need no time zone)


def _unix(nums: pd.Series, unit: str) -> pd.Series:
    """Counts of seconds, milli-, micro- or nanoseconds since 1970 (or of microseconds or 100 ns since 1601) as UTC
    instants, to the microsecond (whole numbers of seconds and milliseconds exactly: no float on the way)."""
    values = nums.to_numpy(dtype=float)
    if unit not in ("s", "ms"):  # past 2**53 a float holds no fraction: microseconds, rounded
        divisor, shift = {"us": (1, 0), "ns": (1000, 0), "webkit": (1, _FROM_1601_S),
                          "filetime": (10, _FROM_1601_S)}[unit]
        micros = np.rint(values / divisor).astype(np.int64) - shift * 1_000_000
        return pd.Series(micros.astype("datetime64[us]"), index=nums.index).dt.tz_localize("UTC")
    whole, scale = np.floor(values), (10**6 if unit == "s" else 10**3)
    micros = whole.astype(np.int64) * scale + np.rint((values - whole) * scale).astype(np.int64)
    return pd.Series(micros.astype("datetime64[us]"),  # (pandas' nanoseconds end in 2262)
                     index=nums.index).dt.tz_localize("UTC")


def _short_days(nums: pd.Series) -> pd.Series | None:
    """Instants of a column of six-digit integers that are all dates written YYMMDD (``190315``) and not all months
    written YYYYMM (``201903``, which they are read as then), else None. Before, ``190315`` was the year 190,315
    and a column of them went to the clock of deep time; ``190305`` was May 1903."""
    if not len(nums) or not (nums.between(100000, 999999) & (nums % 1 == 0)).all() or _valid_compact(nums)[1].all():
        return None
    whole = nums.astype("int64")
    short = whole // 10000
    year = np.where(short < 69, 2000 + short, 1900 + short)
    stamps = pd.to_datetime(pd.DataFrame({"year": year, "month": (whole // 100) % 100, "day": whole % 100},
                                         index=nums.index), errors="coerce")
    if stamps.isna().any():
        return None
    return stamps.astype("datetime64[us]").dt.tz_localize("UTC").astype(UTC_DTYPE)


def _ordinal_days(nums: pd.Series) -> pd.Series | None:
    """Instants of a column of seven-digit integers that are all dates written YYYYDDD, the year (1000–2200) and
    its day (``2019064``: 5 March 2019), as NASA's products and SAS's JULIAN7 write them, else None. They were
    numbers of unknown unit."""
    if not len(nums) or not (nums.between(1_000_001, 9_999_366) & (nums % 1 == 0)).all():
        return None
    whole = nums.to_numpy(dtype=np.int64)
    year, day = whole // 1000, whole % 1000
    leap = ((year % 4 == 0) & (year % 100 != 0)) | (year % 400 == 0)
    if not (((year >= YEARS[0]) & (year <= YEARS[1]) & (day >= 1) & (day <= 365 + leap)).all()):
        return None
    days = (year - 1970).astype("datetime64[Y]").astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    return pd.Series(days.astype("datetime64[us]"), index=nums.index).dt.tz_localize("UTC").astype(UTC_DTYPE)


def _shown(value: float, grouping: str = "") -> str:
    """A number as a message names it: whole ones without a point (``2,020``), others as written (``2019.5`` was
    named ``2,020``, a year it is not)."""
    whole = np.isfinite(value) and value % 1 == 0 and abs(value) < 1e15  # (1e300 is whole, in 301 digits)
    return f"{value:{grouping}.0f}" if whole else f"{value:{grouping}}"


def read_numbers(nums: pd.Series, *, excel: bool, yearish: bool, notes: list[tuple[str, str]]
                 ) -> tuple[pd.Series, pd.Series]:
    """Instants and precisions of a column's numbers: YYYYMMDD dates, years, Excel serial days, Julian day numbers
    or Unix time, decided for the column as a whole and said in ``notes``."""
    out = pd.Series(pd.NaT, index=nums.index, dtype=UTC_DTYPE)
    precision = pd.Series(None, index=nums.index, dtype="object")
    integral = nums % 1 == 0
    small = (nums.abs() <= 9999) & integral
    if (short := _short_days(nums)) is not None:
        notes.append(("info", "six-digit integers read as dates written YYMMDD (190305: 5 March 2019; a year 69-99 "
                              "in the 1900s)"))
        return short, pd.Series("day", index=nums.index, dtype="object")
    if (ordinal := _ordinal_days(nums)) is not None:
        notes.append(("info", "seven-digit integers read as dates written YYYYDDD, a year and its day (2019064: "
                              "5 March 2019)"))
        return ordinal, pd.Series("day", index=nums.index, dtype="object")
    compact, compact_precision, compact_read = compact_dates(nums)
    if small.mean() < 0.5 and compact_read.mean() >= 0.5:
        timed = bool((compact_precision[compact_read] == "time").any())
        notes.append(("info", "integers read as " + ("date-times written YYYYMMDDHHMMSS (or YYYYMMDDHHMM)" if timed
                                                     else "dates written YYYYMMDD (or YYYYMM)")))
        out[compact_read] = compact[compact_read]
        precision[compact_read] = compact_precision[compact_read]
        if (~compact_read).any():
            notes.append(("error", f"{int((~compact_read).sum()):,} numbers are not YYYYMMDD dates, e.g. "
                                   f"{_shown(nums[~compact_read].iloc[0])}; rows skipped"))
        return out, precision
    if yearish or small.mean() >= 0.5:
        ok = integral & nums.between(MIN_YEAR, MAX_YEAR)
        timed = pd.Series(False, index=nums.index)
        for unit, low, high in UNIX_AMONG_YEARS:  # 1546300800 among years or dates: a time, never the year itself
            inside = ~ok & integral & nums.between(low, high, inclusive="left")
            if inside.any():
                notes.append(("info", f"{UNIX_TIME} in {'milli' if unit == 'ms' else ''}seconds among the dates "
                                      f"({int(inside.sum()):,}, e.g. {nums[inside].iloc[0]:.0f})"))
                out[inside], precision[inside] = _unix(nums[inside], unit), "time"
                timed |= inside
        if (~ok & ~timed).any():
            notes.append(("error", f"numbers outside the years {MIN_YEAR}..{MAX_YEAR} (deep time or not a "
                                   f"year), e.g. {_shown(nums[~ok & ~timed].iloc[0], ',')}; rows skipped"))
        years = (nums[ok].astype("int64") - 1970).to_numpy().astype("datetime64[Y]").astype("datetime64[us]")
        out[ok] = pd.Series(years, index=nums[ok].index).dt.tz_localize("UTC")
        precision[ok] = "year"
        return out, precision
    return _counted(nums, excel, notes, out, precision)


def _counted(nums: pd.Series, excel: bool, notes: list[tuple[str, str]], out: pd.Series, precision: pd.Series
             ) -> tuple[pd.Series, pd.Series]:
    """:func:`read_numbers` of a column neither of dates written as integers nor of years: days counted (Excel's
    serials, Julian day numbers) or a count of time (Unix time, WebKit's, FILETIME)."""
    for inside, epoch_day, said in (
            (nums.between(20000, 80000) & excel, EXCEL_UNIX_DAY, "numbers read as Excel serial dates (days since "
                                                                 "1899-12-30)"),
            (nums.between(*JULIAN_DAYS), UNIX_JULIAN_DAY, f"{COUNTED} Julian day numbers (days from noon UTC on 24 "
                                                          "November 4714 BC, as SQLite's julianday() writes a date)")):
        if inside.mean() >= 0.5:  # (Julian days are UTC's: "large numbers" need no zone said)
            notes.append(("info", said))
            days = nums[inside] - epoch_day
            out[inside] = (pd.Timestamp(0, tz="UTC") + pd.to_timedelta(days, unit="D")).dt.round("s")
            precision[inside] = np.where(days % 1 == 0, "day", "time")
            return out, precision
    for unit, low, high in UNIX_UNITS:
        inside = nums.between(low, high, inclusive="left")
        if inside.mean() >= 0.5:
            if unit in ("s", "ms"):  # a column of Unix times holds those before 1970 too, negative (a birth date)
                inside |= nums.between(UNIX_1900 * (1000 if unit == "ms" else 1), -1)
            notes.append(("info", f"large numbers read as {_SAID[unit]}"))
            out[inside], precision[inside] = _unix(nums[inside], unit), "time"
            return out, precision
    notes.append(("error", "numbers of unknown unit (not years, Excel serials, Julian days or Unix time); rows "
                           "skipped"))
    return out, precision


INTEGER = r"^-?\d+$"


def plain_integers(text: pd.Series) -> bool:
    """Whether every written value of a cleaned date column is an integer and none four digits alone (read by the
    calendar as a year): Unix times, YYYYMMDD, serial days. Such a column needs only :func:`read_numbers`; the
    general parser's passes for markers, eras, spans, zones and a dozen forms of dates took 1.1 s of a million
    Unix times' 1.4 to find none."""
    written = pa.array(text, type=pa.string(), from_pandas=True)
    if written.null_count == len(written) or not pc.all(pc.match_substring_regex(written[:16], INTEGER)).as_py():
        return False  # (a look at the first few first: most columns are not integers, and of many distinct values)
    return bool(pc.all(pc.match_substring_regex(written, INTEGER)).as_py()
                and not pc.any(pc.match_substring_regex(written, r"^\d{4}$")).as_py())  # (blanks, null, skipped)


def read_unique(written: pd.Series, *, excel: bool, yearish: bool, notes: list[tuple[str, str]]
                ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """:func:`read_numbers` of a column's distinct integers (as :func:`plain_integers` found them) as the general
    parser keeps them: wall-clock instants, precisions (None where unread) and whether each is a wall-clock time (a
    count of time, as Unix time, is not)."""
    said = len(notes)
    numbers = pc.cast(pa.array(written, type=pa.string(), from_pandas=True), pa.float64(), safe=False)
    instants, precisions = read_numbers(pd.Series(numbers.to_numpy(zero_copy_only=False), dtype=np.float64),
                                        excel=excel, yearish=yearish, notes=notes)
    wall = instants.dt.tz_localize(None).to_numpy(dtype="datetime64[us]", copy=True)
    counted = any(text.startswith(COUNTED) for _level, text in notes[said:])
    kinds = precisions.astype(object).to_numpy(copy=True)
    kinds[np.isnat(wall)] = None
    return wall, kinds, np.full(len(numbers), not counted)
