"""A graphics item's paint that raises is caught, logged and reported once, instead of taking the process down.

An exception escaping a Python ``paint`` override leaves PySide6 with an error set in the middle of Qt's scene
painting: the next calls fail one after the other and the process ends (a relationship panel with no edge label
to place segfaulted). :func:`guarded` wraps a ``paint``: the painter's state is saved and restored around it, and
an exception is logged and handed to ``sys.excepthook`` after the paint (the window's hook shows "Something went
wrong", and Entente keeps running), once per item class and error, not at every frame that fails again.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QTimer
from PySide6.QtGui import QPainter

log = logging.getLogger(__name__)
Paint = TypeVar("Paint", bound=Callable[..., None])

_reported: set[tuple[str, str]] = set()  # (item class, error) said once: a broken paint fails at every frame


def guarded(paint: Paint) -> Paint:
    """``paint(self, painter, *args)`` that never lets an exception out (see the module)."""

    @functools.wraps(paint)
    def safe(self: Any, painter: QPainter, *args: Any) -> None:
        painter.save()
        try:
            paint(self, painter, *args)
        except Exception as exc:  # any bug in a paint: reported, never fatal
            key = (type(self).__name__, f"{type(exc).__name__}: {exc}")
            if key not in _reported:
                _reported.add(key)
                log.warning("painting %s failed", key[0], exc_info=True)  # (the hook logs it as an error)
                info = (type(exc), exc, exc.__traceback__)
                QTimer.singleShot(0, lambda: sys.excepthook(*info))  # after the paint, as an uncaught error
        finally:
            painter.restore()

    return safe  # type: ignore[return-value]  # the same signature
