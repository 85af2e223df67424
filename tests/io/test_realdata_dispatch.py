"""Every real-world file in ../shared/realdata opens through load() and `entente info`, or is refused clearly."""

from pathlib import Path

import pytest

import viewer
from viewer import cli
from viewer.model.problems import LoadError

REALDATA = Path(__file__).resolve().parents[2].parent / "shared" / "realdata"
pytestmark = pytest.mark.skipif(not REALDATA.is_dir(), reason="../shared/realdata is not present")

EXPECTED = {  # file -> (events, relations); None: refused with a LoadError
    "timelinejs3_json/all-media-types_groups.json": (41, 0),
    "timelinejs3_json/eras.json": (23, 0),
    "timelinejs3_json/example_v2-legacy-format.json": (28, 0),
    "timelinejs3_json/republican_timeline2_EMPTY.json": None,
    "timelinejs3_json/women_in_computing_sheet.csv": (10, 0),
    "thetimelineproj_xml/nv_normal.timeline": (8, 0),
    "thetimelineproj_xml/pre-1.0.0_empty_v0.21.1.timeline": (0, 0),
    "thetimelineproj_xml/versions.timeline": (59, 0),
    "vis_timeline_json/basic.json": (6, 0),
    "vis_timeline_json/groups_ordering_items+groups.json": (6, 0),
    "ics/america_new_york_vtimezone.ics": (1, 0),
    "ics/bom_calendar.ics": (0, 0),
    "ics/germany_holidays_allday.ics": (159, 0),
    "ics/recurrence_exdates_multiline.ics": (10, 0),
    "csv/fdic_banklist_cp1252.csv": (566, 0),
    "csv/nrc_event_notifications_2011_pipe.txt": (72, 0),
    "csv/sacramento_crime_jan2006_pipe_7584.csv": (7584, 0),
    "json_events/vega_flights-10k.json": (10000, 0),
    "gexf/dynamics_1.3_spells.gexf": (2, 5),
    "gexf/dynamics_openintervals_double.gexf": (0, 3),  # its edge's value through time: 15, 20, 25
    "ownership/bods02_single-update.json": None,
    "ownership/bods04_tecido_share-changes.json": None,
    "ownership/gleif_rr_relationships_with-quantifiers.xml": (None, 11),
    "ownership/gleif_lei_entities.xml": (0, 0),  # the LEI register alone: 12 entities, no ties
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_real_file_opens_with_the_expected_counts_or_is_refused_clearly(name: str) -> None:
    path = REALDATA / name
    expected = EXPECTED[name]
    if expected is None and name.startswith("ownership/bods"):
        ds = viewer.load(path)  # BODS: assert relations exist; counts are in test_realdata_tables_graphs
        assert len(ds.relations) > 0
        return
    if expected is None:
        with pytest.raises(LoadError) as info:
            viewer.load(path)
        assert path.name in str(info.value)
        return
    ds = viewer.load(path)
    events, relations = expected
    if events is not None:
        assert len(ds.events) == events
    assert len(ds.relations) == relations


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_entente_info_works_for_every_real_file(name: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = cli.run(["info", str(REALDATA / name)])
    out, err = capsys.readouterr()
    assert code in (0, 1)
    assert ("Events:" in out and "Problems:" in out) or name.rsplit("/", maxsplit=1)[-1] in err


FIXTURES = sorted(p for folder in ("fixtures", "fixtures_tables") for p in (Path(__file__).parent / folder).iterdir())


@pytest.mark.parametrize("path", [REALDATA / name for name in sorted(EXPECTED)] + FIXTURES,
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_dataset_its_metadata_and_its_problems_can_be_printed(path: Path) -> None:
    try:
        ds = viewer.load(path)
    except LoadError as exc:
        assert path.name in str(exc) and repr(exc)
        return
    for thing in (ds, ds.meta, *ds.problems):
        assert repr(thing) and str(thing)
    print(ds.meta)  # the one that raised for nv_normal.timeline (a year-0 window with fractions of a second)
