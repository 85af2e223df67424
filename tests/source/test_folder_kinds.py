"""Which folders are queried in place: only those laid out for it (``events/`` parts, partition folders); a
native dataset folder is loaded, whatever Parquet files lie below it; answers match the loaded dataset's."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError
from viewer.paths import bundled_dataset
from viewer.source.connect import locate
from viewer.source.engine import EngineSource
from viewer.source.opening import open_dataset, queried, wants_engine


def _native(tmp_path: Path, side: str = "csv") -> Path:
    folder = tmp_path / "ds"
    shutil.copytree(bundled_dataset(), folder)
    (folder / "archive").mkdir()
    pd.DataFrame({"start": ["2020", "2021"], "title": ["a", "b"]}).to_parquet(folder / "archive" / "old.parquet")
    if side == "parquet":
        for name in ("entities", "relations"):
            pd.read_csv(folder / f"{name}.csv", dtype=str, keep_default_na=False).to_parquet(folder / f"{name}.parquet")
            (folder / f"{name}.csv").unlink()
    return folder


@pytest.mark.parametrize("side", ["csv", "parquet"])
def test_a_native_folder_with_parquet_below_it_is_the_native_dataset(tmp_path: Path, side: str) -> None:
    folder = _native(tmp_path, side)
    spec = locate(folder)
    assert spec.kind == "native" and not wants_engine(spec) and not queried(folder)
    ds = open_dataset(folder)
    assert (len(ds), len(ds.entities), len(ds.relations)) == (69, 37, 53)


def test_the_native_folder_answers_every_command_as_itself(tmp_path: Path) -> None:
    from viewer import cli, cli_engine
    folder = _native(tmp_path)
    assert cli.run(["info", str(folder)]) == 0
    args = cli.build_parser().parse_args(["relations", str(folder), "--at", "2019"])
    assert not cli_engine.wants_engine(args)


def test_only_partition_folders_are_walked_and_never_a_tree(tmp_path: Path) -> None:
    (tmp_path / "archive" / "deep").mkdir(parents=True)
    pd.DataFrame({"start": ["2020"]}).to_parquet(tmp_path / "archive" / "deep" / "x.parquet")
    with pytest.raises(LoadError, match=r"no events\.parquet"):
        locate(tmp_path)
    (tmp_path / "year=2020").mkdir()
    pd.DataFrame({"start": ["2020"]}).to_parquet(tmp_path / "year=2020" / "p.parquet")
    assert [p.name for p in locate(tmp_path).files] == ["p.parquet"]
    assert not queried("/")


def test_lazy_answers_match_the_loaded_ones(tmp_path: Path) -> None:
    raw = pd.read_csv(bundled_dataset() / "events.csv", dtype=str, keep_default_na=False)
    raw["region"] = ["Europe" if i % 3 else "Asia" for i in range(len(raw))]
    folder = tmp_path / "big"
    (folder / "events").mkdir(parents=True)
    raw.to_parquet(folder / "events" / "part-0.parquet")
    for name in ("entities.csv", "relations.csv", "dataset.json"):
        shutil.copy(bundled_dataset() / name, folder / name)
    native = tmp_path / "native"
    shutil.copytree(bundled_dataset(), native)
    raw.to_csv(native / "events.csv", index=False)
    lazy, whole = viewer.open(str(folder)), viewer.load(native)
    assert isinstance(lazy.source, EngineSource)
    where = {"region": ["Asia"]}
    assert list(lazy.events_between("2018", "2020", where=where)["id"]) == \
        list(whole.events_between("2018", "2020", where=where).sort_values(["start", "id"])["id"])
    assert lazy.events_between(where={"nowhere": ["1"]}).empty
    for when in ("44 BC", "19 Nov 2018", "March 2019", "2016"):
        assert lazy.relations_at(when)[["source", "target", "kind"]].values.tolist() == \
            whole.relations_at(when)[["source", "target", "kind"]].values.tolist()
    assert lazy.diff("19 Nov 2018", "March 2019").table.equals(whole.diff("19 Nov 2018", "March 2019").table)
