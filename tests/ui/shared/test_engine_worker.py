"""The engine worker stops a stale query mid-way when the view moves on (the first zoom never waits minutes)."""

from __future__ import annotations

import threading
import time
from typing import Any

import duckdb
from pytestqt.qtbot import QtBot

from viewer.source.base import CancelToken, Generation
from viewer.ui.shared.engine import SourceWorker, retire, worker_for


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


def test_an_answer_under_way_when_the_worker_shuts_down_is_dropped(qtbot: QtBot) -> None:
    worker = SourceWorker(SlowSource())  # type: ignore[arg-type]
    answers: list[Any] = []
    started = threading.Event()

    def slow(token: CancelToken) -> int:
        started.set()
        time.sleep(0.3)
        return 1

    worker.ask(slow, answers.append)
    assert started.wait(5)
    worker.shutdown()  # the window closes while the question runs: its panels may be gone
    qtbot.waitUntil(lambda: not worker.busy, timeout=5_000)
    assert answers == []


def test_a_retired_source_never_retires_the_worker_of_the_source_shown_now(qtbot: QtBot) -> None:
    """A panel of a closed window that still follows the theme asks for its old source's worker: it gets
    the shut one, and the worker of the source the open window shows keeps answering."""
    old, new = SlowSource(), SlowSource()
    first = worker_for(old)  # type: ignore[arg-type]
    retire()  # the window on ``old`` closed
    shown = worker_for(new)  # type: ignore[arg-type]
    try:
        assert worker_for(old) is first  # type: ignore[arg-type]
        answers: list[Any] = []
        worker_for(old).ask(lambda token: "stale", answers.append)  # type: ignore[arg-type]
        worker_for(new).ask(lambda token: "current", answers.append)  # type: ignore[arg-type]
        qtbot.waitUntil(lambda: answers == ["current"], timeout=5_000)
        assert worker_for(new) is shown  # type: ignore[arg-type]
    finally:
        retire()


def test_a_long_scan_asked_aside_never_holds_up_the_views_questions(qtbot: QtBot, tmp_path: Any) -> None:
    import pandas as pd

    from viewer.source.windowed import open_for_window
    path = tmp_path / "events.parquet"
    pd.DataFrame({"id": ["a", "b"], "start": pd.to_datetime(["2020-01-01", "2021-01-01"]),
                  "title": ["A", "B"]}).to_parquet(path, index=False)
    source = open_for_window(path).source
    assert source is not None
    worker = SourceWorker(source)
    answers: list[Any] = []
    release = threading.Event()

    def scan(on: Any, token: CancelToken) -> int:
        assert on is not source  # a connection of its own
        release.wait(10)  # minutes of counting, on a big source
        return int(on.count())

    try:
        worker.aside(scan, answers.append)
        worker.ask(lambda token: "tile", answers.append)
        qtbot.waitUntil(lambda: answers == ["tile"], timeout=5_000)  # the view's question did not wait
        assert not worker.busy  # and the scan does not show the view as loading
        release.set()
        qtbot.waitUntil(lambda: answers == ["tile", 2], timeout=10_000)
    finally:
        release.set()
        worker.shutdown()
