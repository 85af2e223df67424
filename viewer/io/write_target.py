"""Where a dataset may be written: the one set of checks every writer of a dataset runs before it writes anything.

:func:`viewer.io.native_write.write` (a folder of CSV tables or one ``.json``) and the out-of-core conversion of
:mod:`viewer.source.csv_parquet` (a folder of Parquet) both call :func:`check`, so the two cannot drift: the
Parquet path once skipped them all and replaced a user's folder of notes, the input CSV itself, a folder holding
the input, and a ``.json`` file with a folder. A dataset is never written over a folder that is not a dataset, a
file with a folder, a folder with a file, nor over one of the files it was read from (a dataset folder written
over itself is the one exception: its tables are rewritten, its other files kept). Also the display form of a
name that is not valid UTF-8, and JSON bytes that hold one.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

MARKS = ("events.csv", "dataset.json")  # what makes a folder a dataset folder


class Refused(FileExistsError):
    """A place a dataset is not written to; the message names it and says what was expected."""


def shown(text: object) -> str:
    """``text`` safe to print and to write as UTF-8: the bytes of a name that are not UTF-8 (which Python keeps as
    surrogate escapes, ``bad\\udcff.csv``) as U+FFFD (``bad�.csv``)."""
    text = str(text)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        try:
            return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
        except UnicodeEncodeError:  # a lone surrogate no file name made
            return text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return text


def json_bytes(doc: object, indent: int) -> bytes:
    """``doc`` as UTF-8 JSON; a name that is not valid UTF-8 written in its escaped form (``"bad\\udcff.csv"``,
    valid JSON that reads back as the same name) instead of failing with ``surrogates not allowed``."""
    return json.dumps(doc, ensure_ascii=False, indent=indent).encode("utf-8", "backslashreplace")


def resolved(path: str | Path) -> Path:
    """``path`` with its symbolic links followed; Refused for a link that leads back to itself."""
    try:
        return Path(path).resolve()
    except (RuntimeError, OSError) as exc:  # RuntimeError("Symlink loop …") before Python 3.13, OSError after
        raise Refused(f"{shown(path)}: a symbolic link in a loop (it leads back to itself); expected a file or "
                      "folder, or a link to one") from exc


def is_dataset_folder(path: Path) -> bool:
    """Whether ``path`` is a folder a dataset was written to (it holds events.csv or dataset.json)."""
    return path.is_dir() and any((path / name).exists() for name in MARKS)


def check(path: str | Path, *, overwrite: bool, folder: bool, sources: Iterable[str | Path] = ()) -> Path:
    """Raise (FileExistsError, or Refused, one of them) when a dataset must not be written at ``path``; else
    return ``path`` with its links followed. ``folder``: the dataset is written as a folder (else as one
    ``.json`` file); ``sources``: the files and folders it was read from, never written over."""
    target = resolved(path)
    name = shown(path)
    _check_sources(name, target, folder, sources)
    if folder and Path(path).suffix.lower() == ".json":
        raise Refused(f"{name}: a table too big for memory is written as a folder of Parquet, not one .json file; "
                      "expected a folder's name")
    if not target.exists():
        return target
    if not overwrite:
        raise FileExistsError(f"{name} already exists (use --force to replace it)")
    if folder and not target.is_dir():
        raise Refused(f"{name} is a file, not a dataset folder; refusing to replace it with a folder")
    if folder and any(target.iterdir()) and not is_dataset_folder(target):
        raise Refused(f"{name} is a folder that is not a dataset (it holds no {' or '.join(MARKS)}); refusing to "
                      "replace it")
    if not folder and target.is_dir():
        raise Refused(f"{name} is a folder; expected a .json file, or a dataset folder's name without .json")
    return target


def _check_sources(name: str, target: Path, folder: bool, sources: Iterable[str | Path]) -> None:
    """Refused when writing at ``target`` would replace a file the dataset was read from, or a folder holding one."""
    read: list[Path] = []
    for source in sources:
        try:
            found = Path(source).resolve()
            if found.exists():
                read.append(found)
        except (RuntimeError, OSError, ValueError):  # a source that is a text, not a path, or a link in a loop
            continue
    if folder and target in read and is_dataset_folder(target):
        return  # a dataset folder written over itself: its tables rewritten, its other files kept
    for source in read:
        if source == target or (folder and target in source.parents):
            raise Refused(f"{name}: {'is' if source == target else 'holds'} the input {shown(source)}, which "
                          "would be lost; expected another file or folder to write the dataset to")
        if source.is_dir() and source in target.parents and target.is_file():
            raise Refused(f"{name}: a file of the input folder {shown(source)}; expected a file or folder "
                          "outside it, or a new name")
