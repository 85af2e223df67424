"""Which way this computer's user writes a date's day and month: the order taken for a column whose values do
not show it (``05/03/2019``, ``11/12/2019``: no value above 12).

The territory of the locale (``LC_ALL``, then ``LC_TIME``, then ``LANG``, as POSIX reads them) decides: the
United States and a few territories write the month first; most of the world writes the day first. A locale
without a territory (``C``, ``POSIX``, ``C.UTF-8``: a server, a container, a test run) and the territories that
write the year first (China, Japan, Korea …, where a slashed date ending in a year follows no habit of theirs)
keep the month first, as Entente always read such a column. Never Qt (the command line and the Python API give
the window's answers).
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping

# territories whose habit is month/day/year (CLDR's short date pattern M/d/y)
MONTH_FIRST = frozenset({"US", "PH", "FM", "MH", "PW", "AS", "GU", "MP", "PR", "UM", "VI", "BZ", "CA"})
# territories whose habit is year/month/day: no habit for a date that ends in its year
YEAR_FIRST = frozenset({"CN", "JP", "KR", "KP", "TW", "HU", "LT", "MN", "IR"})
_TERRITORY = re.compile(r"^[a-zA-Z]{2,3}_([A-Z]{2})\b")


def locale_name(environ: Mapping[str, str] | None = None) -> str:
    """The locale dates are written in, as POSIX picks it: ``LC_ALL``, else ``LC_TIME``, else ``LANG``."""
    env = os.environ if environ is None else environ
    return next((env[k] for k in ("LC_ALL", "LC_TIME", "LANG") if env.get(k)), "")


def day_first(environ: Mapping[str, str] | None = None) -> bool:
    """Whether the locale's territory writes the day before the month (``en_GB``, ``fr_FR``, ``pt_BR`` …).

    >>> day_first({"LANG": "en_GB.UTF-8"}), day_first({"LANG": "en_US.UTF-8"}), day_first({"LANG": "C.UTF-8"})
    (True, False, False)
    """
    found = _TERRITORY.match(locale_name(environ))
    return found is not None and found.group(1) not in MONTH_FIRST | YEAR_FIRST
