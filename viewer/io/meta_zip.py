"""Meta's export as it is delivered, a ZIP archive (``facebook-<name>-<date>.zip``, ``instagram-<name>-….zip``):
its threads' ``message_<n>.json`` files are unpacked, and nothing else (photos and videos stay packed), into a
private temporary folder, read there by :mod:`meta_messages`, and named to the user by their place in the archive.
"""

from __future__ import annotations

import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from viewer.io import free_memory, meta_messages
from viewer.io.archive_files import Zipped, names_of
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError, Problem

EXPECTED = "a Facebook or Instagram export from Meta's 'Download your information' (JSON), with its messages"


def _threads(names: list[str]) -> list[str]:
    """The archive's threads' files (``…/inbox/<thread>/message_1.json``), none reaching out of the archive."""
    return [name for name in names if meta_messages.PART.match(PurePosixPath(name).name)
            and len(PurePosixPath(name).parts) >= 2 and ".." not in PurePosixPath(name).parts
            and not name.startswith("/")]


def looks_like_zip(path: Path) -> bool:
    """A ZIP archive holding a thread's first part in a folder of its own."""
    return holds_threads(names_of(path, (".json",)))


def holds_threads(names: list[str]) -> bool:
    """Whether an archive's files, named so, hold a thread's first part in a folder of its own."""
    return any(PurePosixPath(name).name == "message_1.json" for name in _threads(names))


def read(path: str | Path, **_options: Any) -> Dataset:
    """The export's messages, people, groups and ties, as :func:`meta_messages.read` reads them from its folder."""
    path = Path(path)
    files = Zipped(path, (".json",), EXPECTED)
    try:
        names = _threads(files.names)
        if not names:
            raise LoadError(f"{path}: no thread (a folder holding message_1.json) in it; expected {EXPECTED}")
        free_memory.check(path, sum(files.infos[n].file_size for n in names), "holds",
                          per_byte=meta_messages.PEAK_PER_BYTE)
        with tempfile.TemporaryDirectory(prefix="entente-meta-") as folder:
            root = Path(folder)
            said = [problem for name in names if (problem := _unpacked(files, name, root, path)) is not None]

            def shown(file: Path) -> str:
                return str(path) if file == root else f"{path}/{file.relative_to(root).as_posix()}"

            try:
                return meta_messages.read(root, shown=shown, said=said)
            except LoadError as exc:
                raise LoadError(str(exc).replace(str(root), str(path)), exc.problems) from exc
    finally:
        files.close()


def _unpacked(files: Zipped, name: str, root: Path, path: Path) -> Problem | None:
    """One thread's file written under ``root``; what went wrong, when it cannot be unpacked."""
    target = root.joinpath(*PurePosixPath(name).parts)
    try:
        data = files.read(name)
    except LoadError as exc:
        return Problem(f"{path}/{name}", f"{exc}; skipped", None, None, "warning")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    return None
