"""One relation's value over time, as steps ready for a step chart. Pandas and numpy only: never Qt.

A tie between two entities of one kind is a run of relation rows (Renault → Nissan: 36.8, 44.4,
43.4, 15). Each row is a step from ``valid_from`` to ``valid_to``; a bound known only to the month
or year is a *fuzzy span* (the whole month or year), which the chart draws as a hatched transition.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model import query
from viewer.model.clock import CALENDAR, format_instant
from viewer.model.dates import span_end_one, to_seconds

COARSE = ("year", "month")


@dataclass(frozen=True)
class HistorySteps:
    """The steps of one relation, oldest first; times in Unix seconds (NaN: open bound)."""

    ids: tuple[str, ...]
    starts: np.ndarray
    ends: np.ndarray
    values: np.ndarray  # NaN for ties without a value
    since: tuple[str, ...]  # the start as a person reads it ("Mar 2002"), empty when open
    until: tuple[str, ...]
    urls: tuple[str, ...]
    events: tuple[str, ...]
    fuzzy: np.ndarray  # (n, 2): start and end (seconds) of every imprecise bound's span

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def has_values(self) -> bool:
        """True when at least one step carries a number (a stake), not only presence."""
        return bool(np.isfinite(self.values).any())

    def index_at(self, seconds: float) -> int | None:
        """The step holding at an instant (seconds), or None."""
        inside = (np.isnan(self.starts) | (self.starts <= seconds)) & (np.isnan(self.ends) | (seconds < self.ends))
        hits = np.flatnonzero(inside)
        return int(hits[-1]) if len(hits) else None


def _seconds(stamp: object) -> float:
    return float("nan") if pd.isna(stamp) else float(to_seconds(stamp))


def history_steps(relations: pd.DataFrame, source: str, target: str, kind: str,
                  clock: str = CALENDAR) -> HistorySteps:
    """The steps of the ``source`` → ``target`` relation of one kind (labels on the dataset's ``clock``).

    >>> import viewer
    >>> history_steps(viewer.load().relations, "renault", "nissan", "equity_stake").values.tolist()
    [36.8, 44.4, 43.4, 15.0]
    """
    rows = query.history(relations, source, target, kind)
    fuzzy: list[tuple[float, float]] = []
    for column in ("valid_from", "valid_to"):
        for stamp, precision in zip(rows[column], rows[f"{column}_precision"].astype("object"), strict=True):
            if not pd.isna(stamp) and precision in COARSE:
                fuzzy.append((_seconds(stamp), _seconds(span_end_one(stamp, str(precision)))))

    def label(column: str) -> tuple[str, ...]:
        return tuple(format_instant(s, str(p), clock) if not pd.isna(s) else ""
                     for s, p in zip(rows[column], rows[f"{column}_precision"].astype("object"), strict=True))

    return HistorySteps(
        ids=tuple(str(i) for i in rows["id"]),
        starts=np.array([_seconds(s) for s in rows["valid_from"]], dtype=float),
        ends=np.array([_seconds(s) for s in rows["valid_to"]], dtype=float),
        values=rows["value"].to_numpy(dtype=float, na_value=np.nan),
        since=label("valid_from"), until=label("valid_to"),
        urls=tuple(str(u) for u in rows["source_url"]), events=tuple(str(e) for e in rows["event"]),
        fuzzy=np.array(sorted(set(fuzzy)), dtype=float).reshape(-1, 2))


def step_path(steps: HistorySteps, first: float, last: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``x, y, connect`` for a step line: open bounds run from ``first`` / to ``last``.

    Each step is a horizontal run; consecutive steps that touch are joined by a vertical riser,
    unless the bound between them is fuzzy (the chart draws that transition hatched instead).
    Ties without a value are drawn at 1 (present). ``connect[i]`` joins point ``i`` to ``i + 1``.
    """
    n = len(steps)
    if not n:
        return np.zeros(0), np.zeros(0), np.zeros(0, dtype=bool)
    starts = np.where(np.isnan(steps.starts), first, steps.starts)
    ends = np.where(np.isnan(steps.ends), np.maximum(last, starts), steps.ends)
    values = np.where(np.isnan(steps.values), 1.0, steps.values)
    x = np.stack([starts, ends], axis=1).ravel()
    y = np.repeat(values, 2)
    connect = np.zeros(2 * n, dtype=bool)
    connect[0::2] = True  # the run of each step
    fuzzy_starts = set(steps.fuzzy[:, 0].tolist())
    touching = (starts[1:] == ends[:-1]) & np.array([s not in fuzzy_starts for s in starts[1:]], dtype=bool)
    connect[1:-1:2] = touching
    return x, y, connect
