"""Project plans in their scheduling tools' own formats: Primavera P6's XER read as its activities; Microsoft
Project's .mpp and MPX refused with how to save them. An XER file was read as a table of nine unnamed columns
and refused ("no date column among column1, column2 …"); an .mpp was "an Office 97-2003 file (an Outlook .msg,
a .doc …)"; an MPX file's first line was taken for the header ("no date column among MPX, Microsoft Project …")."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError

from .plan_export_texts import BRIDGE, HEADER, TASK_FIELDS, table


def _row(events, code: str):
    return events[events["id"] == code].iloc[0]


def test_an_xer_export_opens_as_its_activities_with_the_dates_p6_shows(tmp_path: Path) -> None:
    path = tmp_path / "bridge.xer"
    path.write_text(BRIDGE, encoding="utf-8")
    ds = viewer.load(path)
    events = ds.events
    assert list(events["id"]) == ["A1000", "A1010", "A2000", "A2020"]
    done, started, planned, opening = (_row(events, c) for c in ("A1000", "A1010", "A2000", "A2020"))
    assert str(done["start"]) == "2024-01-09 08:00:00+00:00"  # actual, not planned (8 Jan)
    assert (str(started["start"]), str(started["end"])) == ("2024-01-10 08:00:00+00:00", "2024-01-23 17:00:00+00:00")
    assert str(planned["end"]) == "2024-03-22 17:00:00+00:00"  # early finish, not the planned 20 March
    assert str(opening["start"]) == "2024-06-28 17:00:00+00:00"  # only planned dates written
    assert started["title"] == "Site set-up & traffic management" and started["actors"] == "Civils gang"
    assert set(planned["actors"].split(";")) == {"Civils gang", "500t mobile crane"}
    assert (done["category"], started["category"], opening["category"]) == ("milestone", "task", "milestone")
    assert started["attr:WBS"] == "Civils / Enabling works" and started["attr:parent"] == "Enabling works"
    assert planned["attr:Predecessors"] == "A1010 (SS)" and started["attr:Status"] == "in progress"
    assert "attr:Project" not in events.columns  # (one project)
    assert not [p for p in ds.problems if p.level in ("warning", "error")]


def test_an_activity_whose_date_cannot_be_read_is_named_by_its_line(tmp_path: Path) -> None:
    text = HEADER + table("TASK", TASK_FIELDS, [
        ("1", "7", "", "", "0", "TT_Task", "TK_NotStart", "A1", "Survey", "0", "", "", "2024-01-08 08:00",
         "2024-01-09 17:00", "", ""),
        ("2", "7", "", "", "0", "TT_Task", "TK_NotStart", "A2", "Design", "0", "", "", "soon", "", "", ""),
    ]) + "%E\n"
    path = tmp_path / "plan.xer"
    path.write_text(text, encoding="utf-8")
    ds = viewer.load(path)
    assert list(ds.events["id"]) == ["A1"]
    skipped = [p for p in ds.problems if p.level == "error"]
    assert skipped and skipped[0].row == 5, skipped  # the %R line of A2 (header, %T, %F, A1, A2)


def test_several_projects_name_each_activitys_project_and_an_uneven_row_is_said(tmp_path: Path) -> None:
    rows = [("1", "7", "", "", "0", "TT_Task", "TK_NotStart", "A1", "Survey", "0", "", "", "2024-01-08 08:00",
             "2024-01-09 17:00", "", ""),
            ("2", "8", "", "", "0", "TT_Task", "TK_NotStart", "B1", "Design", "0", "", "", "2024-02-08 08:00")]
    text = HEADER + table("PROJECT", ("proj_id", "proj_short_name"), [("7", "NORTH"), ("8", "SOUTH")]) + table(
        "TASK", TASK_FIELDS, rows) + "%E\n"
    path = tmp_path / "programme.xer"
    path.write_bytes(text.replace("Survey", "Böschung").encode("cp1252"))  # P6 writes the ANSI code page
    ds = viewer.load(path)
    assert list(ds.events["attr:Project"]) == ["NORTH", "SOUTH"]
    assert ds.events["title"].iloc[0] == "Böschung"
    said = [p.message for p in ds.problems]
    assert any("Windows-1252" in m for m in said)
    assert any("a row of 13 values under 16 fields" in m for m in said), said


def test_an_xer_saved_as_text_is_read_as_one(tmp_path: Path) -> None:
    path = tmp_path / "export.txt"
    path.write_text(BRIDGE, encoding="utf-8")
    assert viewer.load(path).event_count == 4


def test_an_xer_without_activities_is_refused_by_what_it_lacks(tmp_path: Path) -> None:
    path = tmp_path / "resources.xer"
    path.write_text(HEADER + table("RSRC", ("rsrc_id", "rsrc_name"), [("1", "Crane")]) + "%E\n", encoding="utf-8")
    with pytest.raises(LoadError, match=r"resources.xer: a Primavera P6 export \(XER\) without activities"):
        viewer.load(path)


@pytest.mark.parametrize(("name", "content", "said"), [
    ("Schedule.mpp", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, "a Microsoft Project plan (.mpp)"),
    ("legacy.mpx", b"MPX,Microsoft Project for Windows,4.0,ANSI\n10,$,0,0\n", "a Microsoft Project exchange file"),
])
def test_microsoft_projects_own_files_are_refused_with_how_to_save_them(tmp_path: Path, name: str, content: bytes,
                                                                        said: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        viewer.load(path)
    assert str(caught.value).startswith(f"{path}: {said}") and "Save As > XML" in str(caught.value)
