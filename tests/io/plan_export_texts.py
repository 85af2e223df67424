"""Primavera P6 exports (XER) as P6 writes them, for the reader's tests and the window's."""

HEADER = "ERMHDR\t19.12\t2024-01-05\tProject\tadmin\tAdmin\tdbxDatabaseNoName\tProject Management\tGBP\n"
TASK_FIELDS = ("task_id", "proj_id", "wbs_id", "clndr_id", "phys_complete_pct", "task_type", "status_code",
               "task_code", "task_name", "total_float_hr_cnt", "act_start_date", "act_end_date", "early_start_date",
               "early_end_date", "target_start_date", "target_end_date")


def table(name: str, fields: tuple[str, ...], rows: list[tuple[str, ...]]) -> str:
    lines = [f"%T\t{name}", "%F\t" + "\t".join(fields)] + ["%R\t" + "\t".join(row) for row in rows]
    return "\n".join(lines) + "\n"


BRIDGE = HEADER + table("PROJECT", ("proj_id", "proj_short_name"), [("4711", "BRIDGE-24")]) + table(
    "PROJWBS", ("wbs_id", "proj_id", "proj_node_flag", "wbs_short_name", "wbs_name", "parent_wbs_id"),
    [("9000", "4711", "Y", "BRIDGE-24", "Bridge replacement", ""), ("9001", "4711", "N", "CIV", "Civils", "9000"),
     ("9002", "4711", "N", "EN", "Enabling works", "9001"), ("9003", "4711", "N", "ST", "Structure", "9001")],
) + table("TASK", TASK_FIELDS, [
    # complete: its actual dates, not the planned ones
    ("10001", "4711", "9002", "597", "100", "TT_Mile", "TK_Complete", "A1000", "Notice to proceed", "0",
     "2024-01-09 08:00", "2024-01-09 08:00", "", "", "2024-01-08 08:00", "2024-01-08 08:00"),
    # started: its actual start, its early finish
    ("10002", "4711", "9002", "597", "40", "TT_Task", "TK_Active", "A1010", "Site set-up & traffic management",
     "16", "2024-01-10 08:00", "", "2024-01-10 08:00", "2024-01-23 17:00", "2024-01-08 08:00", "2024-01-19 17:00"),
    # not started: the early dates
    ("10003", "4711", "9003", "597", "0", "TT_Task", "TK_NotStart", "A2000", "Piling", "0",
     "", "", "2024-02-12 08:00", "2024-03-22 17:00", "2024-02-12 08:00", "2024-03-20 17:00"),
    # no early dates written: the planned ones
    ("10004", "4711", "9003", "597", "0", "TT_FinMile", "TK_NotStart", "A2020", "Bridge open to public", "0",
     "", "", "", "", "2024-06-28 17:00", "2024-06-28 17:00"),
]) + table("TASKPRED", ("task_pred_id", "task_id", "pred_task_id", "proj_id", "pred_proj_id", "pred_type",
                        "lag_hr_cnt"),
           [("1", "10002", "10001", "4711", "4711", "PR_FS", "0"), ("2", "10003", "10002", "4711", "4711", "PR_SS",
                                                                     "40"),
            ("3", "10004", "10003", "4711", "4711", "PR_FS", "0")]
) + table("RSRC", ("rsrc_id", "rsrc_short_name", "rsrc_name", "rsrc_type"),
          [("301", "CIVILS", "Civils gang", "RT_Labor"), ("302", "CRANE", "500t mobile crane", "RT_Equip")],
) + table("TASKRSRC", ("taskrsrc_id", "task_id", "proj_id", "rsrc_id"),
          [("1", "10002", "4711", "301"), ("2", "10003", "4711", "301"), ("3", "10003", "4711", "302")]) + "%E\n"
