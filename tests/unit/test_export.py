"""Exports: what is on screen, nothing lost on the way out and back in, nothing fetched, nothing run."""

from __future__ import annotations

import base64
import csv
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import pandas as pd
import pytest
import shapely
from pandas.testing import assert_frame_equal
from shapely.geometry import LineString, box

from geodata import schema
from geodata.export import (
    EXERCISE_FILE_COLUMNS,
    FEATURE_COLUMNS,
    FORMATS,
    TABLE_COLUMNS,
    describe_view,
    exercise_features,
    exercises_table,
    export_file_name,
    kml_driver,
    rfc7946_geometry,
    to_csv_bytes,
    to_geojson_bytes,
    to_kml_bytes,
)
from geodata.filters import exercises_in_view, regions_for
from geodata.loaders import load_dataset
from geodata.query import Catalog, ViewState
from layers import asset_urls, dashboard_map, region_geometries
from layers.assets import LEAFLET_DIR, encoded_land
from layers.standalone import inline_asset_urls
from tests.conftest import ROOT, SMALL_DATA
from view.export import main
from view.page import to_html_bytes

CDN = re.compile(r"cdn\.jsdelivr|code\.jquery|cdnjs\.cloudflare|bootstrapcdn|unpkg\.com|cdn\.skypack")
HOSTILE = '<script>alert("x")</script> \'single\' "double" \u202eRTL\u202c ]]> & <img src=x onerror=alert(1)>'
HOSTILE_URL = "https://example.org/a?b='c'&d=\u202eevil"
VERSION = "test-1"


def catalog_of(dataset) -> Catalog:
    return Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)


def shown_2024(dataset):
    view = ViewState((2024, 2024))
    return exercises_in_view(dataset.exercises, view).sort_values(["start", "exercise_id"]), view


def read_geojson(data: bytes) -> gpd.GeoDataFrame:
    return gpd.read_file(io.BytesIO(data), engine="pyogrio", DATE_AS_STRING="YES")


def read_kml(data: bytes, tmp_path: Path) -> gpd.GeoDataFrame:
    path = tmp_path / "export.kml"
    path.write_bytes(data)
    read = gpd.read_file(path, engine="pyogrio").rename(columns={"Name": "name"})
    read["geometry"] = shapely.force_2d(read.geometry.values)
    return read


def attributes(frame: gpd.GeoDataFrame) -> pd.DataFrame:
    """The exported attributes as text, a missing value read as ""."""
    return pd.DataFrame(frame[list(FEATURE_COLUMNS)]).astype(object).where(frame[list(FEATURE_COLUMNS)].notna(), "")


def assert_same_features(read: gpd.GeoDataFrame, written: gpd.GeoDataFrame) -> None:
    assert read.crs.to_epsg() == 4326
    assert_frame_equal(attributes(read).astype(str), attributes(written).astype(str))
    for back, out in zip(read.geometry, written.geometry, strict=True):
        assert shapely.equals_exact(back.normalize(), out.normalize(), tolerance=1e-6), (back.wkt[:80], out.wkt[:80])


def unsplit(geometry):
    """Undo the antimeridian cut: pieces west of 0° of a geometry that reaches +180 go back east of 180."""
    parts = list(shapely.get_parts(geometry))
    if geometry.bounds[2] < 180.0:
        return geometry
    shifted = [shapely.affinity.translate(p, xoff=360.0) if p.bounds[2] <= 0.0 else p for p in parts]
    return shapely.unary_union(shifted)


def routes_frame() -> gpd.GeoDataFrame:
    return gpd.GeoDataFrame(
        {
            "route_id": ["charlie_2024_outbound", "alpha_2016_track"],
            "exercise_id": ["charlie_2024", "alpha_2016"],
            "route_kind": ["air_patrol", "patrol"],
            "waypoints": [("Anadyr", "Bering Strait"), ("A", "B")],
            "straits": ["Bering Strait", None],
            "source": ["https://example.org/route", "https://example.org/alpha-route"],
            "precision": ["approximate", "exact"],
            "unreported_legs": ["2", ""],
        },
        geometry=[LineString([(170, 58), (190, 60), (195, 61)]), LineString([(112, 18), (118, 22)])],
        crs="EPSG:4326",
    )


def write_hostile(data_dir: Path) -> None:
    path = data_dir / "exercises.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    charlie = next(row for row in rows if row["exercise_id"] == "charlie_2024")
    for column in ("name", "name_ru", "name_zh", "series", "forces", "summary", "notes"):
        charlie[column] = HOSTILE
    charlie["sources"] += ";" + HOSTILE_URL
    charlie["name_sources"] = "https://example.org/charlie"  # a name in Russian or Chinese needs a source
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    regions = json.loads((data_dir / "regions.geojson").read_text(encoding="utf-8"))
    for feature in regions["features"]:
        if feature["properties"]["region_id"] == "dateline_box":
            feature["properties"]["name"] = HOSTILE
    (data_dir / "regions.geojson").write_text(json.dumps(regions), encoding="utf-8")


def export_map(dataset, shown, land: Path | None = SMALL_DATA / "land.geojson"):
    return dashboard_map(
        dataset.regions,
        region_geometries(dataset.regions),
        shown,
        inline_asset_urls(land),
        routes=dataset.routes,
        tiles=False,
    )


def data_url_content(page: str, prefix: str) -> bytes:
    match = re.search(re.escape(prefix) + r"([A-Za-z0-9+/=]+)", page)
    assert match, prefix
    return base64.b64decode(match.group(1))


def run_cli(capsys, *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as stop:
        code = stop.code
    return code, capsys.readouterr().err


# --- describing a view ---------------------------------------------------------------------------------------------

CATALOG = Catalog(2005, 2025, ("joint_sea_2024", "ocean_2024"), ("Joint Sea", "Joint naval patrol"), version="v1")


@pytest.mark.parametrize(
    ("view", "text"),
    [
        (ViewState((2005, 2025)), "2005–2025; all exercises"),
        (ViewState((2024, 2024)), "2024; all exercises"),
        (
            ViewState(
                (2016, 2024), exercises=("ocean_2024", "joint_sea_2024"), series=("Joint naval patrol", "Joint Sea")
            ),
            "2016–2024; exercises: joint_sea_2024, ocean_2024; series: Joint Sea, Joint naval patrol",
        ),
        (
            ViewState((2024, 2024), domains=("air", "naval"), search="okean"),
            '2024; domains: naval, air; search: "okean"',
        ),
        (ViewState((2024, 2024), selected="ocean_2024", region="sea_of_japan"), "2024; all exercises"),
    ],
)
def test_describe_view(view, text):
    assert describe_view(view, CATALOG) == text


@pytest.mark.parametrize(
    ("view", "version", "name"),
    [
        (ViewState((2024, 2024)), "2026-11-25", "drill-atlas_2026-11-25_2024.csv"),
        (
            ViewState((2016, 2024), series=("Joint Sea",)),
            "2026-11-25",
            "drill-atlas_2026-11-25_2016-2024_joint-sea.csv",
        ),
        (
            ViewState((2024, 2024), exercises=("ocean_2024", "joint_sea_2024", "x"), domains=("naval",), search="a"),
            "v1",
            "drill-atlas_v1_2024_3-exercises_naval_search.csv",
        ),
        (ViewState((2024, 2024)), '../<script>"', "drill-atlas_script_2024.csv"),
        (ViewState((2024, 2024)), "", "drill-atlas_unversioned_2024.csv"),
    ],
)
def test_export_file_name_names_version_and_filters_safely(view, version, name):
    assert export_file_name(view, CATALOG, version, "csv") == name


def test_export_file_name_is_bounded():
    view = ViewState((2024, 2024), series=("Joint Sea",), search="x")
    name = export_file_name(view, CATALOG, "v" * 300, "geojson")
    assert len(name) <= 120 and name.endswith(".geojson") and name.startswith("drill-atlas_vvv")


def test_formats_name_extension_and_media_type():
    assert {key: (f.extension, f.media_type) for key, f in FORMATS.items()} == {
        "csv": ("csv", "text/csv"),
        "geojson": ("geojson", "application/geo+json"),
        "kml": ("kml", "application/vnd.google-earth.kml+xml"),
        "html": ("html", "text/html"),
    }


# --- table and CSV ---------------------------------------------------------------------------------------------------


def test_table_has_every_exercises_column_in_documented_order(small_dataset):
    assert set(EXERCISE_FILE_COLUMNS) == set(schema.EXERCISE_COLUMNS) | set(schema.OPTIONAL_EXERCISE_COLUMNS)
    header = (SMALL_DATA / "exercises.csv").read_text(encoding="utf-8").splitlines()[0]
    assert tuple(header.split(",")) == EXERCISE_FILE_COLUMNS
    table = exercises_table(small_dataset.exercises, small_dataset.regions, VERSION, "all")
    assert tuple(table.columns) == TABLE_COLUMNS
    bravo = table.set_index("exercise_id").loc["bravo_2019"]
    assert bravo["region_names"] == "North test sea;Test bay"
    assert bravo["sources"] == "https://example.org/bravo;https://example.org/bravo2"
    assert set(table["dataset_version"]) == {VERSION} and set(table["filters"]) == {"all"}


def test_table_keeps_the_shown_order_and_leaves_its_input_alone(small_dataset):
    shown = small_dataset.exercises.iloc[[3, 1]]
    before = shown.copy()
    table = exercises_table(shown, small_dataset.regions, VERSION, "x")
    assert list(table["exercise_id"]) == ["delta_2024", "bravo_2019"] and list(table.index) == [0, 1]
    assert_frame_equal(shown, before)


def test_csv_reads_back_equal_to_the_table(small_dataset):
    shown, _ = shown_2024(small_dataset)
    data = to_csv_bytes(small_dataset.exercises, small_dataset.regions, VERSION, "2016–2024; series: Test Patrol")
    back = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False)
    expected = exercises_table(
        small_dataset.exercises, small_dataset.regions, VERSION, "2016–2024; series: Test Patrol"
    )
    assert_frame_equal(back, expected)
    assert data.startswith(b"\xef\xbb\xbfexercise_id,")


def test_exported_csv_is_a_valid_exercises_file(small_data, small_dataset):
    data = to_csv_bytes(small_dataset.exercises, small_dataset.regions, VERSION, "all")
    (small_data / "exercises.csv").write_bytes(data)
    reloaded = load_dataset(small_data)
    assert reloaded.problems == ()
    assert_frame_equal(reloaded.exercises[small_dataset.exercises.columns], small_dataset.exercises)


def test_empty_view_exports_a_header_only(small_dataset):
    empty = small_dataset.exercises.iloc[0:0]
    back = pd.read_csv(io.BytesIO(to_csv_bytes(empty, small_dataset.regions, VERSION, "x")), dtype=str)
    assert tuple(back.columns) == TABLE_COLUMNS and back.empty
    assert read_geojson(to_geojson_bytes(empty, small_dataset.regions, version=VERSION, description="x")).empty


# --- features, the antimeridian, GeoJSON and KML -------------------------------------------------------------------


def test_geometry_inside_the_world_is_kept():
    square = box(130, 40, 140, 50)
    assert rfc7946_geometry(square) is square


@pytest.mark.parametrize(
    "geometry",
    [box(175, 55, 195, 62), box(-195, 55, -175, 62), LineString([(170, 58), (190, 60), (195, 61)])],
)
def test_geometry_across_the_antimeridian_is_cut_at_180(geometry):
    cut = rfc7946_geometry(geometry)
    west, _, east, _ = cut.bounds
    assert (west, east) == (-180.0, 180.0)
    assert len(shapely.get_parts(cut)) == 2
    assert shapely.get_dimensions(cut) == shapely.get_dimensions(geometry)
    whole = shapely.unary_union(
        [shapely.affinity.translate(p, xoff=360 if p.bounds[2] <= 0 else 0) for p in shapely.get_parts(cut)]
    )
    if geometry.bounds[0] < -180:
        whole = shapely.affinity.translate(whole, xoff=-360)
    assert whole.hausdorff_distance(geometry) < 1e-9


def test_one_feature_per_exercise_and_region(small_dataset):
    features = exercise_features(small_dataset.exercises, small_dataset.regions, version=VERSION, description="all")
    pairs = [
        (e, r)
        for e, ids in zip(
            small_dataset.exercises["exercise_id"], small_dataset.exercises["region_id_list"], strict=True
        )
        for r in ids
    ]
    assert list(zip(features["exercise_id"], features["region_id"], strict=True)) == pairs
    assert tuple(features.columns) == (*FEATURE_COLUMNS, "geometry")
    assert features.crs.to_epsg() == 4326
    assert set(features["feature_kind"]) == {"region"}
    assert set(features["dataset_version"]) == {VERSION} and set(features["filters"]) == {"all"}
    bay = features.loc[features["region_id"] == "bay_box"].iloc[0]
    assert bay["region_name"] == "Test bay" and bay["sources"] == "https://example.org/bravo;https://example.org/bravo2"
    west, _, east, _ = features.total_bounds
    assert -180 <= west and east <= 180


@pytest.mark.parametrize("routes", [None, routes_frame().iloc[0:0]], ids=["absent", "empty"])
def test_features_without_routes(small_dataset, routes):
    shown, _ = shown_2024(small_dataset)
    features = exercise_features(shown, small_dataset.regions, routes, version=VERSION, description="2024")
    assert list(features["feature_kind"]) == ["region", "region"]
    assert set(features["route_id"]) == {""}


def test_routes_of_shown_exercises_become_route_features(small_dataset):
    shown, _ = shown_2024(small_dataset)
    features = exercise_features(shown, small_dataset.regions, routes_frame(), version=VERSION, description="2024")
    routes = features.loc[features["feature_kind"] == "route"]
    assert list(routes["route_id"]) == ["charlie_2024_outbound"]  # alpha_2016 is not shown
    route = routes.iloc[0]
    assert route["exercise_id"] == "charlie_2024" and route["name"] == "Charlie-2024"
    assert route["route_waypoints"] == "Anadyr;Bering Strait" and route["route_straits"] == "Bering Strait"
    assert route["route_source"] == "https://example.org/route" and route["route_precision"] == "approximate"
    assert route["route_unreported_legs"] == "2"  # the leg from Bering Strait on: its way is not reported
    assert route["region_id"] == "" and route["sources"] == "https://example.org/charlie"
    assert route.geometry.geom_type == "MultiLineString" and route.geometry.bounds[0] == -180.0
    assert list(features["feature_kind"]) == ["region", "route", "region"]  # charlie's region, its route, then delta


def test_geojson_reads_back_with_the_same_features(small_dataset):
    written = exercise_features(
        small_dataset.exercises, small_dataset.regions, routes_frame(), version=VERSION, description="all"
    )
    data = to_geojson_bytes(
        small_dataset.exercises, small_dataset.regions, routes_frame(), version=VERSION, description="all"
    )
    assert_same_features(read_geojson(data), written)
    collection = json.loads(data)
    assert collection["description"] == "Drill Atlas, dataset version test-1: all"
    assert "crs" not in collection  # RFC 7946: WGS 84 only, no crs member


def test_kml_reads_back_with_the_same_features(small_dataset, tmp_path):
    written = exercise_features(
        small_dataset.exercises, small_dataset.regions, routes_frame(), version=VERSION, description="all"
    )
    data = to_kml_bytes(
        small_dataset.exercises, small_dataset.regions, routes_frame(), version=VERSION, description="all"
    )
    assert kml_driver() == "KML"
    assert b'<SimpleData name="sources">https://example.org/bravo;https://example.org/bravo2</SimpleData>' in data
    assert_same_features(read_kml(data, tmp_path), written)


def test_bundled_regions_round_trip_across_the_antimeridian(tmp_path):
    dataset = load_dataset(schema.DATA_DIR)
    pacific = dataset.exercises.loc[dataset.exercises["region_id_list"].map(lambda ids: "bering_sea" in ids)]
    assert not pacific.empty
    written = exercise_features(pacific, dataset.regions, version=dataset.version, description="x")
    originals = dict(zip(dataset.regions["region_id"], dataset.regions.geometry, strict=True))
    for read in (
        read_geojson(to_geojson_bytes(pacific, dataset.regions, version=dataset.version, description="x")),
        read_kml(to_kml_bytes(pacific, dataset.regions, version=dataset.version, description="x"), tmp_path),
    ):
        assert_same_features(read, written)
        west, _, east, _ = read.total_bounds
        assert -180 <= west and east <= 180
        cut = read.loc[read["region_id"].map(lambda rid: originals[rid].bounds[2] > 180)].drop_duplicates("region_id")
        assert set(cut["region_id"]) == {"bering_sea", "chukchi_sea"}
        for region_id, geometry in zip(cut["region_id"], cut.geometry, strict=True):
            assert unsplit(geometry).hausdorff_distance(originals[region_id]) < 1e-6, region_id


def test_geojson_outer_rings_run_counter_clockwise(small_dataset):
    read = read_geojson(
        to_geojson_bytes(small_dataset.exercises, small_dataset.regions, version=VERSION, description="x")
    )
    for geometry in read.geometry:
        for polygon in shapely.get_parts(geometry):
            assert polygon.exterior.is_ccw


# --- standalone HTML -----------------------------------------------------------------------------------------------


@pytest.fixture
def page(small_dataset) -> str:
    shown, view = shown_2024(small_dataset)
    description = describe_view(view, catalog_of(small_dataset))
    return to_html_bytes(export_map(small_dataset, shown), version=VERSION, description=description).decode("utf-8")


def test_html_inlines_leaflet_and_loads_nothing_from_a_cdn(page):
    assert not CDN.search(page)
    assert not re.search(r"<(script|link)[^>]+(src|href)=\"(?!data:)", page)
    assert "/app/static/" not in page
    script = data_url_content(page, '<script src="data:text/javascript;base64,').decode("utf-8")
    leaflet = (LEAFLET_DIR / "leaflet.js").read_text(encoding="utf-8")
    assert script.strip() == leaflet.split("//# sourceMappingURL=")[0].strip()
    css = data_url_content(page, 'href="data:text/css;base64,').decode("utf-8")
    assert ".leaflet-control-layers-toggle" in css and "url(images/" not in css and "data:image/png;base64," in css


def test_html_embeds_the_land_layer(page):
    land = data_url_content(page, 'fetch("data:application/json;base64,')
    assert land == encoded_land(SMALL_DATA / "land.geojson")


def test_html_shows_dataset_version_and_filters(page):
    assert "<title>Drill Atlas · dataset version test-1 · 2024; all exercises</title>" in page
    assert json.dumps("Drill Atlas · dataset version test-1 · 2024; all exercises") in page


def test_html_without_land_says_so(small_dataset):
    shown, _ = shown_2024(small_dataset)
    m = export_map(small_dataset, shown, land=None)
    page = to_html_bytes(m, version=VERSION, description="2024", note="land layer not included").decode("utf-8")
    assert 'fetch("' not in page and "land layer not included" in page  # the land's fetch; towns' is the helper's


def test_html_refuses_a_map_that_needs_the_app(small_dataset):
    m = dashboard_map(
        small_dataset.regions,
        region_geometries(small_dataset.regions),
        small_dataset.exercises,
        asset_urls("land/land-abc.geojson"),
        tiles=False,
    )
    with pytest.raises(ValueError, match="/app/static/leaflet"):
        to_html_bytes(m, version=VERSION, description="x")


# --- hostile text --------------------------------------------------------------------------------------------------


def test_hostile_text_survives_every_export_and_is_escaped_in_html(small_data, tmp_path):
    write_hostile(small_data)
    dataset = load_dataset(small_data)
    assert dataset.problems == ()
    shown = dataset.exercises
    table = exercises_table(shown, dataset.regions, VERSION, "all")
    back = pd.read_csv(
        io.BytesIO(to_csv_bytes(shown, dataset.regions, VERSION, "all")), dtype=str, keep_default_na=False
    )
    assert_frame_equal(back, table)
    charlie = back.set_index("exercise_id").loc["charlie_2024"]
    assert charlie["name"] == HOSTILE and charlie["sources"].endswith(";" + HOSTILE_URL)
    assert charlie["region_names"] == HOSTILE

    written = exercise_features(shown, dataset.regions, version=VERSION, description=HOSTILE)
    for read in (
        read_geojson(to_geojson_bytes(shown, dataset.regions, version=VERSION, description=HOSTILE)),
        read_kml(to_kml_bytes(shown, dataset.regions, version=VERSION, description=HOSTILE), tmp_path),
    ):
        assert_same_features(read, written)
        row = read.loc[read["exercise_id"] == "charlie_2024"].iloc[0]
        assert (row["name"], row["summary"], row["region_name"], row["filters"]) == (HOSTILE,) * 4
        assert row["sources"] == "https://example.org/charlie;" + HOSTILE_URL

    view = ViewState((2016, 2024), series=(HOSTILE,))
    description = describe_view(view, catalog_of(dataset))
    assert HOSTILE in description
    html = to_html_bytes(export_map(dataset, exercises_in_view(shown, view)), version=VERSION, description=description)
    text = html.decode("utf-8")
    assert "<script>alert" not in text and "<img src=x" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text  # popups and title
    assert (
        json.dumps(f"Drill Atlas · dataset version {VERSION} · {description}")
        .replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("'", "\\u0027")
        in text
    )  # caption, as text


# --- the command line ----------------------------------------------------------------------------------------------


def exported_ids(file_format: str, path: Path, tmp_path: Path) -> list[str]:
    """Exercise ids in a file, in order of first appearance (HTML: the ids of the regions drawn)."""
    if file_format == "csv":
        return list(pd.read_csv(path, dtype=str, keep_default_na=False)["exercise_id"])
    if file_format == "geojson":
        return list(dict.fromkeys(read_geojson(path.read_bytes())["exercise_id"]))
    if file_format == "kml":
        return list(dict.fromkeys(read_kml(path.read_bytes(), tmp_path)["exercise_id"]))
    return sorted(set(re.findall(r'"region_id": "([a-z0-9_]+)"', path.read_text(encoding="utf-8"))))


def expected_ids(file_format: str, dataset, view: ViewState) -> list[str]:
    shown = exercises_in_view(dataset.exercises, view).sort_values(["start", "exercise_id"])
    if file_format == "html":
        return sorted(regions_for(dataset.regions, shown)["region_id"])
    return list(shown["exercise_id"])


@pytest.mark.parametrize("file_format", list(FORMATS))
@pytest.mark.parametrize("data_dir", [SMALL_DATA, schema.DATA_DIR], ids=["small", "bundled"])
def test_cli_exports_what_the_app_shows(capsys, tmp_path, data_dir, file_format):
    output = tmp_path / f"out.{file_format}"
    code, err = run_cli(
        capsys, "--years", "2024", "--data-dir", str(data_dir), "--format", file_format, "-o", str(output)
    )
    assert code == 0, err
    dataset = load_dataset(data_dir)
    expected = expected_ids(file_format, dataset, ViewState((2024, 2024)))
    assert expected and exported_ids(file_format, output, tmp_path) == expected
    assert f"dataset version {dataset.version}" in err and str(output) in err
    if file_format in ("geojson", "kml"):
        read = (
            read_geojson(output.read_bytes()) if file_format == "geojson" else read_kml(output.read_bytes(), tmp_path)
        )
        routes = dataset.routes.loc[dataset.routes["exercise_id"].isin(expected)]
        assert sorted(read.loc[read["feature_kind"] == "route", "route_id"]) == sorted(routes["route_id"])


def test_cli_filters_mean_what_a_share_link_means(capsys, tmp_path):
    by_flags, by_link = tmp_path / "flags.csv", tmp_path / "link.csv"
    flags = ("--years", "2016-2024", "--series", "test_series", "--domain", "naval")
    assert run_cli(capsys, *flags, "--data-dir", str(SMALL_DATA), "--format", "csv", "-o", str(by_flags))[0] == 0
    link = "https://atlas.example/?years=2016-2024&series=test_series&domain=naval&v=test-1"
    assert run_cli(capsys, "--link", link, "--data-dir", str(SMALL_DATA), "--format", "csv", "-o", str(by_link))[0] == 0
    assert by_flags.read_bytes() == by_link.read_bytes()
    table = pd.read_csv(by_flags, dtype=str)
    assert list(table["exercise_id"]) == ["alpha_2016", "bravo_2019"]
    assert set(table["filters"]) == {"2016–2024; series: Test Series; domains: naval"}


def test_cli_reports_bad_values_and_exports_the_rest(capsys, tmp_path):
    output = tmp_path / "out.csv"
    code, err = run_cli(
        capsys,
        "--years",
        "20x4",
        "--exercise",
        "nope,<b>",
        "--exercise",
        "delta_2024",
        "--data-dir",
        str(SMALL_DATA),
        "--format",
        "csv",
        "-o",
        str(output),
    )
    assert code == 0
    assert "notice: years='20x4' is not a year" in err
    assert "notice: exercise: ignored unknown value(s) 'nope', '<b>'." in err
    assert list(pd.read_csv(output, dtype=str)["exercise_id"]) == ["delta_2024"]


def test_cli_rejects_a_bad_format(capsys, tmp_path):
    code, err = run_cli(capsys, "--format", "pdf", "-o", str(tmp_path / "x.pdf"))
    assert code == 2 and "invalid choice: 'pdf'" in err and not (tmp_path / "x.pdf").exists()


@pytest.mark.parametrize("target", ["missing/out.csv", "."], ids=["no-folder", "a-folder"])
def test_cli_says_when_it_cannot_write(capsys, tmp_path, target):
    output = tmp_path / target
    code, err = run_cli(capsys, "--data-dir", str(SMALL_DATA), "--format", "csv", "-o", str(output))
    assert code == 1 and f"error: cannot write {output}:" in err


def test_cli_says_when_the_data_cannot_be_loaded(capsys, tmp_path):
    code, err = run_cli(capsys, "--data-dir", str(tmp_path), "--format", "csv", "-o", str(tmp_path / "x.csv"))
    assert code == 1 and "regions.geojson: file not found" in err and "nothing was written" in err


def test_cli_runs_as_a_module(tmp_path):
    output = tmp_path / "out.geojson"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "view.export",
            "--years",
            "2024",
            "--data-dir",
            str(SMALL_DATA),
            "--format",
            "geojson",
            "-o",
            str(output),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert list(dict.fromkeys(read_geojson(output.read_bytes())["exercise_id"])) == ["charlie_2024", "delta_2024"]


def test_cli_html_zooms_to_a_shown_selection_and_says_when_it_cannot(capsys, tmp_path):
    output = tmp_path / "map.html"
    args = ("--data-dir", str(SMALL_DATA), "--format", "html", "-o", str(output), "--no-tiles")
    code, err = run_cli(capsys, "--years", "2024", "--selected", "charlie_2024", *args)
    assert code == 0 and "notice" not in err
    assert "Selected: Charlie-2024" in output.read_text(encoding="utf-8")
    code, err = run_cli(capsys, "--years", "2016", "--selected", "charlie_2024", *args)
    assert code == 0 and "notice: selected=charlie_2024 is not among the exercises shown" in err


def test_export_does_not_import_streamlit():
    code = "import geodata.export, view.export, layers.standalone, sys; print('streamlit' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert result.stdout.strip() == "False"
