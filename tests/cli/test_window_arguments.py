"""`entente [PATH …]`: a typo, a missing path or a missing display is answered in the terminal, before Qt."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import viewer
from viewer import cli, cli_window
from viewer.model.problems import LoadError


def main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_a_mistyped_command_is_answered_with_the_command_it_resembles(window: list[list[str]],
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = main(capsys, "relatons", "--at", "2022-01-01")
    assert code == 2 and out == ""
    assert err == "entente: unknown command 'relatons' — did you mean 'relations'?\n"
    assert window == []


@pytest.mark.parametrize(("typo", "meant"), [("inf", "info"), ("Validate", "validate"), ("histroy", "history"),
                                             ("expotr", "export")])
def test_other_typos_find_their_command(window: list[list[str]], capsys: pytest.CaptureFixture[str], typo: str,
                                        meant: str) -> None:
    code, _, err = main(capsys, typo)
    assert code == 2 and f"did you mean '{meant}'?" in err


def test_a_word_like_no_command_lists_the_commands(window: list[list[str]], capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = main(capsys, "zzz")
    assert code == 2 and "unknown command 'zzz'" in err and "relations" in err and window == []


@pytest.mark.parametrize("name", ["nonexistent.csv", "some/folder", "./relatons"])
def test_a_missing_path_is_a_plain_error_naming_it(window: list[list[str]], capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch, tmp_path: Path, name: str) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = main(capsys, name)
    assert code == 2 and out == ""
    assert err == f"entente: {name}: no such file or folder\n"
    assert window == []


def test_a_missing_second_path_is_named_too(window: list[list[str]], capsys: pytest.CaptureFixture[str],
                                            tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("date,title\n2020-01-01,x\n")
    code, _, err = main(capsys, str(tmp_path / "a.csv"), str(tmp_path / "b.csv"))
    assert code == 2 and f"{tmp_path / 'b.csv'}: no such file or folder" in err


def test_a_link_that_leads_nowhere_or_to_itself_is_said_so(window: list[list[str]],
                                                          capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Both were "no such file or folder", though the user could see the file listed."""
    (tmp_path / "loop1.csv").symlink_to(tmp_path / "loop2.csv")
    (tmp_path / "loop2.csv").symlink_to(tmp_path / "loop1.csv")
    (tmp_path / "gone.csv").symlink_to(tmp_path / "moved" / "events.csv")
    code, _, err = main(capsys, str(tmp_path / "loop1.csv"))
    assert code == 2 and "loop1.csv: a link that leads back to itself (a loop of links)" in err
    code, _, err = main(capsys, str(tmp_path / "gone.csv"))
    assert code == 2 and f"gone.csv: a link to {tmp_path / 'moved' / 'events.csv'}, which does not exist" in err
    for name in ("loop1.csv", "gone.csv"):  # the loader says the same (the window's File → Open, the CLI commands)
        with pytest.raises(LoadError, match="a link"):
            viewer.load(tmp_path / name)
    assert window == []


def test_existing_paths_open_the_window_on_them(window: list[list[str]], capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path) -> None:
    (tmp_path / "info").mkdir()  # a folder named like a command is still a path when given as one
    assert main(capsys, str(tmp_path / "info"))[0] == 0
    assert main(capsys)[0] == 0
    assert window == [[str(tmp_path / "info")], []]


@pytest.mark.parametrize(("env", "problem"), [
    ({}, True),
    ({"DISPLAY": ":0"}, False),
    ({"WAYLAND_DISPLAY": "wayland-0"}, False),
    ({"QT_QPA_PLATFORM": "offscreen"}, False),
    ({"QT_QPA_PLATFORM": "minimal"}, False),
    ({"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}, False),
    ({"QT_QPA_PLATFORM": "xcb"}, True),
    ({"QT_QPA_PLATFORM": "wayland;xcb"}, True),
    ({"QT_QPA_PLATFORM": ""}, True),
])
def test_a_display_is_needed_on_linux_unless_qt_renders_without_one(env: dict[str, str], problem: bool) -> None:
    assert (cli_window.display_problem(env, "linux") is not None) is problem
    assert cli_window.display_problem(env, "darwin") is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the display check is for Linux")
def test_without_a_display_the_window_is_refused_in_one_line_before_qt_is_imported(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    script = ("import sys; from viewer.cli import main; code = main([]); "
              "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'pyqtgraph')))); "
              "sys.exit(code)")
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60,
                          check=False, cwd=tmp_path)
    assert done.returncode == 2
    assert done.stdout.strip() == "[]"
    (line,) = done.stderr.splitlines()
    assert line.startswith("entente: no display found") and "QT_QPA_PLATFORM=offscreen" in line


def test_help_says_that_paths_open_the_window(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "--help")
    assert code == 0
    assert "entente [PATH ...] opens the window on those files" in out
    assert "with no PATH, on the bundled dataset" in out
    assert all(command in out for command in cli_window.COMMANDS)


def test_help_anywhere_in_the_window_arguments_shows_the_help(window: list[list[str]],
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = main(capsys, "some.csv", "--help")
    assert code == 0 and "opens the window" in out and window == []


def test_an_engine_url_and_its_table_open_the_window() -> None:
    from viewer.cli_window import window_arguments
    assert window_arguments(["spark://host:7077", "--table", "events"]) == (["spark://host:7077"], "events")
    assert window_arguments(["db.duckdb", "--table=ev"]) == (["db.duckdb"], "ev")
    assert cli_window.window_arguments_problem(["spark://host:7077", "--table", "events"]) is None
    assert "--table" in (cli_window.window_arguments_problem(["spark://host:7077", "--table"]) or "")
    assert "exactly one" in (cli_window.window_arguments_problem(["a.duckdb", "b.duckdb", "--table", "t"]) or "")
