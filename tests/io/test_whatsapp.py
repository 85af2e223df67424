"""A WhatsApp chat export ("Export chat": a .txt, or _chat.txt in a ZIP with the media) opens as its messages, in
the formats phones write: Android and iPhone, day or month first, 12 or 24 hours, with the marks and narrow
spaces newer phones put in. It was read as a one-column table ("no date column among 04/03/2019, 09:58 - …")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

FIXTURE = Path(__file__).parent / "fixtures_tables" / "whatsapp_chat.txt"
IPHONE_US = ("\u200e[3/4/19, 10:00:00\u202fAM] Ana: Hello\n[3/4/19, 10:02:00\u202fAM] Ben: \u200eimage omitted\n"
             "[3/5/19, 9:30:00\u202fPM] Ana: Later\n")


def test_an_android_export_opens_with_senders_system_notes_and_long_messages() -> None:
    ds = viewer.load(FIXTURE)
    events = ds.events
    assert list(events["actors"].astype(str)) == ["", "Ana", "Ben", "Ana", "", "Cleo"]
    assert list(events["category"].astype(str)) == ["system", "message", "message", "media", "system", "message"]
    assert events["description"].iloc[2] == "Hi! Two lines:\nsecond line here"
    assert events["title"].iloc[5] == "Morning: all good"  # a colon in the text is no sender
    assert str(events["start"].iloc[3]) == "2019-03-13 21:15:00+00:00"  # day first: 13 is no month
    assert sorted(ds.entities["id"]) == ["Ana", "Ben", "Cleo"] and set(ds.entities["kind"]) == {"person"}
    assert "read as day-first (values above 12 show it)" in [p.message for p in ds.problems]


def test_an_iphone_export_with_marks_and_narrow_spaces(tmp_path: Path) -> None:
    path = tmp_path / "_chat.txt"
    path.write_text(IPHONE_US, encoding="utf-8")
    events = viewer.load(path).events
    assert [str(t) for t in events["start"]] == ["2019-03-04 10:00:00+00:00", "2019-03-04 10:02:00+00:00",
                                                 "2019-03-05 21:30:00+00:00"]
    assert list(events["category"].astype(str)) == ["message", "media", "message"]
    assert str(viewer.load(path, date_order="dmy").events["start"].iloc[2]) == "2019-05-03 21:30:00+00:00"


def test_the_zip_whatsapp_exports_with_its_media(tmp_path: Path) -> None:
    path = tmp_path / "WhatsApp Chat - Ana.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("_chat.txt", IPHONE_US)
        archive.writestr("00000012-PHOTO-2019-03-04-10-02-00.jpg", b"\xff\xd8" + b"\x00" * 5000)
    ds = viewer.load(path)
    assert ds.event_count == 3 and ds.events["title"].iloc[0] == "Hello"


def test_a_german_export_and_a_plain_text_table_are_told_apart(tmp_path: Path) -> None:
    german = tmp_path / "chat.txt"
    german.write_text("04.03.19, 10:00 - Ana: Hallo\n05.03.19, 18:30 - Ben: Servus\n", encoding="utf-8")
    assert list(viewer.load(german).events["actors"].astype(str)) == ["Ana", "Ben"]
    table = tmp_path / "log.txt"
    table.write_text("date\ttitle\n2019-03-04\tLaunch\n2019-03-05\tReview\n", encoding="utf-8")
    assert list(viewer.load(table).events["title"]) == ["Launch", "Review"]


def test_an_export_without_readable_dates_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "broken.txt"
    path.write_text("99/99/2019, 10:00 - Ana: Hello\n98/97/2019, 10:01 - Ben: Hi\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"broken\.txt: no message with a readable date"):
        viewer.load(path)


LOCALES = {
    "french": "05/01/2019 à 21:03 - Ana: Bonjour\n13/01/2019 à 00:15 - Bob: Salut\n",
    "swedish": "2019-01-05 21:03 - Ana: Hej\n2019-01-13 00:15 - Bob: Hej då\n",
    "arabic iphone": "\u200f[5/1/2019, 9:03:11 \u0645] \u202bAna\u202c: \u0645\u0631\u062d\u0628\u0627\n"
                     "\u200f[13/1/2019, 12:15:00 \u0635] Bob: \u0623\u0647\u0644\u0627\n",
    "arabic android": "\u200f\u0665\u200f/\u0661\u200f/\u0662\u0660\u0661\u0669\u060c \u0669:\u0660\u0663 \u0645 - "
                      "Ana: "
                      "\u0645\u0631\u062d\u0628\u0627\n\u200f\u0661\u0663\u200f/\u0661\u200f/\u0662\u0660\u0661\u0669"
                      "\u060c \u0661\u0662:\u0661\u0665 \u0635 - Bob: \u0623\u0647\u0644\u0627\n",
}


@pytest.mark.parametrize("locale", sorted(LOCALES))
def test_phones_in_other_languages_keep_their_senders(tmp_path: Path, locale: str) -> None:
    """French's "à" between date and time, Swedish's space, and Arabic's marks, digits and ص/م for AM/PM: the
    first two opened as notes with no sender, the Arabic ones were refused as tables with no date column."""
    path = tmp_path / "WhatsApp Chat with Ana.txt"
    path.write_text(LOCALES[locale], encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["actors"]) == ["Ana", "Bob"]
    assert [str(s)[:16] for s in ds.events["start"]] == ["2019-01-05 21:03", "2019-01-13 00:15"]
