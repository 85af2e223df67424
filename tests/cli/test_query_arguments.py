"""The commands' arguments: searches by entity name, reversed windows, paths given twice, periods and impossible
dates, actors in another case, unknown kinds; and output a terminal or a spreadsheet cannot be made to act on."""

from pathlib import Path

import viewer
from viewer.model import diff_arrays

ALLIANCE = "resources/datasets/alliance"
TRICKY = ('date,title,actors\n2019-01-01,"\x1b[31mred\x1b[0m",a\n2019-01-02,"\x1b]0;pwned\x07x",b\n'
          '2019-01-03,"x\u202ey",c\n2019-01-04,"two\nlines",d\n2019-01-05,"=HYPERLINK(""http://x"")",e\n'
          '2019-01-06,-5,f\n')


def test_search_finds_events_by_an_actor_s_name(run) -> None:
    code, out, _ = run("events", "--search", "Renault Group")
    assert code == 0 and out.startswith("55 of ")


def test_a_window_that_ends_before_it_starts_is_a_usage_error(run) -> None:
    code, out, err = run("events", "--from", "2020", "--to", "2010")
    assert code == 2 and out == "" and "the window ends (2010) before it starts (2020)" in err


def test_a_path_given_twice_is_read_once_and_said(run) -> None:
    code, out, err = run("info", ALLIANCE, f"./{ALLIANCE}")
    assert code in (0, 1) and "Events:    69" in out and "given twice" in err
    _, out, _ = run("history", ALLIANCE, ALLIANCE, "renault", "nissan", "--kind", "equity_stake", "--format", "csv")
    assert len(out.strip().splitlines()) == 5


def test_an_impossible_date_is_said_in_one_sentence(run) -> None:
    code, _, err = run("relations", "--at", "2019-02-30")
    assert code == 2 and "2019-02-30: February 2019 has no 30th day" in err and "or a number" not in err


def test_periods_as_tables_write_them_are_taken(run, rows) -> None:
    code, out, _ = run("events", "--from", "Q1 2019", "--to", "Q1 2019", "--format", "csv")
    _, months, _ = run("events", "--from", "2019-01", "--to", "2019-03", "--format", "csv")
    assert code == 0 and rows(out) == rows(months) != []
    assert run("relations", "--at", "2019-W05")[0] == 0


def test_an_actor_in_another_case_is_found_and_an_unknown_one_said(run, rows) -> None:
    code, out, err = run("events", "--actor", "Renault", "--format", "csv")
    _, exact, _ = run("events", "--actor", "renault", "--format", "csv")
    assert code == 0 and rows(out) == rows(exact) != [] and "renault" in err
    code, _, err = run("events", "--actor", "Renalt")
    assert code == 2 and "no actor 'Renalt'; did you mean renault" in err


def test_an_unknown_kind_names_the_kinds(run) -> None:
    code, _, err = run("history", "renault", "nissan", "--kind", "nosuch")
    assert code == 2 and "equity_stake" in err


def test_a_table_shows_control_characters_written_out(tmp_path: Path, run) -> None:
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    code, out, _ = run("events", str(path))
    assert code == 0 and "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "\\x1b[31mred" in out and "<U+202E>" in out and "two↵lines" in out
    assert len({len(line) for line in out.splitlines()[1:3]}) == 1  # the header and its rule still line up


def test_csv_defuses_formulas_and_json_keeps_values(tmp_path: Path, run, rows) -> None:
    path = tmp_path / "tricky.csv"
    path.write_text(TRICKY, encoding="utf-8")
    _, out, _ = run("events", str(path), "--format", "csv")
    titles = [r["title"] for r in rows(out)]
    assert titles[4] == "'=HYPERLINK(\"http://x\")" and titles[5] == "-5"
    _, out, _ = run("events", str(path), "--format", "json")
    assert '"=HYPERLINK(\\"http://x\\")"' in out



def test_diff_removes_the_ties_of_an_entity_gone_by_the_later_date(run, tmp_path: Path) -> None:
    """A company dissolved in 2015 takes its parent's stake with it: relations --at 2016 said nothing held, and
    diff said the stake was unchanged (the window's Compare drew neither)."""
    folder = tmp_path / "dissolved"
    folder.mkdir()
    (folder / "events.csv").write_text("id,start,title\ne1,2010-01-01,Bought\ne2,2015-06-01,Dissolved\n",
                                       encoding="utf-8")
    (folder / "entities.csv").write_text("id,name,kind,valid_from,valid_to\nparent,Parent,company,,\n"
                                         "sub,Sub,company,2010,2015\n", encoding="utf-8")
    (folder / "relations.csv").write_text("id,source,target,kind,value,valid_from,valid_to\n"
                                          "R1,parent,sub,equity_stake,100,2010,\n", encoding="utf-8")
    code, out, _ = run("diff", str(folder), "--from", "2012", "--to", "2016", "--all", "--format", "csv")
    assert code == 0 and "removed,parent,sub,equity_stake" in out and "unchanged" not in out
    ds = viewer.load(folder)
    assert ds.relations_at("2016").empty
    assert ds.diff("2012", "2016").table["change"].tolist() == ["removed"]
    assert diff_arrays.diff(ds, "2012", "2016").table["change"].tolist() == ["removed"]


def test_version_is_printed_not_opened(capsys) -> None:
    """`entente --version` was taken for a file to open in the window: "no display found" on a server."""
    from viewer import __version__, cli
    for flag in ("--version", "-V"):
        assert cli.main([flag]) == 0
        assert capsys.readouterr().out == f"entente {__version__}\n"
