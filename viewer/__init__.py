"""Entente: a timeline and relationship viewer for event datasets on your own disk.

The Python API for offline analysis::

    import viewer
    ds = viewer.load()                      # the bundled alliance dataset, or viewer.load(path)
    ds.relations_at("2022-12-31")           # pandas DataFrame of relations valid that day
    ds.diff("2018-11-19", "2023-11-09").table
    big = viewer.open("events/")            # a lazy dataset: big Parquet, DuckDB or Spark queried in place

The names are imported when first asked for (``viewer.load``, ``from viewer import Dataset``): importing the
package itself costs nothing, so the ``entente`` command (:mod:`viewer.start`) is running, and answers Ctrl-C in
one line, before pandas and the readers are loaded.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from viewer.io import load, load_many
    from viewer.model import Dataset, LoadError, Problem
    from viewer.source.lazy import LazyDataset

__version__ = "0.1.0"
_WHERE = {"load": "viewer.io", "load_many": "viewer.io", "Dataset": "viewer.model", "LoadError": "viewer.model",
          "Problem": "viewer.model", "LazyDataset": "viewer.source.lazy"}


def __getattr__(name: str) -> Any:
    """The API's names, from their modules as they are now (not kept here: a test that replaces
    ``viewer.io.load`` for a while does not leave its stand-in behind as ``viewer.load``)."""
    if name in _WHERE:
        return getattr(importlib.import_module(_WHERE[name]), name)
    raise AttributeError(f"module 'viewer' has no attribute {name!r}")


def __dir__() -> list[str]:
    """What completion offers after ``viewer.``: the API's names with the module's own."""
    return sorted({*globals(), *_WHERE})


def open(source: str, table: str | None = None) -> LazyDataset:
    """A lazy dataset: big Parquet (over 2M rows), DuckDB tables and engine URLs are queried in place.

    ``source`` is a Parquet file, folder or glob, ``duckdb://file.duckdb``, ``spark://host:7077`` (with
    ``table``) or a connection file (``.toml``); smaller Parquet sources, and one file of any other format,
    are loaded as ``load`` does.
    """
    from viewer.source.opening import open_dataset  # noqa: PLC0415 - ibis loads only when a source is opened
    return open_dataset(source, table)


__all__ = ["Dataset", "LazyDataset", "LoadError", "Problem", "__version__", "load", "load_many", "open"]
