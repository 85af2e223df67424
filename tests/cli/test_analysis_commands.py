"""events, diff, history, validate and convert: the window's answers as text, CSV and JSON."""

import json
from pathlib import Path

import pytest

import viewer


def test_events_for_nissan_in_early_2023_include_the_board_meeting_and_london(run, rows) -> None:
    code, out, _ = run("events", "--from", "2023-01-01", "--to", "2023-02-06", "--actor", "nissan",
                       "--format", "csv")
    titles = {r["id"]: r["title"] for r in rows(out)}
    assert code == 0
    assert "operating board meets" in titles["E053"] and "London" in titles["E060"]


def test_events_keep_dates_at_their_precision(run, rows) -> None:
    _, out, _ = run("events", "--from", "2023-01", "--to", "2023-01", "--format", "json")
    first = json.loads(out)[0]
    assert (first["id"], first["start"], first["precision"]) == ("E052", "2023-01", "month")


def test_events_search_and_category_filters(run, rows) -> None:
    _, out, _ = run("events", "--search", "Beirut", "--category", "legal", "--format", "csv")
    assert [r["id"] for r in rows(out)] == ["E029", "E030"]


def test_diff_lists_the_stake_cut_and_the_trust(run, rows) -> None:
    code, out, _ = run("diff", "--from", "2018-11-19", "--to", "2023-11-09", "--format", "csv")
    found = {(r["change"], r["source"], r["target"], r["old_value"], r["new_value"], r["events"]) for r in rows(out)}
    assert code == 0
    assert ("changed", "renault", "nissan", "43.4", "15", "E067") in found
    assert ("added", "french_trust", "nissan", "", "28.4", "E067") in found
    assert not any(r["change"] == "unchanged" for r in rows(out))


def test_history_shows_the_four_steps(run, rows) -> None:
    _, out, _ = run("history", "renault", "nissan", "--kind", "equity_stake", "--format", "csv")
    assert [r["value"] for r in rows(out)] == ["36.8", "44.4", "43.4", "15"]


def test_history_with_an_unknown_entity_is_a_usage_error(run, rows) -> None:
    code, _, err = run("history", "renault", "tesla")
    assert code == 2 and "'tesla'" in err


def test_validate_is_clean_on_the_bundled_dataset(run, rows) -> None:
    code, out, _ = run("validate")
    assert code == 0 and "no problems" in out


def test_validate_lists_problems_and_exits_1(run, rows, write_dataset) -> None:
    folder = write_dataset("id,start,end\ne1,2020-05-01,2020-04-01\n")
    code, out, _ = run("validate", str(folder))
    assert code == 1 and "row 2, field 'end'" in out


def test_convert_writes_a_dataset_that_reads_back_the_same(run, rows, tmp_path: Path, alliance) -> None:
    for target in (tmp_path / "copy.json", tmp_path / "copy"):
        code, _, _ = run("convert", alliance.meta.path, str(target))
        assert code == 0
        again = viewer.load(target)
        assert (len(again.events), len(again.entities), len(again.relations)) == (69, 37, 53)
        assert list(again.history("renault", "nissan", "equity_stake")["value"]) == [36.8, 44.4, 43.4, 15.0]
        assert again.events["precision"].astype(str).tolist() == alliance.events["precision"].astype(str).tolist()


def test_convert_never_replaces_a_folder_that_is_not_a_dataset(run, rows, tmp_path: Path) -> None:
    precious = tmp_path / "thesis"
    precious.mkdir()
    (precious / "chapter1.txt").write_text("do not lose me")
    code, _, err = run("convert", str(viewer.load().meta.path), str(precious), "--force")
    assert code == 2 and "not a dataset" in err
    assert (precious / "chapter1.txt").read_text() == "do not lose me"


def test_convert_over_a_link_to_a_dataset_writes_the_dataset_and_keeps_the_link(run, rows, tmp_path: Path,
                                                                                write_dataset) -> None:
    """``current -> releases/2024``: converting over ``current`` put a folder in the link's place and left the
    release it pointed to as it was."""
    release = tmp_path / "releases" / "2024"
    release.parent.mkdir()
    assert run("convert", str(viewer.load().meta.path), str(release))[0] == 0
    (release / "README.txt").write_text("kept")
    current = tmp_path / "current"
    current.symlink_to(release, target_is_directory=True)
    source = write_dataset("id,start,title,actors\nE1,2021,Changed,acme\n", "id,name,kind\nacme,Acme,company\n")
    assert run("convert", str(source), str(current), "--force")[0] == 0
    assert current.is_symlink() and current.resolve() == release.resolve()
    assert viewer.load(release).events["title"].tolist() == ["Changed"]
    assert (release / "README.txt").read_text() == "kept"


def test_unknown_options_are_usage_errors(run, rows) -> None:
    assert run("diff", "--from", "2020")[0] == 2
    assert run("events", "--bogus")[0] == 2


@pytest.mark.parametrize("target, step", [("copy", "full disk"), ("copy", "fsync"), ("copy", "rename aside"),
                                          ("copy", "rename in"), ("copy.json", "full disk"),
                                          ("copy.json", "fsync"), ("copy.json", "replace")])
def test_an_interrupted_convert_leaves_the_old_output_intact(run, rows, failures, tmp_path: Path,
                                                             write_dataset, target: str, step: str) -> None:
    source = write_dataset("id,start,title,actors\nE1,2021,Changed,acme\n", "id,name,kind\nacme,Acme,company\n")
    out = tmp_path / "out"
    out.mkdir()
    assert run("convert", str(viewer.load().meta.path), str(out / target))[0] == 0
    before = failures.snapshot(tmp_path)
    failures.inject(step)
    code, _, err = run("convert", str(source), str(out / target), "--force")
    assert code == 1 and "cannot be written" in err and str(out / target) in err
    assert failures.snapshot(tmp_path) == before


def test_convert_never_replaces_a_file_with_a_folder(run, rows, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.write_text("my notes")
    code, _, err = run("convert", str(viewer.load().meta.path), str(notes), "--force")
    assert code == 2 and "not a dataset folder" in err
    assert notes.read_text() == "my notes"
