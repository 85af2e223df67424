"""Spotify's listening history, as its privacy download holds it: the account data's ``StreamingHistory*.json``
(``endTime``, ``artistName``, ``trackName``, ``msPlayed``; a podcast's ``podcastName`` and ``episodeName``) and the
extended history's ``Streaming_History_Audio_*.json`` / ``endsong_*.json`` (``ts``, ``ms_played``, the track, album
and artist, or the episode and show, the platform, the country, why it started and ended). It was read as records:
each play at its end, titled by its artist, with no actor (the extended history's: by the account's user name).

Each play is an event from its start (its end less the time played) to its end, which is when Spotify stamps it,
in UTC: the track or episode as the title, its artist or show as the actor, ``music``, ``podcast`` or
``audiobook`` as the category; the album, minutes played, platform, country, why it started and ended, shuffle,
skipped and offline as attributes. Artists and shows are entities; there are no ties.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed, reading
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import PRECISION_DTYPE, precision_series
from viewer.model.dates.iso import parsed_dates
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

EXPECTED = ("Spotify's streaming history: a list of plays, each with endTime and msPlayed (StreamingHistory*.json) "
            "or ts and ms_played (the extended history)")
BASIC = ("endTime", "msPlayed")
EXTENDED = ("ts", "ms_played")
LONGEST_MS = 7 * 86_400_000  # a play longer than a week is a damaged count
# the extended history's fields kept as attributes, by the names shown
_KEPT = {"master_metadata_album_album_name": "album", "platform": "platform", "conn_country": "country",
         "reason_start": "reason_start", "reason_end": "reason_end", "shuffle": "shuffle", "skipped": "skipped",
         "offline": "offline", "incognito_mode": "incognito"}


def looks_like(document: object) -> bool:
    """A list of plays, the first ones each with Spotify's end time and time played."""
    if not isinstance(document, list) or not document:
        return False
    sample = [item for item in document[:20] if isinstance(item, dict)]
    return bool(sample) and any(all(all(k in item for k in keys) for item in sample) for keys in (BASIC, EXTENDED))


def read(path: str | Path, document: list[Any] | None = None, **_options: Any) -> Dataset:
    """Read a streaming history into plays (``document``: the file's JSON when the caller has parsed it already)."""
    path = Path(path)
    label = str(path)
    if document is None:
        document = reading.read_json(path, EXPECTED)  # type: ignore[assignment]
        if not looks_like(document):
            raise LoadError(f"{path}: expected {EXPECTED}")
    assert document is not None
    rows = pd.DataFrame([item if isinstance(item, dict) else {} for item in document])
    extended = all(k in rows.columns for k in EXTENDED)
    written = rows["ts" if extended else "endTime"]
    texts = written.map(lambda v: isinstance(v, str)).astype(bool)
    ended = pd.to_datetime(written.where(texts), utc=True, errors="coerce", format="ISO8601")
    counts = rows["ms_played" if extended else "msPlayed"]
    numbers = counts.map(lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)).astype(bool)
    played = pd.to_numeric(counts.where(numbers), errors="coerce").astype("float64")
    played = played.where((played >= 0) & (played <= LONGEST_MS))  # (a play of years is no play: skipped)
    keep = (ended.notna() & played.notna()).to_numpy()
    problems = [Problem(label, "expected a play with its end time and time played; skipped", int(i) + 1, None,
                        "warning") for i in np.flatnonzero(~keep)[:50]]
    if len(problems) < int(np.count_nonzero(~keep)):
        problems.append(Problem(label, f"{counted(int(np.count_nonzero(~keep)), 'play')} without a readable end time "
                                "or time played skipped in all", None, None, "warning"))
    if not keep.any():
        raise LoadError(f"{path}: no play with a readable end time and time played; expected {EXPECTED}")
    title, actor, kind = _what(rows, extended)
    started = ended - pd.to_timedelta(played.fillna(0), unit="ms")
    events = pd.DataFrame({"id": [f"play-{i + 1}" for i in range(len(rows))], "title": title, "actors": actor,
                           "category": kind, "attr:minutes_played": (played / 60_000).round(2)})
    for field, name in _KEPT.items():
        if field in rows.columns:
            events[f"attr:{name}"] = rows[field]
    events = events[keep].reset_index(drop=True)
    seconds = precision_series(np.full(len(rows), list(PRECISION_DTYPE.categories).index("time"), dtype=np.int8),
                               rows.index)
    dates = {"start": parsed_dates(started, seconds, keep), "end": parsed_dates(ended, seconds, keep)}
    events["start"], events["end"] = dates["start"].instants, dates["end"].instants
    named = pd.unique(events["actors"][events["actors"] != ""])
    shows = _shows(events)
    entities = pd.DataFrame({"id": named, "name": named, "kind": ["show" if n in shows else "artist" for n in named]})
    tables = Tables(events, entities, None, label, label, label, dates=dates,
                    rows={"events": np.flatnonzero(keep) + 1})
    title = f"{compressed.stem(path)} · {counted(len(events), 'play')}"
    return build_dataset(tables, DatasetMeta(title=title, path=label, sources=(label,)), problems)


def _what(rows: pd.DataFrame, extended: bool) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Each play's title, actor and kind: a track by its artist, an episode by its show, an audiobook."""
    def text(*fields: str) -> pd.Series:
        found = pd.Series([""] * len(rows), index=rows.index, dtype=object)
        for field in reversed(fields):  # the first field written wins
            if field in rows.columns:
                value = rows[field].where(rows[field].notna(), "").astype(str).str.strip()
                found = value.where(value != "", found)
        return found

    if extended:
        track = text("master_metadata_track_name")
        episode = text("episode_name")
        book = text("audiobook_title", "audiobook_chapter_title")
        title = track.where(track != "", episode.where(episode != "", book))
        actor = text("master_metadata_album_artist_name", "episode_show_name")
        kind = np.where(track != "", "music", np.where(episode != "", "podcast", np.where(book != "", "audiobook",
                                                                                          "")))
    else:
        title = text("trackName", "episodeName")
        actor = text("artistName", "podcastName")
        kind = np.where(text("episodeName", "podcastName") != "", "podcast", "music")
    return title.where(title != "", "Unknown play"), actor, pd.Series(kind, index=rows.index)


def _shows(events: pd.DataFrame) -> set[str]:
    """The names of the shows played (the others are artists)."""
    return set(events.loc[events["category"] == "podcast", "actors"].tolist())
