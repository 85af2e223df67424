"""Reading a whole small document file for a loader: one place for 'cannot be read' and 'empty'."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

from viewer.model.problems import LoadError

# what a damaged XML document raises: expat's errors, an unknown encoding in its declaration (LookupError), a
# document nested past the stack, text that is not in its declared encoding
XML_ERRORS = (ET.ParseError, LookupError, RecursionError, ValueError)


def read_document(path: Path, expected: str) -> bytes:
    """The file's bytes; LoadError naming the file when it cannot be read or holds only white space."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    if not data.strip():
        raise LoadError(f"{path}: empty file; expected {expected}")
    return data


def read_json(path: Path, expected: str) -> object:
    """The parsed JSON document (UTF-8, with or without BOM); LoadError naming the file otherwise."""
    data = read_document(path, expected)
    try:
        return json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({exc}); expected {expected}") from exc
