"""GDELT's event tables (https://www.gdeltproject.org): what a download holds, read as GDELT's codebook reads it.

GDELT's files (``20150218230000.export.CSV.zip``, ``20130401.export.CSV.zip``) are tab-separated with no header
row: 61 columns in GDELT 2.0, 58 in 1.0's daily files and 57 in its historical backfiles. Without names, a user
saw ``column2`` read as the date and a place's name as each title. Such a table is recognised by its width and by
its first five columns (an event id, the day as YYYYMMDD, YYYYMM, YYYY and a fractional year) and named as the
codebook names it; :mod:`viewer.io.cameo_tables` titles its events, and the table mapping takes SQLDATE as the
start, the actors' names as the actors, GLOBALEVENTID as the id and SOURCEURL as the source.
"""

from __future__ import annotations

import pandas as pd

from viewer.model.problems import Problem

_ACTOR = ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
          "Type1Code", "Type2Code", "Type3Code")
_GEO = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")
NAMES_2 = ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
           *(f"Actor1{part}" for part in _ACTOR), *(f"Actor2{part}" for part in _ACTOR),
           "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
           "NumMentions", "NumSources", "NumArticles", "AvgTone",
           *(f"{who}Geo_{part}" for who in ("Actor1", "Actor2", "Action") for part in _GEO),
           "DATEADDED", "SOURCEURL")
NAMES_1 = tuple(name for name in NAMES_2 if not name.endswith("ADM2Code"))  # 1.0's daily files: 58
VERSIONS = {len(NAMES_2): ("2.0", NAMES_2), len(NAMES_1): ("1.0", NAMES_1),
            len(NAMES_1) - 1: ("1.0", NAMES_1[:-1])}  # 1.0's backfiles (1979 to March 2013): no SOURCEURL
_LEADING = (r"\d+", r"(19|20)\d\d[01]\d[0-3]\d", r"(19|20)\d\d[01]\d", r"(19|20)\d\d", r"(19|20)\d\d\.\d+")
LOOKED_AT = 200  # rows checked for the leading columns' forms
MOST = 0.95  # of them in those forms: a file with one mistyped date was no GDELT table, its ids read as years


def named(frame: pd.DataFrame) -> tuple[str, list[str]] | None:
    """GDELT's version and its codebook's column names for a table read without a header, when its width and its
    first five columns are an events table's; else None."""
    version = VERSIONS.get(frame.shape[1])
    if version is None or not len(frame):
        return None
    head = frame.iloc[:LOOKED_AT, :len(_LEADING)]
    allowed = max(2, int(len(head) * (1 - MOST)))  # (nearly all: a damaged row, and a note below, are said as such)
    for column, form in zip(head.columns, _LEADING, strict=True):
        if (~head[column].astype("string").fillna("").str.strip().str.fullmatch(form)).sum() > allowed:
            return None
    return version[0], list(version[1])


def with_names(frame: pd.DataFrame, label: str, problems: list[Problem]) -> pd.DataFrame:
    """A table read without a header, named by GDELT's codebook when it is one of GDELT's events tables."""
    found = named(frame)
    if found is None:
        return frame
    version, names = found
    problems.append(Problem(label, f"a GDELT {version} events table with no header: its {len(names)} columns named "
                            "as GDELT's codebook names them", None, None, "info"))
    return frame.set_axis(names, axis=1)
