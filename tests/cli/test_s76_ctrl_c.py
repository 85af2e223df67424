"""Ctrl-C ends the ``entente`` command in one line at any moment: while it loads its libraries (about a second
before it can read a word), while a command reads a file, and the window closes as Quit closes it. Before, the
first two printed the traceback of the import or of the reader, and the window ignored it until the mouse moved,
then printed a traceback and stayed open."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from viewer import cli

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGINT is sent as a terminal sends it")

# a real SIGINT, delivered while pandas is being imported (the longest of the command's imports)
DURING_IMPORTS = textwrap.dedent("""
    import os, signal, sys
    import viewer.start

    class CtrlC:
        def find_spec(self, name, path=None, target=None):
            if name == "pandas":
                os.kill(os.getpid(), signal.SIGINT)
            return None

    sys.meta_path.insert(0, CtrlC())
    sys.exit(viewer.start.main(sys.argv[1:]))
""")


def _events_file(tmp_path: Path) -> Path:
    path = tmp_path / "events.csv"
    path.write_text("id,start,title\ne1,2019-01-02,One\ne2,2020-03-04,Two\n", encoding="utf-8")
    return path


def test_ctrl_c_while_the_command_loads_its_libraries_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, "-c", DURING_IMPORTS, "events", str(_events_file(tmp_path))],
                          capture_output=True, text=True, timeout=120, check=False)
    assert (done.returncode, done.stderr, done.stdout) == (130, "entente: interrupted\n", "")


def test_ctrl_c_while_a_command_reads_names_the_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    def pressed(*_args: object, **_kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "load_cached_many", pressed)
    assert cli.main(["events", str(_events_file(tmp_path))]) == 130
    said = capsys.readouterr()
    assert (said.err, said.out) == ("entente events: interrupted\n", "")


def test_the_package_loads_nothing_heavy_until_a_name_is_asked_for() -> None:
    script = ("import sys, viewer; before = 'pandas' in sys.modules; ds = viewer.load(); "
              "from viewer import Dataset, LoadError, load_many; "
              "print(before, isinstance(ds, Dataset), issubclass(LoadError, Exception), callable(load_many), "
              "'load' in dir(viewer))")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert done.stdout.split() == ["False", "True", "True", "True", "True"]
    with pytest.raises(AttributeError, match="no attribute 'lod'"):
        _ = __import__("viewer").lod


def test_ctrl_c_in_the_terminal_closes_the_window_and_saves_its_session(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_CACHE_HOME": str(home / "cache"), "XDG_DATA_HOME": str(home / "data"), "QT_QPA_PLATFORM": "offscreen"}
    window = subprocess.Popen([sys.executable, "-m", "viewer"], env=env, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True)
    try:
        log = home / "cache" / "entente" / "log" / "entente.log"
        deadline = time.monotonic() + 90
        while not (log.is_file() and "started on" in log.read_text()):
            assert window.poll() is None and time.monotonic() < deadline, "the window never started"
            time.sleep(0.1)
        time.sleep(0.5)  # the loop idles: nothing but the signal can wake it
        window.send_signal(signal.SIGINT)
        _out, err = window.communicate(timeout=30)
    finally:
        if window.poll() is None:
            window.kill()
    assert window.returncode == 0
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    saved = (home / "config" / "entente" / "entente.ini").read_text()
    assert "[window]" in saved and "geometry=" in saved  # closed as Quit closes it: the session kept


def test_each_reading_child_of_the_packaged_binary_is_recognised_by_its_variable() -> None:
    from viewer.io import graph_igraph, pdf, stat_files
    launcher = (Path(__file__).resolve().parents[2] / "packaging" / "launcher.py").read_text()
    prefix = launcher.split('CHILDREN = "')[1].split('"')[0]
    assert all(reader.CHILD_ENV.startswith(prefix) for reader in (stat_files, pdf, graph_igraph))
