"""AppTest fixtures: a fresh cache for every test, and the app pointed at test data."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from layers.popups import PopupBook
from tests.conftest import APP, SMALL_DATA
from view import after_map
from view.shared import MAP_FRAMES


@pytest.fixture(autouse=True)
def fresh_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    MAP_FRAMES.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()
    MAP_FRAMES.clear()


@pytest.fixture
def app_factory(monkeypatch, tmp_path_factory):
    """Return a function making an AppTest of app.py on a given data folder, with no map tiles.

    ``map_drawn``: the session's map has already been drawn, as a page's is a moment after it
    opens, so its runs draw the whole page (:mod:`view.after_map`); False for a first run.
    """

    def make(data_dir=SMALL_DATA, *, map_drawn: bool = True, **query) -> AppTest:
        monkeypatch.setenv("DRILL_ATLAS_DATA_DIR", str(data_dir))
        # The app publishes Leaflet and the land layer for static serving: never into the checkout.
        monkeypatch.setenv("DRILL_ATLAS_STATIC_DIR", str(tmp_path_factory.mktemp("static")))
        monkeypatch.setenv("DRILL_ATLAS_TILES", "off")
        at = AppTest.from_file(str(APP), default_timeout=120)
        for key, value in query.items():
            at.query_params[key] = value
        if map_drawn:
            at.session_state[after_map.READY] = True
        return at

    return make


def map_args(at: AppTest) -> dict:
    """The arguments st_folium sent to the browser (script, js_links, ...)."""
    components = [c for c in at.get("component_instance") if c.proto.component_name == "streamlit_folium.st_folium"]
    assert len(components) == 1
    return json.loads(components[0].proto.json_args)


def map_popups(at: AppTest) -> list[str]:
    """Every popup of the map as the browser shows it: joined from the dataset's popups file where it refers to it.

    The app's maps refer to the file it publishes (:class:`layers.popups.PopupBook`, loaded by
    ``daMap.loadPopups``); a popup written into the map is taken as it is.
    """
    script = map_args(at)["script"]
    loaded = re.search(r'daMap\.loadPopups\("([^"]+)"\)', script)
    texts = json.loads((Path(os.environ["DRILL_ATLAS_STATIC_DIR"]) / loaded.group(1).split("/app/static/", 1)[1])
                       .read_text(encoding="utf-8")) if loaded else []
    book = PopupBook.of(texts)  # the file's texts are unique: the same positions
    decoder = json.JSONDecoder()
    popups = []
    for found in re.finditer(r'"popup":\s*', script):
        value, _ = decoder.raw_decode(script, found.end())
        popups.append(value if isinstance(value, str) else book.text_of(value))
    return popups


_METRIC = re.compile(r'<span data-metric="([^"<>]*)" hidden>([^<>]*)</span>')


def page_html(at: AppTest) -> list[str]:
    """The text of every Markdown and HTML element of the page (the heading line is HTML)."""
    return [markdown.value for markdown in at.markdown] + [element.proto.body for element in at.get("html")]


def metrics(at: AppTest) -> dict[str, str]:
    """The counts the page's heading line carries (``view.text.Headline.figures``), by label."""
    found = {}
    for text in page_html(at):
        found |= {html.unescape(k): html.unescape(v) for k, v in _METRIC.findall(text)}
    return found
