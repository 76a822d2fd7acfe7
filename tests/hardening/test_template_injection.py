"""Template text in data or user input stays text: it is never run as Jinja on the server.

branca renders the output of every folium element a second time as a Jinja template. Without a
defence (``layers.popups.escape_html`` turns braces into HTML entities in every text given to a
folium element; the standalone caption writes them as JavaScript unicode escapes), ``{{ … }}`` in a region
name, an exercise summary, an uploaded file's name or properties, a notice's label or the search
text of a link is evaluated on the server: ``{{ 7*7 }}`` becomes 49, ``{% x`` crashes the page,
and ``{{ cycler.__init__.__globals__.os… }}`` reaches the operating system. Every entry point is
tried here, through the map the app builds and through the standalone HTML export.
"""

from __future__ import annotations

import json
import re

from geodata.export import describe_view
from geodata.loaders import load_dataset
from geodata.notices import parse_notice
from geodata.query import Catalog, ViewState
from geodata.uploads import read_upload
from layers import dashboard_map, region_geometries
from layers.standalone import inline_asset_urls
from layers.user_layers import notice_layer, upload_layer
from tests.app.conftest import map_args, page_html
from tests.conftest import SMALL_DATA
from tests.hardening.conftest import shown
from view.page import to_html_bytes


def payload(tag: str) -> str:
    """Template code that, if run, writes ``<tag>PWNED`` (and never appears literally)."""
    return "{{ '%s' ~ 'PWNED' }}" % tag


def evaluated(text: str) -> list[str]:
    return sorted(set(re.findall(r"([A-Z]+)PWNED", text)))


def hostile_map(crash: str = ""):
    """The dashboard map of the small data with template code in every text that reaches it."""
    dataset = load_dataset(SMALL_DATA)
    regions = dataset.regions.copy()
    for column in ("name", "precision", "basis"):
        regions[column] = payload("REGION") + crash
    exercises = dataset.exercises.copy()
    for column in ("name", "name_ru", "name_zh", "series", "forces", "summary", "notes"):
        exercises[column] = payload("EXERCISE") + crash
    routes = dataset.routes.copy()
    routes["precision"] = payload("ROUTE") + crash
    routes["waypoint_list"] = [(payload("WAYPOINT") + crash,)] * len(routes)
    upload = read_upload(payload("FILE") + crash + ".geojson", json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {payload("KEY") + crash: payload("VALUE") + crash},
         "geometry": {"type": "Point", "coordinates": [131.5, 42.5]}}]}).encode())
    notice = parse_notice("42-30N 131-00E 42-30N 132-00E 42-00N 132-00E")
    extra = (upload_layer(upload.frame, payload("FILE") + crash + ".geojson"),
             notice_layer(notice, payload("NOTICE") + crash))
    selected = exercises["exercise_id"].iloc[0]
    m = dashboard_map(regions, region_geometries(regions), exercises, inline_asset_urls(None), selected=selected,
                      routes=routes, tiles=False, extra_layers=extra)
    catalog = Catalog.from_exercises(exercises, tuple(regions["region_id"]), dataset.version)
    view = ViewState(years=(catalog.first_year, catalog.last_year), search=payload("SEARCH") + crash, selected=selected)
    return m, describe_view(view, catalog), dataset.version


def test_template_code_in_data_and_input_is_never_run_in_the_standalone_export():
    # Defence: braces escaped in every text given to folium's elements (layers.popups.escape_html).
    m, description, version = hostile_map()
    page = to_html_bytes(m, version=version, description=description, note="").decode()
    assert evaluated(page) == []
    assert "PWNED" in page  # the text is there, as text


def test_unbalanced_template_code_does_not_crash_the_export():
    # Defence: as above; without it, '{% x' raises TemplateSyntaxError and the download fails.
    m, description, version = hostile_map(crash=" {% x")
    page = to_html_bytes(m, version=version, description=description, note="").decode()
    assert "PWNED" in page


def test_template_code_in_the_data_never_runs_in_the_app(app_factory, tmp_path):
    # Defence: as above, through the map st_folium sends (the app renders the whole page, and every
    # element's output is parsed as a template there unless the defence is in).
    import shutil

    data = tmp_path / "data"
    shutil.copytree(SMALL_DATA, data)
    document = json.loads((data / "regions.geojson").read_text())
    for feature in document["features"]:
        feature["properties"]["name"] = payload("REGION") + " {% x"
    (data / "regions.geojson").write_text(json.dumps(document))
    at = app_factory(data).run()
    assert not at.exception
    assert evaluated(map_args(at)["script"]) == []
    assert evaluated(" ".join(shown(text) for text in [*(str(e.value) for e in at.caption), *page_html(at)])) == []
