"""Text that is not UTF-8, as Excel writes a CSV on a Windows in Japanese, Chinese, Korean, Russian, Greek, Hebrew,
Arabic, Thai or Polish: read in the code page its words read in (it was read as Windows-1252, and its titles came
out as mojibake, ``ƒS[ƒ“Ž``); Western text stays Windows-1252, whatever its accents and signs."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import viewer
from viewer.io import code_pages

EVENTS = {  # the first rows of the alliance's chronology, as a newsroom in each country would write them
    "cp932": ("日付,件名,担当\n2018-11-19,ゴーン会長を金融商品取引法違反の疑いで逮捕,日産自動車\n"
              "2018-11-22,取締役会で会長職を解任,日産自動車\n2019-03-06,保釈金10億円で保釈,東京地裁\n"),
    "gb18030": ("日期,事件,相关方\n2018-11-19,戈恩在东京被捕,日产汽车\n2018-11-22,董事会解除其董事长职务,日产汽车\n"
                "2019-03-06,戈恩获得保释,东京地方法院\n"),
    "cp950": ("日期,事件,相關方\n2018-11-19,戈恩在東京被捕,日產汽車\n2018-11-22,董事會解除其董事長職務,日產汽車\n"
              "2019-03-06,戈恩獲得保釋,東京地方法院\n"),
    "cp949": ("날짜,사건,관련\n2018-11-19,곤 회장 도쿄에서 체포,닛산 자동차\n"
              "2018-11-22,이사회에서 회장직 해임,닛산 자동차\n2019-03-06,보석금 납부 후 석방,도쿄 지방법원\n"),
    "cp1251": ("Дата;Событие;Участник\n19.11.2018;Карлос Гон арестован в Токио;Nissan\n22.11.2018;Совет директоров "
               "снял его с поста председателя;Nissan\n06.03.2019;Гон освобождён под залог;Суд\n"),
    "koi8_r": "Дата;Событие\n19.11.2018;Карлос Гон арестован в Токио\n22.11.2018;Совет директоров снял его с поста\n",
    "cp1253": ("Ημερομηνία,Γεγονός\n2018-11-19,Σύλληψη του Κάρλος Γκοσν στο Τόκιο\n"
               "2018-11-22,Το διοικητικό συμβούλιο τον απομάκρυνε από την προεδρία\n"),
    "cp1255": "תאריך,אירוע\n2018-11-19,קרלוס גוסן נעצר בטוקיו\n2018-11-22,הדירקטוריון הדיח אותו מתפקיד היושב ראש\n",
    "cp1256": "التاريخ,الحدث\n2018-11-19,اعتقال كارلوس غصن في طوكيو\n2018-11-22,مجلس الإدارة يقيله من رئاسة الشركة\n",
    "cp874": ("วันที่,เหตุการณ์\n2018-11-19,คาร์ลอส กอส์น ถูกจับกุมที่โตเกียว\n"
              "2018-11-22,คณะกรรมการปลดเขาออกจากตำแหน่งประธาน\n"),
    "cp1250": ("Data;Wydarzenie\n19.11.2018;Carlos Ghosn aresztowany w Tokio\n22.11.2018;Zarząd odwołał go ze "
               "stanowiska przewodniczącego\n06.03.2019;Zwolniony za kaucją; sąd w Łodzi\n"),
}
WESTERN = [
    "Date,Titre\n2018-11-19,Arrestation de Carlos Ghosn à Tokyo\n"
    "2018-11-22,Révocation par le conseil d'administration\n"
    "2019-01-24,Démission de la présidence; Jean-Dominique Senard nommé président\n",
    "Datum;Ereignis\n19.11.2018;Festnahme von Carlos Ghosn in Tokio\n24.01.2019;Rücktritt; Übernahme durch "
    "Großaktionär – „Größte Krise“\n",
    "fecha,evento\n2018-11-19,Detención de Carlos Ghosn en Tokio\n2019-01-24,Dimisión; reunión en Córdoba, señal\n",
    "data,evento\n2018-11-19,Prisão de Carlos Ghosn em Tóquio\n2019-01-24,Renúncia; reunião em São Paulo, ação\n",
    "DATE;ÉVÉNEMENT;DÉPARTEMENT\n2019-03-04;RÉUNION DU CONSEIL;ÎLE-DE-FRANCE\n2019-03-05;ARRÊT;CÔTE-D'OR\n",
    "date,title,amount\n2019-03-04,Stake bought for ¥237bn and €5m,½ share\n2019-03-05,“Quoted” – dashed … done,25°C\n",
    "date,title\n2019-03-04,Björn Ulvaeus and Ångström in Malmö; it´s fine\n2019-03-05,Þórður Guðjónsson (Ísland)\n",
]


@pytest.mark.parametrize("page", list(EVENTS))
def test_a_table_in_a_countrys_code_page_reads_as_written(tmp_path: Path, page: str) -> None:
    text = EVENTS[page]
    assert code_pages.guess(text.encode(page)) == page
    path = tmp_path / "events.csv"
    path.write_bytes(text.encode(page))
    ds = viewer.load(path)
    rows = [line.split(";" if ";" in line else ",") for line in text.splitlines()[1:]]
    assert ds.events["title"].tolist() == [row[1] for row in rows]
    said = [p.message for p in ds.problems if "not UTF-8" in p.message]
    assert len(said) == 1 and f"read as {page} ({code_pages.NAMES[page]})" in said[0]


@pytest.mark.parametrize("text", WESTERN, ids=["fr", "de", "es", "pt", "fr-capitals", "signs", "nordic"])
def test_western_text_stays_windows_1252(tmp_path: Path, text: str) -> None:
    assert code_pages.guess(text.encode("cp1252")) is None
    path = tmp_path / "events.csv"
    path.write_bytes(text.encode("cp1252"))
    ds = viewer.load(path)
    header, *lines = text.splitlines()
    assert ds.events["title"].tolist() == [line.split(";" if ";" in header else ",")[1] for line in lines]
    assert any("read as cp1252" in p.message for p in ds.problems)


_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ACCENTS = "àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿß"
_WORDS = st.builds(lambda plain, accents, case: case(_accented(plain, accents)),
                   st.text(_LETTERS, min_size=1, max_size=12), st.lists(st.sampled_from(_ACCENTS), max_size=2),
                   st.sampled_from([str.lower, str.capitalize, str.upper]))


def _accented(plain: str, accents: list[str]) -> str:
    """``plain`` with its first letters changed for ``accents`` (a plain letter always left, as Western words have)."""
    kept = max(1, len(plain) - len(accents))
    return "".join(accents[:len(plain) - kept]) + plain[len(plain) - kept:]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(_WORDS, min_size=1, max_size=8).map(" ".join), min_size=1, max_size=6),
       st.sampled_from(["", " €5", " ¥237bn", " 25°C", " ½", " ©2019", " §4", " – “quoted”"]))
def test_no_western_text_is_taken_for_another_page(lines: list[str], sign: str) -> None:
    text = "\n".join(f"2019-03-04,{line}{sign}" for line in lines)
    try:
        written = text.encode("cp1252")
    except UnicodeEncodeError:  # ("ÿ".upper() is Ÿ, which the page has; ß's is SS)
        return
    assert code_pages.guess(written) is None


@pytest.mark.parametrize("end", ["\n", "\r\n", "\r"])
def test_a_few_rows_in_japanese_among_english_ones_are_read_in_shift_jis(tmp_path: Path, end: str) -> None:
    english = "".join(f"2019-01-{day:02d},Board meeting {day},Renault{end}" for day in range(1, 29))
    japanese = f"2019-03-06,保釈金10億円で保釈,東京地裁{end}2019-03-07,取締役会,日産{end}"
    path = tmp_path / "mixed.csv"
    path.write_bytes(f"date,title,party{end}{english}{japanese}".encode("cp932"))
    assert viewer.load(path).events["title"].iloc[-2:].tolist() == ["保釈金10億円で保釈", "取締役会"]


def test_too_few_letters_to_judge_stay_windows_1252() -> None:
    """Two letters are no evidence: ``Łódź`` alone stays as Windows-1252 reads it (the dialog's encoding changes it)."""
    assert code_pages.guess("date,title\n2019-03-04,Łó\n".encode("cp1250")) is None


def test_a_byte_past_the_sample_the_page_lacks_falls_back_to_windows_1252() -> None:
    line = "2019-03-04,ゴーン会長の件\n".encode("cp932")
    data = line * (2 * code_pages.SAMPLE_BYTES // len(line)) + b"2019-04-01,\x80\x81\n"  # (no Shift-JIS character)
    assert code_pages.guess(data) == "cp932"
    assert code_pages.legacy(data)[1:] == ("latin-1", "read as latin-1")


def test_subtitles_in_windows_1251_read_as_written(tmp_path: Path) -> None:
    path = tmp_path / "interview.srt"
    path.write_bytes("1\r\n00:00:01,600 --> 00:00:04,200\r\nКогда вы впервые услышали?\r\n\r\n"
                     "2\r\n00:00:05,900 --> 00:00:07,999\r\nВ ноябре 2018 года, в кафе.\r\n".encode("cp1251"))
    ds = viewer.load(path)
    assert ds.events["title"].tolist() == ["Когда вы впервые услышали?", "В ноябре 2018 года, в кафе."]
    assert any("read as cp1251" in p.message for p in ds.problems)
