"""Writing a Dataset in the native format: a folder of CSV tables or one JSON file, atomically."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from viewer.io.atomic import replace_dir, replace_file
from viewer.io.write_target import check, json_bytes, shown
from viewer.model import attributes
from viewer.model.clock import CALENDAR, iso_instant
from viewer.model.dataset import Dataset
from viewer.model.table_build import ENTITY_COLUMNS, EVENT_COLUMNS, PRESENCE_COLUMNS, RELATION_COLUMNS
from viewer.model.value_numbers import number_text


def _iso(frame: pd.DataFrame, column: str, precision_column: str, clock: str = CALENDAR) -> list[str]:
    return [iso_instant(t, str(p), clock) for t, p in zip(frame[column], frame[precision_column], strict=True)]


def tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The three tables as strings in the documented columns (dates ISO at their precision, or numbers)."""
    clock = ds.meta.clock
    events = ds.events.copy()
    events["start"] = _iso(events, "start", "precision", clock)
    events["end"] = _iso(events, "end", "end_precision", clock)
    relations = ds.relations.copy()
    relations["valid_from"] = _iso(relations, "valid_from", "valid_from_precision", clock)
    relations["valid_to"] = _iso(relations, "valid_to", "valid_to_precision", clock)
    relations["value"] = relations["value"].map(number_text)
    entities = ds.entities.copy()
    columns = list(ENTITY_COLUMNS)
    if all(c in entities.columns for c in PRESENCE_COLUMNS) and entities[list(PRESENCE_COLUMNS)].notna().any(axis=None):
        for column in PRESENCE_COLUMNS:  # only written when some entity exists for a period
            entities[column] = _iso(entities, column, f"{column}_precision", clock)
        columns += PRESENCE_COLUMNS
    out = {"events": events[list(EVENT_COLUMNS)], "entities": entities[columns],
           "relations": relations[list(RELATION_COLUMNS)]}
    # missing cells blank, and only those: a text "nan" (a person called Nan) stays as written
    out = {name: frame.astype(object).where(frame.notna(), "").astype(str) for name, frame in out.items()}
    for name, source in (("events", ds.events), ("entities", ds.entities), ("relations", ds.relations)):
        frame = out[name]
        for attribute in attributes.attributes(source):
            # an attribute named like a core column keeps its prefix, so reading it back cannot confuse them; so does
            # one whose name has the prefix (a file's "attr:x" column: written bare, it was read back as "x")
            bare = attribute.name not in frame.columns and not attribute.name.startswith(attributes.PREFIX)
            column = attribute.name if bare else attribute.column
            frame[column] = attributes.plain(source[attribute.column]).astype(str).to_numpy()
    return out


def attribute_types(ds: Dataset) -> dict[str, dict[str, str]]:
    """Each table's attribute types, for dataset.json (so a category read back is still a category)."""
    types = {name: {a.name: _written_type(frame[a.column], a.type) for a in attributes.attributes(frame)}
             for name, frame in (("events", ds.events), ("entities", ds.entities), ("relations", ds.relations))}
    return {name: found for name, found in types.items() if found}


def _written_type(values: pd.Series, kind: str) -> str:
    """The type an attribute is read back as: whole numbers of 16 digits or more (an account, a tweet's id, from a
    Parquet int64) as text, as a CSV's are (read as numbers, 9007199254740993 came back 9007199254740992)."""
    if kind == "number" and pd.api.types.is_integer_dtype(values.dtype) and len(values.dropna()):
        return "text" if int(values.dropna().abs().max()) >= 10**15 else kind
    return kind


def metadata(ds: Dataset) -> dict[str, object]:
    """The dataset.json document for a dataset."""
    meta = ds.meta
    window = {key: iso_instant(value.start, value.precision, meta.clock)
              for key, value in (("start", meta.default_start), ("end", meta.default_end),
                                 ("cursor", meta.default_cursor)) if value is not None}
    if meta.window_label:
        window["label"] = meta.window_label
    # the title and description are display text (a name's bytes that are not UTF-8 as U+FFFD); sources as written
    doc: dict[str, object] = {"title": shown(meta.title), "description": shown(meta.description),
                              "licence": meta.licence, "sources": list(meta.sources), "principal": list(meta.principal)}
    if window:
        doc["default_window"] = window
    if meta.clock != CALENDAR:  # absent means calendar dates, as in every dataset written before
        doc["clock"] = meta.clock
    types = attribute_types(ds)
    if types:
        doc["attributes"] = types
    return doc


# what a dataset folder's reader reads (events/: the Parquet parts of a conversion out of core)
OWN = frozenset({"dataset.json", "events", *(f"{table}.{kind}" for table in ("events", "entities", "relations")
                                             for kind in ("csv", "parquet"))})


def keep_others(old: Path, new: Path) -> None:
    """Put what the old dataset folder holds besides its tables (notes, a README, the sources' PDFs) in the new one:
    a dataset written over itself lost them all. Files are linked where the two folders share a disk, else copied."""
    for entry in old.iterdir():
        if entry.name in OWN:
            continue
        target = new / entry.name
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        elif entry.is_dir():
            shutil.copytree(entry, target, symlinks=True, copy_function=_link_or_copy)
        else:
            _link_or_copy(entry, target)


def _link_or_copy(source: str | Path, target: str | Path) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def write(ds: Dataset, path: str | Path, *, overwrite: bool = False, sources: Iterable[str | Path] = ()) -> Path:
    """Write ``ds`` to a ``.json`` file or a dataset folder.

    An existing target is only replaced with ``overwrite=True``, and a folder only when it is itself a
    dataset folder (it holds events.csv or dataset.json): a user's other folders are never emptied, never a file
    with a folder, nor any of ``sources`` (what the dataset was read from): the checks of
    :func:`viewer.io.write_target.check`, which the Parquet conversion runs too.
    """
    path = Path(path)
    check(path, overwrite=overwrite, folder=path.suffix.lower() != ".json", sources=sources)
    data = tables(ds)
    if path.suffix.lower() == ".json":
        doc = metadata(ds) | {name: frame.to_dict(orient="records") for name, frame in data.items()}
        replace_file(path, json_bytes(doc, indent=1))
        return path

    def fill(folder: Path) -> None:
        for name, frame in data.items():
            frame.to_csv(folder / f"{name}.csv", index=False, lineterminator="\n", errors="backslashreplace")
        (folder / "dataset.json").write_bytes(json_bytes(metadata(ds), indent=2))
        if path.is_dir():
            keep_others(path, folder)

    replace_dir(path, fill)  # the old dataset stays until the new one is whole; a failure puts it back
    return path
