"""Compressed tables (``events.csv.gz``, ``export.jsonl.zst``, ``20190304.export.CSV.zip``, ``data.tar.gz`` …),
as data platforms and archives hand them out.

A table is named by the suffix under its compression's (``.csv`` of ``events.csv.gz``), or, in a ZIP or tar
archive, by its member's: the one table the archive holds, else its largest (macOS's ``__MACOSX`` copies left out;
a Mastodon archive's ``outbox.json`` before its other JSON). Its bytes are unpacked whole before reading, as a
plain table's are read whole, up to what the free memory can read (:mod:`~viewer.io.free_memory`); a preview reads
the first megabyte. (A long table packed with gzip, bzip2 or zstd is unpacked by Arrow as it is read instead, to
the same limit: :mod:`~viewer.io.table_stream`.) A file packed with gzip, bzip2, xz or zstd under a table's name
(``events.csv`` holding gzip) is known by its first bytes. Documents of other formats are
not read compressed: the message says to unpack them.
"""

from __future__ import annotations

import bz2
import gzip
import io
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path, PurePosixPath
from typing import IO, Any, AnyStr

import pyarrow as pa

from viewer.io import free_memory
from viewer.model.problems import LoadError, Problem

COMPRESSIONS = {".gz": "gzip", ".gzip": "gzip", ".bz2": "bz2", ".xz": "xz", ".zst": "zstd", ".zstd": "zstd",
                ".zip": "zip"}
TABLES = (".csv", ".tsv", ".tab", ".txt", ".log", ".psv", ".dat", ".json", ".jsonl", ".ndjson", ".geojson",
          ".sav", ".zsav", ".por", ".dta", ".sas7bdat", ".xpt")  # (and stat_files.SUFFIXES: UCDP zips its .dta)
MAGIC = {b"\x1f\x8b": "gzip", b"\xfd7zXZ\x00": "xz", b"\x28\xb5\x2f\xfd": "zstd"}
BZIP2 = re.compile(rb"BZh[1-9]1AY&SY")  # (its first bytes alone, "BZh", may begin a text table)
TARS = (".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".tar.gz", ".tar.bz2", ".tar.xz")  # tarfile unpacks each
ARCHIVES = ("zip", "tar")  # packings that hold several files: a table is one of them
FIRST = ("outbox.json",)  # read before any larger table: a Mastodon archive's posts, not its likes
# what unpacking a damaged, cut or encrypted file raises (a ZIP member encrypted: RuntimeError)
UNPACKING_ERRORS = (OSError, EOFError, ValueError, RuntimeError, NotImplementedError, zlib.error, lzma.LZMAError,
                    zipfile.BadZipFile, tarfile.TarError, pa.ArrowException)


@dataclass(frozen=True)
class TarMember:
    """A tar archive's file, as a ZIP archive's ``ZipInfo`` names one."""

    filename: str
    file_size: int


def _magic(path: Path) -> str | None:
    """The packing a table's first bytes show (gzip saved as ``events.csv``), else None."""
    try:
        with path.open("rb") as handle:
            head = handle.read(10)
    except OSError:
        return None
    return packing(head)


def packing(head: bytes) -> str | None:
    """The packing a file's first bytes show (``gzip``, ``bz2``, ``xz``, ``zstd``), whatever its name; else None."""
    if BZIP2.match(head):
        return "bz2"
    return next((kind for magic, kind in MAGIC.items() if head.startswith(magic)), None)


def compression(path: Path) -> str | None:
    """The compression a file's name says (``gzip`` for ``events.csv.gz``, ``tar`` for ``data.tar.gz``), or a
    table's first bytes show; else None."""
    if path.name.lower().endswith(TARS):
        return "tar"
    named = COMPRESSIONS.get(path.suffix.lower())
    if named is not None or path.suffix.lower() not in TABLES:
        return named
    return _magic(path)


def members(path: Path) -> list[zipfile.ZipInfo] | list[TarMember]:
    """A ZIP (or tar) archive's files, without folders, nameless entries and macOS's resource copies; [] when it
    cannot be read."""
    if compression(path) == "tar":
        try:
            stat = path.stat()
        except OSError:
            return []
        return _tar_members(str(path), stat.st_size, stat.st_mtime_ns)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError):  # (a damaged version field)
        return []
    return files_of(infos)


def files_of(infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """An archive's entries that are files: not folders, nameless entries or macOS's resource copies."""
    return [i for i in infos if i.filename and not i.is_dir() and not i.filename.startswith("__MACOSX/")
            and not PurePosixPath(i.filename).name.startswith("._")]


@lru_cache(maxsize=8)
def _tar_members(path: str, _size: int, _changed: int) -> list[TarMember]:
    """A tar archive's regular files (listed once per version of the file: a .tar.gz is unpacked to list them)."""
    try:
        with tarfile.open(path, "r:*") as archive:
            found = [TarMember(i.name, i.size) for i in archive.getmembers() if i.isfile()]
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error, lzma.LZMAError):
        return []
    return [i for i in found if not i.filename.startswith("__MACOSX/")
            and not PurePosixPath(i.filename).name.startswith("._")]


def _tar_links(path: Path) -> list[tuple[str, str]]:
    """A tar archive's links (symbolic or hard) and where they point: said when they are all it holds (it was called
    damaged or empty)."""
    try:
        with tarfile.open(path, "r:*") as archive:
            return [(i.name, i.linkname) for i in archive.getmembers() if i.issym() or i.islnk()]
    except (tarfile.TarError, OSError, EOFError, ValueError, zlib.error, lzma.LZMAError):
        return []


@lru_cache(maxsize=16)
def _tar_head(path: str, _size: int, _changed: int, size: int) -> bytes:
    """The first ``size`` bytes of a tar archive's table (kept per version of the file: the dispatch and the
    readers each look at the head, and a .tar.gz is unpacked up to the table for every look)."""
    with open_member(Path(path)) as stream:
        return stream.read(size)


def member(path: Path) -> zipfile.ZipInfo | TarMember | None:
    """The table a ZIP or tar archive holds (its largest, when it holds several; a .txt only when nothing else is a
    table: archives carry their README as text; a Mastodon archive's outbox first), else None."""
    tables = [i for i in members(path) if PurePosixPath(i.filename).suffix.lower() in TABLES]
    return max(tables, key=lambda i: (PurePosixPath(i.filename).name.lower() in FIRST,
                                      PurePosixPath(i.filename).suffix.lower() != ".txt", i.file_size),
               default=None)


def member_read(path: Path) -> list[Problem]:
    """Which file of a ZIP or tar archive of several was read (said, as a workbook's sheet is)."""
    if compression(path) not in ARCHIVES or len(held := members(path)) < 2:
        return []
    chosen = member(path)
    names = ", ".join(i.filename for i in held[:8]) + (" …" if len(held) > 8 else "")
    return [Problem(str(path), f"read {chosen.filename if chosen else '?'} from the archive (it holds {names})",
                    None, None, "info")]


def said_read(path: Path, dataset: Any) -> Any:
    """The dataset read from an archive, with :func:`member_read` said when its reader (a chat's, a log's) did not
    say it: a ZIP of a calendar, a family tree and a chat opened as the chat alone, the others unnamed."""
    if not any("from the archive" in problem.message for problem in dataset.problems):
        dataset.problems.extend(member_read(path))
    return dataset


@contextmanager
def open_member(path: Path) -> Iterator[IO[bytes]]:
    """The table a ZIP or tar archive holds (:func:`member`), opened to be read as it unpacks."""
    held = member(path)
    if held is None:
        check_readable(path)  # says what the archive holds
        raise LoadError(f"{path}: an archive holding no table")
    if isinstance(held, TarMember):
        with tarfile.open(path, "r:*") as tar:
            unpacked = tar.extractfile(held.filename)
            if unpacked is None:
                raise LoadError(f"{path}: {held.filename} cannot be unpacked from the archive")
            with unpacked:
                yield unpacked
        return
    with zipfile.ZipFile(path) as archive, archive.open(held) as stream:
        yield stream


def inner_suffix(path: Path) -> str:
    """The suffix of what a file holds: ``.csv`` for ``events.csv.gz`` (and a ZIP holding ``events.csv``) as for
    ``events.csv``."""
    kind = compression(path)
    if kind is None or path.suffix.lower() in TABLES:  # (a table's name packed by another name's tool)
        return path.suffix.lower()
    if kind in ARCHIVES:
        held = member(path)
        return PurePosixPath(held.filename).suffix.lower() if held is not None else ""
    return Path(path.stem).suffix.lower()


def stem(path: Path) -> str:
    """The name without its suffix, nor its compression's: ``events`` for ``events.csv.gz``."""
    if path.suffix.lower() in COMPRESSIONS and Path(path.stem).suffix.lower() in TABLES:
        return Path(path.stem).stem
    tar = next((suffix for suffix in TARS if path.name.lower().endswith(suffix)), None)
    return path.name[:-len(tar)] if tar and len(path.name) > len(tar) else path.stem


def check_readable(path: Path) -> None:
    """LoadError naming the file when it is compressed and holds no table Entente reads compressed."""
    kind = compression(path)
    if kind in ARCHIVES and member(path) is None:
        names = [PurePosixPath(i.filename).name for i in members(path)]
        packing = "ZIP" if kind == "zip" else "tar"
        if not names and (links := _tar_links(path) if kind == "tar" else []):
            shown = ", ".join(f"{name} → {target}" for name, target in links[:3]) + (" …" if len(links) > 3 else "")
            raise LoadError(f"{path}: a tar archive holding links and no file ({shown}), and a link in an archive is "
                            "never followed; expected an archive holding a table (CSV, TSV, text, JSON records or "
                            "lines, SPSS, Stata, SAS)")
        if not names:
            raise LoadError(f"{path}: a {packing} archive that cannot be read (damaged, cut short or empty); expected "
                            "an archive holding a table (CSV, TSV, text, JSON records or lines, SPSS, Stata, SAS)")
        what = f"holding {', '.join(names[:5])}{' …' if len(names) > 5 else ''}"
        raise LoadError(f"{path}: a {packing} archive {what}; Entente reads a table from an archive (CSV, TSV, text, "
                        "JSON records or lines, SPSS, Stata, SAS): unpack the others first")
    if compression(path) is not None and inner_suffix(path) not in TABLES:
        held = inner_suffix(path) or "file without a suffix"
        raise LoadError(f"{path}: a compressed {held}; Entente reads compressed tables (CSV, TSV, text, JSON "
                        f"records or lines, SPSS, Stata, SAS, e.g. events.csv.gz): unpack it first")


def read_bytes(path: Path) -> bytes:
    """The file's bytes, unpacked when its name says it is compressed; LoadError naming the file when the
    packing is damaged or cut short, or when it unpacks to more than the free memory can read
    (:mod:`~viewer.io.free_memory`: unpacking stops there, so an archive of gigabytes of zeros is refused
    after the limit, not after filling the memory)."""
    kind = compression(path)
    try:
        check_room(path)
        if kind is None:
            return path.read_bytes()
        if kind in ARCHIVES:
            with open_member(path) as stream:  # (RuntimeError for an encrypted member, BadZipFile for a damaged one)
                return _read_within(path, stream)
        with _opened(path, kind) as stream:
            return _read_within(path, stream)
    except UNPACKING_ERRORS as exc:
        if kind is None:
            raise LoadError(f"{path}: cannot be read ({exc})") from exc
        raise LoadError(f"{path}: not a readable {kind} file ({exc}); expected a table packed with {kind}") from exc


CHUNK = 1 << 24


def _read_within(path: Path, stream: IO[bytes]) -> bytes:
    """All of an unpacking stream, or LoadError once it passes what the free memory can read."""
    limit = free_memory.readable_bytes()
    parts: list[bytes] = []
    size = 0
    while chunk := stream.read(CHUNK):
        parts.append(chunk)
        size += len(chunk)
        if limit is not None and size > limit:
            raise free_memory.too_big(path, limit, "unpacks to more than")
    return b"".join(parts)


def read_head(path: Path, size: int = 4096) -> bytes:
    """The first ``size`` bytes of what the file holds, unpacked as far as that (b"" when they cannot be read: the
    full read says why)."""
    kind = compression(path)
    try:
        if kind in ("gzip", "bz2", "xz", "zstd"):
            with _opened(path, kind) as stream:
                return bytes(stream.read(size))
        if kind == "zip" and member(path) is not None:
            with open_member(path) as stream:
                return stream.read(size)
        if kind == "tar" and member(path) is not None:  # (kept: a .tar.gz is unpacked up to its table each time)
            stat = path.stat()
            return _tar_head(str(path), stat.st_size, stat.st_mtime_ns, size)
        with path.open("rb") as handle:
            return handle.read(size)
    except (*UNPACKING_ERRORS, LoadError):
        return b""


ROWS_TOLD_FROM = 1 << 20  # bytes of a table's head its rows are told from (a smaller table needs little memory)


def check_room(path: Path, table: bool = False) -> None:
    """LoadError when what the file holds, as far as can be told without unpacking it (a ZIP member's size, the
    size gzip keeps at its end), needs more memory than is free; unpacking checks the rest as it goes. A delimited
    ``table``'s rows are counted too, as many as its first megabyte holds for its size (:func:`free_memory.need`)."""
    kind = compression(path)
    try:
        if kind is None:
            size, held = path.stat().st_size, "holds"
        elif kind in ARCHIVES and (member_info := member(path)) is not None:
            size, held = member_info.file_size, "unpacks to"
        elif kind == "gzip":
            with path.open("rb") as handle:
                handle.seek(-4, io.SEEK_END)  # (modulo 4 GB: a bomb of more is stopped while unpacking)
                size, held = int.from_bytes(handle.read(4), "little"), "unpacks to"
            if size > DEFLATE_MOST * path.stat().st_size:  # a file cut short: its last bytes are no size, and
                return  # unpacking says it is cut (2,000 bytes "unpacked to 3.7 GB", refused for memory)
        else:
            return
        rows = free_memory.rows_in(read_head(path, ROWS_TOLD_FROM), size) if table and size > ROWS_TOLD_FROM else 0
        free_memory.check(path, size, held, rows=rows)
    except OSError:
        return  # the read says why


DEFLATE_MOST = 1032  # deflate's most: no gzip unpacks to more than this many times its size
PREVIEW_BYTES = 1 << 20
UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
UTF32_MARKS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")


def read_records_head(path: Path, size: int = PREVIEW_BYTES) -> bytes:
    """The first ``size`` bytes of a delimited text (unpacked), cut after its last line break that no quoted
    value spans: its first rows, whole, for a preview of a file of gigabytes. The whole text when it is no
    longer, when it is UTF-16 (its line breaks are two bytes) or when no such line break is found."""
    head = read_head(path, size + 1)
    if len(head) <= size and head:
        return head
    if head.startswith(UTF32_MARKS):
        return read_bytes(path)
    if head.startswith(UTF16_MARKS):  # cut as text, written back as UTF-16 with its mark
        text = head[:size - size % 2].decode("utf-16", errors="ignore")
        return (text[:cut + 1].encode("utf-16") if (cut := _whole_records(text)) > 0 else read_bytes(path))
    if not head or head[:4096].count(b"\x00") > 64:  # UTF-16 without its mark: read whole
        return read_bytes(path)
    cut = _whole_records(head[:size])
    return head[:cut + 1] if cut > 0 else read_bytes(path)


def _whole_records(text: AnyStr) -> int:
    """Where the last line break of ``text`` that no quoted value spans is (-1: none within 200 lines of the
    end: a quote left open, or no line breaks)."""
    newline, quote = ("\n", '"') if isinstance(text, str) else (b"\n", b'"')
    cut = text.rfind(newline)
    for _ in range(200):  # a quote left open at the cut: back to an earlier line
        if cut <= 0 or text.count(quote, 0, cut) % 2 == 0:
            return cut
        cut = text.rfind(newline, 0, cut)
    return -1


def count_lines(path: Path) -> int:
    """The lines of what the file holds (unpacked as it is read, a chunk at a time; a last line without its
    line break counts)."""
    lines, last = 0, b"\n"
    with unpacking(path) as stream:
        while chunk := stream.read(CHUNK):
            lines += chunk.count(b"\n")
            last = chunk[-1:]
    return lines + (last != b"\n")


def unpacking(path: Path) -> IO[bytes]:
    """The file opened for reading what it holds, unpacked as it is read (a ZIP or tar archive's table: unpacked
    whole, :func:`read_bytes`)."""
    kind = compression(path)
    if kind in ARCHIVES:
        return io.BytesIO(read_bytes(path))
    return path.open("rb") if kind is None else _opened(path, kind)


def _opened(path: Path, kind: str) -> IO[bytes]:
    if kind == "gzip":
        return io.BufferedReader(gzip.GzipFile(path, "rb"))
    if kind == "zstd":
        return pa.input_stream(str(path), compression="zstd")
    return bz2.open(path, "rb") if kind == "bz2" else lzma.open(path, "rb")
