"""Combining datasets: events from one file, relations from another, entities matched by id or name."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from viewer.model import attributes
from viewer.model.clock import WORDS as CLOCK_WORDS
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError, Problem

TITLED = 3  # files named in a combined dataset's title ("jan + feb + mar + 9 more"), not a hundred


def _name_key(name: object) -> str:
    return " ".join(str(name).lower().split())


class _Known:
    """The entities gathered so far, by id and by name: each file joining is matched against them in turn."""

    def __init__(self, entities: pd.DataFrame) -> None:
        self.by_id: dict[str, object] = {}
        self.by_name: dict[str, str] = {}
        self._add(entities["id"].astype(str).tolist(), entities["name"].tolist())

    def _add(self, ids: list[str], names: list[object]) -> None:
        self.by_id.update(zip(ids, names, strict=True))
        self.by_name.update((_name_key(name), eid) for eid, name in zip(ids, names, strict=True))

    def join(self, extra: pd.DataFrame, label: str, problems: list[Problem]) -> tuple[dict[str, str], pd.DataFrame]:
        """Map the joining file's entity ids onto those known (same id, else same name); its new rows, now known."""
        mapping: dict[str, str] = {}
        new_rows = []
        ids, names, kinds = extra["id"].astype(str).tolist(), extra["name"].tolist(), extra["kind"].astype(str).tolist()
        for row, (eid, name, kind) in enumerate(zip(ids, names, kinds, strict=True)):
            if eid in self.by_id:
                mapping[eid] = eid
                if _name_key(self.by_id[eid]) != _name_key(name) and kind != "unknown":
                    problems.append(Problem(label, f"entity '{eid}' is named {name!r} here but {self.by_id[eid]!r} in "
                                            "the dataset it joins; kept the first name", None, "entities", "warning"))
            elif _name_key(name) in self.by_name:
                mapping[eid] = self.by_name[_name_key(name)]
                problems.append(Problem(label, f"entity '{eid}' matched '{mapping[eid]}' by its name {name!r}",
                                        None, "entities", "info"))
            else:
                mapping[eid] = eid
                new_rows.append(row)
        self._add([ids[row] for row in new_rows], [names[row] for row in new_rows])  # (after: a file's own are not
        return mapping, extra.iloc[new_rows]  # matched with each other)


def _remap_actors(actors: pd.Series, mapping: dict[str, str]) -> pd.Series:
    if all(k == v for k, v in mapping.items()):
        return actors
    uniques = pd.unique(actors.to_numpy())
    table = {u: ";".join(mapping.get(a, a) for a in str(u).split(";") if a) for u in uniques}
    return actors.map(table)


def _unique(ids: pd.Series, seen: set[str]) -> pd.Series:
    """The ids, each one already in ``seen`` given a ``#n`` suffix; every id given is added to ``seen``."""
    out = []
    for value in ids:
        candidate, n = value, 2
        while candidate in seen:
            candidate, n = f"{value}#{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return pd.Series(out, index=ids.index, dtype="object")


def joining_problem(base: Dataset, extra: Dataset) -> str | None:
    """Why ``extra`` cannot join ``base`` (their events are queried in place, or counted on other clocks), or None."""
    for dataset in (base, extra):
        if dataset.source is not None:
            return (f"{dataset.meta.path}: its events are queried in place, so no other file can join it; open it "
                    "on its own")
    if extra.meta.clock != base.meta.clock:  # ticks and dates share no axis: 42 is not a day of 1970
        return (f"{extra.meta.path or extra.title} ({CLOCK_WORDS[extra.meta.clock]}): cannot be combined with "
                f"{base.meta.path or base.title} ({CLOCK_WORDS[base.meta.clock]}); expected files on the same clock "
                "(all dates, all numbers or all years)")
    return None


def combine(datasets: list[Dataset]) -> Dataset:
    """One dataset holding all events, entities and relations of the given ones, conflicts reported."""
    base = datasets[0]
    clocks = {d.meta.clock for d in datasets}
    if len(clocks) > 1:  # ticks and dates share no axis: 42 is not a day of 1970
        odd = [f"{d.meta.path or d.title} ({CLOCK_WORDS[d.meta.clock]})" for d in datasets
               if d.meta.clock != base.meta.clock]
        raise LoadError(f"{', '.join(odd)}: cannot be combined with {base.meta.path or base.title} "
                        f"({CLOCK_WORDS[base.meta.clock]}); expected files on the same clock (all dates, all "
                        "numbers or all years)")
    event_parts, entity_parts, relation_parts = [base.events], [base.entities], [base.relations]
    known, event_ids, relation_ids = _Known(base.entities), set(base.events["id"]), set(base.relations["id"])
    problems = list(base.problems)
    for extra in datasets[1:]:  # (gathered, and joined once at the end: each file costs its own size, not all before)
        label = extra.meta.path or extra.title
        problems.extend(extra.problems)
        mapping, new_entities = known.join(extra.entities, label, problems)
        entity_parts.append(new_entities)
        more_events = extra.events.assign(actors=_remap_actors(extra.events["actors"], mapping))
        renamed = _unique(more_events["id"], event_ids)
        if (renamed != more_events["id"]).any():
            count = int((renamed != more_events["id"]).sum())
            problems.append(Problem(label, f"{count} event ids already used by an earlier file; renamed with a #n "
                                    "suffix", None, "id", "warning"))
            links = dict(zip(more_events["id"], renamed, strict=True))
            more_events = more_events.assign(id=renamed)
        else:
            links = {}
        relation_parts.append(extra.relations.assign(
            source=extra.relations["source"].astype(object).replace(mapping),
            target=extra.relations["target"].astype(object).replace(mapping),
            event=extra.relations["event"].astype(object).replace(links),
            id=_unique(extra.relations["id"], relation_ids)))
        event_parts.append(more_events)
    events, entities, relations = (pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0].copy()
                                   for pieces in (event_parts, entity_parts, relation_parts))
    for frame, column in ((entities, "kind"), (relations, "kind"), (events, "category")):
        frame[column] = frame[column].astype(str).astype("category")
    for frame in (events, entities, relations):
        attributes.normalise(frame)  # a concat of two files' categories is object dtype again
    events = events.sort_values("start", kind="stable").reset_index(drop=True)
    titles = " + ".join([d.title for d in datasets[:TITLED]] + ([f"{len(datasets) - TITLED} more"]
                                                                if len(datasets) > TITLED else []))
    principal = tuple(dict.fromkeys(p for d in datasets for p in d.meta.principal))
    parts = tuple(dict.fromkeys(p for d in datasets for p in (d.meta.parts or ((d.meta.path,) if d.meta.path else ()))))
    meta = replace(base.meta, title=titles, principal=principal, parts=parts)
    return Dataset(events, entities, relations, meta, problems)
