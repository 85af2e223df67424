"""Date spellings benchmark: how long a table opens by the way its dates are written; prints ONE JSON object.

Run: ``make bench-dates`` (or ``.venv/bin/python tests/bench/bench_dates.py [rows]``, 1,000,000 by default).
Each spelling is a two-column CSV (a date and a short title) of the same instants, uniform over 2018-2022 to the
second (the date-only spellings to the day), made once in the bench data folder (:func:`scale_data.data_root`);
the last two are Parquet files whose dates are typed, not text (``TYPED``: times as pandas writes them, and a DATE
as DuckDB, Spark and R do). Each is opened with :func:`viewer.load` ``REPEAT`` times in this process after a
warm-up, and its median, 95th percentile and maximum are given in seconds, beside pyarrow's read of the same file
and their ratio. Not a unit test: the figures go in ``tests/bench/README.md``.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import scale_data

import viewer

REPEAT = 5
# each spelling: how an instant is written, as those who write it do
SPELLINGS: dict[str, Callable[[pd.DatetimeIndex], pd.Index]] = {
    "iso_day": lambda at: at.strftime("%Y-%m-%d"),  # 2020-05-13
    "iso_time": lambda at: at.strftime("%Y-%m-%dT%H:%M:%S"),  # 2020-05-13T13:39:53
    "iso_offset": lambda at: at.strftime("%Y-%m-%d %H:%M:%S+01:00"),  # 2020-05-13 13:39:53+01:00
    "us_day": lambda at: at.strftime("%m/%d/%Y"),  # 05/13/2020
    "us_clock": lambda at: at.strftime("%m/%d/%Y %I:%M:%S %p"),  # 05/13/2020 01:39:53 PM (city open data)
    "us_short": lambda at: pd.Index([f"{t.month}/{t.day}/{t.year % 100:02d} {t.hour}:{t.minute:02d}"
                                     for t in at]),  # 5/13/20 13:39 (police logs)
    "dotted": lambda at: at.strftime("%d.%m.%Y %H:%M"),  # 13.05.2020 13:39
    "day_month_year": lambda at: at.strftime("%d/%m/%Y"),  # 13/05/2020
    "weekday_short": lambda at: at.strftime("%a %m/%d/%y"),  # Wed 05/13/20 (Microsoft Project)
    "named_month": lambda at: at.strftime("%b %d, %Y"),  # May 13, 2020
    "weekday_long": lambda at: at.strftime("%A, %B %d, %Y"),  # Wednesday, May 13, 2020
    "mail": lambda at: at.strftime("%a, %d %b %Y %H:%M:%S +0000"),  # Wed, 13 May 2020 13:39:53 +0000 (RFC 2822)
    "unix_seconds": lambda at: pd.Index(at.as_unit("s").asi8.astype(str)),  # 1589377193
}
DAY_ONLY = {"iso_day", "us_day", "day_month_year", "weekday_short", "named_month", "weekday_long"}
TYPED = {"parquet_timestamp": pa.timestamp("us"), "parquet_date": pa.date32()}  # Parquet columns of typed dates


def _file(name: str, rows: int) -> Path:
    """The spelling's CSV (or a typed spelling's Parquet file), made on first use."""
    path = scale_data.data_root() / f"dates_{name}_{rows}.{'parquet' if name in TYPED else 'csv'}"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        seconds = np.random.default_rng(7).integers(0, 5 * 365 * 86_400, rows)
        at = pd.DatetimeIndex(pd.Timestamp("2018-01-01") + pd.to_timedelta(seconds, unit="s"))
        if name in DAY_ONLY or name == "parquet_date":
            at = at.floor("D")
        titles = [f"event {i}" for i in range(rows)]
        part = path.with_suffix(".part")
        if name in TYPED:
            dates = pa.array(at.to_numpy(dtype="datetime64[us]"), pa.timestamp("us")).cast(TYPED[name])
            pq.write_table(pa.table({"Date": dates, "Title": titles}), part)
        else:
            pd.DataFrame({"Date": np.asarray(SPELLINGS[name](at)), "Title": titles}).to_csv(part, index=False)
        part.rename(path)
    return path


def _arrow_read(path: Path) -> object:
    """pyarrow's own read of the file: the yardstick."""
    return pq.read_table(path) if path.suffix == ".parquet" else pacsv.read_csv(path)


def _times(call: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        out.append(time.perf_counter() - start)
    return out


def main(rows: int) -> dict[str, object]:
    result: dict[str, object] = {"rows": rows, "repeat": REPEAT, "method": "viewer.load in one process after a "
                                 "warm-up; arrow_s: pyarrow's read_csv (read_table for Parquet) of the same file "
                                 "(median)"}
    paths = {name: _file(name, rows) for name in [*SPELLINGS, *TYPED]}
    viewer.load(paths["iso_day"])  # warm-up: imports and first allocations
    for name, path in paths.items():
        arrow = float(np.median(_times(lambda path=path: _arrow_read(path), 3)))
        opens = np.array(_times(lambda path=path: viewer.load(path), REPEAT))
        median = float(np.median(opens))
        result[name] = {"median_s": round(median, 3), "p95_s": round(float(np.percentile(opens, 95)), 3),
                        "max_s": round(float(opens.max()), 3), "arrow_s": round(arrow, 3),
                        "ratio": round(median / arrow, 1)}
        print(name, result[name], file=sys.stderr, flush=True)
    return result


if __name__ == "__main__":
    print(json.dumps(main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000), indent=1))
