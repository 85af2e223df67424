"""Every command on a partitioned folder answers as on the same data loaded (or refuses, saying why)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from viewer.paths import bundled_dataset
from viewer.source.engine import EngineSource

Run = Callable[..., tuple[int, str, str]]


def _alliance(tmp_path: Path) -> tuple[pd.DataFrame, Path]:
    """The bundled events with an attribute column, and the native folder holding them (loaded)."""
    source = bundled_dataset()
    events = pd.read_csv(source / "events.csv", dtype=str, keep_default_na=False)
    events["region"] = ["Europe" if i % 3 else "Asia" for i in range(len(events))]
    native = tmp_path / "native"
    shutil.copytree(source, native)
    events.to_csv(native / "events.csv", index=False)
    return events, native


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    """(engine, loaded): the same data as ``events/part-*.parquet`` with CSV side tables, and as a native folder."""
    events, native = _alliance(tmp_path)
    big = tmp_path / "big"
    (big / "events").mkdir(parents=True)
    half = len(events) // 2
    events.iloc[:half].to_parquet(big / "events" / "part-0.parquet")
    events.iloc[half:].to_parquet(big / "events" / "part-1.parquet")
    for name in ("entities.csv", "relations.csv", "dataset.json"):
        shutil.copy(native / name, big / name)
    return big, native


@pytest.fixture
def readme_layout(tmp_path: Path) -> Path:
    """The README's layout: dataset.json, entities.parquet, relations.parquet, events/year=…/."""
    events, native = _alliance(tmp_path)
    folder = tmp_path / "data"
    for year, part in events.groupby(events["start"].str[:4]):
        (folder / "events" / f"year={year}").mkdir(parents=True)
        part.to_parquet(folder / "events" / f"year={year}" / "part.parquet")
    for name in ("entities", "relations"):
        pd.read_csv(native / f"{name}.csv", dtype=str, keep_default_na=False).to_parquet(folder / f"{name}.parquet")
    shutil.copy(native / "dataset.json", folder / "dataset.json")
    return folder


@pytest.mark.parametrize("at", ["44 BC", "19 Nov 2018", "March 2019", "Q1 2016", "2019"])
def test_relations_at_any_date_form(run: Run, pair: tuple[Path, Path], at: str) -> None:
    big, native = pair
    for fmt in ("json", "table"):
        engine, loaded = run("relations", str(big), "--at", at, "--format", fmt), \
            run("relations", str(native), "--at", at, "--format", fmt)
        assert engine == loaded and engine[0] == 0


@pytest.mark.parametrize("argv", [
    ["diff", "--from", "19 Nov 2018", "--to", "March 2019", "--format", "json"],
    ["diff", "--from", "2018-11-19", "--to", "2023-11-09"],
    ["relations", "--from", "2019", "--to", "2020", "--format", "json"],
    ["relations"],
    ["relations", "--from", "2019"],
    ["history", "renault", "nissan", "--kind", "equity_stake", "--format", "json"],
    ["events", "--where", "region=Asia", "--from", "2018", "--to", "Q1 2020", "--format", "json"],
    ["events", "--where", "nowhere=1"],
    ["events", "--from", "44 BC", "--to", "March 2019", "--actor", "nissan", "--format", "csv"],
    ["events", "--actor", "Renault", "--actor", "NISSAN", "--format", "csv"],  # a name or an id in any case
    ["events", "--actor", "renalt"],  # no such actor: the nearest named
    ["events", "--from", "2020", "--to", "2010"],  # a window that ends before it starts
    ["relations", "--from", "2020", "--to", "2010"],
    ["diff", "--from", "2023", "--to", "2019"],
])
def test_commands_answer_as_on_the_loaded_data(run: Run, pair: tuple[Path, Path], argv: list[str]) -> None:
    big, native = pair
    engine = run(argv[0], str(big), *argv[1:])
    loaded = run(argv[0], str(native), *argv[1:])
    assert engine == loaded


def test_json_numbers_and_attributes_are_written_as_loaded(run: Run, pair: tuple[Path, Path]) -> None:
    big, _ = pair
    _, out, _ = run("relations", str(big), "--at", "2016", "--format", "json")
    assert {"source": "renault", "target": "nissan", "value": 43.4} in [
        {k: r[k] for k in ("source", "target", "value")} for r in json.loads(out)]
    _, out, _ = run("events", str(big), "--where", "region=Asia", "--format", "json")
    found = json.loads(out)
    assert found and {r["region"] for r in found} == {"Asia"}


def test_a_table_is_one_table_however_many_chunks(run: Run, pair: tuple[Path, Path],
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    stream = EngineSource.stream

    def small_chunks(self: EngineSource, *args: Any, **kwargs: Any) -> Iterator[pd.DataFrame]:
        return stream(self, *args, **{**kwargs, "chunk": 10})

    monkeypatch.setattr(EngineSource, "stream", small_chunks)
    code, out, _ = run("events", str(pair[0]))
    lines = out.splitlines()
    assert code == 0 and sum(line.startswith("id ") for line in lines) == 1 and lines[-1] == "69 of 69 events"
    assert len(lines) == 69 + 3


def test_validate_convert_and_history_read_the_events_not_a_side_table(run: Run, pair: tuple[Path, Path],
                                                                      tmp_path: Path) -> None:
    big, native = pair
    code, out, _ = run("convert", str(big), str(tmp_path / "out"))
    assert (code, out.strip()) == (0, f"Wrote {tmp_path / 'out'}: 69 events, 37 entities, 53 relations")
    assert run("validate", str(big))[0] == run("validate", str(native))[0] == 0
    assert run("history", str(big), "renault", "nissan")[1] == run("history", str(native), "renault", "nissan")[1]


def test_the_readme_layout_opens_for_every_command(run: Run, readme_layout: Path, tmp_path: Path) -> None:
    code, out, _ = run("convert", str(readme_layout), str(tmp_path / "out"))
    assert (code, out.strip()) == (0, f"Wrote {tmp_path / 'out'}: 69 events, 37 entities, 53 relations")
    assert run("validate", str(readme_layout))[0] == 0
    code, out, _ = run("history", str(readme_layout), "renault", "nissan", "--kind", "equity_stake", "--format", "csv")
    assert code == 0 and [line.split(",")[1] for line in out.splitlines()[1:]] == ["36.8", "44.4", "43.4", "15"]


def test_too_many_events_to_read_whole_is_refused_saying_what_to_do(run: Run, pair: tuple[Path, Path],
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_ENGINE_ROWS", "10")
    code, _, err = run("validate", str(pair[0]))
    assert code == 1 and "69 rows, more than `entente validate` reads into memory" in err
    assert "query it in place" in err
    assert run("history", str(pair[0]), "renault", "nissan")[0] == 0  # only the relations: no limit
