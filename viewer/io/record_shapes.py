"""JSON records in shapes that hide their fields one level down, brought up into the record (for
:mod:`viewer.io.record_lists` and the JSON lines readers):

- a record wrapped in one member, ``{"officer": {...}}`` (OpenCorporates), or kept under ``data`` or ``attributes``
  beside the rest of it (Companies House's snapshot of JSON lines: ``{"company_number": …, "data": {...}}``;
  JSON:API, as LittleSis answers: ``{"type", "id", "attributes": {...}}``; a Bluesky repository's records,
  ``{"uri", "cid", "value": {...}}``): the wrapper's members become the
  record's (one the record already has, with another value, is kept as ``data.<name>``);
- a HAR capture (a browser's network log): each request with its method, address and status beside it;
- a tree of records (bookmarks as Chrome and Firefox keep them, in ``children``): each record, with its folder.

Before, each was refused as "JSON that Entente does not recognise" or read without its dates.
"""

from __future__ import annotations

from typing import Any

from viewer.io.table_mapping import guess_mapping

WRAPPERS = ("data", "attributes", "fields", "record", "item", "node", "doc", "document", "value")  # (Bluesky's)
SAMPLE = 50
HELD = 0.8  # of the records whose wrapper holds an object
TREE_DEPTH = 64  # folders in folders: deeper ones are left out (a hostile file nests thousands deep)


def wrapper_of(rows: list[Any]) -> str | None:
    """The member that wraps the records' fields: the only member of each, or one named as a wrapper (``data``,
    ``attributes`` …) holding an object beside members that name no date; None when the records are not
    wrapped."""
    sample = [row for row in rows[:SAMPLE] if isinstance(row, dict) and row]
    if not sample:
        return None
    for name in sample[0]:
        holding = [row for row in sample if isinstance(row.get(name), dict) and row[name]]
        if len(holding) < HELD * len(sample):
            continue
        if all(len(row) == 1 for row in sample):
            return str(name)
        outer = list(dict.fromkeys(str(key) for row in sample for key in row if key != name))
        if str(name).lower() in WRAPPERS and guess_mapping(outer).start is None:
            return str(name)
    return None


def unwrapped(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The records with their wrapper's members (:func:`wrapper_of`) brought up into them; the records as they are
    when they are not wrapped."""
    name = wrapper_of(rows)
    if name is None:
        return rows
    differ: set[str] = set()  # members the record has too, with another value in some record
    for row in rows:
        inner = row.get(name)
        if isinstance(inner, dict):
            differ.update(key for key, value in inner.items() if key != name and key in row and row[key] != value)
    out = []
    for row in rows:
        inner = row.get(name)
        record = {key: value for key, value in row.items() if key != name or not isinstance(inner, dict)}
        if isinstance(inner, dict):
            for key, value in inner.items():
                if key in differ:
                    record[f"{name}.{key}"] = value
                elif key not in record:
                    record[key] = value
        out.append(record)
    return out


def har_entries(document: object) -> list[dict[str, Any]] | None:
    """A HAR capture's requests (``log.entries``), each with its ``method``, ``url`` and ``status`` and a title
    made of them ("GET https://example.com/"); None for any other document."""
    log = document.get("log") if isinstance(document, dict) else None
    if not isinstance(log, dict) or not ("creator" in log or "version" in log):
        return None
    entries = log.get("entries")
    if not isinstance(entries, list) or not entries or not all(isinstance(e, dict) for e in entries) or not all(
            "startedDateTime" in e for e in entries[:SAMPLE]):
        return None
    rows = []
    for entry in entries:
        request = entry.get("request") if isinstance(entry.get("request"), dict) else {}
        response = entry.get("response") if isinstance(entry.get("response"), dict) else {}
        method, url, status = request.get("method"), request.get("url"), response.get("status")
        lifted = {"title": " ".join(str(part) for part in (method, url) if part), "method": method, "url": url,
                  "status": status}
        rows.append({**{k: v for k, v in lifted.items() if k not in entry}, **entry})
    return rows


def bookmark_roots(document: object) -> list[dict[str, Any]] | None:
    """Chrome's (and Edge's, Brave's) ``Bookmarks``: its roots (the bookmark bar, other bookmarks …) as records,
    to be walked by :func:`leaves`; None for any other document."""
    roots = document.get("roots") if isinstance(document, dict) else None
    if not isinstance(roots, dict) or not roots:
        return None
    nodes = [node for node in roots.values() if isinstance(node, dict) and isinstance(node.get("children"), list)]
    return nodes or None


def leaves(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every record of a tree of records (nodes holding ``children`` of their own kind: bookmarks as Chrome and
    Firefox keep them, a thread of replies), in the tree's order, without their children; a folder itself (its
    ``type`` says so) is left out, and each record inside one has the ``folder`` it is in ("Bookmarks bar/OSINT").
    The records as they are when none holds such children (a family's record and its children's names stay one)."""
    if not any(_alike(row) for row in rows[:SAMPLE]):
        return rows
    out: list[dict[str, Any]] = []
    todo: list[tuple[dict[str, Any], str, int]] = [(row, "", 0) for row in reversed(rows)]
    while todo:
        node, folder, depth = todo.pop()
        children = _children(node)
        is_folder = children is not None and any(word in str(node.get("type", "")).lower()
                                                 for word in ("folder", "container"))
        if not is_folder:
            record = {key: value for key, value in node.items() if key != "children" or children is None}
            out.append({**record, "folder": folder} if folder and "folder" not in node else record)
        if children and depth < TREE_DEPTH:
            name = node.get("name", node.get("title")) if is_folder else None
            inner = "/".join(part for part in (folder, str(name) if name else "") if part)
            todo.extend((child, inner, depth + 1) for child in reversed(children))
    return out


def _alike(row: dict[str, Any]) -> bool:
    """Whether a record holds children that are records of its kind: most of their members are its members too."""
    children = _children(row)
    if not children:
        return False
    shared = [len(child.keys() & row.keys()) / len(child) for child in children[:10] if child]
    return bool(shared) and sum(shared) / len(shared) >= 0.5


def _children(row: dict[str, Any]) -> list[dict[str, Any]] | None:
    children = row.get("children")
    if isinstance(children, list) and all(isinstance(child, dict) for child in children):
        return children
    return None
