"""Pictures of the view: the charts as PNG and SVG with the citation under them, drawn offline."""

from __future__ import annotations

import datetime
import json
import struct
import xml.etree.ElementTree as ET

import pytest

from geodata.query import Catalog, ViewState
from layers.timeline import AXIS_LABEL_WIDTH, chart_specs, picture_spec
from tests.conftest import tool_scripts
from view.pictures import chart_downloads, citation_line, page_link, render_chart

TODAY = datetime.date(2026, 12, 2)
HOSTILE = '<script>alert(1)</script> & "q" ]]>'


def catalog_of(dataset) -> Catalog:
    return Catalog.from_exercises(dataset.exercises, tuple(dataset.regions["region_id"]), dataset.version)


@pytest.fixture(scope="module")
def specs():
    from geodata.loaders import load_dataset
    from tests.conftest import SMALL_DATA

    dataset = load_dataset(SMALL_DATA)
    return dataset, chart_specs(dataset.exercises)


def svg_text(svg: bytes) -> str:
    return " ".join(t for t in ET.fromstring(svg).itertext() if t.strip())


def test_citation_line_reads_like_the_share_panel(specs):
    dataset, _ = specs
    catalog = catalog_of(dataset)
    view = ViewState((2019, 2024), participants=("IRN",))
    link = page_link("https://atlas.example/", view, catalog)
    assert link == "https://atlas.example/?years=2019-2024&participants=IRN&v=test-1"
    assert citation_line(dataset.version, view, catalog, link=link, today=TODAY) == (
        "Drill Atlas, dataset version test-1, filtered to 2019–2024; with Iran, accessed 2026-12-02, " + link)
    assert page_link(None, view, catalog) == ""
    assert page_link("http://127.0.0.1:8501", view, catalog).startswith("http://127.0.0.1:8501/?years=")
    assert page_link("https://host/atlas", ViewState((2016, 2024)), catalog) == "https://host/atlas/"


def test_picture_spec_keeps_the_chart_and_adds_the_caption_under_it(specs):
    _, (timeline, counts) = specs
    picture = picture_spec(counts, "Drill Atlas, dataset version v " * 10)
    assert picture["vconcat"][0]["encoding"] == counts["encoding"] and picture["datasets"] == counts["datasets"]
    assert picture["vconcat"][0]["width"] == 960 and "autosize" not in picture["vconcat"][0]
    assert len(picture["vconcat"][1]["data"]["values"]) == 3  # 310 characters, wrapped at 150
    assert "http" not in json.dumps(picture).replace(picture["$schema"], "")  # no remote data, fonts or images
    assert "autosize" in counts  # the page's spec is left alone


@pytest.mark.parametrize("chart", [0, 1])
def test_charts_draw_as_svg_with_the_citation_as_text(specs, chart):
    caption = "Drill Atlas, dataset version test-1, filtered to 2016–2024; " + HOSTILE
    svg = render_chart(specs[1][chart], caption, "svg")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg") and float(root.get("width")) > 960
    text = svg_text(svg)
    assert caption in text and ("Exercises by series" in text or "Exercises per year" in text)
    assert b"<script" not in svg


@pytest.mark.parametrize("chart", [0, 1])
def test_a_picture_has_the_wide_left_axis_whatever_the_page_had(specs, chart):
    # The page's charts narrow their left axis in a phone's container; vl-convert draws with none.
    width = float(ET.fromstring(render_chart(specs[1][chart], "Drill Atlas", "svg")).get("width"))
    assert width >= 12 + AXIS_LABEL_WIDTH + 960 + 12


def test_charts_draw_as_png(specs):
    png = render_chart(specs[1][1], "Drill Atlas, dataset version test-1", "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])
    assert width >= 2 * 960 and height > 200


def test_download_buttons_make_their_pictures_only_when_asked(specs, monkeypatch):
    dataset, (timeline, counts) = specs
    drawn = []
    monkeypatch.setattr("view.pictures.render_chart", lambda spec, caption, fmt: drawn.append(fmt) or b"x")
    files = chart_downloads((timeline, counts), dataset.version, ViewState((2016, 2024)), catalog_of(dataset))
    assert [f.label for f in files] == ["Timeline (PNG)", "Timeline (SVG)", "Per year (PNG)", "Per year (SVG)"]
    assert [f.file_name for f in files][:2] == ["drill-atlas_test-1_2016-2024.timeline.png",
                                                "drill-atlas_test-1_2016-2024.timeline.svg"]
    assert drawn == []
    files[3].make()
    assert drawn == ["svg"]
    assert [f.label for f in chart_downloads((None, counts), "v", ViewState((2016, 2024)),
                                             catalog_of(dataset))] == ["Per year (PNG)", "Per year (SVG)"]


def test_the_map_carries_a_save_as_png_button_with_the_citation_escaped(specs):
    from layers import asset_urls, region_geometries
    from layers.compose import dashboard_map

    dataset, _ = specs
    assets = asset_urls("land/land.geojson")
    caption = "Drill Atlas, dataset version test-1, filtered to " + HOSTILE
    m = dashboard_map(dataset.regions, region_geometries(dataset.regions, dataset.exercises), dataset.exercises,
                      assets, tiles=False, snapshot=(caption, "drill-atlas_test-1.map.png"))
    html = m.get_root().render()
    assert f'src="{assets.map_script}"' in html  # Leaflet and the helpers
    # The button comes with html-to-image, from the tools' file, once the map is drawn; it calls the served helpers
    [(url, button)] = [(url, code) for url, code in tool_scripts(html) if "daMap.snapshot(" in code]
    assert url == assets.tools_script and "drill-atlas_test-1.map.png" in button
    from layers.maphelpers import helpers_script

    assert "Save the map as a picture (PNG)" in helpers_script().decode()
    assert "<script>alert(1)</script>" not in html and "\\u003cscript\\u003ealert(1)" in button
    plain = dashboard_map(dataset.regions, region_geometries(dataset.regions, dataset.exercises),
                          dataset.exercises, assets, tiles=False).get_root().render()
    assert "html-to-image" not in plain


def test_vendored_html_to_image_matches_the_manifest():
    import hashlib

    from layers.vendor.refresh import MANIFEST, VENDOR_DIR

    lines = {line.split("  ")[1]: line.split("  ")[0] for line in MANIFEST.read_text().splitlines()}
    for name in ("html-to-image-1.11.13/html-to-image.js", "html-to-image-1.11.13/LICENSE"):
        assert hashlib.sha256((VENDOR_DIR / name).read_bytes()).hexdigest() == lines[name]


@pytest.mark.parametrize("chart", [0, 1])
def test_a_picture_names_every_year(specs, chart):
    # The page's charts thin their years to the container's width; a picture has no container.
    dataset, charts = specs
    first, last = dataset.exercises["start"].min().year, dataset.exercises["end"].max().year
    words = svg_text(render_chart(charts[chart], "Drill Atlas", "svg")).split()
    assert [int(word) for word in words if word.isdigit() and len(word) == 4] == list(range(first, last + 1))
