"""A delimited table too big for memory, written as Parquet with Entente's columns by DuckDB, out of core: the
result is queried where it is (:mod:`viewer.source.opening`), never loaded whole.

The columns are mapped as the loader maps them, from the table's first rows (:func:`viewer.io.table.preview`):
the start, end, title, actors (joined with ``;``), category, description, link, id and tags take their native
names, and every other column is kept as an attribute (``attr:<name>``). Dates written as ISO 8601 or as
``YYYYMMDD`` integers are kept as they are (the engine reads both); any other form is read with the one
``strptime`` pattern that reads every date of the first rows as the loader reads them (``04 March 2019``,
``03/04/2019`` in the order the loader found), and written as ISO text. A row whose date the pattern does not
read is kept, and counted by the engine as a row without a start.
"""

from __future__ import annotations

import codecs
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from viewer.io import compressed, table
from viewer.io.atomic import replace_dir
from viewer.io.native_write import keep_others
from viewer.io.table_mapping import Mapping
from viewer.io.table_read import EXPECTED
from viewer.io.table_texts import holds_addresses
from viewer.io.write_target import check, json_bytes, shown
from viewer.model.problems import LoadError, Problem
from viewer.model.wording import counted
from viewer.source.connect import _memory_limit

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$")
COMPACT = re.compile(r"^\d{8}$")
# strptime patterns tried on the first rows (DuckDB's), dates before times
PATTERNS = ("%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y",
            "%m-%d-%Y", "%Y/%m/%d", "%d-%b-%Y", "%d-%b-%y", "%d/%m/%y", "%m/%d/%y",
            "%d/%m/%Y %H:%M:%S", "%m/%d/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%m/%d/%Y %H:%M", "%Y/%m/%d %H:%M:%S",
            "%d.%m.%Y %H:%M:%S", "%d.%m.%Y %H:%M", "%B %d, %Y %I:%M %p", "%b %d, %Y %I:%M:%S %p",
            "%m/%d/%y %H:%M", "%d/%m/%y %H:%M", "%m/%d/%y %H:%M:%S", "%d/%m/%y %H:%M:%S")
SECONDS = "%Y-%m-%d %H:%M:%S"
NATIVE = ("id", "start", "end", "title", "actors", "category", "description", "source_url", "tags")


@dataclass(frozen=True)
class Written:
    """What a conversion wrote: the folder, its rows, and what was said of its dates."""

    folder: Path
    rows: int
    said: tuple[str, ...]
    problems: tuple[Problem, ...] = ()  # records DuckDB could not read, left out


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def date_sql(column: str, sample: pd.Series, parsed: pd.Series, label: str = "") -> tuple[str, str]:
    """The SQL that makes ``column`` a start the engine reads, and how it is read (said to the user); LoadError
    naming the file (``label``) and the column when no pattern reads the first rows' dates as the loader reads
    them (``parsed``: its instants)."""
    values = sample.astype(str).str.strip()
    filled = values[values != ""]
    name = _quoted(column)
    if filled.empty or filled.map(lambda v: bool(ISO.match(v))).all():
        return f"nullif(trim({name}), '')", "dates as written (ISO 8601)"
    if filled.map(lambda v: bool(COMPACT.match(v))).all():
        return f"try_cast(trim({name}) AS BIGINT)", "dates written YYYYMMDD"
    import duckdb  # noqa: PLC0415 - DuckDB loads only when a table is converted
    want = parsed.loc[filled.index].dt.tz_convert("UTC").dt.strftime(SECONDS).astype(object)
    con = duckdb.connect()
    try:
        for pattern in PATTERNS:
            # compared as text: a pattern that reads "23" as the year 23, or one before year 1, stays comparable
            found = con.execute(f"SELECT strftime(try_strptime(v, ?), {_literal(SECONDS)}) FROM "
                                "(SELECT unnest(?) AS v)", [pattern, filled.tolist()]).fetchall()
            got = pd.Series([row[0] for row in found], index=filled.index, dtype=object)
            if got.notna().all() and (got == want).all():
                timed = "%H" in pattern
                written = "%Y-%m-%dT%H:%M:%S" if timed else "%Y-%m-%d"
                return (f"strftime(try_strptime(trim({name}), {_literal(pattern)}), {_literal(written)})",
                        f"dates read as {pattern}")
    finally:
        con.close()
    raise LoadError(f"{label}, field {column!r}: no single date pattern reads the dates of the first rows (such as "
                    f"{filled.iloc[0]!r}); expected ISO 8601 dates or one written form in the whole column")


def convert(path: Path, folder: Path, overwrite: bool = False, options: dict[str, Any] | None = None) -> Written:
    """Write the delimited table at ``path`` as ``folder/events/part-0.parquet`` and ``folder/dataset.json``, through
    DuckDB (its memory bounded by ``ENTENTE_DUCKDB_MEMORY``, spilling to disk beyond): the whole file is never
    in memory. ``options`` are the reader's (the columns a user chose in the mapping dialog, the date order, the
    encoding); by default the loader's guess. LoadError naming the file when it cannot be; before anything is
    written, the native writer's checks of ``folder`` (:func:`viewer.io.write_target.check`: FileExistsError, never
    a folder that is no dataset, a file, nor the input replaced). The files kept in a dataset folder it replaces
    besides its tables (notes, a README) are kept, as the native writer keeps them."""
    check(folder, overwrite=overwrite, folder=True, sources=[path])
    kind = compressed.compression(path)
    if kind not in (None, "gzip", "zstd"):
        raise LoadError(f"{path}: a {kind} file is not read out of core; unpack it, or pack it with gzip or zstd")
    options = {k: v for k, v in (options or {}).items() if v is not None}
    preview = table.preview(path, rows=2000, **options)
    mapping = preview.mapping
    if preview.delimiter is None:
        raise LoadError(f"{path}: not delimited text; a table too big for memory is converted from CSV or TSV")
    delimiter: str = preview.delimiter
    if mapping.start is None:
        raise LoadError(f"{path}: no date column among {', '.join(map(str, preview.rows.columns[:8]))}; "
                        f"expected {EXPECTED}")
    from viewer.model.dates import columns as date_columns  # noqa: PLC0415
    parsed = date_columns.parse_column(preview.rows[mapping.start], date_order=options.get("date_order")).instants
    start, said = date_sql(mapping.start, preview.rows[mapping.start], parsed, str(path))
    columns = _select(mapping, preview.rows, start)
    names = ", ".join(f"{_literal(str(c))}: 'VARCHAR'" for c in preview.rows.columns)
    rows: list[int] = []
    left_out: list[Problem] = []

    def fill(new: Path) -> None:
        text = _readable(path, Path(spill)) if preview.encoding.lower() in ("utf-8", "utf-8-sig") else _utf8_copy(
            path, preview.encoding, Path(spill))
        source = (f"read_csv({_literal(str(text))}, delim = {_literal(delimiter)}, "
                  f"header = {'true' if preview.header else 'false'}, skip = {_lines_above(preview)}, "
                  f"encoding = 'utf-8', store_rejects = true, null_padding = true, "
                  f"strict_mode = true, auto_detect = false, columns = {{{names}}})")
        import duckdb  # noqa: PLC0415 - DuckDB loads only when a table is converted
        (new / "events").mkdir()  # a folder of parts: always queried in place, never loaded (whatever its rows)
        target = new / "events" / "part-0.parquet"
        con = duckdb.connect()
        try:
            con.execute(f"SET memory_limit = '{_memory_limit()}'")
            con.execute(f"SET temp_directory = {_literal(spill)}")
            con.execute(f"COPY (SELECT {', '.join(columns)} FROM {source}) TO {_literal(str(target))} "
                        "(FORMAT parquet, COMPRESSION zstd)")
            rows.append(con.execute(f"SELECT count(*) FROM read_parquet({_literal(str(target))})").fetchone()[0])
            left_out.extend(_rejected(con, path, rows[0], preview.header, _lines_above(preview)))
        except duckdb.InterruptException as exc:  # Ctrl-C while DuckDB works: an interruption, not a failure
            raise KeyboardInterrupt from exc
        except duckdb.Error as exc:
            raise LoadError(f"{shown(path)}: DuckDB could not convert it: {str(exc).splitlines()[0]}") from exc
        except RuntimeError as exc:  # "Query interrupted": the KeyboardInterrupt a SIGTERM handler raised, raised
            if isinstance(exc.__cause__, KeyboardInterrupt):
                raise exc.__cause__ from None
            raise
        finally:
            con.close()
        _finish(new, path, "; ".join([said, *(p.message for p in left_out)]), folder)

    with tempfile.TemporaryDirectory(prefix="entente-spill-") as spill:
        replace_dir(folder, fill)
    return Written(folder, int(rows[0]), (said, *(p.message for p in left_out)), tuple(left_out))


def _finish(new: Path, path: Path, told: str, folder: Path) -> None:
    """The new folder's dataset.json (the title and description as display text, a name's bytes that are not UTF-8
    as U+FFFD; the source as written), and the files the folder it replaces kept besides its tables."""
    (new / "dataset.json").write_bytes(json_bytes({"title": shown(compressed.stem(path)), "sources": [str(path)],
                                                   "description": shown(f"Converted from {path.name}: {told}")},
                                                  indent=2))
    if folder.is_dir():
        keep_others(folder, new)


def _readable(path: Path, folder: Path) -> Path:
    """``path``, or a link to it in ``folder`` when its name is not valid UTF-8 (DuckDB takes names as UTF-8)."""
    try:
        str(path).encode("utf-8")
    except UnicodeEncodeError:
        link = folder / ("input" + "".join(s for s in path.suffixes if s.isascii()))
        os.symlink(path.resolve(), link)
        return link
    return path


def _utf8_copy(path: Path, encoding: str, folder: Path) -> Path:
    """The text of ``path`` (in ``encoding``: cp1252, UTF-16 … as the loader found it) written as UTF-8 in
    ``folder``, a chunk at a time: DuckDB reads UTF-8 (its Latin-1 refuses cp1252's quotes and dashes)."""
    copy = folder / "text.csv"
    try:
        decoder = codecs.getincrementaldecoder(encoding)(errors="replace")
    except LookupError as exc:
        raise LoadError(f"{path}: text in {encoding}, which cannot be read out of core; expected UTF-8") from exc
    with compressed.unpacking(path) as stream, copy.open("w", encoding="utf-8", newline="") as out:
        while chunk := stream.read(compressed.CHUNK):
            out.write(decoder.decode(chunk))
        out.write(decoder.decode(b"", final=True))
    return copy


def _rejected(con: Any, path: Path, rows: int, header: bool, above: int) -> list[Problem]:
    """One problem for the records DuckDB could not read (a quote left open swallows the lines after it, a row
    of too many fields), with the first's line, DuckDB's reason and how many rows were read of how many lines;
    [] when it read them all."""
    count, line = con.execute("SELECT count(DISTINCT line), min(line) FROM reject_errors").fetchone()
    if not count:
        return []
    why = con.execute("SELECT error_message FROM reject_errors ORDER BY line LIMIT 1").fetchone()[0]
    lines = compressed.count_lines(path) - above - int(header)
    return [Problem(str(path), f"{counted(int(count), 'record')} that could not be read left out (first: line "
                    f"{int(line):,}: {str(why).splitlines()[0]}); {counted(rows, 'row')} read of "
                    f"{counted(lines, 'line')} under the header", int(line), None, "warning")]


def _lines_above(preview: table.Preview) -> int:
    """The lines above the header the loader skipped (a title, notes: said in its problems)."""
    for problem in preview.problems:
        found = re.match(r"^(\d+) lines? above the header skipped", problem.message)
        if found:
            return int(found.group(1))
    return 0


def _select(mapping: Mapping, rows: pd.DataFrame, start: str) -> list[str]:
    """The SELECT list: native columns from the mapping, as the loader fills them (a title made from the
    description, actors or category where there is none; a source column of names as the sources' titles),
    every other column as ``attr:<name>``."""
    names = [str(c) for c in rows.columns]
    links = mapping.url is not None and holds_addresses(rows[mapping.url].astype(str).str.strip())
    chosen = {"start": start}
    for field, column in (("end", mapping.end), ("title", mapping.title), ("category", mapping.category),
                          ("description", mapping.description), ("source_url" if links else "source_title",
                                                                 mapping.url), ("id", mapping.id),
                          ("tags", mapping.tags)):
        if column is not None:
            chosen[field] = f"nullif(trim({_quoted(column)}), '')"
    if mapping.actors:  # (concat_ws leaves out the empty ones, as the loader does)
        parts = ", ".join(f"nullif(trim({_quoted(a)}), '')" for a in mapping.actors)
        chosen["actors"] = f"nullif(concat_ws(';', {parts}), '')"
    fallbacks = [f"left({chosen['description']}, 120)" if "description" in chosen else "",
                 f"replace({chosen['actors']}, ';', ' → ')" if "actors" in chosen else "", chosen.get("category", "")]
    chosen["title"] = f"coalesce({', '.join(x for x in [chosen.get('title', ''), *fallbacks] if x)}, '')"
    used = {c for c in (mapping.start, mapping.end, mapping.title, mapping.category, mapping.description, mapping.url,
                        mapping.id, mapping.tags, *mapping.actors) if c is not None}
    out = [f"{sql} AS {_quoted(field)}" for field, sql in chosen.items()]
    out += [f"{_quoted(c)} AS {_quoted('attr:' + c)}" for c in names if c not in used]
    return out


DELIMITED = (".csv", ".tsv", ".tab", ".txt", ".psv", ".dat")


def can_convert(path: Path) -> bool:
    """Whether a file is a delimited table this module can convert (plain, or packed with gzip or zstd)."""
    return compressed.inner_suffix(path) in DELIMITED and compressed.compression(path) in (None, "gzip", "zstd")


def needs_out_of_core(path: Path) -> bool:
    """Whether a table file is too big to load with the memory free (and so is converted out of core)."""
    try:
        compressed.check_room(path, table=True)
    except LoadError:
        return True
    return False




def convert_if_too_big(source: Path, output: Path, overwrite: bool = False) -> str | None:
    """What ``entente convert`` says after writing a delimited table too big for the free memory as Parquet,
    out of core; None when the table fits (or is no delimited table): it is loaded and written as usual."""
    if not (source.is_file() and can_convert(source) and needs_out_of_core(source)):
        return None
    done = convert(source, output, overwrite=overwrite)
    return (f"Wrote {done.folder}: {done.rows:,} events, written as Parquet by DuckDB without loading them (too big "
            f"for the memory free); {'; '.join(done.said)}. Open it, queried in place: entente {done.folder}")
