"""Counting the calls a window makes to a function, for tests that say how often work is done."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, QObject


def counted(monkeypatch: pytest.MonkeyPatch, owner: object, name: str) -> list[int]:
    """Replace ``owner.name`` by a function that does what it did and appends to the list returned: its length is
    how many calls were made since."""
    calls: list[int] = []
    original = getattr(owner, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, counting)
    return calls


class Events(QObject):
    """Counts the events of one kind a widget receives once installed as its filter (paints, layout requests)."""

    def __init__(self, kind: QEvent.Type) -> None:
        super().__init__()
        self.kind, self.count = kind, 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Count, and let the event through."""
        self.count += event.type() == self.kind
        return False
