"""Files whose data is not in them, or not in a form anything here reads, each refused saying where the data is
and how to get it: a Google Drive shortcut (``.gsheet``, ``.gdoc`` …: a link to a document kept online, which
Entente never reaches), an Apple Numbers, Pages or Keynote document, an Outlook data file (``.pst``, ``.ost``),
a DuckDB database handed to the loader of files (the window and ``viewer.open`` query it where it is), and an
Avro file (records as Kafka, BigQuery and Spark write them).
They were "JSON that Entente does not recognise" or "a binary file, not .numbers data". Never Qt.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from viewer.model.problems import LoadError

# Google Drive for desktop's shortcuts, by suffix: what each holds and how to download it
GOOGLE = {".gsheet": ("Google Sheets spreadsheet", "File → Download → Comma-separated values (.csv) or Microsoft "
                      "Excel (.xlsx)"),
          ".gdoc": ("Google Docs document", "File → Download → Microsoft Word (.docx) or PDF"),
          ".gslides": ("Google Slides presentation", "File → Download → PDF"),
          ".gform": ("Google Form", "its Responses tab → Download responses (.csv)"),
          ".gsite": ("Google Site", "the pages' tables saved as CSV"),
          ".gdraw": ("Google Drawing", "nothing: a drawing holds no dated events"),
          ".gmap": ("Google My Maps map", "⋮ → Export to KML/KMZ (.kml)")}
APPLE = {".numbers": ("Apple Numbers spreadsheet", "in Numbers, File → Export To → CSV or Excel"),
         ".pages": ("Apple Pages document", "in Pages, File → Export To → Word or PDF"),
         ".key": ("Apple Keynote presentation", "in Keynote, File → Export To → PDF")}
PST_MAGIC = b"!BDN"  # an Outlook data file (.pst, .ost)
AVRO_MAGIC = b"Obj\x01"  # an Avro container file; its header then names its schema ("avro.schema")
DUCKDB_MAGIC = b"DUCK"  # a DuckDB database, from its ninth byte


def refuse(path: Path, head: bytes) -> None:
    """Raise a LoadError saying where the data is when the file is one of those (else nothing)."""
    suffix = path.suffix.lower()
    if suffix in GOOGLE and head.lstrip().startswith(b"{"):
        what, how = GOOGLE[suffix]
        try:
            url = str(json.loads(path.read_text(encoding="utf-8", errors="replace")).get("url") or "")
        except (ValueError, AttributeError, OSError):
            url = ""
        where = f" ({url})" if url.startswith("https://") else ""
        raise LoadError(f"{path}: a shortcut to a {what} kept online{where}, which holds no data on this computer "
                        f"(Entente never goes online); expected the document itself: {how}, then open that")
    if suffix in APPLE and head.startswith(b"PK\x03\x04") and _apple(path):
        what, how = APPLE[suffix]
        raise LoadError(f"{path}: an {what}, which Entente does not read; expected a table or a document: {how}, "
                        "then open that")
    if head[8:12] == DUCKDB_MAGIC and b"\x00" in head[12:24]:  # (then its version, in binary: no CSV "Company,DUCK")
        raise LoadError(f"{path}: a DuckDB database, whose tables are queried where they are, not loaded; expected "
                        f"it opened as a source: viewer.open({str(path)!r}) in Python, entente {path} --table "
                        "NAME, or File → Open in the window")
    if head.startswith(AVRO_MAGIC) and b"avro." in head[:4096]:
        raise LoadError(f"{path}: an Avro file (as Kafka, BigQuery and Spark write records), which Entente does not "
                        "read; expected its records as Parquet or CSV: BigQuery and Spark export either, and DuckDB "
                        "turns one into the other (COPY (FROM read_avro('file.avro')) TO 'file.parquet')")
    if head.startswith(PST_MAGIC):
        raise LoadError(f"{path}: an Outlook data file (.pst), which Entente does not read; expected messages as "
                        ".mbox or .eml files, or a calendar as .ics: export them from Outlook (or read the .pst "
                        "with readpst), then open those")


def _apple(path: Path) -> bool:
    """Whether a ZIP holds an iWork document's ``Index`` of ``.iwa`` archives."""
    try:
        with zipfile.ZipFile(path) as archive:
            return any(name.startswith("Index/") or name == "Index.zip" for name in archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
