"""Shared fixtures: the bundled dataset (loaded once) and small datasets written per test."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("ENTENTE_NO_CACHE", "1")  # tests never fill the user's cache; test_cache turns it on

import viewer
from viewer.model.dataset import Dataset

REALDATA = Path(__file__).resolve().parents[1].parent / "shared" / "realdata"


@pytest.fixture(scope="session")
def alliance() -> Dataset:
    """The bundled Renault–Nissan–Mitsubishi dataset."""
    return viewer.load()


@pytest.fixture
def write_dataset(tmp_path: Path):
    """Write a native dataset folder from CSV texts and return its path."""

    def write(events: str, entities: str = "id,name,kind\n", relations: str = "source,target,kind\n",
              meta: str | None = None) -> Path:
        folder = tmp_path / "ds"
        folder.mkdir(exist_ok=True)
        (folder / "events.csv").write_text(events, encoding="utf-8")
        (folder / "entities.csv").write_text(entities, encoding="utf-8")
        (folder / "relations.csv").write_text(relations, encoding="utf-8")
        if meta is not None:
            (folder / "dataset.json").write_text(meta, encoding="utf-8")
        return folder

    return write
