"""The vis-timeline peer benchmark's data, ported from ``../shared/bench/peer-vis/page.html`` call for call.

The page draws its items from mulberry32 with a fixed seed, in this order per item: the group, the start,
range-or-point, the words of the 40-character content, then (ranges only) a log-uniform duration. This
port makes the same calls in the same order with the same 32-bit arithmetic, so item ``i`` here is item
``i`` there: same group, same start and end to the millisecond, same content (``tests/test_peer_data.py``
checks it against the page's own code under node). :func:`events` turns the items into the events table
Entente builds a dataset from; vis' groups become 50 principal actors, so both sides show 50 lanes.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd

SEED = 20240601
GROUPS = 50
RANGE_SHARE = 0.30
SPAN_START = 1514764800000  # Date.UTC(2018, 0, 1), in milliseconds
SPAN_END = 1704067200000  # Date.UTC(2024, 0, 1)
SPAN = SPAN_END - SPAN_START
HOUR = 3600 * 1000
CONTENT_LEN = 40
WORDS = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf", "hotel", "india", "juliet", "kilo",
         "lima", "mike", "november", "oscar", "papa", "quebec", "romeo", "sierra", "tango", "uniform", "victor",
         "whiskey", "xray", "yankee", "zulu", "meeting", "deploy", "review", "release", "incident", "backup",
         "audit", "launch", "sprint", "budget")
_MASK = 0xFFFFFFFF


class Mulberry32:
    """The page's PRNG; JavaScript's int32 steps done as unsigned 32-bit arithmetic (the same bits)."""

    def __init__(self, seed: int) -> None:
        self.state = seed & _MASK

    def __call__(self) -> float:
        """The next number in [0, 1), as the page's ``rnd()`` returns it."""
        a = self.state = (self.state + 0x6D2B79F5) & _MASK
        t = ((a ^ (a >> 15)) * (1 | a)) & _MASK  # Math.imul keeps the low 32 bits
        t = ((t + (((t ^ (t >> 7)) * (61 | t)) & _MASK)) & _MASK) ^ t
        return ((t ^ (t >> 14)) & _MASK) / 4294967296


@dataclass(frozen=True)
class Item:
    """One vis-timeline item: ``end_ms`` is None for a point."""

    id: int
    group: int
    start_ms: int
    end_ms: int | None
    content: str


def _content(i: int, rnd: Mulberry32) -> str:
    text = f"#{i}"
    while len(text) < CONTENT_LEN:
        text += " " + WORDS[math.floor(rnd() * len(WORDS))]
    return text[:CONTENT_LEN]


def items(n: int) -> list[Item]:
    """The page's ``makeItems(n)``."""
    rnd = Mulberry32(SEED)
    log_hour, log_month = math.log(HOUR), math.log(30 * 24 * HOUR)
    out = []
    for i in range(n):
        group = math.floor(rnd() * GROUPS)
        start = SPAN_START + math.floor(rnd() * SPAN)
        is_range = rnd() < RANGE_SHARE
        content = _content(i, rnd)  # the item literal calls makeContent before the duration is drawn
        end = None
        if is_range:
            duration = math.exp(log_hour + rnd() * (log_month - log_hour))
            end = start + math.floor(duration + 0.5)  # Math.round: halves go up
        out.append(Item(i, group, start, end, content))
    return out


def group_id(group: int) -> str:
    """The actor id standing for a vis group."""
    return f"g{group:02d}"


def entities() -> pd.DataFrame:
    """The 50 groups as entities, named as the page names them (``Group 7``)."""
    return pd.DataFrame({"id": [group_id(g) for g in range(GROUPS)], "name": [f"Group {g}" for g in range(GROUPS)],
                         "kind": "group"})


def events(n: int) -> pd.DataFrame:
    """The items as an events table, instants already parsed (like the page's ``Date`` objects); points end NaT."""
    made = items(n)
    ends = np.array([-1 if it.end_ms is None else it.end_ms for it in made], dtype=np.int64)
    end = pd.Series(ends.astype("datetime64[ms]")).where(ends >= 0)
    return pd.DataFrame({
        "id": [str(it.id) for it in made],
        "start": pd.Series(np.array([it.start_ms for it in made], dtype="datetime64[ms]")).dt.tz_localize("UTC"),
        "end": end.dt.tz_localize("UTC"),
        "title": [it.content for it in made],
        "actors": [group_id(it.group) for it in made],
    })
