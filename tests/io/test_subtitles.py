"""Subtitles and captions (SubRip, WebVTT) as an interview's or a meeting's transcript: each cue an event on the
elapsed clock, its speaker a person. Before, a .srt or .vtt file was refused as an unknown format."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model import clock
from viewer.model.problems import LoadError

SRT = ("1\r\n00:00:01,600 --> 00:00:04,200\r\n<i>When did you first hear?</i>\r\n\r\n"
       "2\r\n00:00:05,900 --> 00:00:07,999\r\nIn November 2018, at the caf\xe9.\r\nOn the news.\r\n\r\n"
       "3\r\n00:00:09,000 --> 00:00:08,000\r\n{\\an8}An end before its start.\r\n\r\n"
       "4\r\n00:00:xx,000 --> 00:00:12,000\r\nUnreadable times.\r\n\r\n"
       "5\r\n00:01:02,000 --> 00:01:09,500\r\n\r\n")
ZOOM = ("WEBVTT\n\n1\n00:00:01.620 --> 00:00:04.150\nAna Lopez: Good morning, everyone.\n\n"
        "2\n00:00:04.900 --> 00:00:09.010\nBen Okafor: Shall we start with the minutes?\n\n"
        "NOTE a comment, not a cue\n\n3\n00:00:09.500 --> 00:00:12.000\nAna Lopez: Yes &amp; the vote.\n")
VOICES = ("WEBVTT\n\n00:01.000 --> 00:04.000\n<v Roger Bingham>We are in New York City\n\n"
          "00:04.000 --> 00:06.000 align:start\n<v.loud Neil deGrasse Tyson><b>Hello</b>\n")
ROLLING = ("WEBVTT\nKind: captions\nLanguage: en\n\n00:00:00.000 --> 00:00:02.310 align:start position:0%\n \n"
           "so<00:00:00.480><c> today</c><00:00:00.960><c> we</c>\n\n"
           "00:00:02.310 --> 00:00:02.320 align:start position:0%\nso today we\n \n\n"
           "00:00:02.320 --> 00:00:05.110 align:start position:0%\nso today we\n"
           "talk<00:00:02.800><c> about</c><c> the</c><c> alliance</c>\n\n"
           "00:00:05.110 --> 00:00:05.120 align:start position:0%\ntalk about the alliance\n \n\n"
           "00:00:05.120 --> 00:00:08.000 align:start position:0%\ntalk about the alliance\nand<c> Nissan</c>\n")


def _open(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> viewer.Dataset:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return viewer.load(path)


def _cues(ds: viewer.Dataset) -> list[tuple[str, str, str, str]]:
    def written(t: object) -> str:
        return clock.format_instant(t, "time", clock.ELAPSED)
    return [(written(e.start), written(e.end), e.title, e.actors) for e in ds.events.itertuples()]


def test_a_subrip_files_cues_keep_their_times_text_and_rows(tmp_path: Path) -> None:
    ds = _open(tmp_path, "interview.srt", SRT, "cp1252")
    assert ds.meta.clock == clock.ELAPSED
    assert _cues(ds) == [("0:00:01.6", "0:00:04.2", "When did you first hear?", ""),
                         ("0:00:05.9", "0:00:07.999", "In November 2018, at the café.", ""),
                         ("0:00:09", "", "An end before its start.", ""), ("0:01:02", "0:01:09.5", "(no text)", "")]
    assert "On the news." in ds.events["description"].iloc[1]
    said = {(p.row, p.field, p.level) for p in ds.problems}
    assert {(11, "end", "warning"), (15, "start", "warning")} <= said  # the lines of their times
    assert any("read as cp1252" in p.message for p in ds.problems)
    assert list(ds.events["id"]) == ["c1", "c2", "c3", "c5"]


def test_a_meetings_speakers_are_people_and_notes_no_cues(tmp_path: Path) -> None:
    ds = _open(tmp_path, "meeting.vtt", ZOOM)
    assert [(c[2], c[3]) for c in _cues(ds)] == [("Good morning, everyone.", "Ana Lopez"),
                                                 ("Shall we start with the minutes?", "Ben Okafor"),
                                                 ("Yes & the vote.", "Ana Lopez")]
    assert dict(zip(ds.entities["name"], ds.entities["kind"], strict=True)) == {"Ana Lopez": "person",
                                                                               "Ben Okafor": "person"}
    assert not ds.problems


def test_voices_and_markup(tmp_path: Path) -> None:
    ds = _open(tmp_path, "talk.vtt", VOICES)
    assert _cues(ds) == [("0:00:01", "0:00:04", "We are in New York City", "Roger Bingham"),
                         ("0:00:04", "0:00:06", "Hello", "Neil deGrasse Tyson")]


def test_rolling_captions_keep_only_their_new_lines(tmp_path: Path) -> None:
    ds = _open(tmp_path, "auto.en.vtt", ROLLING)
    assert [(c[0], c[2]) for c in _cues(ds)] == [("0:00", "so today we"), ("0:00:02.32", "talk about the alliance"),
                                                 ("0:00:05.12", "and Nissan")]


def test_a_name_leading_one_cue_among_plain_text_is_text(tmp_path: Path) -> None:
    text = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},500\nline {i}\n\n" for i in range(1, 5))
    ds = _open(tmp_path, "x.srt", text + "5\n00:00:09,000 --> 00:00:09,500\nNote: the tape ends.\n")
    assert ds.events["title"].iloc[-1] == "Note: the tape ends." and ds.events["actors"].iloc[-1] == ""


@pytest.mark.parametrize(("name", "data"), [("transcript.txt", SRT.encode()), ("captions", ZOOM.encode()),
                                            ("meeting.vtt", ZOOM.encode("utf-16"))])
def test_subtitles_are_known_by_their_content_too(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert viewer.load(path).meta.clock == clock.ELAPSED


@pytest.mark.parametrize("data", [b"", b"WEBVTT\n\n", b"hello\nworld\n", bytes(range(256)) * 8])
def test_a_file_with_no_cue_is_refused_by_name(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "bad.srt"
    path.write_bytes(data)
    with pytest.raises(LoadError, match=r"bad\.srt"):
        viewer.load(path)


def test_the_suffixes_are_offered() -> None:
    assert {".srt", ".vtt"} <= set(viewer.io.supported_suffixes())


def test_among_named_cues_a_single_word_once_is_text_and_two_words_once_a_speaker(tmp_path: Path) -> None:
    """Where most cues are led by names (a Zoom transcript), a name leading one cue is a speaker when it is of two
    words ("Guest Speaker"); before, "Note:" once became a person in the relationship panel too."""
    named = "".join(f"{i}\n00:00:0{i},000 --> 00:00:0{i},500\n{'Ana Lopez' if i % 2 else 'Ben Okafor'}: line {i}\n\n"
                    for i in range(1, 6))
    ds = _open(tmp_path, "zoom.srt", named + "6\n00:00:07,000 --> 00:00:07,500\nNote: the tape ends.\n\n"
               "7\n00:00:08,000 --> 00:00:08,500\nGuest Speaker: thank you.\n")
    assert [(c[2], c[3]) for c in _cues(ds)][-2:] == [("Note: the tape ends.", ""), ("thank you.", "Guest Speaker")]
    assert "Note" not in set(ds.entities["name"])
