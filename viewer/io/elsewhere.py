"""Files whose data is not in them, or not in a form anything here reads, each refused saying where the data is
and how to get it: a Google Drive shortcut (``.gsheet``, ``.gdoc`` …: a link to a document kept online, which
Entente never reaches), an Apple Numbers, Pages or Keynote document, an Outlook data file (``.pst``, ``.ost``),
a DuckDB database handed to the loader of files (the window and ``viewer.open`` query it where it is), an Avro
file (records as Kafka, BigQuery and Spark write them), and other programs' data files (an Access database, an
HDF5 file, a dBase table, a shapefile, a Python pickle, R's data files, an Excel binary workbook, an i2
Analyst's Notebook chart in its binary .anb).
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
# other programs' data files: what each is, and how to get a file Entente reads out of it (FILE: its path)
ACCESS = ("a Microsoft Access database, which Entente does not read", "its table as CSV or .xlsx: in Access, "
          "External Data → Export → Text File or Excel; or with mdb-tools, mdb-export FILE TABLE > table.csv")
HDF5 = ("an HDF5 file, which Entente does not read", "its table as Parquet or CSV: in Python, "
        "pandas.read_hdf(FILE, KEY).to_parquet('events.parquet')")
DBASE = ("a dBase table (as a shapefile keeps its attributes), which Entente does not read", "it as CSV: "
         "LibreOffice Calc opens it (File → Save As → Text CSV), and so does QGIS (Export → Save Features As → CSV)")
SHAPES = ("a shapefile's shapes, which hold no dates", "its attributes, in the .dbf beside it, as CSV (LibreOffice "
          "Calc or QGIS save one), or the layer as GeoJSON, which Entente reads (QGIS: Export → Save Features As)")
PICKLE = ("a Python pickle, which Entente never opens (loading one runs the code it holds)", "the data saved as "
          "data: frame.to_parquet('events.parquet') or frame.to_csv('events.csv')")
R_OBJECT = ("an R data file, which Entente does not read", "the data frame as Parquet or CSV: in R, "
            "arrow::write_parquet(readRDS(FILE), 'events.parquet') or write.csv(readRDS(FILE), 'events.csv')")
R_WORKSPACE = ("an R workspace, which Entente does not read", "its data frame as Parquet or CSV: in R, load(FILE), "
               "then arrow::write_parquet(frame, 'events.parquet') or write.csv(frame, 'events.csv') of the frame")
XLSB = ("an Excel binary workbook (.xlsb), which Entente does not read", "it saved as .xlsx or CSV: in Excel, "
        "File → Save As → Excel Workbook")
ANB = ("an i2 Analyst's Notebook chart in its own binary format (.anb), which Entente does not read", "the chart "
       "saved as Analyst's Notebook Exchange (.anx) from Analyst's Notebook, which Entente reads")
BY_SUFFIX = {".anb": ANB, ".dbf": DBASE, ".pkl": PICKLE, ".pickle": PICKLE, ".rds": R_OBJECT, ".rda": R_WORKSPACE,
             ".rdata": R_WORKSPACE, ".xlsb": XLSB, ".mdb": ACCESS, ".accdb": ACCESS, ".h5": HDF5, ".hdf5": HDF5,
             ".shp": SHAPES}
JET_NAMES = (b"Standard Jet DB", b"Standard ACE DB")  # an Access database, from its fifth byte
HDF5_MAGIC = b"\x89HDF\r\n\x1a\n"


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
    foreign = _foreign(path, head)
    if foreign is not None:
        what, how = foreign
        raise LoadError(f"{path}: {what}; expected {how.replace('FILE', repr(str(path)))}")
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


def _foreign(path: Path, head: bytes) -> tuple[str, str] | None:
    """What another program's data file is and how to get a file read out of it (by its first bytes, else its
    suffix), or None."""
    if head[4:19] in JET_NAMES:
        return ACCESS
    if head.startswith(HDF5_MAGIC):
        return HDF5
    return BY_SUFFIX.get(path.suffix.lower())
