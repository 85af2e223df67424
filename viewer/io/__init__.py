"""Reading files into a Dataset: one module per format, chosen here through one table.

``load(path)`` picks the reader from the suffix; where a suffix is shared by several formats
(``.json``, ``.csv``, ``.xml``) each candidate's sniffer looks at the content in order, and a file
with an unknown suffix is recognised by its first bytes. JSON is known by its content under any name that
is no other format's (``.har``, ``Bookmarks``, a ``.txt`` of JSON lines: :mod:`viewer.io.json_route`). A
compressed file (``events.csv.gz``) is a table: CSV, TSV, text, JSON records or lines. Every reader is
``read(path, **options)``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyarrow as pa

from viewer.io import (
    activitypub,
    anx,
    bibliography,
    binary_files,
    bods,
    bookmarks_html,
    compressed,
    dated_text,
    discord,
    documents,
    elsewhere,
    exports,
    folder_tables,
    ftm,
    gedcom,
    gexf,
    git_log,
    gleif,
    google_timeline,
    graph_igraph,
    graph_texts,
    graphml,
    ics,
    json_graph,
    json_route,
    kakaotalk,
    kmz,
    line_chat,
    log_lines,
    mail,
    maltego,
    meta_messages,
    misnamed,
    native,
    ofx,
    orc_files,
    org_mode,
    parquet,
    pdf,
    plan_exports,
    psc,
    reading,
    spotify,
    sqlite,
    stat_files,
    subtitles,
    table,
    telegram,
    timeline_xml,
    timelinejs,
    trello,
    twitter,
    vis_timeline,
    web_tables,
    whatsapp,
    xml_records,
    zoom_chat,
)
from viewer.io.combine import combine
from viewer.io.record_lists import HEAD, records_of
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError
from viewer.paths import bundled_dataset

Reader = Callable[..., Dataset]
HEAD_BYTES = 4096


@dataclass(frozen=True)
class Candidate:
    """A reader, and what its sniffer looks at: the parsed JSON ("json"), the first bytes ("bytes"),
    the first line of text ("line") or the file ("path"). A candidate without a sniffer takes any file it is
    offered; one that is ``parsed`` is given the JSON its sniffer looked at (``document=``), not parsing the file
    again."""

    reader: Reader
    sniffer: Callable[[Any], bool] | None = None
    sniff: str = ""
    parsed: bool = False


# TimelineJS first: its documents have a title and an events list too.
_JSON = [Candidate(timelinejs.read, timelinejs.looks_like, "json"), Candidate(native.read, native.looks_native, "json"),
         Candidate(vis_timeline.read, vis_timeline.looks_like, "json"), Candidate(bods.read, bods.looks_like, "json"),
         Candidate(ftm.read, ftm.looks_like, "json"), Candidate(discord.read, discord.looks_like, "json", parsed=True),
         Candidate(psc.read, psc.looks_like, "json", parsed=True),  # Companies House's PSC register (an API's answer)
         Candidate(telegram.read, telegram.looks_like, "json", parsed=True),
         Candidate(meta_messages.read, meta_messages.looks_like, "json", parsed=True),
         Candidate(bibliography.read_csl, bibliography.looks_like_csl, "json", parsed=True),  # Zotero's CSL JSON
         Candidate(json_graph.read, json_graph.looks_like, "json", parsed=True),  # networkx's, Cytoscape's
         Candidate(trello.read, trello.looks_like, "json", parsed=True),  # a Trello board's cards
         Candidate(google_timeline.read, google_timeline.looks_like, "json", parsed=True),  # Maps' Timeline (2024)
         Candidate(activitypub.read, activitypub.looks_like, "json", parsed=True),  # Mastodon's outbox.json
         Candidate(spotify.read, spotify.looks_like, "json", parsed=True),  # a listening history
         Candidate(json_route.read_records, table.looks_like, "json", parsed=True)]
_XML = [Candidate(ofx.read, ofx.looks_like, "bytes"),  # an OFX 2 statement (XML)
        Candidate(gleif.read, gleif.looks_like, "bytes"), Candidate(gexf.read, gexf.looks_like, "bytes"),
        Candidate(timeline_xml.read, timeline_xml.looks_like, "bytes"),
        Candidate(graphml.read, graphml.looks_like, "bytes"), Candidate(anx.read, anx.looks_like, "bytes"),
        Candidate(table.read, lambda head: web_tables.SPREADSHEET_NS.encode() in head, "bytes"),  # Excel 2003 XML
        Candidate(table.read, xml_records.looks_like, "bytes")]  # a feed's items, or any list of records
_TABLE = [Candidate(table.read)]
_HTML = [Candidate(bookmarks_html.read, bookmarks_html.looks_like, "bytes"), *_TABLE]  # a browser's bookmarks
_LINES = [Candidate(psc.read, psc.looks_like_lines, "path"),  # Companies House's PSC snapshot
          Candidate(ftm.read, ftm.looks_like_lines, "path"),  # FollowTheMoney's entities, else records
          Candidate(json_route.read_lines)]
_FTM = [Candidate(ftm.read)]
_GRAPH = [Candidate(graph_igraph.read, graph_igraph.looks_like, "bytes"), *_TABLE]  # GML or Pajek, else a table
_OFX = [Candidate(ofx.read)]
_MAIL = [Candidate(mail.read)]
_GEDCOM = [Candidate(gedcom.read)]
_BIBLIOGRAPHY = [Candidate(bibliography.read)]
_JS = [Candidate(twitter.read, twitter.looks_like, "bytes")]  # an X archive's data files
_LOG = [Candidate(git_log.read, git_log.looks_like, "bytes"),  # `git log > history.log`
        Candidate(git_log.refuse_oneline, git_log.looks_like_oneline, "bytes"),  # the same without its dates
        Candidate(log_lines.read, log_lines.looks_like, "bytes")]
_SUBTITLES = [Candidate(subtitles.read)]
# the PSC register's snapshot, a chat (WhatsApp's, a Zoom meeting's, KakaoTalk's, LINE's), a log, subtitles (a
# transcript saved as .txt), a bibliography (EndNote's RIS as .txt), else a table (else dated lines)
_TEXT = [Candidate(psc.read, psc.looks_like_head, "bytes"), _GRAPH[0],
         *(Candidate(chat.read, chat.looks_like, "bytes") for chat in (whatsapp, zoom_chat, kakaotalk, line_chat)),
         *_LOG, Candidate(subtitles.read, subtitles.looks_like, "bytes"),
         Candidate(bibliography.read, bibliography.looks_like, "bytes"), Candidate(dated_text.table_or_dated_lines)]

READERS: dict[str, list[Candidate]] = {
    ".json": _JSON, ".geojson": _JSON, ".har": _JSON,  # (a HAR capture: a browser's network log, its requests)
    ".csv": [Candidate(timelinejs.read_sheet_csv, timelinejs.looks_like_sheet, "line"), *_TABLE],
    ".tsv": _TABLE, ".tab": _TABLE, ".txt": _TEXT, ".log": [*_LOG, *_TABLE], ".psv": _TABLE, ".dat": _TABLE,
    ".prn": _TABLE,  # (Excel's "Formatted Text (Space delimited)": fixed_width)
    ".yaml": [Candidate(json_route.read_yaml)], ".yml": [Candidate(json_route.read_yaml)],
    ".org": [Candidate(org_mode.read)],
    ".xlsx": _TABLE, ".xlsm": _TABLE, ".xls": _TABLE, ".ods": _TABLE, **dict.fromkeys(documents.SUFFIXES, _TABLE),
    ".doc": [Candidate(dated_text.word_97)],
    ".parquet": _TABLE, ".pq": _TABLE, ".xer": _TABLE,  # (Primavera P6's export: plan_exports)
    ".jsonl": _LINES, ".ndjson": _LINES, **dict.fromkeys(ftm.SUFFIXES, _FTM),
    **dict.fromkeys(parquet.IPC_SUFFIXES, _TABLE),
    ".timeline": [Candidate(timeline_xml.read)],
    **dict.fromkeys(sqlite.SUFFIXES, _TABLE), **dict.fromkeys(stat_files.SUFFIXES, _TABLE),
    **dict.fromkeys(orc_files.SUFFIXES, _TABLE), kmz.SUFFIX: _TABLE,  # (Google Earth's KML in a ZIP archive)
    ".ics": [Candidate(ics.read)], ".ical": [Candidate(ics.read)], ".ifb": [Candidate(ics.read)],
    ".gexf": [Candidate(gexf.read)], ".graphml": [Candidate(graphml.read)], ".anx": [Candidate(anx.read)],
    maltego.SUFFIX: [Candidate(maltego.read)], **dict.fromkeys(graph_igraph.SUFFIXES, _GRAPH),
    **dict.fromkeys(ofx.SUFFIXES, _OFX), ".js": _JS,
    **dict.fromkeys(gedcom.SUFFIXES, _GEDCOM), **dict.fromkeys(bibliography.SUFFIXES, _BIBLIOGRAPHY),
    **dict.fromkeys((*mail.MBOX_SUFFIXES, *mail.MESSAGE_SUFFIXES), _MAIL),
    **dict.fromkeys(subtitles.SUFFIXES, _SUBTITLES),
    ".xml": _XML, ".rss": _XML, ".atom": _XML, ".html": _HTML, ".htm": _HTML,
}
FOLDER_READER: Reader = native.read


def supported_suffixes() -> list[str]:
    """File suffixes that :func:`load` can open (for file dialogs and help texts); a compressed one's holds
    a table."""
    return sorted(READERS) + sorted({*compressed.COMPRESSIONS, *(s for s in compressed.TARS if s.count(".") == 1)})


def _head(path: Path) -> bytes:
    with path.open("rb") as handle:
        return handle.read(HEAD_BYTES)


def _first_line(head: bytes) -> str:
    text = head.decode("utf-8-sig", errors="replace")
    return text.splitlines()[0] if text.strip() else ""


def _folder_reader(path: Path) -> Reader:
    """The reader of a folder: an export's (:mod:`viewer.io.exports`), a native dataset's, else its files read as
    one (a file a month: :mod:`viewer.io.folder_tables`)."""
    export = exports.of_folder(path)
    if export is not None:
        return export
    if FOLDER_READER is native.read and not native.holds_dataset(path):
        files = folder_tables.files_of(path, set(READERS))
        if files:
            return lambda folder, **options: folder_tables.read(Path(folder), files, lambda f: load(f, **options))
    return FOLDER_READER


def has_own_reader(path: Path) -> bool:
    """Whether a file under a table's name is taken by a reader of its own (a chat export or a log as .txt, JSON as
    .txt, FollowTheMoney entities as JSON lines, an export's ZIP archive or file: Slack's, X's, Meta's, ICIJ's): no
    column mapping is asked for it."""
    if exports.of_file(path) is not None or misnamed.under_text_name(path, READERS.keys() - set(BINARY_SUFFIXES)):
        return True
    suffix = compressed.inner_suffix(path)
    if suffix in (".txt", ".log"):  # JSON (Companies House's snapshot of JSON lines as .txt) is opened as JSON is
        return json_route.by_content(path, READERS) is not None or _text_reader(path) not in (
            table.read, dated_text.table_or_dated_lines)  # (a table, else dated lines)
    if suffix in (".html", ".htm"):  # a browser's bookmarks, Pocket's export: links, no table
        try:
            return bookmarks_html.looks_like(_head(path))
        except OSError:
            return False  # (the loader says why it cannot be read)
    return suffix in (".jsonl", ".ndjson") and (psc.looks_like_lines(path) or (
        compressed.compression(path) is None and ftm.looks_like_lines(path)))


def _text_reader(path: Path) -> Reader:
    """The reader of a text that may be a chat export or a log (packed or not), else the table reader."""
    if compressed.inner_suffix(path) in (".txt", ".log"):
        head = compressed.read_head(path)  # a .txt's candidates, in their order (the last, dated lines, takes any)
        return next(c.reader for c in _TEXT if c.sniffer is None or c.sniffer(head))
    return table.read


def _by_content(head: bytes) -> list[Candidate]:
    """Candidates for a file whose suffix says nothing: look at how it starts."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:64]
    if head.startswith(tuple(stat_files.MAGIC)) or (head.startswith(orc_files.MAGIC) and b"\x00" in head):
        return _TABLE  # (Stata's begins "<stata_dta>": not XML; a Hive part file in ORC, not a text "ORCID,…")
    if start.startswith((documents.RTF_MAGIC, pdf.MAGIC)):  # Rich Text, a PDF
        return [Candidate(dated_text.document)]
    if start[:1] in (b"{", b"["):
        return _JSON
    if start[:1] == b"<":
        return _XML
    if start.upper().startswith(b"BEGIN:VCALENDAR"):
        return [Candidate(ics.read)]
    return _plain_text(head)


def _plain_text(head: bytes) -> list[Candidate]:
    """A text without a suffix: a family tree (without its .ged), a bank's statement (OFX), a bibliography (RIS or
    BibTeX), a mailbox (Thunderbird's folders), subtitles, a repository's history (``git log > history``), a log
    (syslog, auth.log.1), else a table."""
    for looks_like, candidates in ((gedcom.looks_like, _GEDCOM), (ofx.looks_like, _OFX), (graph_igraph.looks_like,
                                   _GRAPH), (bibliography.looks_like, _BIBLIOGRAPHY), (mail.looks_like_mbox, _MAIL),
                                   (mail.looks_like_message, _MAIL), (subtitles.looks_like, _SUBTITLES),
                                   (git_log.looks_like, _LOG), (git_log.looks_like_oneline, _LOG),
                                   (log_lines.looks_like, _LOG)):
        if looks_like(head):
            return candidates
    binary = head.startswith((*COLUMNAR, sqlite.MAGIC))  # (a Parquet or Arrow file, a SQLite database)
    return _TABLE if binary else [Candidate(dated_text.table_or_dated_lines)]  # delimited text, else dated lines


BINARY_SUFFIXES, COLUMNAR = binary_files.BINARY_SUFFIXES, binary_files.COLUMNAR  # (what a binary file is: its module)


def refuse_unreadable(path: Path) -> None:
    """Raise what the loader says of a file before it reads it as a table: empty, or a binary file (an image, a
    program, random bytes) under a text name, a workbook or an archive under a text name."""
    head = _head(path)
    if not head:
        raise LoadError(f"{path}: the file is empty")
    misnamed.reader(path, head, READERS.keys() - set(BINARY_SUFFIXES))  # (what it is, and the name to give it)
    binary_files.refuse_binary(path, head)


def _read_whole(path: Path, head: bytes, candidates: list[Candidate]) -> bool:
    """Whether the file's text is read whole into memory (a table, a document, a log); not a mailbox, read a
    message at a time, nor a binary table (Parquet, SQLite, a workbook, a statistics file), read by columns."""
    binary = path.suffix.lower() in BINARY_SUFFIXES or head.startswith((*COLUMNAR, sqlite.MAGIC,
                                                                        b"PK\x03\x04", *stat_files.MAGIC))
    return candidates is not _MAIL and not binary


def _dispatch(path: Path, options: dict[str, Any]) -> Dataset:
    head = _head(path)
    if not head:
        raise LoadError(f"{path}: the file is empty")
    export = exports.of_file(path)
    if export is not None:
        return export[0](export[1], **options)
    compressed.check_readable(path)
    held = json_route.by_content(path, READERS)  # JSON under a name of no other format: .har, Bookmarks, a .txt
    if compressed.compression(path) is not None:  # a compressed table (CSV, TSV, JSON …), a zipped chat or log
        inner = Path("held" + compressed.inner_suffix(path))  # (random bytes under gzip were read as a table)
        binary_files.refuse_binary(inner, compressed.read_head(path, HEAD_BYTES), f"{path} (unpacked)")
        reader = psc.read if psc.looks_like_lines(path) else json_route.read_lines if held == "lines" else None
        return compressed.said_read(path, reader(path, **options) if reader else json_route.read_packed(
            path, _JSON, _text_reader(path), options))
    plan_exports.refuse(path, head)  # Microsoft Project's .mpp and MPX: how to save them as something read
    elsewhere.refuse(path, head)  # a Google Drive shortcut, an Apple iWork document, an Outlook data file
    own = misnamed.reader(path, head, READERS.keys() - set(BINARY_SUFFIXES))  # (a workbook under .csv: refused)
    binary_files.refuse_binary(path, head)
    graph_texts.refuse(path, head)  # (DOT; GML and Pajek are read, under any name)
    named = [Candidate(own)] if own else READERS.get(path.suffix.lower())  # (a PDF under .json: read as one, said)
    candidates = _JSON if held else named or _by_content(head)
    if _read_whole(path, head, candidates):
        compressed.check_room(path)
    document: object = None
    if any(c.sniff == "json" for c in candidates):
        document = json_route.document_of(path, held)
        if document is json_route.JSON_LINES:
            return next(c.reader for c in _LINES if c.sniffer is None or c.sniffer(path))(path, **options)
        candidates = candidates if document is not None else READERS[path.suffix.lower()]  # a text after all
    for candidate in candidates:
        if candidate.sniffer is None:
            return candidate.reader(path, **options)
        sample = {"json": document, "bytes": head, "line": _first_line(head), "path": path}.get(candidate.sniff)
        if candidate.sniffer(sample):
            return candidate.reader(path, **options, **({"document": document} if candidate.parsed else {}))
    if candidates is _JSON and (options.get("start") or options.get("mapping")) and records_of(document, HEAD):
        return json_route.read_records(path, document, **options)  # the field the caller named holds the dates
    if candidates is _JSON:
        if document in ([], {}):  # an API's answer with nothing in it: GitHub's issues of a new repository
            raise LoadError(f"{path}: an empty JSON {'list' if document == [] else 'object'}, no records in it")
        json_route.refuse_undated(path, document)  # records, none dated: a table of penguins, of airports
        raise LoadError(f"{path}: JSON that Entente does not recognise; expected a native dataset, TimelineJS, "
                        "vis-timeline items, Beneficial Ownership statements, FollowTheMoney entities, a chat export "
                        "(Discord, Telegram, Messenger, Instagram), a CSL-JSON bibliography, a graph (networkx, "
                        "Cytoscape), or event records with a date field (a list of objects, GeoJSON features, SPARQL "
                        "results)")
    expected = twitter.EXPECTED if candidates is _JS else xml_records.EXPECTED
    raise LoadError(f"{path}: not a format Entente knows; expected {expected}")


def load(path: str | Path | None = None, **options: Any) -> Dataset:
    """Read any supported file or folder into a Dataset; with no path, the bundled alliance dataset.

    Raises :class:`LoadError` (naming the file and what was expected) when nothing usable is there.

    >>> import viewer
    >>> ds = viewer.load()
    >>> len(ds.events), len(ds.entities), len(ds.relations)
    (69, 37, 53)
    """
    if isinstance(path, str) and not path.strip():  # (Path("") is the working folder: read whole, unasked)
        raise LoadError(f"an empty path {path!r}; expected a file or a folder (or none, for the bundled dataset)")
    path = reading.at_home(Path(reading.local_path(path) if isinstance(path, str) else path)
                           ) if path is not None else bundled_dataset()
    try:
        if not path.exists():
            raise LoadError(f"{path}: {reading.missing(path)}")
        if path.is_dir():
            return _folder_reader(path)(path, **options)
        if not path.is_file():
            raise LoadError(f"{path}: not a regular file (a device, socket or pipe cannot be opened)")
        if native.describes_folder(path):  # a dataset folder's dataset.json, picked in a file dialog: the folder
            return FOLDER_READER(path.parent, **options)
        return _dispatch(path, dict(options))
    except PermissionError as exc:
        raise LoadError(f"{path}: permission denied") from exc
    except (pa.ArrowCapacityError, pa.ArrowInvalid) as exc:
        if not isinstance(exc, pa.ArrowCapacityError) and "too large" not in str(exc):
            raise
        raise LoadError(f"{path}: a column holds more than 2 GB of text, more than one column can hold ({exc}); "
                        "expected a table of rows (is it one line of gigabytes?)") from exc
    except OSError as exc:
        raise LoadError(f"{path}: cannot be read ({exc.strerror or exc})") from exc
    except MemoryError:  # (under a limit the memory free did not show, ulimit -v: the window said "Unexpected error
        pass  # while reading: ", the command line printed a traceback. Raised out of the handler: what was read goes)
    raise LoadError(f"{path}: more than the memory Entente may use; expected a part of it, or Parquet (see the "
                    "README's Big data)")


def load_many(paths: Sequence[str | Path]) -> Dataset:
    """Read several files and combine them into one dataset (entities matched by id, then name)."""
    if not paths:
        return load()
    datasets = [load(p) for p in paths]
    return datasets[0] if len(datasets) == 1 else combine(datasets)
