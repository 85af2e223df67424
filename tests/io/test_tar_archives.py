"""Tables handed out as tar archives (``data.tar.gz``, ``.tgz``, ``.tar.xz``), as research data and a Mastodon
archive come: they were refused ("a compressed .tar … unpack it first"). The archive's table is read, as a ZIP
archive's is: its one table, else its largest (a Mastodon archive's outbox before its other JSON), named in Problems;
and a packed JSON document a reader knows (an outbox, a zipped Discord channel) goes to that reader."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

from .test_activitypub import OUTBOX
from .test_discord import EXPORT

CSV = "date,title,actor\n2020-01-05,Founded,Acme\n2021-03-01,Listed,Acme\n"


def _tar(path: Path, files: dict[str, bytes], mode: str = "w:gz") -> Path:
    with tarfile.open(path, mode) as archive:  # type: ignore[call-overload]
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(("name", "mode"), [("data.tar.gz", "w:gz"), ("data.tgz", "w:gz"), ("data.tar.xz", "w:xz"),
                                            ("data.tar.bz2", "w:bz2"), ("data.tar", "w")])
def test_a_tar_archives_table_is_read(tmp_path: Path, name: str, mode: str) -> None:
    path = _tar(tmp_path / name, {"data/README.txt": b"About these data\n", "data/events.csv": CSV.encode()}, mode)
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Founded", "Listed"] and ds.meta.title == "data"
    assert any("read data/events.csv from the archive (it holds data/README.txt, data/events.csv)" in p.message
               for p in ds.problems)


def test_a_mastodon_archive_reads_its_outbox(tmp_path: Path) -> None:
    likes = {"type": "OrderedCollection", "orderedItems": [f"https://x.org/users/c/statuses/{i}" for i in range(500)]}
    path = _tar(tmp_path / "archive-20230107120000-0123456789abcdef.tar.gz", {
        "actor.json": json.dumps({"type": "Person", "preferredUsername": "ana"}).encode(),
        "outbox.json": json.dumps(OUTBOX).encode(), "likes.json": json.dumps(likes).encode(),  # (likes: larger)
        "media_attachments/files/pic.png": b"\x89PNG\r\n\x1a\n" + bytes(5000)})
    ds = viewer.load(path)
    assert ds.meta.title == "@ana@mastodon.social · 4 activities"
    assert "Boosted @cy@third.example" in set(ds.events["title"])


def test_a_zipped_discord_channel_goes_to_its_reader(tmp_path: Path) -> None:
    path = tmp_path / "channel.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Server - general [123].json", json.dumps(EXPORT))
    ds = viewer.load(path)
    assert len(ds.relations) and "attr:channel" in ds.events.columns  # (read as records, it had neither)


def test_a_tar_archive_of_no_table_is_refused_naming_what_it_holds(tmp_path: Path) -> None:
    path = _tar(tmp_path / "photos.tar.gz", {"a.png": b"\x89PNG" + bytes(100), "b.jpg": b"\xff\xd8\xff" + bytes(9)})
    with pytest.raises(LoadError, match=r"photos\.tar\.gz: a tar archive holding a\.png, b\.jpg; Entente reads a "
                                        r"table from an archive"):
        viewer.load(path)


def test_a_damaged_tar_archive_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "cut.tar.gz"
    whole = _tar(tmp_path / "whole.tar.gz", {"events.csv": (CSV * 2000).encode()}).read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(LoadError, match=r"cut\.tar\.gz: a tar archive that cannot be read \(damaged, cut short or "
                                        r"empty\)"):
        viewer.load(path)


def test_a_tar_archive_of_links_alone_is_refused_as_such(tmp_path: Path) -> None:
    """A tar holding a link and no file was called damaged, cut short or empty; it says what it holds, and the link
    is never followed (to /etc/passwd here)."""
    path = tmp_path / "links.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        info = tarfile.TarInfo("events.csv")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(info)
    with pytest.raises(LoadError, match=r"links.tar.gz: a tar archive holding links and no file \(events.csv → "
                                        r"/etc/passwd\), and a link in an archive is never followed"):
        viewer.load(path)
