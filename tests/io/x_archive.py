"""An X (Twitter) archive as "Download an archive of your data" writes it, for the tests: a data folder of
``window.YTD.<name>.part0 = [ … ]`` files, unpacked or zipped."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

ACCOUNT = [{"account": {"email": "ana@example.org", "createdVia": "web", "username": "ana_lima",
                        "accountId": "100", "createdAt": "2012-01-01T10:00:00.000Z", "accountDisplayName": "Ana Lima"}}]
TWEETS = [
    {"tweet": {"id_str": "1", "id": "1", "created_at": "Mon Mar 04 10:00:00 +0000 2019",
               "full_text": "Reading the filing with @ben_ode &amp; team https://t.co/abc #audit",
               "entities": {"user_mentions": [{"screen_name": "ben_ode", "name": "Ben Ode", "id_str": "200"}],
                            "hashtags": [{"text": "audit"}],
                            "urls": [{"url": "https://t.co/abc", "expanded_url": "https://example.org/filing"}]},
               "favorite_count": "12", "retweet_count": "3", "lang": "en",
               "source": "<a href=\"https://mobile.twitter.com\" rel=\"nofollow\">Twitter Web App</a>"}},
    {"tweet": {"id_str": "2", "id": "2", "created_at": "Mon Mar 04 11:30:15 +0000 2019",
               "full_text": "@ben_ode Agreed, page 4 https://t.co/pic",
               "in_reply_to_status_id_str": "900", "in_reply_to_user_id_str": "200",
               "in_reply_to_screen_name": "ben_ode",
               "entities": {"user_mentions": [{"screen_name": "ben_ode", "name": "Ben Ode", "id_str": "200"}]},
               "extended_entities": {"media": [{"url": "https://t.co/pic",
                                                "media_url_https": "https://pbs.twimg.com/media/x.jpg"}]},
               "favorite_count": "0", "retweet_count": "0", "lang": "en"}},
    {"tweet": {"id_str": "3", "id": "3", "created_at": "Tue Mar 05 08:00:00 +0000 2019",
               "full_text": "RT @cara: The audit is out",
               "entities": {"user_mentions": [{"screen_name": "cara", "name": "Cara", "id_str": "300"}]},
               "favorite_count": "0", "retweet_count": "5", "lang": "en"}},
]
MESSAGES = [{"dmConversation": {"conversationId": "100-200", "messages": [
    {"messageCreate": {"recipientId": "200", "reactions": [], "urls": [], "text": "Can we talk about page 4?",
                       "mediaUrls": [], "senderId": "100", "id": "5001", "createdAt": "2019-03-04T12:00:00.500Z"}},
    {"messageCreate": {"recipientId": "100", "reactions": [], "urls": [], "text": "Yes, call me",
                       "mediaUrls": [], "senderId": "200", "id": "5002", "createdAt": "2019-03-04T12:05:00.000Z"}},
]}}]
GROUP = [{"dmConversation": {"conversationId": "g77", "messages": [
    {"joinConversation": {"initiatingUserId": "200", "participantsSnapshot": ["200", "300"],
                          "createdAt": "2019-03-06T09:00:00.000Z"}},
    {"conversationNameUpdate": {"initiatingUserId": "200", "name": "Audit desk",
                                "createdAt": "2019-03-06T09:01:00.000Z"}},
    {"messageCreate": {"reactions": [], "urls": [], "text": "Welcome", "mediaUrls": [], "senderId": "200",
                       "id": "6001", "createdAt": "2019-03-06T09:02:00.000Z"}},
    {"participantsLeave": {"userIds": ["100"], "createdAt": "2019-03-08T17:00:00.000Z"}},
]}}]
FILES = {"account.js": ("account", ACCOUNT), "tweets.js": ("tweets", TWEETS),
         "direct-messages.js": ("direct_messages", MESSAGES),
         "direct-messages-group.js": ("direct_messages_group", GROUP)}


def text_of(name: str) -> str:
    """One data file's text, as the archive writes it."""
    key, items = FILES[name]
    return f"window.YTD.{key}.part0 = {json.dumps(items, indent=2)}"


def write_archive(root: Path) -> Path:
    """The unpacked archive: ``Your archive.html`` beside its data folder."""
    data = root / "data"
    data.mkdir(parents=True)
    (root / "Your archive.html").write_text("<html></html>", encoding="utf-8")
    for name in FILES:
        (data / name).write_text(text_of(name), encoding="utf-8")
    (data / "like.js").write_text("window.YTD.like.part0 = []", encoding="utf-8")
    return root


def write_zip(path: Path) -> Path:
    """The archive as X delivers it."""
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Your archive.html", "<html></html>")
        for name in FILES:
            archive.writestr(f"data/{name}", text_of(name))
        archive.writestr("data/tweets_media/1-x.jpg", b"\xff\xd8")
    return path
