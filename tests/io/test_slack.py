"""A Slack workspace export (Slack's "Export data": a ZIP archive, or the folder it unpacks to) opens as its
messages, with people and channels in the relationship panel: who was in which channel when, who replied to and
mentioned whom. It was read as the largest JSON file of the archive, as a table ("no date column among type, user,
text, ts"), and the unpacked folder was refused ("no dataset.json")."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

import viewer
from viewer.io import slack
from viewer.io.slack_text import instant, readable
from viewer.model.graph import graph_at
from viewer.model.problems import LoadError

from .slack_export import write_export, write_zip


def test_an_unpacked_export_opens_as_messages_people_and_channels(tmp_path: Path) -> None:
    ds = viewer.load(write_export(tmp_path / "export"))
    events = ds.events
    assert len(events) == 7
    first = events.iloc[0]
    assert first["title"] == "Hello @Ben Okafor, see the report (https://example.org/r) & more"
    assert first["description"].endswith("& more\nsecond line")
    assert str(first["start"]) == "2019-03-04 10:00:00.000200+00:00"  # to the microsecond, in UTC
    assert first["actors"] == "U1;U2" and first["category"] == "#general"
    assert events["attr:thread"].iloc[1] == first["title"]  # a reply names its thread
    assert events["attr:reactions"].iloc[0] == "+1 ×1"
    assert "File: leak.pdf" in list(events["title"])
    assert "direct: Ana Lima, Ben Okafor" in set(events["category"].astype(str))
    assert "private note about #investigation" in list(events["title"])
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert names["U3"] == "Chris Diaz"  # not in users.json: named by the message's profile
    kinds = dict(zip(ds.entities["id"], ds.entities["kind"], strict=True))
    assert kinds["B1"] == "bot" and kinds["#general"] == "channel" and kinds["U1"] == "person"


def test_problems_name_the_day_file_and_the_message(tmp_path: Path) -> None:
    ds = viewer.load(write_export(tmp_path / "export"))
    said = {(Path(p.file).relative_to(tmp_path / "export").as_posix(), p.row, p.field) for p in ds.problems}
    assert ("general/2019-03-05.json", 3, "ts") in said
    assert ("investigation/2019-03-05.json", None, None) in said
    assert all(p.level == "warning" for p in ds.problems)


def test_the_graph_follows_who_joined_left_replied_and_mentioned(tmp_path: Path) -> None:
    ds = viewer.load(write_export(tmp_path / "export"))

    def ties(when: str) -> set[tuple[str, str, str]]:
        view = graph_at(ds, when, include_people=True)
        return {(e.source, e.target, e.kind) for e in view.edges}

    before = ties("2019-03-04T09:00Z")
    assert ("U1", "#general", "member_of") in before and ("U3", "#general", "member_of") not in before
    assert ("U2", "U1", "replied_to") not in before
    during = ties("2019-03-04T12:00Z")
    assert {("U3", "#general", "member_of"), ("U2", "U1", "replied_to"), ("U1", "U2", "mentioned")} <= during
    assert ("U3", "#general", "member_of") not in ties("2019-03-06T00:00Z")  # left on the 5th
    assert not any(source == "B1" for source, _t, _k in ties("2019-03-07"))  # a bot's membership is no tie
    from viewer.model.graph import mostly_people

    assert mostly_people(ds)  # so the panel shows people from the start


@pytest.mark.parametrize("top", ["", "Acme Slack export Mar 4 2019/"])
def test_the_zip_archive_opens_as_the_folder_does(tmp_path: Path, top: str) -> None:
    archive = write_zip(tmp_path / "Acme Slack export.zip", top)
    folder = viewer.load(tmp_path / "Acme Slack export unpacked")
    zipped = viewer.load(archive)
    assert list(zipped.events["title"]) == list(folder.events["title"])
    assert len(zipped.relations) == len(folder.relations) == 6
    assert zipped.meta.title == "Acme Slack export"


def test_choosing_the_users_list_opens_the_export_it_belongs_to(tmp_path: Path) -> None:
    folder = write_export(tmp_path / "export")
    assert len(viewer.load(folder / "users.json").events) == 7
    assert len(viewer.load(folder / "channels.json").events) == 7


def test_a_folder_that_is_no_export_is_still_a_native_dataset_or_refused(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    (folder / "2019").mkdir(parents=True)
    (folder / "users.json").write_text("[]", encoding="utf-8")  # no day files: not an export
    assert not slack.looks_like_folder(folder)
    with pytest.raises(LoadError):
        viewer.load(folder)
    plain = tmp_path / "users.json"
    plain.write_text('[{"id": "U1", "name": "ana", "date": "2019-03-04"}, {"id": "U2", "name": "ben", "date": '
                     '"2019-03-05"}]', encoding="utf-8")
    assert len(viewer.load(plain).events) == 2  # a users list outside an export is a table of records


def test_an_export_without_any_readable_message_is_refused_by_name(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "general").mkdir(parents=True)
    (folder / "channels.json").write_text('[{"id": "C1", "name": "general"}]', encoding="utf-8")
    (folder / "general" / "2019-03-04.json").write_text('[{"text": "no time"}]', encoding="utf-8")
    with pytest.raises(LoadError, match="without a message with a readable time"):
        viewer.load(folder)


def test_a_damaged_day_in_the_archive_is_said_and_the_rest_opens(tmp_path: Path) -> None:
    archive = write_zip(tmp_path / "export.zip")
    data = bytearray(archive.read_bytes())
    with zipfile.ZipFile(archive) as opened:
        day = opened.getinfo("general/2019-03-04.json")
    start = day.header_offset + 30 + len(day.filename) + 10
    data[start:start + 20] = b"\x00" * 20  # damage the packed bytes of one day file
    damaged = tmp_path / "damaged.zip"
    damaged.write_bytes(bytes(data))
    ds = viewer.load(damaged)  # the other days open; the damaged one is said
    assert len(ds.events) == 4
    said = [p for p in ds.problems if p.file.endswith("damaged.zip/general/2019-03-04.json")]
    assert said and "cannot be unpacked" in said[0].message


def test_markup_and_times() -> None:
    text, mentioned = readable("<@U1|ana> and <@U9> in <#C1> <!channel> <!subteam^S1|@legal> <mailto:a@b.org|a@b.org> "
                               "&lt;b&gt;", {"U1": "Ana"}, {"C1": "general"})
    assert text == "@Ana and @U9 in #general @channel @legal a@b.org <b>" and mentioned == ["U1", "U9"]
    assert instant("1551693600.5") == "2019-03-04T10:00:00.500000Z"
    assert instant(None) is None and instant(True) is None and instant("-5") is None
    assert instant("99999999999") == "5138-11-16T09:46:39.000000Z"  # far, but a time
