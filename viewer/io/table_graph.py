"""Entities and relations made from the columns of an event table, as an import spec says.

Each entity column gives one entity per distinct value (placeholders such as "No Acquirer" give
none); each relation spec gives one relation per row whose two ends name entities, valid from the
row's date (or its ``valid_from`` column), linked to the row's event. Ids are made from names the
way :func:`viewer.model.dataset.build_dataset` makes them, so a name is one entity in every column.
Work is per distinct value, never per row in Python.
"""

from __future__ import annotations

import pandas as pd

from viewer.io.import_spec import ImportSpec
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso as date_iso
from viewer.model.problems import Problem

TEXT = pd.StringDtype("pyarrow")


def entity_ids(names: pd.Series) -> pd.Series:
    """``First Republic Bank`` → ``first_republic_bank`` (as build_dataset derives ids from names)."""
    ids = names.str.strip().str.lower().str.replace(r"\W+", "_", regex=True).str.strip("_")
    return ids.where(ids != "", names)


def _names(frame: pd.DataFrame, column: str, spec: ImportSpec) -> pd.Series:
    """A column's cells as entity names; placeholders and blanks as NA."""
    text = date_columns.clean_text(frame[column]).str.replace(r"\s+", " ", regex=True)
    uniques = pd.Series(text.dropna().unique(), dtype="object")
    dummies = {u for u in uniques if spec.is_placeholder(str(u))}
    return text.mask(text.isin(dummies)) if dummies else text


def _valid_dates(frame: pd.DataFrame, column: str | None, fallback: pd.Series, order: str | None,
                 numeric: bool) -> pd.Series:
    if column is None:
        return fallback
    if numeric:  # plain numbers: build_dataset reads them on the numeric clock
        return date_columns.clean_text(frame[column]).fillna("")
    parsed = date_columns.parse_column(frame[column], date_order=order)
    return date_iso.to_iso(parsed.instants, parsed.precisions)


def build(frame: pd.DataFrame, spec: ImportSpec, event_ids: pd.Series, starts: pd.Series, label: str,
          date_order: str | None = None, numeric: bool = False
          ) -> tuple[pd.DataFrame | None, pd.DataFrame | None, pd.Series, list[Problem]]:
    """Entities, relations, each row's extra actors (``;``-joined ids) and problems, for the kept rows.

    ``event_ids`` and ``starts`` (ISO at precision, or numbers when ``numeric``) are the rows' events,
    index-aligned with ``frame``.
    """
    problems: list[Problem] = []
    actors = pd.Series("", index=frame.index, dtype=TEXT)
    if not spec.entities and not spec.relations:
        return None, None, actors, problems
    kinds = {e.column: e.kind for e in spec.entities}
    for relation in spec.relations:
        kinds.setdefault(relation.source, "organisation")
        kinds.setdefault(relation.target, "organisation")
    names = {column: _names(frame, column, spec) for column in kinds}
    records = []
    for column, kind in kinds.items():
        found = names[column].dropna().drop_duplicates()
        records.append(pd.DataFrame({"id": entity_ids(found).astype("object"), "name": found.astype("object"),
                                     "kind": kind}))
        skipped = int((names[column].isna() & date_columns.clean_text(frame[column]).notna()).sum())
        if skipped:
            problems.append(Problem(label, f"{skipped:,} cells are placeholders (such as "
                                    f"{_example(frame[column], names[column])!r}); no entity made for them", None,
                                    column, "info"))
        ids = entity_ids(names[column]).fillna("")
        actors = actors + ";" + ids.astype(TEXT)
    entities = pd.concat(records, ignore_index=True).drop_duplicates("id", keep="first")
    relation_frames = []
    for number, relation in enumerate(spec.relations, start=1):
        source, target = entity_ids(names[relation.source]), entity_ids(names[relation.target])
        both = (source.notna() & target.notna()).to_numpy(dtype=bool)
        value = (date_columns.clean_text(frame[relation.value]).fillna("") if relation.value
                 else pd.Series("", index=frame.index, dtype=TEXT))
        relation_frames.append(pd.DataFrame({
            "id": (event_ids.astype(TEXT) + f"/{relation.kind}" + ("" if number == 1 else f"{number}"))[both],
            "source": source[both], "target": target[both], "kind": relation.kind, "value": value[both],
            "valid_from": _valid_dates(frame, relation.valid_from, starts, date_order, numeric)[both],
            "valid_to": (_valid_dates(frame, relation.valid_to, starts, date_order, numeric)[both] if relation.valid_to
                         else ""),
            "event": event_ids[both],
        }).astype("object"))
    relations = pd.concat(relation_frames, ignore_index=True) if relation_frames else None
    return entities, relations, actors.str.replace(r"^;+|;+$", "", regex=True).str.replace(r";{2,}", ";",
                                                                                             regex=True), problems


def _example(raw: pd.Series, names: pd.Series) -> str:
    cells = date_columns.clean_text(raw)
    dropped = cells[names.isna() & cells.notna()]
    return str(dropped.iloc[0]) if len(dropped) else ""


def placeholder_values(values: pd.Series, min_count: int = 2) -> list[str]:
    """Values of a name column that look like "none of them" ("No Acquirer", "None", "N/A") and repeat."""
    text = date_columns.clean_text(values).dropna()
    counts = text.value_counts()
    pattern = r"(?i)^(no|none|nil|without|unknown|n/?a)\b.*"
    hits = counts[counts.index.to_series().str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool)]
    return [str(v) for v, n in hits.items() if n >= min_count and len(str(v)) <= 40]

