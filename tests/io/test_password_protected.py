"""Office files encrypted with a password are refused saying so and how to open them, whatever their name (they
were "not a readable Excel workbook (Can't find workbook in OLE2 compound document)")."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import viewer
from viewer.io import protected
from viewer.model.problems import LoadError

# Excel's "Encrypt with Password" (password "secret"), as msoffcrypto-tool writes it: an OLE container holding the
# workbook as an EncryptedPackage stream
LOCKED = Path(__file__).parent / "fixtures_tables" / "password_secret.xlsx"


@pytest.mark.parametrize(("name", "what"), [("budget.xlsx", "an Excel workbook"), ("budget.xls", "an Excel workbook"),
                                            ("minutes.docx", "a Word document"),
                                            ("download", "an Office workbook or document")])
def test_a_password_protected_file_is_refused_saying_so(tmp_path: Path, name: str, what: str) -> None:
    path = tmp_path / name
    shutil.copy(LOCKED, path)
    with pytest.raises(LoadError) as refused:
        viewer.load(path)
    said = str(refused.value)
    assert said.startswith(f"{path}: {what} protected by a password")
    assert "save a copy without one" in said and "OLE2" not in said


def test_what_the_old_excel_reader_says_of_an_encrypted_workbook_counts(tmp_path: Path) -> None:
    plain = tmp_path / "plain.xls"
    plain.write_bytes(protected.OLE_MAGIC + bytes(504))
    assert not protected.password_protected(plain)
    assert protected.password_protected(plain, "Workbook is encrypted")  # (xlrd's words for RC4 encryption)
    assert not protected.password_protected(tmp_path / "absent.xlsx")


def test_the_stream_name_is_found_across_the_pieces_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(protected, "_SCANNED", 512)
    path = tmp_path / "big.xlsx"
    body = bytearray(protected.OLE_MAGIC + bytes(2000))
    body[1020:1020 + len(protected.ENCRYPTED_PACKAGE)] = protected.ENCRYPTED_PACKAGE  # astride two pieces
    path.write_bytes(bytes(body))
    assert protected.password_protected(path)
