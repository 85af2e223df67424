"""The Qt-free model: datasets, partial dates and the questions asked of them."""

from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import PartialDate, parse_date
from viewer.model.problems import LoadError, Problem

__all__ = ["Dataset", "DatasetMeta", "LoadError", "PartialDate", "Problem", "Tables", "build_dataset",
           "parse_date"]
