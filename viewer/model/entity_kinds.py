"""The kind of an entity that a table names without saying it, so that the relationship panel draws companies and
governments apart (before, every party of an imported table was an "entity", drawn as "other").

A government is known by its name (``Ministry of Finance``, ``French State``, ``Republic of Korea``,
``Bundesministerium …``, ``U.S. Department of the Treasury``); a company by its legal form (``Renault SA``,
``Nissan Motor Co., Ltd.``, ``Volkswagen AG``, ``Apple Inc.``, a bank: a word of business outweighs "State" or
"Republic", which banks' names hold)
or by being held: the party a stake or an owner holds, and both parties of an acquisition, are companies unless
their names say government; the party that leads (a leadership tie's source, a CEO) is a person. Only generic kinds
(``entity``, ``organisation``) are guessed; a kind a reader or a mapping gave is kept.

>>> guessed(pd.Series(["French State", "Renault", "Nissan Motor Co., Ltd.", "Ana", "State Street Corp."]),
...         pd.Series(["entity"] * 5), held=pd.Series([False, True, False, False, False])).tolist()
['government', 'company', 'company', 'entity', 'company']
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

GENERIC = ("entity", "organisation", "organization", "")
HELD_BY = ("equity_stake", "government_stake", "owns")  # the target is held: a company
BOTH_COMPANIES = ("acquired_by",)
PERSON, LEADERSHIP = "person", "leadership"
# said outright: a ministry, a department of, a republic of … (not "central bank": America's failed banks are
# "Central Bank of Kansas City", "United Central Bank")
GOVERNMENT = (r"(?i)(^|\b)(government|ministry|minist[eè]re|ministerio|ministero|ministerium|bundesministerium|"
              r"department of|treasury|republic of|kingdom of|commonwealth of|state of|"
              r"municipality|city of|county of|province of|prefecture)($|\b)")
# a legal form at the end, or a word of business (banks are named "First Republic Bank", "Citizens State Bank")
COMPANY = (r"(?i)(\b(inc|corp|corporation|company|co|ltd|limited|llc|llp|plc|gmbh|ag|sa|s\.a|sas|spa|s\.p\.a|nv|"
           r"n\.v|bv|b\.v|ab|oyj|asa|kk|k\.k|se|pty|sarl|s\.a\.r\.l|na|n\.a|holdings?|group)\.?$)"
           r"|\b(co|corp|inc)\.,|(bank|bancorp|bancshares|savings|insurance|motors)\b")
# a state named as such at the end: "French State", "Bavarian State" (a word that also names banks and streets)
STATE = r"(?i)(^|\s)(state|[ée]tat|staat|estado|stato|federal government)$"


def _matches(names: pd.Series, pattern: str) -> np.ndarray:
    found = pc.match_substring_regex(pa.array(names.astype(str).tolist(), pa.string()), pattern)
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def guessed(names: pd.Series, kinds: pd.Series, held: pd.Series, leads: pd.Series | None = None) -> pd.Series:
    """Each entity's kind: as given, or where generic a government or a company by its name, a company where it is
    ``held``, a person where it ``leads`` (see the module)."""
    generic = kinds.astype(str).str.lower().isin(GENERIC).to_numpy()
    if not generic.any():
        return kinds
    government, company, state = (_matches(names, pattern) for pattern in (GOVERNMENT, COMPANY, STATE))
    leading = np.zeros(len(kinds), dtype=bool) if leads is None else leads.to_numpy(dtype=bool)
    out = np.select([generic & government, generic & company, generic & state, generic & held.to_numpy(dtype=bool),
                     generic & leading], ["government", "company", "government", "company", PERSON],
                    kinds.astype(object).to_numpy())
    return pd.Series(out, index=kinds.index, dtype=object)


def leader_ids(relations: pd.DataFrame | None) -> set[str]:
    """The ids of the entities these ties show leading: sources of leadership (a CEO, a chair), people."""
    if relations is None or not len(relations):
        return set()
    return set(relations.loc[relations["kind"].astype(str) == LEADERSHIP, "source"].astype(str))


def held_ids(relations: pd.DataFrame | None) -> set[str]:
    """The ids of the entities these ties show held: targets of stakes and owners, both parties of acquisitions."""
    if relations is None or not len(relations):
        return set()
    kinds = relations["kind"].astype(str)
    held = set(relations.loc[kinds.isin(HELD_BY + BOTH_COMPANIES), "target"].astype(str))
    return held | set(relations.loc[kinds.isin(BOTH_COMPANIES), "source"].astype(str))
