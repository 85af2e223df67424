"""Ties counted from messages (who wrote to, replied to or mentioned whom), as dated relations: a mailbox, a Slack
export and a Discord channel make them alike."""

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
