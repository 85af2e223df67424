"""How the one door into the model reports what it drops or changes: capped problems, unique ids, and
entities added for references nobody listed."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from dataclasses import replace

import numpy as np
import pandas as pd

from viewer.model import text_arrow
from viewer.model.columns import arrow_text, distinct, has_duplicates
from viewer.model.problems import Problem
from viewer.model.sorting import stable_order

MAX_PROBLEMS_PER_FIELD = 200


class Reporter:
    """Collects problems, capping each (file, field, message) family so a bad million rows stays small."""

    def __init__(self, problems: list[Problem], numbers: np.ndarray | None = None, clock: str = "calendar") -> None:
        self.problems = problems
        self.numbers = numbers
        self.clock = clock  # the dataset's clock: how its date columns are read

    def numbered(self, numbers: np.ndarray | None) -> Reporter:
        """The same reporter naming rows by ``numbers`` (file rows per position) instead of position + 1."""
        return Reporter(self.problems, numbers, self.clock)

    def file_order(self) -> np.ndarray | None:
        """Positions in the order of the file's rows, or None when the positions already are (a reader may
        hand rows over sorted by time)."""
        numbers = self.numbers
        if numbers is None or len(numbers) < 2 or bool((numbers[1:] >= numbers[:-1]).all()):
            return None
        return stable_order(numbers)

    def rows(self, label: str, rows: np.ndarray, field_name: str, message: str, values: pd.Series | None,
             level: str = "error") -> None:
        """One problem per row (positions), in the file's order, the first ones up to the cap."""
        if self.numbers is not None and len(rows) > 1:
            rows = rows[np.argsort(self.numbers[rows], kind="stable")]
        for row in rows[:MAX_PROBLEMS_PER_FIELD]:
            text = message if values is None else f"{message}, got {values.loc[row]!r}"
            number = int(self.numbers[row]) if self.numbers is not None else int(row) + 1
            self.problems.append(Problem(label, text, number, field_name, level))
        if len(rows) > MAX_PROBLEMS_PER_FIELD:
            rest = len(rows) - MAX_PROBLEMS_PER_FIELD
            self.problems.append(Problem(label, f"{rest:,} more rows with the same problem ({message})",
                                         None, field_name, level))


OWN_NAMED_IN_WORDS = ("valid_from", "valid_to")  # fields a message names in its words ("valid_to is before …")


def in_own_names(problems: list[Problem], since: int, names: Mapping[str, str]) -> None:
    """The problems from ``since`` on name fields by the file's own columns (a tie's ``valid_to`` is the table's
    ``to_date``): "field 'to_date': to_date is before from_date", not the model's words for them. A message's
    words are changed only before what it quotes of the cell (``, got …``)."""
    if not names:
        return
    words = {k: v for k, v in names.items() if k in OWN_NAMED_IN_WORDS}
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, words)) + r")\b") if words else None
    for at in range(since, len(problems)):
        problem = problems[at]
        message = problem.message
        if pattern is not None:
            said, got, quoted = message.partition(", got ")
            message = pattern.sub(lambda found: words[found.group(1)], said) + got + quoted
        field = names.get(problem.field, problem.field) if problem.field else problem.field
        problems[at] = replace(problem, message=message, field=field)


def plain_ids(ids: pd.Series) -> bool:
    """Every id is written, without spaces around it, and none repeats: :func:`unique_ids` would keep them all as
    they are (hashing and sorting let go of Python's lock: loaders ask it on a second thread)."""
    return not text_arrow.may_need_trim(arrow_text(ids)) and not (ids == "").any() and not has_duplicates(ids)


def unique_ids(ids: pd.Series, label: str, prefix: str, report: Reporter) -> pd.Series:
    """Ids stripped; empty ones numbered (``entity3``), duplicates renamed ``id#2`` with a warning.

    Which of two rows keeps the id is decided in the file's order (the first one written keeps it), also
    when the reader handed the rows over in another order.
    """
    if text_arrow.may_need_trim(arrow_text(ids)):  # loaders hand most id columns in already stripped
        ids = ids.str.strip()
    empty = ids == ""
    if not empty.any() and not has_duplicates(ids):
        return ids  # most columns: nothing to name or rename, in whatever order the rows came
    order = report.file_order()
    if order is not None:
        back = np.empty_like(order)
        back[order] = np.arange(len(order))
        assert report.numbers is not None
        in_file = unique_ids(ids.iloc[order].reset_index(drop=True), label, prefix,
                             report.numbered(report.numbers[order]))
        return in_file.iloc[back].set_axis(ids.index)
    if empty.any():
        ids = ids.where(~empty, [f"{prefix}{i + 1}" for i in range(len(ids))])
        if not has_duplicates(ids):
            return ids
    dup = ids.duplicated(keep="first")
    if dup.any():
        rows = np.flatnonzero(dup.to_numpy())
        report.rows(label, rows, "id", "duplicate id, renamed with a #n suffix", ids, "warning")
        counter = ids.groupby(ids).cumcount()
        ids = ids.where(~dup, ids + "#" + (counter + 1).astype(str))
    return ids


def add_unknown_entities(entities: pd.DataFrame, ids: set[str], label: str, field_name: str,
                          report: Reporter, level: str = "warning", said: Collection[str] = ()) -> pd.DataFrame:
    """``entities`` with a row of kind ``unknown`` for every id in ``ids`` it lacks (said once, not per row; those
    in ``said`` were said already, by why)."""
    missing = sorted(ids - set(distinct(entities["id"])))  # (each distinct id once, not a Python object a row)
    if not missing:
        return entities
    unsaid = [m for m in missing if m not in said]
    shown = ", ".join(unsaid[:10]) + (f" and {len(unsaid) - 10} more" if len(unsaid) > 10 else "")
    if level and unsaid:
        report.problems.append(Problem(label, f"refers to entities not in the entity table: {shown}; "
                                       "added them with kind 'unknown'", None, field_name, level))
    extra = pd.DataFrame({"id": missing, "name": missing, "kind": "unknown", "country": "", "color": "",
                          "note": ""})
    return pd.concat([entities, extra], ignore_index=True)
