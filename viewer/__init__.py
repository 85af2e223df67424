"""Entente: a timeline and relationship viewer for event datasets on your own disk.

The Python API for offline analysis::

    import viewer
    ds = viewer.load()                      # the bundled alliance dataset, or viewer.load(path)
    ds.relations_at("2022-12-31")           # pandas DataFrame of relations valid that day
    ds.diff("2018-11-19", "2023-11-09").table
"""

from viewer.io import load, load_many
from viewer.model import Dataset, LoadError, Problem

__version__ = "0.1.0"
__all__ = ["Dataset", "LoadError", "Problem", "__version__", "load", "load_many"]
