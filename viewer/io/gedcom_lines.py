"""GEDCOM's lines, for :mod:`viewer.io.gedcom`: the file's bytes decoded, and its lines (``level [@xref@] TAG
[value]``) nested into records, each record's only when it is read (a big file is never held line by line).

Decoding goes by the byte order mark first (UTF-8, UTF-16), then by UTF-16's zero bytes, then by the HEAD's
``CHAR``: UTF-8, UNICODE (UTF-16), ANSI (cp1252), ASCII, ANSEL (:mod:`viewer.io.ansel`), IBMPC, MACINTOSH. A
file that declares a single-byte character set but is valid UTF-8 with letters beyond ASCII is read as UTF-8
(exporters leave ``CHAR ANSEL`` in files they write in UTF-8). Bytes that do not decode become U+FFFD.

Lines end in CR, LF, CR LF or LF CR; blank lines and leading white space are passed over; ``CONC`` and
``CONT`` continue the value of the line they are under (CONT on a new line). A line that does not parse, or
that comes before any record, is skipped and counted.
"""

from __future__ import annotations

import codecs
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from viewer.io import ansel

ENCODINGS = {"UTF-8": "utf-8", "UTF8": "utf-8", "UNICODE": "utf-16", "UTF-16": "utf-16", "UTF16": "utf-16",
             "ANSI": "cp1252", "WINDOWS-1252": "cp1252", "CP1252": "cp1252", "WINDOWS": "cp1252",
             "ISO-8859-1": "latin-1", "ISO8859-1": "latin-1", "LATIN1": "latin-1", "ASCII": "ascii",
             "ANSEL": "ansel", "IBMPC": "cp437", "IBM WINDOWS": "cp1252", "MACINTOSH": "mac_roman"}
HEAD_CHARS = 65_536  # bytes looked at for the HEAD's CHAR
_CHAR = re.compile(rb"[\r\n][ \t]*1[ \t]+CHAR[ \t]+([^\r\n]*)")
# a line: level (leading zeros aside), cross-reference id, tag and value
_GRAMMAR = r"[ \t]*0*(\d{1,2})[ \t]+(?:@([^@\s][^@\n]*)@[ \t]+)?([A-Za-z0-9_]+)(?:[ \t]([^\n]*))?"
_LINE = re.compile(rf"^(?:{_GRAMMAR}|(.*))$", re.MULTILINE)  # every line, one match each; unparsed: the last group
_BAD = re.compile(rf"^(?!{_GRAMMAR}$)[^\n]*\S[^\n]*$", re.MULTILINE)  # a line that is not blank and does not parse
_RECORD = re.compile(r"^[ \t]*0+[ \t]+(?:@[^@\s][^@\n]*@[ \t]+)?([A-Za-z0-9_]+)(?=[ \t]|$)", re.MULTILINE)
_HEAD = re.compile(r"\s*0[ \t]+HEAD\s*(?:$|[\r\n])")


def looks_like(head: object) -> bool:
    """Whether the first bytes of a file start a GEDCOM file: an optional byte order mark and white space,
    then the line ``0 HEAD``."""
    if not isinstance(head, bytes | bytearray):
        return False
    start = bytes(head[:512])
    encoding = _utf16(start)
    if encoding:
        text = start.decode(encoding, errors="ignore").lstrip("\ufeff")
    else:
        text = start.removeprefix(codecs.BOM_UTF8).decode("latin-1")
    return _HEAD.match(text[:256]) is not None


def _utf16(data: bytes) -> str:
    """The UTF-16 codec of data that starts with its byte order mark or with zero bytes beside ASCII ('' if not)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(data) >= 2 and data[0] == 0 and data[1] != 0:
        return "utf-16-be"
    if len(data) >= 2 and data[1] == 0 and data[0] != 0:
        return "utf-16-le"
    return ""


def decode(data: bytes) -> tuple[str, list[tuple[str, str]]]:
    """The file's text, and what is worth saying about how it was read: (level, message) pairs."""
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8", errors="replace"), []
    encoding = _utf16(data)
    if encoding:
        return data.decode(encoding, errors="replace").lstrip("\ufeff"), []
    found = _CHAR.search(data[:HEAD_CHARS])
    declared = found[1].decode("latin-1").strip().upper() if found else ""
    if data.isascii():
        return data.decode("ascii"), []
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte(data, declared, ENCODINGS.get(declared, ""))
    if ENCODINGS.get(declared, "utf-8") in ("utf-8", "utf-16"):  # UNICODE without its mark nor zero bytes
        return text, []
    return text, [("info", f"the file declares CHAR {declared} but is written in UTF-8; read as UTF-8")]


def _single_byte(data: bytes, declared: str, encoding: str) -> tuple[str, list[tuple[str, str]]]:
    """Bytes that are not UTF-8, in the character set the file declares (Windows-1252 when it names none)."""
    if encoding in ("utf-8", "utf-16"):
        return data.decode("utf-8", errors="replace"), []
    if encoding == "ansel":
        return ansel.decode(data), []
    if encoding and encoding != "ascii":
        return data.decode(encoding, errors="replace"), []
    said = f"declares CHAR {declared} but holds other bytes" if declared else "does not say its CHAR"
    return data.decode("cp1252", errors="replace"), [("warning", f"the file {said}; read as Windows-1252")]


class Node:
    """One line and the lines under it: its tag, value (continued by CONC and CONT), cross-reference id and
    line number in the file."""

    __slots__ = ("children", "level", "line", "more", "tag", "value", "xref")

    def __init__(self, level: int, xref: str, tag: str, value: str, line: int) -> None:
        self.level, self.xref, self.tag, self.value, self.line = level, xref, tag, value, line
        self.children: list[Node] = []
        self.more: list[str] | None = None  # continuation parts, "\n" starting a CONT

    @property
    def text(self) -> str:
        """The whole value, CONC and CONT lines joined, each line trimmed."""
        if self.more is None:
            return self.value.strip()
        joined = self.value + "".join(self.more)
        return "\n".join(line.rstrip() for line in joined.split("\n")).strip()

    def first(self, tag: str) -> Node | None:
        """The first line under this one with the tag."""
        for child in self.children:
            if child.tag == tag:
                return child
        return None

    def text_of(self, tag: str) -> str:
        """The text of the first line under this one with the tag ('' when there is none)."""
        child = self.first(tag)
        return child.text if child is not None else ""

    def firsts(self) -> dict[str, Node]:
        """The first line under this one of each tag."""
        return {child.tag: child for child in reversed(self.children)}


@dataclass(frozen=True)
class Record:
    """Where a record (a level-0 line and the lines under it) is in the text: its first character and line."""

    start: int
    line: int
    tag: str


@dataclass
class Parsed:
    """A file's text, where each record is in it, and the lines skipped: how many, the first one's number and
    text. A record's lines are read and nested into a tree (:meth:`tree`) only when it is asked for, so a big
    file is never held as objects line by line."""

    text: str
    records: list[Record] = field(default_factory=list)
    skipped: int = 0
    first_skipped: int = 0  # the first one's line
    first_text: str = ""

    def trees(self, *tags: str) -> Iterator[Node]:
        """The records with one of the tags, each as its tree, in file order."""
        for k, record in enumerate(self.records):
            if record.tag in tags:
                yield self.tree(record, self.records[k + 1].start if k + 1 < len(self.records) else len(self.text))

    def tree(self, record: Record, end: int) -> Node:
        """The tree of a record whose text ends at ``end``: each line under the nearest line before it with a lower
        level; a CONC or CONT line continues that line's value."""
        rows = _LINE.findall(self.text, record.start, end)  # one per line: (level, xref, tag, value, unparsed)
        _level, xref, tag, value, _rest = rows[0]
        root = parent = Node(0, xref, tag.upper(), value, record.line)
        open_nodes = [root]  # the line last read at each level down to ``parent``, the deepest
        for number, (level_text, xref, tag, value, _rest) in enumerate(rows[1:], start=record.line + 1):
            if not tag:
                continue  # blank, or counted as skipped by parse
            level = int(level_text)
            while parent.level >= level:
                open_nodes.pop()
                parent = open_nodes[-1]
            name = tag.upper()
            if name == "CONC" or name == "CONT":  # noqa: PLR1714 - two compares beat a tuple's, per line
                if parent.more is None:
                    parent.more = []
                parent.more.append("\n" + value if name == "CONT" else value)
            else:
                node = Node(level, xref, name, value, number)
                parent.children.append(node)
                open_nodes.append(node)
                parent = node
        return root


def parse(text: str) -> Parsed:
    """Where the records of the text are; lines that do not parse, or come before any record, are counted as
    skipped."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\n\r", "\n").replace("\r", "\n")
    got = Parsed(text)
    line, at = 1, 0
    for found in _RECORD.finditer(text):
        line += text.count("\n", at, found.start())
        at = found.start()
        got.records.append(Record(at, line, found[1].upper()))
    before = got.records[0].start if got.records else len(text)
    outside = (found for found in _LINE.finditer(text, 0, before) if found[3])  # lines before any record
    first = -1  # where the first skipped line starts
    for found in itertools.chain(outside, _BAD.finditer(text)):
        got.skipped += 1
        if first < 0 or found.start() < first:
            first, got.first_text = found.start(), found[0].strip()[:80]
    if got.skipped:
        got.first_skipped = text.count("\n", 0, first) + 1
    return got


def pointer(value: str) -> str:
    """The id a pointer value names (``@I1@`` → ``I1``); '' for any other value, and for ``@VOID@``."""
    value = value.strip()
    if len(value) > 2 and value[0] == "@" and value[-1] == "@" and value != "@VOID@" and "@" not in value[1:-1]:
        return value[1:-1]
    return ""
