"""Project plans kept in XML: Microsoft Project's XML (MSPDI) and GanttProject's ``.gan``, as rows of tasks.

MSPDI (``<Project xmlns="http://schemas.microsoft.com/project">``): the rows are ``Project/Tasks/Task`` (not its
calendars' days or an assignment's timephased data), each with its ``Name``, ``Start`` and ``Finish``, its
``kind`` (milestone, summary or task), the summary task it is in (``parent``) and the names of the work resources
assigned to it (``people``: ``Assignments/Assignment`` TaskUID → ResourceUID, ``Resources/Resource`` Name). The
project summary task (outline level 0, spanning the whole project) is left out, as Microsoft Project shows it
only when asked to; so are blank rows (IsNull).

GanttProject: its tasks (read at every depth by :mod:`viewer.io.xml_groups`) end after their ``duration`` in
working days: the days of the week its default calendar works (Monday to Friday unless it says otherwise;
holidays are not counted out). A task of no duration is a milestone, a point in time. The resources allocated to
a task are its ``people``.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as StdET

MSP_FIELDS = ("ID", "UID", "Name", "Start", "Finish", "Duration", "PercentComplete", "OutlineLevel",
              "OutlineNumber", "WBS", "Priority", "Critical", "ActualStart", "ActualFinish", "Deadline",
              "ConstraintDate", "Notes", "HyperlinkAddress")
WORK = ("", "1")  # a resource's Type: 0 material, 1 work, 2 cost
UNASSIGNED = "-65535"  # an assignment's ResourceUID when no resource is assigned
WEEK = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
GANTT_NOISE = ("color", "expand", "thirdDate", "thirdDate-constraint", "meeting", "shape", "fixed-start", "webLink")
LONGEST = 100_000  # working days a task may last (more is read as no end)


def _text(element: StdET.Element | None) -> str:
    return "" if element is None else " ".join("".join(element.itertext()).split())


def msp_rows(root: StdET.Element) -> list[dict[str, str]] | None:
    """The tasks of Microsoft Project's XML, else None (another document, or a plan without dated tasks)."""
    tasks = root.find("Tasks") if root.tag == "Project" else None
    if tasks is None or not any(task.find("Start") is not None for task in tasks.iter("Task")):
        return None
    people = _assigned(root)
    rows: list[dict[str, str]] = []
    outline: dict[int, str] = {}  # the last task's name at each outline level
    for task in tasks.findall("Task"):
        cells = {child.tag: _text(child) for child in task if isinstance(child.tag, str) and not len(child)}
        if cells.get("IsNull") == "1":
            continue
        level = int(cells["OutlineLevel"]) if cells.get("OutlineLevel", "").isdigit() else 1
        outline = {depth: name for depth, name in outline.items() if depth < level}
        outline[level] = cells.get("Name", "")
        if level == 0:
            continue  # the project summary task
        row = {name: cells[name] for name in MSP_FIELDS if cells.get(name)}
        row["kind"] = "milestone" if cells.get("Milestone") == "1" else \
            "summary" if cells.get("Summary") == "1" else "task"
        if outline.get(level - 1) and level > 1:
            row["parent"] = outline[level - 1]
        if people.get(cells.get("UID", "")):
            row["people"] = ";".join(people[cells["UID"]])
        rows.append(row)
    return rows


def _assigned(root: StdET.Element) -> dict[str, list[str]]:
    """Each task's (UID's) work resources' names, as its assignments give them."""
    names = {_text(resource.find("UID")): _text(resource.find("Name"))
             for resource in root.iterfind("Resources/Resource") if _text(resource.find("Type")) in WORK}
    people: dict[str, list[str]] = {}
    for assignment in root.iterfind("Assignments/Assignment"):
        resource = _text(assignment.find("ResourceUID"))
        name = names.get(resource, "") if resource != UNASSIGNED else ""
        task = people.setdefault(_text(assignment.find("TaskUID")), [])
        if name and name not in task:
            task.append(name)
    return people


def is_gantt(root: StdET.Element, records: list[StdET.Element]) -> bool:
    """Whether these are GanttProject's tasks (``<project><tasks><task start= duration=>``)."""
    return root.tag == "project" and bool(records) and all(
        record.tag == "task" and "start" in record.attrib for record in records)


def gantt_rows(root: StdET.Element, records: list[StdET.Element], rows: list[dict[str, str]]) -> None:
    """GanttProject's tasks' rows given their ends (from their working days), kinds and people."""
    week = root.find("calendars/day-types/default-week")
    weekend = {day for day, name in enumerate(WEEK) if (week.get(name) if week is not None else "") == "1"} \
        if week is not None else {5, 6}
    if len(weekend) == 7:
        weekend = set()
    people = _allocated(root)
    for record, row in zip(records, rows, strict=True):
        days = record.get("duration", "").strip()
        for name in GANTT_NOISE:
            row.pop(name, None)
        milestone = record.get("meeting") == "true" or days == "0"
        row["kind"] = "milestone" if milestone else "summary" if record.find("task") is not None else "task"
        if days.isdigit():  # (its duration in working days, not seconds)
            row["working_days"] = row.pop("duration")
            end = _end(row.get("start", ""), int(days), weekend)
            if end and not milestone:
                row["end"] = end
        if people.get(record.get("id", "")):
            row["people"] = ";".join(people[record.get("id", "")])


def _allocated(root: StdET.Element) -> dict[str, list[str]]:
    """Each task's (id's) resources' names, as its allocations give them."""
    names = {resource.get("id", ""): resource.get("name", "").strip()
             for resource in root.iterfind("resources/resource")}
    people: dict[str, list[str]] = {}
    for allocation in root.iterfind("allocations/allocation"):
        name = names.get(allocation.get("resource-id", ""), "")
        task = people.setdefault(allocation.get("task-id", ""), [])
        if name and name not in task:
            task.append(name)
    return people


def _end(start: str, days: int, weekend: set[int]) -> str:
    """The last of ``days`` working days from ``start`` (an ISO date) as an ISO date; "" when unknown."""
    try:
        day = dt.date.fromisoformat(start.strip()[:10])
    except ValueError:
        return ""
    if days > LONGEST:
        return ""
    left = days
    while True:
        if day.weekday() not in weekend:
            left -= 1
            if left <= 0:
                return day.isoformat()
        day += dt.timedelta(days=1)
