"""Arguments of the offline commands checked against the data: paths given twice, actors written in another case or
not there, a relation kind no relation has. Each says on stderr what it read, or why nothing matches."""

from __future__ import annotations

import difflib
import sys
from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from viewer.cli_errors import UsageError
from viewer.model.columns import entity_names


def unique_paths(paths: Sequence[str]) -> list[str]:
    """The paths with each file or folder once (``a`` and ``./a`` and a link to it are one), a repeat said on
    stderr; what is no path on this machine (an engine's URL) is compared as written."""
    seen: dict[str, str] = {}
    kept: list[str] = []
    for path in paths:
        if not path.strip():  # ("" is the working folder to Path: it was read whole, as a partitioned dataset)
            raise UsageError(f"an empty path {path!r}; expected a file or a folder (or none, for the bundled dataset)")
        local = Path(path)
        key = str(local.resolve()) if local.exists() else path
        if key in seen:
            print(f"entente: {path} is given twice ({seen[key]}); read once", file=sys.stderr)
            continue
        seen[key] = path
        kept.append(path)
    return kept


def _described(entity: str, names: dict[str, str]) -> str:
    name = names.get(entity, entity)
    return entity if name == entity else f"{entity} ({name})"


def actor_ids(wanted: Sequence[str], entities: pd.DataFrame) -> list[str]:
    """The entity ids ``--actor`` names: an id as written, else the one whose id or name is written so in another
    case (``Renault`` is ``renault``, said on stderr). ValueError for one no entity is, with the nearest ids."""
    names = entity_names(entities)
    folded: dict[str, list[str]] = {}
    for entity, name in names.items():
        for key in {entity.casefold(), str(name).casefold()}:
            folded.setdefault(key, []).append(entity)
    out: list[str] = []
    for actor in wanted:
        if actor in names:
            out.append(actor)
            continue
        found = sorted(set(folded.get(actor.casefold(), [])))
        if found:
            print(f"entente: actor {actor!r} read as {', '.join(_described(f, names) for f in found)}",
                  file=sys.stderr)
            out.extend(found)
            continue
        near = difflib.get_close_matches(actor.casefold(), list(folded), n=3, cutoff=0.6)
        hint = sorted({_described(e, names) for key in near for e in folded[key]})
        raise ValueError(f"no actor {actor!r}" + (f"; did you mean {' or '.join(hint)}?" if hint else
                                                  " (see `entente info` for the dataset's entities)"))
    return out


def check_kind(kind: str | None, relations: pd.DataFrame, rows: pd.DataFrame) -> None:
    """ValueError for a ``--kind`` no relation has, naming the kinds there are; a kind the pair has no relation of
    (``rows``: the pair's relations) said on stderr with the pair's kinds."""
    if not kind:
        return
    kinds = sorted({str(k) for k in pd.unique(relations["kind"].astype(str))})
    if kind not in kinds:
        raise ValueError(f"no relation kind {kind!r}; the kinds are {', '.join(kinds) or 'none'}")
    own = sorted({str(k) for k in rows["kind"].astype(str)})
    if kind not in own:
        print(f"entente: no {kind} relation between these two; theirs are {', '.join(own) or 'none'}",
              file=sys.stderr)
