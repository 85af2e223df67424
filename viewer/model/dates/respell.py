"""Dates written in ways the column parser does not read, respelled into ways it does and read again.

What mail, feeds and people write: a weekday first (``Mon, 04 Mar 2019 10:00:00 +0000``, ``Monday, March 4,
2019``; Microsoft Project's short ones in seven languages before a date, ``Mo 08.01.24``, ``lun. 08/01/24``: see
:mod:`weekdays`), a wiki's footnote mark after the date (``March 3, 1999[2]``: :mod:`footnotes`), an ordinal day
(``4th March 2019``, ``1er janvier 2019``, ``4. März 2019``), connecting words (``4 de marzo de 2019``, ``the 4th
of March 2019``), month names in German, French, Spanish, Italian, Portuguese and Dutch,
a French hour (``10h30``), a word before the time (``um 10:00``, ``à 10h30``, ``a las 10:00``) or after it (``10
Uhr``), an hour alone (``10am``), a year by its last two digits after an apostrophe (``5 Sep '19``), a time before
its date (``10:00 4 March 2019``), ISO 8601's basic form (``20190304T100000Z``, as calendars export it) and what
programs print: Java's zone in brackets (``2019-03-04T10:00+01:00[Europe/Paris]``), .NET's
``/Date(1551693600000)/``, Oracle's ``04-MAR-19 10.00.00.000000 AM``, ``2019.03.04``, a decimal comma in the
seconds, a web server's log (``[04/Mar/2019:10:00:00 +0000]``), Excel's month and two-digit year (``Mar-19``),
SAS's ``04MAR2019`` and ``04MAR2019:10:00:00``, JavaScript's ``Date`` (``Mon Mar 04 2019 10:00:00 GMT+0100 (Central
European Standard Time)``), Unix's ``date`` and C's ``asctime`` (``Mon Mar  4 10:00:00 UTC 2019``), Twitter's
``created_at`` (``Mon Mar 04 10:00:00 +0000 2019``), git's ``Tue Mar 2 17:30:12 2021 -0500``, Kibana's ``Mar 4,
2019 @ 10:00:00.000`` and ``March 4, 2019 at 10:00 AM``, months abbreviated in those six languages between a day and
a year (``12 Dez 2020``, ``3 févr. 2021``, Jira's ``12/Mär/21 3:45 PM``), digits other than ASCII's
(``٢٠١٩-٠٣-٠٤``, ``２０１９/０３/０４``: see :mod:`viewer.model.dates.numerals`), and Wikidata's RDF literals and
dates with zero parts (``1850-00-00T00:00:00Z``: see :mod:`viewer.model.dates.wikidata`), the ISO date a wiki's
template hides after the one it shows (``19 November 2018 (2018-11-19)``, as ``pandas.read_html`` takes it), Spanish
``10:00 a. m.`` and ``p. m.``, and ISO's basic form with an offset (``20190304T100000+0100``). Each was skipped as
"expected a date".

Only values the parser left unread come here; the rewrites run in Arrow (RE2) over the whole leftover column
at once, and a date-time with a numeric UTC offset after a month's name is read by Arrow's strptime.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Protocol

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.model import text_arrow
from viewer.model.dates import footnotes, numerals, weekdays, wikidata, zone_less
from viewer.model.dates.arrow import NAT, to_arrow

_WEEKDAYS = weekdays.LONG  # in English, German, French, Spanish, Italian, Portuguese and Dutch
# each month's names in German, French, Spanish, Italian, Portuguese and Dutch (English ones are read already)
_MONTHS = (
    ("January", "januar|jänner|janvier|enero|gennaio|janeiro|januari"),
    ("February", "februar|février|fevrier|febrero|febbraio|fevereiro|februari"),
    ("March", "märz|maerz|mars|marzo|março|marco|maart"),
    ("April", "avril|abril|aprile"),
    ("May", "mai|mayo|maggio|maio|mei"),
    ("June", "juni|juin|junio|giugno|junho"),
    ("July", "juli|juillet|julio|luglio|julho"),
    ("August", "août|aout|agosto|augustus"),
    ("September", "septembre|septiembre|setiembre|settembre|setembro"),
    ("October", "oktober|octobre|octubre|ottobre|outubro"),
    ("November", "novembre|noviembre|novembro"),
    ("December", "dezember|décembre|decembre|diciembre|dicembre|dezembro"),
)
# each month's names in Russian, Ukrainian, Polish, Czech (as a day's month and on its own), Turkish and the
# Scandinavian spellings the list above lacks; matched between letters of any script (RE2's \\b knows only ASCII's;
# its \\p{L} cost ten times as much as this class of ASCII letters and every other character)
_LETTERS = r"A-Za-z\x{80}-\x{10FFFF}"
_MORE_MONTHS = (
    ("January", "января|январь|янв|січня|січень|stycznia|styczeń|ledna|leden|ocak"),
    ("February", "февраля|февраль|фев|лютого|лютий|lutego|luty|února|únor|şubat|subat|februar"),
    ("March", "марта|март|мар|березня|березень|marca|marzec|března|březen|mart|marts"),
    ("April", "апреля|апрель|апр|квітня|квітень|kwietnia|kwiecień|dubna|duben|nisan"),
    ("May", "мая|май|травня|травень|maja|maj|května|květen|may[ıi]s"),
    ("June", "июня|июнь|червня|червень|czerwca|czerwiec|června|červen|haziran"),
    ("July", "июля|июль|липня|липень|lipca|lipiec|července|červenec|temmuz"),
    ("August", "августа|август|авг|серпня|серпень|sierpnia|sierpień|srpna|srpen|ağustos|agustos"),
    ("September", "сентября|сентябрь|сен|сент|вересня|вересень|września|wrzesień|září|eylül|eylul"),
    ("October", "октября|октябрь|окт|жовтня|жовтень|października|październik|října|říjen|ekim"),
    ("November", "ноября|ноябрь|нояб|ноя|листопада|листопад|listopada|listopad|listopadu|kas[ıi]m"),
    ("December", "декабря|декабрь|дек|грудня|грудень|grudnia|grudzień|prosince|prosinec|aral[ıi]k"),
)
# each month's abbreviations in German, French, Spanish, Italian, Portuguese and Dutch that are not English's
# (``Mär``, ``déc.``, ``ene``; "mar", "dec" and "sept" read already, and "Mai" and "mei" are names above), read
# only between a day and a year (``12 Dez 2020``, ``4 de out. de 2021``, Jira's ``12/Mär/21 3:45 PM``): "mag",
# "out", "set", "gen", "ago" and "lug" are English words too, and "3 out of 4" stays no date
_ABBREVIATED = (
    ("January", "janv|jän|ene|gen"),
    ("February", "févr|fevr|fév|fev"),
    ("March", "mär|mrz|mrt"),
    ("April", "avr|abr"),
    ("May", "mag"),
    ("June", "giu"),
    ("July", "juil|lug"),
    ("August", "ago"),
    ("September", "set"),
    ("October", "okt|ott|out"),
    ("December", "dez|déc|dic"),
)
_ENGLISH_WORDS = ("gen", "mag", "lug", "ago", "set", "out")
# those read before a year alone too ("Dez 2020", "févr. 2021"): all but the English words
_ABBREVIATED_ALONE = tuple((english, alone) for english, names in _ABBREVIATED
                           if (alone := "|".join(name for name in names.split("|") if name not in _ENGLISH_WORDS)))
_ABBREVIATIONS = (
    # between a day and a year, before "of" goes (so "3 out of 2021" stays no date)
    *((rf"(?i)(^|\D)(\d{{1,2}}(?:\.?\s+de)?[\s/.-]+)(?:{names})\.?((?:\s+de)?[\s/.,-]+\d{{2}}(?:\d{{2}})?)(\D|$)",
       rf"\1\2{english}\3\4") for english, names in _ABBREVIATED),
    *((rf"(?i)^\s*(?:{names})\.?\s+(\d{{4}})\s*$", rf"{english} \1") for english, names in _ABBREVIATED_ALONE),
)
# one look for any of them first: a column that writes none is spared a pass for each month
_ANY_ABBREVIATION = rf"(?i)(?:^|[\s/.-])(?:{'|'.join(names for _, names in _ABBREVIATED)})"
_REWRITES = (
    footnotes.REWRITE,  # a wiki's footnote mark after the date: "March 3, 1999[2]", "2019[a]", "12 May 2020[note 1]"
    # Unicode's narrow and thin spaces as plain ones (CLDR 42 on puts U+202F before AM/PM: Chrome, Node, Java,
    # macOS and WhatsApp write "10:00\u202fAM"), and the marks that only set the writing direction (embeddings,
    # overrides and isolates too, as a copy from a page in Arabic or Hebrew brings them) or show nothing, gone
    ("[\u202f\u2009\u2007]", " "),
    ("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]", ""),
    # Korean, Chinese and Japanese write morning and afternoon before the time, as Windows and Excel in those
    # languages print a date and time: 2019. 3. 5. 오후 3:00:00, 2019/3/5 下午 3:00:00, 2019/03/05 午後3:00
    # a zone written in lower case after a time ("12:00 utc", "14:00:00 gmt", "15:00z"), as logs and hand-typed
    # sheets write it: the parser knows UTC, GMT and Z in capitals only
    (r"(\d|[AaPp]\.?[Mm]\.?)(\s*)(?i:utc)$", r"\1\2UTC"),
    (r"(\d|[AaPp]\.?[Mm]\.?)(\s*)(?i:gmt)$", r"\1\2GMT"),
    (r"(\d:\d\d(?::\d\d(?:\.\d+)?)?)(\s*)z$", r"\1\2Z"),
    (r"(?:오전|上午|午前)\s*(\d{1,2}:\d{2}(?::\d{2})?)", r"\1 AM"),
    (r"(?:오후|下午|午後)\s*(\d{1,2}:\d{2}(?::\d{2})?)", r"\1 PM"),
    (r"^\s*(\d{4})\.\s+(\d{1,2})\.\s+(\d{1,2})\.?(\s|$)", r"\1-\2-\3\4"),  # Korean's 2019. 3. 5.
    # the weekday after a date in numbers, as Japanese, Chinese and Korean write it: 2019/03/05(火) 10:00 (after
    # 2019年3月5日 too: forms reads those)
    (r"(\d)\s*[（(](?:[月火水木金土日](?:曜日?)?|[월화수목금토일](?:요일)?|(?:星期|周|週)?[一二三四五六日天])[)）]",
     r"\1"),
    # .NET's DateTimeOffset: 11/19/2018 10:00:00 AM +01:00, 19/11/2018 10:00:00 +01:00 (PowerShell, Azure's
    # exports); with its seconds, so that 09:00 -10:30 stays a span's end
    (r"(\d{1,2}:\d{2}:\d{2}(?:[.,]\d+)?(?:\s*[AaPp]\.?[Mm]\.?)?)\s+([+-]\d{2}:\d{2})$", r"\1 UTC\2"),
    # a web server's log: [04/Mar/2019:10:00:00 +0000]
    (r"^\[?(\d{1,2})/([A-Za-z]{3})/(\d{4}):(\d{2}:\d{2}:\d{2})\s*([+-]\d{4})\]?$", r"\1 \2 \3 \4 \5"),
    (r"^\[?(\d{1,2})/([A-Za-z]{3})/(\d{4}):(\d{2}:\d{2}:\d{2})\]?$", r"\1 \2 \3 \4"),
    (r"\s+GMT([+-]\d{4})(?:\s*\([^)]*\))?$", r" \1"),  # JavaScript's Date: GMT+0100 (Central European Time)
    (r"\s+@\s+", " "),  # Kibana's Mar 4, 2019 @ 10:00:00.000
    # SAS's DATE9 and DATETIME formats (04MAR2019, 04MAR2019:10:00:00), as clinical and survey data write them
    (r"^\s*(\d{1,2})([A-Za-z]{3})(\d{4}):(\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)\s*$", r"\1 \2 \3 \4"),
    (r"^\s*(\d{1,2})([A-Za-z]{3})(\d{4})\s*$", r"\1 \2 \3"),
    (rf"(?i)^\s*(?:{_WEEKDAYS})\.?,?\s+", ""),  # a weekday first
    # a short one (Microsoft Project's "Mo 08.01.24", "lun. 08/01/24", "ma 8-1-24"), only before a date in numbers
    # or a day, a word and a year ("Di 9. Januar 2024"): "do", "so" and "mar" are words and months too
    (rf"(?i)^\s*(?:{weekdays.SHORT_ANY})\.?,?\s+(\d{{1,4}}[./-]\d{{1,2}}[./-]\d|\d{{1,2}}\.?\s+[^\s\d]{{3,}}\s+\d{{4}})",
     r"\1"),
    # Unix's date and C's asctime: (Mon) Mar  4 10:00:00 UTC 2019, (Mon) Mar 04 10:00:00 2019
    (r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+([A-Za-z]{2,5})\s+(\d{4})$", r"\2 \1 \5 \3 \4"),
    (r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(\d{1,2}:\d{2}(?::\d{2})?)\s+(\d{4})$", r"\2 \1 \4 \3"),
    # Twitter's created_at: (Mon) Mar 04 10:00:00 +0000 2019, as every tweet archive and API dump writes it
    (r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+([+-]\d{4})\s+(\d{4})$", r"\2 \1 \5 \3 \4"),
    # git's default date format: (Tue) Mar 2 17:30:12 2021 -0500, its offset after the year
    (r"^([A-Za-z]{3,9})\.?\s+(\d{1,2})\s+(\d{1,2}:\d{2}:\d{2})\s+(\d{4})\s+([+-]\d{4})$", r"\2 \1 \4 \3 \5"),
    (r"(?i)(\d{4}),?\s+at\s+(\d{1,2}[:.h]\d{2})", r"\1 \2"),  # March 4, 2019 at 10:00 AM
    # Mar 4, 2019, 10:00:00 AM (JavaScript's toLocaleString), 2019-03-04, 10:00
    (r"(\d{4}|[-/]\d{1,2}),\s*(\d{1,2}:\d{2})", r"\1 \2"),
    (r"(?i)^\s*the\s+", ""),
    (r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|e|\.)(\s+(?:of\s+)?[^\W\d_])", r"\1\2"),  # an ordinal day
    # the word before a time: 5. März 2019 um 10:00, 4 mars 2019 à 10h30, 4 de marzo de 2019 a las 10:00
    (r"(?i)\s+(?:um|à|a\s+las|alle(?:\s+ore)?|às|om)\s+(\d{1,2}(?:[:.h]\d{2})?)", r" \1"),
    (r"(?i)\b(\d{1,2})[:.](\d{2})\s*Uhr\b", r"\1:\2"), (r"(?i)\b(\d{1,2})\s*Uhr\b", r"\1:00"),  # 10:00 Uhr, 10 Uhr
    # Spanish and Catalan write "a. m." and "p. m." (Excel and Windows in those languages): 10:00:00 a. m.
    (r"(?i)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*a\.\s+m\.?(\s|$)", r"\1 AM\2"),
    (r"(?i)(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?)\s*p\.\s+m\.?(\s|$)", r"\1 PM\2"),
    (r"(?i)(^|\s)(\d{1,2})\s*([ap])\.?m\.?$", r"\1\2:00 \3m"),  # an hour alone: 2019-03-04 10am
    (r"(?i)(\d)[,\s]+(?:at\s+)?(?:noon|midday|mittags|midi)$", r"\1 12:00"),  # 4 March 2019 at noon
    (r"(?i)(\d)[,\s]+(?:at\s+)?(?:midnight|mitternacht|minuit)$", r"\1 00:00"),  # its first instant, as ISO's
    # a year by its last two digits after a day and month: 5 Sep '19 (read as two-digit years are, 1969-2068)
    (r"^(\s*\d{1,2}\.?\s+[A-Za-z]{3,9}\.?,?)\s*['’]([0-5]\d|6[0-8])\s*$", r"\1 20\2"),
    (r"^(\s*\d{1,2}\.?\s+[A-Za-z]{3,9}\.?,?)\s*['’](69|[7-9]\d)\s*$", r"\1 19\2"),
    (r"^(\s*[A-Za-z]{3,9}\.?\s+\d{1,2},?)\s*['’]([0-5]\d|6[0-8])\s*$", r"\1 20\2"),  # Sep 5 '19
    (r"^(\s*[A-Za-z]{3,9}\.?\s+\d{1,2},?)\s*['’](69|[7-9]\d)\s*$", r"\1 19\2"),
    *_ABBREVIATIONS,  # 12 Dez 2020, 4 de out. de 2021, 12/Mär/21, Dez 2020
    (r"(?i)\s+(?:de|del|of)\s+", " "),  # 4 de marzo de 2019, 4th of March
    (r"\b(\d{1,2})h(\d{2})\b", r"\1:\2"),  # 10h30
    (r"^\s*(\d{1,2}:\d{2}(?::\d{2})?)\s+(.*\S)\s*$", r"\2 \1"),  # the time first
    (r"^\s*(\d{4})\s+([^\W\d_]{3,9}\.?)\s+(\d{1,2})\b", r"\3 \2 \1"),  # 2019 Mar 4
    (r"^\s*(\d{4})-([A-Za-z]{3,9})-(\d{1,2})\b", r"\3 \2 \1"),  # 2019-Mar-04
    (r"^\s*(\d{4}),?[\s-]+([^\W\d_]{3,9}\.?)\s*$", r"\2 \1"),  # 2019 Mar, 2019 March (PubMed's, a catalogue's)
    (r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})?(Z?)$", r"\1-\2-\3T\4:\5:\6\7"),  # ISO 8601 basic
    (r"T(\d{2}):(\d{2}):(Z?)$", r"T\1:\2\3"),  # (basic without seconds)
    # and with an offset: 20190304T100000+0100, 20190304T1000-05
    (r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})([+-]\d{2}):?(\d{2})?$", r"\1-\2-\3T\4:\5:\6\7\8"),
    (r"^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})([+-]\d{2}):?(\d{2})?$", r"\1-\2-\3T\4:\5\6\7"),
    # the date a wiki's template hides after the one it shows, as pandas.read_html takes a Wikipedia table:
    # "19 November 2018 (2018-11-19)" (Start date, Dts), read as the hidden ISO one
    (r"^[^()]*\d[^()]*\((\d{4}-\d{2}(?:-\d{2})?)\)\s*$", r"\1"),
    (r"([+-]\d{2}:?\d{2}|Z)\[[A-Za-z_/+-]+\]$", r"\1"),  # Java's 2019-03-04T10:00+01:00[Europe/Paris]
    (r"^(\d{4})\.(\d{1,2})\.(\d{1,2})\b", r"\1-\2-\3"),  # 2019.03.04
    (r"(\d{1,2}:\d{2}:\d{2}),(\d+)", r"\1.\2"),  # a decimal comma in the seconds (ISO 8601 allows it)
    (r"(?i)\b(\d{1,2})\.(\d{2})\.(\d{2})(?:\.\d+)?\s*([AP]M)\b", r"\1:\2:\3 \4"),  # Oracle's 10.00.00.000 AM
    *((rf"(?i)\b(?:{names})\b\.?", english) for english, names in _MONTHS),
    *((rf"(?i)(^|[^{_LETTERS}])(?:{names})\.?([^{_LETTERS}]|$)", rf"\1{english}\2") for english, names in _MORE_MONTHS),
    # the word for "year" after it: 19 ноября 2018 г., 19 listopada 2018 r., 2018 року
    (r"(?i)(\d{4})\s*(?:г\.?|года|году|р\.|року|r\.|roku)\s*$", r"\1"),
    # Excel's mmm-yy (Mar-19, Mar '19: a month), its year read as two-digit years are (1969-2068)
    (r"^\s*([A-Za-z]{3,9})\.?(?:-|\s*['’])([0-5]\d|6[0-8])\s*$", r"\1 20\2"),
    (r"^\s*([A-Za-z]{3,9})\.?(?:-|\s*['’])(69|[7-9]\d)\s*$", r"\1 19\2"),
)
# after a month's name, a numeric UTC offset: "04 Mar 2019 10:00:00 +0000"
_OFFSET_FORMATS = ("%d %b %Y %H:%M:%S %z", "%d %b %Y %H:%M %z", "%d %B %Y %H:%M:%S %z", "%d %B %Y %H:%M %z",
                   "%b %d %Y %H:%M:%S %z")
# what each of them ends in (``%z``: Z, +01, +0100 or +01:00), more loosely: only values ending so are tried
_OFFSET_LAST = r"(?:[Zz]|[+-][\d:]{1,8})$"


# the rewrites whose match hangs on a digit's value (a two-digit year 00-68 or 69-99), and each one's pattern with
# those digits as any digit, which tells whether a column's shapes could match it
_TWO_DIGIT_YEARS = re.compile(r"\[0-5\]\\d\|6\[0-8\]|69\|\[7-9\]\\d")
_LOOSE = {pattern: _TWO_DIGIT_YEARS.sub(r"\\d\\d", pattern) for pattern, _ in _REWRITES
          if _TWO_DIGIT_YEARS.search(pattern)}
# a column with more shapes than this share of its values is rewritten whole, each rewrite (its shapes would cost
# as much again)
_MANY_SHAPES = 0.25
_FEW_DISTINCT = 0.25  # a column of no more distinct values than this share of its rows is read a value at a time


def respelled(text: pa.Array) -> pa.Array:
    """The values rewritten into spellings the parser reads (unchanged where no rewrite applies).

    Each rewrite runs over the whole column only when it matches one of the column's shapes: a value from each set
    of values that differ only in their digits' values (``Wed, 13 May 2020 13:39`` and ``Fri, 02 Oct 2020 09:05``).
    A rewrite reads a digit as any digit, so it matches a value only if it matches that value's sample (those of
    two-digit years are tried with their digits loosened, and the samples are taken again after one has run). A
    column of mail dates went through 85 rewrites, and now goes through the two that apply."""
    text = text_arrow.contiguous(text)
    samples = _samples(text)
    if samples is None:
        abbreviated = pc.any(pc.match_substring_regex(text, _ANY_ABBREVIATION)).as_py()
        for rewrite in _REWRITES:
            if abbreviated or rewrite not in _ABBREVIATIONS:
                text = pc.replace_substring_regex(text, *rewrite)
        return text
    for pattern, replacement in _REWRITES:
        if not pc.any(pc.match_substring_regex(samples, _LOOSE.get(pattern, pattern))).as_py():
            continue
        text = pc.replace_substring_regex(text, pattern, replacement)
        if pattern in _LOOSE:
            samples = _samples(text, everyone=True)
        else:
            samples = pc.replace_substring_regex(samples, pattern, replacement)
    return text


def _samples(text: pa.Array, everyone: bool = False) -> pa.Array | None:
    """The first value of each shape in ``text`` (see :func:`text_arrow.digits_as_zero`); None when the shapes
    are more than :data:`_MANY_SHAPES` of the values (unless ``everyone``)."""
    kinds, first = np.unique(text_arrow.shapes(text)[0], return_index=True)
    first = first[kinds >= 0]
    if not everyone and len(first) > _MANY_SHAPES * len(text):
        return None
    return text.take(pa.array(first))


def _dotnet(text: pa.Array) -> tuple[np.ndarray, np.ndarray]:
    """.NET's JSON dates (``/Date(1551693600000)/``, an offset after the milliseconds only says where they were
    written): their instants, NAT elsewhere."""
    parts = pc.extract_regex(text, r"^\s*/Date\((?P<ms>-?\d{1,14})(?:[+-]\d{4})?\)/\s*$")
    micros = np.full(len(text), NAT, dtype=np.int64)
    precisions = np.full(len(text), None, dtype=object)
    rows = np.flatnonzero(np.asarray(pc.is_valid(parts).to_numpy(zero_copy_only=False), dtype=bool))
    if len(rows):
        millis = pc.cast(parts.take(pa.array(rows)).field("ms"), pa.int64())
        micros[rows] = np.asarray(millis.to_numpy(zero_copy_only=False), dtype=np.int64) * 1000
        precisions[rows] = "time"
    return micros, precisions


class Parsed(Protocol):
    """What the column parser returns: UTC instants, their precisions and notes (level, message)."""

    instants: pd.Series
    precisions: pd.Series
    notes: list[tuple[str, str]]


def read(values: pd.Series, parse: Callable[[pd.Series], Parsed]
         ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """Microseconds since the epoch in UTC (:data:`NAT` where still unread), precisions of ``values`` (text the
    parser left unread), reading their respellings with ``parse``, and what it noted (``Mar 4, 2019 @ 10:00``
    has no time zone, as ``2019-03-04 10:00`` has none)."""
    written = text_arrow.contiguous(to_arrow(values))  # numbers too (a Parquet column of integers)
    plain, other_calendar = numerals.fold_column(written)  # ٢٠١٩-٠٣-٠٤, ２０１９/０３/０４
    plain, micros, precisions = wikidata.read_column(plain)  # "1066-10-14"^^xsd:date, 1850-00-00T00:00:00Z
    again = respelled(plain)
    dotnet, _ = _dotnet(written)
    micros[dotnet != NAT], precisions[dotnet != NAT] = dotnet[dotnet != NAT], "time"
    offset = np.flatnonzero(np.asarray(pc.match_substring_regex(again, _OFFSET_LAST).fill_null(False)
                                       .to_numpy(zero_copy_only=False), dtype=bool) & (micros == NAT))
    for fmt in _OFFSET_FORMATS:
        if not len(offset):
            break
        stamps = pc.strptime(again.take(pa.array(offset)), format=fmt, unit="us", error_is_null=True)
        got = np.asarray(stamps.cast(pa.int64()).fill_null(NAT).to_numpy(zero_copy_only=False), dtype=np.int64)
        micros[offset[got != NAT]], precisions[offset[got != NAT]] = got[got != NAT], "time"
        offset = offset[got == NAT]
    changed = np.asarray(pc.not_equal(again, written).fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)
    rows = np.flatnonzero(changed & (micros == NAT))
    notes: list[tuple[str, str]] = [("warning", f"{other_calendar:,} date{'s' * (other_calendar > 1)} "
                                                 f"{numerals.HIJRI}")] if other_calendar else []
    if len(rows):
        parsed = parse(pd.Series(pd.arrays.ArrowStringArray(text_arrow.contiguous(again.take(pa.array(rows))))))
        instants, found = parsed.instants, parsed.precisions
        stamps = instants.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[us]").view(np.int64)
        ok = ~np.isnat(stamps.view("datetime64[us]"))
        micros[rows[ok]] = stamps[ok]
        precisions[rows[ok]] = found.to_numpy(dtype=object)[ok]
        notes += parsed.notes
    return micros, precisions, notes


def read_each_once(values: pd.Series, parse: Callable[[pd.Series], Parsed]
                   ) -> tuple[np.ndarray, np.ndarray, list[tuple[str, str]]]:
    """:func:`read` of each distinct value once where they are few (a column of dates alone: ``Wednesday, May 13,
    2020`` is one of 1,826 values in a million rows), unless what it notes counts something ("3 date-times have no
    time zone" counts rows: then every value is read, as :func:`read` does)."""
    codes, distinct = pd.factorize(values)
    if len(distinct) <= _FEW_DISTINCT * len(values):
        micros, precisions, notes = read(pd.Series(distinct), parse)
        if not any(text[:1].isdigit() for _, text in notes):
            taken = np.where(codes >= 0, codes, len(distinct))  # (a missing value: the last place, unread)
            return (np.append(micros, NAT)[taken], np.append(precisions, np.array([None], dtype=object))[taken],
                    notes)
    return read(values, parse)


def merged_notes(first: list[tuple[str, str]], more: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Notes of a column and of its respelled values as one list: "3 date-times have no time zone" and "2 date-times
    have no time zone" are "5 date-times …"; a note said already is not said twice."""
    out = [(level, _plural(text)) for level, text in first]
    for level, text in [(level, _plural(text)) for level, text in more]:
        counted = re.fullmatch(r"([\d,]+) (.+)", text)
        same = next((i for i, (_, said) in enumerate(out) if counted and re.fullmatch(
            rf"[\d,]+ {re.escape(counted.group(2))}", said)), None)
        if same is not None and counted:
            total = int(out[same][1].split(" ", 1)[0].replace(",", "")) + int(counted.group(1).replace(",", ""))
            out[same] = (out[same][0], f"{total:,} {counted.group(2)}")
        elif (level, text) not in out:
            out.append((level, text))
    return [(level, _singular(text)) for level, text in out]


_ONE_ZONE_LESS, _ZONE_LESS = zone_less(1).removeprefix("1 "), zone_less(2).removeprefix("2 ")


def _plural(note: str) -> str:
    """A note of one date-time without a zone, worded as for several (so that it adds up with them)."""
    return note.replace(_ONE_ZONE_LESS, _ZONE_LESS) if note.startswith("1 ") else note


def _singular(note: str) -> str:
    return zone_less(1) if note == f"1 {_ZONE_LESS}" else note
