"""A table of values by period with the periods as its column names, as the World Bank, the OECD and Eurostat hand
out an indicator: it was refused ("no date column among column1, column2 …": its row of names, mostly years, was not
even taken for a header). It is read long: a row per row and period, the period its date, the value kept."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import viewer

WORLD_BANK = ('"Data Source","World Development Indicators",\n\n"Last Updated Date","2024-06-28",\n\n'
              '"Country Name","Country Code","Indicator Name","Indicator Code","1960","1961","2020","2021",\n'
              '"Aruba","ABW","GDP (current US$)","NY.GDP.MKTP.CD","","","2481857142.85714","2929446368.15642",\n'
              '"Japan","JPN","GDP (current US$)","NY.GDP.MKTP.CD","44307342950.4","53508617739.3",'
              '"5040107754084.9","5005536641113.3",\n')
API = ("Country Name,Country Code,Series Name,Series Code,2019 [YR2019],2020 [YR2020],2021 [YR2021]\n"
       "France,FRA,Population,SP.POP.TOTL,67248926,67571107,..\nJapan,JPN,Population,SP.POP.TOTL,126633000,126261000,"
       "125681593\n\n\nData from database: World Development Indicators\nLast Updated: 06/28/2024\n")
EUROSTAT = ("unit,na_item,geo\\TIME_PERIOD\t2019 \t2020 \t2021 \nCP_MEUR,B1GQ,FR\t2437635.0 \t2317832.0 p\t: c\n"
            "CP_MEUR,B1GQ,DE\t3473350.0 \t3403730.0 \t3601750.0 \n")
OECD = "LOCATION,Subject,2019-Q1,2019-Q2,2019-Q3\nFRA,GDP growth,0.5,0.3,0.2\nDEU,GDP growth,0.4,-0.1,0.3\n"


def _opened(tmp_path: Path, name: str, text: str) -> viewer.Dataset:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return viewer.load(path)


def test_the_world_banks_indicator_opens_as_a_value_a_year_for_each_country(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "API_NY.GDP.MKTP.CD_DS2_en_csv_v2.csv", WORLD_BANK)
    events = ds.events
    assert len(events) == 6  # Aruba's empty 1960 and 1961 make no row
    aruba = events[events["attr:Country Name"] == "Aruba"]
    assert [d.year for d in aruba["start"]] == [2020, 2021] and set(aruba["precision"].astype(str)) == {"year"}
    assert aruba["title"].tolist() == ["Aruba · GDP (current US$): 2,481,857,143",
                                       "Aruba · GDP (current US$): 2,929,446,368"]
    assert float(aruba["attr:value"].iloc[0]) == pytest.approx(2481857142.85714)
    assert set(events["actors"]) == {"Aruba", "Japan"} and set(events["category"]) == {"GDP (current US$)"}
    assert [p.level for p in ds.problems] == ["info", "info"]


@pytest.mark.parametrize("name, text, count, first", [
    ("Data_Extract_From_World_Development_Indicators.csv", API, 5, "France · Population: 67,248,926"),
    ("nama_10_gdp.tsv", EUROSTAT, 5, "CP_MEUR,B1GQ,FR: 2,437,635"),
    ("QNA.csv", OECD, 6, "FRA · GDP growth: 0.5"),
    ("budget.csv", 'Item,2019,2020,2021\nRevenue,"$1,234","$1,500","$1,720"\nCosts,"$900","$950",\n', 5,
     "Revenue: $1,234"),  # (an amount with its currency, as written)
])
def test_other_offices_tables_of_values_by_period_open_too(tmp_path: Path, name: str, text: str, count: int,
                                                           first: str) -> None:
    ds = _opened(tmp_path, name, text)
    assert len(ds.events) == count and ds.events["title"].iloc[0] == first
    assert not [p for p in ds.problems if p.level != "info"]


def test_a_quarters_value_spans_its_quarter(tmp_path: Path) -> None:
    ds = _opened(tmp_path, "QNA.csv", OECD)
    first = ds.events.iloc[0]
    assert (first["start"], first["end"]) == (pd.Timestamp("2019-01-01", tz="UTC"),
                                              pd.Timestamp("2019-03-01", tz="UTC"))


def test_a_workbook_of_values_by_year_opens_too(tmp_path: Path) -> None:
    path = tmp_path / "population.xlsx"
    pd.DataFrame([["France", "Population", 67248926, 67571107, None], ["Japan", "Population", 126633000, 126261000,
                                                                       125681593]],
                 columns=["Country", "Series", 2019, 2020, 2021]).to_excel(path, index=False)
    ds = viewer.load(path)
    assert len(ds.events) == 5 and ds.events["title"].iloc[0] == "France · Population: 67,248,926"


def test_a_table_with_a_date_column_or_words_under_its_years_is_left_as_it_is(tmp_path: Path) -> None:
    dated = _opened(tmp_path, "dated.csv", "date,title,2019,2020,2021\n2019-03-04,a,1,2,3\n2019-03-05,b,4,5,6\n")
    assert dated.events["title"].tolist() == ["a", "b"] and "attr:2019" in dated.events
    with pytest.raises(viewer.LoadError, match="no date column"):
        _opened(tmp_path, "plan.csv", "task,2019,2020,2021\nbuild,done,doing,todo\nship,todo,todo,doing\n")


TURNOUT = ('NAME,2023 votes,2021 votes,2019 votes,pop_total_estimate_18to22,2023 cvap_turnout,2021 cvap_turnout,'
           '2019 cvap_turnout,Change in % turnout from 2019\n'
           '"Hudson County, New Jersey",71608,126546,66992,712029,16.55%,29.24%,15.48%,1.07%\n'
           '"Essex County, New Jersey",98759,180547,81838.5,853374,17.95%,32.81%,14.87%,3.07%\n')
CENSUS = ("SUMLEV,STATE,NAME,POPESTIMATE2019,POPESTIMATE2020,POPESTIMATE2021,BIRTHS2020,BIRTHS2021\n"
          "040,01,Alabama,4903185,5031362,5049846,14323,58054\n040,02,Alaska,731545,732923,734182,2144,9428\n")


def test_columns_named_by_a_measure_and_a_year_open_as_a_value_a_year(tmp_path: Path) -> None:
    """538's off-year turnout ("2023 votes", "2021 votes" … beside "2023 cvap_turnout" …) and the Census Bureau's
    estimates ("POPESTIMATE2019" …) were refused: "no date column among NAME, 2023 votes …"."""
    turnout = _opened(tmp_path, "turnout.csv", TURNOUT)
    assert turnout.event_count == 12
    hudson = turnout.events[turnout.events["actors"] == "Hudson County, New Jersey"]
    assert sorted(zip(hudson["start"].dt.year, hudson["title"], strict=True))[:2] == [
        (2019, "Hudson County, New Jersey · cvap_turnout: 15.48%"), (2019, "Hudson County, New Jersey · votes: 66,992")]
    assert set(turnout.events["category"]) == {"votes", "cvap_turnout"}
    assert "attr:Change in % turnout from 2019" in turnout.events  # (a year written once: no series)
    census = _opened(tmp_path, "co-est2021-alldata.csv", CENSUS)
    assert census.event_count == 6 and set(census.events["category"]) == {"POPESTIMATE"}
    assert "Alabama · POPESTIMATE: 5,049,846" in set(census.events["title"])
    assert "attr:BIRTHS2020" in census.events  # (two years of a measure: kept as they are)


@pytest.mark.parametrize("prefix", ["q", "Q_", ""])
def test_numbered_columns_reaching_year_like_numbers_are_no_periods(tmp_path: Path, prefix: str) -> None:
    """A survey's questions q0 … q1999 (or a matrix's columns 0 … 1999) hold q1500 … q1999, each a year by its name:
    the survey was read as 500 years of answers (50,000 rows from 100)."""
    names = [f"{prefix}{i}" for i in range(2_000)]
    rows = [",".join(["3"] * len(names) + [f"2020-05-{day:02d}"]) for day in range(1, 11)]
    ds = _opened(tmp_path, "answers.csv", ",".join([*names, "submitted"]) + "\n" + "\n".join(rows) + "\n")
    assert ds.event_count == 10 and len(ds.attributes) == 2_000
    assert not any("values by period" in p.message for p in ds.problems)


def test_a_census_month_beside_its_years_leaves_the_years_a_series(tmp_path: Path) -> None:
    """POPESTIMATE042020 (April 2020's base) is numbered as its neighbours are, one beside three years."""
    text = ("STATE,NAME,POPESTIMATE042020,POPESTIMATE2020,POPESTIMATE2021,POPESTIMATE2022\n"
            "01,Alabama,5031864,5031362,5049846,5074296\n02,Alaska,732964,732923,734182,733583\n")
    ds = _opened(tmp_path, "nst-est2022.csv", text)
    assert ds.event_count == 6 and set(ds.events["start"].dt.year) == {2020, 2021, 2022}


def test_days_as_column_names_are_read_long_as_days(tmp_path: Path) -> None:
    """Johns Hopkins' COVID-19 series (``Province/State, Country/Region, Lat, Long, 1/22/20, 1/23/20 …``) and a
    report's weeks (``2020-01-15``): the row of dates was taken for data, the values for dates in the year 1."""
    path = tmp_path / "time_series_covid19_confirmed_global.csv"
    path.write_text("Province/State,Country/Region,Lat,Long,1/22/20,1/23/20,1/24/20\n"
                    ",Afghanistan,33.93911,67.709953,0,0,1\n"
                    "Australian Capital Territory,Australia,-35.4735,149.0124,0,2,4\n", encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.events) == 6 and set(ds.events["precision"]) == {"day"}
    first = ds.events.iloc[0]
    assert str(first["start"])[:10] == "2020-01-22" and first["title"] == "Afghanistan: 0"
    assert first["actors"] == "Afghanistan"
    path = tmp_path / "weekly.csv"
    path.write_text("name,2020-01-15,2020-02-15,2020-03-15\nA,1,2,3\nB,3,4,5\n", encoding="utf-8")
    ds = viewer.load(path)
    assert sorted(str(s)[:10] for s in ds.events["start"])[::2] == ["2020-01-15", "2020-02-15", "2020-03-15"]
    assert "A: 3" in set(ds.events["title"])
