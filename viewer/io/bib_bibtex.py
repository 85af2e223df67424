"""BibTeX and biblatex files (``.bib``), as JabRef, Zotero (Better BibTeX), Mendeley and Google Scholar write them,
parsed by pybtex: ``@string`` macros, ``#`` concatenation and the month macros (``mar`` → March) are its. Its
parser is taken directly (``pybtex.database.input.bibtex.Parser``: the plugin lookup relies on entry points that
a frozen bundle lacks), and taught to keep the line each entry starts on and to say, not raise, what it can read
past: a key used twice (the first entry kept), a field written twice in an entry (the first value kept), an
undefined ``@string`` (left empty). An entry damaged past reading (a key or a comma missing, a brace never closed)
is skipped, naming its line and what was expected there, and reading goes on at the next line that starts an
entry; only a file with no entry left to read is refused.

Names are split by pybtex (``von Last, Jr, First``) and shown "First von Last Jr."; a name in braces as a whole
(``{World Health Organization}``) is an organisation's. LaTeX is made Unicode by latexcodec (``{\\'e}`` → é,
``\\"{o}`` → ö, ``{\\ss}`` → ß, ``--`` → –), formatting commands (``\\emph``, ``\\textit``) are dropped for their text
and the remaining protective braces stripped (``{DNA}`` → DNA). The date is biblatex's ``date`` (``2019-03-04``),
else ``year`` with ``month`` (``mar``, ``March``, ``3``) and ``day``.
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

import latexcodec  # noqa: F401  (registers the "ulatex" codec)
from pybtex.bibtex.utils import split_name_list  # type: ignore[import-untyped]
from pybtex.database import Person  # type: ignore[import-untyped]
from pybtex.database.input.bibtex import (  # type: ignore[import-untyped]
    LowLevelParser,
    Parser,
    UndefinedMacro,
    month_names,
)
from pybtex.exceptions import PybtexError  # type: ignore[import-untyped]
from pybtex.scanner import PrematureEOF, PybtexSyntaxError  # type: ignore[import-untyped]

from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

if TYPE_CHECKING:  # (a dict at run time: this module is imported by bibliography, never the other way)
    from viewer.io.bibliography import Parsed, Reference

EXPECTED = "a BibTeX file of entries (@article{key, author = {Lovelace, Ada}, title = {…}, year = {2019}})"
ENTRY_TYPES = ("article", "book", "booklet", "conference", "inbook", "incollection", "inproceedings", "manual",
               "mastersthesis", "misc", "phdthesis", "proceedings", "techreport", "unpublished", "online",
               "report", "thesis", "collection", "mvbook", "bookinbook", "periodical", "patent", "dataset",
               "software", "electronic", "www", "string", "preamble", "comment")
TYPES = {"article": "journal article", "book": "book", "mvbook": "book", "inbook": "book chapter",
         "incollection": "book chapter", "bookinbook": "book chapter", "inproceedings": "conference paper",
         "conference": "conference paper", "phdthesis": "thesis", "mastersthesis": "thesis", "thesis": "thesis",
         "techreport": "report", "report": "report", "online": "web page", "electronic": "web page",
         "www": "web page"}
CONTAINERS = ("journal", "journaltitle", "booktitle")
PUBLISHERS = ("publisher", "institution", "school", "organization")
MONTHS = {**{short: n for n, short in enumerate(month_names, start=1)},  # pybtex's macros: mar → March
          **{name.lower(): n for n, name in enumerate(month_names.values(), start=1)}, "sept": 9}
_HEAD = re.compile(rb"(?mi)^(?:\xef\xbb\xbf)?[ \t]*@[ \t]*(?:%b)[ \t]*[{(]"
                   % b"|".join(t.encode() for t in ENTRY_TYPES))
_NEXT_ENTRY = re.compile(_HEAD.pattern.decode("ascii").replace(r"(?:\xef\xbb\xbf)?", ""))  # where reading resumes
_DOTLESS = re.compile(r"\\([ij])(?![A-Za-z])(?:\s*\{\})?")  # \'{\i} is í
_COMMAND = re.compile(r"\\([A-Za-z]+)\*?\s*(\{)?")
_URL = re.compile(r"\\url\s*\{([^}]*)\}")
# latexcodec 3 decodes text (str); it fails on bytes ("cannot use a string pattern on a bytes-like object")
_decode = cast(Callable[[str, str], str], codecs.decode)
_DECODED = re.compile(r"[\\{}~$]|--|``|''")  # what latexcodec has to read (else the text is plain)


def looks_like(head: bytes) -> bool:
    """A BibTeX file: an entry (``@article{``, ``@book(`` …, or ``@string{``) at a line start in the first bytes.

    >>> looks_like(b"% Encoding: UTF-8\\n\\n@Article{lovelace1843,\\n"), looks_like(b"mail me @ home {x}")
    (True, False)
    """
    return _HEAD.search(head) is not None


@dataclass
class _Entry:
    type: str
    key: str
    line: int
    fields: dict[str, str]  # lower-case name → value, as pybtex flattened it


@dataclass
class _Noted:
    """What was read past: keys used again (key, line, first line), fields written twice in an entry (field, key,
    line), undefined @strings (name, line)."""

    repeated: list[tuple[str, int, int]] = field(default_factory=list)
    twice: list[tuple[str, str, int]] = field(default_factory=list)
    undefined: list[tuple[str, int]] = field(default_factory=list)
    damaged: list[tuple[int, str]] = field(default_factory=list)  # entries skipped: (line, what was wrong there)


class _Lines:
    """The line of a place in a text, counted on from the last place asked (reading only goes forward): counting from
    the start at every damaged entry made a file of 2,000 of them take 2.4 s, 40,000 four minutes."""

    def __init__(self, text: str) -> None:
        self.text, self.pos, self.line = text, 0, 1

    def at(self, pos: int) -> int:
        if pos < self.pos:  # (not asked in practice)
            return self.text.count("\n", 0, pos) + 1
        self.line += self.text.count("\n", self.pos, pos)
        self.pos = pos
        return self.line


class _Parser(Parser):  # type: ignore[misc]
    """pybtex's BibTeX parser keeping each entry, with the line it starts on, as it is read."""

    def __init__(self) -> None:
        super().__init__(wanted_entries=None)
        self.found: list[_Entry] = []
        self.noted = _Noted()
        self.first_lines: dict[str, int] = {}  # an entry's key in lower case (keys are case-blind) → its line
        self.line = 1
        self.scanner: LowLevelParser | None = None

    def parse_string(self, text: str) -> None:
        """Read every entry; one damaged past reading is said and skipped, and reading goes on at the next line
        that starts an entry (the same text read on from there: a copy of the rest at each damaged entry, and a
        count of its lines from the start, made many of them quadratic). The first is said in full, the rest
        counted."""
        lines, begin = _Lines(text), 0
        while True:
            try:
                self._parse_from(text, begin, lines)
                return
            except PybtexSyntaxError as error:
                start = self.entry_start()
                self.noted.damaged.append(_damaged(text, self, error) if not self.noted.damaged
                                          else (error.lineno or lines.at(start), ""))
                following = _NEXT_ENTRY.search(text, start + 1)
                if following is None:
                    return
                begin = following.start()

    def entry_start(self) -> int:
        """Where in the text the entry being read starts."""
        return int(getattr(self.scanner, "command_start", 0))

    def _parse_from(self, text: str, begin: int, lines: _Lines) -> None:
        self.scanner = scanner = LowLevelParser(text, handle_error=self.handle_error, macros=self.macros)
        scanner.pos, scanner.lineno = begin, lines.at(begin)  # (read on where the last damaged entry ends)
        for command, body in scanner:
            self.line = lines.at(scanner.command_start)
            if command.lower() not in ("string", "preamble"):
                self.process_entry(command, *body)

    def handle_error(self, error: PybtexError) -> None:
        if isinstance(error, UndefinedMacro):  # pybtex reads it as empty: said once, not raised
            self.noted.undefined.append((str(error.args[0]), error.lineno))
            return
        raise error

    def process_entry(self, entry_type: str, key: str, fields: list[tuple[str, list[str]]]) -> None:
        if key.lower() in self.first_lines:
            self.noted.repeated.append((key, self.line, self.first_lines[key.lower()]))
            return
        self.first_lines[key.lower()] = self.line
        values: dict[str, str] = {}
        for name, parts in fields:
            if name.lower() in values:
                self.noted.twice.append((name.lower(), key, self.line))
                continue
            values[name.lower()] = " ".join("".join(parts).split())
        self.found.append(_Entry(entry_type.lower(), key, self.line, values))


def parse(text: str, label: str) -> Parsed:
    """The entries of a BibTeX text as references, in file order, and what was read past; LoadError naming the
    line of a syntax error."""
    parser = _Parser()
    try:
        parser.parse_string(text)
    except PybtexError as error:
        raise LoadError(f"{label}: {error}; expected {EXPECTED}") from error
    if not parser.found:
        if parser.noted.damaged:
            line, said = parser.noted.damaged[0]
            raise LoadError(f"{label}: line {line}: {said}")
        raise LoadError(f"{label}: no BibTeX entry (@article{{key, …}}); expected {EXPECTED}")
    return ([_reference(e) for e in parser.found], _noted(label, parser.noted))


def _damaged(text: str, parser: _Parser, error: PybtexSyntaxError) -> tuple[int, str]:
    """Where the BibTeX is damaged (the line, and the entry it is in) and what was expected there."""
    start = parser.entry_start()
    entry_line = text.count("\n", 0, start) + 1
    head = text[start:].split("\n", 1)[0].strip()[:60]
    line = error.lineno or entry_line
    if isinstance(error, PrematureEOF):
        return line, (f"the file ends inside the entry that starts at line {entry_line} ({head!r}): a closing brace "
                      f"or quote is missing; expected {EXPECTED}")
    written = (text.split("\n")[line - 1].strip()[:80] if 0 < line <= text.count("\n") + 1 else "")
    closing = str(error.args[0]) in ("'}' expected", "')' expected")
    hint = (" (is the entry's key missing?)" if line == entry_line and re.match(r"@\s*\w+\s*[{(][^,]*=", head)
            else " (is the entry's closing brace missing?)" if closing and written.startswith("@")
            else " (is a comma missing after the field before?)" if closing else "")
    return line, (f"{error.args[0]} (the line reads {written!r}, in the entry that starts at line {entry_line}: "
                  f"{head!r}): the BibTeX is damaged there{hint}; expected {EXPECTED}")


def _noted(label: str, noted: _Noted) -> list[Problem]:
    """What was read past, each kind counted and said once with its first example."""
    out: list[Problem] = []
    if noted.damaged:
        line, said = noted.damaged[0]
        out.append(Problem(label, f"{counted(len(noted.damaged), 'entry', 'entries')} damaged past reading, skipped; "
                           f"the first at line {line}: {said}", line, None, "warning"))
    if noted.repeated:
        key, line, first = noted.repeated[0]
        repeat = "repeats" if len(noted.repeated) == 1 else "repeat"
        out.append(Problem(label, f"{counted(len(noted.repeated), 'entry', 'entries')} {repeat} a key used before, "
                           f"the first {key!r} at line {line} (first used at line {first}): skipped, the first "
                           "entry of each key kept; expected each key once", line, "key", "warning"))
    if noted.twice:
        name, key, line = noted.twice[0]
        out.append(Problem(label, f"{counted(len(noted.twice), 'field')} written twice in an entry, the first "
                           f"{name!r} of {key!r} at line {line}: the first value kept", line, name, "warning"))
    if noted.undefined:
        name, line = noted.undefined[0]
        out.append(Problem(label, f"{counted(len(noted.undefined), 'use')} of an @string not defined, the first "
                           f"{name!r} at line {line}: read as empty; expected @string{{{name} = {{…}}}} before it "
                           "is used", line, name, "warning"))
    return out


def _reference(entry: _Entry) -> Reference:
    fields = entry.fields
    url = _plain(fields.get("url", "")) or _howpublished(fields.get("howpublished", ""))
    authors, editors = names(fields.get("author", "")), names(fields.get("editor", ""))
    return {"row": entry.line, "key": entry.key,
            "type": TYPES.get(entry.type) or ("web page" if entry.type == "misc" and url else entry.type),
            "title": latex_text(fields.get("title", "")), "authors": [n for n, _whole in authors],
            "editors": [n for n, _whole in editors],
            "organisations": [n for n, braced in authors + editors if braced],
            "container": latex_text(next((fields[c] for c in CONTAINERS if fields.get(c)), "")),
            "volume": latex_text(fields.get("volume", "")),
            "issue": latex_text(fields.get("number") or fields.get("issue", "")),
            "pages": latex_text(fields.get("pages", "")),
            "publisher": latex_text(next((fields[p] for p in PUBLISHERS if fields.get(p)), "")),
            "abstract": latex_text(fields.get("abstract", "")),
            "keywords": [k.strip() for k in re.split(r"[,;]", latex_text(fields.get("keywords", ""))) if k.strip()],
            "doi": _plain(fields.get("doi", "")), "url": url, "dates": _dates(fields)}


def _dates(fields: dict[str, str]) -> list[tuple[str, str]]:
    """biblatex's ``date``, else ``year`` with ``month`` and ``day``: as ISO text when they are plain numbers and a
    month's name, else as written.

    >>> _dates({"year": "2019", "month": "March", "day": "4"}), _dates({"year": "2019", "month": "Spring"})
    ([('date', ''), ('year', '2019-03-04')], [('date', ''), ('year', '2019 Spring')])
    """
    year, month, day = (_plain(fields.get(name, "")) for name in ("year", "month", "day"))
    number = _month(month) if month else None
    if re.fullmatch(r"\d{4}", year) and (number or not month) and (day.isdigit() or not day):
        written = year + (f"-{number:02d}" if number else "") + (f"-{int(day):02d}" if number and day else "")
    else:
        written = " ".join(part for part in (year, month, day) if part)
    return [("date", _plain(fields.get("date", ""))), ("year", written)]


def _month(written: str) -> int | None:
    """A month's number from ``March``, ``mar``, ``Mar.``, ``3`` or ``03`` (a range: its first month).

    >>> _month("March"), _month("mar."), _month("03"), _month("March--April"), _month("spring")
    (3, 3, 3, 3, None)
    """
    found = re.match(r"\s*(\d{1,2}|[A-Za-z]+)", written)
    if found is None:
        return None
    word = found.group(1).lower()
    number = int(word) if word.isdigit() else MONTHS.get(word)
    return number if number is not None and 1 <= number <= 12 else None


def names(written: str) -> list[tuple[str, bool]]:
    """The names of an author or editor field as shown, and whether each is an organisation's (braced as a whole);
    ``and others`` left out.

    >>> names(r"Lovelace, Ada and G{\\"o}del, Kurt and {World Health Organization} and others")
    [('Ada Lovelace', False), ('Kurt Gödel', False), ('World Health Organization', True)]
    """
    parts = [p.strip() for p in split_name_list(written)] if written.strip() else []
    return [_name(p) for p in parts if p and p.lower() != "others"]


@functools.lru_cache(maxsize=1 << 16)  # a name is written again in each of its references
def _name(written: str) -> tuple[str, bool]:
    if _braced(written):
        return latex_text(written), True
    try:
        person = Person(written)
    except PybtexError:  # too many commas: the name as written
        return latex_text(written), False
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names,
             *person.lineage_names]
    return " ".join(p for p in (latex_text(p) for p in parts) if p) or latex_text(written), False


def _braced(written: str) -> bool:
    """Whether the text is one group in braces as a whole (``{World Health Organization}``)."""
    if not (written.startswith("{") and written.endswith("}")):
        return False
    depth = 0
    for at, char in enumerate(written):
        depth += (char == "{") - (char == "}")
        if depth == 0:
            return at == len(written) - 1
    return False


def latex_text(written: str) -> str:
    """LaTeX as Unicode text: accents and symbols decoded, formatting commands and protective braces dropped,
    math's dollars too, white space made single spaces.

    >>> latex_text(r"{\\'E}tude of {DNA} in \\textit{vivo}: Sch{\\"o}n, {\\ss}, 1--2, 50\\%, \\'{\\i}, \\$5")
    'Étude of DNA in vivo: Schön, ß, 1–2, 50%, í, $5'
    """
    if not _DECODED.search(written):
        return " ".join(written.split())
    text = _DOTLESS.sub(r"\1", written.replace("\\$", "\ue000"))
    with contextlib.suppress(ValueError, TypeError, IndexError, KeyError):  # not read: the text as written
        text = _decode(text, "ulatex")
    text = _COMMAND.sub(lambda m: "" if m.group(2) else m.group(1), text)
    text = re.sub(r"[{}$\\]", "", text).replace("\ue000", "$")
    return " ".join(text.split())


def _plain(written: str) -> str:
    """A value that is no prose (a DOI, an address, a year): braces and escapes dropped, nothing decoded."""
    text = _URL.sub(r"\1", written)
    text = re.sub(r"\\([_%&#$~])", r"\1", text)
    return " ".join(re.sub(r"[{}]", "", text).split())


def _howpublished(written: str) -> str:
    """The address in ``howpublished = {\\url{…}}``, as web pages are written in BibTeX before biblatex."""
    found = _URL.search(written)
    return _plain(found.group(1)) if found else ""
