"""A folder of files that is no dataset folder: each file read as it would be alone, the events read as one.

Exports come a file a month or a year (``2019-01.csv``, ``2019-02.csv`` …, a bank's statements, a tracker's
reports), and a user opens their folder. Before, such a folder was refused ("no events.csv or events.parquet; a
dataset folder holds …"). Now each file the loader knows is read and the datasets are combined (entities matched
by id, then name); a file that cannot be read is said and left aside, and ids that two files both make (``row1``)
take the file's name (``2019-02/row1``), once, not a ``#2`` per row; each event's file is its attribute ``file``.
Files in folders below, hidden files and files of no kind the loader reads are not opened; a folder holding more
than ``MOST_FILES`` files is refused before any is read (a home folder opened by mistake is not read whole).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pandas as pd

from viewer.io.combine import combine
from viewer.model.attributes import PREFIX
from viewer.model.dataset import Dataset
from viewer.model.lists import natural
from viewer.model.problems import LoadError, Problem

MOST_FILES = 500
FILE = PREFIX + "file"
SHOWN = 5  # files named in a note, then "…"


def files_of(folder: Path, suffixes: set[str]) -> list[Path]:
    """The folder's own files of a kind the loader reads (by suffix, ``.gz`` and the like looked through), in
    natural order of their names."""
    found = []
    for path in folder.iterdir():
        if path.name.startswith((".", "~$")) or not path.is_file():
            continue
        name = path.name.lower()
        inner = name.rsplit(".", 1)[0] if name.endswith((".gz", ".bz2", ".xz", ".zst")) else name
        if Path(inner).suffix in suffixes:
            found.append(path)
    return sorted(found, key=lambda p: natural(p.name.lower()))  # (report-2 before report-10)


def read(folder: Path, files: list[Path], load: Callable[[Path], Dataset]) -> Dataset:
    """The folder's files read one by one with ``load`` and combined, what was left aside said."""
    if len(files) > MOST_FILES:
        raise LoadError(f"{folder}: holds {len(files):,} files to read, more than {MOST_FILES} (is it the folder "
                        "meant?); expected a dataset folder or a folder of exports (a file a month), or open a file")
    read_ok: dict[Path, Dataset] = {}
    refused: list[str] = []
    for path in files:
        try:
            read_ok[path] = load(path)
        except LoadError as exc:
            refused.append(str(exc))
    if not read_ok:
        raise LoadError(f"{folder}: no dataset folder (no events.csv or events.parquet), and none of its "
                        f"{len(files)} file{'s' * (len(files) != 1)} could be read: " + "; ".join(refused[:SHOWN]))
    combined = combine(_apart(read_ok)) if len(read_ok) > 1 else next(iter(read_ok.values()))
    said = [Problem(str(folder), f"read {len(read_ok)} file{'s' * (len(read_ok) != 1)} of the folder as one "
                    f"dataset: {_names(list(read_ok))}", level="info")]
    said += [Problem(str(folder), f"left aside: {message}", level="warning") for message in refused]
    meta = replace(combined.meta, title=folder.resolve().name or str(folder), path=str(folder), parts=())
    return Dataset(combined.events, combined.entities, combined.relations, meta, [*said, *combined.problems])


def _names(paths: list[Path]) -> str:
    names = [p.name for p in paths]
    return ", ".join(names[:SHOWN]) + (f" … ({len(names)} files)" if len(names) > SHOWN else "")


def _apart(datasets: dict[Path, Dataset]) -> list[Dataset]:
    """The datasets with each event's file as its attribute ``file`` (Details shows it, the filter bar filters on
    it), and their event ids led by the file's name when two files make the same ids (``row1``): every file's, so
    that each id says where its row came from."""
    seen: set[str] = set()
    clash = False
    for dataset in datasets.values():
        ids = set(dataset.events["id"].astype(str))
        clash = clash or not seen.isdisjoint(ids)
        seen |= ids
    out = []
    for path, dataset in datasets.items():
        events, relations = dataset.events, dataset.relations
        if FILE not in events.columns:
            events = events.assign(**{FILE: pd.Categorical([path.name] * len(events))})
        if clash:
            lead = path.name.split(".")[0] + "/"
            events = events.assign(id=lead + events["id"].astype(str))
            linked = relations["event"].astype(str)
            relations = relations.assign(event=linked.where(linked == "", lead + linked))
        out.append(Dataset(events, dataset.entities, relations, dataset.meta, dataset.problems))
    return out
