"""A bank's or a card's statement as banks hand it out for money software: OFX (Open Financial Exchange), its SGML
form 1.x (``OFXHEADER:100``, leaves without closing tags) and its XML form 2.x (``<?OFX OFXHEADER="200" …?>``),
as ``.ofx``, Quicken's ``.qfx`` or QuickBooks' ``.qbo``.

Each transaction (``<STMTTRN>``, in a bank's, a card's or an investment account's statement) is an event at the day
it was posted (``DTPOSTED``; ``DTUSER`` where that is missing), at its time and zone where the bank writes them
(``20210105120000.000[-5:EST]``; a time without a zone is UTC, as OFX says): its payee the title and the actor, its
memo the description, its kind (``DEBIT``, ``POS``, ``ATM``, ``CHECK`` …) the category; its amount (a number), the
statement's currency, the account, the check number and the bank's transaction id as attributes. A transaction
whose date cannot be read is said and left out.
"""

from __future__ import annotations

import bisect
import html
import re
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from viewer.io import compressed
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.problems import LoadError, Problem

SUFFIXES = (".ofx", ".qfx", ".qbo")
EXPECTED = "an OFX statement (OFXHEADER:100 or <?OFX OFXHEADER=\"200\"?>) with <STMTTRN> transactions"
_TRANSACTION = re.compile(r"<STMTTRN>(.*?)</STMTTRN>", re.IGNORECASE | re.DOTALL)
_LEAF = re.compile(r"<([A-Za-z0-9.]+)>([^<\r\n]*)")  # SGML's leaves have no closing tag; XML's are closed after
_STATEMENT = re.compile(r"<(?:STMTRS|CCSTMTRS|INVSTMTRS)>(.*?)(?:</(?:STMTRS|CCSTMTRS|INVSTMTRS)>|$)",
                        re.IGNORECASE | re.DOTALL)
_CORE = ("id", "start", "title", "actors", "category", "description", "amount")  # kept even when empty
_DATE = re.compile(r"^(\d{4})-?(\d{2})-?(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(?:\.(\d{1,6}))?)?)?"
                   r"(?:\[\s*([+-]?\d{1,2}(?:\.\d+)?)(?::[^\]]*)?\])?$")


def looks_like(head: bytes) -> bool:
    """Whether a text begins as an OFX document: the SGML form's header, or the XML form's processing instruction."""
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n")[:512].upper()
    return start.startswith(b"OFXHEADER:") or (start.startswith(b"<?XML") and b"<?OFX" in start) or \
        start.startswith(b"<OFX>")


def _leaves(block: str) -> dict[str, str]:
    """An aggregate's leaf elements, the first of each name, their text unescaped (``&amp;`` is &)."""
    found: dict[str, str] = {}
    for name, value in _LEAF.findall(block):
        found.setdefault(name.upper(), html.unescape(value.strip()))
    return found


def iso_instant(text: str) -> tuple[str, str] | None:
    """An OFX date-time (``20210105``, ``20210105120000.000[-5:EST]``) as ISO text and its precision, or None."""
    found = _DATE.match(text.strip())
    if found is None:
        return None
    year, month, day, hour, minute, second, _fraction, offset = found.groups()
    if hour is None:
        return f"{year}-{month}-{day}", "day"
    hours = float(offset) if offset else 0.0
    sign, whole = ("-" if hours < 0 else "+"), abs(hours)
    zone = f"{sign}{int(whole):02d}:{round((whole % 1) * 60):02d}"
    return f"{year}-{month}-{day}T{hour}:{minute}:{second or '00'}{zone}", "time"


def read(path: str | Path, **_options: Any) -> Dataset:
    """Read a statement's transactions into events, their payees into entities."""
    path = Path(path)
    label = str(path)
    data = compressed.read_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:  # the SGML form's usual CHARSET:1252 (a payee's "é" as one byte)
        text = data.decode("cp1252", errors="replace")
    del data
    problems: list[Problem] = []
    rows: list[dict[str, str]] = []
    lines: list[int] = []
    breaks = [at.start() for at in re.finditer("\n", text)]
    statements = [(s.start(1), s.group(1)) for s in _STATEMENT.finditer(text)] or [(0, text)]
    for offset, statement in statements:
        head = _leaves(_TRANSACTION.sub("", statement))  # the statement's own leaves: currency, account
        currency, account = head.get("CURDEF", ""), head.get("ACCTID", "")
        for found in _TRANSACTION.finditer(statement):
            leaves = _leaves(found.group(1))
            line = bisect.bisect_right(breaks, offset + found.start()) + 1
            when = iso_instant(leaves.get("DTPOSTED") or leaves.get("DTUSER", ""))
            if when is None:
                problems.append(Problem(label, "expected a date such as 20210105 or 20210105120000[-5:EST], got "
                                        f"{leaves.get('DTPOSTED', '')!r}; transaction skipped", line, "DTPOSTED",
                                        "warning"))
                continue
            payee, memo, kind = leaves.get("NAME") or leaves.get("PAYEE", ""), leaves.get("MEMO", ""), leaves.get(
                "TRNTYPE", "")
            rows.append({"id": leaves.get("FITID") or f"line{line}", "start": when[0],
                         "title": payee or memo or kind or "transaction", "actors": payee.replace(";", ","),
                         "category": kind.lower(), "description": memo if memo != payee else "",
                         "amount": leaves.get("TRNAMT", ""), "currency": leaves.get("CURSYM") or currency,
                         "account": account, "check_number": leaves.get("CHECKNUM", "")})
            lines.append(line)
    if not rows:
        raise LoadError(f"{path}: no transaction with a readable date; expected {EXPECTED}")
    events = pd.DataFrame(rows)
    events["amount"] = pd.to_numeric(events["amount"].str.replace(",", ".", regex=False), errors="coerce")
    events = events.loc[:, [c for c in events.columns if c in _CORE or (events[c] != "").any()]]
    names = sorted({a for a in events["actors"] if a})
    tables = Tables(events, pd.DataFrame({"id": names, "name": names, "kind": "other"}, columns=["id", "name", "kind"]),
                    None, label, label, label, rows={"events": np.asarray(lines, dtype=np.int64)})
    return build_dataset(tables, DatasetMeta(title=compressed.stem(path), path=label, sources=(label,)), problems)

