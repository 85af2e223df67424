"""PubMed's own format (MEDLINE), as PubMed saves a search (.txt) and sends it to a citation manager (.nbib): each
record a reference dated by its DP as written ("2019 Mar 5", "2018 Dec-2019 Jan", "2020 Spring"), else its electronic
publication's date, else the day it entered PubMed; its full author names, group authors as organisations, its most
telling publication type, its MeSH headings and keywords, its DOI. Before, a .nbib was refused and a .txt was asked
about as a table."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io import bib_medline
from viewer.model.problems import LoadError

PUBMED = Path(__file__).parent / "fixtures" / "pubmed.nbib"


@pytest.fixture(scope="module")
def by_id() -> pd.DataFrame:
    return viewer.load(PUBMED).events.set_index("id")


def test_each_record_is_a_reference_dated_as_written(by_id: pd.DataFrame) -> None:
    assert list(by_id.index) == ["PMID 31000002", "PMID 31000001", "PMID 31000003", "PMID 31000004"]
    when = {i: (str(r.start.date()), str(r.precision)) for i, r in by_id.iterrows()}
    assert when == {"PMID 31000001": ("2019-03-05", "day"), "PMID 31000002": ("2018-12-01", "month"),
                    "PMID 31000003": ("2020-01-01", "year"),  # a season: its year
                    "PMID 31000004": ("2021-07-15", "day")}  # "in press": the day it entered PubMed
    assert by_id.loc["PMID 31000002", "attr:date_as_written"] == "2018 Dec-2019 Jan"


def test_titles_authors_types_keywords_and_links(by_id: pd.DataFrame) -> None:
    notes = by_id.loc["PMID 31000001"]
    assert notes["title"] == ("Notes on the Analytical Engine and the translation that accompanied its first "
                              "description")  # its two lines joined, PubMed's full stop left out
    assert notes["actors"] == "person:ada-lovelace;person:charles-babbage"
    assert notes["category"] == "journal article"  # not who paid for it
    assert notes["description"].startswith("We describe the operation") and "Bernoulli numbers." in notes["description"]
    assert notes["attr:keywords"] == "Computers; History, 19th Century; analytical engine"
    assert (notes["attr:doi"], notes["source_url"]) == ("10.1000/jch.2019.0031", "https://doi.org/10.1000/jch.2019.0031")
    assert (notes["attr:container"], notes["attr:pages"]) == ("Journal of computing history", "101–120")
    review = by_id.loc["PMID 31000002"]
    assert review["category"] == "review"
    assert review["actors"].endswith("organisation:analytical-engine-study-group")
    assert by_id.loc["PMID 31000003", "source_url"] == "https://pubmed.ncbi.nlm.nih.gov/31000003/"  # no DOI
    assert by_id.loc["PMID 31000003", "category"] == "letter"


def test_found_by_its_first_line_whatever_its_name(tmp_path: Path) -> None:
    for name in ("pubmed-set.txt", "pubmed_export"):
        path = tmp_path / name
        path.write_bytes(PUBMED.read_bytes().replace(b"\n", b"\r\n"))
        assert viewer.load(path).event_count == 4
    assert bib_medline.looks_like(b"\xef\xbb\xbf\r\nPMID- 1\r\n") and not bib_medline.looks_like(b"PMID,TI\n1,a\n")


def test_a_stray_line_is_said_by_its_number_and_the_records_around_it_open(tmp_path: Path) -> None:
    path = tmp_path / "set.nbib"
    path.write_text("PMID- 6\nTI  - One.\nDP  - 2019\n\nnot a tag line\nPMID- 7\nTI  - Two\n      continued.\n"
                    "DP  - 2020 Jan\n", encoding="utf-8")
    ds = viewer.load(path)
    assert sorted(ds.events["title"]) == ["One", "Two continued"]
    said = [p for p in ds.problems if p.level == "warning"]
    assert [(p.row, p.message.split(":")[0]) for p in said] == [
        (5, "1 line neither a TAG - value line nor a continuation of one (six spaces first), the first at line 5")]


def test_a_file_with_no_record_or_no_date_is_refused_by_name(tmp_path: Path) -> None:
    empty = tmp_path / "none.nbib"
    empty.write_text("OWN - NLM\nTI  - No PMID line\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"none\.nbib: no PubMed record \(a line PMID- … starting one\); expected"):
        viewer.load(empty)
    undated = tmp_path / "undated.nbib"
    undated.write_text("PMID- 5\nTI  - No date here.\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"undated\.nbib: 1 reference but none has a date that can be read"):
        viewer.load(undated)
