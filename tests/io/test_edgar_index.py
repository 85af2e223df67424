"""SEC EDGAR's full index (``master.idx``): notes above the header, lines of one space among them, a rule of dashes
under the header, `|` between fields. Refused before ("no date column among Description: Master Index …": the
lines of a space counted as records of one field, so `|` lost to `,`), and the rule was an error."""

from __future__ import annotations

from pathlib import Path

import viewer

INDEX = ("Description:           Master Index of EDGAR Dissemination Feed\n"
         "Last Data Received:    March 31, 2024\nComments:              webmaster@sec.gov\n"
         "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n \n \n \n \n"
         "CIK|Company Name|Form Type|Date Filed|Filename\n" + "-" * 80 + "\n"
         "1000045|NICHOLAS FINANCIAL INC|10-Q|2024-02-13|edgar/data/1000045/0000950170-24-014316.txt\n"
         "1000045|NICHOLAS FINANCIAL INC|8-K|2024-03-05|edgar/data/1000045/0000950170-24-026012.txt\n"
         "1000097|KINGDON CAPITAL MANAGEMENT, L.L.C.|SC 13G/A|2024-02-14|edgar/data/1000097/0000919574-24-0012.txt\n"
         "1000209|MEDALLION FINANCIAL CORP|4|2024-03-28|edgar/data/1000209/0001000209-24-000031.txt\n"
         + "".join(f"100{n}|COMPANY {n} INC|8-K|2024-01-{n:02d}|edgar/data/100{n}/0000950170-24-0{n}.txt\n"
                   for n in range(10, 14)))


def test_edgars_master_index_opens_as_its_filings(tmp_path: Path) -> None:
    path = tmp_path / "master.idx"
    path.write_text(INDEX, encoding="utf-8")
    ds = viewer.load(path)
    assert ds.event_count == 8
    assert [str(d.date()) for d in ds.events["start"]][-4:] == ["2024-02-13", "2024-02-14", "2024-03-05", "2024-03-28"]
    assert "KINGDON CAPITAL MANAGEMENT, L.L.C." in ds.events.to_string()  # (a comma in a name: one field)
    assert [p.level for p in ds.problems] == ["info", "info"]  # the notes above, the rule under the header
