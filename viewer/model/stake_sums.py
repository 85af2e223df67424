"""Ties that cannot all hold as written: stakes held in one entity at one time that sum past the whole (a stake of
an entity in itself left out: :mod:`viewer.model.self_ties` says it), the same tie written twice, and a tie held for
no instant. Each loaded without a word before: the graph drew 60% beside 60%, Details listed a tie twice, and a tie
from a day to the same day was never drawn. Said as warnings, the ties kept as written (the file may be right and
the reading of it not: a stake and the voting rights of it under one kind). Never Qt.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import pandas as pd

from viewer.model import clock, self_ties, value_bands
from viewer.model.clock import format_instant
from viewer.model.problems import Problem
from viewer.model.value_labels import STAKE_KINDS

WHOLE = 100.0
# summed together: the shares of an entity, whoever holds them; a joint venture's partners' shares apart (a stake
# bought into a venture later dilutes them, which a dataset may leave unwritten until the sale closes)
GROUPS = {"equity_stake": "shares", "government_stake": "shares", "joint_venture": "venture"}
ROUNDING = 0.5  # filings round: 33.4 + 33.3 + 33.4 is the whole
SAID_HELD = 5  # entities named, then "and n more"
_NEVER = np.iinfo(np.int64).max  # an open end
_ALWAYS = np.iinfo(np.int64).min  # an open start


def checked(relations: pd.DataFrame, names: dict[str, str], label: str, on: str) -> list[Problem]:
    """The warnings for ``relations`` (a built relations table, with its file ``row`` numbers); ``names`` by entity id
    name the held entities, ``on`` is the dataset's clock (dates said on it).

    >>> ties = pd.DataFrame({"source": ["a", "b", "a"], "target": ["c", "c", "c"], "kind": "equity_stake",
    ...                      "value": [60.0, 70.0, 60.0], "row": [2, 3, 4],
    ...                      "valid_from": pd.to_datetime(["2010-01-01", "2015-01-01", "2017-01-01"], utc=True),
    ...                      "valid_to": pd.to_datetime(["2016-01-01", None, None], utc=True)})
    >>> for problem in checked(ties, {"c": "Gamma"}, "relations.csv", "calendar"):
    ...     print(problem.row, problem.message)
    2 stakes held in Gamma sum to 130% from 1 Jan 2015 (rows 2, 3): more than the whole; check their values and dates
    """
    if relations.empty:
        return []
    problems = _over_the_whole(relations, names, label, on)
    problems += _repeated(relations, label)
    problems += _held_for_no_instant(relations, label, on)
    return problems


def _times(stamps: pd.Series, open_as: int) -> np.ndarray:
    values = stamps.to_numpy(dtype="datetime64[us]").astype(np.int64) if len(stamps) else np.zeros(0, np.int64)
    return np.where(stamps.isna().to_numpy(), open_as, values)


def _over_the_whole(relations: pd.DataFrame, names: dict[str, str], label: str, on: str) -> list[Problem]:
    """Each held entity whose stakes, valid together, sum past 100% (a sweep over their starts and ends)."""
    values = pd.to_numeric(relations["value"], errors="coerce")
    stake = (relations["kind"].isin(STAKE_KINDS) & (values > 0) & (values <= WHOLE)).to_numpy()  # (past: said)
    stake = stake & ~self_ties.loops(relations)  # (its own shares, held in treasury, are no one else's: said apart)
    at = np.flatnonzero(stake)
    if len(at) and value_bands.COLUMN in relations.columns:  # a band ("25–50%") is no figure to add
        at = at[(relations[value_bands.COLUMN].iloc[at].fillna("").astype(str) == "").to_numpy()]
    if len(at) < 2:
        return []
    kinds = relations["kind"].iloc[at].astype(str)  # (only the stakes' columns as text: a register has 800,000 ties)
    held = relations["target"].iloc[at].astype(str).to_numpy() + "\x1f" + kinds.map(GROUPS).fillna("").to_numpy(str)
    starts = _times(relations["valid_from"].iloc[at], _ALWAYS)
    ends = _times(relations["valid_to"].iloc[at], _NEVER)
    amounts = values.to_numpy(dtype=float)[at]
    # each tie adds its value at its start and takes it away at its end (an end first at one instant: ends are
    # the first instant a tie no longer holds)
    sweep = pd.DataFrame({"held": np.concatenate([held, held]), "time": np.concatenate([starts, ends]),
                          "first": np.concatenate([np.ones(len(at)), np.zeros(len(at))]),
                          "change": np.concatenate([amounts, -amounts])})
    sweep = sweep[sweep["time"] != _NEVER].sort_values(["held", "time", "first"], kind="stable")
    sweep["sum"] = sweep.groupby("held", sort=False)["change"].cumsum()
    settled = sweep.groupby(["held", "time"], sort=False).tail(1)  # once every change at that instant is made
    over = settled[settled["sum"] > WHOLE + ROUNDING]
    if over.empty:
        return []
    first = over.groupby("held", sort=True)[["time", "sum"]].first()  # when the whole is first passed, and by what
    peak = over.loc[over.groupby("held", sort=True)["sum"].idxmax()].set_index("held")  # the most, and when
    problems = []
    stakes = _Stakes(relations, at, held, starts, ends, relations["row"].to_numpy()[at])
    said = first.head(SAID_HELD)
    for group, time, total in zip(said.index, said["time"].to_numpy(), said["sum"].to_numpy(), strict=True):
        entity = str(group).split("\x1f")[0]
        told, row = stakes.then(group, time, total, on)
        top = peak.loc[group]
        if top["sum"] > total + ROUNDING:  # (more later: 110% from 2001, 200% from 2005 with a third stake)
            told += ", and to " + stakes.then(group, int(top["time"]), float(top["sum"]), on)[0]
        problems.append(Problem(label, f"stakes held in {names.get(entity, entity)} sum to {told}: more than the "
                                       "whole; check their values and dates", row, "value", "warning"))
    if len(first) > SAID_HELD:
        problems.append(Problem(label, f"and in {len(first) - SAID_HELD:,} more entities the stakes held sum to more "
                                       "than the whole", None, "value", "warning"))
    return problems


class _Stakes(NamedTuple):
    """The stakes summed (their rows of ``relations`` at ``at``), each with its group, start, end and file row."""

    relations: pd.DataFrame
    at: np.ndarray
    held: np.ndarray
    starts: np.ndarray
    ends: np.ndarray
    rows: np.ndarray

    def then(self, group: str, time: int, total: float, on: str) -> tuple[str, int]:
        """``110% from 1 Jan 2001 (rows 2, 3)`` (a sum, from when, the rows of the stakes held together then), and
        the first of those rows."""
        together = np.flatnonzero((self.held == group) & (self.starts <= time) & (time < self.ends))
        precision = _precision(self.relations, self.at, together)
        when = "" if time == _ALWAYS else f" from {format_instant(_instant(time), precision, on)}"
        written = sorted(self.rows[together])
        listed = ", ".join(str(int(r)) for r in written[:8]) + (", …" if len(together) > 8 else "")
        return f"{_percent(total)}{when} (rows {listed})", int(written[0])


def _percent(total: float) -> str:
    """A sum of stakes as a person writes it: ``110%``, ``27,210.5%`` (not ``2.721e+04%``).

    >>> _percent(110.0), _percent(27210.5), _percent(100.004)
    ('110%', '27,210.5%', '100%')
    """
    return f"{total:,.2f}".rstrip("0").rstrip(".") + "%"


def _instant(time: int) -> pd.Timestamp:
    return pd.Timestamp(np.datetime64(int(time), "us"), tz="UTC")


def _precision(relations: pd.DataFrame, at: np.ndarray, together: np.ndarray) -> str:
    """The finest precision among the starts of the ties held together (the moment their sum passed the whole)."""
    if "valid_from_precision" not in relations.columns:
        return "day"
    written = {str(p) for p in relations["valid_from_precision"].iloc[at[together]] if isinstance(p, str)}
    return next((p for p in ("time", "day", "month") if p in written), "year" if written else "day")


def _repeated(relations: pd.DataFrame, label: str) -> list[Problem]:
    """A tie written again with the same ends, kind, value and dates (ids aside): one warning a repeat.

    >>> ties = pd.DataFrame({"source": ["a", "a"], "target": ["b", "b"], "kind": "partnership", "value": [None, None],
    ...                      "valid_from": pd.NaT, "valid_to": pd.NaT, "row": [2, 5]})
    >>> [(p.row, p.message) for p in _repeated(ties, "relations.csv")]
    [(5, 'repeats row 2: the same tie, value and dates, drawn twice')]
    """
    columns = [c for c in ("source", "target", "kind", "value", "valid_from", "valid_to") if c in relations.columns]
    # rows whose hash repeats first, then those compared whole (as text, 800,000 ties took 7 s; hashed, 0.2 s)
    hashed = pd.util.hash_pandas_object(relations[columns], index=False)
    maybe = np.flatnonzero(hashed.duplicated(keep=False).to_numpy())
    if not len(maybe):
        return []
    ties = relations[columns].iloc[maybe]
    among = maybe[ties.duplicated(keep=False).to_numpy()]  # every tie written more than once
    if not len(among):
        return []
    again = among[relations[columns].iloc[among].duplicated(keep="first").to_numpy()]
    first_of = relations[columns].iloc[among].groupby(columns, sort=False, dropna=False, observed=True).ngroup()
    rows = relations["row"].to_numpy()
    earliest = dict(zip(among.tolist(), pd.Series(rows[among]).groupby(first_of.to_numpy()).transform("min"),
                        strict=True))
    return [Problem(label, f"repeats row {int(earliest[i])}: the same tie, value and dates, drawn twice",
                    int(rows[i]), None, "warning") for i in again[:20].tolist()]


def _held_for_no_instant(relations: pd.DataFrame, label: str, on: str = clock.CALENDAR) -> list[Problem]:
    """A tie whose ``valid_to`` is its ``valid_from``: valid_to is the first instant it no longer holds, so it is
    never drawn. The way out is said on the dataset's clock: the day after on a calendar, the year after on years.

    >>> ties = pd.DataFrame({"valid_from": pd.to_datetime(["2019-01-01"], utc=True), "row": [2]})
    >>> ties["valid_to"] = ties["valid_from"]
    >>> [_held_for_no_instant(ties, "r.csv", on)[0].message.split("; ")[1] for on in ("number", "years")]
    ['write a later valid_to, where the tie ends', 'write the year after for a tie of one year']
    """
    if "valid_to" not in relations.columns:
        return []
    empty = (relations["valid_from"] == relations["valid_to"]).fillna(False).to_numpy(dtype=bool)
    rows = relations["row"].to_numpy()
    after = {clock.CALENDAR: "write the day after for a tie of one day",
             clock.YEARS: "write the year after for a tie of one year"}.get(
        on, "write a later valid_to, where the tie ends")
    return [Problem(label, "valid_to is valid_from: held for no instant (valid_to is the first instant it no longer "
                           f"holds), so never drawn; {after}", int(rows[i]),
                    "valid_to", "warning") for i in np.flatnonzero(empty)[:20]]
