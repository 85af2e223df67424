"""The fast date path gives the same answers as the general parser, only faster."""

import pandas as pd
import pyarrow as pa
import pytest

from viewer.model import dates
from viewer.model.dates.arrow import parse_fast

SAMPLES = ["2019", "2019-12", "2019-12-29", "2019-12-29T14:30:00Z", "2019-12-29T14:30:00+01:00",
           "2019-12-29 14:30:00", "2019-12-29T14:30", "2019-1-5", "2019-02-30", "2019-02-30T10:00:00Z",
           "2020-02-29", "2019-04-31T01:00Z", " 2019 ", "", None, "abc", "0000:00", "2019-12-29T14:30:00.250Z"]


def general(values: list[object]) -> dates.ParsedDates:
    instants = pd.Series(pd.NaT, index=range(len(values)), dtype=dates.UTC_DTYPE)
    precisions = pd.Series(pd.NA, index=range(len(values)), dtype="object")
    naive = pd.Series(False, index=range(len(values)))
    series = pd.Series(values, dtype="object")
    dates._parse_general(series[series.notna() & (series.astype(str).str.strip() != "")], instants, precisions,
                         naive)
    return dates.ParsedDates(instants, precisions, instants.isna(), naive)


@pytest.mark.parametrize("value", SAMPLES)
def test_each_form_parses_the_same_on_both_paths(value: object) -> None:
    fast = dates.parse_dates(pd.Series([value], dtype="object"))
    slow = general([value])
    assert fast.instants.iloc[0] is pd.NaT or fast.instants.iloc[0] == slow.instants.iloc[0]
    assert (fast.instants.isna() == slow.instants.isna()).all()
    if not fast.instants.isna().iloc[0]:
        assert str(fast.precisions.iloc[0]) == str(slow.precisions.iloc[0])
        assert bool(fast.naive.iloc[0]) == bool(slow.naive.iloc[0])


def test_the_fast_path_refuses_days_that_do_not_exist() -> None:
    result = parse_fast(pa.array(["2019-02-29", "2020-02-29", "2019-04-31T10:00:00", "2019-04-30T10:00:00"]))
    assert list(result.codes) == [-1, 2, -1, 3]
