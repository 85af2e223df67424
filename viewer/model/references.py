"""References to entities written by name where the tables use ids: a relations table typed by hand as "Renault
Group,Nissan Motor,equity_stake" beside an entity table whose ids are ``renault`` and ``nissan``, or an actor written
"RENAULT" for the id ``renault``. Each such reference was taken for a new entity of kind unknown, and the graph showed
two nodes for one company. A reference that is no id but names exactly one entity (by its name or its id, case and
spacing aside) is read as that entity's id, and said once. Never Qt.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

_SPACES = re.compile(r"\s+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def by_name(entities: pd.DataFrame, references: Iterable[str]) -> dict[str, str]:
    """Each reference that is no entity's id but names exactly one entity (its name, or its id in other case or
    spacing) → that entity's id.

    >>> entities = pd.DataFrame({"id": ["renault", "nissan", "x1", "x2"],
    ...                          "name": ["Renault Group", "Nissan Motor", "Twin", "Twin"]})
    >>> by_name(entities, ["Renault Group", "NISSAN", "nissan", "Twin", "Ford"])
    {'Renault Group': 'renault', 'NISSAN': 'nissan'}
    """
    return {reference: found[0] for reference, found in matches(entities, references).items() if len(found) == 1}


def matches(entities: pd.DataFrame, references: Iterable[str]) -> dict[str, list[str]]:
    """Each reference that is no entity's id but names entities (by name, or by id in other case or spacing) → their
    ids, sorted: one is the entity meant; several are a name two entities share, which no reference can choose.

    >>> entities = pd.DataFrame({"id": ["n1", "n2", "n3"], "name": ["Acme", "Acme", "Other"]})
    >>> matches(entities, ["Acme", "other", "n1", "Ford"])
    {'Acme': ['n1', 'n2'], 'other': ['n3']}
    """
    ids = entities["id"].astype(str).tolist()
    known = set(ids)
    unknown = [r for r in references if r and r not in known]
    if not unknown:
        return {}
    found: dict[str, set[str]] = {}
    for entity, name in zip(ids, entities["name"].astype(str).tolist(), strict=True):
        for written in {_key(entity), _key(name)}:
            found.setdefault(written, set()).add(entity)
    return {reference: sorted(match) for reference in unknown if (match := found.get(_key(reference)))}


def in_lists(values: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """A column of ';'-separated lists (categorical, as the events' actors are) with each member in ``mapping``
    replaced, list by distinct list.

    >>> in_lists(pd.Series(["Renault Group;nissan", "nissan"], dtype="category"), {"Renault Group": "renault"}).tolist()
    ['renault;nissan', 'nissan']
    """
    if not mapping:
        return values
    column = values if isinstance(values.dtype, pd.CategoricalDtype) else values.astype("category")
    categories = [";".join(mapping.get(member.strip(), member.strip()) for member in str(written).split(";"))
                  for written in column.cat.categories]
    codes, merged = pd.factorize(pd.Series(categories, dtype=object))
    old = column.cat.codes.to_numpy()
    new = np.where(old < 0, -1, codes[np.maximum(old, 0)])
    return pd.Series(pd.Categorical.from_codes(new, categories=pd.Index(merged, dtype="str")), index=values.index)


def shared(names: dict[str, list[str]]) -> str:
    """One note for the references that name several entities (kept as entities of their own).

    >>> shared({"Acme": ["n1", "n2"]})
    "'Acme' names 2 entities (n1, n2), so no one of them could be chosen: it is an entity of its own, of kind \
'unknown'; write the id of the one meant"
    """
    shown = "; ".join(f"'{written}' names {len(found)} entities ({', '.join(found[:5])}"
                      f"{', …' if len(found) > 5 else ''})" for written, found in sorted(names.items())[:5])
    more = f"; and {len(names) - 5} more such names" if len(names) > 5 else ""
    them = "it is an entity" if len(names) == 1 else "each is an entity"
    return (f"{shown}{more}, so no one of them could be chosen: {them} of its own, of kind 'unknown'; write the id "
            "of the one meant")


def said(mapping: dict[str, str]) -> str:
    """One note for the references read as ids."""
    shown = ", ".join(f"'{written}' → {entity}" for written, entity in sorted(mapping.items())[:5])
    more = f" and {len(mapping) - 5} more" if len(mapping) > 5 else ""
    count = f"{len(mapping)} reference" + ("s" if len(mapping) > 1 else "")
    return f"{count} written by an entity's name (or its id in other case) read as that entity ({shown}{more})"
