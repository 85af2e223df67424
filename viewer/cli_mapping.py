"""``entente info --suggest-mapping FILE``: the import spec suggested for one table file, as JSON on stdout.

Only a table is asked about (a file the window would offer its column mapping for); a file read by a reader of its
own, a folder, a missing, empty or binary file is refused with one line, as the loader refuses it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from viewer.cli_errors import UsageError
from viewer.io import compressed, has_own_reader, refuse_unreadable, sqlite
from viewer.io.import_spec import to_json
from viewer.io.spec_suggest import SAMPLE_ROWS, TABLE_SUFFIXES, suggest_spec
from viewer.io.table_read import EXPECTED
from viewer.io.write_target import shown
from viewer.model.problems import LoadError


def table_to_map(given: str) -> Path:
    """The one table file a mapping is suggested for, or a refusal naming it."""
    path = Path(given)
    if not path.exists():
        raise LoadError(f"{shown(path)}: no such file or folder")
    if path.is_dir():
        raise UsageError(f"--suggest-mapping takes one table file; {shown(path)} is a folder")
    if not path.is_file():
        raise LoadError(f"{shown(path)}: not a regular file (a device, socket or pipe cannot be opened)")
    refuse_unreadable(path)
    suffix = compressed.inner_suffix(path)
    if (suffix and suffix not in TABLE_SUFFIXES and not sqlite.is_sqlite(path)) or has_own_reader(path):
        raise UsageError(f"{shown(path)} is read by a reader of its own and needs no column mapping; --suggest-mapping "
                         "takes a table file (.csv, .tsv, .txt, .xlsx, .ods, .parquet, .jsonl, SQLite …)")
    return path


def cmd_suggest_mapping(args: argparse.Namespace) -> int:
    """Print the import spec suggested for one table file, as JSON: from its first rows, as the window suggests
    it. A spec with no date column is printed too (to finish by hand), said on stderr, with exit code 1."""
    if len(args.paths) != 1:
        raise UsageError("--suggest-mapping takes exactly one table file")
    path = table_to_map(args.paths[0])
    spec = suggest_spec(path, rows=SAMPLE_ROWS)
    print(json.dumps(to_json(spec), ensure_ascii=False, indent=2))
    if spec.start is None:
        print(f"entente: {shown(path)}: no date column found in its first {SAMPLE_ROWS:,} rows; expected {EXPECTED}. "
              "Name it as \"start\" in the spec's \"fields\"", file=sys.stderr)
        return 1
    return 0
