"""Event sources under test: a generated 100k-event native dataset, and the questions each source must
answer alike (asked the same way of each, compared as plain values)."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

import viewer
from viewer.model.dataset import Dataset
from viewer.model.dates import to_seconds
from viewer.model.filters import Filters
from viewer.source.base import DensityRequest, EventSource, LaneSpec
from viewer.source.memory import MemorySource

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

FILTERS = {
    "text": Filters(text="LONDON"),
    "entity name": Filters(text="a07 holdings"),
    "actors": Filters(actors=frozenset({"a01", "a11"})),
    "categories": Filters(categories=frozenset({"legal", "people"})),
    "tags": Filters(tags=frozenset({"press"})),
    "year range": Filters(start="2001", end="2003"),
    "month range": Filters(start="2010-02", end="2010-03"),
    "day range": Filters(start="2015-06-01", end="2015-06-01"),
    "instant range": Filters(start="2015-06-01T12:00:00Z", end="2015-06-09T00:00:00Z"),
    "everything": Filters(text="event", actors=frozenset({"a03"}), categories=frozenset({"capital", "legal"}),
                          tags=frozenset({"deal"}), start="2000", end="2020-06"),
}


def _seconds(text: str) -> float:
    return float(to_seconds(pd.Timestamp(text, tz="UTC")))


def zoom_pan_windows() -> list[tuple[float, float]]:
    """A scripted zoom from 30 years to a day around 2012, then a pan to the right."""
    centre, width = _seconds("2012-03-14T10:00:00"), 30 * 365.25 * 86400
    windows = []
    while width > 86400:
        windows.append((centre - width / 2, centre + width / 2))
        width *= 0.3
    for _ in range(4):
        centre += width / 3
        windows.append((centre - width / 2, centre + width / 2))
    return windows


def ask(source: EventSource, quick: bool = False) -> dict[str, Any]:
    """Every answer, as plain values (``quick`` asks fewer, for slow engines)."""
    out: dict[str, Any] = {"count": source.count(), "span": source.span()}
    lanes = {
        "principal": LaneSpec("actor", source.lane_keys("actor", tuple(PRINCIPAL))),
        "busiest": LaneSpec("actor", source.lane_keys("actor", (), max_lanes=6)),
        "category": LaneSpec("category", source.lane_keys("category")),
        "none": LaneSpec("none", source.lane_keys("none")),
    }
    out["lanes"] = {name: spec.keys for name, spec in lanes.items()}
    lo, hi = _seconds("1994-07-01"), _seconds("2034-01-01")
    density = {
        "principal, whole span": DensityRequest(lo, hi, 97, lanes["principal"]),
        "busiest, one year": DensityRequest(_seconds("2008-01-01"), _seconds("2009-01-01"), 365, lanes["busiest"]),
        "category, filtered": DensityRequest(lo, hi, 40, lanes["category"], FILTERS["everything"]),
        "none, a day in 2-minute bins": DensityRequest(_seconds("2012-03-14"), _seconds("2012-03-15"), 720,
                                                       lanes["none"]),
    }
    if not quick:
        for i, (t0, t1) in enumerate(zoom_pan_windows()):
            density[f"zoom/pan {i}"] = DensityRequest(t0, t1, 300, lanes["principal"])
    out["density"] = {name: np.asarray(source.density(req)).tolist() for name, req in density.items()}
    out["filter counts"] = {name: source.count(f) for name, f in (FILTERS.items() if not quick else
                                                                  list(FILTERS.items())[::3])}
    windows = {
        "a week": (_seconds("2012-03-10"), _seconds("2012-03-17"), Filters()),
        "a year, filtered": (_seconds("2003-01-01"), _seconds("2004-01-01"), FILTERS["actors"]),
        "open start": (None, _seconds("1996-01-01"), Filters()),
        "filters only": (None, None, FILTERS["everything"]),
    }
    out["window ids"] = {name: list(source.events(t0, t1, f, limit=400)["id"]) for name, (t0, t1, f) in
                         windows.items()}
    event = source.event("E000123")
    out["event"] = None if event is None else {k: str(v) for k, v in event.items()}
    out["missing event"] = source.event("no such id")
    return out


N_EVENTS = 100_000


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 100k-event native dataset folder (Parquet tables, dataset.json)."""
    return write(tmp_path_factory.mktemp("generated") / "ds", N_EVENTS)


@pytest.fixture(scope="session")
def generated_dataset(generated: Path) -> Dataset:
    """The generated dataset loaded into memory the ordinary way."""
    return viewer.load(generated)


@pytest.fixture(scope="session")
def memory_answers(generated_dataset: Dataset) -> dict[str, Any]:
    """Every question answered in memory: the reference for the engines."""
    return ask(MemorySource(generated_dataset))


@pytest.fixture(scope="session")
def questions() -> Callable[..., dict[str, Any]]:
    """The function that asks a source every question."""
    return ask


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pyramids and parsed datasets go to a folder of the test's own."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache"
