"""A monkey plays with the real main window: random actions, keys, wheels, drags, clicks, resizes,
themes, Compare dates, filters and files (good and broken), checking after every step that nothing
broke. A failing sequence shrinks to a short script of the steps below, printed by hypothesis.

The budget is small in ``make test``; ``make monkey`` runs long with random seeds
(ENTENTE_MONKEY_EXAMPLES examples of up to ENTENTE_MONKEY_STEPS steps) and prints how many actions ran.
"""

from __future__ import annotations

import contextlib
import logging
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path
from types import TracebackType
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QCoreApplication, QElapsedTimer, QEvent, QEventLoop, QPointF, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox, QToolButton, QWidget

import viewer
from tests.ui import monkey_input as monkey
from viewer.model.wording import counted
from viewer.ui.shared.state import ViewState
from viewer.ui.shell.main_window import MainWindow
from viewer.ui.shell.settings import Settings

EXAMPLES = int(os.environ.get("ENTENTE_MONKEY_EXAMPLES", "10"))
STEPS = int(os.environ.get("ENTENTE_MONKEY_STEPS", "25"))
RANDOM = os.environ.get("ENTENTE_MONKEY_RANDOM") is not None
LOAD_TIMEOUT_MS = 60_000
SKIPPED_ACTIONS = {"quit"}  # closing the window ends the game; closing is covered by every teardown
KEYS = {"Left": Qt.Key.Key_Left, "Right": Qt.Key.Key_Right, "Up": Qt.Key.Key_Up, "Down": Qt.Key.Key_Down,
        "Home": Qt.Key.Key_Home, "End": Qt.Key.Key_End,
        "+": Qt.Key.Key_Plus, "-": Qt.Key.Key_Minus, "Space": Qt.Key.Key_Space, "Escape": Qt.Key.Key_Escape,
        "PageUp": Qt.Key.Key_PageUp, "PageDown": Qt.Key.Key_PageDown, "Return": Qt.Key.Key_Return,
        "Tab": Qt.Key.Key_Tab, "Delete": Qt.Key.Key_Delete}
TARGETS = ("timeline", "overview", "graph")
BUTTONS = {"left": Qt.MouseButton.LeftButton, "right": Qt.MouseButton.RightButton,
           "middle": Qt.MouseButton.MiddleButton}
CORPUS = Path(tempfile.gettempdir()) / "entente-monkey-corpus"  # a fixed place: printed scripts replay as they are
GOOD = monkey.good_files()
FILES = GOOD + monkey.write_broken_files(CORPUS, GOOD)
DATE_TEXT = st.one_of(st.sampled_from(["", "2019", "2019-12", "2019-12-29", "1066", "-500", "9999", "10000",
                                       "2019-13", "2019-02-30", "0001-01-01", "1677-09-21", "2262-04-12", "abc",
                                       "1e9", " ", "2019-12-29T10:00"]),
                      st.text(max_size=10))
COMPARE_DATE = st.one_of(st.integers(-3000, 12000).map(str),
                         st.dates().map(lambda d: d.isoformat()))
FRACTION = st.floats(0.0, 1.0)
COUNT = {"actions": 0, "examples": 0}


def _close_popup() -> None:
    """Close the open menu or popup, as the user who opened it would."""
    popup = QApplication.activePopupWidget()
    if popup is not None:
        popup.close()


def _run_loop(ms: int) -> None:
    """Run the event loop for ``ms``, as the app's own loop runs: the loader's and engines' threads work
    meanwhile (``QTest.qWait`` keeps the GIL while it sleeps, so they would crawl)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


class Monkey(RuleBasedStateMachine):
    """A fresh, shown main window on the bundled dataset; each rule is one thing a user might do."""

    def __init__(self) -> None:
        super().__init__()
        COUNT["examples"] += 1
        self.app = QApplication.instance()
        self.folder = Path(tempfile.mkdtemp(prefix="entente-monkey-"))
        self.reached: list[BaseException] = []
        self.errors: list[logging.LogRecord] = []
        self.patch = pytest.MonkeyPatch()
        self._silence_dialogs()
        self._hook, sys.excepthook = sys.excepthook, self._on_exception
        self.log_handler = _ErrorHandler(self.errors)
        logging.getLogger().addHandler(self.log_handler)
        self.window = MainWindow(ViewState(viewer.load()), Settings(self.folder / "config" / "entente.ini"))
        self.window.resize(1600, 900)
        self.window.show()
        QTest.qWaitForWindowExposed(self.window)
        self.closer = QTimer()  # a menu opened modally by a click (a tool button's) waits for a user to close it
        self.closer.setInterval(100)
        self.closer.timeout.connect(_close_popup)
        self.closer.start()

    # the world around the window ------------------------------------------------------------------
    def _silence_dialogs(self) -> None:
        """Modal dialogs answer at once: file choosers cancel or name a file in the scratch folder."""
        folder = self.folder
        self.patch.setattr(QFileDialog, "getOpenFileNames", staticmethod(lambda *a, **k: ([], "")))
        self.patch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
        self.patch.setattr(QFileDialog, "getSaveFileName",
                           staticmethod(lambda _p, _t, name="", *a, **k: (str(folder / (name or "out.png")), "")))
        self.patch.setattr(QMessageBox, "exec", lambda _self: QMessageBox.StandardButton.Ok)
        self.patch.setattr(QDialog, "exec", lambda _self: QDialog.DialogCode.Accepted)

    def _on_exception(self, kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        self.reached.append(exc)
        sys.__excepthook__(kind, exc, tb)

    def _settle(self, ms: int = 0) -> None:
        QApplication.processEvents()
        if ms:
            _run_loop(ms)

    def _wait_loaded(self) -> None:
        timer = QElapsedTimer()
        timer.start()
        while self.window.loader.busy and timer.elapsed() < LOAD_TIMEOUT_MS:
            _run_loop(10)
        assert not self.window.loader.busy, f"a load did not finish in {LOAD_TIMEOUT_MS / 1000:.0f} s"

    def _target(self, name: str) -> QWidget:
        tools = self.window.tools
        views = {"timeline": tools.timeline.plot, "overview": tools.overview.plot,
                 "graph": self.window.relations.canvas}
        return views[name].viewport()

    def _count(self) -> None:
        COUNT["actions"] += 1

    # rules -----------------------------------------------------------------------------------------
    @rule(data=st.data())
    def trigger_action(self, data: st.DataObject) -> None:
        """Any registered action, as from its menu or shortcut."""
        names = sorted(set(self.window.actions_by_name) - SKIPPED_ACTIONS)
        action = self.window.actions_by_name[data.draw(st.sampled_from(names), label="action")]
        action.trigger()
        self._settle()
        self._count()

    @rule(key=st.sampled_from(["default", "all", "around"]))
    def preset(self, key: str) -> None:
        """A preset window from the timeline's toolbar (it returns to a zoom seen before, exactly)."""
        self.window.tools.presets[key].trigger()
        self._settle()
        self._count()

    @rule(view=st.sampled_from(TARGETS), key=st.sampled_from(sorted(KEYS)), ctrl=st.booleans())
    def press_key(self, view: str, key: str, ctrl: bool) -> None:
        """A key press on the timeline, the overview or the graph (its arrows step from entity to entity)."""
        modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
        widget = self._target(view).parentWidget()
        assert widget is not None
        widget.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(widget, KEYS[key], modifier)
        self._settle()
        self._count()

    @rule(view=st.sampled_from(TARGETS), fx=FRACTION, fy=FRACTION, delta=st.sampled_from([-480, -120, -15, 15, 120,
                                                                                             480]))
    def turn_wheel(self, view: str, fx: float, fy: float, delta: int) -> None:
        """A wheel turn over the timeline, the overview or the graph."""
        widget = self._target(view)
        monkey.wheel(widget, monkey.point(widget, fx, fy), delta)
        self._settle()
        self._count()

    @rule(view=st.sampled_from(TARGETS), start=st.tuples(FRACTION, FRACTION), end=st.tuples(FRACTION, FRACTION),
          button=st.sampled_from(sorted(BUTTONS)))
    def drag(self, view: str, start: tuple[float, float], end: tuple[float, float], button: str) -> None:
        """A drag across the timeline, the overview or the graph."""
        widget = self._target(view)
        monkey.drag(widget, monkey.point(widget, *start), monkey.point(widget, *end), BUTTONS[button])
        self._settle()
        self._count()

    @rule(fx=FRACTION, fy=FRACTION, button=st.sampled_from(sorted(BUTTONS)), double=st.booleans())
    def click_anywhere(self, fx: float, fy: float, button: str, double: bool) -> None:
        """A click at a random point of the window, on whatever widget is there."""
        at = monkey.point(self.window, fx, fy)
        widget = self.window.childAt(at.toPoint()) or self.window
        local = widget.mapFrom(self.window, at.toPoint()).toPointF()
        monkey.click(widget, local, BUTTONS[button], double)
        self._settle()
        popup = QApplication.activePopupWidget()
        if popup is not None:  # a menu or a combo box opened: the user closes it again
            popup.close()
        self._count()

    @rule(width=st.integers(800, 2560), height=st.integers(600, 1440))
    def resize(self, width: int, height: int) -> None:
        """Resize the window."""
        if self.window.isFullScreen():
            self.window.showNormal()
        self.window.resize(width, height)
        self._settle()
        self._count()

    @rule(theme=st.sampled_from(["system", "light", "dark"]))
    def switch_theme(self, theme: str) -> None:
        """Pick a theme from the View menu."""
        self.window.actions_by_name[f"theme_{theme}"].trigger()
        self._settle()
        self._count()

    @rule(before=COMPARE_DATE, after=COMPARE_DATE)
    def compare(self, before: str, after: str) -> None:
        """Compare mode between two dates (a date the parser refuses is not a crash)."""
        self.window.relations.set_mode("diff")
        with contextlib.suppress(ValueError):
            self.window.relations.diff_view.set_dates(before, after)
        self._settle()
        self._count()

    @rule(before=DATE_TEXT, after=DATE_TEXT)
    def type_compare_dates(self, before: str, after: str) -> None:
        """Type two dates into Compare's boxes."""
        view = self.window.relations.diff_view
        for edit, text in ((view.before_edit, before), (view.after_edit, after)):
            edit.setText(text)
            edit.editingFinished.emit()
        self._settle()
        self._count()

    @rule(preset=st.sampled_from(["window_button", "cursor_button"]))
    def compare_preset(self, preset: str) -> None:
        """Click one of Compare's presets: the window's first day with its end, or with the cursor."""
        self.window.relations.set_mode("diff")
        getattr(self.window.relations.diff_view, preset).click()
        self._settle()
        self._count()

    @rule(mode=st.sampled_from(["cursor", "diff"]))
    def graph_mode(self, mode: str) -> None:
        """Switch the graph between the cursor and Compare."""
        self.window.relations.set_mode(mode)
        self._settle()
        self._count()

    @rule(text=st.one_of(st.sampled_from(["", "renault", "nissan", "ghosn", "a", "é", "(", "*", "[", "\\"]),
                         st.text(max_size=12)), start=DATE_TEXT, end=DATE_TEXT)
    def filter(self, text: str, start: str, end: str) -> None:
        """Type into the filter bar and press Return."""
        bar = self.window.tools.filter_bar
        bar.search.setText(text)
        bar.start.setText(start)
        bar.end.setText(end)
        bar.search.returnPressed.emit()
        self._settle()
        self._count()

    @rule()
    def clear_filters(self) -> None:
        """Clear the filter bar."""
        self.window.tools.filter_bar.clear_button.click()
        self._settle()
        self._count()

    @rule(combo=st.sampled_from(["speed", "group_by"]), index=st.integers(0, 4))
    def choose(self, combo: str, index: int) -> None:
        """Pick a playback speed or a lane grouping."""
        box = getattr(self.window.tools, combo)
        box.setCurrentIndex(index % box.count())
        self._settle()
        self._count()

    @rule(ms=st.sampled_from([0, 50, 250]))
    def wait(self, ms: int) -> None:
        """Let timers run (playback, typing pause, fades)."""
        self._settle(ms)
        self._count()

    @rule(path=st.sampled_from(FILES), add=st.booleans())
    def open_file(self, path: Path, add: bool) -> None:
        """Open a file (or add it to the dataset) and wait for it: a script that replays must not race the loader."""
        self.window.open_path(str(path), add=add)
        self._wait_loaded()
        self._count()

    @rule(path=st.sampled_from(FILES))
    def cancel_load(self, path: Path) -> None:
        """Start opening a file and press Cancel at once."""
        self.window.open_path(str(path))
        self.window.status_line.cancel_button.click()
        self._settle()
        self._count()

    @rule()
    def open_bundled(self) -> None:
        """Go back to the bundled dataset."""
        self.window.open_path(None)
        self._wait_loaded()
        self._count()

    # invariants ------------------------------------------------------------------------------------
    @invariant()
    def nothing_broke(self) -> None:
        """No exception reached sys.excepthook and nothing was logged as an error."""
        assert not self.reached, f"an exception reached sys.excepthook: {self.reached[0]!r}"
        assert not self.errors, f"the log recorded an error: {self.errors[0].getMessage()}"

    @invariant()
    def the_state_is_consistent(self) -> None:
        """The selection names existing ids; the window and cursor are finite and ordered."""
        state = self.window.state
        ds, selection = state.dataset, state.selection
        for chosen, frame in ((selection.events, ds.events), (selection.entities, ds.entities),
                              (selection.relations, ds.relations)):
            missing = set(chosen) - set(frame["id"].astype(str)) if chosen else set()
            assert not missing, f"the selection names ids the dataset does not have: {sorted(missing)[:5]}"
        window = state.window
        assert math.isfinite(window.start) and math.isfinite(window.end), f"window not finite: {window}"
        assert window.start < window.end, f"window not ordered: {window}"
        assert pd.notna(state.cursor), "the cursor is not a date"
        compare = state.view.compare
        assert compare in (None, "window") or compare[0] <= compare[1], f"Compare dates out of order: {compare}"

    @invariant()
    def the_status_bar_agrees(self) -> None:
        """The status bar's counts are the dataset's."""
        ds = self.window.state.dataset
        expected = (f"{counted(len(ds.events), 'event')} · {counted(len(ds.entities), 'entity', 'entities')} · "
                    f"{counted(len(ds.relations), 'relation')}")
        text = self.window.status_line.text.text()
        assert text.startswith(expected), f"status bar says {text!r}, the dataset has {expected!r}"

    def teardown(self) -> None:
        """Close the window (saving its settings, as at exit) and put the world back."""
        try:
            self.closer.stop()
            popup = QApplication.activePopupWidget()
            if popup is not None:
                popup.close()
            self.window.close()
            self.window.deleteLater()
            # processEvents alone leaves deferred deletes for a loop that never runs here: without this,
            # every window of a long run stayed alive (2 GB after 240 windows, each step slower)
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self._settle()
            # closing and deleting the window is the user's last action: it may not raise either
            assert not self.reached, f"closing the window, an exception reached sys.excepthook: {self.reached[0]!r}"
        finally:
            logging.getLogger().removeHandler(self.log_handler)
            sys.excepthook = self._hook
            self.patch.undo()
            shutil.rmtree(self.folder, ignore_errors=True)  # (each window's scratch folder was left in /tmp)
            if RANDOM and COUNT["examples"] % 20 == 0:  # a long run shows its progress
                print(f"monkey: {COUNT['actions']} actions in {COUNT['examples']} windows", flush=True)


class _ErrorHandler(logging.Handler):
    """Collects records at ERROR and above."""

    def __init__(self, into: list[logging.LogRecord]) -> None:
        super().__init__(logging.ERROR)
        self.into = into

    def emit(self, record: logging.LogRecord) -> None:
        self.into.append(record)


def test_a_monkey_cannot_break_the_window(qapp: Any) -> None:
    """Random sequences of user actions leave the window working and consistent."""
    budget = settings(max_examples=EXAMPLES, stateful_step_count=STEPS, deadline=None, derandomize=not RANDOM,
                      suppress_health_check=list(HealthCheck), database=None if not RANDOM else settings().database)
    try:
        run_state_machine_as_test(Monkey, settings=budget)
    finally:
        print(f"\nmonkey: {COUNT['actions']} actions in {COUNT['examples']} windows")


def _fail() -> None:
    raise RuntimeError("a slot failed")


class _SlotRaises(Monkey):
    """A monkey whose first step makes a slot raise, as a bug in the window would."""

    @initialize()
    def break_a_slot(self) -> None:
        QTimer.singleShot(0, _fail)
        self._settle(20)


def test_the_monkey_fails_on_an_exception_in_a_slot(qapp: Any) -> None:
    """The per-example guard sees what reaches sys.excepthook, so hypothesis can shrink the steps."""
    with pytest.raises(AssertionError, match=r"reached sys\.excepthook: RuntimeError"):
        run_state_machine_as_test(_SlotRaises, settings=settings(max_examples=1, stateful_step_count=1, deadline=None,
                                                                 derandomize=True, database=None))


def test_a_menu_a_click_opens_modally_is_closed_and_the_monkey_goes_on(qapp: Any) -> None:
    """A tool button's menu runs its own event loop until closed; the monkey closes it as a user would
    (a long run once waited there for good)."""
    machine = Monkey()
    left_open: list[str] = []

    def guard() -> None:  # only if the monkey's own closer failed: close it, and say so
        popup = QApplication.activePopupWidget()
        if popup is not None:
            left_open.append(type(popup).__name__)
            popup.close()

    try:
        button = machine.window.tools.filter_bar.actors
        assert button.popupMode() == QToolButton.ToolButtonPopupMode.InstantPopup
        QTimer.singleShot(3000, guard)
        monkey.click(button, QPointF(button.width() / 2, button.height() / 2), Qt.MouseButton.LeftButton)
        assert left_open == []
    finally:
        machine.teardown()
