"""Actors written as JSON objects in a cell, as APIs hand out a record's parties (``{"login": "alice", "id": 1}``,
``[{"name": "Renault", "role": "buyer"}]``), read by their names. Never Qt.
"""

from __future__ import annotations

import json

# the member that names an actor written as a JSON object: a person's name before an account's (GitHub's user
# holds a login and a numeric id, Jira's a displayName, Slack's a real_name), the id last
_NAMING = ("name", "displayName", "display_name", "fullName", "full_name", "real_name", "realName", "login",
           "username", "userName", "screen_name", "handle", "email", "label", "title", "id")


def named(cell: str) -> str:
    """A JSON object or list of objects in a cell (``[{"name": "Renault", "role": "buyer"}, {"name": "Nissan"}]``, as
    an API's records hold their parties), or several joined by ';' (two actor columns of objects, GitHub's ``user`` and
    ``assignee``), as the ';' list of their names; an object that names nothing beside one that does (a tweet's
    ``entities``, its hashtags and links, beside its ``user``) is no actor; the cell as written when it is no JSON or
    names no one.

    >>> named('{"login": "alice", "id": 1};{"login": "bob", "id": 2}'), named('[{"name": "Renault"}, {"x": [1]}]')
    ('alice;bob', 'Renault')
    >>> named('{"name": "Twitter"};{"hashtags": [], "urls": []}'), named("{not json")
    ('Twitter', '{not json')
    >>> named('[{"role": "observer"}]'), named("[]")
    ('[{"role": "observer"}]', '')
    """
    values = _json_values(cell)
    if values is None:
        return cell
    items = [item for value in values for item in (value if isinstance(value, list) else [value])]
    names = [_name_of(item) for item in items]
    if values == [[]]:  # an API's empty list of parties or labels
        return ""
    return ";".join(name for name in names if name) if any(names) else cell  # (naming no one: kept as written)


def _name_of(item: object) -> str:
    """The name an item of a JSON list of parties gives: an object's naming member, a text or number as itself."""
    if isinstance(item, dict):
        return next((str(item[key]) for key in _NAMING if isinstance(item.get(key), str | int) and str(item[key])), "")
    return str(item) if isinstance(item, str | int) else ""


def _json_values(cell: str) -> list[object] | None:
    """The JSON values of a cell, one or several joined by ';' (as several actor columns are joined), a plain name
    among them as itself; None when the cell is no JSON."""
    decoder, values, at = json.JSONDecoder(), list[object](), 0
    while at < len(cell):
        if cell[at] in " ;\t":
            at += 1
        elif cell[at] in "[{":
            try:
                value, at = decoder.raw_decode(cell, at)
            except (ValueError, RecursionError):
                return None
            values.append(value)
        else:
            end = cell.find(";", at)
            end = len(cell) if end < 0 else end
            values.append(cell[at:end].strip())
            at = end
    return values if any(isinstance(value, dict | list) for value in values) else None
