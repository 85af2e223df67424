"""Exports that come as a folder or a ZIP archive and have a reader of their own: Slack's (its archive, its folder, or
its ``users.json`` or ``channels.json`` picked in a file dialog), X's archive, Discord's channels, Meta's messages
(Messenger, Instagram), ICIJ's Offshore Leaks database (its folder, or one of its CSV files picked). The loader asks
here before it reads a folder's files one by one, or an archive as a compressed table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from viewer.io import archive_files, compressed, discord, icij, meta_messages, meta_zip, slack, twitter
from viewer.model.dataset import Dataset

Reader = Callable[..., Dataset]


def of_file(path: Path) -> tuple[Reader, Path] | None:
    """The export a file opens, and its reader: a ZIP archive holding a Slack export, an X archive, Meta's export or
    ICIJ's database; a file of a Slack export's folder or of ICIJ's database (File → Open picks files): its folder;
    else None."""
    if compressed.compression(path) == "zip":
        names = archive_files.names_of(path, (".json", ".js", ".csv"))  # the archive's directory, read once for all
        for holds, reader in ((slack.is_export, slack.read), (twitter.holds_archive, twitter.read),
                              (meta_zip.holds_threads, meta_zip.read), (icij.holds_database, icij.read_zip)):
            if holds(names):
                return reader, path
        return None
    for files, looks_like, reader in ((slack.TOP_FILES, slack.looks_like_folder, slack.read),
                                      (icij.FILES, icij.looks_like_folder, icij.read)):
        if path.name in files and looks_like(path.parent):
            return reader, path.parent
    return None


def of_folder(path: Path) -> Reader | None:
    """The reader of a folder that is an export: an unpacked Slack export or X archive, a folder of Discord
    channels, Messenger or Instagram threads (Meta's export, its inbox, one thread), ICIJ's database; else None."""
    for looks_like, reader in ((slack.looks_like_folder, slack.read), (twitter.looks_like_folder, twitter.read),
                               (discord.looks_like_folder, discord.read),
                               (meta_messages.looks_like_folder, meta_messages.read),
                               (icij.looks_like_folder, icij.read)):
        if looks_like(path):
            return reader
    return None
