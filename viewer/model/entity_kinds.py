"""The kind of an entity that a table names without saying it, so that the relationship panel draws companies and
governments apart (before, every party of an imported table was an "entity", drawn as "other").

A government is known by its name (``Ministry of Finance``, ``French State``, ``Republic of Korea``,
``Bundesministerium …``, ``U.S. Department of the Treasury``); a company by its legal form (``Renault SA``,
``Nissan Motor Co., Ltd.``, ``Volkswagen AG``, ``Apple Inc.``: a legal form outweighs a word such as "State")
or by being held: the party a stake or an owner holds, and both parties of an acquisition, are companies unless
their names say government. Only generic kinds
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
GOVERNMENT = (r"(?i)(^|\b)(government|ministry|minist[eè]re|ministerio|ministero|ministerium|bundesministerium|"
              r"department of|state of|republic|kingdom of|commonwealth of|federal|treasury|central bank|"
              r"state|[ée]tat|staat|estado|stato|municipality|city of|county of|province of|prefecture)($|\b)")
COMPANY = (r"(?i)(\b(inc|corp|corporation|company|co|ltd|limited|llc|llp|plc|gmbh|ag|sa|s\.a|sas|spa|s\.p\.a|nv|"
           r"n\.v|bv|b\.v|ab|oyj|asa|kk|k\.k|se|pty|sarl|s\.a\.r\.l|holdings?|group)\.?$)|\b(co|corp|inc)\.,")


def _matches(names: pd.Series, pattern: str) -> np.ndarray:
    found = pc.match_substring_regex(pa.array(names.astype(str).tolist(), pa.string()), pattern)
    return np.asarray(found.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def guessed(names: pd.Series, kinds: pd.Series, held: pd.Series) -> pd.Series:
    """Each entity's kind: as given, or where generic a government or a company by its name, or a company where
    it is ``held`` (see the module)."""
    generic = kinds.astype(str).str.lower().isin(GENERIC).to_numpy()
    if not generic.any():
        return kinds
    legal, government = _matches(names, COMPANY), _matches(names, GOVERNMENT)  # "State Street Corp." is a company
    out = np.select([generic & legal, generic & government, generic & held.to_numpy(dtype=bool)],
                    ["company", "government", "company"], kinds.astype(object).to_numpy())
    return pd.Series(out, index=kinds.index, dtype=object)


def held_ids(relations: pd.DataFrame | None) -> set[str]:
    """The ids of the entities these ties show held: targets of stakes and owners, both parties of acquisitions."""
    if relations is None or not len(relations):
        return set()
    kinds = relations["kind"].astype(str)
    held = set(relations.loc[kinds.isin(HELD_BY + BOTH_COMPANIES), "target"].astype(str))
    return held | set(relations.loc[kinds.isin(BOTH_COMPANIES), "source"].astype(str))
