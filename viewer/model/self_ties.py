"""Ties from an entity to itself: a relations row whose source is its target (``Renault,Renault,stake,43.4``).

A tie is between two different entities, and such a row loaded without a word. It may be right (the shares a
company holds in itself, in treasury) or a slip (the source written again as the target), so it is kept as written
and drawn as a loop beside its node (:mod:`viewer.model.graph_labels`), left out of the sums of the stakes held in the
entity (:mod:`viewer.model.stake_sums`: its own shares are no one else's), and said as a warning naming the row, the
entity and what was expected. Never Qt.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from viewer.model.problems import Problem
from viewer.model.value_labels import STAKE_KINDS, is_share, value_label

SAID_MOST = 20  # rows said one by one, then "and n more"
EXPECTED = "expected a tie between two different entities"


def loops(relations: pd.DataFrame) -> np.ndarray:
    """Whether each tie's source is its target (one bool a row).

    >>> loops(pd.DataFrame({"source": ["a", "a"], "target": ["a", "b"]})).tolist()
    [True, False]
    """
    if relations.empty:
        return np.zeros(len(relations), dtype=bool)
    return np.asarray(relations["source"].to_numpy(dtype=object) == relations["target"].to_numpy(dtype=object),
                      dtype=bool)


def said(relations: pd.DataFrame, names: dict[str, str], label: str) -> list[Problem]:
    """A warning for each tie of ``relations`` (a built relations table, with its file ``row`` numbers) from an
    entity to itself, in the file's order; ``names`` by entity id name the entity.

    >>> ties = pd.DataFrame({"source": ["renault", "renault", "nissan"], "target": ["renault", "nissan", "nissan"],
    ...                      "kind": ["equity_stake", "equity_stake", "partnership"], "value": [1.5, 43.4, None],
    ...                      "row": [2, 3, 4]})
    >>> for problem in said(ties, {"renault": "Renault Group"}, "relations.csv"):
    ...     print(problem.row, problem.field, problem.message)
    2 source/target Renault Group (renault) holds a stake in itself (equity stake, 1.5%): expected a tie between \
two different entities; kept as written (a company's own shares, held in treasury), drawn as a loop beside its node \
and not counted in the stakes held in it
    4 source/target a tie from nissan to itself (partnership): expected a tie between two different entities; kept \
as written and drawn as a loop beside its node
    """
    at = np.flatnonzero(loops(relations))
    if not len(at):
        return []
    rows = relations["row"].to_numpy()
    at = at[np.argsort(rows[at], kind="stable")]
    problems = [Problem(label, _message(relations.iloc[i], names), int(rows[i]), "source/target", "warning")
                for i in at[:SAID_MOST].tolist()]
    if len(at) > SAID_MOST:
        problems.append(Problem(label, f"and {len(at) - SAID_MOST:,} more ties from an entity to itself ({EXPECTED})",
                                None, "source/target", "warning"))
    return problems


def _message(tie: pd.Series, names: dict[str, str]) -> str:
    entity, kind = str(tie["source"]), str(tie["kind"])
    name = names.get(entity, entity)
    who = name if name.casefold() == entity.casefold() else f"{name} ({entity})"  # (an id apart from its name)
    words = kind.replace("_", " ")
    if not is_share(kind):
        return f"a tie from {who} to itself ({words}): {EXPECTED}; kept as written and drawn as a loop beside its node"
    value = value_label(kind, float(tie["value"])) if pd.notna(tie["value"]) else ""
    counted = " and not counted in the stakes held in it" if kind in STAKE_KINDS else ""
    return (f"{who} holds a stake in itself ({words}{', ' + value if value else ''}): {EXPECTED}; kept as written (a "
            f"company's own shares, held in treasury), drawn as a loop beside its node{counted}")
