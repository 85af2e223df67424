"""Writing a filtered table as CSV or JSON (dates ISO at their precision), atomically."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from viewer.cli_format import frame_for_output
from viewer.io.atomic import replace_file
from viewer.model import attributes


def table_text(frame: pd.DataFrame, columns: list[str], fmt: str) -> str:
    """The table as CSV or JSON text: the documented columns, then every attribute under its own name."""
    out = frame_for_output(frame, columns)
    for attribute in attributes.attributes(frame):
        name = attribute.name if attribute.name not in out.columns else attribute.column
        out[name] = attributes.plain(frame[attribute.column]).reset_index(drop=True)
    if fmt == "json":
        return json.dumps(out.to_dict(orient="records"), ensure_ascii=False, indent=2) + "\n"
    return out.to_csv(index=False, lineterminator="\n")


def write_table(frame: pd.DataFrame, columns: list[str], path: Path) -> None:
    """Write ``frame`` to ``path`` (JSON when the name ends in .json, else CSV); a failed write changes nothing."""
    replace_file(path, table_text(frame, columns, "json" if path.suffix.lower() == ".json" else "csv"))
