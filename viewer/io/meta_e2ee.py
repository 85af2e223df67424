"""Messenger's end-to-end encrypted chats, which Meta exports in a shape of their own (Messenger's "Download secure
storage data", and the encrypted threads of a newer "Download your information"): one JSON file per thread,
``{"participants": ["Ana", "José"], "threadName": "…", "messages": [{"senderName", "timestamp", "text", "type",
"media": [{"uri"}], "reactions": [{"actor", "reaction"}], "isUnsent"}]}``, timestamps in milliseconds. Each such
document is written in the classic shape (``sender_name``, ``timestamp_ms``, ``content``, photos, videos …) for
:mod:`meta_messages` to read as it reads the others.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath
from typing import Any

HEAD_MARK = b'"threadName"'  # what the start of such a file holds (its participants and name come first)
HEAD_BYTES = 4096
_KINDS = {**dict.fromkeys((".jpg", ".jpeg", ".png", ".webp", ".heic", ".bmp"), "photos"),
          **dict.fromkeys((".mp4", ".mov", ".webm", ".m4v"), "videos"), ".gif": "gifs",
          **dict.fromkeys((".mp3", ".m4a", ".aac", ".ogg", ".opus", ".wav"), "audio_files")}


def looks_like(document: object) -> bool:
    """Participants as names, and messages whose first ones have a sender's name and a time."""
    if not isinstance(document, dict):
        return False
    participants, messages = document.get("participants"), document.get("messages")
    if not isinstance(participants, list) or not isinstance(messages, list) or "threadName" not in document:
        return False
    return (all(isinstance(p, str) for p in participants[:5])
            and all(isinstance(m, dict) and "senderName" in m and "timestamp" in m for m in messages[:20]))


def classic(document: dict[str, Any]) -> dict[str, Any]:
    """The thread in the classic shape (a document of that shape is returned as it is)."""
    if not looks_like(document):
        return document
    name = document.get("threadName")
    return {"participants": [{"name": p} for p in document["participants"] if isinstance(p, str)],
            "title": name, "thread_path": f"e2ee/{name}" if isinstance(name, str) and name else None,
            "messages": [_message(m) for m in document["messages"] if isinstance(m, dict)]}


def _message(message: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"sender_name": message.get("senderName"), "timestamp_ms": message.get("timestamp"),
                           "reactions": message.get("reactions"), "is_unsent": message.get("isUnsent")}
    text = message.get("text")
    if isinstance(text, str) and text and message.get("type") != "media":
        out["content"] = text
    media = message.get("media")
    for item in media if isinstance(media, list) else []:
        uri = item.get("uri") if isinstance(item, dict) else None
        if isinstance(uri, str) and uri:
            out.setdefault(_KINDS.get(PurePosixPath(uri).suffix.lower(), "files"), []).append({"uri": uri})
    return out


def thread_files(folder: Path, sniffed: int | None = None) -> list[Path]:
    """The folder's JSON files that start as such a thread does (its export puts one per thread side by side); with
    ``sniffed``, the first one among that many entries."""
    found = []
    with os.scandir(folder) as entries:
        for number, entry in enumerate(entries):
            if sniffed is not None and number >= sniffed:
                break
            if entry.name.lower().endswith(".json") and entry.is_file():
                with open(entry.path, "rb") as handle:
                    if HEAD_MARK in handle.read(HEAD_BYTES):
                        found.append(Path(entry.path))
                        if sniffed:
                            break
    return sorted(found)
