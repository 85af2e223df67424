"""Running the command line in-process and reading its CSV output."""

from __future__ import annotations

import csv
import io
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
