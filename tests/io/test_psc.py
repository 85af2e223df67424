"""Companies House's register of persons with significant control (PSC) opens as companies, their owners and the
ties between them, dated: from the bulk snapshot (JSON lines, as ``.txt`` or ``.jsonl``, gzipped or zipped) and from
the API's answer for one company. Before, each record was an event of raw JSON fields, with no entity and no tie.

The companies and people here are made up (Carlos Ghosn's record is the one in the task's sample)."""

from __future__ import annotations

import gzip
import json
import zipfile
from pathlib import Path
from typing import Any

import pandas as pd

import viewer
from viewer.io import has_own_reader
from viewer.model import value_bands
from viewer.model.dataset import Dataset

PSC = "persons-with-significant-control"
INDIVIDUAL, CORPORATE = "individual-person-with-significant-control", "corporate-entity-person-with-significant-control"
LEGAL, SECURE = "legal-person-person-with-significant-control", "super-secure-person-with-significant-control"
AT_COMPANIES_HOUSE = {"legal_form": "Private Limited Company", "legal_authority": "Companies Act 2006",
                      "place_registered": "Companies House", "country_registered": "England"}


def record(company: str, kind: str, link: str, natures: list[str] | None = None, notified: str | None = "2016-04-06",
           **fields: Any) -> dict[str, Any]:
    """One line of the snapshot: a company number beside its PSC record."""
    data = {"kind": kind, "links": {"self": f"/company/{company}/{PSC}/{link}"}, "etag": link, **fields}
    if natures is not None:
        data["natures_of_control"] = natures
    if notified is not None:
        data["notified_on"] = notified
    return {"company_number": company, "data": data}


def ghosn(company: str, link: str, natures: list[str], **fields: Any) -> dict[str, Any]:
    return record(company, INDIVIDUAL, f"individual/{link}", natures, name="Mr Carlos Ghosn",
                  name_elements={"title": "Mr", "forename": "Carlos", "surname": "Ghosn"},
                  date_of_birth={"month": 3, "year": 1954}, nationality="French", **fields)


RENAULT = record("00012345", CORPORATE, "corporate-entity/abc", ["ownership-of-shares-75-to-100-percent",
                                                                 "voting-rights-75-to-100-percent"],
                 name="Renault SA", identification={"legal_authority": "France", "legal_form": "SA"},
                 address={"country": "France", "locality": "Boulogne-Billancourt"})
GHOSN = ghosn("00012345", "def", ["significant-influence-or-control"], ceased_on="2019-01-24")
STATEMENT: dict[str, Any] = {"company_number": "09999999", "data": {
    "kind": f"{PSC}-statement", "notified_on": "2017-01-01",
    "statement": "no-individual-or-entity-with-signficant-control",  # (the register's spelling)
    "links": {"self": f"/company/09999999/{PSC}-statements/x"}}}
TOTALS: dict[str, Any] = {"data": {"kind": "totals#persons-of-significant-control-snapshot",
                                   "persons_of_significant_control_count": 2, "statements_count": 1,
                                   "exemptions_count": 0, "generated_at": "2024-01-01T03:00:00"}}
SAMPLE = [RENAULT, GHOSN, STATEMENT, TOTALS]


def lines(records: list[dict[str, Any]]) -> str:
    return "".join(json.dumps(r, separators=(",", ":")) + "\n" for r in records)


def written(tmp_path: Path, records: list[dict[str, Any]], name: str = "psc.jsonl") -> Dataset:
    path = tmp_path / name
    path.write_text(lines(records), encoding="utf-8")
    return viewer.load(path)


def kind_of(ds: Dataset) -> dict[str, str]:
    return dict(zip(ds.entities["name"], ds.entities["kind"].astype(str), strict=True))


def ties_at(ds: Dataset, when: str) -> dict[tuple[str, str, str], float]:
    return {(r.source, r.target, r.kind): r.value for r in ds.relations_at(when).itertuples()}


def test_the_snapshot_as_companies_house_ships_it_opens_as_companies_owners_and_ties(tmp_path: Path) -> None:
    ds = written(tmp_path, SAMPLE, "persons-with-significant-control-snapshot-2024-01-01_1of28.txt")
    assert kind_of(ds) == {"Company 00012345": "company", "Renault SA": "company", "Carlos Ghosn": "person",
                           "Company 09999999": "company"}
    assert set(ds.entities["id"]) >= {"gb-coh-00012345", "gb-coh-09999999"}
    titles = list(ds.events.sort_values(["start", "title"])["title"])
    assert titles == ["Carlos Ghosn: significant influence or control of company 00012345",
                      "Renault SA: 75–100% of shares, 75–100% of votes in company 00012345",
                      "No registrable person: no individual or entity with significant control (company 09999999)"]
    assert set(ds.events["category"]) == {"individual", "corporate entity", "statement"}
    assert not [p for p in ds.problems if p.level != "info"]  # (the totals line skipped, unsaid)


def test_each_nature_of_control_is_a_tie_valued_by_its_band(tmp_path: Path) -> None:
    """A band is valued at its midpoint (the model's reading of "75-100%") and shown as written."""
    owner = record("00000001", INDIVIDUAL, "individual/a", [
        "ownership-of-shares-25-to-50-percent", "voting-rights-50-to-75-percent",
        "right-to-appoint-and-remove-directors", "significant-influence-or-control-as-trust",
        "right-to-share-surplus-assets-75-to-100-percent-limited-liability-partnership",
        "ownership-of-shares-more-than-25-percent-as-firm-registered-overseas-entity",
        "a-nature-the-register-adds-later"], name="Ann Lee", name_elements={"forename": "Ann", "surname": "Lee"})
    ds = written(tmp_path, [owner])
    ties = ds.relations_at("2020-01-01").set_index("kind")
    assert list(ties.index) == ["equity_stake", "voting_rights", "appointment_of_board", "influence_or_control",
                                "surplus_assets", "equity_stake", "a_nature_the_register_adds_later"]
    assert ties["value"].fillna(-1).tolist() == [37.5, 62.5, -1, -1, 87.5, 25.0, -1]
    assert ties[value_bands.COLUMN].tolist()[:2] == ["25–50%", "50–75%"]
    notes = ties["note"].tolist()
    assert "as a trustee" in notes[3] and "in an LLP" in notes[4] and "as a member of a firm" in notes[5]
    assert all(f"/company/00000001/{PSC}/individual/a" in note for note in notes)  # each names its record
    assert set(ties["source"]) == {"ann_lee"} and set(ties["target"]) == {"gb-coh-00000001"}
    assert set(ties["event"]) == {f"/company/00000001/{PSC}/individual/a"}  # linked to the record's event


def test_renaults_stake_is_valued_at_the_bands_midpoint_as_the_model_reads_it(tmp_path: Path) -> None:
    ds = written(tmp_path, SAMPLE)
    at = ties_at(ds, "2018-06-01")
    assert at[("renault_sa", "gb-coh-00012345", "equity_stake")] == 87.5
    assert at[("renault_sa", "gb-coh-00012345", "voting_rights")] == 87.5
    assert value_bands.written(ds.relations_at("2018-06-01").query("kind == 'equity_stake'")) == ["75–100%"]


def test_a_ceased_tie_holds_until_its_ceased_on_and_not_after(tmp_path: Path) -> None:
    ds = written(tmp_path, SAMPLE)
    influence = ("carlos_ghosn_1954_03", "gb-coh-00012345", "influence_or_control")
    assert influence in ties_at(ds, "2019-01-23") and influence not in ties_at(ds, "2019-01-25")
    assert influence not in ties_at(ds, "2016-04-05")  # (nor before its notified_on)
    assert ("renault_sa", "gb-coh-00012345", "equity_stake") in ties_at(ds, "2024-01-01")  # open: no ceased_on
    event = ds.events[ds.events["title"].str.startswith("Carlos Ghosn")].iloc[0]
    assert str(event["end"])[:10] == "2019-01-24" and event["actors"] == "carlos_ghosn_1954_03;gb-coh-00012345"


def test_a_corporate_psc_registered_at_companies_house_is_that_company_so_a_chain_links_up(tmp_path: Path) -> None:
    parent = record("00000002", CORPORATE, "corporate-entity/p", ["ownership-of-shares-75-to-100-percent"],
                    name="Parent Holdings Limited", identification={**AT_COMPANIES_HOUSE, "registration_number": "1"})
    middle = record("00000003", CORPORATE, "corporate-entity/m", ["ownership-of-shares-50-to-75-percent"],
                    name="MIDDLE LIMITED", identification={**AT_COMPANIES_HOUSE, "registration_number": "00000002"})
    scottish = record("SC000004", CORPORATE, "corporate-entity/s", ["voting-rights-25-to-50-percent"],
                      name="Middle Limited", identification={"place_registered": "Register of Companies for Scotland",
                                                             "registration_number": "2"})
    abroad = record("00000003", CORPORATE, "corporate-entity/f", ["significant-influence-or-control"],
                    name="Foreign Parent BV", identification={"place_registered": "Kamer van Koophandel",
                                                              "country_registered": "Netherlands",
                                                              "registration_number": "00000002"})
    ds = written(tmp_path, [parent, middle, scottish, abroad])
    ties = set(ties_at(ds, "2020-01-01"))
    assert ("gb-coh-00000001", "gb-coh-00000002", "equity_stake") in ties  # registration number 1 is 00000001
    assert ("gb-coh-00000002", "gb-coh-00000003", "equity_stake") in ties  # the middle company owns the third
    assert ("gb-coh-00000002", "gb-coh-SC000004", "voting_rights") in ties
    assert ("foreign_parent_bv", "gb-coh-00000003", "influence_or_control") in ties  # registered abroad: by its name
    names = dict(zip(ds.entities["id"], ds.entities["name"], strict=True))
    assert names["gb-coh-00000001"] == "Parent Holdings Limited" and names["gb-coh-00000002"] == "MIDDLE LIMITED"
    assert names["gb-coh-00000003"] == "Company 00000003"  # (the register names no company it does not hold)


def test_one_person_at_two_companies_is_one_entity_and_a_namesake_another(tmp_path: Path) -> None:
    namesake = record("00000003", INDIVIDUAL, "individual/n", ["ownership-of-shares-25-to-50-percent"],
                      name="Carlos Ghosn", name_elements={"forename": "Carlos", "surname": "Ghosn"},
                      date_of_birth={"month": 7, "year": 1980})
    ds = written(tmp_path, [GHOSN, ghosn("00000002", "g2", ["ownership-of-shares-50-to-75-percent"]), namesake])
    people = ds.entities[ds.entities["kind"] == "person"]
    assert sorted(people["id"]) == ["carlos_ghosn_1954_03", "carlos_ghosn_1980_07"]
    assert list(people["name"]) == ["Carlos Ghosn", "Carlos Ghosn"]  # named without the title, "Mr"
    held = ds.relations[ds.relations["source"] == "carlos_ghosn_1954_03"]
    assert sorted(held["target"]) == ["gb-coh-00000002", "gb-coh-00012345"]


def test_each_kind_of_psc_is_an_entity_of_its_kind(tmp_path: Path) -> None:
    state = record("00000001", LEGAL, "legal-person/s", ["right-to-appoint-and-remove-directors"],
                   name="The Secretary of State for Defence",
                   identification={"legal_form": "Crown Body", "legal_authority": "United Kingdom"})
    charity = record("00000001", LEGAL, "legal-person/c", ["significant-influence-or-control"], name="Friends Trust",
                     identification={"legal_form": "Charitable trust", "legal_authority": "Charities Act 2011"})
    secure = [record("00000001", SECURE, f"super-secure/{n}", description="super-secure-persons-with-significant-"
                     "control") for n in "xy"]
    owner = record("OE000002", "corporate-entity-beneficial-owner", "corporate-entity-beneficial-owner/o",
                   ["ownership-of-shares-more-than-25-percent-registered-overseas-entity"], name="Offshore Ltd",
                   identification={"legal_form": "Company", "country_registered": "British Virgin Islands"})
    ds = written(tmp_path, [state, charity, *secure, owner])
    kinds = ds.entities.set_index("id")["kind"].astype(str).to_dict()
    assert kinds["the_secretary_of_state_for_defence"] == "government" and kinds["friends_trust"] == "organisation"
    assert kinds["offshore_ltd"] == "company"
    protected = ds.entities[ds.entities["name"] == "Protected person"]
    assert len(protected) == 2 and set(protected["kind"]) == {"person"}  # one per record: nothing says they agree
    unstated = ds.relations[ds.relations["source"].isin(protected["id"])]
    assert set(unstated["kind"]) == {"significant_control"} and len(unstated) == 2  # no nature stated: still a tie
    assert "super-secure person" in set(ds.events["category"])
    assert "corporate entity beneficial owner" in set(ds.events["category"])


def test_statements_and_exemptions_are_the_companys_events_without_ties(tmp_path: Path) -> None:
    listed = {"exemption_type": "psc-exempt-as-trading-on-regulated-market", "items": [{"exempt_from": "2016-06-30"}]}
    exempt = {"company_number": "00000005", "data": {
        "kind": "exemptions", "links": {"self": "/company/00000005/exemptions"},
        "exemptions": {"psc_exempt_as_trading_on_regulated_market": listed}}}
    unidentified = {"company_number": "00000006", "data": {"kind": f"{PSC}-statement", "notified_on": "2018-02-01",
                                                           "statement": "psc-exists-but-not-identified"}}
    ds = written(tmp_path, [STATEMENT, exempt, unidentified])
    assert ds.relations.empty
    by_title = ds.events.set_index("title")
    stated = by_title.loc["No registrable person: no individual or entity with significant control (company 09999999)"]
    assert stated["actors"] == "gb-coh-09999999" and stated["category"] == "statement"
    assert "Person with significant control exists but not identified (company 00000006)" in by_title.index
    exemption = by_title.loc["Exempt from keeping a PSC register: trading on regulated market (company 00000005)"]
    assert str(exemption["start"])[:10] == "2016-06-30" and exemption["category"] == "exemption"


def test_a_line_that_is_not_json_is_said_by_its_line_and_the_rest_read(tmp_path: Path) -> None:
    path = tmp_path / "psc.txt"
    path.write_text(lines([RENAULT]) + '{"company_number": "00012345", "data": {\n' + lines([GHOSN, TOTALS]),
                    encoding="utf-8")
    ds = viewer.load(path)
    assert len(ds.events) == 2 and set(ds.relations["source"]) == {"renault_sa", "carlos_ghosn_1954_03"}
    said = [p for p in ds.problems if p.level == "error"]
    assert len(said) == 1 and said[0].row == 2 and "not JSON" in said[0].message and said[0].file == str(path)


def test_a_record_without_a_date_or_a_company_number_is_said(tmp_path: Path) -> None:
    undated = record("00000007", INDIVIDUAL, "individual/u", ["significant-influence-or-control"], notified=None,
                     name="No Date", name_elements={"forename": "No", "surname": "Date"})
    nowhere = {"data": {"kind": INDIVIDUAL, "name": "Nowhere", "notified_on": "2020-01-01"}}
    ds = written(tmp_path, [RENAULT, undated, nowhere])
    by_line = {p.row: p for p in ds.problems if p.level == "error"}
    assert "no start date" in by_line[2].message  # the model's own check, naming the line
    assert "no company number" in by_line[3].message and by_line[3].field == "company_number"
    assert len(ds.events) == 1  # Renault's
    undated_tie = ds.relations[ds.relations["source"] == "no_date"].iloc[0]
    assert pd.isna(undated_tie["valid_from"]) and undated_tie["event"] == ""  # held, from no known date


def test_the_apis_answer_for_one_company_opens_the_same(tmp_path: Path) -> None:
    path = tmp_path / "ch_psc_00012345.json"
    answer = {"items": [RENAULT["data"], GHOSN["data"]], "active_count": 1, "ceased_count": 1, "total_results": 2,
              "items_per_page": 25, "start_index": 0, "links": {"self": f"/company/00012345/{PSC}"}}
    for links in (answer["links"], {}):  # (the company number from the answer's link, else from each item's)
        path.write_text(json.dumps({**answer, "links": links}, indent=2), encoding="utf-8")
        ds = viewer.load(path)
        assert ("renault_sa", "gb-coh-00012345", "equity_stake") in ties_at(ds, "2018-06-01")
        assert ("carlos_ghosn_1954_03", "gb-coh-00012345", "influence_or_control") in ties_at(ds, "2018-06-01")
        assert len(ds.events) == 2


def test_other_json_lines_are_left_to_the_records_reader(tmp_path: Path) -> None:
    """Only a file whose first line is a record of the register is taken: JSON lines of a company number and data that
    is no PSC record (Companies House's officers, say) open as records, as before."""
    register = tmp_path / "psc.jsonl"
    register.write_text(lines(SAMPLE), encoding="utf-8")
    assert has_own_reader(register) and len(viewer.load(register).relations) == 3
    officers = tmp_path / "officers.jsonl"
    officers.write_text(lines([{"company_number": "00012345", "data": {"kind": "officer", "name": "SMITH, John",
                                                                      "appointed_on": "2014-07-22"}}] * 2),
                        encoding="utf-8")
    ds = viewer.load(officers)
    assert len(ds.events) == 2 and ds.relations.empty and ds.entities.empty and not has_own_reader(officers)


def test_a_gzipped_or_zipped_snapshot_opens_without_column_questions(tmp_path: Path) -> None:
    packed = tmp_path / "psc.jsonl.gz"
    with gzip.open(packed, "wt", encoding="utf-8") as out:
        out.write(lines(SAMPLE))
    zipped = tmp_path / "persons-with-significant-control-snapshot-2024-01-01_1of28.zip"
    with zipfile.ZipFile(zipped, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("persons-with-significant-control-snapshot-2024-01-01_1of28.txt", lines(SAMPLE))
    for path in (packed, zipped):
        assert has_own_reader(path)
        ds = viewer.load(path)
        assert ("renault_sa", "gb-coh-00012345", "equity_stake") in ties_at(ds, "2018-06-01")
        assert len(ds.events) == 3 and "Carlos Ghosn" in set(ds.entities["name"])
