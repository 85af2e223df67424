"""Reading a whole small document file for a loader: one place for 'cannot be read' and 'empty'."""

from __future__ import annotations

import datetime as dt
import errno
import json
import os
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from viewer.io import compressed, extended_json
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


WEB_SCHEMES = ("http", "https", "ftp", "ftps", "sftp", "s3", "s3a", "gs", "gcs", "az", "abfs", "abfss", "hf")


def local_path(text: str) -> str:
    """A path given as written, a ``file://`` address as the path it names (a file dragged from a browser's
    downloads); LoadError for a web or cloud address, which Entente never reaches (it read ``https://x/a.csv`` as the
    missing file ``https:/x/a.csv``)."""
    scheme, _, rest = text.partition("://")
    if not rest or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]+", scheme):  # (C:\\ is a drive, not a scheme)
        return text
    if scheme.lower() == "file":
        from urllib.parse import unquote, urlsplit  # noqa: PLC0415 - only for such an address
        parts = urlsplit(text)
        return unquote(parts.path) if parts.netloc in ("", "localhost") else text
    if scheme.lower() in WEB_SCHEMES:
        raise LoadError(f"{text}: a {'cloud storage' if scheme.lower() not in WEB_SCHEMES[:5] else 'web'} address; "
                        "Entente reads files on this machine and never reaches the network: download it, then open "
                        "the file")
    return text


def at_home(path: Path) -> Path:
    """``~/events.csv`` in the home folder, as pandas reads it; ``~someone`` of no user on this machine as written
    (Python raised "Could not determine home directory")."""
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def missing(path: Path) -> str:
    """Why a path that does not exist is not there (to follow the path's name in a message): nothing of that name,
    or a link that leads nowhere or to itself (a loop of links was said as "no such file or folder", though the
    user could see it listed)."""
    if not path.is_symlink():
        return "no such file or folder"
    try:
        path.resolve(strict=True)
    except (RuntimeError, OSError) as exc:  # (Python 3.11 says a loop with RuntimeError, later ones with ELOOP)
        if isinstance(exc, RuntimeError) or exc.errno == errno.ELOOP:
            return "a link that leads back to itself (a loop of links); expected a file or a folder"
    return f"a link to {os.readlink(path)}, which does not exist; expected a file or a folder"


def utf8(data: bytes) -> bytes:
    """A text's bytes as UTF-8: UTF-16 or UTF-32 under its byte order mark (what Windows PowerShell's
    ``ConvertTo-Json > file.json`` writes) transcoded, its mark dropped; any other bytes as they are. A
    character cut in half at the end reads as U+FFFD."""
    if data.startswith(compressed.UTF32_MARKS):  # (before UTF-16's: UTF-32-LE's mark begins with it)
        return data.decode("utf-32", errors="replace").encode()
    if data.startswith(compressed.UTF16_MARKS):
        return data.decode("utf-16", errors="replace").encode()
    return data


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")  # a pair ("\\ud83d\\ude00") is one character once decoded


def loads(text: str) -> Any:
    """``json.loads``, with each lone surrogate ("\\ud800": valid JSON, no Unicode; a tool that cut an emoji in
    half writes one) read as U+FFFD. Such a string could not be shown, stored or handed to Arrow: every
    JSON reader crashed on it. Only a text that escapes a surrogate at all takes the slower, hooked parse.
    MongoDB's wrapped values (:mod:`viewer.io.extended_json`) are unwrapped where a text writes them."""
    hook = extended_json.unwrap if extended_json.written_in(text) else None  # mongoexport's {"$date": …}
    if not escapes_surrogates(text):
        return parse(text, object_hook=hook)
    return _cleaned(parse(text, object_pairs_hook=lambda pairs: (hook or _same)(
        {_cleaned(k): _cleaned(v) for k, v in pairs})))


def parse(text: str, **hooks: Any) -> Any:
    """``json.loads``, with an integer of more digits than Python converts (4,300: an id or a hash written as a
    number) kept as the text it is written as, where ``json.loads`` raised a ValueError that is no
    JSONDecodeError. Only a text holding one takes the slower parse that calls back for every integer."""
    try:
        return json.loads(text, **hooks)
    except json.JSONDecodeError:
        raise
    except ValueError:
        return json.loads(text, parse_int=integer, **hooks)


def integer(text: str) -> int | str:
    """An integer literal of JSON as an int; one too long for Python to convert, as written."""
    try:
        return int(text)
    except ValueError:
        return text


def _same(value: dict[str, Any]) -> Any:
    return value


def escapes_surrogates(text: str) -> bool:
    """Whether a JSON text writes a surrogate as an escape (a pair for an emoji, or a lone one)."""
    return _SURROGATE_ESCAPE.search(text) is not None


def _cleaned(value: Any) -> Any:
    """A string without lone surrogates, or a list with its strings (and lists) so cleaned: objects are
    cleaned by the hook as they are parsed."""
    if isinstance(value, str):
        return _LONE_SURROGATE.sub("\ufffd", value)
    if isinstance(value, list):
        todo = [value]
        while todo:
            items = todo.pop()
            for at, item in enumerate(items):
                if isinstance(item, str):
                    items[at] = _LONE_SURROGATE.sub("\ufffd", item)
                elif isinstance(item, list):
                    todo.append(item)
    return value


def json_error(exc: Exception, one_line: bool = False) -> str:
    """Where a JSON text stops parsing (``one_line``: its column only) and, for the usual slips, what it holds there
    instead: a comment or a trailing comma (as editors keep settings, JSONC), single quotes or None (a Python dict
    printed), a text cut short."""
    if not isinstance(exc, json.JSONDecodeError):
        return "nested too deeply" if isinstance(exc, RecursionError) else str(exc)
    doc, at = exc.doc, exc.pos
    ahead = doc[at:at + 5]
    if ahead.startswith(("//", "/*", "#")):
        hint = "a comment, which JSON does not allow"
    elif doc[:at].rstrip().endswith(",") and ahead[:1] in ("]", "}"):
        hint = f"a comma before the closing {ahead[:1]}, which JSON does not allow"
    elif ahead.startswith("'"):
        hint = "text in single quotes, which JSON writes in double quotes (a Python dict printed, not JSON?)"
    elif ahead.startswith(("None", "True", "False")):
        hint = f"Python's {ahead.rstrip(',}] ')}, which JSON writes null, true or false (a Python dict printed?)"
    elif not doc[at:].strip():
        hint = "the text ends before its JSON does: cut short?"
    elif exc.msg.startswith("Unterminated string"):
        hint = "a string whose closing quote never comes: cut short?"
    else:
        hint = f"{exc.msg[0].lower()}{exc.msg[1:]}, found {ahead!r}"
    return f"{'' if one_line else f'line {exc.lineno}, '}column {exc.colno}: {hint}"


def read_json(path: Path, expected: str) -> object:
    """The parsed JSON document (UTF-8, with or without BOM); LoadError naming the file otherwise."""
    data = read_document(path, expected)
    try:
        return loads(utf8(data).decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise LoadError(f"{path}: not readable JSON ({json_error(exc)}); expected {expected}") from exc


def json_document(path: Path, expected: str, looks_like: Callable[[object], bool]) -> dict[str, Any]:
    """The file's JSON object, parsed (:func:`loads`); LoadError naming the file when it is no JSON or not what
    ``looks_like`` takes (``expected`` says what that is)."""
    document = read_json(path, expected)
    if not isinstance(document, dict) or not looks_like(document):
        raise LoadError(f"{path}: expected {expected}")
    return document


def object_at(item: dict[str, Any], key: str) -> dict[str, Any]:
    """The object under ``key`` in a record of a document ({} when it is missing or something else)."""
    found = item.get(key)
    return found if isinstance(found, dict) else {}


def objects_at(item: dict[str, Any], key: str) -> list[dict[str, Any]]:
    """The objects of the list under ``key`` ([] when it is missing or no list; other items left out)."""
    found = item.get(key)
    return [x for x in found if isinstance(x, dict)] if isinstance(found, list) else []


def texts_at(item: dict[str, Any], key: str) -> list[str]:
    """The strings of the list under ``key`` ([] when it is missing or no list; other items left out)."""
    found = item.get(key)
    return [x for x in found if isinstance(x, str)] if isinstance(found, list) else []


def utc_instant(value: object) -> str | None:
    """An ISO 8601 timestamp with its offset as UTC ISO text to the microsecond (one without an offset taken as
    UTC, as exports write UTC); None when it is not one.

    >>> utc_instant("2023-01-05T10:00:00.5+01:00"), utc_instant("5 Jan 2023")
    ('2023-01-05T09:00:00.500000Z', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        stamp = dt.datetime.fromisoformat(value.strip())
        if stamp.tzinfo is not None:
            stamp = stamp.astimezone(dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
