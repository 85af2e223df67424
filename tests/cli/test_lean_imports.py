"""Commands that draw no graph start without the layout's libraries (scipy, igraph): on a cold disk
scipy alone cost ``entente info`` about half a second."""

from __future__ import annotations

import os
import subprocess
import sys

SCRIPT = """
import sys
from viewer import cli
cli.run(["info"])
cli.run(["events", "--from", "2019-01-01", "--to", "2019-12-31"])
print(sorted(name for name in ("scipy", "igraph", "PySide6") if name in sys.modules))
"""


def test_info_and_events_import_no_layout_library(tmp_path: object) -> None:
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=120,
                          check=True)
    assert "Events" in done.stdout or "events" in done.stdout.lower()
    assert done.stdout.strip().splitlines()[-1] == "[]"
