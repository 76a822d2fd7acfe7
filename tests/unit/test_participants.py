"""The participant filter: every country with its count, ALL semantics, the link, the words and the files."""

from __future__ import annotations

import pandas as pd
import pytest

from geodata import schema
from geodata.export import describe_view, export_file_name
from geodata.filters import count_events, exercises_in_view, exercises_with_participants
from geodata.loaders import load_dataset
from geodata.query import Catalog, ViewState, participant_counts, view_from_params, view_to_params
from tests.conftest import SMALL_DATA
from view.export import main
from view.text import headline
from view.tools import filter_lists


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(schema.DATA_DIR)


def catalog_of(dataset) -> Catalog:
    return Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)


def test_every_country_of_the_record_is_offered_with_its_events(bundled):
    catalog = catalog_of(bundled)
    in_record = {code for codes in bundled.exercises["participant_codes"] for code in codes}
    assert set(catalog.participant_codes) == in_record
    counts = dict(catalog.participants)
    for code in in_record:
        with_code = bundled.exercises.loc[bundled.exercises["participant_codes"].map(lambda held, code=code: code in held)]
        assert counts[code] == count_events(with_code)
    assert [n for _, n in catalog.participants] == sorted(counts.values(), reverse=True)
    assert counts["IRN"] >= 7 and counts["ZAF"] >= 3


def test_events_are_counted_once():
    rows = pd.DataFrame({"exercise_id": ["a", "a_naval", "b"], "event_group": ["a", "a", ""],
                         "participants": ["CHN;RUS;IRN", "CHN;RUS;IRN", "CHN;RUS"]})
    assert participant_counts(rows) == (("CHN", 2), ("RUS", 2), ("IRN", 1))


def test_an_exercise_shows_when_all_chosen_countries_took_part(bundled):
    exercises = bundled.exercises
    with_iran = set(exercises_with_participants(exercises, ["IRN"])["exercise_id"])
    with_zaf = set(exercises_with_participants(exercises, ["ZAF"])["exercise_id"])
    both = set(exercises_with_participants(exercises, ["IRN", "ZAF"])["exercise_id"])
    assert both == with_iran & with_zaf
    assert {"msb_2019", "msb_2024"} <= with_iran and "mosi_2019" in with_zaf
    pak_ind = set(exercises_with_participants(exercises, ["PAK", "IND"])["exercise_id"])
    assert pak_ind and all({"PAK", "IND"} <= set(exercises.set_index("exercise_id").loc[e, "participant_codes"])
                           for e in pak_ind)
    assert exercises_with_participants(exercises, []) is exercises


def test_link_round_trip_and_bad_codes_get_the_link_notice(bundled):
    catalog = catalog_of(bundled)
    view = ViewState(catalog_years := (catalog.first_year, catalog.last_year), participants=("IRN", "ZAF"))
    params = view_to_params(view, catalog)
    assert params["participants"] == "IRN,ZAF"
    assert view_from_params(params, catalog) == (view, [])
    read, notices = view_from_params({"participants": "irn, XYZ,<b>"}, catalog)
    assert read == ViewState(catalog_years, participants=("IRN",))
    assert notices == ["participants: ignored unknown value(s) 'XYZ', '<B>'."]
    assert view_from_params({"participants": ["IRN", "ZAF"]}, catalog)[0].participants == ("IRN", "ZAF")


def test_citation_file_name_and_headline_say_with_whom(bundled):
    catalog = catalog_of(bundled)
    view = ViewState((2019, 2026), participants=("ZAF", "IRN"))
    assert describe_view(view, catalog) == "2019–2026; with Iran and South Africa"
    assert describe_view(ViewState((2019, 2026), participants=("IRN",)), catalog) == "2019–2026; with Iran"
    assert export_file_name(view, catalog, "v1", "kml") == "drill-atlas_v1_2019-2026_with-irn-zaf.kml"
    shown = exercises_in_view(bundled.exercises, ViewState((2019, 2026), participants=("IRN",)))
    heading = headline(shown, pd.DataFrame(), count_events(shown), (2019, 2026), participants=("IRN",))
    assert "with Iran" in heading.text()


def test_picker_reads_names_with_counts(bundled):
    catalog = catalog_of(bundled)
    label, key, options, empty, shown_as = filter_lists(catalog, {})[-1]
    assert key == "participants" and options == catalog.participant_codes
    assert shown_as("IRN") == f"Iran ({dict(catalog.participants)['IRN']})"
    assert all("(" in shown_as(code) and not shown_as(code).startswith(code) for code in options)


def test_every_export_carries_the_participant_filter(capsys, tmp_path):
    for file_format in ("csv", "geojson", "kml"):
        output = tmp_path / f"with-iran.{file_format}"
        code = main(["--participants", "IRN", "--data-dir", str(SMALL_DATA), "--format", file_format,
                     "-o", str(output)])
        assert code == 0, capsys.readouterr().err
        assert "with Iran" in output.read_text(encoding="utf-8-sig")
    table = pd.read_csv(tmp_path / "with-iran.csv", dtype=str)
    assert list(table["exercise_id"]) == ["bravo_2019"]
    assert set(table["filters"]) == {"2016–2024; with Iran"}
