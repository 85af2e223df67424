"""Suggest an import spec from a table's column names and the shape of its values.

Core fields come from :func:`viewer.io.table_mapping.guess_mapping`. Columns of names — mostly
letters, repeated rarely, often with "Bank", "Inc", "Ltd", "Group" … — are candidate entity
columns. Their names say how they relate: "acquir*", "buyer", "purchaser" (the row's party was
acquired by it: ``acquired_by``), "parent", "owner", "shareholder", "holder" (it holds the row's
party: ``owns``), "subsidiary" (the row's party holds it), "from"/"to", "source"/"target",
"origin"/"destination" (a relation between the two); the same in nine other languages
("Muttergesellschaft", "Filiale", "Акционер", "親会社"), names in any script. Two organisation-like
columns with no such name are ``related_to``. Repeated "none" values ("No Acquirer") become
placeholders. A register of shareholders names its company on every row ("Company", "Issuer"):
each row is its holder's stake in it, valued by the column named as a percentage, holding until a
date named as its end ("Date transferred", "Disposal date").
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from viewer.io import documents, orc_files, parquet, sqlite, table_by_values
from viewer.io.import_spec import PLACEHOLDERS, EntityColumn, ImportSpec, RelationColumns
from viewer.io.table_graph import placeholder_values
from viewer.io.table_mapping import column_key, guess_mapping
from viewer.io.table_sheets import raw_table
from viewer.model import value_numbers
from viewer.model.attribute_cells import Cells
from viewer.model.columns import arrow_text
from viewer.model.dates import columns as date_columns
from viewer.model.dates import screen

SAMPLE_ROWS = 2000
TABLE_SUFFIXES = (".csv", ".tsv", ".tab", ".txt", ".psv", ".dat", ".xlsx", ".xlsm", ".xls", ".ods",
                  ".parquet", ".pq", ".jsonl", ".ndjson", ".html", ".htm", *parquet.IPC_SUFFIXES, *sqlite.SUFFIXES,
                  *documents.SUFFIXES, *orc_files.SUFFIXES)  # what a column mapping is asked for, and suggested
_ORG = re.compile(r"(?i)\b(?:bank|banc|inc|ltd|llc|plc|corp|corporation|company|co|group|holdings?|trust|"
                  r"n\.?a|s\.?a|ag|gmbh|partners|fund|capital|university|ministry|agency|association|"
                  r"institution|federal|savings|financial|international|limited)\b")
# (name pattern, role of the column, relation kind); role "target": row party → column, "source": column → row party
# in English, then German, French, Spanish, Italian, Portuguese, Dutch, Russian, Japanese and Chinese
_ROLES = ((r"acquir|buyer|purchaser|successor|assum|erwerber|käufer|übernehm|acquéreur|acheteur|repreneur|"
           r"adquirente|comprador|acquirente|koper|overnemer|покупател|приобретател|買収|買い?手|收购方|买方", "target",
           "acquired_by"),
          (r"parent|owner|shareholder|holder|investor|mutter|eigentümer|gesellschafter|aktionär|anteilseigner|inhaber|"
           r"mère|propriétaire|actionnaire|associé|détenteur|matriz|propietari|accionista|^socios?$|titular|"
           r"controllante|proprietari|azionista|controladora|proprietári|acionista|sócio|moeder|eigenaar|"
           r"aandeelhouder|материнск|владел|акционер|собственник|учредител|親会社|株主|所有者|出資者|母公司|股东|投资方",
           "source", "owns"),
          (r"subsidiar|child|owned|tochter|filiale?$|controllata|controlada|dochter|дочерн|子会社|子公司", "target",
           "owns"))
_PAIRS = ((r"^(from|source|origin|sender|seller)", r"^(to|target|destination|recipient|receiver|buyer)"),)
_ACQUIRED = r"^(target|targetcompany|acquiree|acquired|acquiredcompany|companyacquired)(name)?$"
# the company a register's row is about, beside its shareholder or owner column
_COMPANY = (r"^(company|companyname|issuer|issuername|entity|entityname|organisation|organization|firm|investee|"
            r"gesellschaft|unternehmen|firma|société|entreprise|empresa|sociedad|compañía|società|azienda|sociedade|"
            r"companhia|bedrijf|onderneming|vennootschap|компания|организация|общество|предприятие|会社名?|企業|公司|"
            r"企业)$")
# a date the row's tie ends on: a register's Date transferred, a stake's disposal
_ENDED = r"transfer|dispos|ceas|sold|divest|until|enddate|dateend|^end"


# a column that classes each row is no party to a tie: Companies House's CompanyCategory ("Private Limited
# Company"), a register's status or legal form
_CLASSES = r"(category|type|kind|status|class|sector|industry|legalform)$|^classof"  # (a register's Class of share)
# nor is another name of the row's own party: a register's PreviousName_1.CompanyName, ICIJ's original_name
_OTHER_NAMES = r"previous|former|original|alias|alsoknown|oldname|aka(name)?$"


def _name_like(values: pd.Series) -> tuple[bool, float]:
    """Whether a sample column holds names (mostly letters, not dates or numbers), and how org-like they are.
    Measured in Arrow: pandas' string methods cost ~5 ms a column (a 1,000-column table waited 5 s)."""
    cleaned = date_columns.clean_text(values).dropna()
    if len(cleaned) == 0:
        return False, 0.0
    text = arrow_text(cleaned)
    lettered = _share(text, r"\pL.*\pL")  # (in any script: Рено, 日産自動車)
    numeric = _share(text, r"^[-+\d.,%$ ]+$")
    lengths = np.asarray(pc.utf8_length(text).to_numpy(zero_copy_only=False))
    if lettered < 0.8 or numeric > 0.1 or not 3 <= float(np.median(lengths)) <= 80:
        return False, 0.0
    # the parser's own first look, here in one pass: with at most 10% numbers, a column of which half reads as
    # dates has at least 45% of cells that open as a date can
    if _share(text, date_columns.COULD_BE_DATE) >= 0.45 and date_columns.looks_like_dates(cleaned.head(200),
                                                                                           threshold=0.5):
        return False, 0.0
    return True, _share(text.slice(0, SAMPLE_ROWS), _ORG.pattern)


def _lettered(sample: pd.DataFrame) -> np.ndarray:
    """Which columns may hold names: half their cells or more hold two letters (a column of names needs 80%).
    One pass over every column's cells: a wide table's columns were each looked at alone (5 ms a column)."""
    if sample.columns.is_unique and len(sample.columns) > 1:
        cells = Cells([sample[c] for c in sample.columns])
        hit = cells.matching(r"\pL.*\pL") & cells.valid
        valid = cells.count(cells.valid)  # (an empty column holds no names: 5,000 empty ones took 13 s to look at)
        return np.asarray((cells.count(hit) >= 0.5 * valid) & (valid > 0), dtype=bool)
    return np.ones(len(sample.columns), dtype=bool)


def _share(text: pa.Array, pattern: str) -> float:
    """The share of values the pattern finds (RE2, as pandas ran it on Arrow-backed text)."""
    return float(np.mean(pc.match_substring_regex(text, pattern).to_numpy(zero_copy_only=False)))


def _addresses(values: pd.Series) -> bool:
    """Whether a sample column holds web addresses (a register's URI for each company: no party to a tie)."""
    text = arrow_text(date_columns.clean_text(values).dropna())
    return len(text) > 0 and _share(text, r"^(?:[a-z][a-z0-9+.-]*://|www\.)") >= 0.5


_SHARES = (r"stake|share|percent|pct|ownership|holding|equity|%|anteil|beteiligung|prozent|participation|pourcentage|"
           r"participación|porcentaje|cuota|quota|partecipazione|percentuale|participação|percentual|aandeel$|belang|"
           r"доля|процент|比率|持株|割合|比例|持股")
_VALUES = _SHARES + r"|interest|value|amount|price|weight|consideration"


def _value_column(sample: pd.DataFrame, taken: set[str]) -> str | None:
    """The column valuing each row's relation: named as a stake, a share or an amount ("Stake", "% held",
    "Deal value"; one named as a percentage first: a register's "% of issued share capital" before its "Number of
    shares"), else the first of percentages ("36.8%"); its cells mostly numbers as people write them."""
    numeric = []
    for column in (str(c) for c in sample.columns if str(c) not in taken):
        text = date_columns.clean_text(sample[column]).dropna()
        if not len(text):
            continue
        read = value_numbers.read(text, np.zeros(len(text), dtype=bool))[0].notna().mean()
        if read >= 0.8:
            valued = bool(re.search(_VALUES, column_key(column)))
            numeric.append((column, valued, _share(arrow_text(text), r"%\s*$")))
    named = [column for column, is_named, _ in numeric if is_named]
    percent = [column for column in named if re.search(r"%|percent|pct|proportion", column_key(column))]
    return next(iter(percent or named), None) or next((column for column, _, share in numeric if share >= 0.8), None)


def _ended(sample: pd.DataFrame, taken: set[str]) -> str | None:
    """A column of dates named as the day a row's tie ends ("Date transferred", "Disposal date"), or None."""
    for column in (str(c) for c in sample.columns if str(c) not in taken):
        written = date_columns.clean_text(sample[column]).dropna()
        if re.search(_ENDED, column_key(column)) and len(written) and date_columns.looks_like_dates(written.head(200)):
            return column
    return None


def _edge_list(names: dict[str, float], sample: pd.DataFrame, taken: set[str], core: dict[str, str | None]
               ) -> RelationColumns | None:
    """An edge list's tie (``source``/``target``, ``from``/``to``: ends written as names, else as ids, "n12", 42),
    holding to the row's end when written, of the kind its relation column names, if it has one."""
    (source_pattern, target_pattern), = _PAIRS
    sources = [c for c in names if re.search(source_pattern, column_key(c))]
    targets = [c for c in names if re.search(target_pattern, column_key(c))]
    if not (sources and targets):
        sources, targets = _ends_by_name(sample, taken, source_pattern), _ends_by_name(sample, taken, target_pattern)
    if not (sources and targets):
        return None
    kinds = _kinds_column(sample, taken - {core["category"]} | {sources[0], targets[0]})
    return RelationColumns(sources[0], targets[0], "related_to", valid_to=core["end"], kinds=kinds)


def _ends_by_name(sample: pd.DataFrame, taken: set[str], pattern: str) -> list[str]:
    """Columns named as exactly an edge's end (``source``, ``Target``, ``from_id``, ``to node``) whose cells are ids
    rather than names (``n12``, ``E7``, ``42``: too short, or without two letters, to read as names): written in
    four rows of five, no dates, no addresses."""
    found = []
    for column in (str(c) for c in sample.columns if str(c) not in taken):
        if not re.fullmatch(pattern + r"(id|node|name|entity|party|vertex|account)?", column_key(column)):
            continue
        written = date_columns.clean_text(sample[column])
        cells = written.dropna()
        if len(cells) and len(cells) >= 0.8 * len(written) and not _addresses(cells) and \
                cells.str.len().max() <= 200 and not date_columns.looks_like_dates(cells.head(200)):
            found.append(column)
    return found


# a column naming each tie's kind ("relation": "Equity stake", "partnership"), and what Gephi writes in its Type
_KINDS = r"^(relation|relationship|relationtype|reltype|kind|type|edgetype|tietype|linktype|label|tie|role)$"
_DIRECTIONS = {"directed", "undirected", "mutual"}


def _kinds_column(sample: pd.DataFrame, taken: set[str]) -> str | None:
    """The column naming each edge's kind, by its name, with few distinct values (a label per edge is no kind)."""
    for column in (str(c) for c in sample.columns if str(c) not in taken and re.search(_KINDS, column_key(str(c)))):
        cells = date_columns.clean_text(sample[column]).dropna()  # (only the columns named so: a wide table has many)
        if not len(cells):
            continue
        distinct = set(cells.str.lower().unique())
        if not distinct <= _DIRECTIONS and (len(distinct) <= 50 or len(distinct) <= 0.2 * len(cells)) and \
                _share(arrow_text(cells), r"[A-Za-z]") >= 0.8:
            return column
    return None


def _link(url: str | None, frame: pd.DataFrame) -> str | None:
    """The link column guessed by name, unless it is an edge list's source beside its target (Gephi's, igraph's
    edge tables): a party, not a link, and "" then (no column, so the reader does not take it by its name again:
    Details said "Source: Nissan")."""
    (source_pattern, target_pattern), = _PAIRS
    if url and re.search(source_pattern, column_key(url)) and any(
            re.search(target_pattern, column_key(c)) for c in frame.columns if c != url):
        return ""
    return url


def _row_party(names: dict[str, float], title: str | None) -> str | None:
    """The column naming each row's own party: its title's, else the first of names; in a list of deals, its target
    (acquired by its acquirer, as Wikipedia's tables of mergers write Date, Acquirer, Target)."""
    acquired = next((c for c in names if re.search(_ACQUIRED, column_key(c))), None)
    if acquired and any(re.search(_ROLES[0][0], column_key(c)) for c in names if c != acquired):
        return acquired
    company = next((c for c in names if re.search(_COMPANY, column_key(c))), None)
    if company and title not in names and any(re.search(_ROLES[1][0], column_key(c)) for c in names if c != company):
        return company  # (a shareholders register: Shareholder, Company; each row a holding in its company)
    return title if title in names else next(iter(names), None)


def suggest(frame: pd.DataFrame, base: ImportSpec | None = None) -> ImportSpec:
    """A spec for a table already read (string columns with their header names)."""
    mapping = table_by_values.checked(guess_mapping([str(c) for c in frame.columns]), frame, set(), "")[0]
    spec = base or ImportSpec()
    core = {f: getattr(mapping, f) for f in ("start", "end", "title", "description", "category", "id", "time",
                                             "timezone", "end_time", "all_day", "duration")}
    core["url"] = _link(mapping.url, frame)
    if core["start"] is None:
        sample = frame.head(200)
        could = screen.could_hold_dates(sample)  # (only the columns that could hold a date are read as dates)
        core["start"] = next((c for at, c in enumerate(frame.columns) if could[at] and date_columns.looks_like_dates(
            sample.iloc[:, at])), None)
    spec = replace(spec, **{k: v for k, v in core.items() if v is not None}, actors=mapping.actors or spec.actors)
    taken = {v for v in core.values() if v} - {core["title"]}
    sample = frame.head(SAMPLE_ROWS)
    names: dict[str, float] = {}
    lettered = _lettered(sample)
    for at, column in enumerate(frame.columns):
        key = column_key(str(column))
        if column in taken or not lettered[at] or re.search(_CLASSES, key) or re.search(_OTHER_NAMES, key) or \
                _addresses(sample[column]):
            continue
        is_name, org = _name_like(sample[column])
        if is_name:
            names[str(column)] = org
    row_party = _row_party(names, core["title"])
    relations: list[RelationColumns] = []
    for column in names:
        key = column_key(column)
        for pattern, role, kind in _ROLES:
            if column != row_party and row_party and re.search(pattern, key):
                source, target = (row_party, column) if role == "target" else (column, row_party)
                relations.append(RelationColumns(source, target, kind))
                break
    edges = None if relations else _edge_list(names, sample, taken, core)
    relations += [edges] if edges else []
    if not relations:
        orgs = [c for c, org in names.items() if org >= 0.3]
        if len(orgs) >= 2:
            first = row_party if row_party in orgs else orgs[0]
            relations.append(RelationColumns(first, next(c for c in orgs if c != first), "related_to"))
    # a tie ends where its row does (Wikidata's owned-by with its end qualifier), else on a date named as its end
    ended = core["end"] or (_ended(sample, taken | set(names)) if relations else None)
    relations = [replace(r, valid_to=ended) if ended and r.valid_to is None else r for r in relations]
    used = list(dict.fromkeys(c for r in relations for c in (r.source, r.target)))
    value = _value_column(sample, taken | set(used)) if relations else None
    if value is not None:  # a stake's percentages: the alliance's kind, drawn and labelled as a stake
        share = _share(arrow_text(date_columns.clean_text(sample[value]).dropna()), r"%\s*$") >= 0.5 or bool(
            re.search(_SHARES, column_key(value)))
        relations = [replace(r, value=value, kind="equity_stake" if share and r.kind == "owns" else r.kind)
                     for r in relations]
    entities = tuple(EntityColumn(c, "organisation" if names.get(c, 0.0) >= 0.3 else "entity") for c in used)
    extra = [v for c in used for v in placeholder_values(frame[c]) if v.lower() not in PLACEHOLDERS]
    placeholders = tuple(dict.fromkeys([*spec.placeholders, *(v.lower() for v in extra)]))
    return replace(spec, entities=entities, relations=tuple(relations), placeholders=placeholders)


def suggest_spec(source: str | Path | pd.DataFrame, rows: int | None = None, **options: Any) -> ImportSpec:
    """Suggest a spec for a table file (read as the table reader reads it; its first ``rows`` rows only, when
    given) or a frame of strings."""
    if isinstance(source, pd.DataFrame):
        return suggest(source)
    frame, header = raw_table(Path(source), options, rows)
    base = ImportSpec(header=None if header else False, delimiter=options.get("delimiter"),
                      encoding=options.get("encoding"), date_order=options.get("date_order"))
    return suggest(frame, base)
