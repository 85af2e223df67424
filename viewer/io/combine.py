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


def _entity_map(base: pd.DataFrame, extra: pd.DataFrame, label: str,
                problems: list[Problem]) -> tuple[dict[str, str], pd.DataFrame]:
    """Map the extra dataset's entity ids onto the base's (same id, else same name); return the new rows."""
    by_id = dict(zip(base["id"], base["name"], strict=True))
    by_name = {_name_key(n): i for i, n in zip(base["id"], base["name"], strict=True)}
    mapping: dict[str, str] = {}
    new_rows = []
    for _, row in extra.iterrows():
        eid, name = str(row["id"]), row["name"]
        if eid in by_id:
            mapping[eid] = eid
            if _name_key(by_id[eid]) != _name_key(name) and str(row["kind"]) != "unknown":
                problems.append(Problem(label, f"entity '{eid}' is named {name!r} here but {by_id[eid]!r} in the "
                                        "dataset it joins; kept the first name", None, "entities", "warning"))
        elif _name_key(name) in by_name:
            mapping[eid] = by_name[_name_key(name)]
            problems.append(Problem(label, f"entity '{eid}' matched '{mapping[eid]}' by its name {name!r}",
                                    None, "entities", "info"))
        else:
            mapping[eid] = eid
            new_rows.append(row)
    return mapping, pd.DataFrame(new_rows, columns=extra.columns)


def _remap_actors(actors: pd.Series, mapping: dict[str, str]) -> pd.Series:
    if all(k == v for k, v in mapping.items()):
        return actors
    uniques = pd.unique(actors.to_numpy())
    table = {u: ";".join(mapping.get(a, a) for a in str(u).split(";") if a) for u in uniques}
    return actors.map(table)


def _unique(ids: pd.Series, taken: set[str]) -> pd.Series:
    out, seen = [], set(taken)
    for value in ids:
        candidate, n = value, 2
        while candidate in seen:
            candidate, n = f"{value}#{n}", n + 1
        seen.add(candidate)
        out.append(candidate)
    return pd.Series(out, index=ids.index, dtype="object")


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
    events, entities, relations = base.events.copy(), base.entities.copy(), base.relations.copy()
    problems = list(base.problems)
    for extra in datasets[1:]:
        label = extra.meta.path or extra.title
        problems.extend(extra.problems)
        mapping, new_entities = _entity_map(entities, extra.entities, label, problems)
        entities = pd.concat([entities, new_entities], ignore_index=True)
        more_events = extra.events.assign(actors=_remap_actors(extra.events["actors"], mapping))
        renamed = _unique(more_events["id"], set(events["id"]))
        if (renamed != more_events["id"]).any():
            count = int((renamed != more_events["id"]).sum())
            problems.append(Problem(label, f"{count} event ids already used by an earlier file; renamed with a #n "
                                    "suffix", None, "id", "warning"))
            links = dict(zip(more_events["id"], renamed, strict=True))
            more_events = more_events.assign(id=renamed)
        else:
            links = {}
        more_relations = extra.relations.assign(
            source=extra.relations["source"].astype(object).replace(mapping),
            target=extra.relations["target"].astype(object).replace(mapping),
            event=extra.relations["event"].astype(object).replace(links),
            id=_unique(extra.relations["id"], set(relations["id"])))
        events = pd.concat([events, more_events], ignore_index=True)
        relations = pd.concat([relations, more_relations], ignore_index=True)
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
