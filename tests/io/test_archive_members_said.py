"""An archive of several files read by a chat's or a log's reader named none of the others: a ZIP of a calendar, a
family tree and a WhatsApp chat opened as the chat alone, without a word of the rest."""

from __future__ import annotations

import zipfile
from pathlib import Path

import viewer

CHAT = "05/01/2019, 21:03 - Ana: Hello\n05/01/2019, 21:04 - Ben: Hi Ana\n"


def zipped(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("a/cal.ics", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
        archive.writestr("b/tree.ged", "0 HEAD\n0 TRLR\n")
        archive.writestr("WhatsApp Chat with Ana.txt", CHAT)
    return path


def test_the_file_read_and_the_others_are_named(tmp_path: Path) -> None:
    ds = viewer.load(zipped(tmp_path / "export.zip"))
    assert len(ds.events) == 2
    said = [p.message for p in ds.problems if "from the archive" in p.message]
    assert said == ["read WhatsApp Chat with Ana.txt from the archive (it holds a/cal.ics, b/tree.ged, WhatsApp Chat "
                    "with Ana.txt)"]
