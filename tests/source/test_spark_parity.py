"""The same questions through Spark (local mode, via ibis) give the in-memory answers.

One Spark session serves the module (it takes seconds to start). The test is skipped, saying why,
only where Java or pyspark is missing; ``make test`` installs both (packaging/spark-deps.sh).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from viewer.model.dataset import Dataset
from viewer.source.engine import EngineSource

pytestmark = pytest.mark.spark


def _why_not() -> str:
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "Java is not installed (packaging/spark-deps.sh installs openjdk-17-jre-headless)"
    try:
        import pyspark  # noqa: F401
    except ImportError:
        return "pyspark is not installed (pip install 'entente[spark]', or packaging/spark-deps.sh)"
    return ""


@pytest.fixture(scope="module")
def spark_source(generated: Path, generated_dataset: Dataset) -> Iterator[EngineSource]:
    """The generated events read by a local[2] Spark session, through ibis."""
    reason = _why_not()
    if reason:
        if os.environ.get("ENTENTE_REQUIRE_SPARK") == "1":
            pytest.fail(f"Spark is required here but {reason}")
        pytest.skip(reason)
    import ibis

    from viewer.source.connect import spark_session
    session = spark_session("local[2]")
    con = ibis.pyspark.connect(session)
    names = dict(zip(generated_dataset.entities["id"], generated_dataset.entities["name"], strict=True))
    source = EngineSource(con.read_parquet(str(generated / "events.parquet")), names)
    source.persist()  # every question still runs as Spark SQL, over the cached prepared view
    yield source
    session.stop()


@pytest.fixture(scope="module")
def spark_answers(spark_source: EngineSource, questions: Callable[..., dict[str, Any]]) -> dict[str, Any]:
    return questions(spark_source, quick=True)


def test_the_engine_is_spark(spark_source: EngineSource) -> None:
    assert spark_source.backend.name == "pyspark"


@pytest.mark.parametrize("question", ["count", "span", "lanes", "density", "filter counts", "window ids", "event",
                                      "missing event"])
def test_spark_answers_every_question_as_memory_does(question: str, memory_answers: dict[str, Any],
                                                      spark_answers: dict[str, Any]) -> None:
    mine = spark_answers[question]
    theirs = memory_answers[question]
    if isinstance(mine, dict) and isinstance(theirs, dict) and question != "event":
        theirs = {key: theirs[key] for key in mine}  # the quick set asks a subset of the same questions
    assert mine == theirs
