"""A web page's text as blocks (headings, paragraphs, list items), for its paragraphs led by a date: a saved
"Timeline of …" page (Wikipedia's, a newspaper's) whose chronology is lists under year headings, not a table.

Navigation, scripts, styles, forms, tables (read as tables), a page's header, footer and asides, footnote marks
(``<sup>[1]</sup>``) and Wikipedia's "[edit]" links are left out. A block's first link to another site is its
source. Python's own parser reads the page; nothing is fetched.
"""

from __future__ import annotations

from html.parser import HTMLParser

from viewer.io.document_blocks import Block

_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCKS = ("p", "li", "dt", "dd", "blockquote", "figcaption", "div", "section", "article", "main", "ul", "ol")
_SKIPPED = ("head", "title", "script", "style", "noscript", "nav", "header", "footer", "aside", "form", "sup",
            "table", "template", "button", "select", "svg")
_SKIPPED_CLASSES = ("mw-editsection", "toc", "navbox", "reference", "noprint", "mw-jump-link")
_VOID = ("br", "img", "hr", "meta", "link", "input", "wbr", "area", "base", "col", "embed", "source", "track")
MOST_BLOCKS = 200_000


class _Blocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[Block] = []
        self._skip: list[str] = []  # the open elements being left out (their tags), innermost last
        self._text: list[str] = []
        self._level = 0
        self._link = ""

    def _flush(self) -> None:
        text = " ".join("".join(self._text).split())
        if text and len(self.blocks) < MOST_BLOCKS:
            self.blocks.append(Block(len(self.blocks) + 1, self._level, text, self._link))
        self._text, self._level, self._link = [], 0, ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            if tag == "br" and not self._skip:
                self._text.append(" ")
            return
        named = dict(attrs)
        classes = f"{named.get('class') or ''} {named.get('id') or ''}".split()
        if self._skip or tag in _SKIPPED or any(c in _SKIPPED_CLASSES for c in classes) \
                or named.get("role") == "navigation":
            self._skip.append(tag)
            return
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self._level = _HEADINGS.get(tag, 0)
        elif tag == "a" and not self._link and (named.get("href") or "").startswith(("http://", "https://")):
            self._link = named.get("href") or ""

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag in self._skip:  # (an element left open inside, as HTML allows, closes with it)
                del self._skip[len(self._skip) - 1 - self._skip[::-1].index(tag):]
            return
        if tag in _HEADINGS or tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._text.append(data)


def blocks_of(text: str) -> list[Block]:
    """The page's blocks of text in order (see the module)."""
    parser = _Blocks()
    parser.feed(text)
    parser.close()
    parser._flush()
    return parser.blocks
