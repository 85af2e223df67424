"""Synthetic graphs for the graph benchmark and the tests: scale-free graphs and ownership registers.

``scale_free(n)`` grows a preferential-attachment graph (about three ties per node, a few hubs);
``ownership(n)`` builds an ownership register: companies in a tree of majority and minority stakes
under a few groups, a quarter of the entities people who hold stakes or sit on boards, stakes that
change over the years, and some companies that exist only for a period (``valid_from``/``valid_to``).
``write_ownership(folder, n)`` writes the register as a native dataset folder. Seeded: the same
arguments always give the same data. Importable from tests (``tests/bench`` on ``sys.path``).
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

COUNTRIES = ("FR", "JP", "DE", "US", "GB", "NL", "CN", "KR", "IN", "BR")


def scale_free(n: int, ties: int = 3, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entities and relations of a preferential-attachment graph: each new node ties to ``ties`` others."""
    rng = np.random.default_rng(seed)
    ends: list[int] = list(range(min(ties, n)))  # every tie adds both ends: picking from it favours hubs
    src: list[int] = []
    dst: list[int] = []
    for node in range(1, n):
        chosen = {int(rng.integers(node))} if node <= ties else set()
        while len(chosen) < min(ties, node):
            chosen.add(ends[int(rng.integers(len(ends)))] if rng.random() < 0.8 else int(rng.integers(node)))
        for other in sorted(chosen):
            src.append(node)
            dst.append(other)
            ends += [node, other]
    ids = np.array([f"n{i}" for i in range(n)], dtype=object)
    entities = pd.DataFrame({"id": ids, "name": [f"Node {i}" for i in range(n)], "kind": "company",
                             "country": [COUNTRIES[i % len(COUNTRIES)] for i in range(n)]})
    relations = pd.DataFrame({"id": [f"r{i}" for i in range(len(src))], "source": ids[np.array(src, dtype=int)],
                              "target": ids[np.array(dst, dtype=int)], "kind": "partnership"})
    return entities, relations


def ownership(n: int, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Entities and relations of an ownership register of ``n`` entities (strings, as a file holds them)."""
    rng = np.random.default_rng(seed)
    people = n // 4
    companies = n - people
    roots = max(1, companies // 200)
    entities = []
    for i in range(companies):
        born = 1990 + int(rng.integers(0, 25))
        gone = born + int(rng.integers(5, 30)) if rng.random() < 0.1 else None
        entities.append({"id": f"c{i}", "name": f"Company {i} {'Holding' if i < roots else 'Ltd'}",
                         "kind": "company", "country": COUNTRIES[int(rng.integers(len(COUNTRIES)))],
                         "valid_from": str(born) if gone else "", "valid_to": str(gone) if gone else ""})
    entities += [{"id": f"p{i}", "name": f"Person {i}", "kind": "person", "country": "", "valid_from": "",
                  "valid_to": ""} for i in range(people)]
    relations = []
    for i in range(roots, companies):
        parent = int(rng.integers(0, i)) if rng.random() < 0.7 else int(rng.integers(0, roots))
        value = round(float(rng.choice([100.0, 51.0, 75.0, float(rng.uniform(5, 49))])), 1)
        start = 1995 + int(rng.integers(0, 20))
        relations.append({"source": f"c{parent}", "target": f"c{i}", "kind": "equity_stake", "value": value,
                          "valid_from": str(start), "valid_to": ""})
        if rng.random() < 0.2:  # the stake changed later: the old row ends where the new one starts
            later = start + int(rng.integers(1, 10))
            relations[-1]["valid_to"] = str(later)
            relations.append({**relations[-1], "value": round(value * 0.6, 1), "valid_from": str(later),
                              "valid_to": ""})
    for i in range(people):
        company = int(rng.integers(0, companies))
        kind = "equity_stake" if rng.random() < 0.5 else "leadership"
        relations.append({"source": f"p{i}", "target": f"c{company}", "kind": kind,
                          "value": round(float(rng.uniform(1, 30)), 1) if kind == "equity_stake" else "",
                          "valid_from": str(2000 + int(rng.integers(0, 20))), "valid_to": ""})
    frame = pd.DataFrame(relations)
    frame.insert(0, "id", [f"r{i}" for i in range(len(frame))])
    frame["value"] = frame["value"].astype(str)
    return pd.DataFrame(entities), frame


def write_ownership(folder: Path, n: int, seed: int = 0) -> Path:
    """Write :func:`ownership` as a native dataset folder (events: one per company founded)."""
    folder.mkdir(parents=True, exist_ok=True)
    entities, relations = ownership(n, seed)
    founded = entities[entities["valid_from"] != ""]
    events = pd.DataFrame({"id": [f"e{i}" for i in range(len(founded))], "start": founded["valid_from"],
                           "title": founded["name"] + " founded", "actors": founded["id"], "category": "founded"})
    entities.to_csv(folder / "entities.csv", index=False)
    relations.to_csv(folder / "relations.csv", index=False)
    events.to_csv(folder / "events.csv", index=False)
    meta = {"title": f"Ownership register ({n:,} entities)", "principal": ["c0"]}
    (folder / "dataset.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder
