"""A cache of parsed datasets, so a big file that was opened before reopens at Parquet speed.

``load_cached(path, **options)`` answers like :func:`viewer.io.load`. After a successful load of a
file or folder of at least :data:`MIN_BYTES`, the Dataset is stored under
``paths.cache_dir()/datasets/<key>/`` (the three frames as Parquet, problems and metadata as JSON).
The key hashes the absolute path, the size and ``mtime_ns`` of the file (or of every file in the
folder), :data:`LOADER_VERSION` and the options, so editing the file or upgrading the loader misses.
Entries are written with :func:`viewer.io.atomic.replace_dir`; a damaged entry is logged, removed
and rebuilt; the least recently used entries go beyond :data:`MAX_ENTRIES` or :data:`MAX_BYTES`.
``ENTENTE_NO_CACHE=1`` turns the cache off. Qt-free.

With ``layout=True`` (the default, what the window's loading worker gets) the dataset's graph
positions are computed too, off the UI thread, and kept in the entry (``positions.parquet``, tagged
with :data:`viewer.model.graph_positions.LAYOUT_VERSION`), so a reopened dataset is not laid out
again. Commands that never draw the graph pass ``layout=False``.

With ``later`` (a list), the new entry is not written before the dataset is returned: its writing is put on the
list, for the caller to run once the dataset is shown (the window's loading worker does). Writing a million
events' entry took 0.42 s of a first open's 0.94 s, while the window waited for it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, fields, replace
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer import paths
from viewer.io import load
from viewer.io.atomic import replace_dir, replace_file
from viewer.io.combine import combine
from viewer.io.import_spec import as_spec
from viewer.model.dataset import Dataset, DatasetMeta
from viewer.model.dates import PartialDate, habit
from viewer.model.graph_positions import LAYOUT_VERSION, prepare
from viewer.model.problems import Problem

log = logging.getLogger(__name__)
__all__ = ["LAYOUT_VERSION", "Later", "load_cached", "load_cached_many", "read_entry", "write_entry"]

LOADER_VERSION = 8  # bump when a loader or build_dataset changes what a file reads as (5: the elapsed clock;
# 6: Unix times among dates, Parquet's records and far times, iCalendar's early years, mail's envelopes, syslog's
# priorities, NULL and N/A as values not there; 7: the PSC register, KakaoTalk and LINE chats, wider
# records, tables of values by year; 8: GDELT's and ICEWS' events titled by their codes, ACLED's and GDELT's ids,
# Spotify's plays, Mastodon's outbox, columns named by a measure and a year, GEXF's undeclared times)
MIN_BYTES = 5 * 2**20  # smaller inputs parse in well under a second: caching them would only churn
MAX_ENTRIES = 10
MAX_BYTES = 2 * 2**30
TABLES = ("events", "entities", "relations")
ENTRY = "entry.json"
POSITIONS = "positions.parquet"
Later = list[Callable[[], None]]  # work put off until the dataset is shown (writing its entry)


def enabled() -> bool:
    """False when ``ENTENTE_NO_CACHE`` is set to 1/true/yes."""
    return os.environ.get("ENTENTE_NO_CACHE", "").strip().lower() not in ("1", "true", "yes")


def root() -> Path:
    """The folder holding one sub-folder per cached dataset."""
    return paths.cache_dir() / "datasets"


def fingerprint(path: Path, options: dict[str, Any]) -> tuple[str, int]:
    """The cache key of a file or folder with these options, and the input's total size in bytes."""
    path = path.absolute()
    files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
    stats = [(p.name, p.stat()) for p in files]
    document = {"path": str(path), "version": LOADER_VERSION, "options": options,
                "day_first": habit.day_first(),  # (an ambiguous 05/03/2019 reads as the locale writes dates)
                "files": [(name, st.st_size, st.st_mtime_ns) for name, st in stats]}
    text = json.dumps(document, sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32], sum(st.st_size for _, st in stats)


def load_cached(path: str | Path | None = None, *, layout: bool = True, later: Later | None = None,
                **options: Any) -> Dataset:
    """:func:`viewer.io.load`, answered from the cache when this file (unchanged) was read before.

    With ``layout``, the dataset's graph positions are ready too (read from the entry or computed). With ``later``,
    a new entry's writing is appended to it instead of done before returning.
    """
    if options.get("mapping") is not None:  # the spec's content, not its file name, goes into the key
        options = {**options, "mapping": as_spec(options["mapping"])}
    if path is None or not enabled():
        return _laid_out(load(path, **options), layout)
    source = Path(path)
    try:
        key, size = fingerprint(source, options)
    except OSError:
        return _laid_out(load(path, **options), layout)  # load names the problem (missing, unreadable …)
    if size < MIN_BYTES:
        return _laid_out(load(path, **options), layout)
    entry = root() / key
    if entry.exists():
        try:
            dataset = read_entry(entry)
            os.utime(entry / ENTRY)  # recently used: pruned last
        except Exception as exc:  # a damaged entry (any reader error) is rebuilt, never fatal
            log.warning("cached dataset %s is damaged (%s); reading %s again", entry, exc, source)
            shutil.rmtree(entry, ignore_errors=True)
        else:
            if layout and not dataset.has_positions():
                add_positions(prepare(dataset), entry)
            return dataset
    dataset = _laid_out(load(path, **options), layout)
    keep = partial(_keep, dataset, entry, source)
    if later is None:
        keep()
    else:
        later.append(keep)
    return dataset


def _keep(dataset: Dataset, entry: Path, source: Path) -> None:
    """Write a dataset's entry, then prune; a failure is logged, never raised (the load stands either way)."""
    try:
        write_entry(dataset, entry)
        prune()
    except (OSError, ValueError, TypeError) as exc:  # a full disk or odd data
        log.warning("could not cache %s (%s)", source, exc)


def _laid_out(dataset: Dataset, layout: bool) -> Dataset:
    return prepare(dataset) if layout else dataset


def load_cached_many(paths_: Sequence[str | Path], *, layout: bool = True, later: Later | None = None,
                     **options: Any) -> Dataset:
    """:func:`viewer.io.load_many` with each file read through :func:`load_cached` (with the same options).

    Several files are combined into a new dataset, laid out as a whole (the parts are not).
    """
    if not paths_:
        return load_cached(layout=layout, later=later, **options)
    if len(paths_) == 1:
        return load_cached(paths_[0], layout=layout, later=later, **options)
    return _laid_out(combine([load_cached(p, layout=False, later=later, **options) for p in paths_]), layout)


def _meta_json(meta: DatasetMeta) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in fields(meta):
        value = getattr(meta, f.name)
        if isinstance(value, PartialDate):
            # whole microseconds: ISO text does not read back outside years 1–9999
            value = {"micros": int(value.start.as_unit("us").asm8.astype("int64")), "precision": value.precision}
        out[f.name] = list(value) if isinstance(value, tuple) else value
    return out


def _meta_from(document: dict[str, Any]) -> DatasetMeta:
    values: dict[str, Any] = {}
    for f in fields(DatasetMeta):
        value = document.get(f.name, f.default)
        if isinstance(value, dict):
            value = PartialDate(pd.Timestamp(np.datetime64(value["micros"], "us")).tz_localize("UTC"),
                                    value["precision"])
        values[f.name] = tuple(value) if isinstance(value, list) else value
    return replace(DatasetMeta(), **values)


def _categories(frame: pd.DataFrame) -> dict[str, list[str]]:
    """The categories of each categorical column: Parquet loses the dtype of an empty one."""
    return {str(c): [str(v) for v in frame[c].cat.categories] for c in frame.columns
            if isinstance(frame[c].dtype, pd.CategoricalDtype)}


def _restore(frame: pd.DataFrame, categories: dict[str, list[str]]) -> pd.DataFrame:
    for column, values in categories.items():
        dtype = pd.CategoricalDtype(pd.Index(values, dtype="str"))
        if frame[column].dtype != dtype:
            frame[column] = frame[column].astype("object").astype(dtype)
    return frame


def write_entry(dataset: Dataset, entry: Path) -> None:
    """Store a dataset in ``entry`` atomically: written beside it, then swapped into place."""
    entry.parent.mkdir(parents=True, exist_ok=True)

    def fill(folder: Path) -> None:
        for name in TABLES:
            getattr(dataset, name).to_parquet(folder / f"{name}.parquet", index=False)
        document = {"version": LOADER_VERSION, "meta": _meta_json(dataset.meta),
                    "problems": [asdict(p) for p in dataset.problems],
                    "categories": {name: _categories(getattr(dataset, name)) for name in TABLES}}
        if dataset.has_positions():
            _positions_frame(dataset).to_parquet(folder / POSITIONS, index=False)
            document["layout_version"] = LAYOUT_VERSION
        (folder / ENTRY).write_bytes(json.dumps(document).encode())  # written last: marks it whole

    replace_dir(entry, fill)


def read_entry(entry: Path) -> Dataset:
    """The dataset stored in ``entry``; raises on anything missing or damaged."""
    document = json.loads((entry / ENTRY).read_text(encoding="utf-8"))
    if document.get("version") != LOADER_VERSION:
        raise ValueError(f"written by loader version {document.get('version')}")
    frames = [_restore(pd.read_parquet(entry / f"{name}.parquet"), document["categories"][name])
              for name in TABLES]
    problems = [Problem(**p) for p in document["problems"]]
    events, entities, relations = frames
    dataset = Dataset(events, entities, relations, meta=_meta_from(document["meta"]), problems=problems)
    if document.get("layout_version") == LAYOUT_VERSION and (entry / POSITIONS).exists():
        xy = pd.read_parquet(entry / POSITIONS)
        dataset.positions = dict(zip(xy["id"], zip(xy["x"].astype(float), xy["y"].astype(float), strict=True),
                                     strict=True))
    return dataset


def _positions_frame(dataset: Dataset) -> pd.DataFrame:
    positions = dataset.positions
    xy = list(positions.values())
    return pd.DataFrame({"id": list(positions), "x": [p[0] for p in xy], "y": [p[1] for p in xy]})


def add_positions(dataset: Dataset, entry: Path) -> None:
    """Keep a dataset's graph positions in its existing entry (each file replaced atomically)."""
    try:
        document = json.loads((entry / ENTRY).read_text(encoding="utf-8"))
        replace_file(entry / POSITIONS, lambda out: _positions_frame(dataset).to_parquet(out, index=False))
        replace_file(entry / ENTRY, json.dumps({**document, "layout_version": LAYOUT_VERSION}))
    except (OSError, ValueError, TypeError) as exc:  # the positions are in memory either way
        log.warning("could not keep the graph positions in %s (%s)", entry, exc)


def _size(folder: Path) -> int:
    return sum(f.stat().st_size for f in folder.iterdir() if f.is_file())


def prune(max_entries: int = MAX_ENTRIES, max_bytes: int = MAX_BYTES) -> None:
    """Drop the least recently used entries beyond the limits, and temporaries older than an hour."""
    base = root()
    if not base.is_dir():
        return
    entries: list[tuple[float, Path]] = []
    for folder in base.iterdir():
        try:
            if folder.name.startswith("."):  # a write's temporaries (``.KEY.new-…``/``.KEY.old-…``)
                if time.time() - folder.stat().st_mtime > 3600:
                    shutil.rmtree(folder, ignore_errors=True)
            elif folder.is_dir():
                marker = folder / ENTRY
                entries.append((marker.stat().st_mtime if marker.exists() else 0.0, folder))
        except OSError:
            continue
    total = 0
    for rank, (_used, folder) in enumerate(sorted(entries, reverse=True)):
        total += _size(folder)
        if rank >= max_entries or total > max_bytes:
            shutil.rmtree(folder, ignore_errors=True)
