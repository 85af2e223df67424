"""Single dates in standard forms the general parser does not know: ISO 8601 week dates (``2019-W10-3``) and
ordinal dates (``2019-064``), and dates written with the East Asian year, month and day signs (``2019年3月4日``,
``2019년 3월 4일``, full-width digits and a weekday in brackets allowed, and a time after them: ``10時30分``,
``午後3時``, ``오후 3시 30분``), and those dates with a Japanese era's year (``令和元年5月1日``, ``H31.1.7``) or
Taiwan's Minguo year (``民國108年1月7日``); Thai dates (``5 มกราคม 2562``, ``5 ม.ค. 2562``, ``พ.ศ. 2562``), their year
in the Buddhist era as Thai writes it (2562 BE is 2019).

Before, a week date was skipped as "expected a date", and an ordinal date was worse: read as the span from
the year 2019 to the year 64. Such values are few and repeat: each distinct one is read in Python, like
:mod:`viewer.model.dates.expanded`. Never Qt.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

import numpy as np
import pandas as pd

from viewer.model.dates.arrow import NAT

# "2019-W10-3", "2019W103" (ISO 8601 week dates: Monday is day 1)
_WEEK_DAY = re.compile(r"(?P<year>\d{4})-?W(?P<week>\d{2})-?(?P<day>[1-7])")
# "2019-064" (ISO 8601 ordinal dates); the compact "2019064" is left alone: it is as likely a number
_ORDINAL = re.compile(r"(?P<year>\d{4})-(?P<day>\d{3})")
# "2019年3月4日", "2019年3月", "2019年", Korean "2019년 3월 4일"; a weekday in brackets may follow ("(月)"), or
# Chinese's without ("星期一", "周一")
_EAST_ASIAN = re.compile(r"(?P<year>\d{1,4})\s*[年년]\s*"
                         r"(?:(?P<month>\d{1,2})\s*[月월]\s*(?:(?P<day>\d{1,2})\s*[日일])?)?"
                         r"\s*(?:[(（][^)）]{1,3}[)）]|(?:星期|周|週)[一二三四五六日天])?"
                         # a time after the day: 10時30分(15秒), 10:30, 午後3時 (afternoon), Korean 10시 30분
                         r"(?:\s*(?P<half>午前|午後|上午|下午|오전|오후)?\s*(?P<hour>\d{1,2})\s*"
                         r"(?:[時时시]\s*(?:(?P<minute>\d{1,2})\s*[分분]\s*(?:(?P<second>\d{1,2})\s*[秒초])?)?"
                         r"|:(?P<minute2>\d{2})(?::(?P<second2>\d{2}))?))?")
# a Japanese era's year ("令和元年5月1日", "平成31年1月7日", "R1.5.1", "H31/01/07", as Japanese forms and filings write
# them; 元年 is an era's first year) or Taiwan's Minguo year ("民國108年1月7日"): each era's year 1 in the Gregorian
# calendar (an era's name written with a date after its end, "平成31年5月1日", is counted on, as people mean it)
ERAS = {"明治": 1868, "大正": 1912, "昭和": 1926, "平成": 1989, "令和": 2019, "民國": 1912, "民国": 1912,
        "M": 1868, "T": 1912, "S": 1926, "H": 1989, "R": 2019}
_LONGEST_ERA = 150  # years: Shōwa ran 64; Minguo counts on (115 in 2026)
_ERA_YEAR = re.compile(r"^\s*(?P<era>明治|大正|昭和|平成|令和|民[國国])\s*(?P<year>\d{1,3}|元)\s*年")
_ERA_LETTER = re.compile(r"(?P<era>[MTSHR])\s*(?P<year>\d{1,2}|元)[./-](?P<month>\d{1,2})[./-](?P<day>\d{1,2})")
# Thai dates: a day, a month's name or its abbreviation, a year in the Buddhist era (พ.ศ., 543 years ahead of the
# Gregorian: 2562 is 2019) unless marked ค.ศ. (the Christian era) or under 2400; a weekday before ("วันจันทร์ที่") and a
# time after ("เวลา 10:30 น.") allowed, Thai digits too
THAI_MONTHS = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
               "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
_THAI_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
_THAI_MONTH = {name: i + 1 for names in (THAI_MONTHS, _THAI_SHORT) for i, name in enumerate(names)}
BUDDHIST_ERA = 543  # years the Buddhist era counts ahead of the Gregorian
_THAI_ERA = r"(?:(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*)?"
_THAI = re.compile(r"(?:วัน\S{2,9}?ที่\s*)?(?:(?P<day>\d{1,2})\s*)?(?P<month>"
                   + "|".join(re.escape(name) for name in sorted(_THAI_MONTH, key=len, reverse=True))
                   + r")\s*" + _THAI_ERA + r"(?P<year>\d{4})"
                   r"(?:\s*(?:เวลา)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d{2})(?:\s*น\.?)?)?")
_THAI_YEAR = re.compile(r"(?P<era>พ\.?\s?ศ\.?|ค\.?\s?ศ\.?)\s*(?P<year>\d{4})")  # a year alone needs its era
_THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MAY_BE = (r"^\s*\d{4}-?W\d|^\s*\d{4}-\d{3}\s*$|[年년]|^\s*[MTSHR]\s*\d{1,2}[./-]\d{1,2}[./-]\d{1,2}\s*$"
          r"|[\x{0E01}-\x{0E4F}]")  # (in C++; the last: a Thai letter or digit)


def read_one(text: str) -> tuple[dt.date | dt.datetime, str] | None:
    """The date and its precision of one value in these forms, or None.

    >>> read_one("2019-W10-3"), read_one("2019-064"), read_one("2019年3月"), read_one("2019-13")
    ((datetime.date(2019, 3, 6), 'day'), (datetime.date(2019, 3, 5), 'day'), (datetime.date(2019, 3, 1), 'month'), None)
    >>> read_one("令和元年5月1日"), read_one("H31.1.7"), read_one("民國108年1月7日"), read_one("平成0年1月1日")
    ((datetime.date(2019, 5, 1), 'day'), (datetime.date(2019, 1, 7), 'day'), (datetime.date(2019, 1, 7), 'day'), None)
    """
    return _read_noting_era(text)[0]


def _read_noting_era(text: str) -> tuple[tuple[dt.date | dt.datetime, str] | None, bool]:
    """:func:`read_one`, and whether the year was read from the Buddhist era (a Thai date's, said)."""
    normal = unicodedata.normalize("NFKC", text).strip()  # full-width digits: ２０１９年 is 2019年
    if thai := _thai_match(normal):
        try:
            read = _thai(thai)
        except ValueError:  # 31 February
            return None, False
        return read, read[0].year != int(thai["year"])
    gregorian = _gregorian(normal)
    return (None if gregorian is None else _read(gregorian)), False


def _read(text: str) -> tuple[dt.date | dt.datetime, str] | None:
    try:
        if found := _WEEK_DAY.fullmatch(text):
            return dt.date.fromisocalendar(int(found["year"]), int(found["week"]), int(found["day"])), "day"
        if found := _ORDINAL.fullmatch(text):
            year, day = int(found["year"]), int(found["day"])
            if not 1 <= day <= (366 if leap(year) else 365):
                return None
            return dt.date(year, 1, 1) + dt.timedelta(days=day - 1), "day"
        if found := _EAST_ASIAN.fullmatch(text):
            return _east_asian(found)
    except ValueError:  # week 54, 30 February, year 0
        return None
    return None


def _gregorian(text: str) -> str | None:
    """The text with a Japanese era's or Minguo year written as its Gregorian year ("令和元年5月1日" is "2019年5月1日",
    "H31.1.7" is "2019年1月7日"); None when the era has no such year (平成0年)."""
    found = _ERA_YEAR.match(text) or _ERA_LETTER.fullmatch(text)
    if found is None:
        return text
    year = 1 if found["year"] == "元" else int(found["year"])
    if not 1 <= year <= _LONGEST_ERA:
        return None
    gregorian = ERAS[found["era"]] + year - 1
    if found.re is _ERA_LETTER:
        return f"{gregorian}年{found['month']}月{found['day']}日"
    return f"{gregorian}年{text[found.end():]}"


def _east_asian(found: re.Match[str]) -> tuple[dt.date | dt.datetime, str] | None:
    month_written, day_written = found["month"], found["day"]
    precision = "day" if day_written else "month" if month_written else "year"
    day = dt.date(int(found["year"]), int(month_written or 1), int(day_written or 1))
    if found["hour"] is None:
        return day, precision
    moment = _clock(day, found) if day_written else None  # a time needs its day
    return (moment, "time") if moment is not None else None


def _thai_year(found: re.Match[str]) -> int:
    """The Gregorian year of a Thai date's year: the Buddhist era's unless marked ค.ศ. or under 2400 (1857)."""
    year = int(found["year"])
    christian = found["era"] is not None and found["era"].startswith("ค")
    return year if christian or year < 2400 else year - BUDDHIST_ERA


def _thai(found: re.Match[str]) -> tuple[dt.date | dt.datetime, str]:
    """A Thai date ("5 มกราคม 2562", "ม.ค. 2562", "พ.ศ. 2562") at its precision, a time after its day to the minute."""
    month = _THAI_MONTH.get(found["month"]) if "month" in found.re.groupindex else None
    day_written = found["day"] if month else None
    day = dt.date(_thai_year(found), month or 1, int(day_written or 1))
    if month and day_written and found["hour"] is not None:
        return dt.datetime(day.year, day.month, day.day, int(found["hour"]), int(found["minute"])), "time"
    return day, "day" if day_written else "month" if month else "year"


def _clock(day: dt.date, found: re.Match[str]) -> dt.datetime | None:
    """The day at the time written after it; 午後 (afternoon) adds twelve hours to 1-11."""
    hour = int(found["hour"])
    if found["half"] in ("午後", "下午", "오후") and 1 <= hour <= 11:
        hour += 12
    elif found["half"] is not None and hour > 12:
        return None
    minute, second = found["minute"] or found["minute2"] or 0, found["second"] or found["second2"] or 0
    return dt.datetime(day.year, day.month, day.day, hour, int(minute), int(second))


def iso_week(year: int, week: int) -> tuple[dt.date, dt.date] | None:
    """The Monday and Sunday of an ISO week, or None when the year has no such week.

    >>> iso_week(2019, 10)
    (datetime.date(2019, 3, 4), datetime.date(2019, 3, 10))
    """
    try:
        return dt.date.fromisocalendar(year, week, 1), dt.date.fromisocalendar(year, week, 7)
    except ValueError:
        return None


def leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def read_column(values: pd.Series) -> tuple[np.ndarray, np.ndarray, int]:
    """Microseconds (int64; :data:`NAT` where unread) and precisions (object; None) of each value, and how many were
    read with their year in the Buddhist era (a Thai date's, said)."""
    codes, uniques = pd.factorize(values.astype("object"))
    micros = np.full(len(uniques) + 1, NAT, dtype=np.int64)
    precisions = np.full(len(uniques) + 1, None, dtype=object)
    buddhist = np.zeros(len(uniques) + 1, dtype=bool)
    for i, text in enumerate(uniques.tolist()):
        read, buddhist[i] = _read_noting_era(str(text))
        if read is not None:
            micros[i] = np.datetime64(read[0], "us").astype(np.int64)
            precisions[i] = read[1]
    return micros[codes], precisions[codes], int(buddhist[codes].sum())  # code -1 (missing) takes the last slot


def _thai_match(text: str) -> re.Match[str] | None:
    """A Thai date's parts (its digits Thai or not), or None."""
    folded = text.translate(_THAI_DIGITS)
    return _THAI.fullmatch(folded) or _THAI_YEAR.fullmatch(folded)


def buddhist_note(count: int) -> str:
    """What is said of Thai dates read from the Buddhist era.

    >>> buddhist_note(2)
    '2 Thai dates with their year in the Buddhist era (พ.ศ.) read as Gregorian ones: 2562 is 2019'
    """
    return (f"{count:,} Thai {'dates' if count > 1 else 'date'} with {'their' if count > 1 else 'its'} year in the "
            f"Buddhist era (พ.ศ.) read as Gregorian {'ones' if count > 1 else 'one'}: 2562 is 2019")
