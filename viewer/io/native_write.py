"""Writing a Dataset in the native format: a folder of CSV tables or one JSON file, atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

import pandas as pd

from viewer.io.atomic import write_text
from viewer.model.dataset import ENTITY_COLUMNS, EVENT_COLUMNS, PRESENCE_COLUMNS, RELATION_COLUMNS, Dataset
from viewer.model.dates import iso_date


def _iso(frame: pd.DataFrame, column: str, precision_column: str) -> list[str]:
    return [iso_date(t, str(p)) for t, p in zip(frame[column], frame[precision_column], strict=True)]


def tables(ds: Dataset) -> dict[str, pd.DataFrame]:
    """The three tables as strings in the documented columns (dates ISO at their precision)."""
    events = ds.events.copy()
    events["start"] = _iso(events, "start", "precision")
    events["end"] = _iso(events, "end", "end_precision")
    relations = ds.relations.copy()
    relations["valid_from"] = _iso(relations, "valid_from", "valid_from_precision")
    relations["valid_to"] = _iso(relations, "valid_to", "valid_to_precision")
    relations["value"] = relations["value"].map(lambda v: "" if pd.isna(v) else f"{v:g}")
    entities = ds.entities.copy()
    columns = list(ENTITY_COLUMNS)
    if all(c in entities.columns for c in PRESENCE_COLUMNS) and entities[list(PRESENCE_COLUMNS)].notna().any(axis=None):
        for column in PRESENCE_COLUMNS:  # only written when some entity exists for a period
            entities[column] = _iso(entities, column, f"{column}_precision")
        columns += PRESENCE_COLUMNS
    out = {"events": events[list(EVENT_COLUMNS)], "entities": entities[columns],
           "relations": relations[list(RELATION_COLUMNS)]}
    return {name: frame.astype(str).replace({"nan": ""}) for name, frame in out.items()}


def metadata(ds: Dataset) -> dict[str, object]:
    """The dataset.json document for a dataset."""
    meta = ds.meta
    window = {key: value.iso() for key, value in (("start", meta.default_start), ("end", meta.default_end),
                                                 ("cursor", meta.default_cursor)) if value is not None}
    if meta.window_label:
        window["label"] = meta.window_label
    doc: dict[str, object] = {"title": meta.title, "description": meta.description, "licence": meta.licence,
                              "sources": list(meta.sources), "principal": list(meta.principal)}
    if window:
        doc["default_window"] = window
    return doc


def write(ds: Dataset, path: str | Path, *, overwrite: bool = False) -> Path:
    """Write ``ds`` to a ``.json`` file or a dataset folder.

    An existing target is only replaced with ``overwrite=True``, and a folder only when it is itself a
    dataset folder (it holds events.csv or dataset.json): a user's other folders are never emptied.
    """
    path = Path(path)
    if path.exists() and not overwrite:
        raise FileExistsError(f"{path} already exists (use --force to replace it)")
    if path.is_dir() and any(path.iterdir()) and not any((path / n).exists() for n in ("events.csv", "dataset.json")):
        raise FileExistsError(f"{path} is a folder that is not a dataset; refusing to replace it")
    data = tables(ds)
    if path.suffix.lower() == ".json":
        doc = metadata(ds) | {name: frame.to_dict(orient="records") for name, frame in data.items()}
        write_text(path, json.dumps(doc, ensure_ascii=False, indent=1))
        return path
    staging = Path(tempfile.mkdtemp(dir=path.parent if path.parent.exists() else None, prefix=f".{path.name}."))
    try:
        for name, frame in data.items():
            frame.to_csv(staging / f"{name}.csv", index=False, lineterminator="\n")
        (staging / "dataset.json").write_text(json.dumps(metadata(ds), ensure_ascii=False, indent=2),
                                              encoding="utf-8")
        if path.exists():
            shutil.rmtree(path)
        os.replace(staging, path)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return path
