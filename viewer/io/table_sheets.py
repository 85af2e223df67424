"""A workbook's sheets that continue one another: a chronology kept as a sheet a year ("2018", "2019" …) under the
same header row is one table. Before, only the first sheet was read and the others' rows were lost without a word;
now they are joined, and any other sheet that holds something is named as not read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import cameo_tables, sqlite, table_intervals, wide_years
from viewer.io.table_mapping import Mapping, column_key
from viewer.io.table_read import Raw, load_raw, sheet_names
from viewer.model.problems import LoadError, Problem

Read = Callable[..., Raw]
MappingOf = Callable[[pd.DataFrame, dict[str, Any], str], Mapping]


def dated(path: Path, options: dict[str, Any], label: str, rows: int | None, mapping_of: MappingOf
          ) -> tuple[Raw, Mapping]:
    """The table as read and its mapping. A workbook whose first sheet has no date column is read from the
    first sheet that has one (a sheet of notes often comes first), unless a sheet is named; a SQLite
    database's tables likewise, after one called events. A workbook's sheets of the same columns are one table."""
    try:
        raw, opened = wide_years.longer(table_intervals.split(load_raw(path, options, nrows=rows), label), label), None
    except LoadError as refused:  # an empty first sheet (a workbook's cover, a database's unused table)
        raw, opened = _past_empty(path, options, label, rows, refused)
    raw = _described(raw, label)
    chosen = options.get("title") or None
    if chosen is not None and chosen not in raw.frame.columns:  # the column dialog hands back what its preview made
        with_full_names(raw, chosen)
    mapping = mapping_of(raw.frame, options, label)
    mapping = full_names(raw, mapping) if chosen is None else mapping
    database = raw.encoding == "sqlite"
    if options.get("sheet") or raw.encoding not in ("sqlite", "xlsx", "html", "document") or (
            mapping.start is not None and (raw.encoding != "xlsx" or rows is not None)):
        return raw, mapping
    sheets = sheet_names(path)
    first = opened or (sqlite.first_table(sheets) if database else sheets[0] if sheets else None)
    if mapping.start is not None:
        return _with_sheets(path, options, raw, first, sheets, label, rows), mapping
    for sheet in (name for name in sheets if name != first):
        try:
            other = table_intervals.split(load_raw(path, {**options, "sheet": sheet}, nrows=rows), label)
        except LoadError:
            continue  # an empty sheet
        found = mapping_of(other.frame, options, label)
        if found.start is not None:
            kind, whole = {"sqlite": ("table", "database's tables"), "html": ("table", "page's tables"),
                           "document": ("part", "document's parts")}.get(raw.encoding, ("sheet", "workbook's sheets"))
            other.problems.append(Problem(label, f"read the {kind} {sheet!r}, the first with a date column (the "
                                          f"{whole}: {', '.join(sheets)})", None, None, "info"))
            return _with_sheets(path, options, other, sheet, sheets, label, rows), found
    return raw, mapping


def _past_empty(path: Path, options: dict[str, Any], label: str, rows: int | None, refused: LoadError
                ) -> tuple[Raw, str]:
    """The first sheet (or table) that holds rows, when the one read first held none, and its name; else the
    refusal stands. Before, a workbook whose first sheet is empty was refused as holding "no rows"."""
    if options.get("sheet"):
        raise refused
    sheets = sheet_names(path)
    for sheet in sheets[1:]:
        try:
            raw = table_intervals.split(load_raw(path, {**options, "sheet": sheet}, nrows=rows), label)
        except LoadError:
            continue
        kind = "table" if raw.encoding == "sqlite" else "sheet"
        raw.problems.append(Problem(label, f"the first {kind} holds nothing: read {sheet!r}, the first that does "
                                    f"(the {kind}s: {', '.join(sheets)})", None, None, "info"))
        return wide_years.longer(raw, label), sheet
    raise refused


def _with_sheets(path: Path, options: dict[str, Any], raw: Raw, chosen: str | None, sheets: list[str], label: str,
                 rows: int | None) -> Raw:
    """A workbook's sheet joined with its others of the same columns; a preview, a database's table, a page's or a
    document's part as read (a page's and a document's tables of one header are joined as they are read)."""
    if raw.encoding != "xlsx" or rows is not None or chosen is None or len(sheets) < 2:
        return raw
    return joined(path, options, raw, chosen, sheets, label)


def joined(path: Path, options: dict[str, Any], raw: Raw, chosen: str, sheets: list[str], label: str,
           read: Read = load_raw) -> Raw:
    """The ``chosen`` sheet as read, with every other sheet of the same columns (in the workbook's order), and a
    note of what was joined and of the sheets left unread."""
    parts: list[tuple[str, Raw]] = []
    unread: list[str] = []
    for name in sheets:
        if name == chosen:
            parts.append((name, raw))
            continue
        try:
            other = read(path, {**options, "sheet": name})
        except LoadError:
            continue  # an empty sheet
        if raw.header and other.header and _alike(list(raw.frame.columns), list(other.frame.columns)):
            parts.append((name, other))
        elif not other.frame.empty:
            unread.append(name)
    said = list(raw.problems)
    if len(parts) > 1:
        frame = pd.concat([part.frame for _name, part in parts], ignore_index=True)  # (by name, in any order)
        frame = frame.astype("object").where(frame.notna(), "") if frame.isna().to_numpy().any() else frame
        raw = Raw(frame, raw.encoding, raw.delimiter, raw.header, said, np.concatenate([part.rows for _name, part
                                                                                         in parts]))
        said.append(Problem(label, f"read the sheets {', '.join(repr(name) for name, _part in parts)} as one table "
                            "(the same columns, in any order, or a few more); each row is numbered as its sheet "
                            "numbers it", None, None, "info"))
    if unread:
        said.append(Problem(label, f"the sheet{'s' if len(unread) > 1 else ''} "
                            f"{', '.join(repr(name) for name in unread)} {'were' if len(unread) > 1 else 'was'} not "
                            "read (other columns): name one with --table, or sheet= in Python", None, None, "info"))
    return raw


def _alike(chosen: list[object], other: list[object]) -> bool:
    """Whether a sheet's columns are the chosen sheet's, in any order, or those with a few more or fewer (a sheet a
    year, one year's with a column of notes): such a sheet was left unread, its rows missing from the timeline.

    >>> _alike(["Date", "Title"], ["Title", "Date"]), _alike(["Date", "Title"], ["Date", "Title", "Notes"])
    (True, True)
    >>> _alike(["Date", "Title"], ["Name", "Role"]), _alike(["Date", "Title", "Who"], ["Date", "Other", "Else"])
    (False, False)
    """
    if len(set(chosen)) != len(chosen) or len(set(other)) != len(other):  # (a name written twice: as it stands)
        return chosen == other
    shared = set(chosen) & set(other)
    return (set(chosen) <= set(other) or set(other) <= set(chosen)) and len(shared) >= max(2, len(chosen) - 2) \
        and abs(len(chosen) - len(other)) <= 2


def raw_table(path: Path, options: dict[str, Any], nrows: int | None = None) -> tuple[pd.DataFrame, bool]:
    """A table file's cells as strings with column names (``column1`` … without a header), and the header flag;
    its first ``nrows`` rows only, when given."""
    raw = table_intervals.split(load_raw(path, options, nrows), str(path))
    return raw.frame, raw.header


GIVEN = ("firstname", "givenname", "forename", "forenames", "vorname", "prénom", "prenom", "nombre", "nome",
         "voornaam", "imię", "imie", "имя")
FAMILY = ("lastname", "surname", "familyname", "nachname", "nom", "apellido", "apellidos", "cognome", "achternaam",
          "nazwisko", "фамилия")


def full_names(raw: Raw, mapping: Mapping) -> Mapping:
    """A table of people whose title would be a first name (LinkedIn's ``First Name``, ``Last Name``): a column
    ``Name`` of both, written as people write them, is added and is the title; the two stay as they are."""
    parts = _name_parts(raw)
    if parts is None or mapping.title not in (None, *parts):
        return mapping
    name = next(n for n in ("Name", "Full name", "Full name (Entente)") if n not in raw.frame.columns)
    with_full_names(raw, name)
    return replace(mapping, title=name)


def with_full_names(raw: Raw, name: str) -> None:
    """The column ``name`` of first and last names added to the table, when it has a column of each."""
    parts = _name_parts(raw)
    if parts is not None:
        given, family = (raw.frame[column].fillna("").astype(str).str.strip() for column in parts)
        raw.frame[name] = (given + " " + family).str.strip()


def _name_parts(raw: Raw) -> tuple[str, str] | None:
    """The table's column of first names and its column of last names, or None."""
    keys = {column_key(str(column)): str(column) for column in raw.frame.columns}
    given = next((keys[key] for key in GIVEN if key in keys), None)
    family = next((keys[key] for key in FAMILY if key in keys), None)
    return None if given is None or family is None else (given, family)


def _described(raw: Raw, label: str) -> Raw:
    """The table with the columns a known source's rows are told by (GDELT's and ICEWS' events: a title and a type)."""
    said: list[Problem] = []
    frame = cameo_tables.described(raw.frame, label, said)
    return raw if frame is raw.frame else replace(raw, frame=frame, problems=raw.problems + said)
