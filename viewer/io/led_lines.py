"""Text whose records are lines led by a date and time (a chat export, a program's log), a record's further lines
(a long message, a stack trace) kept with it. The dates of all records are read as one column by the table's
parser, so their day/month order is found from the whole file and said when it is only assumed."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.io import compressed
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import columns as date_columns
from viewer.model.problems import LoadError, Problem

MARKS = re.compile("[\u200e\u200f\u202a-\u202e\ufeff]")  # direction marks, which phones put before a line
TITLE_CHARS = 120
DESCRIPTION_CHARS = 4000  # of a message's text, for Details
Led = Callable[[str], "tuple[str, str] | None"]  # a line → (its date and time as written, the rest) or None


@dataclass
class Record:
    """One record: its line in the file, its date and time as written, and its lines of text."""

    row: int
    when: str
    lines: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


class Days:
    """The day a chat writes once, on a line of its own above its messages' times (KakaoTalk's PC export, LINE's),
    kept for the records under it."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern  # (its group "day")
        self.day = ""

    def opens(self, line: str) -> bool:
        """Whether ``line`` is a day's line (its day kept from now on)."""
        found = self.pattern.match(line.strip())
        if found:
            self.day = found.group("day")
        return found is not None


def lines_of(text: str) -> list[str]:
    """The lines, without direction marks."""
    return MARKS.sub("", text).splitlines()


def description_of(text: str) -> str:
    """A message's whole text for Details, cut to :data:`DESCRIPTION_CHARS` (mail and the chat readers)."""
    return text if len(text) <= DESCRIPTION_CHARS else text[:DESCRIPTION_CHARS].rstrip() + " …"


def title_of(text: str) -> str:
    """A record's first line, cut to :data:`TITLE_CHARS`."""
    first = text.splitlines()[0].strip() if text.strip() else ""
    return first if len(first) <= TITLE_CHARS else first[:TITLE_CHARS].rstrip() + "…"


def read_records(path: Path, led: Led, expected: str, problems: list[Problem] | None = None) -> list[Record]:
    """The file's records, each with its further lines. Given ``problems``, a text not wholly UTF-8 is read with
    its stray bytes as U+FFFD, and said there (a repository's history mixes encodings); else it is refused."""
    data = compressed.read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if problems is None:
            raise LoadError(f"{path}: not UTF-8 text (byte {exc.start}); expected {expected}") from exc
        text = data.decode("utf-8-sig", errors="replace")
        problems.append(Problem(str(path), f"not all UTF-8 text (first at byte {exc.start:,}): bytes that are not "
                                "UTF-8 are shown as �", None, None, "warning"))
    del data  # (the text alone is kept while the records are read)
    records: list[Record] = []
    for number, line in enumerate(lines_of(text), start=1):
        found = led(line)
        if found is None:
            if records:
                records[-1].lines.append(line)
            continue
        records.append(Record(number, found[0], [found[1]]))
    if not records:
        raise LoadError(f"{path}: no line led by a date and time; expected {expected}")
    return records


def dated(records: list[Record], label: str, what: str, date_order: str | None = None
          ) -> tuple[list[tuple[Record, str]], list[Problem]]:
    """Each record with its instant in UTC as ISO text (written for all at once), and what reading the dates
    said; a record whose date cannot be read is said and left out."""
    parsed = date_columns.parse_column(pd.Series([r.when for r in records], dtype="str"), date_order=date_order)
    problems = [Problem(label, message, None, "date", level) for level, message in parsed.notes]
    stamps = parsed.instants.dt.tz_convert("UTC").dt.tz_localize(None).to_numpy(dtype="datetime64[us]")
    read = ~np.isnat(stamps) & ~parsed.invalid.to_numpy(dtype=bool)
    texts = np.char.add(np.datetime_as_string(stamps, unit="us"), "Z")
    for i in np.flatnonzero(~read).tolist():
        problems.append(Problem(label, f"expected a date and time, got {records[i].when!r}; {what} skipped",
                                records[i].row, "date", "warning"))
    return [(records[i], str(texts[i])) for i in np.flatnonzero(read).tolist()], problems


def dataset(path: Path, events: list[dict[str, str]], problems: list[Problem], expected: str, what: str,
            people: bool = False) -> Dataset:
    """The records (``what``: "message") as a dataset (``id`` is ``m`` and the record's line), their actors as
    people when ``people``."""
    if not events:
        raise LoadError(f"{path}: no {what} with a readable date; expected {expected}")
    label = str(path)
    names = sorted({a for e in events for a in e.get("actors", "").split(";") if a})
    entities = [{"id": a, "name": a, "kind": "person" if people else "other"} for a in names]
    tables = Tables(pd.DataFrame(events, columns=["id", "start", "title", "actors", "category", "description"]),
                    pd.DataFrame(entities, columns=["id", "name", "kind"]), None, label, label, label,
                    rows={"events": np.array([int(e["id"][1:]) for e in events], dtype=np.int64)})
    return build_dataset(tables, DatasetMeta(title=compressed.stem(path), path=label, sources=(label,)), problems)
