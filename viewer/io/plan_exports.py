"""Project plans in their scheduling tools' own exchange formats.

Primavera P6's XER export (``ERMHDR`` on its first line, then tables of tab-separated rows: ``%T`` names a table,
``%F`` its fields, each ``%R`` a row, ``%E`` the end) is read as its activities (the ``TASK`` table), one row each,
named as Microsoft Project's XML is read (:mod:`viewer.io.xml_plans`), so the table reader maps them alike:

- ``ID`` the activity's code and ``Name`` its name;
- ``Start`` and ``Finish`` as P6 shows them: the actual dates where the work has started or finished, else the
  early dates of the schedule, else the planned ones (``Planned Start``, ``Planned Finish`` are kept beside);
- ``kind`` (task, milestone, level of effort, WBS summary …), ``parent`` the name of its WBS node and ``WBS`` the
  path of names down to it, ``people`` the resources assigned (``TASKRSRC`` → ``RSRC``), ``Predecessors`` the codes
  of the activities it follows with their kind of link (``A1010 (FS)``), its ``Status``, ``% Complete``, ``Total
  Float (h)`` and, when the file holds several, its ``Project``.

A row of more or fewer values than its table's fields is read as far as its values go and said by its line. P6
writes XER in the computer's ANSI code page: text that is not UTF-8 is read as Windows-1252, and said.

Microsoft Project's own plan (``.mpp``) and its old exchange format (MPX) are not read: they are refused with how
to save the plan as something Entente reads.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from viewer.io import compressed
from viewer.model.problems import LoadError, Problem

XER_MAGIC = b"ERMHDR"
MPX_MAGIC = b"MPX,"
SAVE_AS = ("save the plan from Microsoft Project as XML (File > Save As > XML Format) or export its tasks to "
           "Excel or CSV")
KINDS = {"TT_Task": "task", "TT_Rsrc": "resource dependent", "TT_Mile": "milestone", "TT_FinMile": "milestone",
         "TT_LOE": "level of effort", "TT_WBS": "WBS summary"}
STATUS = {"TK_NotStart": "not started", "TK_Active": "in progress", "TK_Complete": "completed"}
LINKS = {"PR_FS": "FS", "PR_SS": "SS", "PR_FF": "FF", "PR_SF": "SF"}
STARTS = ("act_start_date", "early_start_date", "target_start_date")  # as P6 shows Start: actual, else early
FINISHES = ("act_end_date", "early_end_date", "target_end_date")


def looks_like_xer(head: bytes) -> bool:
    """True for the first bytes of a Primavera P6 export."""
    return head.lstrip(b"\xef\xbb\xbf").startswith(XER_MAGIC)


def refuse(path: Path, head: bytes) -> None:
    """LoadError for a Microsoft Project plan Entente does not read (an ``.mpp``, an MPX file), saying how to
    save it as one it does."""
    if head.startswith(MPX_MAGIC):
        raise LoadError(f"{path}: a Microsoft Project exchange file (MPX), which Entente does not read; {SAVE_AS}")
    if path.suffix.lower() == ".mpp":
        raise LoadError(f"{path}: a Microsoft Project plan (.mpp), which Entente does not read; {SAVE_AS}")


@dataclass
class _Table:
    fields: list[str]
    rows: list[list[str]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def records(self) -> list[dict[str, str]]:
        return [dict(zip(self.fields, row, strict=False)) for row in self.rows]


def read_frame(path: Path) -> tuple[pd.DataFrame, np.ndarray, list[Problem]]:
    """The activities of a P6 export as rows of text, each row's line in the file, and what reading said."""
    label = str(path)
    problems: list[Problem] = []
    data = compressed.read_bytes(path)  # (LoadError naming the file when it cannot be read or unpacked)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
        problems.append(Problem(label, "not UTF-8; read as Windows-1252, as Primavera P6 writes XER", None, None,
                                "info"))
    tables = _tables(text, label, problems)
    tasks = tables.get("TASK")
    if tasks is None or not tasks.rows:
        raise LoadError(f"{path}: a Primavera P6 export (XER) without activities (no rows in a TASK table); "
                        "expected a project exported with its activities")
    rows = _activities(tasks, tables)
    return pd.DataFrame(rows).fillna(""), np.asarray(tasks.lines, dtype=np.int64), problems


def _tables(text: str, label: str, problems: list[Problem]) -> dict[str, _Table]:
    tables: dict[str, _Table] = {}
    current: _Table | None = None
    uneven = 0
    for number, line in enumerate(text.split("\n"), start=1):
        cells = line.rstrip("\r").split("\t")
        mark = cells[0]
        if mark == "%T" and len(cells) > 1:
            current = tables.setdefault(cells[1].strip(), _Table([]))
        elif mark == "%F" and current is not None:
            current.fields = cells[1:]
        elif mark == "%R" and current is not None:
            values = cells[1:]
            if len(values) != len(current.fields):
                uneven += 1
                if uneven == 1:
                    problems.append(Problem(label, f"a row of {len(values)} values under {len(current.fields)} "
                                            "fields; read as far as its values go", number, None, "warning"))
            current.rows.append(values)
            current.lines.append(number)
    if uneven > 1:
        problems.append(Problem(label, f"{uneven} rows in all have more or fewer values than their table's fields",
                                None, None, "warning"))
    return tables


def _activities(tasks: _Table, tables: dict[str, _Table]) -> list[dict[str, str]]:
    wbs = {row.get("wbs_id", ""): row for row in tables["PROJWBS"].records()} if "PROJWBS" in tables else {}
    projects = {row.get("proj_id", ""): row.get("proj_short_name", "") for row in
                tables["PROJECT"].records()} if "PROJECT" in tables else {}
    people = _assigned(tables)
    records = tasks.records()
    codes = {row.get("task_id", ""): row.get("task_code", "") for row in records}
    follows = _predecessors(tables, codes)
    several = len({row.get("proj_id", "") for row in records}) > 1
    out = []
    for row in records:
        task = row.get("task_id", "")
        activity = {
            "ID": row.get("task_code", "") or task, "Name": row.get("task_name", ""),
            "Start": _first(row, STARTS), "Finish": _first(row, FINISHES),
            "kind": KINDS.get(row.get("task_type", ""), row.get("task_type", "")),
            "parent": wbs.get(row.get("wbs_id", ""), {}).get("wbs_name", ""),
            "WBS": " / ".join(_path(wbs, row.get("wbs_id", ""))),
            "people": ";".join(people.get(task, [])),
            "Predecessors": ", ".join(follows.get(task, [])),
            "Status": STATUS.get(row.get("status_code", ""), row.get("status_code", "")),
            "% Complete": row.get("phys_complete_pct", ""),
            "Total Float (h)": row.get("total_float_hr_cnt", ""),
            "Planned Start": row.get("target_start_date", ""), "Planned Finish": row.get("target_end_date", ""),
        }
        if several:
            activity["Project"] = projects.get(row.get("proj_id", ""), row.get("proj_id", ""))
        out.append(activity)
    return out


def _first(row: dict[str, str], names: tuple[str, ...]) -> str:
    return next((row[name].strip() for name in names if row.get(name, "").strip()), "")


def _path(wbs: dict[str, dict[str, str]], node: str) -> list[str]:
    """The names of a WBS node and those above it, from the top (the project's own node left out)."""
    names: list[str] = []
    seen: set[str] = set()
    while node in wbs and node not in seen:  # (a damaged file may loop)
        seen.add(node)
        row = wbs[node]
        if row.get("proj_node_flag", "") != "Y":
            names.append(row.get("wbs_name", ""))
        node = row.get("parent_wbs_id", "")
    return names[::-1]


def _assigned(tables: dict[str, _Table]) -> dict[str, list[str]]:
    """The names of the resources assigned to each activity."""
    if "TASKRSRC" not in tables:
        return {}
    names = {row.get("rsrc_id", ""): row.get("rsrc_name", "") or row.get("rsrc_short_name", "")
             for row in tables["RSRC"].records()} if "RSRC" in tables else {}
    people: dict[str, list[str]] = {}
    for row in tables["TASKRSRC"].records():
        name = names.get(row.get("rsrc_id", ""), "")
        held = people.setdefault(row.get("task_id", ""), [])
        if name and name not in held:
            held.append(name)
    return people


def _predecessors(tables: dict[str, _Table], codes: dict[str, str]) -> dict[str, list[str]]:
    """The activities each follows, by code, with the kind of link (``A1010 (FS)``)."""
    follows: dict[str, list[str]] = {}
    for row in tables["TASKPRED"].records() if "TASKPRED" in tables else []:
        before = row.get("pred_task_id", "")
        link = LINKS.get(row.get("pred_type", ""), row.get("pred_type", ""))
        follows.setdefault(row.get("task_id", ""), []).append(f"{codes.get(before, before)} ({link})")
    return follows
