"""A file of a text format whose first bytes say it is no text (an image, a program, an archive, random bytes): said
early, by what it is, instead of reading gigabytes of it as a table of one column."""

from __future__ import annotations

from pathlib import Path

from viewer.io import (
    compressed,
    documents,
    gedcom,
    kmz,
    lines,
    maltego,
    orc_files,
    parquet,
    pdf,
    protected,
    sqlite,
    stat_files,
)
from viewer.model.problems import LoadError

BINARY_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".ods", ".parquet", ".pq", *parquet.IPC_SUFFIXES, *sqlite.SUFFIXES,
                   *stat_files.SUFFIXES, *orc_files.SUFFIXES, kmz.SUFFIX, maltego.SUFFIX, *documents.ARCHIVED,
                   ".doc")
TEXT_BOMS = (*compressed.UTF16_MARKS, *compressed.UTF32_MARKS, b"\xef\xbb\xbf")
COLUMNAR = (parquet.PARQUET_MAGIC, parquet.IPC_MAGIC)  # a Parquet or Arrow IPC file under any name
NOT_DATA = ((b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
            (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"), (b"\x7fELF", "a program (ELF)"),
            (b"MZ", "a Windows program"), (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
            (b"Rar!\x1a\x07", "a RAR archive"), (b"OggS", "an audio file (Ogg)"), (b"fLaC", "an audio file (FLAC)"),
            (b"ID3", "an audio file (MP3)"))  # each with a NUL in its first bytes
DELIMITED_SUFFIXES = ("", ".csv", ".tsv", ".tab", ".txt", ".psv", ".dat", ".prn")  # read as UTF-16 or UTF-32
# without a mark too


def refuse_binary(path: Path, head: bytes, label: str | None = None) -> None:
    """A text format whose first bytes hold NULs is a binary file under the wrong name: say so early
    (instead of reading gigabytes of it); ``label`` names it when ``path`` is what an archive holds."""
    label = label or str(path)
    if path.suffix.lower() in BINARY_SUFFIXES or head.startswith((*TEXT_BOMS, *COLUMNAR, sqlite.MAGIC, pdf.MAGIC,
                                                                    *stat_files.MAGIC, orc_files.MAGIC)) \
            or gedcom.looks_like(head):
        return  # (a GEDCOM file in UTF-16 may come without its mark: its reader knows)
    if head.startswith(b"PK\x03\x04") and path.suffix.lower() in ("", ".csv", ".txt"):
        return  # an xlsx under another name: the table reader knows
    named = next((name for magic, name in NOT_DATA if head.startswith(magic)), None) if b"\x00" in head else None
    if named is not None:  # (an image's bytes may hold few NULs, and would be read as a table of one column)
        raise LoadError(f"{label}: {named}, not {path.suffix or 'a text'} data; expected a table, a calendar, a "
                        "document or another format Entente reads")
    text = head.rstrip(b"\x00") if b"\n" in head.rstrip(b"\x00") else head  # (lines padded with NULs: a crashed log)
    if text.count(b"\x00") <= len(text) // 8 and not lines.control_bytes(text):
        return
    guessed = lines.without_mark(head)
    if guessed is not None and path.suffix.lower() not in DELIMITED_SUFFIXES:
        raise LoadError(f"{label}: {guessed.upper()} text without a byte order mark; expected UTF-8 (or UTF-16 "
                        "with its mark) for this format; a delimited table (.csv, .tsv, .txt) is read either way")
    if guessed is None and head.startswith(protected.OLE_MAGIC) and protected.password_protected(path):
        raise LoadError(protected.message(path, "Office workbook or document"))
    if guessed is None and head.startswith(protected.OLE_MAGIC):
        raise LoadError(f"{label}: an Office 97-2003 file (an Outlook .msg, a .doc, a .ppt …), which Entente does "
                        "not read; expected a message saved as .eml, a document as .docx or PDF, a table as .xlsx")
    if guessed is None:
        raise LoadError(f"{label}: a binary file, not {path.suffix or 'a text'} data; expected text "
                        "(CSV, JSON, XML, iCalendar) or an .xlsx/.parquet table")
