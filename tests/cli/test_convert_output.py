"""convert's output: the second path, or ``--out`` as export takes it (a user who wrote ``--out`` was told only
"unrecognized arguments"); never two, never none."""

from pathlib import Path

import viewer
from viewer.paths import bundled_dataset


def test_out_names_the_output_as_for_export(run, tmp_path: Path) -> None:
    code, out, _ = run("convert", str(bundled_dataset()), "--out", str(tmp_path / "copy"))
    assert code == 0 and out.startswith(f"Wrote {tmp_path / 'copy'}: 69 events")
    assert len(viewer.load(tmp_path / "copy").events) == 69


def test_two_different_outputs_are_a_usage_error_and_nothing_is_written(run, tmp_path: Path) -> None:
    code, _, err = run("convert", str(bundled_dataset()), str(tmp_path / "a"), "--out", str(tmp_path / "b"))
    assert code == 2 and "two outputs" in err
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_no_output_is_a_usage_error_saying_what_to_give(run) -> None:
    code, _, err = run("convert", str(bundled_dataset()))
    assert code == 2 and "expected an output: entente convert INPUT OUTPUT" in err
