"""The command line answers about a family tree, an X archive and a Facebook export as the window does: the ties
as of a date, and what was read."""

from __future__ import annotations

from pathlib import Path

from ..io.test_gedcom import MORE
from ..io.test_meta_messages import export_folder
from ..io.x_archive import write_zip


def test_relations_of_a_family_tree_at_a_date(run, rows, tmp_path: Path) -> None:
    tree = tmp_path / "smith.ged"
    tree.write_text(MORE, encoding="utf-8")
    code, out, _ = run("relations", str(tree), "--at", "1901", "--format", "csv")
    assert code == 0
    found = {(r["source"], r["target"], r["kind"]) for r in rows(out)}
    assert ("I1", "I2", "spouse_of") in found and ("I5", "I4", "spouse_of") in found  # married in 1900
    _, later, _ = run("relations", str(tree), "--at", "1903", "--format", "csv")
    assert ("I5", "I4", "spouse_of") not in {(r["source"], r["target"], r["kind"]) for r in rows(later)}  # divorced


def test_info_on_an_x_archive_and_a_facebook_export(run, tmp_path: Path) -> None:
    code, out, _ = run("info", str(write_zip(tmp_path / "twitter-2019.zip")))
    assert code == 0 and "Title:     @ana_lima" in out and "Events:    6" in out and "person 3, group 1" in out
    code, out, err = run("info", str(export_folder(tmp_path / "facebook-jose")))
    assert "Events:    13" in out and "damaged_3/message_1.json: not readable JSON" in out and code == 0, err


def test_co_authors_of_a_bibliography_at_two_dates(run, rows) -> None:
    """The count of joint references is the tie's value as of the date asked: one paper in 2016, two by 2018."""
    bib = Path(__file__).parents[1] / "io" / "fixtures" / "bibliography.bib"
    pair = ("person:ada-lovelace", "person:charles-babbage", "co_author")
    for at, count in (("2016", "1"), ("2018", "2")):
        code, out, _ = run("relations", str(bib), "--at", at, "--format", "csv")
        assert code == 0
        assert {(r["source"], r["target"], r["kind"]): r["value"] for r in rows(out)}[pair] == count, at
    code, out, _ = run("info", str(bib))
    assert code == 0 and "Events:    8" in out and "person 6, journal 4, organisation 1" in out
