"""The engine worker stops a stale query mid-way when the view moves on (the first zoom never waits minutes)."""

from __future__ import annotations

import time
from typing import Any

import duckdb
from pytestqt.qtbot import QtBot

from viewer.source.base import CancelToken, Generation
from viewer.ui.shared.engine import SourceWorker


class Backend:
    """What the worker reaches for: an engine connection (DuckDB's can be interrupted)."""

    def __init__(self) -> None:
        self.con = duckdb.connect()


class SlowSource:
    """A stand-in source whose questions run SQL on one DuckDB connection."""

    def __init__(self) -> None:
        self.backend = Backend()


def test_a_newer_view_interrupts_the_query_under_way_and_gets_its_answer(qtbot: QtBot) -> None:
    source = SlowSource()
    worker = SourceWorker(source)  # type: ignore[arg-type]  # only the backend is used here
    generation = Generation()
    answers: list[Any] = []

    def whole_span(token: CancelToken) -> Any:  # minutes of work if nobody stops it
        return source.backend.con.execute("SELECT sum(range % 7) FROM range(400000000000)").fetchall()

    def view(token: CancelToken) -> Any:
        return source.backend.con.execute("SELECT 42").fetchall()[0][0]

    worker.ask(whole_span, answers.append, generation.next())
    qtbot.waitUntil(lambda: worker._running is not None, timeout=5000)  # the scan is under way
    time.sleep(0.2)
    began = time.perf_counter()
    worker.ask(view, answers.append, generation.next())  # the user zoomed: the scan is stale
    qtbot.waitUntil(lambda: answers == [42], timeout=10_000)
    assert time.perf_counter() - began < 5.0
    qtbot.waitUntil(lambda: not worker.busy, timeout=5000)
    assert answers == [42]  # the stale scan's end (an interrupt) was dropped, not delivered or logged
    worker.shutdown()


def test_an_interrupt_that_lands_on_a_current_question_asks_it_again(qtbot: QtBot) -> None:
    source = SlowSource()
    worker = SourceWorker(source)  # type: ignore[arg-type]
    answers: list[Any] = []
    tries: list[int] = []

    def current(token: CancelToken) -> Any:  # the first try meets an interrupt meant for a stale question
        tries.append(1)
        if len(tries) == 1:
            raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
        return 7

    worker.ask(current, answers.append)
    qtbot.waitUntil(lambda: answers == [7], timeout=5000)
    assert len(tries) == 2
    worker.shutdown()


def test_a_worker_shut_down_with_its_source_answers_nothing_and_raises_nothing(qtbot: QtBot) -> None:
    worker = SourceWorker(SlowSource())  # type: ignore[arg-type]
    worker.shutdown()
    answers: list[Any] = []
    worker.ask(lambda token: 1, answers.append)  # a late repaint after the window closed
    qtbot.wait(100)
    assert answers == [] and not worker.busy
