"""Statistics packages' data files: SPSS (``.sav``, ``.zsav``, ``.por``), Stata (``.dta``) and SAS
(``.sas7bdat``, ``.xpt``), as survey, conflict and census data are shared (UCDP, ACLED, DHS, …).

They are read with pyreadstat (ReadStat, in C) in a **process of its own**: a damaged file can stop the
process that reads it (a byte-flipped ``.sav`` did, in fuzzing), so only the table comes back, and if that
process dies the file is refused by name while Entente keeps running. A date format pyreadstat does not know
(Stata's ``%tdnn/dd/CCYY``) is named to it, and a date it cannot convert (past year 9999) is converted here.
Dates come back as dates (SPSS ``DATE``/``DATETIME``, Stata ``%td``/``%tc``, SAS ``DATE9.``…), value labels
as their text (``1`` → "Battles"), and each change of reading (another encoding, dates converted here) is said.
"""

from __future__ import annotations

import io
import pickle
import re
import subprocess
import sys
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import child, compressed
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

KINDS = {".sav": "SPSS", ".zsav": "SPSS", ".por": "SPSS portable", ".dta": "Stata", ".sas7bdat": "SAS",
         ".xpt": "SAS transport"}
SUFFIXES = tuple(KINDS)
READERS = {".sav": "read_sav", ".zsav": "read_sav", ".por": "read_por", ".dta": "read_dta",
           ".sas7bdat": "read_sas7bdat", ".xpt": "read_xport"}
MAGIC = {b"$FL2": ".sav", b"$FL3": ".zsav", b"<stata_dta>": ".dta", b"HEADER RECORD*******LIBRARY": ".xpt",
         b"\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\x00\xc2\xea\x81\x60\xb3\x14\x11\xcf": ".sas7bdat"}
LABELLED = (".sav", ".zsav", ".por", ".dta")  # readers that take value labels (SAS keeps them in a catalog)
ENCODED = (".sav", ".zsav", ".dta", ".sas7bdat", ".xpt")  # readers that take an encoding
FALLBACK_ENCODING = "WINDOWS-1252"
CHILD_ENV = "ENTENTE_READ_STAT_FILE"  # set: the bundle's binary is a reading child (packaging/launcher.py)


def suffix_of(path: Path, head: bytes = b"") -> str | None:
    """The statistics format of a file, by its name (inside any compression) or its first bytes; None if neither."""
    suffix = compressed.inner_suffix(path)
    if suffix in KINDS:
        return suffix
    return next((kind for magic, kind in MAGIC.items() if head.startswith(magic)), None)


def is_stat_file(path: Path) -> bool:
    """Whether a file is one of these formats, by its name or its first bytes."""
    return suffix_of(path, _head(path)) is not None


def read_frame(path: Path, nrows: int | None = None) -> tuple[pd.DataFrame, list[Problem]]:
    """The file's table (its first ``nrows`` rows, if given) and what was said reading it, read by a child
    process: this one keeps running whatever the file does to ReadStat."""
    suffix = suffix_of(path, _head(path)) or compressed.inner_suffix(path)
    kind = KINDS.get(suffix, "statistics")
    with tempfile.TemporaryDirectory(prefix="entente-read-") as folder:
        out = Path(folder) / "table.pickle"
        command, env = child.command(__name__, CHILD_ENV, [str(path), suffix, str(nrows or 0), str(out)])
        done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, check=False)
        if done.returncode < 0:  # ended by a signal: the file broke ReadStat
            raise LoadError(f"{path}: a damaged {kind} file: its reader stopped on it (signal {-done.returncode}); "
                            f"expected the file as {kind} writes it ({suffix})")
        if done.returncode != 0 or not out.is_file():  # the child failed otherwise: its last word says why
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise LoadError(f"{path}: the {kind} reader failed (exit code {done.returncode}"
                            f"{': ' + said[-1] if said else ''}); expected the file as {kind} writes it ({suffix})")
        answer = pickle.loads(out.read_bytes())
    if isinstance(answer, str):
        raise LoadError(f"{path}: not a readable {kind} file ({answer}); expected the file as {kind} writes it "
                        f"({suffix})")
    frame, notes = answer
    return frame, [Problem(str(path), text, None, None, level) for level, text in notes]


def child_main() -> None:
    """The child's side: read the file named on the command line and leave what was read (or why not) where
    the parent waits for it."""
    path, suffix, nrows, out = sys.argv[-4:]
    answer = read_here(path, suffix, int(nrows))
    Path(out).write_bytes(pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL))


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(64)
    except OSError:
        return b""


def read_here(path: str, suffix: str, nrows: int) -> tuple[pd.DataFrame, list[tuple[str, str]]] | str:
    """Read in this process (the child's side of :func:`read_frame`): the frame and notes, or what went wrong."""
    import pyreadstat  # noqa: PLC0415 - loaded in the child only

    reader = getattr(pyreadstat, READERS.get(suffix, "read_sav"))
    source: Any = path
    if compressed.compression(Path(path)) is not None:
        source = io.BytesIO(compressed.read_bytes(Path(path)))
    options: dict[str, Any] = {"dates_as_pandas_datetime": True, "row_limit": nrows}
    if suffix in LABELLED:
        options.update(apply_value_formats=True, formats_as_category=False)
    error = ""
    formats: dict[str, str] = {}
    try:
        formats = {str(k): str(v or "") for k, v in reader(_rewound(source), metadataonly=True)[1]
                   .original_variable_types.items()}
    except Exception as exc:  # ReadStat's errors and Python's: never out of the child
        if isinstance(exc, MemoryError):
            raise
        error = _said(exc)
    if suffix == ".dta":  # Stata's %tdnn/dd/CCYY, %tcDDmonCCYY_HH:MM:SS: dates pyreadstat leaves as numbers
        options.update(extra_date_formats=sorted({f for f in formats.values() if _kind(f, suffix) == "date"}),
                       extra_datetime_formats=sorted({f for f in formats.values() if _kind(f, suffix) == "datetime"}))
    attempts = [options, *([{**options, "encoding": FALLBACK_ENCODING}] if suffix in ENCODED else []),
                {**_without(options, "dates_as_pandas_datetime", "extra_date_formats", "extra_datetime_formats"),
                 "disable_datetime_conversion": True}]  # (with dates_as_pandas_datetime pyreadstat fails)
    for attempt in attempts:
        try:
            with warnings.catch_warnings(record=True) as said:
                warnings.simplefilter("always")
                frame, meta = reader(_rewound(source), **attempt)
        except Exception as exc:  # as above
            if isinstance(exc, MemoryError):
                raise
            error = error or _said(exc)
            continue
        notes = [("warning", str(w.message)) for w in said if "duplicated" in str(w.message)]
        if "encoding" in attempt:
            notes.append(("warning", f"text that is not in the file's declared encoding; read as {FALLBACK_ENCODING}"))
        if attempt.get("disable_datetime_conversion"):
            frame = _dates_by_hand(frame, formats, suffix)
            notes.append(("warning", f"a date the reader cannot convert ({error}); date columns converted by Entente"))
        labelled = sorted(set(getattr(meta, "variable_value_labels", {}) or {}) & set(frame.columns))
        if labelled:
            names = ", ".join(labelled[:6]) + (" …" if len(labelled) > 6 else "")
            notes.append(("info", f"value labels shown as text in {counted(len(labelled), 'column')} ({names})"))
        return frame, notes
    return error or "nothing read"


def _without(options: dict[str, Any], *names: str) -> dict[str, Any]:
    return {k: v for k, v in options.items() if k not in names}


def _rewound(source: Any) -> Any:
    if hasattr(source, "seek"):
        source.seek(0)
    return source


def _said(exc: Exception) -> str:
    first = str(exc).splitlines()[0] if str(exc) else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


# the formats each package dates with (pyreadstat's lists, read by the format's letters, without its width)
SAS_DATES = ("WEEKDATE", "MMDDYY", "DDMMYY", "YYMMDD", "DATE", "DDMMYYB", "DDMMYYC", "DDMMYYD", "DDMMYYN", "DDMMYYP",
             "DDMMYYS", "MMDDYYB", "MMDDYYC", "MMDDYYD", "MMDDYYN", "MMDDYYP", "MMDDYYS", "WEEKDATX", "DTDATE",
             "IS8601DA", "E8601DA", "B8601DA", "YYMMDDB", "YYMMDDD", "YYMMDDN", "YYMMDDP", "YYMMDDS")
SAS_DATETIMES = ("DATETIME", "E8601DT", "DATEAMPM", "MDYAMPM", "IS8601DT", "B8601DT", "B8601DN")
SPSS_DATES = ("DATE", "ADATE", "EDATE", "JDATE", "SDATE")
SPSS_DATETIMES = ("DATETIME", "YMDHMS")
# what one unit of each is, in microseconds, and where each counts from
UNITS = {("stata", "date"): 86_400_000_000, ("stata", "datetime"): 1_000, ("sas", "date"): 86_400_000_000,
         ("sas", "datetime"): 1_000_000, ("spss", "date"): 1_000_000, ("spss", "datetime"): 1_000_000}
ORIGINS = {"stata": np.datetime64("1960-01-01", "us"), "sas": np.datetime64("1960-01-01", "us"),
           "spss": np.datetime64("1582-10-14", "us")}


def _family(suffix: str) -> str:
    return "stata" if suffix == ".dta" else "sas" if suffix in (".sas7bdat", ".xpt") else "spss"


def _kind(fmt: str, suffix: str) -> str | None:
    """"date", "datetime" or None (a number, or a time of day) for a column's display format."""
    family = _family(suffix)
    if family == "stata":
        bare = fmt.lstrip("%-")
        if bare.startswith(("td", "d")):
            return "date"
        if bare.startswith(("tc", "tC")) and not re.fullmatch(r"t[cC]HH:MM(:SS)?(\.s+)?", bare):
            return "datetime"
        return None
    letters = re.match(r"[A-Z][A-Z0-9]*[A-Z]", fmt.upper())
    name = letters.group(0) if letters else ""
    dates, datetimes = (SAS_DATES, SAS_DATETIMES) if family == "sas" else (SPSS_DATES, SPSS_DATETIMES)
    return "date" if name in dates else "datetime" if name in datetimes else None


def _dates_by_hand(frame: pd.DataFrame, formats: dict[str, str], suffix: str) -> pd.DataFrame:
    """Date columns the reader could not convert (a date past year 9999 stops it), converted in numpy: each value
    from its package's origin in its unit; what is past numpy's range (±290,000 years) is missing."""
    family = _family(suffix)
    for column, fmt in formats.items():
        kind = _kind(fmt, suffix)
        if kind is None or column not in frame.columns or not pd.api.types.is_numeric_dtype(frame[column]):
            continue
        values = frame[column].to_numpy(dtype=float) * UNITS[(family, kind)]
        fits = np.isfinite(values) & (np.abs(values) < 2**62)
        micros = np.where(fits, values, 0).astype(np.int64)
        frame[column] = pd.Series(np.where(fits, ORIGINS[family] + micros.astype("timedelta64[us]"),
                                           np.datetime64("NaT", "us")), index=frame.index)
    return frame
