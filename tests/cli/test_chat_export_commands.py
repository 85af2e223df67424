"""The command line answers about a Slack export as the window does: the ties as of a date, and what was read."""

from __future__ import annotations

from pathlib import Path

from ..io.slack_export import write_zip


def test_relations_of_a_slack_archive_at_a_date(run, rows, tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "Acme Slack export.zip")
    code, out, _ = run("relations", str(archive), "--at", "2019-03-04T12:00Z", "--format", "csv")
    assert code == 0
    found = {(r["source"], r["target"], r["kind"], r["valid_to"]) for r in rows(out)}
    assert found == {("U1", "#general", "member_of", ""), ("U2", "#general", "member_of", ""),
                     ("U3", "#general", "member_of", "2019-03-05T10:00:00Z"),
                     ("U1", "#investigation", "member_of", ""), ("U2", "U1", "replied_to", ""),
                     ("U1", "U2", "mentioned", "")}
    _, later, _ = run("relations", str(archive), "--at", "2019-03-06", "--format", "csv")
    assert "U3" not in {r["source"] for r in rows(later)}  # Chris left on the 5th


def test_info_on_a_slack_archive_counts_what_was_read_and_says_the_skipped_day(run, tmp_path: Path) -> None:
    code, out, _ = run("info", str(write_zip(tmp_path / "export.zip")))
    assert "Events:    7" in out and "person 3, channel 2, bot 1" in out
    assert "Problems:  2 (0 errors)" in out and "investigation/2019-03-05.json: not readable JSON" in out and code == 0
