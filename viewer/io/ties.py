"""Ties from messages, as dated relations: who wrote to, replied to or mentioned whom (counted), and who was a
member of which channel or group when (from joinings and leavings). A mailbox and the chat exports make them
alike."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from viewer.model.wording import counted


def counted_ties(pairs: Mapping[tuple[str, str], Sequence[str]], kind: str, what: str) -> list[dict[str, object]]:
    """One relation per (source, target) pair, from its first time on (ISO text), valued at how many times there
    are, the last one's day in its note ("3 replies, the last on 04 Mar 2019"); ids ``kind-1``, ``kind-2`` …

    >>> counted_ties({("ana", "ben"): ["2019-03-05T10:00:00Z", "2019-03-04T09:00:00Z"]}, "wrote_to", "message")
    [{'id': 'wrote_to-1', 'source': 'ana', 'target': 'ben', 'kind': 'wrote_to', 'value': 2, \
'valid_from': '2019-03-04T09:00:00Z', 'valid_to': '', 'note': '2 messages, the last on 05 Mar 2019'}]
    """
    out: list[dict[str, object]] = []
    for (source, target), times in sorted(pairs.items()):
        last = dt.date.fromisoformat(max(times)[:10])
        out.append({"id": f"{kind}-{len(out) + 1}", "source": source, "target": target, "kind": kind,
                    "value": len(times), "valid_from": min(times), "valid_to": "",
                    "note": f"{counted(len(times), what)}, the last on {last:%d %b %Y}"})
    return out


def membership_ties(moves: Mapping[tuple[str, str], Sequence[tuple[str, int]]],
                    opened: Mapping[str, str]) -> list[dict[str, object]]:
    """``member_of`` relations from each (person, group)'s joinings (+1) and leavings (-1) at their times (ISO
    text): from a joining to the next leaving, or on; a leaving with no joining before it counts from the group's
    opening (``opened``; open-ended when unknown).

    >>> [(r["source"], r["valid_from"], r["valid_to"]) for r in membership_ties(
    ...     {("ana", "g"): [("2019-03-05", -1), ("2019-03-07", 1)]}, {"g": "2019-01-01"})]
    [('ana', '2019-01-01', '2019-03-05'), ('ana', '2019-03-07', '')]
    """
    out: list[dict[str, object]] = []

    def tie(person: str, group: str, start: str, end: str) -> None:
        out.append({"id": f"member_of-{len(out) + 1}", "source": person, "target": group, "kind": "member_of",
                    "value": None, "valid_from": start, "valid_to": end, "note": ""})

    for (person, group), steps in sorted(moves.items()):
        since: str | None = None
        for when, step in sorted(steps):
            if step > 0 and since is None:
                since = when
            elif step < 0:
                tie(person, group, since if since is not None else opened.get(group, ""), when)
                since = None
        if since is not None:
            tie(person, group, since, "")
    return out
