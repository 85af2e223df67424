"""A small Slack workspace export written as Slack's "Export data" writes it (users, channels, a folder of day files
for each conversation), for the reader's and the window's tests."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

USERS = [{"id": "U1", "name": "ana", "real_name": "Ana Lima", "profile": {"real_name": "Ana Lima"}},
         {"id": "U2", "name": "ben", "profile": {"real_name": "", "display_name": "Ben Okafor"}},
         {"id": "B1", "name": "deploy", "is_bot": True, "profile": {"real_name": "Deploy bot"}}]
CHANNELS = [{"id": "C1", "name": "general", "created": 1551600000, "members": ["U1", "U2", "B1"],
             "topic": {"value": "Company-wide"}},
            {"id": "C2", "name": "investigation", "created": 1551700000, "members": ["U1"]}]
DMS = [{"id": "D1", "created": 1551600000, "members": ["U1", "U2"]}]
DAYS = {
    "general/2019-03-04.json": [
        {"type": "message", "user": "U1", "ts": "1551693600.000200", "thread_ts": "1551693600.000200",
         "reply_count": 1, "text": "Hello <@U2>, see <https://example.org/r|the report> &amp; more\nsecond line",
         "reactions": [{"name": "+1", "users": ["U2"], "count": 1}]},
        {"type": "message", "user": "U2", "ts": "1551693700.000100", "thread_ts": "1551693600.000200",
         "parent_user_id": "U1", "text": "Thanks!", "edited": {"user": "U2", "ts": "1551693760.000000"}},
        {"type": "message", "subtype": "channel_join", "user": "U3", "ts": "1551693800.000000",
         "text": "<@U3> has joined the channel", "user_profile": {"real_name": "Chris Diaz"}}],
    "general/2019-03-05.json": [
        {"type": "message", "subtype": "channel_leave", "user": "U3", "ts": "1551780000.000000",
         "text": "<@U3> has left the channel"},
        {"type": "message", "user": "U1", "ts": "1551780100.000000", "text": "", "files": [{"name": "leak.pdf"}]},
        {"type": "message", "user": "U1", "ts": "yesterday", "text": "no time"}],
    "general/2019-03-06.json": [
        {"type": "message", "subtype": "bot_message", "bot_id": "B1", "username": "Deploy bot",
         "ts": "1551870000.000000", "text": "Deployed v2"}],
    "investigation/2019-03-05.json": "[{",
    "D1/2019-03-06.json": [{"type": "message", "user": "U2", "ts": "1551866400.000000",
                            "text": "private note about <#C2|investigation>"}],
}


def write_export(folder: Path) -> Path:
    """The export unpacked in ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in {"users.json": USERS, "channels.json": CHANNELS, "dms.json": DMS, **DAYS}.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    return folder


def write_zip(path: Path, top: str = "") -> Path:
    """The export as Slack's ZIP archive (``top``: the one folder it was zipped from, if any)."""
    unpacked = write_export(path.parent / (path.stem + " unpacked"))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(unpacked.rglob("*.json")):
            archive.write(file, top + file.relative_to(unpacked).as_posix())
    return path


def write_busy_export(folder: Path, people: int = 12) -> Path:
    """An export where each of ``people`` mentions every other one (person i mentions person j i + j times): a
    crowded graph of counted ties."""
    folder.mkdir(parents=True, exist_ok=True)
    users = [{"id": f"U{i}", "name": f"p{i}", "profile": {"real_name": f"Person {i}"}} for i in range(people)]
    (folder / "users.json").write_text(json.dumps(users), encoding="utf-8")
    (folder / "channels.json").write_text(json.dumps([{"id": "C1", "name": "general", "created": 1551600000,
                                                       "members": [u["id"] for u in users]}]), encoding="utf-8")
    messages = [{"type": "message", "user": f"U{i}", "text": f"<@U{j}> note {k}", "ts": f"{1551693600 + n}.000000"}
                for n, (i, j, k) in enumerate((i, j, k) for i in range(people) for j in range(people) if i != j
                                              for k in range(i + j))]
    (folder / "general").mkdir(exist_ok=True)
    (folder / "general" / "2019-03-04.json").write_text(json.dumps(messages), encoding="utf-8")
    return folder
