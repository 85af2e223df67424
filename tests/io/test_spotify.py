"""Spotify's listening history from its privacy download: each play was an instant at its end titled by its artist
(the account data) or by the account's user name (an episode in the extended history), with no actor. Each play
is a span from its start to its end, titled by the track or episode, its artist or show the actor."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.model.problems import LoadError

BASIC = [{"endTime": "2021-05-01 10:03", "artistName": "Nina Simone", "trackName": "Feeling Good",
          "msPlayed": 175000},
         {"endTime": "2021-05-01 10:07", "artistName": "Nina Simone", "trackName": "Sinnerman", "msPlayed": 60000}]
PODCASTS = [{"endTime": "2021-06-02 08:30", "podcastName": "The Daily", "episodeName": "A Bill, Explained",
             "msPlayed": 1_500_000}]


def _play(ts: str, ms: int, **fields: object) -> dict[str, object]:
    empty = {"master_metadata_track_name": None, "master_metadata_album_artist_name": None,
             "master_metadata_album_album_name": None, "episode_name": None, "episode_show_name": None}
    return {"ts": ts, "username": "listener42", "platform": "Android OS 11", "ms_played": ms, "conn_country": "FR",
            "reason_start": "clickrow", "reason_end": "trackdone", "shuffle": False, "skipped": None,
            "offline": False, "incognito_mode": False, **empty, **fields}


EXTENDED = [_play("2021-05-01T10:00:00Z", 215000, master_metadata_track_name="Feeling Good",
                  master_metadata_album_artist_name="Nina Simone", master_metadata_album_album_name="I Put a Spell"),
            _play("2021-05-01T10:04:00Z", 5000, episode_name="Ep 1", episode_show_name="Podcast Y", skipped=True),
            _play("2021-05-01T11:00:00Z", 600000, audiobook_title="Middlemarch"),
            _play("not a time", 1000, master_metadata_track_name="Lost")]


def _opened(tmp_path: Path, name: str, plays: list[dict[str, object]]) -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(json.dumps(plays), encoding="utf-8")
    return viewer.load(path)


def test_the_account_datas_history_is_plays_of_tracks_by_artists(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "StreamingHistory0.json", BASIC)
    first = ds.events.iloc[0]
    assert (first["title"], first["actors"], first["category"]) == ("Feeling Good", "Nina Simone", "music")
    assert first["start"] == pd.Timestamp("2021-05-01 10:00:05", tz="UTC")  # 175 s before its end, in UTC
    assert first["end"] == pd.Timestamp("2021-05-01 10:03", tz="UTC")
    assert first["attr:minutes_played"] == pytest.approx(2.92)
    assert list(ds.entities["name"]) == ["Nina Simone"] and not ds.problems  # (no "taken as UTC": Spotify's UTC)
    assert ds.meta.title == "StreamingHistory0 · 2 plays"


def test_podcast_history_is_episodes_by_shows(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "StreamingHistory_podcast_0.json", PODCASTS)
    play = ds.events.iloc[0]
    assert (play["title"], play["actors"], play["category"]) == ("A Bill, Explained", "The Daily", "podcast")
    assert dict(zip(ds.entities["name"], ds.entities["kind"], strict=True)) == {"The Daily": "show"}


def test_the_extended_history_tells_tracks_episodes_and_audiobooks(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "Streaming_History_Audio_2021.json", EXTENDED)
    plays = {row["title"]: row for _, row in ds.events.iterrows()}
    assert set(plays) == {"Feeling Good", "Ep 1", "Middlemarch"}
    assert plays["Feeling Good"]["attr:album"] == "I Put a Spell" and plays["Feeling Good"]["actors"] == "Nina Simone"
    assert plays["Ep 1"]["category"] == "podcast" and plays["Ep 1"]["actors"] == "Podcast Y"
    assert plays["Middlemarch"]["category"] == "audiobook"
    assert plays["Middlemarch"]["start"] == pd.Timestamp("2021-05-01 10:50", tz="UTC")
    assert "listener42" not in set(ds.events["actors"])
    assert [(p.row, p.message) for p in ds.problems] == [
        (4, "expected a play with its end time and time played; skipped")]


def test_a_history_of_no_readable_play_is_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match=r"endsong_0\.json: no play with a readable end time and time played"):
        _opened(tmp_path, "endsong_0.json", [_play("never", 10)])
