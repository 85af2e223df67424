"""A register of ties as a plain table: the suggested spec values each tie by its stake column (and a stake of
percentages is an equity stake), each row's tie holds until the next row of the same two parties, and a row with
no title of its own is named by its tie. Before, the stake column was left aside, every row's tie stayed open (each
stake ever held drawn at once) and the rows were called row1, row2 …"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd
import pytest

import viewer
from viewer.io.spec_suggest import suggest_spec
from viewer.model.graph import graph_at

REGISTER = ("Date,Parent,Subsidiary,Stake\n1999-03-27,Renault,Nissan,36.8%\n2002-03-01,Renault,Nissan,44.4%\n"
            "2016-10-20,Nissan,Mitsubishi Motors,34%\n2023-11-08,Renault,Nissan,15%\n")


def _opened(tmp_path: Path, text: str) -> viewer.Dataset:
    path = tmp_path / "register.csv"
    path.write_text(text, encoding="utf-8")
    return viewer.load(path, mapping=suggest_spec(path))


def _ties(ds: viewer.Dataset, when: str) -> set[tuple[str, str, str, str]]:
    return {(e.source, e.target, e.kind, e.label) for e in graph_at(ds, when).edges}


def test_a_register_of_stakes_draws_one_stake_at_a_time(tmp_path: Path) -> None:
    ds = _opened(tmp_path, REGISTER)
    assert _ties(ds, "2000-01-01") == {("renault", "nissan", "equity_stake", "36.8%")}
    assert _ties(ds, "2010-01-01") == {("renault", "nissan", "equity_stake", "44.4%")}
    assert _ties(ds, "2024-01-01") == {("renault", "nissan", "equity_stake", "15%"),
                                       ("nissan", "mitsubishi_motors", "equity_stake", "34%")}
    assert ds.events["title"].tolist() == ["Renault → Nissan (36.8%)", "Renault → Nissan (44.4%)",
                                           "Nissan → Mitsubishi Motors (34%)", "Renault → Nissan (15%)"]


def test_a_value_named_otherwise_is_kept_and_a_tie_with_no_value_stays_open(tmp_path: Path) -> None:
    spec = suggest_spec(_write(tmp_path, "date,buyer,seller,deal value\n2019-01-01,Acme Corp,Beta Ltd,$5.4bn\n"
                                         "2020-01-01,Acme Corp,Beta Ltd,$1bn\n"))
    assert [(r.value, r.kind) for r in spec.relations] == [("deal value", "related_to")]
    plain = viewer.load(_write(tmp_path, "date,owner,company\n2019-01-01,Acme Corp,Beta Ltd\n"
                                         "2020-01-01,Acme Corp,Beta Ltd\n"), mapping=suggest_spec(
        tmp_path / "table.csv"))
    assert plain.relations["valid_to"].isna().all()  # no value: each row is a tie of its own, open


def test_a_register_naming_its_ends_keeps_them(tmp_path: Path) -> None:
    path = _write(tmp_path, "date,parent,subsidiary,stake,until\n2019-01-01,A Corp,B Ltd,40%,2019-06-30\n"
                            "2020-01-01,A Corp,B Ltd,50%,\n")
    spec = suggest_spec(path)
    spec = replace(spec, relations=tuple(replace(r, valid_to="until") for r in spec.relations))
    ds = viewer.load(path, mapping=spec)
    assert ds.relations["valid_to"].tolist()[0] == pd.Timestamp("2019-06-30", tz="UTC")
    assert pd.isna(ds.relations["valid_to"].tolist()[1])


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "table.csv"
    path.write_text(text, encoding="utf-8")
    return path


SHAREHOLDERS = ("Statement of capital and shareholders - NORTHWIND TRADING LIMITED (09145694)\n"
                "Confirmation statement made up to 22 July 2023\n\n"
                "Shareholder,Company,Class of share,Number of shares,% of issued share capital,Date acquired,"
                "Date transferred\n"
                "Northwind Holdings Limited,Northwind Trading Limited,Ordinary,750,0.75,2019-11-30,\n"
                "John Michael Smith,Northwind Trading Limited,Ordinary,250,0.25,2014-07-22,\n"
                "Sarah Jane Patel,Northwind Trading Limited,Ordinary,500,0.5,2014-07-22,2019-11-30\n")


def test_a_shareholders_register_ties_each_holder_to_its_company_while_the_holding_lasts(tmp_path: Path) -> None:
    """A company's register of shareholders (the company named on every row, each holding until its transfer) was
    offered no tie: its company column repeats one name, its holders are not all companies, and the class of
    share was a third party."""
    path = tmp_path / "shareholders.csv"
    path.write_text(SHAREHOLDERS, encoding="utf-8")
    spec = suggest_spec(path)
    assert [(r.source, r.target, r.kind, r.value, r.valid_to) for r in spec.relations] == [
        ("Shareholder", "Company", "equity_stake", "% of issued share capital", "Date transferred")]
    assert {e.column for e in spec.entities} == {"Shareholder", "Company"}
    ds = viewer.load(path, mapping=spec)
    assert ds.events["title"].iloc[-1] == "Northwind Holdings Limited → Northwind Trading Limited (75%)"  # not 0.75
    assert _ties(ds, "2016-01-01") == {("john_michael_smith", "northwind_trading_limited", "equity_stake", "25%"),
                                       ("sarah_jane_patel", "northwind_trading_limited", "equity_stake", "50%")}
    assert _ties(ds, "2020-01-01") == {("john_michael_smith", "northwind_trading_limited", "equity_stake", "25%"),
                                       ("northwind_holdings_limited", "northwind_trading_limited", "equity_stake",
                                        "75%")}


REGISTERS = {  # a register as a newsroom in each country would keep it: its columns named in its own language
    "de": "Datum;Muttergesellschaft;Tochtergesellschaft;Anteil\n27.03.1999;Renault SA;Nissan Motor;36,8\n"
          "20.10.2016;Nissan Motor;Mitsubishi Motors;34,0\n",
    "fr": "Date;Société mère;Filiale;Participation\n27/03/1999;Renault SA;Nissan Motor;36,8\n"
          "20/10/2016;Nissan Motor;Mitsubishi Motors;34\n",
    "es": "Fecha;Accionista;Empresa;Porcentaje\n27/03/1999;Renault SA;Nissan Motor;36,8\n"
          "20/10/2016;Nissan Motor;Mitsubishi Motors;34\n",
    "ru": "Дата;Акционер;Компания;Доля\n27.03.1999;Рено;Ниссан;36,8\n20.10.2016;Ниссан;Мицубиси Моторс;34\n",
    "ja": "日付,親会社,子会社,出資比率\n1999-03-27,ルノー,日産自動車,36.8\n2016-10-20,日産自動車,三菱自動車,34\n",
    "zh": "日期,股东,公司,持股比例\n1999-03-27,雷诺,日产汽车,36.8\n2016-10-20,日产汽车,三菱汽车,34\n",
}


@pytest.mark.parametrize("language", list(REGISTERS))
def test_a_register_in_another_language_makes_the_same_stakes(tmp_path: Path, language: str) -> None:
    """Named in German, French or Spanish, its parties were tied "related_to", unvalued; in Russian, Japanese or
    Chinese, whose names have no Latin letter, no party column was found at all."""
    path = tmp_path / f"register_{language}.csv"
    path.write_text(REGISTERS[language], encoding="utf-8")
    spec = suggest_spec(path)
    assert [(r.kind, r.value is not None) for r in spec.relations] == [("equity_stake", True)]
    ds = viewer.load(path, mapping=spec)
    assert ds.relations["kind"].tolist() == ["equity_stake"] * 2 and ds.relations["value"].tolist() == [36.8, 34.0]
    rows = [line.split(";" if ";" in line else ",") for line in REGISTERS[language].splitlines()[1:]]
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert [(names[s], names[t]) for s, t in zip(ds.relations["source"], ds.relations["target"], strict=True)] == \
        [(row[1], row[2]) for row in rows]
