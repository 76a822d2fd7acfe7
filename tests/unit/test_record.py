"""The record's contract: status, event groups, names and their sources, sources.csv, region tags against routes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from geodata import schema
from geodata.export import exercises_table, to_csv_bytes, to_geojson_bytes, to_kml_bytes
from geodata.export.features import exercise_features
from geodata.filters import count_events, exercises_in_years
from geodata.loaders import load_dataset, read_changelog
from geodata.problems import ERROR, WARNING
from geodata.query import ViewState
from geodata.sources import titles_text
from geodata.validate import main as validate
from layers.popups import REPORTED_BADGE, exercise_html, region_popup_html
from layers.timeline import counts_by_year
from tests.unit.test_export import read_geojson, read_kml
from view.page import view_map_html_bytes
from view.tools import changelog_after_notices

SOURCE_HEADER = ",".join(schema.SOURCE_COLUMNS)


def edit_rows(data_dir: Path, edit) -> None:
    """Rewrite exercises.csv after ``edit(rows_by_id)`` changed its rows (dicts of text)."""
    path = data_dir / "exercises.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    edit({row["exercise_id"]: row for row in rows})
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def write_sources(data_dir: Path, *lines: str) -> None:
    (data_dir / "sources.csv").write_text("\n".join([SOURCE_HEADER, *lines]) + "\n", encoding="utf-8")


GOOD_SOURCES = (
    "alpha_2016,https://example.org/alpha,Test Agency,en,2016-09-12,Alpha begins,wire",
    "bravo_2019,https://example.org/bravo,Test Ministry,ru,,,official",
    "bravo_2019,https://example.org/bravo2,Test Paper,,,,press",
    "charlie_2024,https://example.org/charlie,Test Paper,zh,,,press",
    "delta_2024,https://example.org/delta,Test Institute,en,2024-09-30,,research",
)


def problems_of(dataset, file, field):
    return [p for p in dataset.problems if p.file == file and p.field == field]


# --- exercises.csv: the new columns ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("participants", "CHN;RUS;XYZ", "'XYZ' is not an ISO 3166 alpha-3 code (no country has it)"),
        ("status", "rumoured", "not one of confirmed, reported"),
        ("event_group", "Vostok 2022", "not a slug"),
        ("name_sources", "ftp://example.org/name", "not an http(s) URL"),
    ],
)
def test_bad_new_cells_are_errors(small_data, column, value, words):
    edit_rows(small_data, lambda rows: rows["alpha_2016"].update({column: value}))
    (problem,) = problems_of(load_dataset(small_data), "exercises.csv", column)
    assert problem.severity == ERROR and words in problem.message and problem.row == "line 2"


@pytest.mark.parametrize("column", ["name_ru", "name_zh"])
def test_a_russian_or_chinese_name_needs_a_source(small_data, column):
    edit_rows(small_data, lambda rows: rows["alpha_2016"].update({column: "Морское взаимодействие-2016"}))
    dataset = load_dataset(small_data)
    (problem,) = problems_of(dataset, "exercises.csv", column)
    assert problem.severity == ERROR and "name_sources" in problem.message
    assert "alpha_2016" not in set(dataset.exercises["exercise_id"])

    edit_rows(small_data, lambda rows: rows["alpha_2016"].update({"name_sources": "https://example.org/name"}))
    dataset = load_dataset(small_data)
    assert dataset.problems == () and "alpha_2016" in set(dataset.exercises["exercise_id"])


def test_aliases_are_searched(small_data):
    from geodata.filters import exercises_matching

    edit_rows(small_data, lambda rows: rows["bravo_2019"].update({"aliases": "BRV-19;Браво"}))
    exercises = load_dataset(small_data).exercises
    assert list(exercises_matching(exercises, "браво")["exercise_id"]) == ["bravo_2019"]
    assert exercises.set_index("exercise_id").loc["bravo_2019", "alias_list"] == ("BRV-19", "Браво")


def test_an_event_group_of_one_row_is_a_warning(small_data):
    edit_rows(small_data, lambda rows: rows["alpha_2016"].update({"event_group": "alpha_series"}))
    (problem,) = problems_of(load_dataset(small_data), "exercises.csv", "event_group")
    assert problem.severity == WARNING and "joins nothing" in problem.message


# --- counting events -------------------------------------------------------------------------------------------------


def test_rows_of_one_event_count_once(small_data):
    def group(rows):
        rows["charlie_2024"]["event_group"] = "delta_2024"  # Charlie is a phase of Delta
    edit_rows(small_data, group)
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    assert len(dataset.exercises) == 4 and count_events(dataset.exercises) == 3
    counts = counts_by_year(dataset.exercises)
    assert counts.loc[counts["year"] == 2024, "count"].sum() == 1
    assert counts.loc[counts["year"] == 2024, "domain"].tolist() == ["combined"]  # naval and air rows


@pytest.fixture(scope="module")
def bundled():
    return load_dataset(schema.DATA_DIR)


def test_vostok_2022_counts_once(bundled):
    exercises = bundled.exercises.set_index("exercise_id")
    assert exercises.loc["vostok_2022_naval", "event_group"] == "vostok_2022"
    both = bundled.exercises.loc[bundled.exercises["exercise_id"].isin(["vostok_2022", "vostok_2022_naval"])]
    assert len(both) == 2 and count_events(both) == 1
    year = exercises_in_years(bundled.exercises, 2022, 2022)
    assert count_events(year) == len(year) - 1
    counts = counts_by_year(bundled.exercises)
    assert counts.loc[counts["year"] == 2022, "count"].sum() == count_events(year)


def test_september_2024_counts_northern_joint_and_ocean_once(bundled):
    september = bundled.exercises.loc[
        (bundled.exercises["start_date"] >= "2024-09-01") & (bundled.exercises["start_date"] <= "2024-09-30")
    ]
    assert {"northern_joint_2024", "ocean_2024"} <= set(september["exercise_id"])
    pair = september.loc[september["exercise_id"].isin(["northern_joint_2024", "ocean_2024"])]
    assert count_events(pair) == 1
    assert count_events(september) == len(september) - 1
    sea_of_japan = bundled.regions.loc[bundled.regions["region_id"] == "sea_of_japan"].iloc[0].to_dict()
    popup = region_popup_html(sea_of_japan, pair.to_dict("records"))
    assert "1 exercise shown (2 entries" in popup


# --- sources.csv -----------------------------------------------------------------------------------------------------


def test_sources_table_loads_and_names_the_outlets(small_data):
    write_sources(small_data, *GOOD_SOURCES)
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    assert len(dataset.sources) == 5
    bravo = dataset.exercises.set_index("exercise_id").loc["bravo_2019"]
    assert bravo["source_labels"] == ("Test Ministry (ru)", "Test Paper")
    assert bravo["source_publishers"] == "Test Ministry;Test Paper"
    html = exercise_html(bravo.to_dict())
    assert ">Test Ministry (ru)</a>" in html and "[1]" not in html


def test_without_sources_table_links_show_the_host(small_dataset):
    html = exercise_html(small_dataset.exercises.set_index("exercise_id").loc["alpha_2016"].to_dict())
    assert ">example.org</a>" in html


@pytest.mark.parametrize(
    ("line", "field", "words"),
    [
        ("alpha_2016,https://example.org/other,Test,en,,,press", "url", "not among the sources"),
        ("nobody_2020,https://example.org/alpha,Test,en,,,press", "exercise_id", "not a valid exercise_id"),
        ("alpha_2016,https://example.org/alpha,Test,english,,,press", "language", "ISO 639-1"),
        ("alpha_2016,https://example.org/alpha,Test,en,15/07/2016,,press", "published", "ISO date"),
        ("alpha_2016,https://example.org/alpha,Test,en,,,blog", "kind", "not one of official, wire, press, research"),
        ("alpha_2016,https://example.org/alpha,,en,,,press", "publisher", "is empty"),
        ("alpha_2016,https://example.org/alpha,Test,en,2999-01-01,,press", "published", "is in the future"),
        ("alpha_2016,https://example.org/alpha,Test,en,,\"Two\nlines\",press", "title", "U+000A"),
        ("alpha_2016,https://example.org/alpha,Test,en,,Tab\there,press", "title", "U+0009"),
        ("alpha_2016,https://example.org/alpha,Test,en,,Bell\x07,press", "title", "control characters"),
        ("alpha_2016,https://example.org/alpha,Test,en,,Split\u2028line,press", "title", "U+2028"),
        ("alpha_2016,https://example.org/alpha,Test,en,,<b>Alpha</b> begins,press", "title", "HTML markup"),
        (f"alpha_2016,https://example.org/alpha,Test,en,,{'x' * 301},press", "title", "at most 300"),
        ("alpha_2016,https://example.org/alpha,Test;Other,en,,,press", "publisher", "separates the publishers"),
    ],
)
def test_bad_source_line_is_an_error(small_data, line, field, words):
    write_sources(small_data, line, *GOOD_SOURCES)
    (problem,) = problems_of(load_dataset(small_data), "sources.csv", field)
    assert problem.severity == ERROR and words in problem.message and problem.row == "line 2"


def test_a_headline_as_published_is_accepted(small_data):
    title = "Россия и Китай: «учения» 2024 — 中俄“海上联合-2024”; A < B & C's \"quote\""
    write_sources(small_data, f'alpha_2016,https://example.org/alpha,Test,ru,2016-09-12,"{title.replace(chr(34), 2 * chr(34))}",wire',
                  *GOOD_SOURCES[1:])
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    assert dataset.sources.set_index("exercise_id").loc["alpha_2016", "title"] == title


def test_sources_are_listed_with_outlet_date_and_linked_title(small_data):
    write_sources(small_data, *GOOD_SOURCES)
    dataset = load_dataset(small_data)
    html = exercise_html(dataset.exercises.set_index("exercise_id").loc["alpha_2016"].to_dict())
    assert ('<li>Test Agency (en) · <span class="da-meta">2016-09-12</span> · <a href="https://example.org/alpha" '
            'target="_blank" rel="noopener noreferrer" title="https://example.org/alpha">Alpha begins</a></li>') in html
    bravo = exercise_html(dataset.exercises.set_index("exercise_id").loc["bravo_2019"].to_dict())
    assert bravo.count("<li>") == 2 and ">Test Ministry (ru)</a></li>" in bravo  # no title, no date: the outlet links
    assert "overflow-wrap:anywhere" in bravo  # long titles and URLs wrap on a phone


def test_hostile_title_is_escaped_everywhere(small_data):
    hostile = "&lt;img src=x onerror=alert(1)&gt; {{ 7*7 }} ' \" &amp;"
    write_sources(small_data, f'alpha_2016,https://example.org/alpha,Test,en,2016-09-12,"{hostile.replace(chr(34), 2 * chr(34))}",wire',
                  *GOOD_SOURCES[1:])
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    html = exercise_html(dataset.exercises.set_index("exercise_id").loc["alpha_2016"].to_dict())
    assert "&amp;lt;img src=x onerror=alert(1)&amp;gt; &#123;&#123; 7*7 &#125;&#125; &#x27; &quot; &amp;amp;</a>" in html
    assert "{{" not in html


def test_titles_text_numbers_the_titled_sources():
    assert titles_text(["", "Second; with a semicolon", "", "[Fourth]"]) == "2: Second; with a semicolon\n4: [Fourth]"
    assert titles_text(["", ""]) == ""


def test_a_url_without_a_source_line_is_named(small_data):
    write_sources(small_data, *GOOD_SOURCES[1:])
    (problem,) = problems_of(load_dataset(small_data), "exercises.csv", "sources")
    assert problem.row == "line 2" and "'https://example.org/alpha' has no line in sources.csv" in problem.message


def test_a_repeated_source_line_is_an_error(small_data):
    write_sources(small_data, *GOOD_SOURCES, GOOD_SOURCES[0])
    (problem,) = problems_of(load_dataset(small_data), "sources.csv", "url")
    assert "already described on line 2" in problem.message


def test_hostile_publisher_is_escaped(small_data):
    write_sources(small_data, '"bravo_2019","https://example.org/bravo","<img src=x onerror=alert(1)>",ru,,,official',
                  *GOOD_SOURCES[2:], GOOD_SOURCES[0])
    dataset = load_dataset(small_data)
    html = exercise_html(dataset.exercises.set_index("exercise_id").loc["bravo_2019"].to_dict())
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt; (ru)" in html


def test_exports_carry_status_and_publishers(small_data):
    write_sources(small_data, *GOOD_SOURCES)
    edit_rows(small_data, lambda rows: rows["bravo_2019"].update({"status": "reported"}))
    dataset = load_dataset(small_data)
    table = exercises_table(dataset.exercises, dataset.regions, "v", "all").set_index("exercise_id")
    assert table.loc["bravo_2019", "status"] == "reported"
    assert table.loc["bravo_2019", "source_publishers"] == "Test Ministry;Test Paper"
    features = exercise_features(dataset.exercises, dataset.regions, version="v", description="all")
    assert set(features.loc[features["exercise_id"] == "bravo_2019", "source_publishers"]) == {
        "Test Ministry;Test Paper"}


def test_exports_carry_dates_and_titles_in_the_order_of_sources(small_data, tmp_path):
    write_sources(small_data, "bravo_2019,https://example.org/bravo,Test Ministry,ru,2019-09-16,Bravo; the start,official",
                  "bravo_2019,https://example.org/bravo2,Test Paper,,,,press", GOOD_SOURCES[0], *GOOD_SOURCES[3:])
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    table = exercises_table(dataset.exercises, dataset.regions, "v", "all").set_index("exercise_id")
    assert table.loc["bravo_2019", "sources"] == "https://example.org/bravo;https://example.org/bravo2"
    assert table.loc["bravo_2019", "source_published"] == "2019-09-16;"
    assert table.loc["bravo_2019", "source_titles"] == "1: Bravo; the start"
    assert table.loc["charlie_2024", ["source_published", "source_titles"]].tolist() == ["", ""]
    back = pd.read_csv(io.BytesIO(to_csv_bytes(dataset.exercises, dataset.regions, "v", "all")), dtype=str,
                       keep_default_na=False).set_index("exercise_id")
    assert back.loc["bravo_2019", "source_titles"] == table.loc["bravo_2019", "source_titles"]
    for read in (read_geojson(to_geojson_bytes(dataset.exercises, dataset.regions, version="v", description="all")),
                 read_kml(to_kml_bytes(dataset.exercises, dataset.regions, version="v", description="all"), tmp_path)):
        row = read.loc[read["exercise_id"] == "bravo_2019"].iloc[0]
        assert (row["source_published"], row["source_titles"]) == ("2019-09-16;", "1: Bravo; the start")


def test_html_export_lists_each_shown_exercise_with_its_sources_under_the_map(small_data):
    write_sources(small_data, 'alpha_2016,https://example.org/alpha,Test Agency,en,2016-09-12,"1 < 2 & {{ x }}",wire',
                  *GOOD_SOURCES[1:])
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    view = ViewState((2016, 2024))
    page, _ = view_map_html_bytes(dataset, dataset.exercises, view, "all", land_file=small_data / "land.geojson",
                                  tiles=False)
    text = page.decode("utf-8")
    section = text.index('<section class="da-record"')
    assert text.index('class="folium-map"') < section < text.index("</body>")
    assert f"{len(dataset.exercises)} exercises shown, with their sources" in text
    assert ">1 &lt; 2 &amp; &#123;&#123; x &#125;&#125;</a>" in text and "{{ x }}" not in text
    assert text.count('<div class="da-exercise">') == len(dataset.exercises)


def test_reported_row_has_a_badge(small_dataset):
    record = small_dataset.exercises.iloc[0].to_dict()
    assert REPORTED_BADGE not in exercise_html(record)
    assert REPORTED_BADGE in exercise_html(record | {"status": "reported"})


# --- region tags against routes, coordinates beyond 180° -----------------------------------------------------------


def test_route_through_a_sea_the_row_does_not_list_is_named(small_data):
    edit_rows(small_data, lambda rows: rows["bravo_2019"].update({"region_ids": "bay_box"}))
    (problem,) = problems_of(load_dataset(small_data), "exercises.csv", "region_ids")
    assert problem.severity == WARNING and problem.row == "line 3"
    assert "route 'bravo_2019_patrol' runs" in problem.message and "North test sea (north_sea_box)" in problem.message
    assert validate(["--data-dir", str(small_data)]) == 1


def test_listed_sea_no_route_comes_near_is_named(small_data):
    edit_rows(small_data, lambda rows: rows["charlie_2024"].update({"region_ids": "dateline_box;south_sea_box"}))
    (problem,) = problems_of(load_dataset(small_data), "exercises.csv", "region_ids")
    assert "'south_sea_box' is listed, but its route (charlie_2024_air) pass no closer than" in problem.message


def test_route_split_at_180_is_checked_like_one_in_the_pacific_frame(small_data):
    path = small_data / "routes.geojson"
    routes = json.loads(path.read_text(encoding="utf-8"))
    charlie = next(f for f in routes["features"] if f["properties"]["route_id"] == "charlie_2024_air")
    charlie["geometry"] = {"type": "LineString", "coordinates": [[176.0, 58.0], [180.0, 59.0], [-170.0, 60.0]]}
    path.write_text(json.dumps(routes), encoding="utf-8")
    assert problems_of(load_dataset(small_data), "exercises.csv", "region_ids") == []


def test_coordinates_beyond_180_fail_the_validator(small_data, capsys):
    path = small_data / "regions.geojson"
    regions = json.loads(path.read_text(encoding="utf-8"))
    regions["features"][0]["properties"]["region_id"] = "east_of_180"
    regions["features"][0]["geometry"]["coordinates"] = [[[170, 40], [190, 40], [190, 50], [170, 50], [170, 40]]]
    path.write_text(json.dumps(regions), encoding="utf-8")
    edit_rows(small_data, lambda rows: [row.update({"region_ids": row["region_ids"].replace("north_sea_box",
                                                                                            "east_of_180")})
                                        for row in rows.values()])
    assert validate(["--data-dir", str(small_data)]) == 1
    err = capsys.readouterr().err
    assert "regions.geojson" in err and "east_of_180" in err and "longitudes reach 170 to 190, beyond ±180°" in err
    assert "RFC 7946" in err and "dateline_box" not in err  # the test data's own 180° crossing is cut, as it must be


# --- the bundled record ---------------------------------------------------------------------------------------------


def test_every_bundled_row_has_a_status_and_described_sources(bundled):
    assert set(bundled.exercises["status"]) == set(schema.STATUSES)
    described = set(zip(bundled.sources["exercise_id"], bundled.sources["url"], strict=True))
    for exercise_id, urls in zip(bundled.exercises["exercise_id"], bundled.exercises["source_urls"], strict=True):
        assert {(exercise_id, url) for url in urls} <= described
    assert set(bundled.sources["kind"]) <= set(schema.SOURCE_KINDS)
    reported = bundled.exercises.loc[bundled.exercises["status"] == "reported"]
    assert all("Status reported" in notes for notes in reported["notes"])
    confirmed = bundled.exercises.loc[bundled.exercises["status"] == "confirmed"]
    assert not any("Status reported" in notes for notes in confirmed["notes"])  # a row raised says so no longer
    # Raised in 2026-12-05.4, each by a participant's own word: China Military Online, Xinhua or TASS.
    sources = bundled.sources.set_index("exercise_id")
    for exercise_id, publisher in [("northern_joint_2024", "TASS"), ("joint_air_patrol_2022_may", "China Military Online"),
                                   ("vostok_2022_naval", "China Military Online"), ("msb_2023", "TASS"),
                                   ("cooperation_2013", "Chinese government portal (relaying Xinhua)")]:
        assert confirmed["exercise_id"].eq(exercise_id).any()
        assert publisher in set(sources.loc[[exercise_id], "publisher"])


def test_changelog_goes_with_the_older_version_notice():
    changelog = read_changelog(schema.DATA_DIR)
    assert "## 2026-12-02" in changelog
    older = "This link was made with dataset version '2026-11-25'; you are seeing version 2026-12-02, …"
    assert changelog_after_notices([older], changelog) == changelog
    assert changelog_after_notices(["q: search text cut to 100 characters."], changelog) is None


def test_html_export_carries_the_reference_layers_as_the_page_opens_them(small_data):
    dataset = load_dataset(small_data)
    land = small_data / "land.geojson"
    page, _ = view_map_html_bytes(dataset, dataset.exercises, ViewState((2016, 2024)), "all", land_file=land,
                                  tiles=False)
    air, _ = view_map_html_bytes(dataset, dataset.exercises, ViewState((2016, 2024), domains=("air",)), "air",
                                 land_file=land, tiles=False)
    for text in (page.decode("utf-8"), air.decode("utf-8")):
        assert "South Korea: KADIZ" in text and "China: East China Sea ADIZ" in text  # drawn, in the layer control
    # Off in a general view (the reader ticks it in the layer control), on in an air view and in its legend.
    assert air.decode("utf-8").count("ADIZ limit") > page.decode("utf-8").count("ADIZ limit")
