"""What the relation history writes and draws for each step's value. Pandas and numpy only: never Qt.

Each step reads as the graph and the relations table read it (:func:`viewer.model.graph_rows.edge_labels`, which
writes with :func:`viewer.model.value_labels.value_label`): ``43.4%`` for a stake, ``46`` for a supplier tie's plain
number, a band or a bound as written, ``25–50%`` or ``>75%``, never the number used for it (37.5, 75). A band of a
share is drawn as the range it names (25 to 50); a bound of one, which a share's 0-100 closes, from the bound to 100
(or 0 to it). The chart's axis says the unit: ``%`` for a share, a price's currency, none for a plain number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from viewer.model.graph_rows import edge_labels
from viewer.model.value_labels import UNITS, is_plain, is_share

NO_VALUE = "in force"  # a step of a tie with no value: it held, that is all
_NUMBER = r"(\d+(?:\.\d+)?)"
_BAND = re.compile(rf"^{_NUMBER}–{_NUMBER}%$")  # as value_bands writes a band
_BOUND = re.compile(rf"^([<>≤≥]){_NUMBER}%$")  # and a bound


@dataclass(frozen=True)
class StepValues:
    """The value of each step of a relation as text, and the range a band or a bound names (NaN elsewhere)."""

    texts: tuple[str, ...]
    lows: np.ndarray
    highs: np.ndarray
    unit: str  # the chart's axis: "%", a currency, or ""

    @property
    def ranged(self) -> np.ndarray:
        """Which steps are a range (a band or a bound), not one number."""
        return np.isfinite(self.lows) & np.isfinite(self.highs)


def step_values(rows: pd.DataFrame, kind: str) -> StepValues:
    """The steps' values of a relation of one ``kind`` (its rows, as :func:`viewer.model.query.history` orders them).

    >>> from viewer.model import value_bands
    >>> rows = pd.DataFrame({"kind": ["equity_stake"] * 3, "value": [37.5, 75.0, 43.4],
    ...                      value_bands.COLUMN: ["25–50%", ">75%", None]})
    >>> found = step_values(rows, "equity_stake")
    >>> found.texts, found.lows.tolist(), found.highs.tolist(), found.unit
    (('25–50%', '>75%', '43.4%'), [25.0, 75.0, nan], [50.0, 100.0, nan], '%')
    >>> step_values(pd.DataFrame({"kind": ["supplier", "supplier"], "value": [46.0, None]}), "supplier").texts
    ('46', 'in force')
    """
    if not len(rows):
        return StepValues((), np.zeros(0), np.zeros(0), axis_unit(kind))
    _, values, keys, labels = edge_labels(rows)
    texts = tuple(labels[key] if key[2] or np.isfinite(value) else NO_VALUE
                  for key, value in zip(keys, values, strict=True))
    bounds = np.array([ranged(key[2]) for key in keys], dtype=float).reshape(-1, 2)
    return StepValues(texts, bounds[:, 0], bounds[:, 1], axis_unit(kind))


def ranged(written: str) -> tuple[float, float]:
    """The range a band or a bound of a share names, ``(nan, nan)`` for any other text.

    >>> ranged("25–50%"), ranged(">75%"), ranged("≤5%"), ranged("100%"), ranged("$5.4bn")
    ((25.0, 50.0), (75.0, 100.0), (0.0, 5.0), (nan, nan), (nan, nan))
    """
    band = _BAND.match(written)
    if band:
        return float(band[1]), float(band[2])
    bound = _BOUND.match(written)
    if bound:
        at = float(bound[2])
        return (at, max(at, 100.0)) if bound[1] in ">≥" else (min(at, 0.0), at)
    return np.nan, np.nan


def axis_unit(kind: str) -> str:
    """What a chart's value axis of a relation of this kind is in.

    >>> axis_unit("equity_stake"), axis_unit("acquisition_price_usd"), axis_unit("price"), axis_unit("supplier")
    ('%', 'USD', '', '')
    """
    if is_share(kind):
        return "%"
    if is_plain(kind):
        return ""
    return UNITS.get(kind.lower().rsplit("_", 1)[-1], "")


def kept(boxes: np.ndarray) -> np.ndarray:
    """Which of these labels (rows ``left, top, right, bottom``, the first the most wanted) are drawn so that none
    covers another: each in turn, unless it would cover one kept before it.

    >>> kept(np.array([[0, 0, 10, 5], [5, 2, 15, 7], [0, 6, 10, 11], [20, 0, 30, 5]], dtype=float)).tolist()
    [True, False, True, True]
    """
    keep = np.zeros(len(boxes), dtype=bool)
    for i, (left, top, right, bottom) in enumerate(boxes):
        shown = boxes[keep]
        keep[i] = not ((shown[:, 0] < right) & (left < shown[:, 2]) & (shown[:, 1] < bottom)
                       & (top < shown[:, 3])).any()
    return keep
