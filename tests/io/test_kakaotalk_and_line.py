"""KakaoTalk's and LINE's chat exports, the messengers of Korea and of Japan, Taiwan and Thailand. A KakaoTalk
export opened as a table of one column ("no date column among 홍길동 님과 카카오톡 대화") or of its messages split
at their commas; a LINE export as a table of its days. Each now opens as its messages, by their senders."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.io import kakaotalk, line_chat

KAKAO_PHONE = ("홍길동 님과 카카오톡 대화\n저장한 날짜 : 2019. 3. 6. 오전 10:00\n\n2019년 3월 5일 오후 3:00\n"
               "2019. 3. 5. 오후 3:00, 홍길동 : 안녕하세요\n"
               "2019. 3. 5. 오후 3:01, 김철수 : 네, 반갑습니다\n두 번째 줄\n"
               "2019. 3. 5. 오후 3:02: 홍길동님이 이영희님을 초대했습니다.\n"
               "2019. 3. 6. 오전 9:15, 홍길동 : 회의는 몇 시인가요?\n")
KAKAO_PC = ("홍길동 님과 카카오톡 대화\n저장한 날짜 : 2019-03-06 10:00:00\n\n"
            "--------------- 2019년 3월 5일 화요일 ---------------\n[홍길동] [오후 3:00] 안녕하세요\n"
            "[김철수] [오후 3:01] 네, 반갑습니다\n두 번째 줄\n--------------- 2019년 3월 6일 수요일 ---------------\n"
            "[홍길동] [오전 9:15] 회의는 몇 시인가요?\n")
KAKAO_PHONE_EN = ("Talk with Ana\nDate Saved : Mar 6, 2019 at 10:00 AM\n\nMarch 5, 2019 at 3:00 PM\n"
                  "March 5, 2019 at 3:00 PM, 홍길동 : 안녕하세요\n"
                  "March 5, 2019 at 3:01 PM, 김철수 : 네, 반갑습니다\n두 번째 줄\n"
                  "March 5, 2019 at 3:02 PM: 홍길동 invited 이영희.\n"
                  "March 6, 2019 at 9:15 AM, 홍길동 : 회의는 몇 시인가요?\n")
LINE_EN = ('[LINE] Chat history with Ana\nSaved on: 3/6/2019, 10:00\n\nTue, 3/5/2019\n15:00\t홍길동\t안녕하세요\n'
           '15:01\t김철수\t"네, 반갑습니다\n두 번째 줄"\n15:02\t\t홍길동 invited 이영희.\n\nWed, 3/6/2019\n'
           '9:15\t홍길동\t회의는 몇 시인가요?\n')
LINE_JA = ("[LINE] アナとのトーク履歴\n保存日時：2019/03/06 10:00\n\n2019/03/05(火)\n15:00\t홍길동\t안녕하세요\n"
           "午後3:01\t김철수\t네, 반갑습니다\n두 번째 줄\n15:02\t홍길동 invited 이영희.\n\n2019/03/06(水)\n"
           "09:15\t홍길동\t회의는 몇 시인가요?\n")
MESSAGES = [("2019-03-05T15:00:00+00:00", "안녕하세요", "홍길동", "message"),
            ("2019-03-05T15:01:00+00:00", "네, 반갑습니다", "김철수", "message"),
            ("2019-03-05T15:02:00+00:00", None, "", "system"),
            ("2019-03-06T09:15:00+00:00", "회의는 몇 시인가요?", "홍길동", "message")]


@pytest.mark.parametrize("name, text, system", [
    ("KakaoTalkChats.txt", KAKAO_PHONE, True), ("KakaoTalk_pc.txt", KAKAO_PC, False),
    ("Talk_2019.3.6.txt", KAKAO_PHONE_EN, True), ("[LINE] Chat with Ana.txt", LINE_EN, True),
    ("[LINE] アナとのトーク.txt", LINE_JA, True)])
def test_each_export_opens_as_its_messages_by_their_senders(tmp_path: Path, name: str, text: str,
                                                             system: bool) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    expected = [m for m in MESSAGES if system or m[3] != "system"]
    found = [(e.start.isoformat(), e.title, e.actors, e.category) for e in ds.events.itertuples()]
    assert [f[0] for f in found] == [m[0] for m in expected]
    assert [(f[2], f[3]) for f in found] == [(m[2], m[3]) for m in expected]
    assert [f[1] for f in found if f[3] == "message"] == [m[1] for m in expected if m[3] == "message"]
    second = ds.events.set_index("title").loc["네, 반갑습니다", "description"]
    assert second == "네, 반갑습니다\n두 번째 줄"  # its further line, and no day's ruled line
    assert set(ds.entities.query("kind == 'person'")["name"]) == {"홍길동", "김철수"}
    assert not [p for p in ds.problems if p.level != "info"], ds.problems  # (LINE: its weekdays tell 3/5 apart)


def test_neither_reader_takes_another_chat_or_a_log() -> None:
    whatsapp = b"04/03/2019, 10:00 - Ana: Hello\n04/03/2019, 10:01 - Ben: Hi\n"
    log = b"2019-03-04 10:00:00 INFO started\n2019-03-04 10:00:01 WARN slow\n"
    table = b"date,title\n2019-03-05,a\n2019-03-06,b\n"
    for head in (whatsapp, log, table, LINE_EN.encode()):
        assert not kakaotalk.looks_like(head)
    for head in (whatsapp, log, table, KAKAO_PHONE.encode(), KAKAO_PC.encode()):
        assert not line_chat.looks_like(head)
