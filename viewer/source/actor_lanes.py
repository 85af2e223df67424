"""Actor lanes from the distinct actor lists, so an engine joins a small table instead of splitting
every row's list: ``a;b`` → lanes of ``a`` and ``b`` among the keys, else "Other" (``lane_rows``'s rule)."""

from __future__ import annotations

from viewer.model.lane_packing import OTHER


def tokens(text: str) -> set[str]:
    """The distinct, stripped, non-empty ids of a ';'-separated list."""
    return {a.strip() for a in text.split(";") if a.strip()}


def lane_pairs(lists: list[str], keys: tuple[str, ...]) -> list[tuple[str, str]]:
    """(list, lane key) for every list and each lane it belongs to: its actors among ``keys``, else Other."""
    named = {k for k in keys if k != OTHER}
    out: list[tuple[str, str]] = []
    for text in lists:
        mine = sorted(tokens(text) & named)
        out.extend((text, lane) for lane in (mine or [OTHER]))
    return out


def busiest(counts: list[tuple[str, int]], n: int) -> list[str]:
    """The ``n`` actors in the most events, most first, ties by id (``busiest_actors``'s rule)."""
    per_actor: dict[str, int] = {}
    for text, count in counts:
        for actor in tokens(text):
            per_actor[actor] = per_actor.get(actor, 0) + count
    return [a for a, _ in sorted(per_actor.items(), key=lambda item: (-item[1], item[0]))[:n]]
