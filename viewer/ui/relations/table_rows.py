"""The rows of the relations table: each relation's texts, sort keys and link, made once per dataset and only for
the rows someone looks at; and each column's sort keys over every relation as one array, so a cursor step on a big
graph sorts the rows valid then in numpy instead of making and sorting a dict per row.

A cursor step over 150,000 valid ties spent 75 ms on the UI thread listing, sorting and keeping a dict for each; it
now takes their positions, sorts them by a column of numbers, and makes the few dozen rows in sight. Never a widget.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from viewer.model import attributes, query, value_bands
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.columns import entity_names
from viewer.model.dataset import Dataset
from viewer.model.dates import to_seconds
from viewer.model.graph import short_name
from viewer.model.value_labels import value_label
from viewer.ui.shared.link_cell import safe, short_url

COLUMNS = ("Source", "Target", "Kind", "Value", "Since", "Until", "Source link")
LINK = COLUMNS.index("Source link")
BLOCK = 256  # rows made together around one asked for (a screenful and those a scroll reaches next)


def table_rows(relations: pd.DataFrame, names: dict[str, str], when: object, clock: str = CALENDAR,
               made: dict[int, dict[str, Any]] | None = None, valid: np.ndarray | None = None) -> list[dict[str, Any]]:
    """One dict per relation valid at ``when``: display texts (dates, or numbers on a numeric clock) and sort keys.
    ``made``: the rows made before for these relations, names and clock, by position (kept up to date): a row
    does not change with the date, and a cursor step on a big graph made 3,000 of them again (70 ms). ``valid``: which
    relations hold at ``when``, when the caller knows."""
    at = np.flatnonzero(query.valid_mask(relations, when) if valid is None else valid)
    return made_rows({} if made is None else made, at, relations, names, clock)


def made_rows(made: dict[int, dict[str, Any]], positions: np.ndarray, relations: pd.DataFrame, names: dict[str, str],
              clock: str) -> list[dict[str, Any]]:
    """The rows of the relations at these positions, from ``made`` (by position), made there now where missing."""
    todo = [p for p in positions.tolist() if p not in made]
    if todo:
        made.update(zip(todo, _rows(relations.iloc[todo], names, clock), strict=True))
    return [made[p] for p in positions.tolist()]


def _rows(valid: pd.DataFrame, names: dict[str, str], clock: str) -> list[dict[str, Any]]:
    """The rows of these relations. Dates are worded once per distinct value (thousands of ties share a few
    hundred), names once in all (:func:`~viewer.model.graph.short_name` remembers them)."""
    rows = []
    extra = [c for c in valid.columns if c.startswith(attributes.PREFIX)] + [c for c in ("note",) if c in valid]
    written = value_bands.written(valid)  # a band or a bound as written ("25–50%") is shown as written
    dates: dict[tuple[object, str], str] = {}

    def dated(at: object, precision: str) -> str:
        key = (at, precision)
        return dates[key] if key in dates else dates.setdefault(key, format_instant(at, precision, clock))

    since_s, until_s = (np.asarray(to_seconds(valid[c]), dtype=float) for c in ("valid_from", "valid_to"))  # (once)
    columns = ["id", "source", "target", "kind", "value", "valid_from", "valid_from_precision", "valid_to",
               "valid_to_precision", "source_url", *extra]
    listed = {c: valid[c].astype(object).tolist() if str(valid[c].dtype) == "category" else valid[c].tolist()
              for c in columns}  # (plain lists, read by position: a record dict a row cost more than its work)
    for i, as_written in enumerate(written):
        r = {c: listed[c][i] for c in columns}
        value = float(r["value"])
        since, until = r["valid_from"], r["valid_to"]
        source, target = names.get(r["source"], r["source"]), names.get(r["target"], r["target"])
        text = (short_name(source), short_name(target), str(r["kind"]).replace("_", " "),
                as_written or value_label(str(r["kind"]), value),
                dated(since, str(r["valid_from_precision"])) if pd.notna(since) else "(earlier)",
                dated(until, str(r["valid_to_precision"])) if pd.notna(until) else "(open)",
                short_url(str(r["source_url"])))
        rows.append({
            "id": str(r["id"]), "url": str(r["source_url"]), "safe": safe(str(r["source_url"])), "text": text,
            "search": " ".join([*text, source, target, *(str(r[c]) for c in extra if pd.notna(r[c]))]),
            "sort": (source.lower(), target.lower(), str(r["kind"]), -1.0 if np.isnan(value) else value,
                     -1e18 if np.isnan(since_s[i]) else float(since_s[i]),  # plain floats: Python sorts them
                     1e18 if np.isnan(until_s[i]) else float(until_s[i]), str(r["source_url"])),
        })
    return rows


class TableRows:
    """A dataset's relations as table rows: made when first asked for (by position, kept), sort keys by column."""

    def __init__(self, dataset: Dataset) -> None:
        self.dataset = dataset
        relations = dataset.relations
        self.names = entity_names(dataset.entities)
        self.ids = relations["id"].astype(str).to_numpy(dtype=object)
        self.made: dict[int, dict[str, Any]] = {}
        self._keys: dict[int, np.ndarray] = {}
        self._where: dict[str, int] | None = None

    def made_for(self, dataset: Dataset) -> bool:
        """Whether these rows are the dataset's (its relations, entities and clock are those read)."""
        mine = self.dataset
        return all(a is b for a, b in ((mine.relations, dataset.relations), (mine.entities, dataset.entities),
                                       (mine.meta, dataset.meta)))

    def rows(self, positions: np.ndarray) -> list[dict[str, Any]]:
        """The rows of the relations at these positions, made now where they were not."""
        return made_rows(self.made, positions, self.dataset.relations, self.names, self.dataset.meta.clock)

    def position(self, relation_id: str) -> int:
        """The position of a relation by its id, -1 for none."""
        if self._where is None:
            self._where = {key: at for at, key in enumerate(self.ids.tolist())}
        return self._where.get(relation_id, -1)

    def sorted(self, positions: np.ndarray, column: int, descending: bool) -> np.ndarray:
        """These positions sorted by a column, ties in the order given (as Python's stable sort keeps them); a tie
        with no value last whichever way (it sorted between -5% and 0%), as a spreadsheet puts empty cells."""
        keys = self.key(column)[positions]
        keys = -keys if descending else keys
        return positions[np.argsort(np.where(np.isnan(keys), np.inf, keys), kind="stable")]

    def key(self, column: int) -> np.ndarray:
        """Every relation's sort key in a column, as numbers (a text as its rank among the column's texts)."""
        found = self._keys.get(column)
        if found is None:
            found = self._keys[column] = _key(self.dataset.relations, self.names, COLUMNS[column])
        return found


def _key(relations: pd.DataFrame, names: dict[str, str], column: str) -> np.ndarray:
    """The sort keys :func:`_rows` gives a column, for every relation: numbers as they are, texts ranked."""
    if column == "Value":
        return relations["value"].to_numpy(dtype=float)  # (NaN: no value, put last by sorted)
    if column in ("Since", "Until"):
        seconds = np.asarray(to_seconds(relations["valid_from" if column == "Since" else "valid_to"]), dtype=float)
        return np.where(np.isnan(seconds), -1e18 if column == "Since" else 1e18, seconds)
    if column in ("Source", "Target"):
        ends = relations[column.lower()].astype(object).tolist()
        texts = [names.get(end, end).lower() for end in ends]
    else:
        texts = [str(v) for v in relations["kind" if column == "Kind" else "source_url"].astype(object).tolist()]
    _distinct, rank = np.unique(np.asarray(texts, dtype=object), return_inverse=True)
    return rank.reshape(-1).astype(float)

