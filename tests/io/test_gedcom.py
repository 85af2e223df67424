"""GEDCOM files (genealogy, ``.ged``) open as people, their dated life events and their family ties: who was
married to whom from when to when, whose child was born when. Before, such a file was refused ("no date
column")."""

from __future__ import annotations

import codecs
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io import gedcom
from viewer.io.gedcom_dates import read_date
from viewer.model.dataset import Dataset
from viewer.model.dates import iso_date
from viewer.model.problems import LoadError

SAMPLE = """0 HEAD
1 GEDC
2 VERS 5.5.1
1 CHAR UTF-8
0 @I1@ INDI
1 NAME John /Smith/
1 SEX M
1 BIRT
2 DATE 12 MAR 1850
2 PLAC London, England
1 DEAT
2 DATE ABT 1910
1 FAMS @F1@
0 @I2@ INDI
1 NAME Mary /Jones/
1 BIRT
2 DATE 1855
1 FAMS @F1@
0 @I3@ INDI
1 NAME William /Smith/
1 BIRT
2 DATE 3 JUN 1880
1 FAMC @F1@
0 @F1@ FAM
1 HUSB @I1@
1 WIFE @I2@
1 CHIL @I3@
1 MARR
2 DATE 1 JAN 1878
2 PLAC Leeds
0 TRLR
"""

# the sample and more: a fourth person adopted, occupations, a census, a source, notes, undated facts, a
# second family ended by divorce
MORE = SAMPLE.replace("0 TRLR\n", """0 @I4@ INDI
1 NAME Ann /Smith/
1 SEX F
1 BIRT
2 DATE MAR 1882
1 FAMC @F1@
2 PEDI adopted
1 OCCU Carpenter
1 OCCU Weaver
2 DATE 1901
2 SOUR @S1@
3 PAGE folio 3
2 NOTE Worked at the
3 CONC  mill on Water Lane.
3 CONT Left in 1905.
1 RESI
2 DATE FROM 1900 TO 1905
2 ADDR 1 High Street
3 CONT Leeds
1 EVEN
2 TYPE Shipwreck
2 DATE 1903
1 FAMS @F2@
0 @I5@ INDI
1 NAME Tom /Brown/
1 FAMS @F2@
0 @F2@ FAM
1 HUSB @I5@
1 WIFE @I4@
1 MARR
2 DATE 5 MAY 1900
1 DIV
2 DATE 1902
0 @F1@ FAM
1 CENS
2 DATE 1881
0 @S1@ SOUR
1 TITL Census of 1901
0 TRLR
""")


def _write(tmp_path: Path, text: str, name: str = "family.ged", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _relations(ds: Dataset) -> dict[tuple[str, str, str], tuple[str, str, str]]:
    """(source, target, kind) → (valid_from, valid_to, note), dates as written back at their precision."""
    return {(row.source, row.target, row.kind): (_day(row.valid_from), _day(row.valid_to), row.note)
            for row in ds.relations.itertuples()}


def test_a_small_family_opens_as_people_events_and_ties(tmp_path: Path) -> None:
    ds = gedcom.read(_write(tmp_path, SAMPLE))
    assert ds.meta.title == "family"
    assert ds.meta.sources == (str(tmp_path / "family.ged"),)
    people = ds.entities.set_index("id")
    assert people["name"].to_dict() == {"I1": "John Smith", "I2": "Mary Jones", "I3": "William Smith"}
    assert set(people["kind"]) == {"person"}
    assert people.loc["I1", "attr:sex"] == "male"
    events = ds.events.set_index("id")
    assert list(events.index) == ["I1-BIRT", "I2-BIRT", "F1-MARR", "I3-BIRT", "I1-DEAT"]  # in time order
    columns = ["title", "actors", "category", "precision", "attr:place"]
    assert events.loc["I1-BIRT", columns].tolist() == ["Birth of John Smith", "I1", "birth", "day", "London, England"]
    assert events.loc["F1-MARR", columns].tolist() == ["Marriage of John Smith and Mary Jones", "I1;I2", "marriage",
                                                       "day", "Leeds"]
    assert events.loc["I1-BIRT", "start"] == pd.Timestamp("1850-03-12", tz="UTC")
    assert events.loc["I2-BIRT", "precision"] == "year"
    assert events.loc["I1-DEAT", ["attr:date_qualifier", "attr:date_as_written"]].tolist() == ["about", "ABT 1910"]
    assert _relations(ds) == {("I1", "I2", "spouse_of"): ("1878-01-01", "1910-01-01", "family F1"),  # to his death
                              ("I1", "I3", "parent_of"): ("1880-06-03", "", ""),
                              ("I2", "I3", "parent_of"): ("1880-06-03", "", "")}
    assert not ds.problems


def test_a_couple_whose_wedding_has_no_date_is_one_from_the_younger_ones_birth(tmp_path: Path) -> None:
    """Not in a year before either was born (the relationship panel showed a couple born in 1965 as married in 1700:
    the tie's start was open)."""
    text = SAMPLE.replace("1 MARR\n2 DATE 1 JAN 1878\n2 PLAC Leeds\n", "1 MARR Y\n")
    ds = gedcom.read(_write(tmp_path, text))
    spouses = ds.relations[ds.relations["kind"] == "spouse_of"].iloc[0]
    assert str(spouses["valid_from"].date()) == "1855-01-01"  # Mary, born 1855 (John 1850)
    assert spouses["note"] == "family F1, marriage date unknown: from the younger one's birth"
    assert ds.relations_at("1852").empty
    assert list(ds.relations_at("1860")["kind"]) == ["spouse_of"]


def test_a_child_whose_birth_has_no_date_is_a_parents_child_from_the_parents_birth(tmp_path: Path) -> None:
    """Not in every year before (an open start showed a family of 1850 as parents in 1700)."""
    text = SAMPLE.replace("1 NAME William /Smith/\n1 BIRT\n2 DATE 3 JUN 1880\n", "1 NAME William /Smith/\n")
    ds = gedcom.read(_write(tmp_path, text))
    ties = {r["source"]: (str(r["valid_from"].date()), r["note"]) for _, r in ds.relations.iterrows()
            if r["kind"] == "parent_of"}
    assert ties == {"I1": ("1850-03-12", "child's birth date unknown: from the parent's birth"),
                    "I2": ("1855-01-01", "child's birth date unknown: from the parent's birth")}
    assert ds.relations_at("1849")["kind"].tolist() == []


def test_the_ties_hold_as_of_a_date(tmp_path: Path) -> None:
    ds = gedcom.read(_write(tmp_path, SAMPLE))
    assert ds.relations_at("1877-12-31").empty  # not married yet, no child yet
    assert list(ds.relations_at("1879")["kind"]) == ["spouse_of"]
    assert sorted(ds.relations_at("1890")["kind"]) == ["parent_of", "parent_of", "spouse_of"]
    assert sorted(ds.relations_at("1911")["kind"]) == ["parent_of", "parent_of"]  # widowed


def test_a_bigger_family_keeps_occupations_sources_notes_and_pedigrees(tmp_path: Path) -> None:
    ds = gedcom.read(_write(tmp_path, MORE))
    events = ds.events.set_index("id")
    weaver = events.loc["I4-OCCU-2"]  # the first OCCU has no date: counted, not on the timeline
    assert weaver[["title", "category", "attr:sources", "description"]].tolist() == [
        "Occupation of Ann Smith: Weaver", "occupation", "Census of 1901",
        "Worked at the mill on Water Lane.\nLeft in 1905."]
    residence = events.loc["I4-RESI"]
    assert (residence["start"].year, residence["end"].year) == (1900, 1905)
    assert residence["attr:address"] == "1 High Street, Leeds"
    assert events.loc["I4-EVEN", ["title", "category"]].tolist() == ["Shipwreck of Ann Smith", "shipwreck"]
    assert events.loc["F1-CENS", "actors"] == "I1;I2"  # a second record of F1 adds to it, no second family
    assert events.loc["F2-DIV", "title"] == "Divorce of Tom Brown and Ann Smith"
    ties = _relations(ds)
    assert ties[("I1", "I4", "parent_of")] == ("1882-03-01", "", "adopted")
    assert ties[("I5", "I4", "spouse_of")] == ("1900-05-05", "1902-01-01", "family F2, divorced")
    assert len(ds.relations) == 6  # two spouse_of, four parent_of
    assert [p.message for p in ds.problems] == ["1 fact without a date is not on the timeline"]


DATES = [  # written; start and end at their precision; precision; qualifier; kept as written
    ("12 MAR 1850", "1850-03-12", "", "day", "", False),
    ("MAR 1850", "1850-03", "", "month", "", False),
    ("1850", "1850", "", "year", "", False),
    ("12 mar 1850", "1850-03-12", "", "day", "", False),
    ("12 March 1850", "1850-03-12", "", "day", "", False),
    ("Sept. 1850", "1850-09", "", "month", "", False),
    ("ABT 1850", "1850", "", "year", "about", True),
    ("ABOUT 1850", "1850", "", "year", "about", True),
    ("Abt. 1850", "1850", "", "year", "about", True),
    ("CIRCA 1850", "1850", "", "year", "about", True),
    ("CA 1850", "1850", "", "year", "about", True),
    ("C. 1850", "1850", "", "year", "about", True),
    ("EST 1850", "1850", "", "year", "estimated", True),
    ("CAL 12 MAR 1850", "1850-03-12", "", "day", "calculated", True),
    ("BEF 1850", "1850", "", "year", "before", True),
    ("AFT MAR 1850", "1850-03", "", "month", "after", True),
    ("BET 1850 AND 1860", "1850", "1860", "year", "between", True),
    # the year (and the month) written once, with the end, as FTM and problem files write them: not read before
    ("BET 01 JAN AND 31 AUG 1977", "1977-01-01", "1977-08-31", "day", "between", True),
    ("BET JUN AND DEC 1900", "1900-06", "1900-12", "month", "between", True),
    ("BET 5 AND 10 JUN 1900", "1900-06-05", "1900-06-10", "day", "between", True),  # (not the year 5)
    # a Julian start (1 January, the 11th in the Gregorian calendar) with its year written once, in the end
    ("BET @#DJULIAN@ 1 JAN AND 3 JAN 1700", "1700-01-03", "1700-01-11", "day", "between", True),
    ("BET @#DJULIAN@ 1 JAN AND @#DJULIAN@ 3 JAN 1700", "1700-01-11", "1700-01-13", "day", "between", True),
    ("FROM 3 MAR TO 5 APR 1920", "1920-03-03", "1920-04-05", "day", "", True),
    ("FROM 1850 TO 1860", "1850", "1860", "year", "", True),
    ("FROM 3 JUN 1850", "1850-06-03", "", "day", "from", True),
    ("TO 1860", "1860", "", "year", "until", True),
    ("11 FEB 1731/32", "1732-02-11", "", "day", "", True),
    ("INT 1850 (as written)", "1850", "", "year", "interpreted", True),
    ("@#DJULIAN@ 1 JAN 1700", "1700-01-11", "", "day", "", True),  # converted to the Gregorian day
    ("@#DJULIAN@ 1700", "1700", "", "year", "", True),  # a Julian year is kept as written
    ("JULIAN 5 OCT 1582", "1582-10-15", "", "day", "", True),  # GEDCOM 7's calendar word
    ("@#DGREGORIAN@ 1850", "1850", "", "year", "", True),
    ("44 B.C.", "-0043", "", "year", "", True),  # astronomical years: 1 BC is year 0
    ("15 MAR 44 BC", "-0043-03-15", "", "day", "", True),
    ("1 BCE", "0000", "", "year", "", True),
]


@pytest.mark.parametrize(("written", "start", "end", "precision", "qualifier", "kept"), DATES,
                         ids=[d[0] for d in DATES])
def test_each_date_form(tmp_path: Path, written: str, start: str, end: str, precision: str, qualifier: str,
                        kept: bool) -> None:
    text = SAMPLE.replace("2 DATE 3 JUN 1880", f"2 DATE {written}")
    ds = gedcom.read(_write(tmp_path, text))
    event = ds.events.set_index("id").loc["I3-BIRT"]
    assert iso_date(event["start"], event["precision"]) == start
    assert event["precision"] == precision
    assert iso_date(event["end"], event["end_precision"]) == end
    assert _attribute(event, "date_qualifier") == qualifier
    assert _attribute(event, "date_as_written") == (written if kept else "")
    assert _relations(ds)[("I1", "I3", "parent_of")][0] == _day(event["start"])  # the tie from the birth


def _attribute(event: pd.Series, name: str) -> str:
    """An event's attribute as text ('' when empty, or when no event has it)."""
    value = event.get(f"attr:{name}")
    return "" if value is None or pd.isna(value) else str(value)


def _day(stamp: pd.Timestamp) -> str:
    return "" if pd.isna(stamp) else iso_date(stamp, "day")


@pytest.mark.parametrize("written", ["(about the time of the war)", "31 FEB 1850", "29 FEB 1900", "1731/35",
                                     "12 XYZ 1850", "BET ABT 1850 AND 1860", "0", "unknown"])
def test_dates_that_cannot_be_read_are_counted_once(tmp_path: Path, written: str) -> None:
    text = SAMPLE.replace("2 DATE 3 JUN 1880", f"2 DATE {written}").replace("2 DATE 1855", f"2 DATE {written}")
    ds = gedcom.read(_write(tmp_path, text))
    assert "I3-BIRT" not in set(ds.events["id"]) and "I2-BIRT" not in set(ds.events["id"])
    said = [p.message for p in ds.problems if "could not be read" in p.message]
    assert said == [f"2 dates could not be read, the first {written!r} at line 17; those facts are not on the "
                    "timeline"]
    assert _relations(ds)[("I1", "I3", "parent_of")][0] == "1850-03-12"  # the child's birth is not known: the parent's


def test_dates_in_other_calendars_are_counted_not_read(tmp_path: Path) -> None:
    text = SAMPLE.replace("2 DATE 3 JUN 1880", "2 DATE @#DHEBREW@ 1 TSH 5641").replace(
        "2 DATE 1855", "2 DATE @#DFRENCH R@ 1 VEND 10")
    ds = gedcom.read(_write(tmp_path, text))
    assert set(ds.events["id"]) == {"I1-BIRT", "I1-DEAT", "F1-MARR"}
    assert [p.message for p in ds.problems if "other calendars" in p.message] == [
        "2 dates in other calendars (french r, hebrew) are not read, the first '@#DFRENCH R@ 1 VEND 10' at line 17"]


def test_the_date_grammar_directly() -> None:
    assert read_date("BET 1860 AND 1850").start == "1850"  # written the other way round: the same span
    assert read_date("c1850").qualifier == "about"
    assert read_date("1699/00").start == "1700"
    assert read_date("@#DJULIAN@ 29 FEB 1700").start == "1700-03-11"  # a Julian leap day
    assert not read_date("29 FEB 1700").start  # no such Gregorian day
    assert read_date("@#DHEBREW@ 1 TSH 5641").calendar == "hebrew"
    assert read_date("MAR 12, 1850").start == "1850-03-12"
    assert read_date("1850-03-12").start == "1850-03-12"


def test_conc_and_cont_make_one_note(tmp_path: Path) -> None:
    text = SAMPLE.replace("2 PLAC Leeds\n", "2 PLAC Leeds\n2 NOTE @N1@\n").replace(
        "0 TRLR", "0 @N1@ NOTE They met at\n1 CONC  the fair \n1 CONT in Leeds.\n0 TRLR").replace(
        "1 SEX M\n", "1 SEX M\n1 NOTE A joi\n2 CONC ner by trade.\n")
    ds = gedcom.read(_write(tmp_path, text))
    assert ds.events.set_index("id").loc["F1-MARR", "description"] == "They met at the fair\nin Leeds."
    assert ds.entities.set_index("id").loc["I1", "note"] == "A joiner by trade."


def test_utf8_with_a_byte_order_mark(tmp_path: Path) -> None:
    path = _write(tmp_path, "\ufeff" + SAMPLE.replace("John /Smith/", "Jörg /Müller/"))
    assert gedcom.looks_like(path.read_bytes())
    assert gedcom.read(path).entity_name("I1") == "Jörg Müller"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_declared_unicode(tmp_path: Path, encoding: str) -> None:
    text = SAMPLE.replace("UTF-8", "UNICODE").replace("John /Smith/", "Jörg /Müller/").replace("\n", "\r\n")
    path = _write(tmp_path, text, encoding=encoding)  # utf-16 writes a byte order mark; the others do not
    assert gedcom.looks_like(path.read_bytes()[:65536])
    ds = gedcom.read(path)
    assert (ds.entity_name("I1"), len(ds.events), ds.problems) == ("Jörg Müller", 5, [])


def test_ansi_is_windows_1252(tmp_path: Path) -> None:
    text = SAMPLE.replace("UTF-8", "ANSI").replace("John /Smith/", "Zoë /Œuvre/").replace("Leeds", "Café “Leeds”")
    ds = gedcom.read(_write(tmp_path, text, encoding="cp1252"))
    place = ds.events.set_index("id").loc["F1-MARR", "attr:place"]
    assert (ds.entity_name("I1"), place) == ("Zoë Œuvre", "Café “Leeds”")
    assert not ds.problems


def test_ansel_accents_come_before_their_letter_and_are_read_onto_it(tmp_path: Path) -> None:
    """Old GEDCOM files (PAF, the GEDCOM 5.5 torture tests) are ANSEL: before, read as Latin-1 with a warning
    ("Jos\xe2e" showed as "Josâe")."""
    written = SAMPLE.replace("UTF-8", "ANSEL").replace("Mary /Jones/", "Jos\xe2e /M\xe8unoz \xa1\xe2od\xe2z/")
    ds = gedcom.read(_write(tmp_path, written.replace("Leeds", "Gar\xf0con \xc3"), encoding="latin-1"))
    assert ds.entity_name("I2") == "José Münoz Łódź"
    assert ds.events.set_index("id").loc["F1-MARR", "attr:place"] == "Garçon ©"
    assert not ds.problems


def test_bytes_that_do_not_decode_become_replacement_characters(tmp_path: Path) -> None:
    (tmp_path / "broken.ged").write_bytes(SAMPLE.encode().replace(b"Mary", b"M\x81\xffry"))
    assert gedcom.read(tmp_path / "broken.ged").entity_name("I2") == "M\ufffd\ufffdry Jones"


def test_unparsable_lines_are_warned_once_with_the_first_line_number(tmp_path: Path) -> None:
    text = SAMPLE.replace("1 SEX M\n", "1 SEX M\nthis is not GEDCOM\n\n   \n").replace(
        "1 FAMC @F1@\n", "1 FAMC @F1@\nX BIRT\n1NAME\n")
    ds = gedcom.read(_write(tmp_path, text))
    said = [p for p in ds.problems if "could not be read as GEDCOM" in p.message]
    assert [(p.message, p.row, p.level) for p in said] == [
        ("3 lines could not be read as GEDCOM (level, tag, value) and were skipped, first at line 8: "
         "'this is not GEDCOM'", 8, "warning")]
    assert len(ds.entities) == 3 and len(ds.events) == 5


def test_line_endings_blank_lines_leading_space_and_lowercase_tags(tmp_path: Path) -> None:
    text = "\r".join("  " + line.replace(" BIRT", " birt") + "   " for line in SAMPLE.split("\n")) + "\r\r"
    ds = gedcom.read(_write(tmp_path, text))
    assert len(ds.events) == 5 and ds.entity_name("I1") == "John Smith"


def test_people_without_dates_but_with_a_family_still_open(tmp_path: Path) -> None:
    text = "\n".join(line for line in SAMPLE.split("\n") if "DATE" not in line)
    ds = gedcom.read(_write(tmp_path, text))
    assert ds.events.empty and len(ds.entities) == 3
    assert _relations(ds)[("I1", "I2", "spouse_of")] == ("", "", "family F1, marriage date unknown")
    assert any(p.message == "5 facts without a date are not on the timeline" for p in ds.problems)


@pytest.mark.parametrize(("text", "said"), [
    ("0 HEAD\n1 CHAR UTF-8\n0 TRLR\n", "2 records but no individual"),
    ("0 HEAD\n1 CHAR UTF-8\n0 @I1@ INDI\n1 NAME Ann /Lee/\n0 TRLR\n", "no fact with a date and no family"),
    ("id,start\n1,2020\n", "no GEDCOM line"),
])
def test_files_without_what_is_needed_are_refused(tmp_path: Path, text: str, said: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(LoadError) as raised:
        gedcom.read(path)
    message = str(raised.value)
    assert message.startswith(str(path)) and "expected a GEDCOM file with individuals (0 @I1@ INDI)" in message
    assert said in message


@pytest.mark.parametrize(("name", "said"), [("empty.ged", "empty file"), ("missing.ged", "cannot be read")])
def test_empty_and_missing_files_are_refused(tmp_path: Path, name: str, said: str) -> None:
    _write(tmp_path, "  \n", "empty.ged")
    with pytest.raises(LoadError, match=said):
        gedcom.read(tmp_path / name)


@pytest.mark.parametrize("head", [SAMPLE.encode(), codecs.BOM_UTF8 + SAMPLE.encode(), SAMPLE.encode("utf-16"),
                                  SAMPLE.encode("utf-16-le"), b"\r\n  \t" + SAMPLE.encode(), b"0 HEAD"])
def test_looks_like_a_gedcom_head(head: bytes) -> None:
    assert gedcom.looks_like(head)
    assert gedcom.SUFFIXES == (".ged", ".gedcom")


@pytest.mark.parametrize("head", [b"id,start,title\n1,2020,x\n", b'{"events": []}', b"", b"0 HEADER\n", b"1 HEAD\n",
                                  b"\x00\x00\x00", b"\xff\xfe", b"\xfe\xff\x00", b"\xef\xbb\xbf", bytes(range(256)),
                                  b"0" * 70_000, "0 HEAD", None])
def test_looks_like_nothing_else_and_never_raises(head: bytes) -> None:
    assert gedcom.looks_like(head) is False


# -- damaged files: a Dataset or a LoadError, never another exception -------------------------------------------

KINDS = ("delete", "duplicate", "swap", "flip", "cut", "insert")
INSERTS = ("2 DATE 31 FEB 1850", "1 DEAT\n2 DATE BET AND", "0 @F1@ FAM\n1 HUSB @I3@\n1 WIFE @I3@", "5 CONC x",
           "1 CHIL @@", "0 @I9@ INDI\n1 FAMC @F1@\n2 PEDI foster", "99 X", "1 DIV\n2 DATE 1 JAN 1800", "1 NAME",
           "2 DATE @#DROMAN@ 12", "2 DATE FROM TO 1850", "0 @N1@ NOTE\n1 CONT x", "1 SOUR @S9@")
MUTATION = st.tuples(st.sampled_from(KINDS), st.integers(0, 100_000), st.integers(0, 255))


def _mutated(text: str, encoding: str, changes: list[tuple[str, int, int]]) -> bytes:
    """The text with lines deleted, repeated, swapped, added or cut short; then encoded, and bytes flipped."""
    lines = text.split("\n")
    for kind, at, other in changes:
        where = at % len(lines)
        if kind == "cut":
            joined = "\n".join(lines)
            lines = joined[: at % (len(joined) + 1)].split("\n")
        elif kind == "insert":
            lines.insert(at % (len(lines) + 1), INSERTS[other % len(INSERTS)])
        elif kind == "delete":
            lines = lines[:where] + lines[where + 1:] or [""]
        elif kind == "duplicate":
            lines.insert(where, lines[where])
        elif kind == "swap":
            lines[where], lines[other % len(lines)] = lines[other % len(lines)], lines[where]
    data = bytearray("\n".join(lines).encode(encoding, errors="replace"))
    for kind, at, other in changes:
        if kind == "flip" and data:
            data[at % len(data)] ^= other or 1
    return bytes(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(changes=st.lists(MUTATION, min_size=1, max_size=6), encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]))
def test_damaged_files_give_a_dataset_or_a_load_error(tmp_path: Path, changes: list[tuple[str, int, int]],
                                                      encoding: str) -> None:
    path = tmp_path / "damaged.ged"
    path.write_bytes(_mutated(MORE, encoding, changes))
    assert gedcom.looks_like(path.read_bytes()[:65536]) in (True, False)
    try:
        ds = gedcom.read(path)
    except LoadError as error:
        assert str(error).startswith(str(path))
    else:
        assert isinstance(ds, Dataset)


def test_a_tree_that_needs_more_memory_than_is_free_is_refused_before_it_is_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A GEDCOM file takes about 25 times its size in memory as it is read (its lines become records, facts and
    tables): the general check's 6 times let a file through that the memory could not hold."""
    from viewer.io import free_memory

    path = _write(tmp_path, SAMPLE)
    monkeypatch.setenv(free_memory.SETTING, str(path.stat().st_size * 10))
    with pytest.raises(LoadError, match=r"family\.ged: .*memory"):
        gedcom.read(path)
    monkeypatch.setenv(free_memory.SETTING, str(path.stat().st_size * 40))
    assert len(gedcom.read(path).events) == 5
