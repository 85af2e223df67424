"""The files of an export delivered as a ZIP archive (Slack's, X's), read by their names under the archive's top
(or under the one folder it holds), each no larger than its entry says: a damaged or lying entry is a LoadError
naming it, never more memory than the archive declares."""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path, PurePosixPath

from viewer.io import compressed
from viewer.model.problems import LoadError


class Zipped:
    """An archive's files whose names end in one of ``suffixes``, held open while they are read (its directory is
    read once)."""

    def __init__(self, path: Path, suffixes: tuple[str, ...], expected: str) -> None:
        self.path = path
        try:
            self.archive = zipfile.ZipFile(path)
            infos = compressed.files_of(self.archive.infolist())
        except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError) as exc:
            raise LoadError(f"{path}: not a readable ZIP archive ({exc}); expected {expected}") from exc
        parts = {PurePosixPath(i.filename).parts[0] for i in infos}
        prefix = f"{next(iter(parts))}/" if len(parts) == 1 and all("/" in i.filename for i in infos) else ""
        self.infos = {i.filename.removeprefix(prefix): i for i in infos if i.filename.lower().endswith(suffixes)}
        self.names = list(self.infos)
        self.total = sum(i.file_size for i in self.infos.values())

    def read(self, name: str) -> bytes:
        """One file's bytes; a LoadError (without the archive's name: the caller names the file) when it cannot be
        unpacked."""
        info = self.infos[name]
        try:
            with self.archive.open(info) as stream:
                data = stream.read(info.file_size + 1)  # no more than it says it holds: a lying header stops here
        except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError, NotImplementedError,
                zlib.error) as exc:
            raise LoadError(f"cannot be unpacked ({exc})") from exc
        if len(data) > info.file_size:
            raise LoadError(f"unpacks to more than its {info.file_size} bytes: the archive is damaged")
        return data

    def close(self) -> None:
        """Close the archive."""
        self.archive.close()


def names_of(path: Path, suffixes: tuple[str, ...]) -> list[str]:
    """The names of an archive's files ending in one of ``suffixes`` ([] when it is no readable ZIP archive), for
    telling which export it holds."""
    try:
        files = Zipped(path, suffixes, "")
    except LoadError:
        return []
    files.close()
    return files.names
