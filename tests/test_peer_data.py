"""The peer benchmark's Python data is the page's own: the first 200 items match what page.html makes under node."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "bench"))
import peer_data  # type: ignore[import-not-found]  # a bench helper, outside what mypy reads

PAGE = Path(__file__).resolve().parents[2] / "shared" / "bench" / "peer-vis" / "page.html"
FIRST = 200


def page_generator() -> str:
    """The page's data generator: the script between its "synthetic data" and "paint detection" markers."""
    text = PAGE.read_text(encoding="utf-8")
    begin, end = text.index("// ---- synthetic data"), text.index("// ---- paint detection")
    return text[begin:end]


@pytest.mark.skipif(shutil.which("node") is None, reason="node is not installed")
@pytest.mark.skipif(not PAGE.exists(), reason=f"{PAGE} is not there (the shared peer benchmark)")
def test_the_first_items_are_the_pages_items_to_the_millisecond() -> None:
    script = page_generator() + f"""
      var out = makeItems({FIRST}).map(function (it) {{
        return [it.id, it.group, it.start.valueOf(), it.end ? it.end.valueOf() : null, it.content];
      }});
      process.stdout.write(JSON.stringify(out));
    """
    done = subprocess.run(["node", "-e", script], capture_output=True, text=True, timeout=30, check=True)
    from_page = [tuple(row) for row in json.loads(done.stdout)]
    ours = [(it.id, it.group, it.start_ms, it.end_ms, it.content) for it in peer_data.items(FIRST)]
    assert ours == from_page


def test_the_events_table_has_fifty_lanes_and_points_without_an_end() -> None:
    events = peer_data.events(2000)
    assert events["actors"].nunique() == peer_data.GROUPS
    ranges = events["end"].notna()
    assert 0.25 < ranges.mean() < 0.35
    assert (events.loc[ranges, "end"] > events.loc[ranges, "start"]).all()
    assert events["title"].str.len().eq(peer_data.CONTENT_LEN).all()
