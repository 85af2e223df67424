"""Counts in words: "1 event", "2 events", "1,000 events"."""

from __future__ import annotations


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """``n`` with its noun, singular for one (``entity`` → ``entities`` is given as ``plural``)."""
    return f"{n:,} {noun if n == 1 else plural or noun + 's'}"
