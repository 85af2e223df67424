"""A document's paragraphs led by a date, as a table (:mod:`viewer.io.documents`), and Markdown's blocks.

A paragraph is dated by what leads it, up to a separator (``19 November 2018 – …``, ``2019-03-12: …``,
``Nov. 19, 2018, …``, ``**12 March 2019** …``) or by its first words (``19 November 2018 Ghosn is arrested``);
the longest lead that reads as a date or a span wins, one with a year (a leading ``1500 workers …`` is no date:
a lone number counts only before a separator). A day and month alone (``12 March: …``) take the year of the
heading above (``## 2019``); a heading that is a date alone (``### 19 November 2018``) dates the paragraph under
it. The nearest heading that is no year is the category (not the document's title), and a paragraph's first link
its source. The leads of all paragraphs are read as one column by the table's date parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.io import code_pages, compressed, led_lines
from viewer.model.dates import columns as date_columns
from viewer.model.dates import ranges

PARAGRAPHS = "Dated paragraphs"
HEADER = ["date", "title", "description", "category", "url"]
_LEAD_CHARS = 60  # a date leads within this many characters
_MARKER = re.compile(r"^\s*(?:[-*+\u2022\u00b7\u25aa]\s+|\d{1,3}[.)]\s+|\[[ xX]\]\s+)*")
_BOLD = re.compile(r"^(\*\*|__)(?P<lead>.{3,60}?)\1[\s:.,\u2013\u2014-]*(?P<rest>.*)$", re.DOTALL)
_SEPARATOR = re.compile(r"\s+[-\u2013\u2014]+\s+|\s*[\u2013\u2014]\s*|:\s+|\s*\|\s*|\t+|\.\s+|,\s+|\)\s+")
_YEAR = re.compile(r"(?<![\d,])\d{4}(?![\d,])|(?<![\d.,])\d{3}(?![\d,])")  # (12.03.2019 has one; 36.8, 2,500 none)
_COARSE = ("year", "decade", "century", "")
_LINK = re.compile(r"!?\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
_BARE_URL = re.compile(r"<?(?P<url>https?://[^\s>)]+)>?")
# the closing sections of a page (Wikipedia's, a report's): their items cite dates, they are no events
_CLOSING = re.compile(r"(?i)(references|notes|footnotes|citations|sources|bibliography|further reading|"
                      r"external links|see also|literature|weblinks|einzelnachweise|références|notes et références|"
                      r"liens externes|voir aussi|referencias|enlaces externos|véase también)[\s\[\]a-z]{0,8}")
_PREPOSITION = re.compile(r"^(?i:on|in|at|by|during|as of|around|le|am|im|el|en|il|nel|op|w)\s+(?=\d)"
                          r"|^(?i:in|during|by|as of)\s+(?=[A-Z][a-z]+\.?\s+\d)")
_MARKUP_CHARS = re.compile(r"[*_`~\[<\\]|https?://")
_EMPHASIS = re.compile(r"(\*\*|__|~~|`)(?P<inner>.+?)\1|(?<![\w*])\*(?P<one>[^*\s][^*]*?)\*(?![\w*])")


@dataclass
class Block:
    """A paragraph, a list item or a heading (``level`` 1–6; 0 for the others): its line or paragraph number,
    its text and its first link."""

    row: int
    level: int
    text: str
    link: str = ""


@dataclass
class _Lead:
    block: Block
    candidates: list[str]
    rests: list[str]
    words: int  # how many of the candidates (the last ones) are first words, tried after the separated ones


def plain(text: str) -> tuple[str, str]:
    """Markdown's inline markup taken out (a link becomes its text) and the first link's target."""
    if not _MARKUP_CHARS.search(text):  # (most lines of notes hold none: a look, not five substitutions)
        return text, ""
    found = _LINK.search(text) or _BARE_URL.search(text)
    text = _LINK.sub(lambda m: m.group("text"), text)
    for _ in range(2):  # (nested: ***bold italic***)
        text = _EMPHASIS.sub(lambda m: m.group("inner") or m.group("one") or "", text)
    return text.replace("\\", "") if "\\" in text else text, found.group("url") if found else ""


def _lead(block: Block) -> _Lead:
    """The ways the block's text may begin with a date (after a leading "On" or "In"): its bold lead, the whole of
    a short text (a date alone), up to each separator near its start, then its first one to five words."""
    text = _MARKER.sub("", block.text, count=1)
    bold = _BOLD.match(text)
    candidates: list[str] = []
    rests: list[str] = []
    if bold:
        candidates.append(plain(bold.group("lead"))[0].strip())
        rests.append(plain(bold.group("rest"))[0])
    text = _PREPOSITION.sub("", plain(text)[0], count=1)  # "On 19 November 2018, …": the date after the word
    if len(text) <= 30 and "\n" not in text:  # a date alone ("19 November", a list's term): the next block's date
        candidates.append(text.strip(" ,.:;"))
        rests.append("")
    for match in _SEPARATOR.finditer(text[:_LEAD_CHARS + 4]):
        if 2 <= match.start() <= _LEAD_CHARS:
            candidates.append(text[:match.start()].strip(" ,.*_"))
            rests.append(text[match.end():])
    words = text.split(" ")
    tried = 0
    for k in range(5, 0, -1):  # (one word alone only as a date of digits and marks: 2018-11-19, 19.11.2018)
        if len(words) > k and len(" ".join(words[:k])) <= 30 and (k > 1 or re.fullmatch(r"\d+\W[\d\W]+", words[0])):
            candidates.append(" ".join(words[:k]).rstrip(" ,.:;"))
            rests.append(" ".join(words[k:]))
            tried += 1
    return _Lead(block, candidates, rests, tried)


def paragraphs_read(count: int, what: str, whose: str, others: list[str]) -> list[str]:
    """What to say when a document's or page's paragraphs led by a date are read: how many, and its tables left
    (``whose``: "" for a document, "page's " for a page)."""
    tables = "its tables" if whose else "the document's tables"
    return [f"read the {whose}{count} {what.removesuffix('s') if count == 1 else what} led by a date" + (
        f" ({tables}, {', '.join(others)}, were not read: name one with --table)" if others else "")]


def paragraphs_unread(parts: list[tuple[str, list[list[str]]]], whole: str) -> list[str]:
    """What to say when a table of a document or page is read and its paragraphs led by a date are not."""
    rows = next((rows for name, rows in parts if name == PARAGRAPHS), None)
    if rows is None:
        return []
    return [f"the {whole}'s {len(rows) - 1} paragraphs led by a date were not read: name '{PARAGRAPHS}' with "
            "--table (sheet= in Python) to read them instead"]


def _readable(texts: list[str]) -> list[str]:
    """How precisely each text reads as a date ("day", "month", "year" …; "span" for a span), "" where it does not
    (all read at once)."""
    if not texts:
        return []
    values = pd.Series(texts, dtype="str")
    parsed = date_columns.parse_column(values)
    read = parsed.instants.notna().to_numpy(dtype=bool)
    found = np.where(read, parsed.precisions.astype(object).fillna("").to_numpy(dtype=object), "")
    unread = pd.Series(~read, index=values.index)
    if unread.any():
        cut = ranges.cut(values, unread)
        if cut.ends is not None:
            found[cut.ends.notna().to_numpy(dtype=bool) & ~read] = "span"
    return [str(f) for f in found]


def _years(blocks: list[Block]) -> tuple[list[str], set[int]]:
    """The year each block falls under, and which blocks are a year's heading ("2019", "2019 — the first year"; a
    list's item "2019" over its days, made a heading here; not "2019-03-12 — Board meeting", a day's)."""
    years: list[str] = []
    year_headings: set[int] = set()
    year = ""
    for number, block in enumerate(blocks):
        text = plain(_MARKER.sub("", block.text, count=1))[0].strip() if len(block.text) < 80 else ""
        written = (re.fullmatch(r"(?:\D{0,12}\s)?(\d{4})(?![-/.]\d)(?:\s*[-:\u2013\u2014].*)?", text) if block.level
                   else re.fullmatch(r"(\d{4})\s*:?", text))
        if written:
            year = written.group(1)
            year_headings.add(number)
            block.level = block.level or 6
        years.append(year)
    return years, year_headings


def dated_rows(blocks: list[Block]) -> tuple[list[list[str]], list[int]]:
    """The paragraphs led by a date as rows under :data:`HEADER`, and each row's line (the header's 0). A block
    that is a year alone (a list's item "2019" over its days) is made a heading; a heading led by a date and a
    title ("2019-03-12 — Board meeting") is an event, the paragraphs under it its description."""
    years, year_headings = _years(blocks)
    leads = [_lead(block) for block in blocks]
    readable = _read_leads(leads, years)
    rows: list[list[str]] = [HEADER]
    lines = [0]
    pending = ""  # a heading that is a date, for the paragraph under it
    follows = False  # an undated paragraph after a dated one, before a heading, is more of its text
    category = ""
    titled = False  # the first heading before any event is the document's title, no category
    closing = 0  # the level of a heading of references, notes or links: its blocks are no events
    for number, (lead, year) in enumerate(zip(leads, years, strict=True)):
        block = lead.block
        if block.level:
            whole = plain(block.text)[0].strip()
            closing = (block.level if titled and _CLOSING.fullmatch(whole)
                       else closing if block.level > closing > 0 else 0)
            pending = whole if readable.get(whole, "") not in (*_COARSE, "span") else ""  # (a day's or month's)
            led = None if pending or closing else _chosen(lead, year, readable)
            if led is not None and number in year_headings and readable.get(led[0], "") in ("", "year"):
                led = None  # "2019 — the first year": a year's heading ("March 2020: Talks" is a month's event)
            if led is not None and (rest := led[1].strip(" \t:.,;\u2013\u2014-")):  # "2019-03-12 — Board meeting":
                rows.append([led[0], led_lines.title_of(rest), "", category, block.link])  # an event, the
                lines.append(block.row)  # paragraphs under it its description
                pending, follows, titled = "", True, True
                continue
            if titled and not pending and number not in year_headings:
                category = whole  # (a year's heading is no category)
            titled, follows = True, False
            continue
        if closing:
            continue
        found = _chosen(lead, year, readable) or _date_shaped(lead)
        if found is None and pending:
            found = (pending, plain(_MARKER.sub("", block.text, count=1))[0])
        elif found is None:
            if follows:
                more = plain(_MARKER.sub("", block.text, count=1))[0]
                rows[-1][2] = led_lines.description_of(f"{rows[-1][2]}\n\n{more}" if rows[-1][2] else more)
                rows[-1][4] = rows[-1][4] or block.link
            continue
        when, rest = found
        rest = rest.strip(" \t:.,;\u2013\u2014-")
        if not rest:  # a date alone dates the block under it, as a heading does
            pending, follows = when, False
            continue
        pending, follows, titled = "", True, True
        title = led_lines.title_of(rest)
        title = title[:-1] if title.endswith(".") and not title.endswith("..") else title
        rows.append([when, title, led_lines.description_of(rest) if rest != title else "", category, block.link])
        lines.append(block.row)
    return rows, lines


_DATE_SHAPE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}")


def _date_shaped(lead: _Lead) -> tuple[str, str] | None:
    """A lead written as a date that reads as none ("2019-02-30: …"), with the rest: kept, so that the table's
    parser reports it by its line instead of its paragraph passing for more text of the one above."""
    if lead.block.level:
        return None
    return next(((text, rest) for text, rest in zip(lead.candidates[:len(lead.candidates) - lead.words],
                                                    lead.rests, strict=False) if _DATE_SHAPE.fullmatch(text)), None)


def _read_leads(leads: list[_Lead], years: list[str]) -> dict[str, str]:
    """Each lead tried, as it reads (its precision, "" if unread): the leads up to a separator of every block
    first, then the first words of the blocks none of those dated (a list of "19 November 2018 – …" reads one
    lead a line, not six)."""
    readable: dict[str, str] = {}

    def read(pairs: list[tuple[_Lead, str]], words: bool) -> None:
        tried: list[str] = []
        for lead, year in pairs:
            cut = len(lead.candidates) - lead.words
            candidates = lead.candidates[cut:] if words else lead.candidates[:cut]
            tried += candidates + ([plain(lead.block.text)[0].strip()] if lead.block.level and not words else [])
            tried += [f"{c} {year}" for c in candidates if year and not _YEAR.search(c)]
        distinct = [text for text in dict.fromkeys(tried) if text not in readable]
        readable.update(zip(distinct, _readable(distinct), strict=True))

    pairs = list(zip(leads, years, strict=True))
    read(pairs, words=False)
    read([(lead, year) for lead, year in pairs if not lead.block.level and _chosen(lead, year, readable) is None],
         words=True)
    return readable


def _chosen(lead: _Lead, year: str, readable: dict[str, str]) -> tuple[str, str] | None:
    """The longest lead read as a date (separated ones before first words), with the rest of the text. A lead of
    first words must name more than a year ("The 1500 workers" is no date)."""
    separated = len(lead.candidates) - lead.words
    for group in (range(separated), range(separated, len(lead.candidates))):
        best: tuple[str, str] | None = None
        for i in group:
            text = lead.candidates[i]
            read = readable.get(text, "")
            if _YEAR.search(text) and read and (i < separated or read not in _COARSE):
                found = (text, lead.rests[i])
            elif year and not _YEAR.search(text) and readable.get(f"{text} {year}") and len(text.split()) <= 3:
                found = (f"{text} {year}", lead.rests[i])
            else:
                continue
            if best is None or len(found[0]) > len(best[0]):
                best = found
        if best is not None:
            return best
    return None


# --- Markdown -----------------------------------------------------------------------------------------------------

_HEADING = re.compile(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
_ALIGN = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s+")


def _cells(line: str) -> list[str]:
    inner = line.strip()
    inner = inner[1:] if inner.startswith("|") else inner
    inner = inner[:-1] if inner.endswith("|") and not inner.endswith("\\|") else inner
    cells = re.split(r"(?<!\\)\|", inner)
    out = []
    for cell in cells:
        text, link = plain(re.sub(r"(?i)<br\s*/?>", "\n", cell.replace("\\|", "|")))
        whole = _LINK.fullmatch(cell.strip())  # a cell that is a link alone is its target (a source column)
        out.append(link if whole and link else text.strip())
    return out


def _decoded(path: Path) -> str:
    data = compressed.read_bytes(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return code_pages.legacy(data)[0]


def plain_lines(path: Path) -> list[Block]:
    """A text of notes: each line a block, an indented line more of the one above, and a line that is a year
    alone ("2019", "2019:", "== 2019 ==") a heading whose year the lines under it take."""
    return plain_blocks(led_lines.lines_of(_decoded(path)))


SAMPLE_BYTES = 65_536
SAMPLE_LINES = 300


def has_dated_lines(path: Path) -> bool:
    """Whether a text's first lines are notes led by dates: two at least, and a tenth of its lines (a letter that
    mentions a date, a log of another form, are not)."""
    with path.open("rb") as handle:
        head = handle.read(SAMPLE_BYTES)
    text = head.decode("utf-8", errors="replace") if not head.startswith((b"\xff\xfe", b"\xfe\xff")) else \
        head.decode("utf-16", errors="replace")
    blocks = plain_blocks(led_lines.lines_of(text)[:SAMPLE_LINES])
    dated = len(dated_rows(blocks)[0]) - 1
    return dated >= 2 and dated >= 0.1 * sum(1 for block in blocks if not block.level)


def plain_blocks(lines: list[str]) -> list[Block]:
    """The blocks of :func:`plain_lines`, from its lines."""
    blocks: list[Block] = []
    for number, line in enumerate(lines, start=1):
        text = line.strip()
        if not text:
            continue
        if line[:1].isspace() and blocks and not blocks[-1].level:
            blocks[-1].text += "\n" + text
        elif re.fullmatch(r"[=#*\s]*\d{4}\s*:?[=#*\s]*", text):
            blocks.append(Block(number, 1, text.strip("=#*: ")))
        else:
            blocks.append(Block(number, 0, text))
    for block in blocks:
        block.link = plain(block.text)[1]
    return blocks


def markdown(path: Path) -> tuple[list[Block], list[list[list[str]]]]:
    """A Markdown text's blocks (headings, paragraphs, list items; code and front matter left out) and its pipe
    tables, each as rows of cells (a cell that is only a link, its target)."""
    lines = led_lines.lines_of(_decoded(path))
    blocks: list[Block] = []
    tables: list[list[list[str]]] = []
    i, fenced, open_block = 0, "", False
    if lines and lines[0].strip() == "---":  # front matter
        end = next((k for k in range(1, len(lines)) if lines[k].strip() in ("---", "...")), 0)
        i = end + 1 if end else 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        if fenced or stripped.startswith(("```", "~~~")):
            fenced = "" if fenced and stripped.startswith(fenced) else (fenced or stripped[:3])
            i, open_block = i + 1, False
            continue
        if "|" in line and i + 1 < len(lines) and _ALIGN.match(lines[i + 1]) and "-" in lines[i + 1]:
            rows = [_cells(line)]
            i += 2
            while i < len(lines) and "|" in lines[i] and lines[i].strip():
                rows.append(_cells(lines[i]))
                i += 1
            tables.append(rows)
            open_block = False
            continue
        heading = _HEADING.match(line)
        setext = (open_block and blocks and not blocks[-1].level and "\n" not in blocks[-1].text
                  and re.fullmatch(r"=+|-+", stripped) and not _ITEM.match(lines[i - 1]))
        if heading:
            blocks.append(Block(i + 1, len(heading.group(1)), heading.group(2)))
            open_block = False
        elif setext:
            blocks[-1].level = 1 if stripped[0] == "=" else 2
            open_block = False
        elif not stripped:
            open_block = False
        elif open_block and not _ITEM.match(line):
            blocks[-1].text += "\n" + stripped
        else:
            blocks.append(Block(i + 1, 0, stripped))
            open_block = True
        i += 1
    for block in blocks:
        block.link = plain(block.text)[1]
    return blocks, tables
