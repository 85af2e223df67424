"""Shared fixtures: the bundled dataset (loaded once) and small datasets written per test."""

from __future__ import annotations

import atexit
import errno
import gc
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ENTENTE_NO_CACHE", "1")  # tests never fill the user's cache; test_cache turns it on
# nor the user's data folder (a paste is kept there, a big table's Parquet copy may be): a scratch one for the run
os.environ["XDG_DATA_HOME"] = tempfile.mkdtemp(prefix="entente-test-data-")
# an ambiguous 05/03/2019 reads as the computer's locale writes dates: every machine's run reads it alike
os.environ.pop("LC_ALL", None)
os.environ["LC_TIME"] = "C.UTF-8"

import viewer
from viewer.model.dataset import Dataset

atexit.register(shutil.rmtree, os.environ["XDG_DATA_HOME"], ignore_errors=True)

REALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"


@pytest.fixture(autouse=True)
def collected_between_tests() -> None:
    """Once a UI test has moved cycle collection onto the UI thread's timer (:mod:`viewer.ui.shared.heap`), a test
    with no event loop never runs that timer: what is due is collected here, on the main thread, before it."""
    if not gc.isenabled() and "viewer.ui.shared.heap" in sys.modules:
        sys.modules["viewer.ui.shared.heap"].collect_due()


@pytest.fixture(scope="session")
def alliance() -> Dataset:
    """The bundled Renault–Nissan–Mitsubishi dataset."""
    return viewer.load()


@pytest.fixture
def write_dataset(tmp_path: Path):
    """Write a native dataset folder from CSV texts and return its path."""

    def write(events: str, entities: str = "id,name,kind\n", relations: str = "source,target,kind\n",
              meta: str | None = None) -> Path:
        folder = tmp_path / "ds"
        folder.mkdir(exist_ok=True)
        (folder / "events.csv").write_text(events, encoding="utf-8")
        (folder / "entities.csv").write_text(entities, encoding="utf-8")
        (folder / "relations.csv").write_text(relations, encoding="utf-8")
        if meta is not None:
            (folder / "dataset.json").write_text(meta, encoding="utf-8")
        return folder

    return write


# Failure injection for the write tests: a full disk, a failing sync or rename, and a snapshot of a tree.

def snapshot(root: Path) -> dict[str, bytes | None]:
    """Every file (its bytes) and folder (None) under ``root``, hidden ones included, by relative path."""
    out: dict[str, bytes | None] = {}
    for path in sorted(root.rglob("*")):
        out[str(path.relative_to(root))] = None if path.is_dir() else path.read_bytes()
    return out


def full_disk() -> OSError:
    return OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))


def fail_call(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str, number: int = 1) -> list[int]:
    """Make the ``number``-th call of ``owner.name`` raise ENOSPC (the others work); returns the call count."""
    real: Callable[..., Any] = getattr(owner, name)
    calls = [0]

    def failing(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        if calls[0] == number:
            raise full_disk()
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, failing)
    return calls


class _HalfWritten:
    """A binary file whose disk fills up half-way through the first write."""

    def __init__(self, handle: Any) -> None:
        self._handle = handle

    def write(self, data: bytes) -> int:
        self._handle.write(data[: len(data) // 2])
        self._handle.flush()
        raise full_disk()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._handle, name)

    def __enter__(self) -> _HalfWritten:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()


def fill_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every write the writers make runs out of space half-way: file handles, CSV, Parquet and JSON files."""
    real_fdopen = os.fdopen

    def fdopen(fd: int, *args: Any, **kwargs: Any) -> Any:
        return _HalfWritten(real_fdopen(fd, *args, **kwargs))

    def half_file(real: Callable[..., Any]) -> Callable[..., Any]:
        def write(self: Any, path: Any = None, *args: Any, **kwargs: Any) -> Any:
            if path is None:  # to_csv() into a string: no disk involved
                return real(self, path, *args, **kwargs)
            Path(path).write_bytes(b"half")
            raise full_disk()
        return write

    def half_bytes(self: Path, data: bytes) -> int:
        with open(self, "wb") as handle:
            handle.write(data[: len(data) // 2])
        raise full_disk()

    monkeypatch.setattr(os, "fdopen", fdopen)
    monkeypatch.setattr(pd.DataFrame, "to_csv", half_file(pd.DataFrame.to_csv))
    monkeypatch.setattr(pd.DataFrame, "to_parquet", half_file(pd.DataFrame.to_parquet))
    monkeypatch.setattr(Path, "write_bytes", half_bytes)


STEPS = ("full disk", "fsync", "replace", "rename aside", "rename in")


def inject(monkeypatch: pytest.MonkeyPatch, step: str) -> None:
    """Make one step of a write fail: a write, the first fsync, os.replace, or the first or second os.rename."""
    if step == "full disk":
        fill_disk(monkeypatch)
    elif step == "fsync":
        fail_call(monkeypatch, os, "fsync")
    elif step == "replace":
        fail_call(monkeypatch, os, "replace")
    elif step == "rename aside":
        fail_call(monkeypatch, os, "rename", 1)
    elif step == "rename in":
        fail_call(monkeypatch, os, "rename", 2)
    else:
        raise ValueError(step)


class Failures:
    """The failure-injection helpers, bound to one test's monkeypatch."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.monkeypatch = monkeypatch
        self.snapshot = snapshot
        self.full_disk = full_disk

    def inject(self, step: str) -> None:
        """Make one of :data:`STEPS` fail."""
        inject(self.monkeypatch, step)

    def fail_call(self, owner: Any, name: str, number: int = 1) -> list[int]:
        """Make the ``number``-th call of ``owner.name`` raise ENOSPC."""
        return fail_call(self.monkeypatch, owner, name, number)


@pytest.fixture
def failures(monkeypatch: pytest.MonkeyPatch) -> Failures:
    """Inject a failure into a write (see :data:`STEPS`) and compare trees before and after."""
    return Failures(monkeypatch)


@pytest.fixture
def json_parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The length of each text handed to ``reading.loads`` (every JSON parse of a load), as the test goes on."""
    from viewer.io import reading
    parsed: list[int] = []
    loads = reading.loads

    def counted(text: str) -> object:
        parsed.append(len(text))
        return loads(text)

    monkeypatch.setattr(reading, "loads", counted)
    return parsed


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """What a test left on the clipboard (a QMimeData made in Python) becomes Qt's own text before Python stops:
    deleted by Qt afterwards, it crashed the run's exit (see viewer.ui.shell.copying.release_clipboard)."""
    if "PySide6.QtGui" in sys.modules:
        from viewer.ui.shell.copying import release_clipboard

        release_clipboard()
