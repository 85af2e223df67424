"""An X (Twitter) archive opens as its posts and direct messages: before, a ``tweets.js`` was read as a one-column
table ("no date column among window.YTD.tweets.part0 = ["), and the archive's ZIP as its largest JSON-like member.
Posts show their links written out, replies and reposts are told apart, and the relationship panel gets who
replied to, mentioned, reposted and wrote to whom, and who was in which group conversation when."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pandas as pd
import pytest

import viewer
from tests.io.x_archive import FILES, text_of, write_archive, write_zip
from viewer.io import twitter
from viewer.model.problems import LoadError


def _ties(ds: viewer.Dataset) -> set[tuple[str, str, str, int | None, str, str]]:
    r = ds.relations
    return {(s, t, k, None if pd.isna(v) else int(v), str(a)[:19], "" if pd.isna(b) else str(b)[:19])
            for s, t, k, v, a, b in zip(r["source"], r["target"], r["kind"], r["value"], r["valid_from"],
                                       r["valid_to"], strict=True)}


def test_an_unpacked_archive_opens_as_posts_messages_people_and_ties(tmp_path: Path) -> None:
    ds = viewer.load(write_archive(tmp_path / "twitter-2019-03-09"))
    events = ds.events.set_index("id")
    assert ds.meta.title == "@ana_lima"
    assert list(ds.events["id"]) == ["post:1", "post:2", "message:5001", "message:5002", "post:3", "message:6001"]
    first = events.loc["post:1"]
    assert first["title"] == "Reading the filing with @ben_ode & team https://example.org/filing #audit"
    assert first["source_url"] == "https://x.com/ana_lima/status/1"
    assert (first["attr:hashtags"], first["attr:links"], first["attr:client"]) == (
        "#audit", "https://example.org/filing", "Twitter Web App")
    assert (first["attr:likes"], first["attr:reposts"]) == (12, 3)
    assert events.loc["post:2", "title"] == "@ben_ode Agreed, page 4"  # the picture's link is not text
    assert events.loc["post:2", "attr:media"] == "https://pbs.twimg.com/media/x.jpg"
    assert list(ds.events["category"]) == ["post", "reply", "direct message", "direct message", "repost",
                                           "group message"]
    assert str(events.loc["message:5001", "start"]) == "2019-03-04 12:00:00.500000+00:00"  # to the millisecond
    assert events.loc["post:1", "actors"] == "user:100;user:200"
    assert dict(zip(ds.entities["id"], ds.entities["name"], strict=True)) == {
        "user:100": "Ana Lima (@ana_lima)", "user:200": "Ben Ode (@ben_ode)", "user:300": "Cara (@cara)",
        "group:g77": "Audit desk"}
    assert _ties(ds) == {
        ("user:100", "user:200", "mentioned", 1, "2019-03-04 10:00:00", ""),  # the reply's leading @ is its reply
        ("user:100", "user:200", "replied_to", 1, "2019-03-04 11:30:15", ""),
        ("user:100", "user:300", "reposted", 1, "2019-03-05 08:00:00", ""),
        ("user:100", "user:200", "wrote_to", 1, "2019-03-04 12:00:00", ""),
        ("user:200", "user:100", "wrote_to", 1, "2019-03-04 12:05:00", ""),
        ("user:200", "group:g77", "wrote_to", 1, "2019-03-06 09:02:00", ""),
        ("user:100", "group:g77", "member_of", None, "2019-03-06 09:00:00", "2019-03-08 17:00:00"),
        ("user:200", "group:g77", "member_of", None, "2019-03-06 09:00:00", ""),
        ("user:300", "group:g77", "member_of", None, "2019-03-06 09:00:00", "")}
    assert not ds.problems


def test_the_zip_x_delivers_its_data_folder_and_its_account_file_open_the_same_archive(tmp_path: Path) -> None:
    folder = viewer.load(write_archive(tmp_path / "unpacked"))
    for path in (write_zip(tmp_path / "twitter-2019.zip"), tmp_path / "unpacked" / "data",
                 tmp_path / "unpacked" / "data" / "account.js"):
        ds = viewer.load(path)
        assert list(ds.events["id"]) == list(folder.events["id"]), path
        assert _ties(ds) == _ties(folder), path


def test_a_posts_file_opens_alone_and_without_its_account_file_says_so(tmp_path: Path) -> None:
    data = write_archive(tmp_path / "archive") / "data"
    ds = viewer.load(data / "tweets.js")
    assert list(ds.events["id"]) == ["post:1", "post:2", "post:3"]
    assert ds.events["actors"].iloc[0] == "user:100;user:200"
    (data / "account.js").unlink()
    alone = viewer.load(data / "tweets.js")
    assert alone.events["actors"].iloc[0] == "account;user:200"
    assert [p.message for p in alone.problems] == ["no account.js beside it: the archive's account is not named"]


def test_a_damaged_file_and_an_unreadable_time_are_said_and_the_rest_opens(tmp_path: Path) -> None:
    data = write_archive(tmp_path / "archive") / "data"
    (data / "direct-messages.js").write_text(text_of("direct-messages.js")[:200], encoding="utf-8")
    posts = text_of("tweets.js").replace("Tue Mar 05 08:00:00 +0000 2019", "yesterday")
    (data / "tweets.js").write_text(posts.replace("Mon Mar 04 11:30:15 +0000 2019", "Thu Feb 31 11:30:15 +0000 2019"),
                                    encoding="utf-8")
    ds = viewer.load(tmp_path / "archive")
    assert list(ds.events["id"]) == ["post:1", "message:6001"]
    assert any("got 'Thu Feb 31 11:30:15 +0000 2019'; post skipped" in p.message for p in ds.problems)
    said = [(p.file, p.message.split(" (")[0], p.level) for p in ds.problems]
    assert (f"{tmp_path / 'archive'}/direct-messages.js", "not readable", "warning") in said
    assert any("got 'yesterday'; post skipped" in p.message for p in ds.problems)


def test_what_is_not_an_x_archive_is_refused_by_name(tmp_path: Path) -> None:
    script = tmp_path / "app.js"
    script.write_text("function f() { return 1; }\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"app\.js: not a format Entente knows; expected an X \(Twitter\) archive"):
        viewer.load(script)
    empty = tmp_path / "tweets.js"
    empty.write_text("window.YTD.tweets.part0 = []", encoding="utf-8")
    with pytest.raises(LoadError, match=r"tweets\.js: no post or message with a readable time; expected an X"):
        viewer.load(empty)
    assert twitter.looks_like(b"\xef\xbb\xbf window.YTD.tweets.part0 = [")
    assert not twitter.looks_like(b"window.foo = 1")
    other = tmp_path / "other.zip"
    with zipfile.ZipFile(other, "w") as archive:
        archive.writestr("data/notes.js", "var x = 1;")
    assert not twitter.looks_like_zip(other) and not twitter.looks_like_folder(tmp_path)


VALUES = ["x", 1, None, [], {}, -1, 1.5, True, "Mon Mar 04 10:00:00 +0000 2019", [1], [{}], {"a": 1}, "", 10**30]


def _retyped(node: object, rnd: random.Random) -> None:
    """Values of the parsed JSON replaced by values of other types, or dropped (in place)."""
    if isinstance(node, dict):
        for key in list(node):
            roll = rnd.random()
            if roll < 0.08:
                node[key] = rnd.choice(VALUES)
            elif roll < 0.12:
                del node[key]
            else:
                _retyped(node[key], rnd)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            if rnd.random() < 0.08:
                node[i] = rnd.choice(VALUES)
            else:
                _retyped(value, rnd)


def _cut_and_pasted(text: str, rnd: random.Random) -> str:
    """The text with a few pieces cut, repeated or replaced by other JSON values."""
    for _ in range(rnd.randint(1, 4)):
        at, cut = rnd.randrange(len(text)), rnd.randint(1, 40)
        piece = rnd.choice(['"x"', "1", "null", "[]", "{}", "-1", '"Mon Mar 04 10:00:00 +0000 2019"', "", "true"])
        text = text[:at] + (piece if rnd.random() < 0.7 else text[at:at + cut]) + text[at + cut:]
    return text


@pytest.mark.parametrize("seed", range(100))
def test_mutated_archives_open_or_are_refused_by_name(tmp_path: Path, seed: int) -> None:
    """Each file of the archive with values of other types (an object where a list was, a number for a time), or
    its text cut and pasted: the archive opens, or is refused with its name, never another exception."""
    rnd = random.Random(seed)
    root = write_archive(tmp_path / "archive")
    for name, (key, items) in FILES.items():
        changed = json.loads(json.dumps(items))
        _retyped(changed, rnd)
        text = f"window.YTD.{key}.part0 = {json.dumps(changed)}"
        (root / "data" / name).write_text(_cut_and_pasted(text, rnd) if rnd.random() < 0.3 else text,
                                          encoding="utf-8")
    try:
        viewer.load(root)
    except LoadError as exc:
        assert str(root) in str(exc)
