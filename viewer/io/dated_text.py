"""Texts read as a chronology when they hold no table: notes whose lines are led by a date, Rich Text under any
name, and a Word 97-2003 ``.doc`` refused saying how to open it (:mod:`viewer.io.documents` reads them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from viewer.io import compressed, document_blocks, documents, table
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

NO_ROWS = "and no rows under them"  # the table reader's refusal of a header alone (table_skipped.no_rows)


def table_or_dated_lines(path: Path, **options: Any) -> Dataset:
    """A text's table; else, where it has no date column, its lines led by a date (a chronology kept as notes:
    "19 November 2018 - Ghosn is arrested"), read as a document's paragraphs are (:mod:`viewer.io.documents`); a
    text of one line led by a date, which the table reader takes for a header with no rows under it, is its
    event."""
    try:
        return table.read(path, **options)
    except LoadError as exc:
        if options.get("sheet") or options.get("mapping") or not (
                ("no date column" in str(exc) and reads_as_dated_lines(path, by_name=False))
                or (NO_ROWS in str(exc) and one_dated_line(path))):
            raise
        try:
            return table.read(path, **{**options, "document": True})
        except LoadError:
            raise exc from None


def document(path: Path, **options: Any) -> Dataset:
    """A document by its content, whatever its name: Rich Text (``{\\rtf``) under .doc or no suffix."""
    return table.read(path, **{**options, "document": True})


def word_97(path: Path, **options: Any) -> Dataset:
    """A .doc: Rich Text or a text as such; a Word 97-2003 document (OLE) refused, saying how to open it."""
    if documents.is_rtf(path):
        return document(path, **options)
    documents.read_word_97(path)
    return table_or_dated_lines(path, **options)


def reads_as_dated_lines(path: Path, by_name: bool = True) -> bool:
    """Whether a text with no date column is read as notes led by dates (a question about its columns would be
    about none: :func:`table_or_dated_lines` reads it); ``by_name``: only a .txt or a file with no suffix."""
    named = compressed.inner_suffix(path) in (".txt", "") or not by_name
    return named and compressed.compression(path) is None and document_blocks.has_dated_lines(path)


def one_dated_line(path: Path) -> bool:
    """Whether a text (not packed) is one line led by a date, however it ends (a line end or none, CRLF) and
    whatever mark opens it (UTF-8's, UTF-16's): "2020-01-05 Renault and Nissan sign the deal"."""
    if compressed.compression(path) is not None:
        return False
    try:
        if path.stat().st_size > document_blocks.SAMPLE_BYTES:  # (a note is no 64 KB line: read no more)
            return False
        blocks = document_blocks.plain_lines(path)
    except OSError:
        return False
    return len(blocks) == 1 and not blocks[0].level and len(document_blocks.dated_rows(blocks)[0]) == 2
