"""What went wrong while reading: one problem type, one error type, both naming the place."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing that could not be read as written: where it is and what was expected.

    ``row`` counts data rows from 1 as a spreadsheet shows them after the header (None for a
    whole-file problem); ``level`` is ``error`` (the row or value was dropped), ``warning`` (kept,
    but changed or guessed) or ``info``.
    """

    file: str
    message: str
    row: int | None = None
    field: str | None = None
    level: str = "error"

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{', '.join(where)}: {self.message}"


class LoadError(Exception):
    """Nothing usable could be read from a file; the message names the file and what was expected."""

    def __init__(self, message: str, problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.problems = list(problems or [])
