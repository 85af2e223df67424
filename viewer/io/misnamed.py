"""A file whose first bytes say what it is, under the name of a text format: a PDF saved as ``.json`` or ``.html``,
a workbook or a ZIP archive as ``.csv``, gzip's bytes as ``.xml``.

The name chose the reader, which said only what it could not parse ("not UTF-8 text (byte 34)", "no date column among
%PDF-1.4", "a binary file, not .json data"), never what the file is. Now its content tells: a PDF is read as the PDF
it is, as one with no suffix is, and said ("read as a PDF: its name says .json", an info problem); what Entente reads
only under its own name (a workbook, a Word or OpenDocument file, a ZIP archive, a packed file) is refused, naming
what it is and the name to give it. A packed table under a table's name (``events.csv`` in gzip) is unpacked as before
(:func:`viewer.io.compressed.compression`), and a file with no suffix is told by its content as before; a ZIP of any
kind with no suffix (a workbook saved as ``report``) is refused so too.
"""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any

from viewer.io import compressed, pdf, table
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError, Problem

ZIP_MAGIC = b"PK\x03\x04"
# a ZIP archive is what the file it holds says: an Office or OpenDocument file, Google Earth's KMZ
ZIPPED = (("xl/workbook.xml", "an Excel workbook", ".xlsx"), ("word/document.xml", "a Word document", ".docx"),
          ("doc.kml", "a Google Earth KMZ", ".kmz"))
OPEN_DOCUMENTS = {b"application/vnd.oasis.opendocument.spreadsheet": ("an OpenDocument spreadsheet", ".ods"),
                  b"application/vnd.oasis.opendocument.text": ("an OpenDocument text", ".odt")}
ARCHIVE = ("a ZIP archive", ".zip")
PACKED = {"gzip": ".gz", "bz2": ".bz2", "xz": ".xz", "zstd": ".zst"}


def kind(path: Path, head: bytes, text_names: Collection[str]) -> tuple[str, str] | None:
    """What ``path`` is by its first bytes (``head``) and the suffix it would have (``("a PDF", ".pdf")``), when its
    name says otherwise: a PDF under any suffix but its own, the others under a text format's (``text_names``); None
    when the name is right, or says nothing."""
    suffix = path.suffix.lower()
    if head.startswith(ZIP_MAGIC) and (not suffix or suffix in text_names):  # (with no suffix: a workbook saved as
        return _zipped(path)  # "report" was read as text, its columns PK's bytes)
    if not suffix or suffix in pdf.SUFFIXES:
        return None
    if head.startswith(pdf.MAGIC):
        return "a PDF", ".pdf"
    if suffix not in text_names:
        return None
    if suffix in compressed.TABLES:  # (unpacked by the table readers: events.csv in gzip)
        return None
    packing = compressed.packing(head)
    return (f"a {packing}-packed file", PACKED[packing]) if packing in PACKED else None


def _zipped(path: Path) -> tuple[str, str]:
    """What a ZIP archive is by what it holds (a damaged one: an archive still)."""
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            mimetype = archive.read("mimetype")[:100].strip() if "mimetype" in names else b""
    except (OSError, zipfile.BadZipFile, ValueError, EOFError, NotImplementedError, RuntimeError):
        return ARCHIVE
    if mimetype in OPEN_DOCUMENTS:
        return OPEN_DOCUMENTS[mimetype]
    return next(((what, suffix) for held, what, suffix in ZIPPED if held in names), ARCHIVE)


def under_text_name(path: Path, text_names: Collection[str]) -> bool:
    """Whether ``path``'s first bytes say it is other than its name says (:func:`kind`): its own reader takes it, or
    it is refused; no question about its columns is asked."""
    try:
        with path.open("rb") as handle:
            head = handle.read(64)
    except OSError:
        return False  # (the reader says why it cannot be read)
    return kind(path, head, text_names) is not None


def reader(path: Path, head: bytes, text_names: Collection[str]) -> Callable[..., Dataset] | None:
    """The reader of a PDF under another name (:func:`read_pdf`); None when the name is right. LoadError naming what
    the file is and the name to give it, for what Entente reads only under its own name."""
    found = kind(path, head, text_names)
    if found is None:
        return None
    what, own = found
    suffix = path.suffix.lower()
    if own == ".pdf":
        return read_pdf
    then = "the table it holds" if own == ARCHIVE[1] else f"it as {what}"
    how = (f"unpack it first (renamed {path.name}{own}, any archiver unpacks it) and open what it holds" if own in
           PACKED.values() else f"rename it {path.stem}{own} to open {then}")
    named = f"though its name says {suffix}; expected {suffix} text" if suffix else "under a name with no suffix"
    raise LoadError(f"{path}: {what}, {named}: {how}")


def read_pdf(path: str | Path, **options: Any) -> Dataset:
    """A PDF under another name read as one named ``.pdf`` is, and said ("read as a PDF: its name says .json")."""
    path = Path(path)
    dataset = _as_pdf(path, options)
    dataset.problems.insert(0, Problem(str(path), f"read as a PDF: its name says {path.suffix.lower()}", None, None,
                                       "info"))
    return dataset


def _as_pdf(path: Path, options: dict[str, Any]) -> Dataset:
    """``path`` read as a document is (its text's dated lines, as a ``.pdf`` is read), whatever its name says: under
    ``.json`` the table reader would read JSON."""
    return table.read(path, **{**options, "document": True})
