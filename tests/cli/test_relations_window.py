"""`entente relations`: entities that exist only for a period, and relations during a window."""

from pathlib import Path

SPELL_GEXF = """<gexf version="1.3"><graph mode="dynamic" timeformat="date" defaultedgetype="directed">
<nodes><node id="a" label="Always"/>
  <node id="b" label="Brief"><spells><spell start="2010-01-01" end="2012-01-01"/></spells></node></nodes>
<edges><edge id="ab" source="a" target="b" weight="2"/></edges></graph></gexf>"""


def _spells(tmp_path: Path) -> Path:
    path = tmp_path / "spells.gexf"
    path.write_text(SPELL_GEXF, encoding="utf-8")
    return path


def test_the_cli_lists_only_relations_of_entities_that_exist_at_the_date(tmp_path: Path, run, rows) -> None:
    spells = _spells(tmp_path)
    code, out, _ = run("relations", str(spells), "--at", "2013-06-01", "--format", "csv")
    assert code == 0 and rows(out) == []
    _, out, _ = run("relations", str(spells), "--at", "2011", "--format", "csv")
    assert [(r["source"], r["target"], r["value"]) for r in rows(out)] == [("a", "b", "2")]


def test_the_cli_lists_relations_during_a_window_with_the_share_held(run, rows) -> None:
    code, out, _ = run("relations", "--from", "2023", "--to", "2023", "--format", "csv")
    stakes = [r for r in rows(out) if (r["source"], r["target"], r["kind"]) == ("renault", "nissan", "equity_stake")]
    assert code == 0 and sorted(r["value"] for r in stakes) == ["15", "43.4"]
    assert all(0 < float(r["held"]) < 1 for r in stakes)


def test_the_cli_wants_a_date_or_a_whole_window(run) -> None:
    assert run("relations", "--from", "2023")[0] == 2
    assert run("relations")[0] == 2
    assert run("relations", "--at", "2023", "--from", "2022", "--to", "2023")[0] == 2
    assert run("relations", "--from", "2023", "--to", "2020")[0] == 2
