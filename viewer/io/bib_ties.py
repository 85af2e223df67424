"""The ties a bibliography's references make, as the relationship panel shows them as of the cursor: who had
written with whom (``co_author``) and who had published where (``published_in``).

A tie is a run of relation rows valued at how many references the two share so far: a step at each joint
reference's date, the last open-ended, so that Relation history draws the count rising and the panel shows
the count of the cursor's date. References are met in date order. A reference of more than
:data:`MOST_AUTHORS` authors pairs none of them (a 1,000-author paper would make half a million ties).
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field

MOST_AUTHORS = 25  # a reference with more authors pairs none of them as co-authors
TITLES_IN_NOTE = 3
RELATION_COLUMNS = ["id", "source", "target", "kind", "value", "valid_from", "valid_to", "note"]


@dataclass
class Tie:
    """One tie: how many references, the first titles, and a step (date, count so far, line) at each new date."""

    count: int = 0
    titles: list[str] = field(default_factory=list)
    steps: list[tuple[str, int, int]] = field(default_factory=list)


@dataclass
class Ties:
    """The ties found so far, by (kind, source, target), and the references with too many authors to pair."""

    found: dict[tuple[str, str, str], Tie] = field(default_factory=dict)
    crowded: list[tuple[int, int]] = field(default_factory=list)  # (authors, line)

    def add(self, authors: list[str], journal: str | None, title: str, line: int, date: str) -> None:
        """The ties of one reference (its author and journal ids) dated ``date`` (ISO), read at ``line``."""
        if len(authors) > MOST_AUTHORS:
            self.crowded.append((len(authors), line))
        else:
            for source, target in itertools.combinations(sorted(authors), 2):
                self._count(("co_author", source, target), title, line, date)
        if journal:
            for author in authors:
                self._count(("published_in", author, journal), title, line, date)

    def _count(self, key: tuple[str, str, str], title: str, line: int, date: str) -> None:
        tie = self.found.setdefault(key, Tie())
        tie.count += 1
        if tie.steps and tie.steps[-1][0] == date:  # two joint references of one date: one step
            tie.steps[-1] = (date, tie.count, tie.steps[-1][2])
        else:
            tie.steps.append((date, tie.count, line))
        if len(tie.titles) < TITLES_IN_NOTE:
            tie.titles.append(title)

    def relations(self) -> tuple[list[dict[str, object]], list[int]]:
        """The ties as relation rows, co-authors first, numbered by kind (``co_author-1`` …), and each row's line.

        >>> ties = Ties()
        >>> ties.add(["person:b", "person:a"], None, "One", 3, "2015")
        >>> ties.add(["person:a", "person:b"], None, "Two", 9, "2017-06")
        >>> [(r["value"], r["valid_from"], r["valid_to"]) for r in ties.relations()[0]]
        [(1.0, '2015', '2017-06'), (2.0, '2017-06', '')]
        """
        numbers: Counter[str] = Counter()
        out: list[dict[str, object]] = []
        lines: list[int] = []
        for (kind, source, target), tie in sorted(self.found.items(), key=lambda item: item[0][0] != "co_author"):
            note = _note(tie)
            for at, (date, count, line) in enumerate(tie.steps):
                numbers[kind] += 1
                until = tie.steps[at + 1][0] if at + 1 < len(tie.steps) else ""
                out.append({"id": f"{kind}-{numbers[kind]}", "source": source, "target": target, "kind": kind,
                            "value": float(count), "valid_from": date, "valid_to": until, "note": note})
                lines.append(line)
        return out, lines


def _note(tie: Tie) -> str:
    """The titles of the first joint references (three at most), and how many more there are."""
    more = tie.count - TITLES_IN_NOTE
    return "; ".join(tie.titles[:TITLES_IN_NOTE]) + (f"; and {more:,} more" if more > 0 else "")
