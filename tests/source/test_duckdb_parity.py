"""The same questions through memory and through DuckDB give the same answers, value for value."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import viewer
from viewer.model.dataset import Dataset
from viewer.source.engine import EngineSource
from viewer.source.lazy import LazyDataset
from viewer.source.opening import open_dataset


@pytest.fixture(scope="module")
def engine_dataset(generated: Path) -> LazyDataset:
    """The generated dataset queried through DuckDB (the threshold forced down)."""
    return open_dataset(generated, threshold=0)


@pytest.fixture(scope="module")
def duckdb_answers(engine_dataset: LazyDataset, questions: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return questions(engine_dataset.source)


def test_the_engine_path_is_duckdb_over_the_parquet_file(engine_dataset: LazyDataset) -> None:
    assert isinstance(engine_dataset.source, EngineSource)
    assert engine_dataset.source.backend.name == "duckdb"


@pytest.mark.parametrize("question", ["count", "span", "lanes", "density", "filter counts", "window ids", "event",
                                      "missing event"])
def test_duckdb_answers_every_question_as_memory_does(question: str, memory_answers: dict[str, Any],
                                                       duckdb_answers: dict[str, Any]) -> None:
    assert duckdb_answers[question] == memory_answers[question]


def test_the_answers_are_not_trivial(memory_answers: dict[str, Any]) -> None:
    assert memory_answers["count"] == 100_000
    assert len(memory_answers["lanes"]["principal"]) == 5  # four principal actors and Other
    assert all(np.sum(d) > 0 for d in memory_answers["density"].values())
    assert all(0 < c < 100_000 for c in memory_answers["filter counts"].values())
    assert all(len(ids) > 0 for ids in memory_answers["window ids"].values())


def test_relations_at_a_date_and_the_diff_match(generated_dataset: Dataset, engine_dataset: LazyDataset) -> None:
    for when in ("1999", "2010-06-01", "2024"):
        mine = engine_dataset.relations_at(when).sort_values("id")
        assert list(mine["id"]) == list(generated_dataset.relations_at(when).sort_values("id")["id"])
    assert engine_dataset.diff("2005", "2015").table.equals(generated_dataset.diff("2005", "2015").table)
    assert engine_dataset.relations.loc[engine_dataset.relations["id"] == "R0", "event"].item() == "E000001"


def test_events_between_takes_the_dataset_arguments(generated_dataset: Dataset, engine_dataset: LazyDataset
                                                    ) -> None:
    mine = engine_dataset.events_between("2005-03", "2005-04", actors=["a01"], categories="legal")
    theirs = generated_dataset.events_between("2005-03", "2005-04", actors=["a01"], categories="legal")
    assert sorted(mine["id"]) == sorted(theirs["id"])
    assert len(engine_dataset.events_between("2005", "2006", limit=7)) == 7


def test_a_lazy_dataset_opens_through_the_public_api(generated: Path) -> None:
    small = viewer.open(str(generated))  # 100k rows: under the threshold, loaded as usual
    assert type(small.source).__name__ == "MemorySource"
    assert len(small) == 100_000


def test_streamed_events_arrive_in_chunks_in_order(engine_dataset: LazyDataset,
) -> None:
    wanted = engine_dataset.filters("2001", "2002")
    chunks = list(engine_dataset.source.stream(filters=wanted, chunk=1000))  # type: ignore[attr-defined]
    ids = [i for chunk in chunks for i in chunk["id"]]
    assert len(chunks) > 1
    assert ids == list(engine_dataset.source.events(filters=wanted)["id"])
