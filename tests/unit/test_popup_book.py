"""The popups file of a dataset: the texts every view shares, sent once; a map's popups refer to it."""

from __future__ import annotations

import json
import re

import pytest

from geodata import schema
from layers.assets import asset_urls, publish_popups
from layers.compose import dashboard_map
from layers.popups import POPUP_FAILED, POPUP_LOADING, PopupBook, bind_feature_html, popup_value
from layers.standalone import inline_asset_urls
from view.prepared import prepare

POPUPS_NAME = "popups/popups-0123456789ab.json"


@pytest.fixture(scope="module")
def bundled():
    return prepare(schema.DATA_DIR)


def _popups(page: str) -> list[object]:
    """Each feature's ``popup`` as the map's script holds it: a string, or a list that refers to the book."""
    decoder = json.JSONDecoder()
    return [decoder.raw_decode(page, found.end())[0] for found in re.finditer(r'"popup":\s*', page)]


def _map_page(prepared, assets, shown=None, **kwargs) -> str:
    dataset = prepared.dataset
    return dashboard_map(
        dataset.regions, prepared.geometries, dataset.exercises if shown is None else shown, assets, tiles=False,
        routes=dataset.routes, observations=dataset.observations, observation_popups=prepared.observation_popups,
        popup_book=prepared.popup_book, **kwargs,
    ).get_root().render()


def test_a_book_holds_each_text_once_in_the_order_first_given():
    book = PopupBook.of(["<b>a</b>", "", "<i>b</i>", "<b>a</b>"])
    assert book.texts == ("<b>a</b>", "<i>b</i>")
    assert book.refer(["<i>b</i>", "3 exercises shown", "", "<b>a</b>"]) == [1, "3 exercises shown", 0]
    assert book.text_of([1, "3 exercises shown", 0]) == "<i>b</i>3 exercises shown<b>a</b>"
    assert json.loads(book.file()) == ["<b>a</b>", "<i>b</i>"]
    assert popup_value(["<b>a</b>", "x"], None) == "<b>a</b>x"  # no book: written whole


@pytest.mark.parametrize("query", [{}, {"years": (2021, 2021)}, {"selected": "joint_naval_patrol_2021"}],
                         ids=["landing", "one-year", "selected"])
def test_a_map_that_refers_to_the_book_shows_the_same_popups_as_one_that_carries_them(bundled, query):
    exercises = bundled.dataset.exercises
    shown = exercises
    if "years" in query:
        shown = exercises.loc[exercises["start_date"].astype(str).str.startswith("2021")]
    selected = query.get("selected")
    served = asset_urls("land/x.json", popups_name=POPUPS_NAME)
    written = asset_urls("land/x.json")
    referring = _popups(_map_page(bundled, served, shown, selected=selected))
    whole = _popups(_map_page(bundled, written, shown, selected=selected))
    assert len(referring) == len(whole) > 0
    assert [bundled.popup_book.text_of(popup) for popup in referring] == whole
    assert all(isinstance(popup, list) for popup in referring) and all(isinstance(popup, str) for popup in whole)
    # only a region's count is the view's own: every other text is the book's
    literals = {piece for popup in referring for piece in popup if isinstance(piece, str)}
    assert all(re.fullmatch(r"\d+ exercises? shown( \(\d+ entries: phases or names of one event\))?", text)
               or text.startswith('<div class="da-popup da-route">') for text in literals), literals


def test_the_landing_map_sends_a_fraction_of_its_popups_and_loads_the_file_after_drawing(bundled):
    served = asset_urls("land/x.json", popups_name=POPUPS_NAME)
    referring = _map_page(bundled, served)
    whole = _map_page(bundled, asset_urls("land/x.json"))
    assert f'daMap.loadPopups("/app/static/{POPUPS_NAME}")' in referring
    assert "daMap.popupOf(html.popup, layer)" in referring
    assert len(whole) - len(referring) > 120_000, (len(referring), len(whole))  # of the popups' 150 KB
    first_line = next(iter(bundled.geometries.popup_lines.values()))
    assert first_line not in referring and first_line in bundled.popup_book.texts


def test_a_map_saved_alone_carries_every_popup_and_calls_no_helper_for_them(bundled):
    page = _map_page(bundled, inline_asset_urls(None))
    assert all(isinstance(popup, str) for popup in _popups(page))
    assert "popupOf" not in page and "loadPopups" not in page


def test_a_map_without_the_served_file_writes_its_popups_even_with_a_book(bundled):
    page = _map_page(bundled, asset_urls("land/x.json"))
    assert "loadPopups" not in page and "popupOf" not in page
    assert all(isinstance(popup, str) for popup in _popups(page))


def test_only_a_binding_by_reference_names_the_helper():
    assert "daMap" not in bind_feature_html().js_code
    assert "Array.isArray(html.popup)" in bind_feature_html(by_reference=True).js_code


def test_the_popups_file_is_named_by_its_content_and_written_once(tmp_path, bundled):
    body = bundled.popup_book.file()
    name = publish_popups(tmp_path, body)
    assert re.fullmatch(r"popups/popups-[0-9a-f]{12}\.json", name)
    assert (tmp_path / name).read_bytes() == body
    modified = (tmp_path / name).stat().st_mtime_ns
    assert publish_popups(tmp_path, body) == name and (tmp_path / name).stat().st_mtime_ns == modified
    assert publish_popups(tmp_path, body + b" ") != name


def test_a_read_only_static_folder_gives_no_popups_file(tmp_path, bundled):
    (tmp_path / "popups").write_text("not a folder")
    assert publish_popups(tmp_path, bundled.popup_book.file()) is None


def test_the_book_is_escaped_text_of_the_builders(bundled):
    texts = json.loads(bundled.popup_book.file())
    assert all("<script" not in text.lower() for text in texts)
    assert "Loading" in POPUP_LOADING and "reload" in POPUP_FAILED
