"""Weekdays written before a date, in English, German, French, Spanish, Italian, Portuguese and Dutch (and their
full names in Russian, Ukrainian, Polish, Czech and Turkish), and the day/month order they show.

Microsoft Project writes its dates with the locale's short weekday (``Mon 08/01/24``, ``Mo 08.01.24``, ``lun
08/01/24``, ``ma 8-1-24``); :mod:`respell` takes the weekday away before the date is read. Where the column's numbers
say nothing of the order (no value above 12), the weekdays do: ``Mon 08/01/24`` is 8 January 2024 (a Monday), not
1 August (a Thursday). :func:`order` counts, over a sample of the distinct values, how many written weekdays each
order makes true. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow

# each weekday's full names (read before any date: respell takes them away wherever a value opens with one)
FULL = (
    "monday|montag|lundi|lunes|lunedì|lunedi|segunda-feira|segunda|maandag|понедельник|понеділок|poniedziałek"
    "|poniedzialek|pondělí|pondeli|pazartesi",
    "tuesday|dienstag|mardi|martes|martedì|martedi|terça-feira|terca-feira|terça|terca|dinsdag|вторник|вівторок"
    "|wtorek|úterý|utery|salı|sali",
    "wednesday|mittwoch|mercredi|miércoles|miercoles|mercoledì|mercoledi|quarta-feira|quarta|woensdag|среда|середа"
    "|środa|sroda|středa|streda|çarşamba|carsamba",
    "thursday|donnerstag|jeudi|jueves|giovedì|giovedi|quinta-feira|quinta|donderdag|четверг|четвер|czwartek|čtvrtek"
    "|ctvrtek|perşembe|persembe",
    "friday|freitag|vendredi|viernes|venerdì|venerdi|sexta-feira|sexta|vrijdag|пятница|п'ятниця|п’ятниця|piątek"
    "|piatek|pátek|patek|cuma",
    "saturday|samstag|samedi|sábado|sabado|sabato|zaterdag|суббота|субота|sobota|cumartesi",
    "sunday|sonntag|dimanche|domingo|domenica|zondag|воскресенье|неділя|niedziela|neděle|nedele|pazar",
)
# English's abbreviations (read before any date, as before: "Mon, 04 Mar 2019")
ENGLISH = ("mon", "tues|tue", "wed", "thurs|thur|thu", "fri", "sat", "sun")
# the short forms of the other languages and the two-letter ones (German's "Mo", Dutch's "ma"), read only before a
# date written in numbers or a day and a month's name: "do", "so", "mar" and "sex" are words or months too. Spanish's
# two-letter forms are left out ("ma" is its Tuesday but Dutch's Monday, "do" its Sunday but German's Thursday).
SHORT = (
    "mo|ma|lun|seg",
    "tu|di|mar|ter",
    "we|mi|wo|mer|mié|mie|qua",
    "th|do|jeu|jue|gio|qui",
    "fr|vr|ven|vie|sex",
    "sa|za|sam|sab|sáb",
    "su|so|zo|dim|dom",
)
LONG = "|".join(FULL) + "|" + "|".join(ENGLISH)  # (RE2 takes the first alternative that lets the rest match)
SHORT_ANY = "|".join(SHORT)
_DAY = {name: day for day, names in enumerate(zip(FULL, ENGLISH, SHORT, strict=True))
        for name in "|".join(names).split("|")}
# a weekday, then a numeric date (day and month in either order, the year last)
_NUMERIC = (rf"(?i)^\s*(?P<w>{LONG}|{SHORT_ANY})\.?,?\s+(?P<a>\d{{1,2}})[/.-](?P<b>\d{{1,2}})[/.-]"
            r"(?P<c>\d{4}|\d{2})(?:\D|$)")
SAMPLE = 20_000  # distinct values looked at: enough to decide, and a million of them cost no more


def order(values: pd.Series) -> str | None:
    """"dmy" or "mdy": the order under which most of the weekdays written before numeric dates are true (at least
    half of them, and more than under the other), None when no weekday says it.

    >>> order(pd.Series(["Mon 08/01/24", "Tue 09/01/24", "lun 22/01/24", "Thu 01/02/24"]))
    'dmy'
    >>> order(pd.Series(["Mon 1/8/24", "Wed 1/10/24"])), order(pd.Series(["Mon 05/05/24", "08/01/24", None]))
    ('mdy', None)
    """
    try:
        text = pa.array(values, pa.string(), from_pandas=True)
    except (pa.ArrowInvalid, pa.ArrowTypeError):  # numbers among the text
        text = pa.array(values.dropna().astype(str), pa.string())
    text = pc.unique(text_arrow.contiguous(text))[:SAMPLE]
    found = pc.extract_regex(text, _NUMERIC)
    found = found.filter(pc.is_valid(found))
    if not len(found):
        return None
    words = pc.dictionary_encode(pc.utf8_lower(found.field("w")))
    day_of = np.array([_DAY.get(word, -1) for word in words.dictionary.to_pylist()], dtype=np.int64)
    written = day_of[np.asarray(words.indices.to_numpy(zero_copy_only=False), dtype=np.int64)]

    def number(name: str) -> np.ndarray:
        return np.asarray(pc.cast(found.field(name), pa.int64()).to_numpy(zero_copy_only=False), dtype=np.int64)

    a, b, year = number("a"), number("b"), number("c")
    short = np.asarray(pc.utf8_length(found.field("c")).to_numpy(zero_copy_only=False)) == 2
    year = np.where(short, year + np.where(year < 69, 2000, 1900), year)  # as columns._two_digit reads them

    def true_under(month: np.ndarray, day: np.ndarray) -> int:
        stamps = pd.to_datetime(pd.DataFrame({"year": year, "month": month, "day": day}), errors="coerce")
        return int((stamps.dt.day_of_week.to_numpy(dtype=float, na_value=np.nan) == written).sum())

    day_first, month_first = true_under(b, a), true_under(a, b)
    best = max(day_first, month_first)
    if day_first == month_first or 2 * best < len(written):
        return None
    return "dmy" if day_first > month_first else "mdy"
