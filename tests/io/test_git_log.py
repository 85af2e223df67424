"""A repository's history as ``git log`` prints it: refused before ("no date column among commit aaaa…")."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import git_log
from viewer.model.problems import LoadError

DEFAULT = """commit 3bef4870f608b5f82927291268685249ff872458 (HEAD -> main, origin/main)
Author: Ana Lopez <ana@example.org>
Date:   Mon Jan 4 10:00:00 2021 +0100

    Read dates written by the parser

    The column parser learns two new forms.
        An indented example stays in the message.

 viewer/dates.py | 3 ++-
 1 file changed, 2 insertions(+), 1 deletion(-)

commit 7fa3c443bf8ab3fdeff312da8ea4f9a42d78538f
Merge: 3bef487 1a2b3c4
Author: Ben Okafor <ben@example.org>
Date:   Tue Feb 23 23:59:01 2021 -0800

    Merge branch 'dates'

commit 1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d
Author: <ci@example.org>
Date:   Thu Dec 31 12:00:00 2020 +0000

    Nightly build
diff --git a/x.py b/x.py
index 1..2 100644
--- a/x.py
+++ b/x.py
@@ -1,3 +1,3 @@
     context line indented like a message
-old
+new
"""

FULLER = """commit 0123456789abcdef0123456789abcdef01234567
Author:     Ana Lopez <ana@example.org>
AuthorDate: 2021-03-01 09:00:00 +0100
Commit:     GitHub <noreply@github.com>
CommitDate: 2021-03-02 10:00:00 +0100

    Squash the date work (#12)
"""


def _load(tmp_path: Path, text: str, name: str = "history.txt") -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return viewer.load(path)


@pytest.mark.parametrize("name", ["history.txt", "history.log", "history", "history.txt.gz"])
def test_each_commit_is_an_event_at_its_authors_date(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".gz"):
        import gzip
        path.write_bytes(gzip.compress(DEFAULT.encode()))
        ds = viewer.load(path)
    else:
        ds = _load(tmp_path, DEFAULT, name)
    events = ds.events.set_index("id")
    assert list(ds.events["id"]) == ["1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d",
                                     "3bef4870f608b5f82927291268685249ff872458",
                                     "7fa3c443bf8ab3fdeff312da8ea4f9a42d78538f"]
    first = events.loc["3bef4870f608b5f82927291268685249ff872458"]
    assert first["title"] == "Read dates written by the parser"
    assert str(first["start"]) == "2021-01-04 09:00:00+00:00"
    assert "An indented example stays in the message." in first["description"]
    assert "1 file changed" not in first["description"]
    assert first["actors"] == "Ana Lopez" and first["category"] == "commit"
    merge = events.loc["7fa3c443bf8ab3fdeff312da8ea4f9a42d78538f"]
    assert merge["category"] == "merge" and str(merge["start"]) == "2021-02-24 07:59:01+00:00"
    nightly = events.loc["1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d"]
    assert nightly["actors"] == "ci@example.org" and "context line" not in nightly["description"]
    assert set(ds.entities["kind"]) == {"person"}
    assert not ds.problems


def test_fuller_names_the_committer_too(tmp_path: Path) -> None:
    ds = _load(tmp_path, FULLER)
    event = ds.events.iloc[0]
    assert event["actors"] == "Ana Lopez;GitHub" and str(event["start"]) == "2021-03-01 08:00:00+00:00"


def test_a_date_that_cannot_be_read_is_said_by_its_line(tmp_path: Path) -> None:
    text = DEFAULT.replace("Date:   Tue Feb 23 23:59:01 2021 -0800", "Date:   3 days ago")
    ds = _load(tmp_path, text)
    assert ds.event_count == 2
    said = [p for p in ds.problems if "3 days ago" in p.message]
    assert len(said) == 1 and said[0].row == 13 and "commit skipped" in said[0].message


def test_other_text_is_not_taken_for_a_log() -> None:
    assert git_log.looks_like(DEFAULT.encode())
    assert git_log.looks_like(FULLER.encode())
    assert not git_log.looks_like(b"commit,date,title\n1,2020-01-01,a\n")
    assert not git_log.looks_like(b"commit 3bef487 Read dates\ncommit 7fa3c44 Merge\n")  # --oneline: no dates


def test_a_message_not_in_utf8_is_read_and_said(tmp_path: Path) -> None:
    """An old repository's history mixes encodings: a Latin-1 message among UTF-8 ones refused the whole log."""
    path = tmp_path / "history.txt"
    path.write_bytes(DEFAULT.replace("Nightly build", "Nächtlicher Build").encode("utf-8").replace(
        "Nächtlicher".encode(), "Nächtlicher".encode("latin-1")))
    ds = viewer.load(path)
    assert ds.event_count == 3 and "N\ufffdchtlicher Build" in set(ds.events["title"])
    assert [p.level for p in ds.problems if "not all UTF-8" in p.message] == ["warning"]


@pytest.mark.parametrize("options", [["--oneline"], ["--oneline", "--decorate"], ["--oneline", "--no-abbrev-commit"]])
@pytest.mark.parametrize("name", ["history.txt", "history.log", "history"])
def test_a_log_without_dates_says_how_to_save_one_with_them(tmp_path: Path, name: str, options: list[str]) -> None:
    """`git log --oneline` was refused as a table: "no date column among 3bef487 Read dates …"."""
    full = "--no-abbrev-commit" in options
    hashes = [h if full else h[:7] for h in ("3bef4870f608b5f82927291268685249ff872458",
                                             "7fa3c443bf8ab3fdeff312da8ea4f9a42d78538f")]
    decoration = "(HEAD -> main) " if "--decorate" in options else ""
    path = tmp_path / name
    path.write_text(f"{hashes[0]} {decoration}Read dates written by the parser\n{hashes[1]} Merge branch 'dates'\n")
    with pytest.raises(LoadError, match=r"a git log without dates \(git log --oneline\).*git log > history\.txt"):
        viewer.load(path)


def test_checksums_are_no_log() -> None:
    assert not git_log.looks_like_oneline(b"d41d8cd98f00b204e9800998ecf8427e  file.txt\n"
                                          b"3bef4870f608b5f82927291268685249ff872458  other.txt\n")
