"""Whether an event table's times are dates or plain numbers (simulation ticks, steps): the table's clock.

A table is on the numeric clock (:mod:`viewer.model.clock`) when the reader is told so (``clock="number"``,
or ``"read": {"clock": "number"}`` in an import spec), when its start column is named like a tick
(``tick``, ``step``, ``t``, ``time`` …) and holds only numbers, or when it holds only numbers and more
than :data:`FAILED_SHARE` of them cannot be dates (``0.5``, ``12345`` as years, Excel serials or Unix time
would otherwise drop those rows). Numbers that read as dates (years, ``YYYYMMDD``, Unix seconds) stay dates.
"""

from __future__ import annotations

import re
from typing import Any

import pandas as pd

from viewer.model import clock
from viewer.model.dates import columns as date_columns
from viewer.model.problems import LoadError, Problem

TICK_NAMES = ("tick", "ticks", "step", "steps", "timestep", "iteration", "iter", "generation", "round",
              "frame", "t", "time", "simtime", "simulationtime")
FAILED_SHARE = 0.05  # a date column with a few typos stays dates; beyond this share the numbers are not dates
SAMPLE = 2000


def _key(name: str) -> str:
    return re.sub(r"[\s_\-.\xa0]+", "", name).lower()


def given_clock(values: pd.Series, name: str, options: dict[str, Any], label: str,
                problems: list[Problem]) -> str | None:
    """The clock the options or the column's name and numbers decide; None when the dates must tell."""
    given = options.get("clock")
    if given:
        if given not in clock.CLOCKS:
            raise LoadError(f"{label}: clock {given!r}; expected one of {', '.join(clock.CLOCKS)}")
        return str(given)
    if _key(name) in TICK_NAMES and clock.looks_numeric(values.head(SAMPLE)):
        problems.append(Problem(label, f"column '{name}' holds plain numbers: read as numbers on a numeric "
                                "axis, not dates (pass clock='calendar' to read them as dates)", None, name, "info"))
        return clock.NUMBER
    return None


def dates_fail(values: pd.Series, invalid: pd.Series, name: str, label: str, problems: list[Problem]) -> bool:
    """True when a column of plain numbers mostly cannot be dates: it is then read on the numeric clock."""
    present = int(date_columns.clean_text(values).notna().sum())
    if not present or int(invalid.sum()) <= FAILED_SHARE * present or not clock.looks_numeric(values):
        return False
    problems.append(Problem(label, f"column '{name}' holds plain numbers that are not dates: read as numbers on "
                            "a numeric axis (pass clock='calendar' to read them as dates)", None, name, "info"))
    return True
