"""ICIJ's Offshore Leaks database as it is downloaded (offshoreleaks.icij.org, "Download": the Panama, Paradise and
Pandora Papers, the Bahamas and Offshore Leaks in one folder of CSV files): ``nodes-entities.csv`` (the offshore
companies, trusts and foundations), ``nodes-officers.csv`` (their directors, shareholders, beneficiaries),
``nodes-intermediaries.csv`` (the law firms and agents that set them up), ``nodes-addresses.csv``,
``nodes-others.csv`` and ``relationships.csv``, which ties them; or the ZIP archive they come in. Before, the folder
opened as rows titled "director of" with no party and no tie, the officers, intermediaries and addresses were left
aside, and the archive was read as its largest table.

- Each node is an entity by its ``node_id``: an offshore entity (and an "other") a company; an officer or an
  intermediary a company or a government where its name says so (:mod:`viewer.model.entity_kinds`), else a person;
  an address an ``address``, named by its text. Its jurisdiction, countries, status, service provider, company type
  and leak (``sourceID``) are attributes, its countries its country.
- Each relationship is a tie from ``node_id_start`` to ``node_id_end`` held from ``start_date`` to ``end_date`` (an
  undated one throughout), its kind the relationship as written in snake case (``director of`` → ``director_of``),
  a shareholder's ``equity_stake`` as the house draws it; the words as written (``link``) and the leak are its
  attributes. A tie to a node no file holds is left out and said once.
- Each date of a node is an event: its incorporation (titled with its jurisdiction), inactivation, striking off,
  dormancy, closing; each dated tie is an event from its start to its end, titled in words ("KIM SOO IN shareholder
  of TIANSHENG …"), its parties the actors. Each event links to the node's page on offshoreleaks.icij.org.

Read with Arrow (its multi-threaded CSV reader), and built column by column: the whole database is 2 million nodes
and 3 million ties. Never Qt.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from viewer.io import archive_files, free_memory
from viewer.model import entity_kinds
from viewer.model.dataset import Dataset, DatasetMeta, Tables, build_dataset
from viewer.model.dates import columns as date_columns
from viewer.model.dates import iso
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted

RELATIONSHIPS = "relationships.csv"
NODES = {"nodes-entities.csv": "company", "nodes-officers.csv": "", "nodes-intermediaries.csv": "",
         "nodes-addresses.csv": "address", "nodes-others.csv": "company"}  # "": a person unless its name says
FILES = frozenset({RELATIONSHIPS, *NODES})
EXPECTED = ("ICIJ's Offshore Leaks database: a folder holding relationships.csv (node_id_start, node_id_end, rel_type, "
            "link, start_date, end_date) and nodes-entities.csv, nodes-officers.csv … (node_id, name)")
PAGE = "https://offshoreleaks.icij.org/nodes/"
PEAK_PER_BYTE = 15  # memory at a read's peak per byte of CSV (measured: 1.38 GB above the start for 99 MB)
# a node's dates, each an event: (column, what happened)
DATED = (("incorporation_date", "incorporated"), ("inactivation_date", "inactivated"),
         ("struck_off_date", "struck off"), ("dorm_date", "dormant"), ("closed_date", "closed"))
DATED_COLUMNS = tuple(column for column, _what in DATED)
ATTRIBUTES = {"jurisdiction_description": "jurisdiction", "countries": "countries", "status": "status",
              "service_provider": "service_provider", "company_type": "company_type", "type": "company_type",
              "sourceID": "leak"}
HOUSE = {"shareholder_of": "equity_stake"}  # a kind the relationship panel draws in its own style
TEXT = pd.StringDtype("pyarrow")


def looks_like_folder(path: Path) -> bool:
    """A folder holding relationships.csv beside one of the nodes-….csv files."""
    return (path / RELATIONSHIPS).is_file() and any((path / name).is_file() for name in NODES)


def holds_database(names: list[str]) -> bool:
    """Whether a ZIP archive's CSV files, named so, are the database (its download, ``full-oldb.LATEST.zip``)."""
    return RELATIONSHIPS in names and any(name in names for name in NODES)


def read(path: str | Path, **_options: Any) -> Dataset:
    """The database's nodes, ties and dated events (see the module): ``path`` its folder."""
    folder = Path(path)
    if not looks_like_folder(folder):
        raise LoadError(f"{folder}: no relationships.csv beside a nodes-….csv file; expected {EXPECTED}")
    present = [name for name in (*NODES, RELATIONSHIPS) if (folder / name).is_file()]
    free_memory.check(folder, sum((folder / name).stat().st_size for name in present), per_byte=PEAK_PER_BYTE)
    return _database(folder, present, lambda name, needed: _table(folder / name, folder / name, needed))


def read_zip(path: str | Path, **_options: Any) -> Dataset:
    """The database from its download as it comes, a ZIP archive of its CSV files (at its top or in one folder)."""
    path = Path(path)
    files = archive_files.Zipped(path, (".csv",), EXPECTED)
    try:
        if not holds_database(files.names):
            raise LoadError(f"{path}: no relationships.csv beside a nodes-….csv file in the archive; expected "
                            f"{EXPECTED}")
        free_memory.check(path, files.total, per_byte=PEAK_PER_BYTE)

        def table(name: str, needed: tuple[str, ...]) -> pd.DataFrame:
            label = Path(f"{path}/{name}")
            try:
                data = files.read(name)
            except LoadError as exc:
                raise LoadError(f"{label}: {exc}; expected {EXPECTED}") from exc
            return _table(pa.BufferReader(data), label, needed, data[:65_536])

        return _database(path, [name for name in (*NODES, RELATIONSHIPS) if name in files.names], table)
    finally:
        files.close()


def _database(where: Path, present: list[str], table: Callable[[str, tuple[str, ...]], pd.DataFrame]) -> Dataset:
    """The dataset of the database's files ``present`` in ``where`` (a folder or an archive), each read by ``table``
    (its name and the columns it needs)."""
    problems: list[Problem] = []
    nodes = pd.concat([_nodes(table(name, ("node_id",)), kind) for name, kind in NODES.items() if name in present],
                      ignore_index=True)
    nodes = nodes[nodes["id"] != ""].drop_duplicates("id")
    names = pd.Series(nodes["name"].to_numpy(), index=nodes["id"].to_numpy())
    ties = _ties(table(RELATIONSHIPS, ("node_id_start", "node_id_end")), names, str(where / RELATIONSHIPS), problems)
    events = pd.concat([_node_events(nodes), _tie_events(ties, names)], ignore_index=True)
    if not len(events):
        raise LoadError(f"{where}: no node or relationship has a date (incorporation_date, start_date …); expected "
                        f"{EXPECTED}")
    ties["event"] = ties.pop("dated_event")
    label = str(where)
    tables = Tables(events, nodes.drop(columns=[c for c in DATED_COLUMNS if c in nodes.columns]), ties,
                    label, label, str(where / RELATIONSHIPS), ids_distinct=True)
    title = where.name.removesuffix(".zip") if where.suffix.lower() == ".zip" else where.name
    meta = DatasetMeta(title=f"Offshore Leaks ({title})", path=label, sources=(PAGE.rsplit("/", 2)[0],))
    return build_dataset(tables, meta, problems)


def _table(source: Path | pa.BufferReader, label: Path, needed: tuple[str, ...], head: bytes | None = None
           ) -> pd.DataFrame:
    """A CSV file of the database (a file, or a file's bytes and their ``head``), every cell as text ("" where
    empty); the ``needed`` columns trimmed. ``label`` names it in what is said."""
    try:
        if head is None:
            with Path(str(source)).open("rb") as handle:  # the header first: every column is read as text, none guessed
                head = handle.readline()
        header = head.split(b"\n", 1)[0].decode("utf-8-sig").strip()
        names = next(csv.reader([header]), [])
        table = pacsv.read_csv(source, parse_options=pacsv.ParseOptions(newlines_in_values=True),
                               convert_options=pacsv.ConvertOptions(
                                   column_types=dict.fromkeys(names, pa.string()), strings_can_be_null=False,
                                   quoted_strings_can_be_null=False))
    except (pa.ArrowException, OSError, UnicodeDecodeError, csv.Error) as exc:
        raise LoadError(f"{label}: cannot be read as CSV ({str(exc).splitlines()[0]}); expected {EXPECTED}") from exc
    missing = [c for c in needed if c not in table.column_names]
    if missing:
        raise LoadError(f"{label}: no column {', '.join(missing)} (its columns: {', '.join(table.column_names[:12])});"
                        f" expected {EXPECTED}")
    frame = table.to_pandas(types_mapper={pa.string(): TEXT}.get).fillna("")
    for name in needed:
        frame[name] = pc.utf8_trim_whitespace(table.column(name)).to_pandas(types_mapper={pa.string(): TEXT}.get)
    return frame


def _nodes(table: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The entities of one node file, with their attributes and dates (as written)."""
    def column(name: str) -> pd.Series:
        return table[name].str.strip() if name in table.columns else pd.Series("", index=table.index, dtype=TEXT)

    name = column("name")
    if "address" in table.columns:  # an address node has its text for its name
        name = name.where(name != "", column("address").str.replace(r"\s+", " ", regex=True))
    name = name.where(name != "", column("original_name"))
    out = pd.DataFrame({"id": table["node_id"], "name": name, "country": column("countries")})
    if kind:
        out["kind"] = kind
    else:  # an officer or intermediary: a company or a government by its name, else a person
        generic = pd.Series("entity", index=table.index)
        out["kind"] = entity_kinds.guessed(name, generic, generic == "").replace("entity", entity_kinds.PERSON)
    for written, attribute in ATTRIBUTES.items():
        if written in table.columns and f"attr:{attribute}" not in out.columns:
            out[f"attr:{attribute}"] = column(written)
    for written, _what in DATED:
        out[written] = as_iso(column(written))
    return out


def _ties(table: pd.DataFrame, names: pd.Series, label: str, problems: list[Problem]) -> pd.DataFrame:
    """The relationships whose both ends are nodes (those that are not said once), as ties."""
    source, target = table["node_id_start"], table["node_id_end"]
    nodes = pa.array(names.index.to_numpy(dtype=object), pa.string())  # (pandas' isin reads its values one by one)
    both = pc.and_(pc.is_in(pa.array(source), value_set=nodes), pc.is_in(pa.array(target), value_set=nodes))
    known = pd.Series(np.asarray(both, dtype=bool), index=table.index)
    if (~known).any():
        first = int(np.flatnonzero(~known.to_numpy())[0])
        problems.append(Problem(label, f"{counted(int((~known).sum()), 'relationship')} naming a node no nodes-….csv "
                                f"file of the folder holds, the first at row {first + 2} "
                                f"({source.iloc[first]} → {target.iloc[first]}): left out", first + 2,
                                "node_id_start", "warning"))
    table, source, target = table[known], source[known], target[known]
    written = np.where(_column(table, "link") != "", _column(table, "link"), _column(table, "rel_type"))
    # each distinct relationship worded once: a few hundred in millions
    codes, distinct = pd.factorize(np.where(written != "", written, "tie"))
    snake = pd.Series(distinct, dtype=object).str.lower().str.replace(r"[^\w]+", "_", regex=True).str.strip("_")
    kind = pd.Series(snake.replace(HOUSE).to_numpy(dtype=object)[codes], index=table.index)
    rows = table.index.to_numpy() + 2  # the header is line 1
    out = pd.DataFrame({"id": [f"rel{r}" for r in rows.tolist()], "source": source.to_numpy(),
                        "target": target.to_numpy(), "kind": kind.to_numpy(),
                        "valid_from": as_iso(_column(table, "start_date")),
                        "valid_to": as_iso(_column(table, "end_date")),
                        "attr:link": np.asarray(distinct, dtype=object)[codes],
                        "attr:leak": _column(table, "sourceID")})
    out["dated_event"] = np.where(out["valid_from"] != "", "tie:" + out["id"], "")
    return out


def as_iso(written: pd.Series | np.ndarray) -> np.ndarray:
    """Dates as ICIJ writes them (``23-MAR-2006``) in ISO 8601 at their precision (``2006-03-23``), each distinct one
    read once; one that cannot be read stays as written (the dataset says its row), an empty cell empty."""
    codes, distinct = pd.factorize(pd.Series(written, dtype=object))
    if not len(distinct):
        return np.asarray(written, dtype=object)
    parsed = date_columns.parse_column(pd.Series(distinct, dtype=object))
    text = iso.iso_dates(parsed.instants, parsed.precisions.fillna("day")).to_numpy(dtype=object)
    text = np.where(parsed.instants.isna().to_numpy(), np.asarray(distinct, dtype=object), text)
    return np.where(codes >= 0, text[np.maximum(codes, 0)], "")


def _column(table: pd.DataFrame, name: str) -> np.ndarray:
    return (table[name].str.strip() if name in table.columns else pd.Series("", index=table.index)).to_numpy()


def _node_events(nodes: pd.DataFrame) -> pd.DataFrame:
    """An event for each date of a node: incorporated (in its jurisdiction), inactivated, struck off …"""
    frames = []
    jurisdiction = nodes.get("attr:jurisdiction", pd.Series("", index=nodes.index))
    for column, what in DATED:
        dated = nodes[nodes[column] != ""]
        if not len(dated):
            continue
        where = jurisdiction[dated.index]
        title = dated["name"] + " " + what
        if what == "incorporated":
            title = title.where(where == "", title + " in " + where)
        frames.append(pd.DataFrame({"id": (dated["id"] + ":" + what.replace(" ", "_")).to_numpy(),
                                    "start": dated[column].to_numpy(), "title": title.to_numpy(),
                                    "actors": dated["id"].to_numpy(), "category": what,
                                    "source_url": (PAGE + dated["id"]).to_numpy(),
                                    "attr:leak": dated.get("attr:leak", pd.Series("", index=dated.index)).to_numpy()}))
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=["id", "start", "title"])


def _tie_events(ties: pd.DataFrame, names: pd.Series) -> pd.DataFrame:
    """An event for each dated tie, from its start to its end: "KIM SOO IN shareholder of TIANSHENG …"."""
    dated = ties[ties["dated_event"] != ""]
    source, target = names.reindex(dated["source"]).to_numpy(), names.reindex(dated["target"]).to_numpy()
    return pd.DataFrame({"id": dated["dated_event"].to_numpy(), "start": dated["valid_from"].to_numpy(),
                         "end": dated["valid_to"].to_numpy(),
                         "title": pd.Series(source, dtype=object) + " " + dated["attr:link"].to_numpy() + " "
                         + pd.Series(target, dtype=object),
                         "actors": (dated["source"] + ";" + dated["target"]).to_numpy(),
                         "category": dated["attr:link"].str.lower().to_numpy(),
                         "source_url": (PAGE + dated["source"]).to_numpy(), "attr:leak": dated["attr:leak"].to_numpy()})
