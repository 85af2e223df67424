"""E-mail opens as a timeline: an mbox (Thunderbird's folders have no suffix, Gmail's Takeout writes .mbox) or one
.eml message. Each message is an event, each address a person, and who wrote to whom a dated tie. They were
"not a format Entente knows" (or a table read from the mailbox's lines). The people here are made up."""

from __future__ import annotations

import email
import email.policy
import mailbox
from collections.abc import Sequence
from email.message import EmailMessage, Message
from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError


def _message(sender: str, to: str, subject: str, date: str, body: str = "Hello.", *, cc: str = "",
             html: str = "", labels: str = "", attachment: bytes = b"") -> EmailMessage:
    message = EmailMessage()
    message["From"], message["To"], message["Subject"], message["Date"] = sender, to, subject, date
    if cc:
        message["Cc"] = cc
    if labels:
        message["X-Gmail-Labels"] = labels
    message["Message-ID"] = f"<{abs(hash((subject, date)))}@example.org>"
    if html:
        message.set_content(html, subtype="html")
    else:
        message.set_content(body)
    if attachment:
        message.add_attachment(attachment, maintype="application", subtype="octet-stream", filename="ledger.bin")
    return message


MESSAGES = [
    _message("Ana Example <ana@example.org>", "Ben Sample <ben@example.net>", "Draft contract",
             "Mon, 04 Mar 2019 10:00:00 +0100", "Ben,\nthe draft is attached.\nFrom the desk of Ana",
             labels="Inbox,Important", attachment=b"\x00\x01" * 100),
    _message("ben@example.net", "Ana Example <ANA@example.org>", "=?utf-8?q?Re=3A_Draft_contract_=E2=9C=93?=",
             "Tue, 05 Mar 2019 09:30:00 +0000", cc="Cleo Third <cleo@example.com>",
             html="<p>Signed.</p><script>alert(1)</script><img src='https://tracker.example/x.png'>"),
    _message("Ana Example <ana@example.org>", "ben@example.net", "Payment", "Thu, 14 Mar 2019 16:45:00 -0500",
             "Wired today."),
    # as written by hand (EmailMessage would not keep a Date it cannot read), after an envelope without a date
    email.message_from_bytes(b"From cleo@example.com\nFrom: Cleo Third <cleo@example.com>\nTo: ana@example.org\n"
                             b"Subject: Lost date\nDate: sometime in March\n\nHello.\n", policy=email.policy.default),
]


def _mbox(path: Path, messages: Sequence[Message]) -> Path:
    box = mailbox.mbox(path)
    for message in messages:
        box.add(message)
    box.flush()
    box.close()
    return path


@pytest.mark.parametrize("name", ["All mail.mbox", "Inbox"])  # Gmail's Takeout; a Thunderbird folder
def test_a_mailbox_becomes_messages_people_and_their_ties(tmp_path: Path, name: str) -> None:
    ds = viewer.load(_mbox(tmp_path / name, MESSAGES))
    events = ds.events
    assert list(events["title"]) == ["Draft contract", "Re: Draft contract ✓", "Payment"]
    assert [t.isoformat() for t in events["start"]] == ["2019-03-04T09:00:00+00:00", "2019-03-05T09:30:00+00:00",
                                                        "2019-03-14T21:45:00+00:00"]
    assert list(events["actors"].astype(str)) == ["ana@example.org;ben@example.net",
                                                  "ben@example.net;ana@example.org;cleo@example.com",
                                                  "ana@example.org;ben@example.net"]
    assert events["tags"].iloc[0] == "Inbox;Important"
    assert events[["attr:from", "attr:to", "attr:cc"]].iloc[1].tolist() == ["ben@example.net", "ana@example.org",
                                                                            "cleo@example.com"]
    assert events["description"].iloc[0].startswith("Ben,\nthe draft is attached.")
    assert events["description"].iloc[1] == "Signed."  # HTML as text: no script, nothing fetched
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert names["ana@example.org"] == "Ana Example" and names["ben@example.net"] == "Ben Sample"
    assert set(ds.entities["kind"]) == {"person"}
    ties = {(r.source, r.target): r for r in ds.relations.itertuples()}
    assert ties[("ana@example.org", "ben@example.net")].value == 2
    assert str(ties[("ana@example.org", "ben@example.net")].valid_from.date()) == "2019-03-04"
    assert ties[("ana@example.org", "ben@example.net")].note == "2 messages, the last on 14 Mar 2019"
    assert ties[("ben@example.net", "cleo@example.com")].value == 1
    said = [p.message for p in ds.problems]
    assert "message 4 (Lost date): expected a date, got 'sometime in March'; skipped" in said


def test_one_message_file_opens(tmp_path: Path) -> None:
    path = tmp_path / "forwarded.eml"
    path.write_bytes(bytes(MESSAGES[0]))
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Draft contract"] and len(ds.relations) == 1
    bare = tmp_path / "forwarded"  # saved without its suffix: known by its headers
    bare.write_bytes(b"Received: from mx.example.org\n" + bytes(MESSAGES[2]))
    assert list(viewer.load(bare).events["title"]) == ["Payment"]


def test_a_table_whose_header_begins_with_from_is_no_mailbox(tmp_path: Path) -> None:
    path = tmp_path / "periods"
    path.write_text("From date,To date,title\n2019-03-04,2019-03-05,a\n", encoding="utf-8")
    assert list(viewer.load(path).events["title"]) == ["a"]


def test_mail_without_a_readable_date_is_refused_by_name(tmp_path: Path) -> None:
    path = tmp_path / "undated.eml"  # one message: no mailbox 'From ' line to date it by
    path.write_bytes(bytes(MESSAGES[3]))
    with pytest.raises(LoadError, match=r"undated\.eml: no message with a readable date \(message 1"):
        viewer.load(path)


def test_a_message_whose_date_cannot_be_read_is_dated_by_its_envelope(tmp_path: Path) -> None:
    """No Date header, 31 February, an offset of +9900: each message of a mailbox has its envelope's date (the
    'From ' line written at delivery). Before, such messages were skipped, and a mailbox of them refused."""
    path = tmp_path / "Archive"
    path.write_bytes(b"From ana@example.org Mon Mar  4 10:00:00 2019\nFrom: ana@example.org\nSubject: Undated\n\n"
                     b"Hello.\n\nFrom - Tue Mar  5 09:30:05 2019\nFrom: ben@example.net\nSubject: Impossible\n"
                     b"Date: Thu, 31 Feb 2019 10:00:00 +0000\n\nHi.\n\nFrom ana@example.org Wed Mar 6 10:00:00 +0000 "
                     b"2019\nFrom: ana@example.org\nSubject: Far zone\nDate: Wed, 06 Mar 2019 10:00:00 +9900\n\nBye.\n")
    ds = viewer.load(path)
    assert [t.isoformat() for t in ds.events["start"]] == ["2019-03-04T10:00:00+00:00", "2019-03-05T09:30:05+00:00",
                                                           "2019-03-06T10:00:00+00:00"]
    said = [p for p in ds.problems if p.field == "Date"]
    assert [p.row for p in said] == [1, 2, 3] and all("dated by its mailbox 'From ' line" in p.message for p in said)
    assert "31 Feb 2019" in said[1].message
    garbage = tmp_path / "notes.mbox"
    garbage.write_text("just some notes\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"notes\.mbox: does not start with an mbox 'From ' line"):
        viewer.load(garbage)


RAW_HEADERS = (b"From a@b Mon Mar  4 10:00:00 2019\nFrom: Zo\xc3\xab <z@x.org>\nTo: Jos\xc3\xa9 <j@y.org>\n"
               b"Subject: Caf\xc3\xa9 und Gr\xc3\xbc\xc3\x9fe\nDate: Mon, 4 Mar 2019 10:00:00 +0000\n\nbody\n\n"
               b"From a@b Mon Mar  4 11:00:00 2019\nFrom: =?utf-8?q?Ren=C3=A9?= <r@x.org>\nTo: j@y.org\n"
               b"Subject: Raw \xe9t\xe9 then =?utf-8?q?=C3=A9t=C3=A9?=\nDate: Mon, 4 Mar 2019 11:00:00 +0000\n\nbody\n")


def test_headers_in_raw_utf8_or_windows_1252_read_as_written(tmp_path: Path) -> None:
    """Servers send UTF-8 headers unencoded (RFC 6532), older clients Windows-1252: each accent showed as '��'."""
    path = tmp_path / "raw.mbox"
    path.write_bytes(RAW_HEADERS)
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["Café und Grüße", "Raw été then été"]
    assert set(ds.entities["name"]) == {"Zoë", "José", "René"}
    assert not ds.events["title"].str.contains("\ufffd").any()


@pytest.mark.parametrize(("written", "utc"), [("Mon, 4 Mar 2019 10:00:00 CEST", "2019-03-04 08:00:00+00:00"),
                                              ("Mon, 4 Mar 2019 10:00:00 MESZ (MEZ)", "2019-03-04 08:00:00+00:00"),
                                              ("Mon, 4 Mar 2019 10:00:00 JST", "2019-03-04 01:00:00+00:00"),
                                              ("Mon, 4 Mar 2019 10:00:00 EST", "2019-03-04 15:00:00+00:00"),
                                              ("Mon, 4 Mar 2019 10:00:00", "2019-03-04 10:00:00+00:00")])
def test_a_date_header_named_by_a_zone_python_does_not_know_is_in_that_zone(tmp_path: Path, written: str,
                                                                             utc: str) -> None:
    """Python's parser knows only the US zones' names: ``10:00:00 CEST`` was read as 10:00 UTC, silently."""
    path = tmp_path / "one.mbox"
    path.write_bytes(f"From a@b Mon Mar  4 10:00:00 2019\nFrom: a@x.org\nTo: b@y.org\nSubject: s\nDate: {written}\n\n"
                     "body\n".encode())
    assert str(viewer.load(path).events["start"].iloc[0]) == utc


def test_a_line_of_text_opening_with_from_stays_in_its_message(tmp_path: Path) -> None:
    """mboxo leaves ``From what I hear…`` in a message's text unescaped: it cut the message in two and made a
    message of no date ("expected a date, got ''"). A separator line with no date, after a blank line and before a
    header, still separates."""
    path = tmp_path / "Inbox"
    path.write_bytes(b"From a@x Tue Mar  5 10:00:00 2019\nFrom: a@x.org\nTo: b@x.org\nSubject: one\n"
                     b"Date: Tue, 5 Mar 2019 10:00:00 +0000\n\nHello,\n\nFrom what I hear, the plan is fine.\n"
                     b"From here on we go.\n\nFrom b@x Wed Mar  6 10:00:00 2019\nFrom: b@x.org\nTo: a@x.org\n"
                     b"Subject: two\nDate: Wed, 6 Mar 2019 10:00:00 +0000\n\nok\n\nFrom b@x\nFrom: b@x.org\n"
                     b"Subject: three\nDate: Thu, 7 Mar 2019 10:00:00 +0000\n\nbye\n")
    ds = viewer.load(path)
    assert list(ds.events["title"]) == ["one", "two", "three"] and not ds.problems
    assert "From here on we go." in ds.events["description"].iloc[0]
