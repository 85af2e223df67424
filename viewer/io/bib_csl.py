"""CSL-JSON (``.json``), the list of items Zotero's "Export → CSL JSON" writes (as do Mendeley, Better BibTeX,
Pandoc and citeproc tools): each item an object with an ``id``, a CSL ``type`` (``article-journal``, ``book``,
``chapter`` …), a ``title``, ``author``/``editor`` lists of names (``{"family", "given"}``, or ``{"literal"}`` for an
organisation), ``issued`` (``{"date-parts": [[2019, 3, 4]]}``, or ``{"raw"}``/``{"literal"}`` text),
``container-title``, ``volume``, ``issue``, ``page``, ``publisher``, ``DOI``, ``URL``, ``abstract`` and ``keyword``
(one text, comma- or semicolon-separated). ``{"items": [...]}`` around the list is taken too. Rich text Zotero
writes in titles (``<i>in vivo</i>``) is dropped for its text. An item's row is its position in the list.
"""

from __future__ import annotations

import html
import re
from typing import TYPE_CHECKING, Any

from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

if TYPE_CHECKING:  # (a dict at run time: this module is imported by bibliography, never the other way)
    from viewer.io.bibliography import Parsed, Reference

EXPECTED = ('CSL-JSON: a list of items such as {"id": "lovelace1843", "type": "article-journal", "title": "…", '
            '"author": [{"family": "Lovelace", "given": "Ada"}], "issued": {"date-parts": [[1843]]}}')
CSL_TYPES = frozenset({
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book", "broadcast", "chapter",
    "classic", "collection", "dataset", "document", "entry", "entry-dictionary", "entry-encyclopedia", "event",
    "figure", "graphic", "hearing", "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review", "review-book", "software",
    "song", "speech", "standard", "thesis", "treaty", "webpage"})
TYPES = {"article-journal": "journal article", "article-magazine": "magazine article",
         "article-newspaper": "newspaper article", "chapter": "book chapter", "paper-conference": "conference paper",
         "webpage": "web page", "post-weblog": "blog post", "entry-encyclopedia": "encyclopedia entry",
         "entry-dictionary": "dictionary entry", "review-book": "book review"}
# keys only CSL writes: one of them in the items looked at tells CSL from other records with a type and title
MARKS = ("issued", "author", "editor", "container-title", "DOI", "citation-key", "accessed", "ISBN", "ISSN",
         "collection-title", "publisher-place")
SNIFFED = 20  # the items looked at
_MARKUP = re.compile(r"</?(?:i|b|em|strong|sup|sub|sc|span|nocase)\b[^>]*>", re.IGNORECASE)


def items_of(document: object) -> list[Any] | None:
    """The items of a CSL-JSON document: the list itself, or the list under ``items``; None when neither."""
    if isinstance(document, dict):
        document = document.get("items")
    return document if isinstance(document, list) else None


def looks_like(document: object) -> bool:
    """CSL-JSON: items (the first twenty) that are objects with a CSL type and a title, author or issued date,
    one of them with a key only CSL writes (issued, author, container-title, DOI …).

    >>> looks_like([{"type": "book", "title": "Notes", "issued": {"date-parts": [[1843]]}}])
    True
    >>> looks_like([{"type": "meeting", "title": "Board", "date": "2019-03-04"}])
    False
    """
    items = items_of(document)
    if not items:
        return False
    sample = items[:SNIFFED]
    if not all(isinstance(i, dict) and csl_type(i.get("type")) in CSL_TYPES
               and ("issued" in i or "title" in i or "author" in i) for i in sample):
        return False
    return any(key in item for item in sample for key in MARKS)


def csl_type(value: object) -> str:
    """An item's type as CSL names them, read past case, spaces and a character cut in half (U+FFFD, as a tool
    that cut an emoji leaves it); "" when it is no text.

    >>> csl_type(" Article-Journal"), csl_type("\ufffdbook"), csl_type(3)
    ('article-journal', 'book', '')
    """
    return value.strip(" \t\ufffd").lower() if isinstance(value, str) else ""


def parse(document: object, label: str) -> Parsed:
    """The items of a CSL-JSON document as references, in order, and what could not be read."""
    items = items_of(document)
    if not items:
        raise LoadError(f"{label}: no CSL item (a list of objects, or {{\"items\": [...]}}); expected {EXPECTED}")
    references = [_reference(item, position) for position, item in enumerate(items, start=1) if isinstance(item, dict)]
    problems: list[Problem] = []
    others = [position for position, item in enumerate(items, start=1) if not isinstance(item, dict)]
    if others:
        problems.append(Problem(label, f"{counted(len(others), 'item')} of the list {_are(len(others))} no object, "
                                f"the first at position {others[0]}: skipped; expected objects with a type and a "
                                "title", others[0], None, "warning"))
    if not references:
        raise LoadError(f"{label}: no item is an object; expected {EXPECTED}")
    return (references, problems)


def _are(count: int) -> str:
    return "is" if count == 1 else "are"


def _reference(item: dict[str, Any], position: int) -> Reference:
    kind = csl_type(item.get("type")) or _text(item.get("type"))
    ident = item.get("id")
    authors, editors = _names(item.get("author")), _names(item.get("editor"))
    return {"row": position, "key": _text(ident) if ident is not None else "", "type": TYPES.get(kind, kind),
            "title": _text(item.get("title")), "authors": [n for n, _literal in authors],
            "editors": [n for n, _literal in editors],
            "organisations": [n for n, literal in authors + editors if literal],
            "container": _text(item.get("container-title")), "volume": _text(item.get("volume")),
            "issue": _text(item.get("issue")), "pages": _text(item.get("page")),
            "publisher": _text(item.get("publisher")), "abstract": _text(item.get("abstract"), lines=True),
            "keywords": _keywords(item.get("keyword")), "doi": _text(item.get("DOI")), "url": _text(item.get("URL")),
            "dates": [("issued", _date(item.get("issued")))]}


def _text(value: object, lines: bool = False) -> str:
    """A value as text: a string with its markup dropped, a number written out, a list's first text."""
    if isinstance(value, list):
        value = next((v for v in value if isinstance(v, (str, int, float)) and not isinstance(v, bool)), "")
    if isinstance(value, bool) or value is None or isinstance(value, (dict, list)):
        return ""
    text = html.unescape(_MARKUP.sub("", str(value))) if isinstance(value, str) else str(value)
    if lines:
        return "\n".join(" ".join(line.split()) for line in text.strip().split("\n"))
    return " ".join(text.split())


def _keywords(value: object) -> list[str]:
    """Keywords: one text, comma- or semicolon-separated (or a list of such texts)."""
    texts = [_text(v) for v in value] if isinstance(value, list) else [_text(value)]
    return [k.strip() for text in texts for k in re.split(r"[,;]", text) if k.strip()]


def _names(value: object) -> list[tuple[str, bool]]:
    """Names of a CSL name list as shown, and whether each is a ``literal`` (an organisation's): ``{"given",
    "family"}`` (with particles and suffix) as "Given Family".

    >>> _names([{"family": "Beethoven", "given": "Ludwig", "non-dropping-particle": "van"}, {"literal": "WHO"}])
    [('Ludwig van Beethoven', False), ('WHO', True)]
    """
    out: list[tuple[str, bool]] = []
    for name in value if isinstance(value, list) else []:
        if isinstance(name, str) and name.strip():
            out.append((" ".join(name.split()), False))
        elif isinstance(name, dict):
            literal = _text(name.get("literal"))
            parts = [_text(name.get(k)) for k in ("given", "dropping-particle", "non-dropping-particle", "family",
                                                  "suffix")]
            shown = literal or " ".join(p for p in parts if p)
            if shown:
                out.append((shown, bool(literal)))
    return out


def _date(issued: object) -> str:
    """``issued`` as text: its first date's parts (1 to 3, numbers or texts) as ISO text, else its raw or literal
    text.

    >>> _date({"date-parts": [["2019", 3, 4]]}), _date({"date-parts": [[2019, 13]]}), _date({"raw": "May 2019"})
    ('2019-03-04', '2019-13', 'May 2019')
    """
    if isinstance(issued, dict):
        parts = issued.get("date-parts")
        first = parts[0] if isinstance(parts, list) and parts and isinstance(parts[0], list) else []
        texts = [_text(p) for p in first[:3] if p not in (None, "")]
        if texts:
            return "-".join(t.zfill(4 if n == 0 else 2) if t.isdigit() else t for n, t in enumerate(texts))
        issued = issued.get("raw") or issued.get("literal") or ""
    return _text(issued) if isinstance(issued, (str, int)) else ""
