"""Zone abbreviations after a time: German's names of Europe's zones (MEZ, MESZ, as German Windows, Outlook and SAP
write them) and those a single place uses (AEST, KST, NPT …) give their offsets; they were taken as UTC, an hour or
more off, with a warning. Those that name several zones (IST: India, Ireland or Israel) stay unread, and said."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from viewer.io import table
from viewer.model.dates import columns

READ = [
    ("19.11.2018 10:00:00 MEZ", "2018-11-19T09:00:00"),
    ("01.07.2019 10:00 MESZ", "2019-07-01T08:00:00"),
    ("2019-03-04 10:00 AEST", "2019-03-04T00:00:00"),
    ("2019-03-04 10:00 NPT", "2019-03-04T04:15:00"),  # Nepal's quarter hour
    ("Mon Mar 04 10:00:00 KST 2019", "2019-03-04T01:00:00"),
    ("2019-03-04 10:00 MSK", "2019-03-04T07:00:00"),
    ("2019-03-04 10:00 NST", "2019-03-04T13:30:00"),  # Newfoundland's half hour behind
]


@pytest.mark.parametrize(("written", "utc"), READ)
def test_an_abbreviation_gives_its_offset(written: str, utc: str) -> None:
    parsed = columns.parse_column(pd.Series([written, written]))
    assert parsed.instants.iloc[0].tz_convert(None).isoformat() == utc


def test_one_naming_several_zones_is_taken_as_utc_and_said(tmp_path: Path) -> None:
    path = tmp_path / "calls.csv"
    path.write_text("date,title\n2019-03-04 10:00 IST,call\n2019-03-04 10:00 MEZ,meeting\n")
    ds = table.read(path)
    starts = dict(zip(ds.events["title"], ds.events["start"].dt.tz_convert(None).astype(str), strict=True))
    assert starts == {"call": "2019-03-04 10:00:00", "meeting": "2019-03-04 09:00:00"}
    (said,) = [p.message for p in ds.problems if "unknown time zones" in p.message]
    assert "(IST)" in said
