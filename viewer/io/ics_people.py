"""Who an iCalendar event names: its ORGANIZER and its ATTENDEEs, as the event's actors.

A calendar is who met whom and when (a minister's published agenda, a leaked diary, a team's meetings); its people
were dropped. Each is known by their address (``mailto:`` left out) and named by their ``CN``, as calendars most
often name them; without an address, by that name. Who declined (``PARTSTAT=DECLINED``) was invited and did not come:
named in the event's ``declined`` attribute, not among its actors. Rooms and resources (``CUTYPE=ROOM``/``RESOURCE``)
are kept as such, not as people.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

import pandas as pd

from viewer.io.ties import counted_ties

KINDS = {"GROUP": "group", "ROOM": "room", "RESOURCE": "resource"}  # else a person


class People:
    """The people named in a calendar's events so far, and the names each is given."""

    def __init__(self) -> None:
        self._names: defaultdict[str, Counter[str]] = defaultdict(Counter)
        self._kinds: dict[str, str] = {}

    def of(self, values: list[Any], attendees: list[Any]) -> tuple[list[str], list[str]]:
        """The ids of an event's organizer (``values``) and attendees, in that order, each once; and the names of
        those who declined."""
        present: dict[str, None] = {}
        declined: list[str] = []
        for value in [*values, *attendees]:
            found = self._one(value)
            if found is None:
                continue
            key, name, kind, status = found
            if status == "DECLINED":
                declined.append(name or key)
                continue
            present[key] = None
            if name:
                self._names[key][name] += 1
            self._kinds.setdefault(key, kind)
        return list(present), list(dict.fromkeys(declined))

    @staticmethod
    def key(value: Any) -> str:
        """The id of the one address of this value ("" for none)."""
        found = People._one(value)
        return found[0] if found else ""

    @staticmethod
    def _one(value: Any) -> tuple[str, str, str, str] | None:
        """An address's id, name, kind and answer (PARTSTAT)."""
        params = getattr(value, "params", {})
        address = str(value).strip()
        if address.lower().startswith("mailto:"):
            address = address[7:].strip()
        name = " ".join(str(params.get("CN", "")).strip().strip('"').split())
        key = (address.lower() or name).replace(";", ",")  # (a ';' would split it in an actor list)
        if not key:
            return None
        kind = KINDS.get(str(params.get("CUTYPE", "")).upper(), "person")
        return key, name, kind, str(params.get("PARTSTAT", "")).upper()

    def name(self, value: Any) -> str:
        """How one address is named in this value, else in the calendar, else its address."""
        found = self._one(value)
        if found is None:
            return ""
        key, name = found[0], found[1]
        return name or (self._names[key].most_common(1)[0][0] if self._names.get(key) else key)

    def entities(self) -> list[dict[str, str]]:
        """One entity for each person, named as the calendar names them most often."""
        return [{"id": key, "name": self._names[key].most_common(1)[0][0] if self._names[key] else key, "kind": kind}
                for key, kind in self._kinds.items()]


def named(rows: list[dict[str, Any]]) -> tuple[list[str], pd.DataFrame | None, pd.DataFrame | None]:
    """Each row's people (its ``people`` key: the ORGANIZER and ATTENDEE values) as its ``actors``, its organizer's
    and its decliners' names as attributes; the attribute columns some row fills, the people as entities, and who
    invited whom as ``invited`` ties (from the first meeting on, valued at the number of meetings)."""
    people = People()
    filled: dict[str, None] = {}
    pairs: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
    for row in rows:
        organizer, attendees = row.pop("people")
        actors, declined = people.of(organizer, attendees)
        row["actors"] = ";".join(actors)
        host = People.key(organizer[0]) if organizer else ""
        for guest in actors if host in actors and row["start"] else ():
            if guest != host:
                pairs[(host, guest)].append(row["start"])
        for column, names in (("attr:organizer", [people.name(value) for value in organizer]),
                              ("attr:declined", declined)):
            row[column] = ", ".join(name for name in names if name)
            if row[column]:
                filled[column] = None
    entities, ties = people.entities(), counted_ties(pairs, "invited", "meeting")
    return (list(filled), pd.DataFrame(entities, columns=["id", "name", "kind"]) if entities else None,
            pd.DataFrame(ties, columns=["id", "source", "target", "kind", "value", "valid_from", "note"]) if ties
            else None)
