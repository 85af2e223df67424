"""Running the command line in-process and reading its CSV output."""

from __future__ import annotations

import csv
import io
import sys
import types
from collections.abc import Callable

import pytest

from viewer import cli

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run ``entente ARGS…`` and return (exit code, stdout, stderr)."""

    def invoke(*argv: str) -> tuple[int, str, str]:
        code = cli.run(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return invoke


def csv_rows(text: str) -> list[dict[str, str]]:
    """CSV text as a list of dicts (the header names the keys)."""
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def rows() -> Callable[[str], list[dict[str, str]]]:
    """The CSV reader, as a fixture so tests need not import this module."""
    return csv_rows


@pytest.fixture
def window(monkeypatch: pytest.MonkeyPatch) -> list[list[str]]:
    """A stand-in for the window: records the arguments it was opened with, never starts Qt."""
    opened: list[list[str]] = []
    fake = types.ModuleType("viewer.ui.app")

    def main(argv: list[str]) -> int:
        opened.append(list(argv))
        return 0

    fake.main = main  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "viewer.ui.app", fake)
    monkeypatch.setenv("DISPLAY", ":0")
    return opened
