"""A PDF's text, for a chronology kept in one (a report's appendix, a court filing, a timeline printed to PDF): its
lines led by a date become events, as a text of notes' do (:mod:`viewer.io.document_blocks`).

The text is taken by pypdf (pure Python) in a **process of its own**, with a time limit: a hostile PDF can make a
parser loop or fill memory, and only the text comes back; if that process fails or runs out of time the file is
refused by name while Entente keeps running. Lines a printer wrapped are joined again (a line that begins in
lower case after one that ends mid-sentence); ligatures (``ﬁ``) and the gaps some writers put between words are
undone. A PDF with no text (a scan) is refused, saying so.
"""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

from viewer.io import child
from viewer.model.problems import LoadError

SUFFIXES = (".pdf",)
MAGIC = b"%PDF-"
CHILD_ENV = "ENTENTE_READ_PDF"  # set: the bundle's binary is a reading child (packaging/launcher.py)
SECONDS = 120  # the child's time to take a PDF's text
MOST_PAGES = 5_000
MOST_CHARS = 50_000_000
EXPECTED = "a PDF whose text can be selected, holding lines led by a date (19 November 2018 – …)"
_ENDS_SENTENCE = re.compile(r"[.!?:;)\]\"\u201d]\s*$")


def text_lines(path: Path) -> list[str]:
    """The PDF's lines of text, page after page, wrapped lines joined (see the module)."""
    with tempfile.TemporaryDirectory(prefix="entente-pdf-") as folder:
        out = Path(folder) / "text.pickle"
        command, env = child.command(__name__, CHILD_ENV, [str(path), str(out)])
        try:
            done = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE, check=False, timeout=SECONDS)
        except subprocess.TimeoutExpired:
            raise LoadError(f"{path}: its text could not be taken in {SECONDS} s (a damaged or hostile PDF?); "
                            f"expected {EXPECTED}") from None
        if done.returncode != 0 or not out.is_file():
            said = done.stderr.decode("utf-8", "replace").strip().splitlines()
            raise LoadError(f"{path}: the PDF reader failed (exit code {done.returncode}"
                            f"{': ' + said[-1] if said else ''}); expected {EXPECTED}")
        answer = pickle.loads(out.read_bytes())
    if isinstance(answer, str):
        raise LoadError(f"{path}: {answer}; expected {EXPECTED}")
    return joined(answer)


def is_pdf(path: Path) -> bool:
    """Whether a file is a PDF by its first bytes, whatever its name."""
    with path.open("rb") as handle:
        return handle.read(len(MAGIC)) == MAGIC


def child_main() -> None:
    """The child's side: take the text of the PDF named on the command line and leave it (or why not) where the
    parent waits for it."""
    path, out = sys.argv[-2:]
    Path(out).write_bytes(pickle.dumps(_pages(path), protocol=pickle.HIGHEST_PROTOCOL))


def _pages(path: str) -> list[str] | str:
    """Each page's text, or why there is none."""
    import pypdf  # noqa: PLC0415 - only the child reads PDFs
    try:
        reader = pypdf.PdfReader(path)
        if reader.is_encrypted and not reader.decrypt(""):
            return "an encrypted PDF (it needs a password)"
        pages: list[str] = []
        size = 0
        for number, page in enumerate(reader.pages):
            if number >= MOST_PAGES or size > MOST_CHARS:
                break
            text = page.extract_text() or ""
            pages.append(text)
            size += len(text)
    except Exception as exc:
        return f"not a readable PDF ({type(exc).__name__}: {exc})"
    if not any(page.strip() for page in pages):
        return "a PDF with no text to select (a scanned page is an image; run it through OCR first)"
    return pages


def joined(pages: list[str]) -> list[str]:
    """The pages' lines, normalised (ligatures, gaps as spaces), each wrapped line joined to the one it continues."""
    lines: list[str] = []
    for page in pages:
        for raw in unicodedata.normalize("NFKC", page).splitlines():
            line = " ".join(raw.replace("\t", " ").split())
            if (line and lines and lines[-1] and line[0].islower() and not _ENDS_SENTENCE.search(lines[-1])):
                lines[-1] += " " + line
            else:
                lines.append(line)
        lines.append("")  # a page ends a paragraph
    return lines
