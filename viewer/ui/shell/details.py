"""The details panel: the selected event, entity or relation, with its source one click away."""

from __future__ import annotations

import weakref
from html import escape

import pandas as pd
from PySide6.QtCore import QSize, QUrl
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from viewer.model import attributes, query, reversed_text
from viewer.model.clock import format_instant
from viewer.model.dataset import Dataset
from viewer.model.dates import approximate
from viewer.model.wording import counted
from viewer.ui.relations.empty_note import TIES_COME_FROM
from viewer.ui.shared.link_cell import SAFE_SCHEMES, open_link, safe
from viewer.ui.shared.state import Selection, ViewState
from viewer.ui.shared.theme import Theme, follow

SHOWN_CHARACTERS = 10_000  # of one value: Qt lays out a long run without spaces in time that grows as its square


def _text(value: str) -> str:
    """A value as HTML text, cut after SHOWN_CHARACTERS with a note of how many more it holds (a base64
    image or a whole report in one cell took seconds to show, at every click); a direction override shown as its
    code point, and other direction controls kept from running into the text after the value
    (:func:`viewer.model.reversed_text.shown`)."""
    value = reversed_text.shown(value)
    if len(value) <= SHOWN_CHARACTERS:
        return escape(value)
    return (f"{escape(value[:SHOWN_CHARACTERS])}<span class='note'> … {len(value) - SHOWN_CHARACTERS:,} more "
            "characters not shown</span>")


def _link(url: str, text: str) -> str:
    if not safe(url):
        return _text(text or url)
    return f'<a href="{escape(url, quote=True)}">{_text(text or url)}</a>'


def _names(ds: Dataset, ids: str) -> str:
    return ", ".join(_text(ds.entity_name(i)) for i in ids.split(";") if i)


CLICK = ("Click an event on the timeline or a node in the graph to see it here (or press Right and Left to walk the "
         "events, Up and Down to go from lane to lane).")
CLICK_WITHOUT_TIES = ("Click an event on the timeline to see it here (or press Right and Left to walk the events, "
                      "Up and Down to go from lane to lane)."
                      "<br><br>No ties between entities in it, so the "
                      "relationship panels make room for the timeline (View → Relationships as of the cursor shows "
                      f"them). {TIES_COME_FROM}")
SHOWN_EVENTS = 100  # of a selection, in full: 76,000 laid out as rich text held the window two minutes
SHOWN_TIES = 100  # of an entity, listed: a hub's 5,000 held the window 7 s (read row by row, then laid out)
SHOWN_ATTRIBUTES = 300  # of one item: a survey's 5,000 question columns are a table to export, not to read here
_held: tuple[weakref.ref[pd.DataFrame], int, attributes.Held] | None = None


def _held_of(frame: pd.DataFrame) -> attributes.Held:
    """The frame's attribute columns, looked up once per frame (not at each click)."""
    global _held  # noqa: PLW0603 - one cache for the panel, as one item is shown at a time
    width = len(frame.columns)
    if _held is not None and _held[1] == width and _held[0]() is frame:
        return _held[2]
    found = attributes.held(frame)
    _held = (weakref.ref(frame), width, found)
    return found


def _attributes_html(frame: pd.DataFrame, found: int) -> str:
    """The extra columns (City, State, Fund …) of the row at ``found`` as a small table; empty when it has none."""
    if found < 0:
        return ""
    pairs, more = attributes.items_at(_held_of(frame), found, SHOWN_ATTRIBUTES)
    pairs = [(name, value) for name, value in pairs if name not in WRITTEN]  # (on the date's line)
    if not pairs:
        return ""
    rows = "".join(f"<tr><td><b>{_text(name)}</b>&nbsp;</td><td>{_text(value)}</td></tr>" for name, value in pairs)
    note = (f"<p class='note'>{more:,} more attributes not shown (File → Export → Events in the window writes "
            "them all)</p>" if more else "")
    return f"<table cellspacing=0 cellpadding=1>{rows}</table>{note}"


WRITTEN = frozenset(approximate.WRITTEN.values())  # a date's text kept beside it ("c. 1850"): shown on its line


def _written(ds: Dataset, row: pd.Series) -> str:
    """The start (and the end) as written where they carried a mark ("c. 1850", "before 1860"), as HTML after the
    date: ' (written "c. 1850")'; "" for dates written plainly."""
    said = []
    for field, words in (("start", "written"), ("end", "end written")):
        column = attributes.PREFIX + approximate.WRITTEN[field]
        if ds.source is not None:  # (an engine's event carries its attributes)
            value = row.get(column)
        elif column not in ds.events.columns or (found := ds.ids.get(str(row["id"]))) < 0:
            continue
        else:
            value = ds.events[column].iat[found]
        if value is not None and not pd.isna(value) and str(value):
            said.append(f"{words} &ldquo;{_text(str(value))}&rdquo;")
    return f" ({', '.join(said)})" if said else ""


def event_html(ds: Dataset, row: pd.Series) -> str:
    """The HTML (all text escaped) describing one event."""
    when = query.describe_span(row["start"], str(row["precision"]), row["end"],
                               None if pd.isna(row["end_precision"]) else str(row["end_precision"]), ds.meta.clock)
    written = _written(ds, row)
    parts = [f"<h3>{_text(str(row['title']))}</h3>",
             f"<p><b>{_text(when)}</b>" + written
             + (f" &middot; {_text(str(row['category']))}" if str(row["category"]) else "") + "</p>",
             # its own line breaks kept (a message's paragraphs, a stack trace): they were run into one line
             f"<p style='white-space: pre-wrap'>{_text(str(row['description']))}</p>"]
    if row["actors"]:
        parts.append(f"<p><b>Actors:</b> {_names(ds, row['actors'])}</p>")
    # an engine source's event carries its own attributes (the dataset holds no rows to look them up in)
    if ds.source is not None:
        parts.append(_attributes_html(row.to_frame().T.reset_index(drop=True).infer_objects(), 0))
    else:
        parts.append(_attributes_html(ds.events, ds.ids.get(str(row["id"]))))
    if row["source_url"] or row["source_title"]:
        parts.append(f"<p><b>Source:</b> {_link(row['source_url'], row['source_title'])}</p>")
    return "".join(parts)


def entity_html(ds: Dataset, entity_id: str, when: pd.Timestamp) -> str:
    """The HTML describing one entity and its relations valid at ``when``."""
    found = attributes.position_of(ds.entities, entity_id)
    if found < 0:
        return ""
    row = ds.entities.iloc[found]
    parts = [f"<h3>{_text(str(row['name']))}</h3>",
             f"<p>{_text(str(row['kind']).replace('_', ' '))}"
             + (f" &middot; {_text(str(row['country']))}" if row["country"] else "") + "</p>",
             f"<p>{_text(str(row['note']))}</p>",
             _attributes_html(ds.entities, found)]
    ties = query.relations_of(ds.relations, entity_id, when)
    if len(ties):
        items = "".join(f"<li>{_names(ds, r.source)} → {_names(ds, r.target)}: {_text(query.relation_label(r))} "
                        f"({_link(r.source_url, 'source')})</li>" for _, r in ties.head(SHOWN_TIES).iterrows())
        if len(ties) > SHOWN_TIES:
            items += (f"<li class='note'>… and {len(ties) - SHOWN_TIES:,} more: the dock Relations at the cursor "
                      "lists them all</li>")
        parts.append(f"<p><b>{counted(len(ties), 'tie')} as of {_text(format_instant(when, 'day', ds.meta.clock))}:"
                     f"</b></p><ul>{items}</ul>")
    if ds.source is None:  # on an engine source this would be a query: the timeline's lanes show it
        count = int(query.actor_mask(ds.events, [entity_id]).sum())
        parts.append(f"<p>{count} events involve {_text(str(row['name']))}.</p>")
    return "".join(parts)


def relation_html(ds: Dataset, relation_id: str) -> str:
    """The HTML describing one relation: ends, value, validity, note, source."""
    found = attributes.position_of(ds.relations, relation_id)
    if found < 0:
        return ""
    r = ds.relations.iloc[found]
    on = ds.meta.clock
    since = query.describe_span(r["valid_from"], str(r["valid_from_precision"]), None, None, on) if pd.notna(
        r["valid_from"]) else "always"
    until = query.describe_span(r["valid_to"], str(r["valid_to_precision"]), None, None, on) if pd.notna(
        r["valid_to"]) else "open"
    label, kind = query.relation_label(r), str(r["kind"]).replace("_", " ")
    named = f"<b>{_text(label)}</b> &middot; {_text(kind)}" if label != kind else f"<b>{_text(kind)}</b>"  # (once)
    parts = [f"<h3>{_names(ds, r['source'])} → {_names(ds, r['target'])}</h3>",
             f"<p>{named} &middot; from {_text(since)} until {_text(until)}</p>",
             f"<p>{_text(str(r['note']))}</p>",
             _attributes_html(ds.relations, found)]
    event = ds.ids.get(str(r["event"])) if r["event"] and ds.source is None else -1
    if event >= 0:
        parts.append(f"<p><b>Brought about by:</b> {_text(str(ds.events['title'].iloc[event]))}</p>")
    if r["source_url"]:
        parts.append(f"<p><b>Source:</b> {_link(r['source_url'], r['source_url'])}</p>")
    return "".join(parts)


class DetailsPanel(QWidget):
    """Shows what is selected; links open in the user's browser only when clicked, and only http(s)."""

    def __init__(self, state: ViewState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._state = state
        self._asked: set[str] = set()  # event ids asked of an engine source (once each)
        self._shown = ""  # the HTML last shown
        self.browser = QTextBrowser(self)
        self.browser.setAccessibleName("Details of the selection")
        self.browser.setOpenLinks(False)  # we decide which links may leave the app
        self.browser.anchorClicked.connect(self._open_link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        state.changed.connect(lambda fields: self._show(state.selection)
                              if fields & {"selection", "cursor", "dataset"} else None)
        self.theme = follow(self.set_theme)

    def set_theme(self, theme: Theme) -> None:
        """Show the text again with the theme's link and note colours (rich text keeps its own)."""
        self.theme = theme
        self.browser.document().setDefaultStyleSheet(f"a {{ color: {theme.link}; }} "
                                                     f".note {{ color: {theme.axis_text}; }}")
        self._shown = ""  # the style sheet applies when the text is set: set it again
        self._show(self._state.selection)

    def sizeHint(self) -> QSize:
        """A few lines high: the timeline and the graph get the room."""
        return QSize(600, 130)

    def html(self) -> str:
        """The text currently shown, as plain text (for tests)."""
        return self.browser.toPlainText()

    def shown_html(self) -> str:
        """The HTML currently shown (what Copy puts on the clipboard for a word processor)."""
        return self._shown

    def _show(self, selection: Selection) -> None:
        ds = self._state.dataset
        parts: list[str] = []
        chosen = sorted(selection.events)
        for event_id in chosen[:SHOWN_EVENTS]:
            row = self._event(ds, event_id)
            if row is not None:
                parts.append(event_html(ds, row))
        if len(chosen) > SHOWN_EVENTS:  # (a pile of 76,000 events at one instant, selected by its badge)
            parts.append(f"<p class='note'>… and {len(chosen) - SHOWN_EVENTS:,} more selected events; the first "
                         f"{SHOWN_EVENTS} by id are shown.</p>")
        parts.extend(entity_html(ds, e, self._state.cursor) for e in sorted(selection.entities))
        parts.extend(relation_html(ds, r) for r in sorted(selection.relations))
        if not parts:
            counts = (f"{counted(ds.event_count, 'event')}, {counted(len(ds.entities), 'entity', 'entities')}, "
                      f"{counted(len(ds.relations), 'relation')}")
            parts.append(f"<p class='note'>{_text(ds.title)}: {counts}. "
                         f"{CLICK if len(ds.relations) else CLICK_WITHOUT_TIES}</p>")
        shown = "".join(parts)
        if shown != self._shown:  # the cursor moved under a selected event: the same text is not laid out again
            self._shown = shown
            self.browser.setHtml(shown)

    def _event(self, ds: Dataset, event_id: str) -> pd.Series | None:
        """An event's row: from the dataset, or what the engine sent for the timeline, else asked of it
        in its worker (the details then show again when the answer comes)."""
        if ds.source is None:
            found = ds.ids.get(event_id)
            return attributes.core_row_at(ds.events, found) if found >= 0 else None
        from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - engine code loads only for engine sources
        worker = worker_for(ds.source)
        row = worker.known(event_id)
        partial = row is not None and any(c not in row.index for c in getattr(ds.source, "attributes", ()))
        if (row is None or partial) and event_id not in self._asked:  # the timeline's rows hold no attributes
            self._asked.add(event_id)
            source = ds.source
            worker.ask(lambda _token: source.event(event_id), lambda found: self._arrived(ds, found))
        return row

    def _arrived(self, ds: Dataset, row: pd.Series | None) -> None:
        if row is not None and ds is self._state.dataset and ds.source is not None:
            from viewer.ui.shared.engine import worker_for  # noqa: PLC0415 - as above
            worker_for(ds.source).remember(row.to_frame().T)
            self._show(self._state.selection)

    def _open_link(self, url: QUrl) -> None:
        if url.scheme().lower() in SAFE_SCHEMES:
            open_link(url.toString(), self)
