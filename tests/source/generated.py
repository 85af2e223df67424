"""A generated native dataset for the source tests: events of every date precision, ranges, lists."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd

ACTORS = [f"a{i:02d}" for i in range(20)]
CATEGORIES = ["legal", "capital", "product", "strategy", "people", ""]
PRINCIPAL = ["a03", "a01", "a07", "a11"]


def events_frame(n: int, seed: int = 7) -> pd.DataFrame:
    """``n`` events as text, the way a user's Parquet file holds them."""
    rng = np.random.default_rng(seed)
    base = np.datetime64("1995-01-01T00:00:00", "s")
    start = base + rng.integers(0, 30 * 365 * 86400, n).astype("timedelta64[s]")
    kind = rng.choice(["year", "month", "day", "time"], n, p=[0.05, 0.1, 0.25, 0.6])
    text = np.datetime_as_string(start, unit="s").astype(object) + "Z"
    text = np.where(kind == "day", np.datetime_as_string(start, unit="D"), text)
    text = np.where(kind == "month", np.datetime_as_string(start, unit="M"), text)
    text = np.where(kind == "year", np.datetime_as_string(start, unit="Y"), text)
    is_range = rng.random(n) < 0.3
    length = (np.minimum(rng.pareto(1.1, n) * 20, 3650) * 86400).astype("timedelta64[s]") + np.timedelta64(3600, "s")
    end = np.where(is_range, np.datetime_as_string(start + length, unit="s").astype(object) + "Z", "")
    end[:50] = "1990-01-01"  # ends before their start: ignored by both paths
    first, second = rng.integers(0, len(ACTORS), n), rng.integers(0, len(ACTORS), n)
    two = (rng.random(n) < 0.3) & (first != second)
    names = np.array(ACTORS, dtype=object)
    actors = np.where(two, names[first] + ";" + names[second], names[first])
    actors[rng.random(n) < 0.02] = ""
    precision = np.where(rng.random(n) < 0.02, "month", "").astype(object)
    ids = np.array([f"E{i:06d}" for i in range(n)], dtype=object)
    title = np.array([f"Event {i} about {a}" for i, a in enumerate(names[first])], dtype=object)
    title[rng.random(n) < 0.01] = ""
    return pd.DataFrame({
        "id": ids, "start": text, "end": end, "precision": precision, "title": title,
        "description": np.where(rng.random(n) < 0.1, "a London meeting", ""),
        "actors": actors, "category": np.array(CATEGORIES, dtype=object)[rng.integers(0, len(CATEGORIES), n)],
        "tags": np.where(rng.random(n) < 0.2, "deal;press", np.where(rng.random(n) < 0.1, "press", "")),
    }).sample(frac=1.0, random_state=seed).reset_index(drop=True)


def write(folder: Path, n: int) -> Path:
    """The native dataset folder (dataset.json and three Parquet tables)."""
    folder.mkdir(parents=True, exist_ok=True)
    events_frame(n).to_parquet(folder / "events.parquet", row_group_size=10_000)
    pd.DataFrame({"id": ACTORS, "name": [f"Actor {a.upper()} Holdings" for a in ACTORS],
                  "kind": "company"}).to_parquet(folder / "entities.parquet")
    rng = np.random.default_rng(3)
    m = 60
    source, target = rng.integers(0, 20, m), rng.integers(0, 20, m)
    target = np.where(source == target, (target + 1) % 20, target)
    years = rng.integers(1995, 2024, m)
    pd.DataFrame({"id": [f"R{i}" for i in range(m)], "source": [ACTORS[i] for i in source],
                  "target": [ACTORS[i] for i in target], "kind": rng.choice(["equity_stake", "partnership"], m),
                  "value": [f"{v:.1f}" for v in rng.uniform(1, 60, m)], "valid_from": [str(y) for y in years],
                  "valid_to": [str(y + 4) if i % 2 else "" for i, y in enumerate(years)],
                  "event": ["E000001" if i == 0 else ("E999999" if i == 1 else "") for i in range(m)],
                  }).to_parquet(folder / "relations.parquet")
    (folder / "dataset.json").write_text(json.dumps({"title": "Generated", "principal": PRINCIPAL}))
    return folder
