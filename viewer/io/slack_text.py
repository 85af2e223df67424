"""A Slack message's text as people read it, from the markup its export keeps.

Slack writes mentions, channel links and links in angle brackets (``<@U024BE7LH>``, ``<#C02|general>``,
``<https://example.org|the report>``, ``<!here>``) and escapes ``&``, ``<`` and ``>`` as HTML entities. Here each is
written as its name (``@Ana Lima``, ``#general``, ``the report (https://example.org)``, ``@here``); the users a
message mentions are returned with its text.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping

_MARKUP = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")
_TIME = re.compile(r"^(\d{1,11})(?:\.(\d{1,6}))?$")  # Slack's "1551693600.000200": seconds and microseconds


def readable(text: str, users: Mapping[str, str], channels: Mapping[str, str]) -> tuple[str, list[str]]:
    """The text with its markup written as names, and the ids of the users it mentions (in order, once each).

    >>> readable("<@U1> see <https://x.org/r|the report> in <#C9|general> &amp; <!here>", {"U1": "Ana"}, {})
    ('@Ana see the report (https://x.org/r) in #general & @here', ['U1'])
    """
    mentioned: list[str] = []

    def written(found: re.Match[str]) -> str:
        target, label = found.group(1), found.group(2)
        if target.startswith("@"):  # a user
            user = target[1:]
            if user not in mentioned:
                mentioned.append(user)
            return "@" + users.get(user, label.lstrip("@") if label else user)
        if target.startswith("#"):  # a channel
            return "#" + (channels.get(target[1:]) or (label or target[1:]))
        if target.startswith("!"):  # @here, @channel, a user group ("!subteam^S1|@team"), a date's fallback
            word = target[1:].split("^")[0]
            return label if label and word not in ("here", "channel", "everyone") else "@" + word
        address = target.removeprefix("mailto:")
        return f"{label} ({address})" if label and label != address else address  # a link, with its label

    return html.unescape(_MARKUP.sub(written, text)), mentioned


def instant(ts: object) -> str | None:
    """Slack's message time (``"1551693600.000200"``: seconds since 1970 in UTC, to the microsecond) as ISO text,
    exact (no float rounding); None when it is not such a time.

    >>> instant("1551693600.000200"), instant(1551693600), instant("yesterday")
    ('2019-03-04T10:00:00.000200Z', '2019-03-04T10:00:00.000000Z', None)
    """
    found = _TIME.match(str(ts).strip()) if isinstance(ts, str | int | float) and not isinstance(ts, bool) else None
    if found is None:
        return None
    seconds, micros = int(found.group(1)), int((found.group(2) or "0").ljust(6, "0"))
    try:
        stamp = dt.datetime(1970, 1, 1) + dt.timedelta(seconds=seconds, microseconds=micros)
    except OverflowError:
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ") if stamp.year >= 1970 else None
