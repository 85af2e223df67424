"""Facebook Messenger and Instagram chats as Meta's "Download your information" writes them (message_1.json, a
folder of threads) open as their messages, people, groups and ties. Before, they were refused as "JSON that
Entente does not recognise". The samples are written as Meta writes them: each non-ASCII character as its UTF-8
bytes escaped one per character ("Jos\\u00c3\\u00a9")."""

from __future__ import annotations

import copy
import json
import math
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from viewer.io import meta_messages, meta_text
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

T0 = 1551693600123  # 2019-03-04T10:00:00.123Z


def escaped(value: Any) -> Any:
    """The value with each string written as Meta writes it: its UTF-8 bytes, one character each."""
    if isinstance(value, str):
        return value.encode("utf-8").decode("latin-1")
    if isinstance(value, list):
        return [escaped(v) for v in value]
    if isinstance(value, dict):
        return {k: escaped(v) for k, v in value.items()}
    return value


def thread(title: str, names: list[str], messages: list[dict[str, Any]], **more: Any) -> dict[str, Any]:
    """A thread's file: its messages newest first, as Meta writes them."""
    def newest(m: dict[str, Any]) -> int:
        return m["timestamp_ms"] if isinstance(m.get("timestamp_ms"), int) else 0

    ordered = sorted(messages, key=newest, reverse=True)
    return escaped({"participants": [{"name": n} for n in names], "messages": ordered, "title": title,
                    "is_still_participant": True, "thread_path": f"inbox/{title.lower().replace(' ', '')}_1",
                    "magic_words": [], **more})


def message(sender: str, ms: Any, content: str | None = None, **more: Any) -> dict[str, Any]:
    found: dict[str, Any] = {"sender_name": sender, "timestamp_ms": ms, "is_geoblocked_for_viewer": False}
    if content is not None:
        found["content"] = content
    return {**found, **more}


def write(path: Path, document: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document), encoding="utf-8")  # ASCII: "\u00c3\u00a9", as Meta writes
    return path


TELEGRAM_EXPORT = {"name": "Project group", "type": "private_group", "id": 123456, "messages": [
    {"id": 2, "type": "message", "date": "2019-03-04T10:05:00", "date_unixtime": "1551693900", "from": "Ana",
     "from_id": "user1", "text": "Hello Ben", "text_entities": [{"type": "plain", "text": "Hello Ben"}]}]}
DISCORD_EXPORT = {"guild": {"id": "77", "name": "Open Source Investigations"}, "channel": {"id": "88", "name": "leads"},
                  "messages": [{"id": "5001", "type": "Default", "timestamp": "2023-03-04T10:00:00.123+01:00",
                                "content": "Hi", "author": {"id": "1001", "name": "ana"}, "reactions": []}]}
JOSE, ANA = "José Ferreira", "Ana Lima"
ONE_TO_ONE = thread(ANA, [JOSE, ANA], [
    message(JOSE, T0, "Olá Ana"),
    message(ANA, T0 + 100_000, call_duration=185, type="Call"),
    message(JOSE, T0 + 200_000, is_unsent=True),
    message(JOSE, T0 + 300_000, photos=[{"uri": "messages/inbox/ana_1/photos/praça.jpg",
                                         "creation_timestamp": 1551693900}]),
    message(ANA, T0 + 350_000, share={"link": "https://example.org/a"}),
    message(ANA, T0 + 400_333, "Bom dia 😀\nsegunda linha",
            reactions=[{"reaction": "❤", "actor": JOSE}, {"reaction": "😂", "actor": ANA}]),
    message(ANA, "yesterday", "no time"),
])


def ties(ds: Dataset, kind: str) -> dict[tuple[str, str], Any]:
    rows = ds.relations[ds.relations["kind"] == kind]
    return {(s, t): v for s, t, v in zip(rows["source"], rows["target"], rows["value"], strict=True)}


def test_a_one_to_one_thread_opens_as_its_messages_and_ties(tmp_path: Path) -> None:
    ds = meta_messages.read(write(tmp_path / "inbox" / "analima_1" / "message_1.json", ONE_TO_ONE))
    events = ds.events
    assert ds.meta.title == "Ana Lima"
    assert list(events["title"]) == ["Olá Ana", "call (3 min)", "unsent message", "photo", "link", "Bom dia 😀"]
    assert [str(t) for t in events["start"][[0, 5]]] == ["2019-03-04 10:00:00.123000+00:00",
                                                         "2019-03-04 10:06:40.456000+00:00"]  # exact ms
    assert list(events["actors"]) == ["person:José Ferreira", "person:Ana Lima", *["person:José Ferreira"] * 2,
                                      *["person:Ana Lima"] * 2]
    assert list(events["category"]) == ["message", "call", "unsent message", "photo", "link", "message"]
    last = events.iloc[5]
    assert last["description"] == "Bom dia 😀\nsegunda linha"
    assert last["attr:reactions"] == "❤ José Ferreira; 😂 Ana Lima"
    assert events["attr:media"].iloc[3] == "messages/inbox/ana_1/photos/praça.jpg"
    assert events["attr:link"].iloc[4] == "https://example.org/a"
    assert events["attr:unsent"].iloc[2] == "yes"
    assert float(events["attr:call_duration"].iloc[1]) == 185  # seconds (a number attribute)
    assert dict(zip(ds.entities["id"], ds.entities["name"], strict=True)) == {
        "person:José Ferreira": JOSE, "person:Ana Lima": ANA}
    assert set(ds.entities["kind"]) == {"person"}
    assert ties(ds, "wrote_to") == {("person:José Ferreira", "person:Ana Lima"): 3,
                                    ("person:Ana Lima", "person:José Ferreira"): 3}
    assert ties(ds, "reacted_to") == {("person:José Ferreira", "person:Ana Lima"): 1}  # not Ana to herself
    (said,) = ds.problems
    assert said.level == "warning" and said.message == (
        "1 message without a readable time skipped, the first at message 7")  # (written last: the oldest)


GROUP_NAMES = ["Ana", "Ben", "Dan", "Eve Ørsted"]
GROUP = thread("Projeto São Paulo", GROUP_NAMES, [
    message("Ana", T0, "Ana created the group."),
    message("Ana", T0 + 1000, "Ana added Ben and Cleo to the group."),
    message("Ben", T0 + 2000, "Olá a todos"),
    message("Cleo", T0 + 3000, "Cleo left the group."),
    message("Ana", T0 + 4000, "Ana removed Ben from the group."),
    message("Ana", T0 + 5000, "Ana added Fay to the group.", type="Subscribe", users=[{"name": "Fay"}]),
    message("Dan", T0 + 6000, "hello", reactions=[{"reaction": "👍", "actor": "Ana"}]),
], thread_type="RegularGroup")


def test_a_group_thread_tells_who_was_a_member_when(tmp_path: Path) -> None:
    ds = meta_messages.read(write(tmp_path / "g" / "message_1.json", GROUP))
    group = "group:inbox/projetosãopaulo_1"
    kinds = dict(zip(ds.entities["id"], ds.entities["kind"], strict=True))
    assert kinds[group] == "group"
    assert ds.entities.set_index("id").loc[group, "name"] == "Projeto São Paulo"
    rows = ds.relations[ds.relations["kind"] == "member_of"]
    assert set(rows["target"]) == {group}
    members = {s.removeprefix("person:"): (f, t) for s, f, t in zip(rows["source"], rows["valid_from"],
                                                                    rows["valid_to"], strict=True)}

    def at(ms: int) -> pd.Timestamp:
        return pd.Timestamp(meta_text.instant(ms))

    assert members == {"Ana": (at(T0), pd.NaT), "Ben": (at(T0 + 1000), at(T0 + 4000)),  # added, then removed
                       "Cleo": (at(T0 + 1000), at(T0 + 3000)),  # added, then left: no participant any more
                       "Dan": (at(T0), pd.NaT), "Eve Ørsted": (at(T0), pd.NaT),  # from the first message on
                       "Fay": (at(T0 + 5000), pd.NaT)}  # added ("Subscribe", with its users)
    assert list(ds.events["category"]) == [*["group change"] * 2, "message", *["group change"] * 3, "message"]
    wrote = ties(ds, "wrote_to")
    assert wrote[("person:Dan", "person:Eve Ørsted")] == 1 and wrote[("person:Ben", "person:Ana")] == 1
    assert not any(source == "person:Ana" for source, _ in wrote)  # Ana only changed the group
    assert ties(ds, "reacted_to") == {("person:Ana", "person:Dan"): 1}


def test_a_thread_in_two_parts_is_read_as_one(tmp_path: Path) -> None:
    newer = thread(ANA, [JOSE, ANA], [message(ANA, T0 + 3000, "três"), message(JOSE, T0 + 2000, "dois")])
    older = thread(ANA, [JOSE, ANA], [message(JOSE, T0 + 2000, "dois"), message(ANA, T0 + 1000, "um"),
                                      message(JOSE, T0, "zero")])
    folder = tmp_path / "messages" / "inbox" / "analima_1"
    write(folder / "message_1.json", newer)
    write(folder / "message_2.json", older)
    again = write(tmp_path / "messages" / "e2ee_cutover" / "analima_1" / "message_1.json", older)  # the same thread
    whole = ["zero", "um", "dois", "três"]
    for path, titles, twice in ((folder, whole, 1), (folder / "message_1.json", whole, 1), (tmp_path, whole, 4),
                                (again, whole[:3], 0)):
        ds = meta_messages.read(path)  # a thread's folder or a part: the whole thread; an export: each message once
        assert list(ds.events["title"]) == titles
        assert [p.message for p in ds.problems] == [
            f"{twice} message{'s' * (twice > 1)} in more than one part of a thread: read once"][:twice]
        assert ties(ds, "wrote_to") == {("person:José Ferreira", "person:Ana Lima"): 2,
                                        ("person:Ana Lima", "person:José Ferreira"): len(titles) - 2}


def export_folder(root: Path) -> Path:
    """An export with two threads and a damaged one, and what else an export holds."""
    inbox = root / "messages" / "inbox"
    write(inbox / "analima_1" / "message_1.json", ONE_TO_ONE)
    write(inbox / "projetosaopaulo_2" / "message_1.json", GROUP)
    (inbox / "analima_1" / "photos").mkdir()
    (inbox / "damaged_3").mkdir()
    (inbox / "damaged_3" / "message_1.json").write_text(json.dumps(GROUP)[:300], encoding="utf-8")
    write(root / "messages" / "archived_threads" / "other_4" / "message_1.json", {"participants": [], "x": 1})
    write(root / "profile_information" / "profile_information.json", {"profile": {"name": "José"}})
    return root


def test_an_inbox_opens_its_threads_and_says_which_file_is_damaged(tmp_path: Path) -> None:
    root = export_folder(tmp_path / "facebook-jose")
    for path in (root, root / "messages", root / "messages" / "inbox"):
        assert meta_messages.looks_like_folder(path)
    ds = meta_messages.read(root)
    assert len(ds.events) == 6 + 7 and ds.meta.title == "facebook-jose · 2 threads"
    assert set(ds.events["category"]) == {"Ana Lima", "Projeto São Paulo"}  # a thread a lane
    assert set(ds.events["attr:kind"]) >= {"call", "photo", "message"}
    damaged = {Path(p.file).parent.name: p for p in ds.problems if p.level == "warning" and not p.field}
    assert set(damaged) == {"damaged_3", "other_4"} and all("skipped" in p.message for p in damaged.values())
    assert "not readable JSON" in damaged["damaged_3"].message
    assert "expected a Facebook Messenger or Instagram message file" in damaged["other_4"].message
    assert ties(ds, "wrote_to")[("person:José Ferreira", "person:Ana Lima")] == 3


def test_an_instagram_inbox_reads_alike(tmp_path: Path) -> None:
    inbox = tmp_path / "instagram-ana" / "your_instagram_activity" / "messages" / "inbox"
    write(inbox / "benfoto_17841400" / "message_1.json", escaped({
        "participants": [{"name": "ben.foto"}, {"name": "ana.lima"}], "title": "ben.foto",
        "thread_path": "inbox/benfoto_17841400", "messages": [
            message("ben.foto", T0 + 2000, "Liked a message"),
            message("ana.lima", T0 + 1000, "Olha 👀", reactions=[{"reaction": "🔥", "actor": "ben.foto"}]),
            message("ben.foto", T0, share={"link": "https://instagram.com/p/x", "share_text": "x"})]}))
    write(inbox / "cleo_1784" / "message_1.json", escaped({  # senders by username, participants by name
        "participants": [{"name": "Cleo Díaz"}, {"name": "Ana Lima"}], "title": "Cleo Díaz",
        "messages": [message("ana.lima", T0 + 5000, "oi"), message("cleo.d", T0 + 4000, "olá")]}))
    assert meta_messages.looks_like_folder(tmp_path / "instagram-ana")
    ds = meta_messages.read(tmp_path / "instagram-ana")
    assert list(ds.events["title"]) == ["link", "Olha 👀", "Liked a message", "olá", "oi"]
    assert list(ds.events["attr:kind"]) == ["link", "message", "reaction", "message", "message"]
    assert ties(ds, "reacted_to") == {("person:ben.foto", "person:ana.lima"): 2}  # a reaction and a like
    assert ties(ds, "wrote_to") == {("person:ben.foto", "person:ana.lima"): 2,
                                    ("person:ana.lima", "person:ben.foto"): 1,  # the usernames, not the names
                                    ("person:ana.lima", "person:cleo.d"): 1, ("person:cleo.d", "person:ana.lima"): 1}


def test_repair_leaves_correct_text_alone(tmp_path: Path) -> None:
    assert meta_text.repaired(escaped("José 😀")) == "José 😀"
    assert meta_text.repaired("José") == "José"  # correct already: é is no UTF-8 byte sequence
    assert meta_text.repaired("SÃO PAULO") == "SÃO PAULO"  # "Ã" then "O": no UTF-8 bytes
    assert meta_text.repaired("ÃO Ã©") == "ÃO Ã©"
    written = {"participants": [{"name": "José"}, {"name": "Ana"}], "title": "José", "messages": [
        message("José", T0 + 1000, "Ã© 😀"), message("Ana", T0, "SÃO PAULO")]}  # correct text, not escaped
    path = tmp_path / "message_1.json"
    path.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")
    ds = meta_messages.read(path)
    assert list(ds.events["title"]) == ["SÃO PAULO", "Ã© 😀"]  # "Ã©" kept: the file is written correctly
    assert set(ds.entities["name"]) == {"José", "Ana"}


def test_a_long_message_is_cut_in_its_title_and_description(tmp_path: Path) -> None:
    text = "Á" * 200 + "\n" + "b" * 5000
    ds = meta_messages.read(write(tmp_path / "message_1.json", thread(ANA, [ANA, JOSE], [message(ANA, T0, text)])))
    event = ds.events.iloc[0]
    assert event["title"] == "Á" * 120 + "…"
    assert event["description"] == text[:4000] + " …"


def test_what_is_a_meta_export_and_what_is_not(tmp_path: Path) -> None:
    assert meta_messages.looks_like(ONE_TO_ONE) and meta_messages.looks_like(GROUP)
    assert meta_messages.looks_like({"participants": [{"name": "a"}], "messages": []})
    for other in (TELEGRAM_EXPORT, DISCORD_EXPORT, [{"sender_name": "a", "timestamp_ms": 1}], None, "x",
                  {"participants": ["a", "b"], "messages": [{"senderName": "a", "timestamp": 1}]},
                  {"participants": [{"name": "a"}], "messages": [{"from": "a", "date": "2019-01-01"}]},
                  {"messages": [{"sender_name": "a", "timestamp_ms": 1}]}):
        assert not meta_messages.looks_like(other)
    thread_folder = write(tmp_path / "t" / "message_1.json", ONE_TO_ONE).parent
    assert meta_messages.looks_like_folder(thread_folder)
    discord_folder = tmp_path / "server"
    write(discord_folder / "Guild - Category - leads [88].json", DISCORD_EXPORT)
    write(tmp_path / "telegram" / "result.json", TELEGRAM_EXPORT)
    write(tmp_path / "odd" / "inbox" / "x_1" / "message_1.json", [{"a": 1}])  # a message_1.json of another kind
    (tmp_path / "empty").mkdir()
    for path in (discord_folder, tmp_path / "telegram", tmp_path / "odd", tmp_path / "empty", tmp_path / "none",
                 thread_folder / "message_1.json"):
        assert not meta_messages.looks_like_folder(path)
    with pytest.raises(LoadError, match=r"empty.*no thread in it"):
        meta_messages.read(tmp_path / "empty")
    with pytest.raises(LoadError, match=r"result\.json: expected a Facebook Messenger or Instagram"):
        meta_messages.read(tmp_path / "telegram" / "result.json")
    timeless = write(tmp_path / "timeless" / "message_1.json", thread("x", ["a", "b"], [message("a", None, "hi")]))
    with pytest.raises(LoadError, match="no message with a readable time"):
        meta_messages.read(timeless)


ODD = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                st.sampled_from([math.nan, math.inf, -math.inf, 1e308, 0.5, -0.0]), st.floats(), st.text(max_size=8),
                st.builds(list), st.builds(dict), st.builds(lambda: [1, "a"]), st.builds(lambda: {"uri": 5}),
                st.builds(lambda: [{"name": 3}, {"reaction": None, "actor": []}]))
THREAD_KEYS = ("participants", "title", "thread_path", "thread_type", "messages")
KEYS = ("sender_name", "timestamp_ms", "content", "reactions", "photos", "videos", "audio_files", "files", "gifs",
        "sticker", "share", "call_duration", "is_unsent", "type", "users", "name", *THREAD_KEYS)
ODD_VALUES: list[Any] = [None, True, 0, -1, 2**70, -(2**70), math.nan, math.inf, -math.inf, 1e308, 0.5, "", "x",
                         "Ã", [], {}, [1, "a"], {"uri": 5, "link": [], "name": 3}, [{"name": None, "uri": 1e308}]]
RICH = message(ANA, T0, "Olá", type="Generic", reactions=[{"reaction": "❤", "actor": JOSE}],
               photos=[{"uri": "a.jpg"}], videos=[{"uri": "b.mp4"}], sticker={"uri": "s.png"},
               share={"link": "https://x.org"}, call_duration=60, is_unsent=False, users=[{"name": "Ben"}])


def test_every_value_of_another_type_is_read_or_said(tmp_path: Path) -> None:
    """Each key Meta writes, in a message and in the objects within it, given each odd value in turn."""
    messages: list[dict[str, Any]] = []
    for key in KEYS:
        for odd in ODD_VALUES:
            messages.append({**copy.deepcopy(RICH), key: odd, "timestamp_ms": T0 + len(messages)})
            inner = copy.deepcopy(RICH)
            for found in (inner["reactions"][0], inner["photos"][0], inner["share"], inner["users"][0]):
                found.update({"reaction": odd, "actor": odd, "uri": odd, "link": odd, "name": odd})
            messages.append({**inner, "timestamp_ms": T0 + len(messages), "sender_name": str(len(messages))})
    group = {"participants": [{"name": n} for n in ("a", "b", "c")], "thread_type": "RegularGroup", "messages":
             [{**m, "content": "Ana added Ben to the group."} for m in messages]}
    for document in (thread(ANA, [ANA, JOSE], messages), group):
        ds = meta_messages.read(write(tmp_path / "message_1.json", document))
        assert len(ds.events) > len(messages) / 2
    inbox = tmp_path / "inbox"  # the thread's own keys: a thread each, read together
    for n, (key, odd) in enumerate((key, odd) for key in THREAD_KEYS for odd in ODD_VALUES):
        write(inbox / f"t_{n}" / "message_1.json", {**ONE_TO_ONE, key: odd})
        write(inbox / f"t_{n}" / "message_2.json", {**GROUP, key: odd})
    ds = meta_messages.read(inbox)
    assert 0 < len(ds.events) < len(THREAD_KEYS) * len(ODD_VALUES) * 13


def _places(value: Any, parent: Any = None, key: Any = None) -> list[tuple[Any, Any, Any]]:
    found = [(parent, key, value)]
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else []
    for k, v in list(items):
        found += _places(v, value, k)
    return found


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    """A valid thread with one to five of its values replaced by other JSON, dropped, cut or truncated."""
    document = copy.deepcopy(draw(st.sampled_from([ONE_TO_ONE, GROUP])))
    for _ in range(draw(st.integers(1, 5))):
        places = _places(document)
        if draw(st.booleans()):  # a key Meta writes, given another value, in an object of the thread
            objects = [value for _, _, value in places if isinstance(value, dict)]
            if objects:
                objects[draw(st.integers(0, len(objects) - 1))][draw(st.sampled_from(KEYS))] = draw(ODD)
            continue
        parent, key, value = places[draw(st.integers(0, len(places) - 1))]
        if parent is None:
            document = draw(ODD) if draw(st.booleans()) else document
            continue
        how = draw(st.sampled_from(["replace", "drop", "cut"]))
        if how == "replace":
            parent[key] = draw(ODD)
        elif how == "drop" and isinstance(parent, dict):
            del parent[key]
        elif isinstance(value, str | list):
            parent[key] = value[:draw(st.integers(0, len(value)))]
    return document


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=mutated(), cut=st.integers(0, 400))
def test_a_damaged_export_gives_a_dataset_or_a_load_error(tmp_path: Path, document: Any, cut: int) -> None:
    folder = tmp_path / "inbox" / "x_1"
    first = write(folder / "message_1.json", document)
    (folder / "message_2.json").write_text(json.dumps(document, allow_nan=True)[cut:], encoding="utf-8")
    attempts: list[tuple[Path, Any]] = [(folder, None), (first, None)]
    if isinstance(document, dict):
        attempts.append((first, document))
    for path, given_document in attempts:
        try:
            result = meta_messages.read(path, given_document)
        except LoadError as exc:
            assert str(exc).startswith(str(path))
            continue
        assert isinstance(result, Dataset) and len(result.events)
        assert all(str(p) for p in result.problems)


def test_the_loader_opens_a_thread_file_an_export_and_still_tells_other_chats_apart(tmp_path: Path) -> None:
    """Opened as a user opens them (viewer.load: File → Open, a folder, the command line), not only by the reader."""
    import viewer

    root = export_folder(tmp_path / "facebook-jose")
    file = root / "messages" / "inbox" / "analima_1" / "message_1.json"
    assert list(viewer.load(file).events["attr:thread"].unique()) == ["Ana Lima"]
    assert viewer.load(root).meta.title == "facebook-jose · 2 threads"
    telegram = write(tmp_path / "result.json", TELEGRAM_EXPORT)
    assert "attr:thread" not in viewer.load(telegram).events.columns  # Telegram's reader, not this one


def test_the_export_as_meta_delivers_it_a_zip_opens_as_its_folder_does(tmp_path: Path) -> None:
    """Only the threads' files are unpacked (into a private folder, gone after), and problems name them by their
    place in the archive; an entry named to climb out of the folder is not unpacked."""
    import zipfile

    import viewer

    root = export_folder(tmp_path / "facebook-jose")
    packed = tmp_path / "facebook-jose-2024-01-01.zip"
    with zipfile.ZipFile(packed, "w") as archive:
        for file in sorted(p for p in root.rglob("*") if p.is_file()):
            archive.write(file, file.relative_to(root).as_posix())
        archive.writestr("messages/inbox/analima_1/photos/1.jpg", b"\xff\xd8")
        archive.writestr("../escaped/message_1.json", json.dumps(GROUP))
    folder, zipped = viewer.load(root), viewer.load(packed)
    assert list(zipped.events["title"]) == list(folder.events["title"])

    def dated(ds: Dataset) -> set[tuple[str, ...]]:
        r = ds.relations
        return {tuple(map(str, row)) for row in zip(r["source"], r["target"], r["kind"], r["value"], r["valid_from"],
                                                    r["valid_to"], strict=True)}

    assert dated(zipped) == dated(folder)
    assert zipped.meta.title == "facebook-jose-2024-01-01.zip · 2 threads"
    damaged = {p.file for p in zipped.problems if p.level == "warning" and not p.field}
    assert damaged == {f"{packed}/messages/inbox/damaged_3/message_1.json",
                       f"{packed}/messages/archived_threads/other_4/message_1.json"}
    assert not (tmp_path / "escaped").exists()


def _encrypted(name: str, names: list[str], messages: list[dict[str, Any]]) -> dict[str, Any]:
    """A thread as Messenger exports its end-to-end encrypted chats: its own keys, names as plain strings."""
    return {"participants": names, "threadName": name, "messages": messages}


def test_encrypted_chats_in_their_own_shape_open_alike_one_file_or_a_folder_of_them(tmp_path: Path) -> None:
    """Messenger's chats are end-to-end encrypted now, and exported with other keys (senderName, timestamp, text,
    media): before, such a file was "JSON that Entente does not recognise"."""
    import viewer

    folder = tmp_path / "secure storage"
    first = write(folder / "José Ferreira_40.json", _encrypted("José Ferreira_40", ["Ana Lima", "José Ferreira"], [
        {"senderName": "Ana Lima", "timestamp": T0, "text": "Olá José 😀", "type": "text", "media": [],
         "reactions": [{"actor": "José Ferreira", "reaction": "❤"}], "isUnsent": False},
        {"senderName": "José Ferreira", "timestamp": T0 + 60_000, "text": "", "type": "media",
         "media": [{"uri": "./media/abc.jpeg"}, {"uri": "./media/clip.mp4"}], "reactions": [], "isUnsent": False},
        {"senderName": "José Ferreira", "timestamp": T0 + 120_000, "text": "", "type": "text", "media": [],
         "reactions": [], "isUnsent": True}]))
    write(folder / "Equipe_12.json", _encrypted("Equipe", ["Ana Lima", "Ben", "Dan"], [
        {"senderName": "Dan", "timestamp": T0 + 5_000, "text": "Bom dia", "type": "text", "isUnsent": False}]))
    (folder / "media").mkdir()
    one = viewer.load(first)
    assert list(one.events["title"]) == ["Olá José 😀", "photo", "unsent message"]
    assert str(one.events["start"].iloc[0]) == "2019-03-04 10:00:00.123000+00:00"
    assert one.events["attr:media"].iloc[1] == "./media/abc.jpeg; ./media/clip.mp4"
    assert ties(one, "reacted_to") == {("person:José Ferreira", "person:Ana Lima"): 1}
    assert ties(one, "wrote_to") == {("person:Ana Lima", "person:José Ferreira"): 1,
                                     ("person:José Ferreira", "person:Ana Lima"): 2}
    both = viewer.load(folder)
    assert set(both.events["category"]) == {"José Ferreira_40", "Equipe"} and len(both.events) == 4
    assert "group:e2ee/Equipe" in set(both.entities["id"])  # three people: a group
    assert meta_messages.looks_like_folder(folder) and not meta_messages.looks_like_folder(tmp_path)
