"""Entities and relations made from the columns of an event table, as an import spec says.

Each entity column gives one entity per distinct value (placeholders such as "No Acquirer" give
none); each relation spec gives one relation per row whose two ends name entities, valid from the
row's date (or its ``valid_from`` column), linked to the row's event. Ids are made from names the
way :func:`viewer.model.dataset.build_dataset` makes them, so a name is one entity in every column.
Work is per distinct value, never per row in Python.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from viewer.io.import_spec import ImportSpec, RelationColumns
from viewer.model import entity_kinds, value_numbers
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso as date_iso
from viewer.model.problems import Problem
from viewer.model.value_labels import is_share

TEXT = pd.StringDtype("pyarrow")


@dataclass
class Graph:
    """What a table's entity and relation columns make: entities and relations (None without a spec's), each row's
    extra actors (``;``-joined ids), problems, and each row's first tie in words ("Renault → Nissan (36.8%)")."""

    entities: pd.DataFrame | None
    relations: pd.DataFrame | None
    actors: pd.Series
    problems: list[Problem]
    said: pd.Series
    names: dict[str, str] = field(default_factory=dict)  # a relation field → the table's column (problems say it)


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


# a kind as people write it → the house's kind, drawn in its style ("Equity stake" is already equity_stake)
HOUSE_KINDS = {**dict.fromkeys(("stake", "equity", "shareholding", "shareholder", "shares"), "equity_stake"),
               "jv": "joint_venture", **dict.fromkeys(("partner", "partners", "alliance"), "partnership"),
               **dict.fromkeys(("ceo", "chair", "chairman", "chairwoman", "chairperson", "president", "director",
                                "leader", "leads", "head"), "leadership")}


def _kinds(frame: pd.DataFrame, relation: RelationColumns) -> pd.Series:
    """Each row's relation kind: its ``kinds`` cell in snake case ("Equity stake" is the house's ``equity_stake``,
    and so is "stake"), else the spec's kind."""
    if relation.kinds is None:
        return pd.Series(relation.kind, index=frame.index, dtype="object")
    written = date_columns.clean_text(frame[relation.kinds]).str.lower()
    snake = written.str.replace(r"[\s\-/]+", "_", regex=True).str.strip("_").replace(HOUSE_KINDS)
    return snake.mask(snake == "").fillna(relation.kind).astype("object")


def _as_read(written: pd.Series, kinds: pd.Series) -> pd.Series:
    """A tie's values as its label shows them: shares written as fractions of one as percentages, the others as
    written."""
    written = written.astype(TEXT)
    kinds = pd.Categorical(kinds)  # (asked per distinct kind, not per row)
    shares = np.asarray([is_share(str(k)) for k in kinds.categories], dtype=bool)[kinds.codes]
    if not shares.any():
        return written
    value = value_numbers.read(written, shares)[0]
    if not value_numbers.fractions_of_one(value, written, shares):
        return written
    percent = (value * 100).map(lambda v: "" if pd.isna(v) else f"{v:g}%").astype(TEXT)
    return written.where(value.isna() | ~shares, percent)


def _valid_dates(frame: pd.DataFrame, column: str | None, fallback: pd.Series, order: str | None,
                 numeric: bool) -> pd.Series:
    if column is None:
        return fallback
    if numeric:  # plain numbers: build_dataset reads them on the numeric clock
        return date_columns.clean_text(frame[column]).fillna("")
    parsed = date_columns.parse_column(frame[column], date_order=order)
    return date_iso.to_iso(parsed.instants, parsed.precisions)


def build(frame: pd.DataFrame, spec: ImportSpec, event_ids: pd.Series, starts: pd.Series, label: str,
          date_order: str | None = None, numeric: bool = False, lines: np.ndarray | None = None
          ) -> Graph:
    """Entities, relations, each row's extra actors, problems and first tie in words, for the kept rows.

    ``event_ids`` and ``starts`` (ISO at precision, or numbers when ``numeric``) are the rows' events,
    index-aligned with ``frame``; ``lines``, their lines in the file, are each relation's ``line`` (what a problem
    with it names).
    """
    problems: list[Problem] = []
    actors = pd.Series("", index=frame.index, dtype=TEXT)
    if not spec.entities and not spec.relations:
        return Graph(None, None, actors, problems, pd.Series("", index=frame.index, dtype=TEXT))
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
            cells = "1 cell is a placeholder" if skipped == 1 else f"{skipped:,} cells are placeholders"
            problems.append(Problem(label, f"{cells} (such as {_example(frame[column], names[column])!r}); no entity "
                                    f"made for {'it' if skipped == 1 else 'them'}", None, column, "info"))
        ids = entity_ids(names[column]).fillna("")
        actors = actors + ";" + ids.astype(TEXT)
    entities = pd.concat(records, ignore_index=True).drop_duplicates("id", keep="first")
    relation_frames = []
    said = pd.Series("", index=frame.index, dtype=TEXT)  # each row's first tie in words, for untitled rows
    for number, relation in enumerate(spec.relations, start=1):
        source, target = entity_ids(names[relation.source]), entity_ids(names[relation.target])
        both = (source.notna() & target.notna()).to_numpy(dtype=bool)
        value = (date_columns.clean_text(frame[relation.value]).fillna("") if relation.value
                 else pd.Series("", index=frame.index, dtype=TEXT))
        kind = _kinds(frame, relation)
        relation_frames.append(pd.DataFrame({
            "id": (event_ids.astype(TEXT) + f"/{relation.kind}" + ("" if number == 1 else f"{number}"))[both],
            "source": source[both], "target": target[both], "kind": kind[both], "value": value[both],
            "valid_from": _valid_dates(frame, relation.valid_from, starts, date_order, numeric)[both],
            "valid_to": (_valid_dates(frame, relation.valid_to, starts, date_order, numeric)[both] if relation.valid_to
                         else ""),
            "event": event_ids[both],
        }).astype("object"))
        if lines is not None:
            relation_frames[-1]["line"] = np.asarray(lines)[both]
        if relation.value:  # a register of values: each row with no end of its own ends at the next one
            relation_frames[-1] = _superseded(relation_frames[-1], numeric)
        if number == 1:
            tie = names[relation.source] + " \u2192 " + names[relation.target]
            shown = _as_read(value, kind)  # (a register's 0.75 is its 75%, as the tie is drawn)
            said = tie.where(shown == "", tie + " (" + shown + ")").fillna("").astype(TEXT)
    relations = pd.concat(relation_frames, ignore_index=True) if relation_frames else None
    ids = entities["id"].astype(str)
    entities["kind"] = entity_kinds.guessed(entities["name"], entities["kind"],
                                            ids.isin(entity_kinds.held_ids(relations)),
                                            ids.isin(entity_kinds.leader_ids(relations)))
    actors = actors.str.replace(r"^;+|;+$", "", regex=True).str.replace(r";{2,}", ";", regex=True)
    return Graph(entities, relations, actors, problems, said, _own_names(spec))


def _own_names(spec: ImportSpec) -> dict[str, str]:
    """Each relation field the spec's ties all read from one column, by that column's name (a tie with no
    ``valid_from`` column starts with its row's event)."""
    found: dict[str, set[str | None]] = {}
    for relation in spec.relations:
        for name, column in (("source/target", f"{relation.source}/{relation.target}"),
                             ("valid_from", relation.valid_from or spec.start), ("valid_to", relation.valid_to),
                             ("value", relation.value), ("kind", relation.kinds)):
            found.setdefault(name, set()).add(column)
    names = {}
    for name, columns in found.items():
        column = columns.pop() if len(columns) == 1 else None
        if column is not None and column != name:
            names[name] = column
    return names


def _superseded(relations: pd.DataFrame, numeric: bool) -> pd.DataFrame:
    """Rows valuing one tie (a register of stakes: 36.8% in 1999, 44.4% in 2002) each valid until the next row of
    the same two parties and kind, in time order, unless it writes its own end; the last stays open. Before, every
    row stayed open, and the graph drew each stake ever held side by side."""
    if len(relations) < 2:
        return relations
    written = relations["valid_from"].astype(str)
    at = (pd.to_numeric(written, errors="coerce") if numeric
          else pd.to_datetime(written, format="ISO8601", errors="coerce", utc=True))
    rows = pd.DataFrame({"source": relations["source"], "target": relations["target"], "kind": relations["kind"],
                         "at": at, "written": written}).dropna(subset=["at"]).sort_values("at", kind="stable")
    pairs = rows.groupby(["source", "target", "kind"], sort=False)  # (a stake does not end a partnership)
    following, following_at = pairs["written"].shift(-1), pairs["at"].shift(-1)
    later = ((following_at > rows["at"]).fillna(False).to_numpy(dtype=bool)  # (two rows of one date: both stay)
             & (relations.loc[rows.index, "valid_to"].astype(str) == "").to_numpy(dtype=bool))  # (a written end ends)
    out = relations.copy()
    out.loc[rows.index[later], "valid_to"] = following[later].to_numpy()
    return out


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

