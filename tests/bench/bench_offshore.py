"""ICIJ's Offshore Leaks database at a scale, opened in the whole window: the folder read, the window built, the cursor
moved across five years. Prints one JSON object. Not a unit test.

Run: ``make bench-offshore`` (``ENTENTE_BENCH_NODES``: offshore entities, default 50,000; the real database holds
814,000 of them beside 771,000 officers, 26,000 intermediaries, 402,000 addresses and 3.3 million relationships).
The folder is made once into the bench data folder: as many officers as entities, a thirtieth as many
intermediaries, half as many addresses, four ties a node (half an officer's, a quarter an intermediary's, a quarter
an entity's address), half of them dated as ICIJ writes dates (``23-MAR-2006``), a fifth of those ending.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import scale_data

STEPS = 12
MONTHS = np.array(["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"])


def _dates(rng: np.random.Generator, n: int, empty: float) -> pd.Series:
    day, month, year = rng.integers(1, 29, n), MONTHS[rng.integers(0, 12, n)], rng.integers(1980, 2016, n)
    written = pd.Series([f"{d:02d}-{m}-{y}" for d, m, y in zip(day.tolist(), month.tolist(), year.tolist(),
                                                                strict=True)])
    return written.where(rng.random(n) > empty, "")


def ensure(entities: int) -> Path:
    """The folder of a database of ``entities`` offshore entities, made when missing."""
    folder = scale_data.data_root() / f"offshore_{entities}"
    if (folder / "relationships.csv").is_file():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(1)
    e, o, i, a = entities, entities, max(entities // 30, 1), max(entities // 2, 1)
    ids = {kind: np.arange(base, base + n) for kind, base, n in
           (("entity", 10_000_000, e), ("officer", 12_000_000, o), ("intermediary", 11_000_000, i),
            ("address", 14_000_000, a))}
    pd.DataFrame({"node_id": ids["entity"], "name": [f"COMPANY {k} LTD." for k in range(e)],
                  "jurisdiction_description": rng.choice(["Samoa", "Panama", "British Virgin Islands"], e),
                  "incorporation_date": _dates(rng, e, 0.1), "inactivation_date": _dates(rng, e, 0.6),
                  "struck_off_date": _dates(rng, e, 0.6), "countries": "Hong Kong",
                  "sourceID": "Panama Papers"}).to_csv(folder / "nodes-entities.csv", index=False)
    pd.DataFrame({"node_id": ids["officer"], "name": [f"Person {k}" for k in range(o)], "countries": "China",
                  "sourceID": "Panama Papers"}).to_csv(folder / "nodes-officers.csv", index=False)
    pd.DataFrame({"node_id": ids["intermediary"], "name": [f"Agent {k}" for k in range(i)],
                  "sourceID": "Panama Papers"}).to_csv(folder / "nodes-intermediaries.csv", index=False)
    pd.DataFrame({"node_id": ids["address"], "address": [f"{k} Some Street; City" for k in range(a)], "name": "",
                  "sourceID": "Panama Papers"}).to_csv(folder / "nodes-addresses.csv", index=False)
    r = 4 * e
    source = np.concatenate([rng.choice(ids["officer"], r // 2), rng.choice(ids["intermediary"], r // 4),
                             rng.choice(ids["entity"], r - r // 2 - r // 4)])
    target = np.concatenate([rng.choice(ids["entity"], r // 2 + r // 4),
                             rng.choice(ids["address"], r - r // 2 - r // 4)])
    pd.DataFrame({"node_id_start": source, "node_id_end": target, "rel_type": "officer_of",
                  "link": rng.choice(["shareholder of", "director of", "beneficiary of", "secretary of"], r),
                  "start_date": _dates(rng, r, 0.5), "end_date": _dates(rng, r, 0.8),
                  "sourceID": "Panama Papers"}).to_csv(folder / "relationships.csv", index=False)
    return folder


def main() -> None:
    from bench_big_graph_window import cursor_steps
    from PySide6.QtWidgets import QApplication

    import viewer

    entities = int(os.environ.get("ENTENTE_BENCH_NODES", "50000"))
    folder = ensure(entities)
    app = QApplication.instance() or QApplication(sys.argv)
    began = time.perf_counter()
    dataset = viewer.load(folder)
    loaded = time.perf_counter() - began
    window, built, steps = cursor_steps(app, dataset, pd.date_range("2005-01-01", "2010-01-01", periods=STEPS,
                                                                    tz="UTC"), digits=0)
    print(json.dumps({"offshore_entities": entities, "entities": len(dataset.entities),
                      "relations": len(dataset.relations), "events": dataset.event_count,
                      "load_s": round(loaded, 2), "window_build_s": round(built, 2), "cursor_ms": steps}, indent=1))
    window.close()


if __name__ == "__main__":
    main()
