"""Playback: the cursor moves forward through the window at a chosen speed until the window's end.

A QTimer ticks twenty times a second; each tick asks :func:`viewer.model.navigation.play_step`
where the cursor goes next, so the arithmetic is tested without Qt.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from viewer.model import navigation
from viewer.ui.shared.state import ViewState


class Playback(QObject):
    """Moves ``state.cursor`` forward at ``speed`` (a key of ``navigation.SPEEDS``) while playing."""

    playing_changed = Signal(bool)

    def __init__(self, state: ViewState, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.state = state
        self.timer = QTimer(self)
        self.timer.setInterval(1000 // navigation.TICKS_PER_SECOND)
        self.timer.timeout.connect(self.tick)
        state.dataset_changed.connect(lambda _ds: self.pause())

    @property
    def playing(self) -> bool:
        """True while the cursor is moving."""
        return self.timer.isActive()

    @property
    def speed(self) -> str:
        """Data time per second of playback (a view choice of the session)."""
        return self.state.view.speed

    def set_speed(self, speed: str) -> None:
        """Data time per second of playback: ``day``, ``week``, ``month``, ``quarter`` or ``year``."""
        if speed not in navigation.SPEEDS:
            raise ValueError(f"speed must be one of {', '.join(navigation.SPEEDS)}, got {speed!r}")
        self.state.set_view(speed=speed)

    def play(self) -> None:
        """Start from the cursor (or the window's start when the cursor is outside the window)."""
        if self.playing:
            return
        self.state.move_cursor(navigation.play_start(self.state.cursor, self.state.window))
        self.timer.start()
        self.playing_changed.emit(True)

    def pause(self) -> None:
        """Stop where the cursor is."""
        if self.playing:
            self.timer.stop()
            self.playing_changed.emit(False)

    def toggle(self) -> None:
        """Play when paused, pause when playing."""
        self.pause() if self.playing else self.play()

    def tick(self, ticks: int = 1) -> None:
        """Advance by ``ticks`` timer ticks; stop at the window's end."""
        cursor, finished = navigation.play_step(self.state.cursor, self.speed, self.state.window, ticks,
                                                on=self.state.dataset.meta.clock)
        self.state.move_cursor(cursor)
        if finished:
            self.pause()
