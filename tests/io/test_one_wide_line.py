"""A text that is one line of thousands of fields (a header with no row under it, a wide record with no line break)
is refused at once by what it is: each of its columns was read, mapped and checked one by one, 15 s for a 200 KB
line and over a minute for 1 MB, before the refusal "no rows under them"."""

from __future__ import annotations

from pathlib import Path

import pytest

import viewer
from viewer.model.problems import LoadError


@pytest.mark.parametrize(("separator", "fields", "end"), [(",", 32_000, ""), ("\t", 3_000, "\n"), (";", 1_000, "\r\n")])
def test_one_line_of_thousands_of_fields_is_refused_by_what_it_is(tmp_path: Path, separator: str, fields: int,
                                                                  end: str) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(separator.join(f"v{i}" for i in range(fields)) + end, encoding="utf-8")
    with pytest.raises(LoadError, match=f"wide.csv: one line of {fields:,} fields and no line under it"):
        viewer.load(path)


def test_a_short_line_and_a_wide_table_of_rows_still_open(tmp_path: Path) -> None:
    one = tmp_path / "one.csv"
    one.write_text("2020-01-01,Deal signed,Acme\n", encoding="utf-8")
    assert viewer.load(one).events["title"].tolist() == ["Deal signed"]
    wide = tmp_path / "wide_rows.csv"
    names = ["date", "title", *(f"m{i}" for i in range(1_200))]
    wide.write_text(",".join(names) + "\n" + ",".join(["2020-01-01", "Deal", *("1" * 1_200)]) + "\n", encoding="utf-8")
    assert len(viewer.load(wide).events) == 1
