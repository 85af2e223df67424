"""Office files encrypted with a password ("Encrypt with Password" in Excel or Word): known by what they hold, and
refused saying so and how to open them (they were "not a readable Excel workbook (Can't find workbook in OLE2
compound document)", or an Office 97-2003 file of no kind Entente reads). Never Qt.
"""

from __future__ import annotations

from pathlib import Path

# the container Office 97-2003 files are saved in (.xls, .doc, .msg), and an encrypted .xlsx or .docx too
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")  # the stream a password-protected Office file keeps
_SCANNED = 1 << 20  # bytes looked through at a time for it


def password_protected(path: Path, said: str = "") -> bool:
    """Whether an Office file is encrypted with a password ("Encrypt with Password" in Excel or Word): an OLE
    container holding an ``EncryptedPackage`` stream in place of the workbook or document (.xlsx, .docx, .pptx,
    whatever its name), or an Excel 97-2003 workbook its reader ``said`` is encrypted."""
    if "encrypted" in said.lower():
        return True
    try:
        with path.open("rb") as handle:
            if handle.read(len(OLE_MAGIC)) != OLE_MAGIC:
                return False
            handle.seek(0)
            tail = b""
            while piece := handle.read(_SCANNED):  # (the directory naming the streams may lie anywhere)
                if ENCRYPTED_PACKAGE in tail + piece:
                    return True
                tail = piece[-len(ENCRYPTED_PACKAGE):]
    except OSError:
        return False
    return False


def message(path: Path, what: str) -> str:
    """What to say of a password-protected workbook or document: what it is and how to open it."""
    article = "an" if what[:1].lower() in "aeiou" else "a"
    return (f"{path}: {article} {what} protected by a password (encrypted), which Entente cannot read; expected it "
            "without its password: open it in Excel, Word or LibreOffice with the password, then save a copy without "
            "one (File → Info → Protect → Encrypt with Password, left empty) or save the sheet as CSV, and open that")
