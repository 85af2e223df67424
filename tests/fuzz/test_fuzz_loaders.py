"""Fuzzing every loader: a loader returns a Dataset or raises LoadError naming the file; never anything else.

The budget per property is small in `make test` (ENTENTE_FUZZ_EXAMPLES, default 40); a longer run is
`make fuzz` (ENTENTE_FUZZ_EXAMPLES=1500). Each case is bounded by an alarm so a hang fails the test.
"""

from __future__ import annotations

import json
import os
import random
import signal
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import viewer
from viewer.model.dataset import Dataset
from viewer.model.problems import LoadError

HERE = Path(__file__).resolve().parent
FIXTURES = [*sorted((HERE.parent / "io" / "fixtures").glob("*.*")),
            *sorted((HERE.parent / "io" / "fixtures_tables").glob("*.*")),
            *sorted((HERE.parents[1] / "resources" / "datasets" / "alliance").glob("*.csv"))]
SUFFIXES = [".csv", ".tsv", ".txt", ".json", ".timeline", ".ics", ".gexf", ".xml", ".xlsx", ".parquet", ".sqlite",
            ".geojson", ".zip", ".html", ".xls", ".rss", ".graphml", ".sav", ".dta", ".ftm", ".mbox", ".eml", ".js",
            ".ged", ".ris", ".bib", ".srt", ".vtt", ".docx", ".odt", ".md", ".pdf", ".rtf", ".doc", ".anx", ".mtgx", ""]
EXAMPLES = int(os.environ.get("ENTENTE_FUZZ_EXAMPLES", "40"))
CASE_SECONDS = 20
FUZZ = settings(max_examples=EXAMPLES, deadline=None, derandomize=os.environ.get("ENTENTE_FUZZ_RANDOM") is None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def fail(_signum: int, _frame: object) -> None:
        raise TimeoutError(f"a loader ran longer than {seconds} s")
    previous = signal.signal(signal.SIGALRM, fail)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def check_loads_or_refuses(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzzed{suffix}"
        path.write_bytes(data)
        try:
            with time_limit(CASE_SECONDS):
                result = viewer.load(path)
        except LoadError as exc:
            assert path.name in str(exc), f"the message must name the file: {exc}"
            return
        assert isinstance(result, Dataset)
        for problem in result.problems:
            assert str(problem)  # every problem can be shown


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(SUFFIXES))
def test_random_bytes_never_crash_a_loader(data: bytes, suffix: str) -> None:
    check_loads_or_refuses(data, suffix)


@FUZZ
@given(index=st.integers(0, len(FIXTURES) - 1), cut=st.floats(0, 1), flips=st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 255)), max_size=8))
def test_truncated_and_corrupted_real_files_never_crash_a_loader(index: int, cut: float,
                                                                 flips: list[tuple[float, int]]) -> None:
    source = FIXTURES[index]
    data = bytearray(source.read_bytes())
    data = data[: int(len(data) * cut)] if cut < 0.95 else data
    for where, value in flips:
        if data:
            data[int(where * (len(data) - 1))] = value
    check_loads_or_refuses(bytes(data), source.suffix)


cells = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
dates = st.one_of(st.dates().map(str), st.sampled_from(["2019", "2019-12", "31/12/2019", "12/31/19", "",
                                                        "-13800000000", "1e308", "2019-02-30", "NaN"]), cells)


@FUZZ
@given(rows=st.lists(st.tuples(dates, cells, cells), min_size=0, max_size=30),
       delimiter=st.sampled_from([",", ";", "\t", "|", "\x01"]), quote=st.booleans(),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "latin-1", "utf-16"]),
       header=st.booleans())
def test_random_csv_shapes_never_crash_the_table_loader(rows: list[tuple[str, str, str]], delimiter: str,
                                                        quote: bool, encoding: str, header: bool) -> None:
    q = '"' if quote else ""
    lines = [delimiter.join(["date", "title", "actor"])] if header else []
    lines += [delimiter.join(f"{q}{c.replace(q, q + q) if q else c}{q}" for c in row) for row in rows]
    text = "\n".join(lines)
    data = text.encode(encoding, errors="replace")
    check_loads_or_refuses(data, ".csv")


@pytest.mark.parametrize("suffix", [".csv", ".json", ".ics", ".timeline", ".gexf", ".xml"])
def test_a_huge_field_is_read_or_refused_without_hanging(tmp_path: Path, suffix: str) -> None:
    big = "x" * (20 * 2**20)  # 20 MB in one field; the 100 MB case behaves the same, only slower
    path = tmp_path / f"big{suffix}"
    if suffix == ".csv":
        path.write_text(f"date,title\n2020-01-01,{big}\n")
    else:
        path.write_text(big)
    check_loads_or_refuses(path.read_bytes(), suffix)


def test_a_csv_that_is_only_a_byte_order_mark_is_refused_as_empty(tmp_path: Path) -> None:
    # found by the long fuzz run: pandas raised EmptyDataError through the table loader
    path = tmp_path / "bom.csv"
    path.write_bytes(b"\xef\xbb\xbf")
    with pytest.raises(LoadError, match="no rows"):
        viewer.load(path)
    document = tmp_path / "bom.json"
    document.write_bytes(b"\xef\xbb\xbf\n")
    with pytest.raises(LoadError, match=r"bom\.json: the file is empty; expected a JSON document"):
        viewer.load(document)


def test_a_zip_header_named_xlsx_is_refused_not_crashed_on(tmp_path: Path) -> None:
    # found by the long fuzz run: openpyxl's BadZipFile escaped the table loader
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(LoadError, match="not a readable Excel workbook"):
        viewer.load(path)


def test_a_table_cut_after_its_header_opens_with_no_events(tmp_path: Path) -> None:
    # found by the long fuzz run: an empty Arrow column came back chunked and crashed the time parser
    path = tmp_path / "cut.csv"
    path.write_text("Event Date|Event Time|Tim")
    check_loads_or_refuses(path.read_bytes(), ".csv")


ODD_VALUES = [None, 0, -1, 1.5, True, "", "x", [], {}, [1, 2], {"a": None}, "9" * 40, "1551693600.000200", "<@",
              "<@U1|>", 1e308, "2019-13-45T99:99:99+99:99"]


def _mutated(value: object, rnd: random.Random) -> object:
    """The JSON value with some members replaced by odd values, dropped, or added."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            roll = rnd.random()
            if roll < 0.02:
                continue
            out[key] = rnd.choice(ODD_VALUES) if roll < 0.1 else _mutated(item, rnd)
        return out
    if isinstance(value, list):
        out_list = [_mutated(item, rnd) for item in value if rnd.random() > 0.05]
        return [*out_list, rnd.choice(ODD_VALUES)] if rnd.random() < 0.05 else out_list
    return rnd.choice(ODD_VALUES) if rnd.random() < 0.05 else value


@FUZZ
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_chat_exports_never_crash_a_loader(rnd: random.Random) -> None:
    """Slack exports, Discord channels and Telegram accounts whose members have the wrong types, are missing,
    or hold odd values: 600 such cases found six crashes (a number where a list was expected) before release."""
    from ..io import slack_export
    from ..io.test_chat_exports import ACCOUNT, GROUP
    from ..io.test_discord import EXPORT

    check_loads_or_refuses(json.dumps(_mutated(EXPORT, rnd)).encode(), ".json")
    check_loads_or_refuses(json.dumps(_mutated(ACCOUNT, rnd)).encode(), ".json")
    check_loads_or_refuses(json.dumps(_mutated(GROUP, rnd)).encode(), ".json")
    with tempfile.TemporaryDirectory() as folder:
        export = Path(folder) / "export"
        files = {"users.json": slack_export.USERS, "channels.json": slack_export.CHANNELS, "dms.json": slack_export.DMS,
                 **slack_export.DAYS}
        for name, content in files.items():
            target = export / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content if isinstance(content, str) else json.dumps(_mutated(content, rnd)))
        try:
            with time_limit(CASE_SECONDS):
                assert isinstance(viewer.load(export), Dataset)
        except LoadError as exc:
            assert "export" in str(exc)


@FUZZ
@given(rnd=st.randoms(use_true_random=False))
def test_mutated_archives_and_histories_never_crash_a_loader(rnd: random.Random) -> None:
    """A Mastodon outbox, Spotify's histories and a Maltego graph whose members have the wrong types, are missing or
    hold odd values."""
    from ..io.test_activitypub import OUTBOX
    from ..io.test_maltego import GRAPH
    from ..io.test_spotify import BASIC, EXTENDED, PODCASTS

    for document in (OUTBOX, EXTENDED, BASIC, PODCASTS):
        check_loads_or_refuses(json.dumps(_mutated(document, rnd)).encode(), ".json")
    cut = GRAPH[:rnd.randrange(len(GRAPH))] if rnd.random() < 0.5 else GRAPH.replace("n1", rnd.choice(["", "n0", "x"]))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.mtgx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("Graphs/Graph1.graphml", cut)
        check_loads_or_refuses(path.read_bytes(), ".mtgx")
