"""A table of values by year with the years as its column names, as the World Bank, the OECD, Eurostat, the IMF and
most statistics offices hand out an indicator: ``Country Name, Indicator Name, 1960, 1961, … 2021`` (or ``2019Q1``,
``2019-01``, ``1960 [YR1960]``, or days, ``2020-01-15`` and Johns Hopkins' ``1/22/20``), a row per country and
series. It has no column of dates, and its row of names,
being mostly years, was not even taken for a header: it was refused as "no date column among column1, column2 …".

Such a table is read long: a row per row and period with a value, the period as its date (``year``), the value in
``value``, and the row's own columns kept; each row titled by its names and value ("Aruba · GDP (current US$):
2,481,857,143"), its first name its actor (a lane a country) and its next its category (the series). Empty cells
make no row. A table whose other columns already name a date is left as it is. Columns named by a measure and a
year (``2023 votes``, ``2021 votes`` …; the US Census Bureau's ``POPESTIMATE2019``) are read so too, at least three of
a measure: the measure is each row's category, and in its title.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from viewer.io.table_mapping import guess_mapping
from viewer.model.problems import LoadError, Problem

if TYPE_CHECKING:
    from viewer.io.table_read import Raw

# a year, a quarter, a month or a day (a report's weeks, ``2020-01-15``; Johns Hopkins' ``1/22/20``) as a column's
# name; the World Bank's API download writes "1960 [YR1960]"
PERIOD = re.compile(r"^\s*(?P<period>(?:1[5-9]|20|21)\d{2}(?:\s*-?\s*(?:Q[1-4]|M\d{2}|S[12])|-\d{2}(?:-\d{2})?)?"
                    r"|\d{1,2}/\d{1,2}/(?:\d{2}|\d{4}))"
                    r"(?:\s*\[YR\d{4}\])?\s*$", re.IGNORECASE)
LEAST_PERIODS = 3
NUMBERS = 0.8  # of the written cells under the periods
NUMBER = r"^\s*[-+]?[$€£¥]?[\d.,\s]*\d[\d.,\s]*%?(?:\s+[a-z]{1,3})?\s*$"  # ($1,234; Eurostat's flags: "123.4 p")
MISSING = r"^(?:\.\.|:(?:\s+[a-z]{1,3})?|-|n/?a|NA|NaN)$"  # the World Bank's "..", Eurostat's ":" (and ": c")
MOST_VALUES = 5_000_000  # a row each: past this, the table is refused with how to cut it
CODES = r"^[A-Z0-9._-]{1,24}$"  # a series' or a country's code (NY.GDP.MKTP.CD, ABW): not in the title


def longer(raw: Raw, label: str) -> Raw:
    """The table read long when its column names are periods holding numbers (see the module's note); as it was
    otherwise."""
    names = [str(v) for v in (raw.frame.iloc[0] if not raw.header and len(raw.frame) else raw.frame.columns)]
    periods = [at for at, name in enumerate(names) if PERIOD.match(name)]
    measures: dict[int, str] = {}
    if len(periods) < LEAST_PERIODS and raw.header:
        measures = _measured(names)
        periods = sorted(measures)
    periods = _not_numbered(names, periods)
    others = [at for at in range(len(names)) if at not in periods and names[at].strip()]
    if len(periods) < LEAST_PERIODS or not others or guess_mapping([names[at] for at in others]).start is not None:
        return raw
    body = raw.frame.iloc[0 if raw.header else 1:]
    cells = body.iloc[:, periods].astype("string").fillna("").apply(lambda column: column.str.strip().str.replace(
        MISSING, "", regex=True))
    written = cells != ""
    count = int(written.to_numpy().sum())
    numeric = cells.apply(lambda column: column.str.match(NUMBER)).fillna(False) & written if count else written
    if not count or numeric.to_numpy().sum() < NUMBERS * count:
        return raw
    if count > MOST_VALUES:
        raise LoadError(f"{label}: a table of values by period ({names[periods[0]]} … {names[periods[-1]]} as column "
                        f"names) holding {count:,} values, more than the {MOST_VALUES:,} read as rows; keep the rows "
                        "or periods you need (a filter in the spreadsheet, or the site's own selection) and open that")
    return _long(raw, body, cells, written, [names[at] for at in others], others, [names[at] for at in periods], label,
                 [measures[at] for at in periods] if measures else None)


def _not_numbered(names: list[str], periods: list[int]) -> list[int]:
    """The periods that are not the years' stretch of a numbering: a survey's ``q0`` … ``q1999`` (or a matrix's ``0`` …
    ``1999``) holds ``q1500`` … ``q1999``, each a year by its name, yet more columns of the same form number questions
    (before, 2,000 questions were read as 500 years, 50,000 rows from 100; at 5,000 questions it took 4 minutes and
    8 GB). The Census Bureau's ``POPESTIMATE042020`` beside ``POPESTIMATE2020`` … ``POPESTIMATE2022`` is one of a few.

    >>> _not_numbered(["q1", "q2", "q1500", "q1501"], [2, 3]), _not_numbered(["name", "1960", "1961"], [1, 2])
    ([], [1, 2])
    """
    chosen = set(periods)
    forms = [_DIGITS.sub("#", name) for name in names]
    years = Counter(forms[at] for at in periods)
    numbers = Counter(form for at, form in enumerate(forms) if at not in chosen and "#" in form)
    return [at for at in periods if numbers[forms[at]] < years[forms[at]]]


_DIGITS = re.compile(r"\d+")
YEAR = re.compile(r"(?<!\d)(?:1[5-9]|20|21)\d{2}(?!\d)")


def _measured(names: list[str]) -> dict[int, str]:
    """Columns named by a measure and a year ("2023 votes", "POPESTIMATE2019", "pop_2019"), at least
    :data:`LEAST_PERIODS` of a measure, by their place: each one's measure ("votes"). A year written once in a name
    ("Change from 2019") is no column of a series."""
    found: dict[int, str] = {}  # each column's name with its year taken out: "{} votes"
    for at, name in enumerate(names):
        years = list(YEAR.finditer(name))
        rest = YEAR.sub("", name)
        if len(years) == 1 and not re.search(r"\d", rest) and re.search(r"[^\W\d_]", rest):
            found[at] = name[:years[0].start()] + "{}" + name[years[0].end():]
    counts = Counter(found.values())
    return {at: template.replace("{}", " ").strip(" _-") for at, template in found.items()
            if counts[template] >= LEAST_PERIODS}


def _long(raw: Raw, body: pd.DataFrame, cells: pd.DataFrame, written: pd.DataFrame, own: list[str],
          others: list[int], periods: list[str], label: str, measures: list[str] | None = None) -> Raw:
    rows, columns = np.nonzero(written.to_numpy())  # row by row, each row's periods in order
    kept = body.iloc[rows, others].astype("string").fillna("").reset_index(drop=True)
    kept.columns = own
    values = pd.Series(cells.to_numpy()[rows, columns], dtype="string")
    named = _titled(kept)
    words = _joined([kept[name].str.strip() for name in named]) if named else None
    long = kept.assign(year=[_period(periods[c]) for c in columns.tolist()], value=values.to_numpy())
    measured = None if measures is None else pd.Series([measures[c] for c in columns.tolist()], dtype="string")
    if measured is not None and "measure" not in long.columns:  # ("2023 votes": the measure, "votes")
        long.insert(len(own), "measure", measured.to_numpy())
        words = measured if words is None else words + " · " + measured
    taken = {name.lower() for name in own}
    if words is not None and "title" not in taken:
        long.insert(0, "title", (words + ": " + _shown(values)).to_numpy())
    if named and not taken & {"actor", "actors", "category"}:  # the first names the row (a country: its lane by
        first = kept[named[0]].str.strip()  # actor), the next what it measures (its category); a blank one by the next
        long["actor"] = (first.where(first != "", kept[named[1]].str.strip()) if len(named) > 1 else first).to_numpy()
        if measured is not None:
            long["category"] = measured.to_numpy()
        elif len(named) > 1:
            long["category"] = kept[named[1]].str.strip().to_numpy()
    lines = np.asarray(raw.rows)[(0 if raw.header else 1) + rows] if len(raw.rows) else rows + 1
    said = Problem(label, f"a table of values by period ({periods[0].strip()} … {periods[-1].strip()} as column "
                          f"names): read as a row per row and period ({len(long):,} values), the period as its date "
                          "and the value in 'value'", None, None, "info")
    problems = [p for p in raw.problems if not p.message.startswith("no header row found")]
    return replace(raw, frame=long, header=True, problems=[*problems, said], rows=lines)


def _joined(parts: list[pd.Series]) -> pd.Series:
    """The parts of each row joined by " · ", blank ones left out, column by column (row by row, 330,000 values of
    Johns Hopkins' series took 30 s)."""
    words = parts[0]
    for part in parts[1:]:
        words = words.where(part == "", words.where(words == "", words + " · ") + part)
    return words


def _period(name: str) -> str:
    """A column's period as a date reads it ("1960 [YR1960]" is 1960, "2023 votes" 2023)."""
    found = PERIOD.match(name)
    year = YEAR.search(name)
    return found.group("period").replace(" ", "") if found else year.group() if year else name


def _shown(values: pd.Series) -> pd.Series:
    """Values as a title shows them: a big number grouped by thousands and without its fractions (a GDP of
    24210278935.8929 reads 24,210,278,936), the others as written."""
    numbers = pd.to_numeric(values.str.replace(",", "", regex=False), errors="coerce")
    big = (numbers.abs() >= 1000).fillna(False).to_numpy(dtype=bool)
    shown = values.astype(object).copy()
    shown[big] = [f"{number:,.0f}" for number in numbers[big].tolist()]
    return shown.astype("string")


def _titled(kept: pd.DataFrame) -> list[str]:
    """The row's columns that make its title: all but a column of numbers (a county's other figures) and a column of
    codes beside one of names that tells the same rows apart (the World Bank's Country Code beside Country Name,
    Series Code beside Series Name)."""
    numbers = {name for name in kept.columns if kept[name].str.match(NUMBER).fillna(True).all()}  # (a share, a count)
    kept = kept[[name for name in kept.columns if name not in numbers]]
    distinct = {name: kept[name].nunique() for name in kept.columns}
    coded = {name for name in kept.columns if kept[name].str.strip().str.fullmatch(CODES).fillna(True).all()}
    return [name for name in kept.columns if name not in coded
            or not any(distinct[other] == distinct[name] for other in kept.columns if other not in coded)]
