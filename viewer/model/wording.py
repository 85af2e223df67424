"""Counts in words: "1 event", "2 events", "1,000 events"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun, singular for one (``entity`` → ``entities`` is given as ``plural``)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"


def problems_and_notes(levels: list[str], noun: str = "problem", notes_alone: str = "note") -> str:
    """Loading problems counted apart from notes on how a file was read (``info``): "2 problems and 1 note",
    "3 notes" (a file read cleanly with a note or two said nothing was wrong, not "3 problems").

    >>> problems_and_notes(["error", "info", "warning"]), problems_and_notes(["info"] * 3, "loading problem")
    ('2 problems and 1 note', '3 notes')
    >>> problems_and_notes(["info"], "loading problem", "loading note")
    '1 loading note'
    """
    notes = sum(level == "info" for level in levels)
    problems = len(levels) - notes
    if not problems:
        return counted(notes, notes_alone)
    return " and ".join([counted(problems, noun)] + ([counted(notes, "note")] if notes else []))
