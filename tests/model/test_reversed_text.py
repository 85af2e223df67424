"""Names and titles holding a direction override (U+202E, U+202D) are said, each written out with its override
marked: the window showed ``Invoice\u202eslx.exe`` as "Invoiceexe.xls", without a word."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

import viewer
from viewer.model import reversed_text

RLO, LRO, RLE, PDF, FSI, PDI = "\u202e", "\u202d", "\u202b", "\u202c", "\u2068", "\u2069"


def test_titles_and_actors_with_an_override_are_said_with_their_rows(tmp_path: Path) -> None:
    path = tmp_path / "payments.csv"
    path.write_text(f"id,date,title,actors\ne1,2020-01-01,Fine,Beta\n"
                    f"e2,2020-02-01,Pay {RLO}slx.exe,Acme{RLO} Ltd;Beta\ne3,2020-03-01,Also {LRO}odd,Beta\n",
                    encoding="utf-8")
    ds = viewer.load(path)
    said = {(p.field, p.row, p.message) for p in ds.problems if "override" in p.message}
    assert said == {
        ("title", 3, "2 titles hold a direction override, which shows the text after it reversed: "
                     "'Pay <U+202E>slx.exe', 'Also <U+202D>odd'; kept as written"),
        ("actors", None, "1 name holds a direction override, which shows the text after it reversed: "
                         "'Acme<U+202E> Ltd'; kept as written")}
    assert f"Pay {RLO}slx.exe" in set(ds.events["title"])  # kept as written


def test_an_entities_table_is_named_as_the_place_of_the_name(write_dataset) -> None:
    ds = viewer.load(write_dataset("id,start,title,actors\ne1,2020,Start,a\n",
                                   f"id,name,kind\na,Alpha{RLO}ahplA,company\n"))
    assert [(p.file.endswith("entities.csv"), p.field) for p in ds.problems if "override" in p.message] == [
        (True, "name")]


def test_right_to_left_writing_and_its_embeddings_are_not_said() -> None:
    """Hebrew and Arabic with the embeddings and isolates that place Latin words and numbers among them."""
    names = pd.Series(["שלום", "مرحبا", f"{RLE}Nissan 2019{PDF}", f"{FSI}Renault{PDI} بالعربية", "día", None],
                      dtype="object")
    assert reversed_text.said(names, "x.csv", "name") == []


def test_many_are_counted_and_the_first_few_written_out() -> None:
    names = pd.Series([f"n{i}{RLO}x" for i in range(10)], dtype=pd.StringDtype("pyarrow"))
    (problem,) = reversed_text.said(names, "x.csv", "name", pd.Series(range(2, 12)))
    assert problem.message.startswith("10 names hold a direction override") and problem.row == 2
    assert "'n0<U+202E>x', 'n1<U+202E>x', 'n2<U+202E>x' …" in problem.message


def test_a_panel_shows_overrides_written_out_and_keeps_other_controls_to_the_value() -> None:
    assert reversed_text.shown(f"Acme{RLO} Ltd") == "Acme<U+202E> Ltd"
    assert reversed_text.shown(f"{RLE}Nissan 2019") == f"\u2068{RLE}Nissan 2019\u2069"  # (closed before what follows)
    assert reversed_text.shown("שלום") == "שלום" and reversed_text.shown("Renault") == "Renault"
