"""The model, io and offline CLI never import Qt: checked in a fresh interpreter for every command."""

import subprocess
import sys

import pytest

import viewer

COMMANDS = [["info"], ["events", "--from", "2023-01", "--to", "2023-02"], ["relations", "--at", "2020"],
            ["diff", "--from", "2018-11-19", "--to", "2023-11-09"], ["history", "renault", "nissan"], ["validate"],
            ["convert", "{bundled}", "{tmp}/out.json"]]


def qt_modules_after(code: str) -> str:
    probe = (f"{code}\nimport sys\n"
             "print('QT-MODULES', sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', "
             "'shiboken6')))")
    return subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout


def test_model_and_io_import_no_qt() -> None:
    out = qt_modules_after("import viewer, viewer.model, viewer.model.query, viewer.io, viewer.io.native\n"
                           "viewer.load().relations_at('2020')")
    assert "QT-MODULES []" in out


@pytest.mark.parametrize("argv", COMMANDS, ids=lambda a: a[0])
def test_offline_commands_import_no_qt(argv: list[str], tmp_path) -> None:
    args = [a.format(tmp=tmp_path, bundled=viewer.load().meta.path) for a in argv]
    out = qt_modules_after(f"from viewer import cli\ncli.run({args!r})")
    assert "QT-MODULES []" in out


def test_export_is_the_command_that_loads_qt(tmp_path) -> None:
    out = qt_modules_after(f"import os\nos.environ['QT_QPA_PLATFORM'] = 'offscreen'\nfrom viewer import cli\n"
                           f"cli.run(['export', '--out', {str(tmp_path / 'x.png')!r}])")
    assert "'PySide6" in out


def _import_graph() -> dict[str, set[str]]:
    import grimp
    graph = grimp.build_graph("viewer", exclude_type_checking_imports=True)
    return {m: graph.find_modules_directly_imported_by(m) for m in graph.modules}


def _cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def test_no_module_of_viewer_imports_itself_back_through_others() -> None:
    # Imports under TYPE_CHECKING are left out: they never run, so they cannot close a circle at run time.
    assert _cycles(_import_graph()) == []


def test_the_cycle_finder_reports_a_circle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_import_contracts_hold() -> None:
    result = subprocess.run([sys.executable, "-m", "importlinter.cli", "--no-cache"], capture_output=True, text=True,
                            check=False,
                            cwd=str(__import__("pathlib").Path(__file__).resolve().parents[1]))
    assert result.returncode == 0, result.stdout[-2000:]
