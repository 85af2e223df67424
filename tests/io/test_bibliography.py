"""Bibliographies from reference managers (RIS, BibTeX, CSL-JSON) open as references on the timeline, their authors
and journals as entities, and who wrote with whom and published where as ties dated from their first reference.
Before, Entente refused all three."""

from __future__ import annotations

import contextlib
import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io import bib_bibtex, bib_csl, bib_ris, bibliography
from viewer.model.dataset import Dataset
from viewer.model.dates import iso_date
from viewer.model.problems import LoadError

FIXTURES = Path(__file__).parent / "fixtures"
RIS, BIB, CSL = (FIXTURES / "bibliography.ris", FIXTURES / "bibliography.bib", FIXTURES / "bibliography_csl.json")
ADA, CHARLES, JOSE, ANA = "person:ada-lovelace", "person:charles-babbage", "person:jose-garcia-marquez", \
    "person:ana-muller"
JCH = "journal:journal-of-computing-history"


def _write(tmp_path: Path, text: str, name: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _events(ds: Dataset) -> dict[str, tuple[str, str, str, str]]:
    """title → (start at its precision, actors, category, source)"""
    return {row.title: (iso_date(row.start, row.precision), row.actors, row.category, row.source_url)
            for row in ds.events.itertuples()}


def _ties(ds: Dataset, kind: str, relations: pd.DataFrame | None = None) -> dict[tuple[str, str], tuple[float, str]]:
    """(source, target) → (value at the last step, valid_from of the first at its precision) of the ties of a kind:
    a tie is a run of rows, a step at each joint reference."""
    frame = ds.relations if relations is None else relations
    found: dict[tuple[str, str], tuple[float, str]] = {}
    for r in frame[frame["kind"] == kind].sort_values("valid_from").itertuples():
        first = found.get((r.source, r.target), (0.0, iso_date(r.valid_from, r.valid_from_precision)))[1]
        found[(r.source, r.target)] = (r.value, first)
    return found


def _messages(ds: Dataset) -> list[str]:
    return [p.message for p in ds.problems]


@pytest.mark.parametrize("path", [RIS, BIB, CSL], ids=["ris", "bibtex", "csl"])
def test_each_format_opens_as_references_people_journals_and_ties(path: Path) -> None:
    ds = bibliography.read(path)
    assert ds.meta.title == path.stem and ds.meta.sources == (str(path),)
    events = _events(ds)
    assert len(events) == 8  # the web page has no date
    assert events["Notes on the Analytical Engine"] == ("2015-03-04", f"{ADA};{CHARLES}", "journal article",
                                                        "https://doi.org/10.1000/jch.2015.0031")
    assert events["Difference engines revisited"] == ("2017-06", f"{ADA};{CHARLES};{JOSE}", "journal article",
                                                      "https://example.org/jch/2017/0007")  # no DOI: the URL
    assert events["Punched cards and DNA storage: a long-term view"][:3] == ("2019", f"{ADA};{JOSE}",
                                                                             "journal article")
    assert events["Über formal unentscheidbare Sätze"][:3] == ("2018", "person:kurt-godel", "book")
    assert events["Mechanical computation before electricity"][:3] == ("2020-09-15", f"{ANA};{ADA}", "book chapter")
    assert events["Stochastic models of card-driven looms"][:3] == ("2016", "person:soren-odegard", "thesis")
    assert events["Global report on digital health"][1:3] == ("organisation:world-health-organization", "report")
    assert events["Engines that weave"][:3] == ("2022-05", f"{CHARLES};{ANA}", "conference paper")
    people = ds.entities.set_index("id")
    assert people.loc[[ADA, JOSE, "person:kurt-godel", "person:soren-odegard", ANA], "name"].tolist() == [
        "Ada Lovelace", "José García-Márquez", "Kurt Gödel", "Søren Ødegård", "Ana Müller"]
    assert people.loc["organisation:world-health-organization", ["name", "kind"]].tolist() == [
        "World Health Organization", "organisation"]
    assert people.loc[JCH, ["name", "kind"]].tolist() == ["Journal of Computing History", "journal"]
    assert _ties(ds, "co_author") == {(ADA, CHARLES): (2.0, "2015-03-04"), (ADA, JOSE): (2.0, "2017-06"),
                                      (CHARLES, JOSE): (1.0, "2017-06"), (ADA, ANA): (1.0, "2020-09-15"),
                                      (ANA, CHARLES): (1.0, "2022-05")}
    published = _ties(ds, "published_in")
    assert published[(ADA, JCH)] == (2.0, "2015-03-04") and published[(JOSE, JCH)] == (1.0, "2017-06")
    assert published[(ADA, "journal:nature-computing")] == (1.0, "2019")
    assert published[(ANA, "journal:handbook-of-mechanical-computation")] == (1.0, "2020-09-15")
    assert "person:kurt-godel" not in set(ds.relations["source"])  # a book without a container, an editor
    notes = ds.relations.groupby(["source", "target"])["note"].agg(set)
    assert notes[(ADA, CHARLES)] == {"Notes on the Analytical Engine; Difference engines revisited"}
    last = ds.relations.sort_values("valid_from").groupby(["source", "target", "kind"]).tail(1)
    assert last["valid_to"].isna().all()  # ties stay, from their first joint reference on
    ada_charles = ds.relations[(ds.relations["source"] == ADA) & (ds.relations["target"] == CHARLES)]
    assert [(v, iso_date(t, p)) for v, t, p in ada_charles[["value", "valid_to", "valid_to_precision"]].itertuples(
        index=False)] == [(1.0, "2017-06"), (2.0, "")]  # one joint paper until the second
    looked_in = {RIS: "DA/PY/Y1", BIB: "date/year", CSL: "issued"}[path]  # the fields a date is looked for in
    assert [(p.level, p.field) for p in ds.problems] == [("info", looked_in)]
    assert _messages(ds)[0].startswith("1 reference has no date")


@pytest.mark.parametrize("path", [RIS, BIB, CSL], ids=["ris", "bibtex", "csl"])
def test_the_panel_shows_the_ties_as_of_the_cursor(path: Path) -> None:
    ds = bibliography.read(path)
    assert _ties(ds, "co_author", ds.relations_at("2015-03-03")) == {}
    assert set(_ties(ds, "co_author", ds.relations_at("2016-12-31"))) == {(ADA, CHARLES)}
    assert set(_ties(ds, "co_author", ds.relations_at("2017-05-31"))) == {(ADA, CHARLES)}
    assert set(_ties(ds, "co_author", ds.relations_at("2017-06-01"))) == {(ADA, CHARLES), (ADA, JOSE), (CHARLES, JOSE)}
    assert len(_ties(ds, "co_author", ds.relations_at("2030-01-01"))) == 5
    assert set(_ties(ds, "published_in", ds.relations_at("2016-06-01"))) == {(ADA, JCH), (CHARLES, JCH)}


def test_ris_keeps_lines_continuations_editors_and_attributes() -> None:
    ds = bibliography.read(RIS)
    events = ds.events.set_index("title")
    notes = events.loc["Notes on the Analytical Engine"]
    assert notes["id"] == "ref1" and notes["row"] == 1  # RIS writes no ID here: ref<N>, N its place in the file
    assert notes["description"] == ("We describe the operation of the Analytical Engine\n"
                                    "and the notes that accompany its translation.")  # a line without a tag
    assert [notes[f"attr:{a}"] for a in ("container", "volume", "issue", "pages", "keywords", "doi")] == [
        "Journal of Computing History", "12", "3", "101–120", "computing; history", "10.1000/jch.2015.0031"]
    chapter = events.loc["Mechanical computation before electricity"]
    assert (chapter["id"], chapter["row"], chapter["attr:editors"]) == ("ref5", 59, "Kurt Gödel")
    assert chapter["attr:publisher"] == "Springer"
    assert events.loc["Punched cards and DNA storage: a long-term view", "attr:doi"] == "10.1000/nc.2019.12"
    assert "attr:date_as_written" not in events  # RIS's own 2019/03/04/ is written plainly: no column


def test_bibtex_decodes_latex_macros_and_biblatex_dates() -> None:
    ds = bibliography.read(BIB)
    events = ds.events.set_index("id")
    assert events.loc["godel_uber_2018", "title"] == "Über formal unentscheidbare Sätze"  # \"{U}, S{\"a}tze
    assert events.loc["lovelace_punched_2019", "title"] == "Punched cards and DNA storage: a long-term view"
    assert events.loc["lovelace_notes_2015", "title"] == "Notes on the Analytical Engine"  # {Analytical} unbraced
    assert events.loc["lovelace_notes_2015", "attr:container"] == "Journal of Computing History"  # @string jch
    assert events.loc["lovelace_notes_2015", "attr:keywords"] == "computing; history"
    assert events.loc["lovelace_notes_2015", "row"] == 5  # the line of its @article
    assert events.loc["muller_mechanical_2020", ["precision", "attr:pages", "attr:editors"]].tolist() == [
        "day", "45–67", "Kurt Gödel"]  # date = {2020-09-15} wins over year
    assert events.loc["odegard_stochastic_2016", "attr:publisher"] == "University of Oslo"  # the school
    report = events.loc["world_health_organization_global_2021"]
    assert (iso_date(report["start"], report["precision"]), report["attr:publisher"]) == ("2021-11",
                                                                                          "World Health Organization")
    assert events.loc["lovelace_punched_2019", "attr:doi"] == "10.1000/nc.2019.12"  # the resolver dropped


def test_csl_json_reads_ids_positions_and_markup() -> None:
    ds = bibliography.read(CSL)
    events = ds.events.set_index("title")
    punched = events.loc["Punched cards and DNA storage: a long-term view"]  # <i>long-term</i> in the export
    assert (punched["id"], punched["row"]) == ("http://zotero.org/users/1234567/items/CDEF4567", 3)
    assert events.loc["Notes on the Analytical Engine", "attr:pages"] == "101–120"
    assert bibliography.looks_like_csl(json.loads(CSL.read_text(encoding="utf-8")))


def test_csl_sniffing_takes_csl_items_and_not_other_records() -> None:
    item = {"id": "a", "type": "article-journal", "title": "T", "issued": {"date-parts": [[2019]]}}
    assert bibliography.looks_like_csl([item]) and bibliography.looks_like_csl({"items": [item]})
    assert not bibliography.looks_like_csl([{"type": "meeting", "title": "Board", "date": "2019-03-04"}])
    assert not bibliography.looks_like_csl([{"type": "report", "title": "Board report", "date": "2019"}])  # no CSL key
    assert not bibliography.looks_like_csl({"title": {"text": {"headline": "x"}}, "events": []})  # TimelineJS
    assert not bibliography.looks_like_csl([]) and not bibliography.looks_like_csl("text")
    assert not bibliography.looks_like_csl([{"type": ["article"], "title": "T"}])  # never raises


def test_csl_dates_in_every_written_form(tmp_path: Path) -> None:
    items = [{"id": "a", "type": "book", "title": "Parts as numbers", "issued": {"date-parts": [[2019, 3, 4]]}},
             {"id": "b", "type": "book", "title": "Parts as texts", "issued": {"date-parts": [["2019", "3"]]}},
             {"id": "c", "type": "book", "title": "Raw", "issued": {"raw": "4 March 2019"}},
             {"id": "d", "type": "book", "title": "Literal", "issued": {"literal": "Spring 2019"}},
             {"id": "e", "type": "book", "title": "Range", "issued": {"date-parts": [[2019, 5], [2019, 7]]}},
             {"id": "f", "type": "book", "title": "No date"},
             {"id": "g", "type": "book", "title": "Bad", "issued": {"date-parts": [[2019, 13]]}}]
    ds = bibliography.read(_write(tmp_path, json.dumps({"items": items}), "refs.json"))
    events = ds.events.set_index("id")
    assert {i: iso_date(r.start, r.precision) for i, r in events.iterrows()} == {
        "a": "2019-03-04", "b": "2019-03", "c": "2019-03-04", "d": "2019", "e": "2019-05"}
    assert events["attr:date_as_written"].fillna("").to_dict() == {"a": "", "b": "", "c": "4 March 2019",
                                                                 "d": "Spring 2019", "e": ""}
    unread = next(p for p in ds.problems if "could not be read" in p.message)
    assert (unread.row, unread.field, unread.level) == (7, "issued", "warning")
    assert "'2019-13' at item 7" in unread.message
    assert any(p.message.startswith("1 reference has no date (issued)") for p in ds.problems)


RECORD = "TY  - JOUR\nAU  - Lovelace, Ada\nAU  - Babbage, Charles\nTI  - {title}\nPY  - {year}\nER  - \n\n"


def test_undated_and_unreadable_dates_are_counted_once(tmp_path: Path) -> None:
    text = "".join(RECORD.format(title=f"T{n}", year=year) for n, year in
                   enumerate(["2019", "in press", "", "forthcoming", "", "", "2020/03/04/Spring meeting"]))
    ds = bibliography.read(_write(tmp_path, text, "refs.ris"))
    assert sorted(ds.events["title"]) == ["T0", "T6"]
    unread = [p for p in ds.problems if "could not be read" in p.message]
    assert len(unread) == 1
    assert (unread[0].row, unread[0].field, unread[0].file) == (8, "PY", str(tmp_path / "refs.ris"))
    assert unread[0].message.startswith("2 dates could not be read, the first 'in press' at line 8; expected a date")
    undated = [p for p in ds.problems if "no date" in p.message]
    assert len(undated) == 1
    assert undated[0].message.startswith("3 references have no date (DA/PY/Y1): not on the timeline")
    events = ds.events.set_index("title")
    assert events.loc["T6", "attr:date_as_written"] == "2020/03/04/Spring meeting"  # RIS's "other" part
    assert _ties(ds, "co_author") == {(ADA, CHARLES): (2.0, "2019")}  # undated references make no ties


def test_a_tie_starts_at_the_first_joint_reference_wherever_the_file_lists_it(tmp_path: Path) -> None:
    text = "".join(RECORD.format(title=title, year=year) for title, year in
                   [("Late", "2021/06/01/"), ("Early", "2009"), ("Middle", "2015/02//"), ("Last", "2022"),
                    ("Fifth", "2023")])
    ds = bibliography.read(_write(tmp_path, text, "refs.ris"))
    steps = [(r.value, iso_date(r.valid_from, r.valid_from_precision), iso_date(r.valid_to, r.valid_to_precision),
              r.row) for r in ds.relations[ds.relations["kind"] == "co_author"].sort_values("valid_from").itertuples()]
    assert steps == [(1.0, "2009", "2015-02", 8), (2.0, "2015-02", "2021-06-01", 15), (3.0, "2021-06-01", "2022", 1),
                     (4.0, "2022", "2023", 22), (5.0, "2023", "", 29)]  # the count of joint references, rising
    assert set(ds.relations["note"]) == {"Early; Middle; Late; and 2 more"}  # the first three in time
    assert list(ds.events["title"]) == ["Early", "Middle", "Late", "Last", "Fifth"]  # in time order
    assert ds.events.set_index("title")["id"].to_dict() == {"Late": "ref1", "Early": "ref2", "Middle": "ref3",
                                                            "Last": "ref4", "Fifth": "ref5"}


def test_endnote_writes_the_day_without_its_year(tmp_path: Path) -> None:
    text = "TY  - JOUR\nAU  - Lovelace, A.\nTI  - Sketch\nPY  - 1843\nDA  - Mar 4\nID  - 17\nER  - \n"
    ds = bibliography.read(_write(tmp_path, text, "endnote.ris"))
    event = ds.events.iloc[0]
    assert (event["id"], iso_date(event["start"], event["precision"]), event["actors"]) == ("17", "1843-03-04",
                                                                                         "person:a-lovelace")
    assert ds.entities.set_index("id").loc["person:a-lovelace", "name"] == "A. Lovelace"
    assert event["attr:date_as_written"] == "Mar 4 1843"


def test_a_paper_of_more_than_25_authors_pairs_none_and_is_said(tmp_path: Path) -> None:
    crowd = "".join(f"AU  - Physicist{n}, Pat\n" for n in range(30))
    text = (f"TY  - JOUR\n{crowd}TI  - Big detector\nT2  - Physics Letters\nPY  - 2012\nER  - \n\n"
            + RECORD.format(title="Small", year="2013"))
    ds = bibliography.read(_write(tmp_path, text, "cern.ris"))
    assert _ties(ds, "co_author") == {(ADA, CHARLES): (1.0, "2013")}
    assert len(_ties(ds, "published_in")) == 30  # each of them published there all the same
    said = [p for p in ds.problems if "more than 25 authors" in p.message]
    assert len(said) == 1 and said[0].level == "info" and said[0].row == 1
    assert said[0].message.startswith("1 reference with more than 25 authors (the most 30, at line 1)")
    assert len(ds.entities[ds.entities["kind"] == "person"]) == 32


def test_a_ris_file_in_windows_1252_is_read_and_said(tmp_path: Path) -> None:
    text = RECORD.format(title="Über Sätze", year="2019").replace("Lovelace, Ada", "Gödel, Kurt")
    ds = bibliography.read(_write(tmp_path, text.replace("\n", "\r\n"), "old.ris", encoding="cp1252"))
    assert ds.events["title"].tolist() == ["Über Sätze"]
    assert "Kurt Gödel" in set(ds.entities["name"])
    said = [p for p in ds.problems if "Windows-1252" in p.message]
    assert len(said) == 1 and said[0].level == "info" and said[0].file == str(tmp_path / "old.ris")


def test_a_ris_file_with_a_byte_order_mark_and_a_database_header(tmp_path: Path) -> None:
    text = "\ufeffProvider: Elsevier\nDatabase: ScienceDirect\n\n" + RECORD.format(title="T", year="2019")
    path = _write(tmp_path, text, "export.txt")
    assert bibliography.looks_like(path.read_bytes())
    ds = bibliography.read(path)  # by content: a .txt
    assert ds.events["title"].tolist() == ["T"] and not ds.problems


def test_ris_records_not_closed_and_lines_between_records_are_said(tmp_path: Path) -> None:
    text = (RECORD.format(title="A", year="2019").replace("ER  - \n", "") + RECORD.format(title="B", year="2020")
            + "stray text\n" + RECORD.format(title="C", year="2021").replace("ER  - \n", ""))
    ds = bibliography.read(_write(tmp_path, text, "refs.ris"))
    assert sorted(ds.events["title"]) == ["A", "B", "C"]
    assert any(m.startswith("2 records not closed by an ER  - line, the first starting at line 1")
               for m in _messages(ds))
    assert any(m.startswith("1 line outside any record") for m in _messages(ds))


def test_repeated_ris_ids_keep_both_references_by_place(tmp_path: Path) -> None:
    text = "".join(RECORD.format(title=t, year="2019").replace("ER  -", "ID  - dup\nER  -") for t in "AB")
    text += RECORD.format(title="C", year="2020").replace("ER  -", "ID  - unique\nER  -")
    ds = bibliography.read(_write(tmp_path, text, "refs.ris"))
    assert ds.events.set_index("title")["id"].to_dict() == {"A": "ref1", "B": "ref2", "C": "unique"}
    assert ds.events.set_index("title")["attr:key"].to_dict() == {"A": "dup", "B": "dup", "C": "unique"}
    assert any(m.startswith("1 key given to more than one reference (the first 'dup', at line 1)")
               for m in _messages(ds))


def test_repeated_bibtex_keys_keep_the_first_and_are_said(tmp_path: Path) -> None:
    text = ("@article{smith2019, title = {First}, author = {Smith, Jo}, year = 2019}\n\n"
            "@article{Smith2019, title = {Second}, author = {Smith, Jo}, year = 2020}\n"
            "@book{other, title = {Third}, title = {Fourth}, author = {Smith, Jo}, year = 2021}\n")
    ds = bibliography.read(_write(tmp_path, text, "refs.bib"))
    assert ds.events["title"].tolist() == ["First", "Third"]
    repeated = next(p for p in ds.problems if "key" in p.message)
    assert (repeated.row, repeated.level) == (3, "warning")
    assert repeated.message.startswith("1 entry repeats a key used before, the first 'Smith2019' at line 3 "
                                       "(first used at line 1)")
    assert any(m.startswith("1 field written twice in an entry, the first 'title' of 'other'") for m in _messages(ds))


def test_an_undefined_string_is_read_as_empty_and_said(tmp_path: Path) -> None:
    text = "@article{a, journal = jgr, title = {T}, author = {Smith, Jo}, year = 2019}\n"
    ds = bibliography.read(_write(tmp_path, text, "refs.bib"))
    assert ds.events["title"].tolist() == ["T"]
    assert any(m.startswith("1 use of an @string not defined, the first 'jgr' at line 1") for m in _messages(ds))


@pytest.mark.parametrize(("damage", "said"), [
    ("  title = {X}\n  year = {2019}\n", "line 5: '}' expected (the line reads 'year = {2019}', in the entry that "
                                         "starts at line 3: '@article{b,'): the BibTeX is damaged there (is a comma "
                                         "missing after the field before?)"),
    ("  title {X},\n  year = {2019}\n", "line 4: '=' expected (the line reads 'title {X},'"),
    ("  title = {X,\n  year = {2019}\n", "line 5: the file ends inside the entry that starts at line 3"),
])
def test_a_damaged_bibtex_entry_is_skipped_naming_its_line(tmp_path: Path, damage: str, said: str) -> None:
    text = "@book{a, title = {Fine}, year = 2018}\n\n@article{b,\n" + damage + ("}\n" if "{X," not in damage else "")
    path = _write(tmp_path, text, "broken.bib")
    ds = bibliography.read(path)
    assert ds.events["title"].tolist() == ["Fine"]
    skipped = next(p for p in ds.problems if "damaged" in p.message)
    assert skipped.message.startswith("1 entry damaged past reading, skipped; the first at " + said)
    assert (skipped.level, skipped.file) == ("warning", str(path))
    assert "expected a BibTeX file of entries" in skipped.message
    # with nothing else to read, the file is refused with the same words
    with pytest.raises(LoadError) as caught:
        bibliography.read(_write(tmp_path, text.split("\n", 2)[2], "only.bib"))
    assert str(caught.value).startswith(f"{tmp_path / 'only.bib'}: line ")
    assert "the BibTeX is damaged there" in str(caught.value) or "the file ends inside" in str(caught.value)


def test_reading_goes_on_after_a_damaged_entry(tmp_path: Path) -> None:
    """A key left out, then a closing brace: each entry is skipped on its own and the entries after it are read."""
    text = ("@article{a1, author = {Lovelace, Ada}, title = {One}, year = {1843}}\n"
            "@article{title = {No key}, author = {Babbage, Charles}, year = 1850}\n"
            "@article{b2, author = {Babbage, Charles and Lovelace, Ada}, title = {Two}, year = {1844}\n"
            "@book{c3, author = {Turing, Alan}, title = {Three}, year = {1936}}\n")
    ds = bibliography.read(_write(tmp_path, text, "refs.bib"))
    assert ds.events["title"].tolist() == ["One", "Three"]
    skipped = next(m for m in _messages(ds) if "damaged" in m)
    assert skipped.startswith("2 entries damaged past reading, skipped; the first at line 2: '}' expected")
    assert "(is the entry's key missing?)" in skipped


def test_many_damaged_entries_are_read_past_in_one_pass_with_their_lines(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Every damaged entry copied the rest of the text for the next read and counted its lines from the start: 2,000
    of them took 2.4 s, 20,000 (a reference manager's export with a comma missing in each) four minutes. The text is
    read on where it is, and each damaged entry is counted at its own line."""
    good = "@article{k%d,\n  title = {Title %d},\n  author = {Doe, Jane},\n  year = {2019}\n}\n"
    bad = "@article{b%d,\n  title = {Broken %d}\n  author = {Doe, Jane},\n  year = {2019}\n}\n"  # (a comma missing)
    text = "".join((bad if i % 2 else good) % (i, i) for i in range(400))
    read: list[int] = []
    scanner = bib_bibtex.LowLevelParser  # type: ignore[attr-defined]

    def reading(written: str, **options: object) -> object:
        read.append(id(written))
        return scanner(written, **options)

    monkeypatch.setattr(bib_bibtex, "LowLevelParser", reading)
    parser = bib_bibtex._Parser()
    parser.parse_string(text)
    assert len(parser.found) == 200 and [e.line for e in parser.found[:2]] == [1, 11]
    assert len(parser.noted.damaged) == 200 and len(set(read)) == 1  # (one text, never a copy of its rest)
    assert [line for line, _said in parser.noted.damaged[:3]] == [8, 18, 28]  # (where pybtex finds each)
    assert [line for line, _said in parser.noted.damaged[1:]] == [8 + 10 * i for i in range(1, 200)]


def test_bibtex_names_latex_and_months() -> None:
    assert [n for n, _whole in bib_bibtex.names(r"van der Berg, Jan and Smith, Jr., John and D{\'\i}az, Ana")] == [
        "Jan van der Berg", "John Smith Jr.", "Ana Díaz"]
    assert bib_bibtex.names(r"{World Health Organization} and {\"O}zt{\"u}rk, Ahmet") == [
        ("World Health Organization", True), ("Ahmet Öztürk", False)]
    assert bib_bibtex.latex_text(r"{\"O}sterreich \emph{und} {\c{C}}elik --- {\ss}") == "Österreich und Çelik — ß"
    assert bib_bibtex.latex_text("Plain title, untouched") == "Plain title, untouched"


@pytest.mark.parametrize(("fields", "date", "written"), [
    ("year = 2019, month = mar", "2019-03", ""), ("year = 2019, month = {3}", "2019-03", ""),
    ("year = 2019, month = {March}", "2019-03", ""), ("year = {2019}, month = {{3}}, day = {14}", "2019-03-14", ""),
    ("date = {2019-03-04/2019-03-06}", "2019-03-04", "2019-03-04/2019-03-06"), ("year = {2019a}", "2019", "2019a"),
    ("year = 2019, month = {Spring}", "2019", "2019 Spring"),
])
def test_bibtex_dates(tmp_path: Path, fields: str, date: str, written: str) -> None:
    ds = bibliography.read(_write(tmp_path, f"@misc{{k, title = {{T}}, {fields}}}\n", "refs.bib"))
    event = ds.events.iloc[0]
    assert iso_date(event["start"], event["precision"]) == date
    assert (event["attr:date_as_written"] if "attr:date_as_written" in ds.events else "") == written


@pytest.mark.parametrize(("name", "text"), [("empty.ris", ""), ("blank.bib", "  \n\n"), ("empty.json", "")])
def test_an_empty_file_is_refused_by_name(tmp_path: Path, name: str, text: str) -> None:
    path = _write(tmp_path, text, name)
    with pytest.raises(LoadError, match=rf"^{path}: empty file; expected "):
        bibliography.read(path)


@pytest.mark.parametrize(("name", "text", "said"), [
    ("notes.ris", "Just some notes\nabout papers\n", "no RIS record (a line TY  - … starting one)"),
    ("notes.bib", "% only a comment\n", "no BibTeX entry"),
    ("notes.json", "[1, 2]", "no item is an object"),
    ("notes.txt", "Just some notes\n", "no RIS record, BibTeX entry or PubMed record"),
    ("notes.nbib", "Just some notes\n", "no PubMed record (a line PMID- … starting one)"),
    ("undated.ris", "TY  - JOUR\nTI  - A\nER  - \nTY  - JOUR\nTI  - B\nPY  - soon\nER  - \n",
     "2 references but none has a date that can be read, the first 'soon' at line 4"),
])
def test_a_file_without_dated_records_is_refused(tmp_path: Path, name: str, text: str, said: str) -> None:
    path = _write(tmp_path, text, name)
    with pytest.raises(LoadError) as caught:
        bibliography.read(path)
    assert str(caught.value).startswith(f"{path}: {said}")
    assert "expected" in str(caught.value)


def test_sniffing_the_first_bytes() -> None:
    assert bibliography.looks_like(RIS.read_bytes()[:65_536]) and bibliography.looks_like(BIB.read_bytes())
    assert bibliography.looks_like(b"\xef\xbb\xbf@Article{key,\n  title = {T}}")
    assert not bibliography.looks_like(b"date,title\n2019-03-04,launch\n")
    assert not bibliography.looks_like(b"0 HEAD\n1 CHAR UTF-8\n")
    assert not bibliography.looks_like(b"@media screen { body { color: red } }")
    assert bibliography.SUFFIXES == (".ris", ".bib", ".bibtex", ".nbib")
    assert bibliography.looks_like(b"PMID- 31000001\nOWN - NLM\n")


def test_a_file_too_big_for_the_memory_free_is_refused_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ENTENTE_FREE_MEMORY", "1000")
    for path in (RIS, BIB, CSL):
        with pytest.raises(LoadError, match="of memory to open"):
            bibliography.read(path)


def test_read_csl_takes_a_document_parsed_already(tmp_path: Path) -> None:
    document = json.loads(CSL.read_text(encoding="utf-8"))
    ds = bibliography.read_csl(tmp_path / "never-read.json", document)
    assert len(ds.events) == 8 and ds.meta.title == "never-read"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(alphabet=st.sampled_from(list("TYAUPERI -{}@=,\"\\'\n12019/abc#%$~é")), max_size=300))
def test_any_text_is_read_or_refused_never_crashes(text: str) -> None:
    """Damaged files say what is wrong (a LoadError) or open with their problems: nothing else is raised."""
    bibliography.looks_like(text.encode())
    for parse in (bib_ris.parse, bib_bibtex.parse):
        try:
            references, _problems = parse(text, "fuzz")
        except LoadError:
            continue
        with contextlib.suppress(LoadError):
            bibliography.dataset(Path("fuzz"), references, [], "x")


@settings(max_examples=100, deadline=None)
@given(document=st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                             lambda inner: st.lists(inner, max_size=4)
                             | st.dictionaries(st.sampled_from(["type", "title", "author", "issued", "date-parts",
                                                                "literal", "family", "given", "id", "raw", "page"]),
                                               inner, max_size=5), max_leaves=20))
def test_any_json_is_read_or_refused_never_crashes(document: object) -> None:
    bibliography.looks_like_csl(document)  # a sniffer never raises
    try:
        references, problems = bib_csl.parse(document, "fuzz")
        bibliography.dataset(Path("fuzz"), references, problems, "x", "item")
    except LoadError:
        pass
