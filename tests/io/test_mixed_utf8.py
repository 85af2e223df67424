"""UTF-8 text with a few lines in Windows-1252 (two exports joined with ``cat``, a line added in a Windows editor):
the UTF-8 lines read as UTF-8, the others as Windows-1252, and the note names them. Before, the whole file was read
in one legacy page (Thai, for French accents), and every accent of the UTF-8 lines came out wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import code_pages, mixed_text

UTF8_PART = "date,title,who\n2020-01-01,Réunion à Paris,Zoë\n2020-02-01,Café crème,Jürgen\n"
WINDOWS_PART = "2020-03-01,Café de la gare,René\n"


def _warnings(ds: viewer.Dataset) -> list[str]:
    return [p.message for p in ds.problems if p.level == "warning"]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_each_line_reads_in_its_own_encoding(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "joined.csv"
    path.write_bytes(UTF8_PART.replace("\n", newline).encode("utf-8")
                     + WINDOWS_PART.replace("\n", newline).encode("cp1252"))
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Réunion à Paris", "Café crème", "Café de la gare"]
    assert sorted(ds.entities["name"]) == ["Jürgen", "René", "Zoë"]
    assert _warnings(ds) == ["not UTF-8 (byte 0xE9 at offset " + str(len(UTF8_PART.replace("\n", newline).encode())
                                                                      + len("2020-03-01,Caf")) + "); read as UTF-8, "
                             "but line 4 is in Windows-1252 (read so, the rest as UTF-8)"]


def test_a_slip_past_the_sample_is_read_alike(tmp_path: Path) -> None:
    """The judgement looks at the first 32 KB of lines above ASCII: a file whose one Windows line comes after them
    is read as UTF-8 with that line mended, not whole in a legacy page."""
    rows = [f"2020-01-{day % 28 + 1:02d},Réunion numéro {day} à Genève,Zoë" for day in range(2000)]
    path = tmp_path / "long.csv"
    path.write_bytes(("date,title,who\n" + "\n".join(rows) + "\n").encode("utf-8") + WINDOWS_PART.encode("cp1252"))
    ds = viewer.load(path)
    assert len(ds.events) == 2001
    assert ds.events["title"].str.contains("Genève").sum() == 2000
    assert "Café de la gare" in set(ds.events["title"])
    assert any("line 2002 is in Windows-1252" in message for message in _warnings(ds))


def test_many_lines_are_counted_past_the_first_five() -> None:
    data = UTF8_PART.encode("utf-8") + "".join(f"2020-03-{d:02d},Café {d},René\n" for d in range(1, 9)).encode("cp1252")
    text, said = mixed_text.decoded(data)
    assert text.endswith("2020-03-08,Café 8,René\n") and "Réunion à Paris" in text
    assert said == "read as UTF-8, but lines 4, 5, 6, 7, 8 and 3 more are in Windows-1252 (read so, the rest as UTF-8)"


def test_bytes_windows_has_no_character_for_read_as_latin1() -> None:
    assert mixed_text.decoded("é\n".encode() + b"\x81\x9d\x80\n")[0] == "é\n\x81\x9d€\n"


@pytest.mark.parametrize(("text", "codec"), [
    ("Date,Titre\n2018-11-19,Arrestation de Carlos Ghosn à Tokyo\n2018-11-22,Révocation du président\n", "cp1252"),
    ("日付,件名\n2018-11-19,ゴーン会長を金融商品取引法違反の疑いで逮捕\n2018-11-22,取締役会で会長職を解任\n", "cp932"),
    ("날짜,사건\n2018-11-19,곤 회장 도쿄에서 체포\n2018-11-22,이사회에서 회장직 해임\n", "cp949"),
])
def test_a_text_wholly_in_a_legacy_page_is_not_taken_for_utf8(text: str, codec: str) -> None:
    assert not mixed_text.mostly_utf8(text.encode(codec))
    assert code_pages.legacy(text.encode(codec))[0] == text
