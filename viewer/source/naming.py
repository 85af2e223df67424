"""A queried table's own column names read as the native fields, as the loader reads a table's.

A Parquet folder written by Spark, a DuckDB table or a warehouse's view names its columns as its makers chose
(``event_date``, ``headline``, ``actor1``), not ``start``, ``title``, ``actors``. Before, such a source was refused
("no 'start' column; expected the native columns"): only data converted by Entente could be queried in place. Now
the columns are named from :func:`viewer.io.table_mapping.guess_mapping` (names only: a source of 100M rows is not
sampled to check them), each renamed in the query (no data is read or copied), and what was taken is said.
A source that already has a ``start`` column is read as native, as before.
"""

from __future__ import annotations

from typing import Any

from viewer.io.table_mapping import guess_mapping
from viewer.model.problems import Problem

# native field → the mapping's role that feeds it
ROLES = (("start", "start"), ("end", "end"), ("title", "title"), ("description", "description"),
         ("category", "category"), ("source_url", "url"), ("id", "id"), ("tags", "tags"))


def native(table: Any) -> tuple[Any, dict[str, str]]:
    """The table with its columns renamed to the native fields they feed (``{native: column}``: what was
    renamed); as it is when it has a ``start`` column, or no column reads as one."""
    names = list(table.schema().names)
    if "start" in names:
        return table, {}
    mapping = guess_mapping(names)
    if mapping.start is None:
        return table, {}
    chosen = {field: getattr(mapping, role) for field, role in ROLES}
    if mapping.actors:
        chosen["actors"] = mapping.actors[0]
    renamed: dict[str, str] = {}
    for field, column in chosen.items():  # (a column feeding two fields feeds the first only)
        if column is not None and column != field and field not in names and column not in renamed.values():
            renamed[field] = column
    return table.rename(**renamed), renamed


def said(label: str, renamed: dict[str, str]) -> list[Problem]:
    """The note naming which column was read as which field."""
    if not renamed:
        return []
    parts = ", ".join(f"{field} from {column!r}" for field, column in renamed.items())
    return [Problem(label, f"columns read by their names: {parts} (the native names are start, end, title, "
                    "actors …)", None, None, "info")]
