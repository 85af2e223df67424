"""A table of people names each by first and last name: LinkedIn's connections were titled by the first name alone
("Jane", "Max"), as the column of text that varies most."""

from __future__ import annotations

from pathlib import Path

import viewer
from viewer.io import table

LINKEDIN = ('Notes:\n"When exporting your connection data, you may notice that some of the email addresses are '
            'missing."\n\nFirst Name,Last Name,URL,Email Address,Company,Position,Connected On\n'
            "Jane,Doe,https://www.linkedin.com/in/janedoe,,Acme Corp,Investigative Reporter,12 Mar 2021\n"
            "Max,Müller,https://www.linkedin.com/in/maxm,max@example.org,Beispiel GmbH,Editor,01 Feb 2020\n"
            "Li,,https://www.linkedin.com/in/li,,,,28 Dec 2019\n")


def test_connections_are_titled_by_their_whole_names(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    path.write_text(LINKEDIN, encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Li", "Max Müller", "Jane Doe"]  # (in time order)
    assert list(ds.events["attr:First Name"]) == ["Li", "Max", "Jane"]  # kept as written
    assert table.preview(path).mapping.title == "Name"  # the column dialog shows what opens


def test_french_and_german_columns_and_a_title_of_its_own(tmp_path: Path) -> None:
    path = tmp_path / "membres.csv"
    path.write_text("Prénom;Nom;Date d'adhésion\nMarie;Curie;1900-05-04\n", encoding="utf-8")
    assert viewer.load(path).events["title"].iloc[0] == "Marie Curie"
    path = tmp_path / "speakers.csv"
    path.write_text("Vorname,Nachname,Titel,Datum\nAda,Lovelace,Engines,1843-09-01\n", encoding="utf-8")
    assert viewer.load(path).events["title"].iloc[0] == "Engines"  # a title column of its own wins
    assert viewer.load(path, title="Vorname").events["title"].iloc[0] == "Ada"  # as the caller says
