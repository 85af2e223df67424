"""HTML fragments from timeline files turned into safe plain text (stdlib only, never fetches).

Timeline tools store rich text (``<p>``, links, embedded ``<iframe>`` players, even ``<script>``).
The viewer shows plain text: tags go, the text inside scripts, styles and embeds goes with them,
entities are decoded, paragraphs and line breaks survive as newlines and link text is kept.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

# Elements whose content is code or an embedded document, never text for a person.
_SKIP = frozenset({"script", "style", "iframe", "noscript", "template", "object", "svg", "math",
                   "head", "title", "audio", "video", "canvas", "select", "textarea"})
# Void elements have no content and no end tag: one must never start skipping, or the rest is lost.
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta",
                   "param", "source", "track", "wbr"})
_BLOCK = frozenset({"p", "div", "blockquote", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4",
                    "h5", "h6", "table", "tr", "pre", "section", "article", "header", "footer", "aside",
                    "figure", "figcaption", "hr", "address", "nav", "main", "cite"})
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*")
_BREAKS = re.compile(r"\n{3,}")
_BREAK = "\x00"  # sentinel for an explicit break, so whitespace collapsing cannot eat it


class _TextCollector(HTMLParser):
    """Collects the text of a fragment, marking breaks between blocks."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP and tag not in _VOID:
            self.skipping.append(tag)
        elif tag == "br":
            self.parts.append(_BREAK)
        elif tag in _BLOCK:
            self.parts.append(_BREAK * 2)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append(_BREAK)
        elif tag in _BLOCK:
            self.parts.append(_BREAK * 2)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.skipping:
            while self.skipping and self.skipping.pop() != tag:
                pass
        elif not self.skipping and tag in _BLOCK:
            self.parts.append(_BREAK * 2)

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def to_text(html: str | None) -> str:
    """Plain text of an HTML fragment: tags stripped, entities decoded, paragraph breaks kept.

    >>> to_text('<p>Ada &amp; <a href="x">Charles</a></p><p>Two<br>lines</p><script>alert(1)</script>')
    'Ada & Charles\\n\\nTwo\\nlines'
    """
    if not html:
        return ""
    if "<" not in html and "&" not in html:
        return _tidy(html)
    collector = _TextCollector()
    collector.feed(html.replace(_BREAK, ""))
    collector.close()
    return _tidy("".join(collector.parts).replace(_BREAK, "\n"))


def _tidy(text: str) -> str:
    text = re.sub(r"[ \t]{2,}", " ", _CONTROL.sub("", text))
    text = _SPACES.sub("\n", text)
    return _BREAKS.sub("\n\n", text).strip()
