"""Where a JSON document keeps its records, in the shapes APIs and tools hand them out:

- a list of objects, or one under a key (``data``, ``records``, ``events``, ``items``, ``results`` …), also
  one or two objects deep (``{"results": {"items": [...]}}``, Elasticsearch's ``{"hits": {"hits": [...]}}``,
  whose ``_source`` objects are the records);
- GeoJSON (``FeatureCollection``, as USGS's earthquake feeds and mapping tools export events): each feature's
  ``properties``, its ``id``, and a point's ``longitude``, ``latitude`` (and ``altitude``) as columns;
- SPARQL query results (``{"head": {"vars": …}, "results": {"bindings": …}}``, as Wikidata's query service
  downloads them): each binding's ``value``;
- records kept by their id (``{"-Nx1": {"date": …}, …}``, as Firebase exports a collection), the key as ``id``;
- rows as lists under a row of names (Google Sheets' ``values``), and pandas' ``to_json`` as ``split`` or as
  its default ``columns`` (each column a map of row numbers to values);
- columns as lists of one length (R's jsonlite, SEC EDGAR's ``filings.recent``);
- records wrapped one level (``{"officer": {...}}``, JSON:API's ``attributes``), a HAR capture's requests, a
  tree of bookmarks: :mod:`viewer.io.record_shapes`.

Before, each of these was refused as "JSON that Entente does not recognise".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pandas as pd

from viewer.io import record_nesting, record_shapes
from viewer.io.table_mapping import guess_mapping
from viewer.model.dates.header_row import has_header

KEYS = ("data", "records", "events", "items", "results", "rows", "entries", "hits", "features", "objects", "values")
DEPTH = 3  # objects looked into for a list of records


def _objects(value: object) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _dated(records: list[dict[str, Any]]) -> bool:
    """Whether the first records name a column as a date, as a table's header would (``date``, ``due``, ``created``)."""
    return _names_dated(tuple(dict.fromkeys(str(key) for record in record_shapes.unwrapped(records[:20])
                                            for key in record)))


@lru_cache(maxsize=1024)
def _names_dated(names: tuple[str, ...]) -> bool:
    """(Asked once per set of names: 5,000 chats of one shape in a document took 5 s.)"""
    return guess_mapping(list(names)).start is not None


def headerless(value: object) -> bool:
    """Whether rows as lists start with a row of data, not of names (pandas' ``orient="values"``, a script's
    ``json.dump(rows)``): its first row was taken for the names, and lost. Told as a delimited table's first row is
    (:func:`has_header`: a date in it is data).

    >>> headerless([["2020-01-01", "Deal", "Acme"], ["2020-01-02", "Sale", "Beta"]])
    True
    >>> headerless([["date", "title"], ["2020-01-01", "Deal"]]), headerless([["a", 1]]), headerless([[1, 2], [3, 4]])
    (False, False, False)
    """
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(row, list) and row for row in value):
        return False
    if not any(isinstance(cell, str) for cell in value[0]):  # (numbers alone, a matrix or points: no table of events)
        return False
    head = value[:HEADER_LOOK]
    width = max(len(row) for row in head)  # (rows of unlike lengths padded: pandas will refuse them)
    return not has_header(pd.DataFrame([[None if isinstance(c, dict | list) else c for c in row]
                                        + [None] * (width - len(row)) for row in head]))


HEADER_LOOK = 21  # rows a first row is told by


def _header_rows(value: object) -> list[dict[str, Any]] | None:
    """Rows as lists under a first row of names (Google Sheets' ``values``, pandas' ``orient="values"`` with a
    header), as records; rows as lists with no such row, as records of ``column1``, ``column2`` …"""
    if not isinstance(value, list) or len(value) < 2 or not all(isinstance(row, list) for row in value):
        return None
    if headerless(value):
        names = [f"column{i + 1}" for i in range(max(len(row) for row in value))]
        return [dict(zip(names, row, strict=False)) for row in value]
    names = value[0]
    if not names or not all(isinstance(name, str) and name.strip() for name in names):
        return None
    return [dict(zip(names, row, strict=False)) for row in value[1:]]


def _split(document: dict[str, Any]) -> list[dict[str, Any]] | None:
    """pandas' ``to_json(orient="split")``: ``{"columns": [...], "data": [[...], ...]}``."""
    names, data = document.get("columns"), document.get("data")
    if not (isinstance(names, list) and names and all(isinstance(n, str) for n in names)
            and isinstance(data, list) and all(isinstance(row, list) for row in data) and data):
        return None
    return [dict(zip(names, row, strict=False)) for row in data]


def _columns(document: dict[str, Any]) -> list[dict[str, Any]] | None:
    """pandas' default ``to_json()`` (``orient="columns"``): each column a map of row numbers to values."""
    columns = list(document.values())
    if not columns or not all(isinstance(c, dict) and c for c in columns):
        return None
    rows = list(columns[0])
    if not all(str(key).lstrip("-").isdigit() for key in rows) or any(list(c) != rows for c in columns[1:]):
        return None
    return [{name: column[row] for name, column in document.items()} for row in rows]


def _geojson(document: dict[str, Any]) -> list[dict[str, Any]] | None:
    features = document.get("features")
    if document.get("type") != "FeatureCollection" or not isinstance(features, list) or not _objects(features):
        return None
    rows = []
    for feature in features:
        properties = feature.get("properties")
        row = dict(properties) if isinstance(properties, dict) else {}
        if "id" in feature and "id" not in row:
            row["id"] = feature["id"]
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") == "Point":
            place = geometry.get("coordinates")
            if isinstance(place, list) and len(place) >= 2:
                row.setdefault("longitude", place[0])
                row.setdefault("latitude", place[1])
                if len(place) > 2:
                    row.setdefault("altitude", place[2])  # (GeoJSON's third coordinate; USGS writes depth there)
        rows.append(row)
    return rows


def _sparql(document: dict[str, Any]) -> list[dict[str, Any]] | None:
    results, head = document.get("results"), document.get("head")
    if not isinstance(results, dict) or not isinstance(head, dict) or not _objects(results.get("bindings")):
        return None
    names = [str(v) for v in head.get("vars", []) if isinstance(v, str)]
    rows = []
    for binding in results["bindings"]:
        row: dict[str, Any] = dict.fromkeys(names)
        for name, cell in binding.items():
            row[name] = cell.get("value") if isinstance(cell, dict) else cell
        rows.append(row)
    return rows


def _sources(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Elasticsearch's hits: the ``_source`` of each, with its ``_id``."""
    if not all(isinstance(row.get("_source"), dict) for row in rows):
        return rows
    return [{**({"_id": row["_id"]} if "_id" in row else {}), **row["_source"]} for row in rows]


def _nested(document: dict[str, Any], depth: int) -> list[dict[str, Any]] | None:
    keys = [k for k in KEYS if k in document] + [k for k in document if k not in KEYS]
    lists = [k for k in keys if _objects(document[k])]
    dated = [k for k in lists if _dated(document[k])]
    lists = dated or lists  # Trello's board: its cards and actions, not its longer list of columns (no dates)
    if lists:
        chosen = lists[0] if lists[0] in KEYS or len(lists) == 1 else max(lists, key=lambda k: len(document[k]))
        alike = [k for k in lists if k == chosen or _alike(document[k], document[chosen])]
        # lists of like records side by side (Snapchat's sent and received chats, a list a year) are read together
        return _named([(k, document[k]) for k in alike]) if len(alike) > 1 else _sources(document[chosen])
    found = next((rows for k in keys if k in KEYS and (rows := _header_rows(document[k])) is not None), None)
    if found is not None:
        return found
    if depth <= 1:
        return None
    for key in keys:
        value = document[key]
        if isinstance(value, dict):
            found = _nested(value, depth - 1)
            if found is not None:
                return found
    return None


def _keyed(document: dict[str, Any], depth: int) -> list[dict[str, Any]] | None:
    """Records kept by their id (``{"-Nx1": {...}, "-Nx2": {...}}``, as Firebase exports them), the id as a
    column; also in a collection one or two objects deep."""
    values = list(document.values())
    holding = len(values) == 1 and isinstance(values[0], dict) and any(_objects(v) for v in values[0].values())
    if (len(values) >= 2 or holding) and all(isinstance(v, dict) and v for v in values):  # (one wiki page, its edits)
        cells = [cell for value in values[:50] for cell in value.values()]
        if sum(not isinstance(cell, dict | list) for cell in cells) >= 0.5 * len(cells):
            return [{"id": key, **value} if "id" not in value else dict(value) for key, value in document.items()]
    if depth <= 1:
        return None
    keys = [k for k in KEYS if k in document] + [k for k in document if k not in KEYS]
    for key in keys:
        if isinstance(document[key], dict):
            found = _keyed(document[key], depth - 1)
            if found is not None:
                return found
    return None


HEAD = 200  # records enough to tell a document's shape and dates: every decision here looks at its first 50


def records_of(document: object, head: int | None = None) -> list[dict[str, Any]] | None:
    """The objects of a records document (see the module's note), or None when it holds none; only the first
    ``head`` of them when given (enough to tell what the document is: bringing a nested record's fields up costs
    ~6 µs a record, and was done for all of them each time the document was looked at)."""
    rows = record_shapes.har_entries(document) or record_shapes.bookmark_roots(document) or _found(document, head)
    if rows is None:
        return None
    rows = rows[:head] if head is not None else rows
    return record_nesting.brought_up(record_shapes.unwrapped(record_shapes.leaves(rows)))


def among_others(document: object) -> list[int] | None:
    """The positions of the objects of a list that also holds other items, or None: ``null`` where an API lost a
    record, or numbers and texts when the objects are at least half of it (such a list was refused as JSON of no
    kind)."""
    if not isinstance(document, list) or not document or _objects(document):
        return None
    kept = [at for at, item in enumerate(document) if isinstance(item, dict)]
    nulls = sum(item is None for item in document)
    return kept if kept and (len(kept) + nulls == len(document) or 2 * len(kept) >= len(document)) else None


def _found(document: object, head: int | None = None) -> list[dict[str, Any]] | None:
    if _objects(document):
        assert isinstance(document, list)
        return _sources(document)
    if (kept := among_others(document)) is not None:  # (the others are said by the reader: records.read)
        assert isinstance(document, list)
        return _sources([document[at] for at in kept])
    if not isinstance(document, dict):
        return _header_rows(document)
    found = _geojson(document) or _sparql(document) or _split(document) or _gathered(document, head)
    if found is not None:
        return found
    nested, parallel = _nested(document, DEPTH), _parallel(document, DEPTH)
    if parallel is not None and (nested is None or (not _dated(nested) and _dated(parallel)
                                                    and len(parallel) > len(nested))):
        return parallel  # (SEC's submissions: its filings, not its two former names)
    return nested or _columns(document) or _keyed(document, DEPTH)


def _gathered(document: dict[str, Any], head: int | None = None) -> list[dict[str, Any]] | None:
    """Dated lists of records kept in separate objects of one document, read together (TikTok's export: Activity →
    Video Browsing History → VideoList, Like List → ItemFavoriteList, Direct Messages → … → Chat History with bob;
    only the first was read, the others dropped without a word), each row named by its list (:func:`_names`); None
    unless such lists sit in two objects or more, none of them at the top (whose lists are read as before). With
    ``head``, the lists found once that many rows are (a look at what the document is: 50,000 conversations were
    all visited three times)."""
    found: list[tuple[int, tuple[str, ...], list[dict[str, Any]]]] = []
    holders: set[int] = set()

    def enough() -> bool:  # (``head`` rows from two lists or more tell what the document is)
        return head is not None and len(holders) > 1 and sum(len(rows) for _h, _p, rows in found) >= head

    def visit(value: dict[str, Any], path: tuple[str, ...], left: int) -> None:
        for key, inner in value.items():
            if _objects(inner) and _dated(inner):
                found.append((id(value), (*path, str(key)), inner))
                holders.add(id(value))
        if id(document) in holders:
            return  # records at the top: read as before
        for key, inner in value.items():
            if isinstance(inner, dict) and left > 1 and not enough():
                visit(inner, (*path, str(key)), left - 1)

    visit(document, (), DEPTH + 2)  # (TikTok's chats: Direct Messages → Chat History → ChatHistory → a chat)
    if len(holders) < 2 or id(document) in holders:
        return None
    names = _names([path for _holder, path, _rows in found])
    return _named([(name, rows) for name, (_holder, _path, rows) in zip(names, found, strict=True)])


def _names(paths: list[tuple[str, ...]]) -> list[str]:
    """What each list is called: the nearest key above it written as words (``Video Browsing History`` over
    ``VideoList``), else its holder's when its own key only adds to it (``Comments`` over ``CommentsList``), else its
    own key where the lists' keys differ, else the nearest key that does (``a`` and ``b`` over two ``items``)."""
    deepest = max(len(path) for path in paths)
    differ = [len({path[depth] if depth < len(path) else None for path in paths}) > 1 for depth in range(deepest)]

    def name(path: tuple[str, ...]) -> str:
        worded = next((key for key in reversed(path) if " " in key.strip()), None)
        if worded is not None:
            return worded.strip().rstrip(":").strip()
        if len(path) > 1 and path[-1].lower().startswith(path[-2].lower()):  # Comments → CommentsList: Comments
            return path[-2]
        return next((path[depth] for depth in range(len(path) - 1, -1, -1) if differ[depth]), path[-1])
    return [name(path) for path in paths]


def _named(lists: list[tuple[str, list[dict[str, Any]]]]) -> list[dict[str, Any]]:
    """The records of several lists, each row named by its list in a column ``category`` (``list`` when the records
    have a category of their own)."""
    column = "list" if any("category" in row for _name, rows in lists for row in rows[:50]) else "category"
    return [{**row, column: str(name)} for name, rows in lists for row in _sources(rows)]


def _alike(rows: list[dict[str, Any]], others: list[dict[str, Any]]) -> bool:
    """Whether two lists hold records of one kind: their first records' fields are mostly the same."""
    fields = {str(key) for row in rows[:20] for key in row}
    other = {str(key) for row in others[:20] for key in row}
    return len(fields & other) >= 0.5 * len(fields | other)


def _parallel(document: dict[str, Any], depth: int) -> list[dict[str, Any]] | None:
    """Columns written as lists of one length (R's jsonlite ``dataframe = "columns"``, SEC EDGAR's
    ``filings.recent``: ``{"accessionNumber": [...], "filingDate": [...]}``), the longest such group within ``depth``
    objects, as records; None without one of two rows or more."""
    groups: list[tuple[int, int, dict[str, Any], list[str]]] = []

    def visit(value: object, left: int) -> None:
        if not isinstance(value, dict) or left <= 0:
            return
        lengths: dict[int, list[str]] = {}
        for key, column in value.items():
            if isinstance(column, list) and len(column) >= 2 and not any(isinstance(x, dict | list) for x in column):
                lengths.setdefault(len(column), []).append(key)
        groups.extend((rows, len(keys), value, keys) for rows, keys in lengths.items() if len(keys) >= 2)
        for inner in value.values():
            visit(inner, left - 1)

    visit(document, depth)
    if not groups:
        return None
    rows, _width, holder, keys = max(groups, key=lambda group: group[:2])
    return [{key: holder[key][at] for key in keys} for at in range(rows)]
