"""A relation's value as text for its kind: stakes as percentages, prices with their unit, weights plain."""

from __future__ import annotations

import numpy as np

STAKE_KINDS = frozenset({"equity_stake", "government_stake", "joint_venture"})
PERCENT_KINDS = frozenset({*STAKE_KINDS, "voting_rights", "shareholding", "ownership", "board_seats_share"})
PERCENT_WORDS = ("stake", "voting", "ownership", "shareholding")
PRICE_WORDS = ("price", "consideration", "deal_value", "amount")
UNITS = {"usd": "USD", "eur": "EUR", "jpy": "JPY", "gbp": "GBP", "cny": "CNY", "krw": "KRW", "inr": "INR",
         "chf": "CHF", "cad": "CAD", "aud": "AUD", "brl": "BRL"}


def _number(value: float) -> str:
    """A plain number: ``1``, ``2.5``, ``12,500``, ``5.4 bn``."""
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            return f"{value / size:.3g} {word}"
    return f"{value:,.6g}"


def is_share(kind: str) -> bool:
    """Whether a relation of this kind is valued as a percentage (a stake, voting rights …)."""
    name = kind.lower()
    return name in PERCENT_KINDS or any(word in name for word in PERCENT_WORDS)


def is_plain(kind: str) -> bool:
    """Whether a relation of this kind is valued as a plain number (a count of messages, a weight), not a share or a
    price."""
    return not is_share(kind) and not any(word in kind.lower() for word in PRICE_WORDS)


def value_label(kind: str, value: float, unit: str = "") -> str:
    """A relation's value as text for its kind; empty when it has none.

    A stake, voting rights or a government stake is a percentage; a price is a number with its
    unit when known (given, or the kind's last word: ``price_eur``); anything else, such as a GEXF
    edge weight, is a plain number.

    >>> value_label("equity_stake", 43.4), value_label("edge", 1.0), value_label("weight", 2.5)
    ('43.4%', '1', '2.5')
    >>> value_label("acquisition_price_usd", 5.4e9), value_label("price", 120.0, "EUR")
    ('5.4 bn USD', '120 EUR')
    """
    if value is None or np.isnan(value):
        return ""
    name = kind.lower()
    if is_share(name):
        return f"{value:g}%"
    if any(word in name for word in PRICE_WORDS):
        unit = unit or UNITS.get(name.rsplit("_", 1)[-1], "")
        return f"{_number(value)} {unit}".strip()
    return _number(value)
