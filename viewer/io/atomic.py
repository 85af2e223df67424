"""The one way Entente writes a file or a folder: beside the target, then swapped in.

:func:`replace_file` writes a temporary file in the target's folder, flushes and fsyncs it, renames it
over the target with ``os.replace`` and fsyncs the folder. :func:`replace_dir` fills a new folder beside
the old one, moves the old one aside, moves the new one in and only then removes the old one; a failure
before the new folder is in place puts the old one back. Either way a failed write leaves the previous
content byte for byte as it was, and no temporary behind. Nothing process-wide is changed: new files get
their mode from ``os.open``/``os.mkdir`` (which apply the umask themselves), an existing target keeps its
permission bits (a folder those of the folder it replaces, never a file's). A temporary's name holds the id of
the process writing it: those a killed process left (SIGKILL, a power cut) are removed by the next write to the
same target, and those of a process still running are left alone.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import re
import shutil
import stat
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

log = logging.getLogger(__name__)

Content = bytes | str | Callable[[BinaryIO], object]


def _sibling(path: Path, role: str) -> Path:
    """A hidden, unique name beside ``path``, with the writing process's id (``.events.csv.tmp-4242-1a2b3c4d``)."""
    return path.with_name(f".{path.name}.{role}-{os.getpid()}-{uuid.uuid4().hex[:12]}")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)  # (POSIX only: on Windows this would end the process)
    except ProcessLookupError:
        return False
    except OSError:  # another user's process, still running
        return True
    return True


def _clear_stale(target: Path) -> None:
    """Remove the temporaries a killed writer of ``target`` left beside it (its process is gone); an old copy
    moved aside stays while ``target`` is missing: it is then the only copy."""
    if os.name != "posix":
        return
    stale = re.compile(rf"^\.{re.escape(target.name)}\.(tmp|new|old)-(\d+)-[0-9a-f]{{12}}$")
    try:
        entries = [(entry, stale.match(entry.name)) for entry in target.parent.iterdir()]
    except OSError:
        return
    for entry, found in entries:
        if found is None or _alive(int(found.group(2))) or (found.group(1) == "old" and not target.exists()):
            continue
        try:
            _remove(entry)
            log.info("removed %s, left by an interrupted write", entry)
        except OSError as exc:
            log.warning("could not remove %s, left by an interrupted write (%s)", entry, exc)


def _sync_folder(folder: Path) -> None:
    """Make a rename inside ``folder`` durable; a file system that cannot sync folders is left as it is."""
    if os.name != "posix":
        return  # folders cannot be opened for syncing on Windows; its renames are journalled
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError as exc:  # the rename already happened: the content is replaced, only durability is unsure
        log.debug("could not sync folder %s (%s)", folder, exc)
    finally:
        os.close(fd)


def _sync_tree(folder: Path) -> None:
    """fsync every file and sub-folder of a freshly written folder, innermost first."""
    for root, _dirs, files in os.walk(folder, topdown=False):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        _sync_folder(Path(root))


def _target(path: str | Path) -> Path:
    """The path to replace: a symbolic link is followed, so the file it points to is what changes."""
    target = Path(path)
    try:
        return target.resolve() if target.is_symlink() else target
    except RuntimeError as exc:  # ("Symlink loop from …" before Python 3.13, an OSError after)
        raise OSError(errno.ELOOP, os.strerror(errno.ELOOP), str(path)) from exc


def replace_file(path: str | Path, content: Content) -> Path:
    """Write ``content`` to ``path`` atomically and durably; returns the path written.

    ``content`` is bytes, text (written as UTF-8, newlines untouched) or a function that writes into
    the open binary file. Any error (a full disk, a failed sync or rename) propagates after the
    temporary file is removed; the old file, if any, is untouched.
    """
    target = _target(path)
    _clear_stale(target)
    tmp = _sibling(target, "tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, str):
                handle.write(content.encode("utf-8"))
            elif isinstance(content, bytes):
                handle.write(content)
            else:
                content(handle)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(tmp, stat.S_IMODE(target.stat().st_mode))  # keep the old file's permissions
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_folder(target.parent)
    return target


def replace_dir(path: str | Path, fill: Callable[[Path], object]) -> Path:
    """Replace the folder ``path`` with a new one that ``fill(folder)`` writes; returns the path.

    The new folder is written beside the old one and synced; the old folder is renamed aside, the new
    one renamed in, and the old one removed last. Until the new folder is in place any error puts the
    old folder back and removes the temporaries before it propagates. Removing the old copy is the only
    step after that: if it fails the new folder stands and the old copy stays beside it (hidden, logged).
    A symbolic link is followed, as :func:`replace_file` follows one: the folder it points to is replaced and
    the link stays (a dataset written over its link replaced the link with a folder and left the dataset old).
    """
    target = _target(path)
    _clear_stale(target)
    new = _sibling(target, "new")
    os.mkdir(new, 0o777)  # mkdir applies the umask: an ordinary folder, without touching the umask
    aside: Path | None = None
    try:
        fill(new)
        _sync_tree(new)
        if target.is_dir():  # after filling: a read-only old folder stays read-only (a file's mode is no folder's)
            os.chmod(new, stat.S_IMODE(target.stat().st_mode))
        if target.exists() or target.is_symlink():
            aside = _sibling(target, "old")
            os.rename(target, aside)
        os.rename(new, target)
    except BaseException:
        _restore(target, new, aside)
        raise
    _sync_folder(target.parent)
    if aside is not None:
        try:
            _remove(aside)
        except OSError as exc:
            log.warning("%s was replaced, but its old copy %s could not be removed (%s)", target, aside, exc)
    return target


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def _restore(target: Path, new: Path, aside: Path | None) -> None:
    """After a failed swap: the old folder back at ``target``, the half-written new one gone."""
    if aside is not None and not target.exists():
        try:
            os.rename(aside, target)
        except OSError as exc:  # the old copy is still whole, under its hidden name: say where
            log.error("could not move %s back to %s (%s); the old content is in %s", aside, target, exc, aside)
    if new.exists():
        try:
            _remove(new)
        except OSError as exc:
            log.warning("could not remove the temporary folder %s (%s)", new, exc)
