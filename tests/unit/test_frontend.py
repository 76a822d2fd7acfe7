"""deploy/frontend.py: Streamlit's frontend prepared for nginx: compressed copies and a cut icon font."""

from __future__ import annotations

import gzip
import json
import os

import brotli
import pytest
from fontTools.ttLib import TTFont

from deploy import frontend
from deploy.frontend import (
    APP_SOURCES,
    ICON_FONT_GLOB,
    INDEX,
    MAP_COMPONENT,
    TEXT_FONT_UNICODES,
    chunk_closure,
    component_build,
    cut_icon_font,
    cut_text_font,
    icon_names,
    index_with_hints,
    ligatures,
    page_hints,
    prepare_frontend,
    read_prepared,
    streamlit_frontend,
)
from tests.conftest import ROOT

ICON_FONT = next((streamlit_frontend() / "media").glob(ICON_FONT_GLOB))
TEXT_FONT = next((streamlit_frontend() / "media").glob("SourceSansVF-Upright*.woff2"))
"""The font Streamlit draws the page's text in."""


def features(font, table: str) -> set[str]:
    return {record.FeatureTag for record in font[table].table.FeatureList.FeatureRecord}


@pytest.fixture(scope="module")
def icon_font_ligatures():
    return ligatures(TTFont(ICON_FONT))


@pytest.fixture
def small_frontend(tmp_path):
    """A frontend of two scripts, a style sheet, an image and Streamlit's own icon font."""
    root = tmp_path / "streamlit-static"
    (root / "js").mkdir(parents=True)
    (root / "css").mkdir()
    (root / "media").mkdir()
    (root / "js" / "index.abc.js").write_text(
        'c(B,{iconValue:`:material/keyboard_double_arrow_right:`});const k="search";' * 200)
    (root / "js" / "other.def.js").write_text("let icon=':material/not_an_icon_at_all:';")
    (root / "css" / "index.css").write_text("body{font-family:'Source Sans'}" * 100)
    (root / "media" / "balloon.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(64))
    (root / "media" / ICON_FONT.name).write_bytes(ICON_FONT.read_bytes())
    app = tmp_path / "app.py"
    app.write_text('st.button("Clear", icon=":material/filter_alt_off:")\n')
    return root, app


def test_the_icon_fonts_ligatures_name_its_icons(icon_font_ligatures):
    assert len(icon_font_ligatures) > 4000
    assert icon_font_ligatures["keyboard_double_arrow_right"] == "keyboard_double_arrow_right"
    assert icon_font_ligatures["123"] == "_123"


def test_icon_names_come_from_the_scripts_and_the_python_code(small_frontend):
    root, app = small_frontend
    names = icon_names(root, [app])
    assert {"keyboard_double_arrow_right", "search", "not_an_icon_at_all", "filter_alt_off"} <= names


def test_every_icon_streamlit_and_the_app_name_is_asked_for():
    names = icon_names(streamlit_frontend(), [ROOT / name for name in APP_SOURCES])
    assert "filter_alt_off" in names  # the app's "Clear all filters" button
    assert "keyboard_double_arrow_right" in names  # the sidebar's open button
    assert {"expand_more", "close", "check"} <= names


def test_the_cut_font_keeps_the_icons_asked_for_and_drops_the_rest(tmp_path):
    target = tmp_path / "icons.woff2"
    kept, total = cut_icon_font(ICON_FONT, target, ["menu", "search", "filter_alt_off", "no_such_icon", "123"])
    assert (kept, total) == (4, len(set(ligatures(TTFont(ICON_FONT)).values())))
    cut = ligatures(TTFont(target))
    assert set(cut) == {"menu", "search", "filter_alt_off", "123"}
    assert len(set(cut.values())) == 4  # four icons (the cut font's glyph names are its own)
    assert TTFont(target).flavor == "woff2"
    assert target.stat().st_size < ICON_FONT.stat().st_size / 20


def test_the_cut_text_font_keeps_latin_greek_and_cyrillic_and_stays_variable(tmp_path):
    target = tmp_path / "sans.woff2"
    size = cut_text_font(TEXT_FONT, target)
    cut, whole = TTFont(target), TTFont(TEXT_FONT)
    assert size == target.stat().st_size < TEXT_FONT.stat().st_size * 0.6
    kept = set(cut.getBestCmap())
    # What the record and the page write: Russian and transliterated names, Vietnamese, Greek,
    # the dashes, the middle dot, <=, the multiplication sign and the arrows of the hints.
    for text in ("Морское взаимодействие-2024", "Zhurihe Ulanqab Jäger Øresund Šiauliai Xəzər", "Hải Phòng",
                 "Ελληνικά", "Moʻorea Izhevskʼ", "1–3 · 5 km ≤ 200 m × 2 → ← “quoted” — € CO₂ km² ✓ ⟨⟩ ▲"):
        assert {ord(c) for c in text} <= kept, text
    # Left out: precomposed polytonic Greek (browsers draw it from the letter and a combining mark)
    # and the phonetic alphabet but the schwa.
    assert {ord("\u1f00"), ord("ɐ")} <= set(whole.getBestCmap()) - kept
    assert [axis.axisTag for axis in cut["fvar"].axes] == [axis.axisTag for axis in whole["fvar"].axes] == ["wght"]
    assert {"kern", "mark"} <= features(cut, "GPOS") and "liga" in features(cut, "GSUB")
    assert "smcp" in features(whole, "GSUB") and "smcp" not in features(cut, "GSUB")
    assert cut.flavor == "woff2"


def test_prepare_cuts_the_text_fonts_and_records_them(small_frontend, tmp_path):
    root, app = small_frontend
    (root / "media" / TEXT_FONT.name).write_bytes(TEXT_FONT.read_bytes())
    target = tmp_path / "prepared"
    prepared = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1)
    font = target / "static" / "media" / TEXT_FONT.name
    assert prepared.text_fonts == {TEXT_FONT.name: [font.stat().st_size, TEXT_FONT.stat().st_size]}
    assert prepared.text_font_unicodes == TEXT_FONT_UNICODES
    assert ord("Ж") in TTFont(font).getBestCmap() and ord("\u1f00") not in TTFont(font).getBestCmap()
    assert read_prepared(target) == prepared


def test_prepare_writes_compressed_copies_that_decompress_to_the_files(small_frontend, tmp_path):
    root, app = small_frontend
    target = tmp_path / "prepared"
    prepared = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1)
    static = target / "static"
    script = static / "js" / "index.abc.js"
    assert script.read_bytes() == (root / "js" / "index.abc.js").read_bytes()
    assert brotli.decompress((static / "js" / "index.abc.js.br").read_bytes()) == script.read_bytes()
    assert gzip.decompress((static / "js" / "index.abc.js.gz").read_bytes()) == script.read_bytes()
    assert gzip.decompress((static / "css" / "index.css.gz").read_bytes()) == (static / "css" / "index.css").read_bytes()
    # Nothing smaller to write: a short script, an image and a woff2 font keep no copies.
    assert not (static / "js" / "other.def.js.gz").exists()
    assert not list(static.glob("media/*.br")) and not list(static.glob("media/*.gz"))
    assert prepared.compressed_files == 2
    font = static / "media" / ICON_FONT.name
    assert set(ligatures(TTFont(font))) == {"keyboard_double_arrow_right", "search", "filter_alt_off"}
    assert (prepared.icons_kept, prepared.icon_font_bytes) == (3, font.stat().st_size)
    assert prepared.text_fonts == {}  # this frontend has none
    assert read_prepared(target) == prepared
    assert json.loads((target / "prepared.json").read_text())["icon_font"] == ICON_FONT.name


def test_prepare_again_does_nothing_until_the_names_or_streamlit_change(small_frontend, tmp_path, monkeypatch):
    root, app = small_frontend
    target = tmp_path / "prepared"
    first = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1)
    font = target / "static" / "media" / ICON_FONT.name
    written = font.stat().st_mtime_ns
    assert prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1) == first
    assert font.stat().st_mtime_ns == written
    app.write_text('st.button("Menu", icon=":material/menu:")\n')
    again = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1)
    assert "menu" in ligatures(TTFont(font)) and "filter_alt_off" not in ligatures(TTFont(font))
    assert again.names_digest != first.names_digest
    monkeypatch.setattr(frontend, "TEXT_FONT_UNICODES", "U+0000-007F")
    assert prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1).text_font_unicodes == "U+0000-007F"
    monkeypatch.setattr(frontend, "streamlit_version", lambda: "0.0.1")
    assert prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1).streamlit_version == "0.0.1"


def test_prepare_refuses_a_frontend_without_its_icon_font(small_frontend, tmp_path):
    root, app = small_frontend
    (root / "media" / ICON_FONT.name).unlink()
    with pytest.raises(FileNotFoundError, match="MaterialSymbols-Rounded"):
        prepare_frontend(tmp_path / "prepared", frontend=root, python_sources=[app], workers=1)
    assert not (tmp_path / "prepared").exists()


def test_an_unreadable_record_is_no_record(tmp_path):
    (tmp_path / "prepared.json").write_text("{not json")
    assert read_prepared(tmp_path) is None
    (tmp_path / "prepared.json").write_text('{"streamlit_version": "1"}')
    assert read_prepared(tmp_path) is None


PAGE = """<!DOCTYPE html><html><head>
<script type="module" crossorigin src="./static/js/index.abc.js"></script>
<link rel="modulepreload" crossorigin href="./static/js/shared.q1.js">
</head><body></body></html>"""
"""Streamlit's page in small: its entry script and one module it preloads."""


@pytest.fixture
def component(tmp_path):
    """A component build whose page loads one script, as streamlit-folium's does."""
    build = tmp_path / "component-build"
    (build / "static" / "js").mkdir(parents=True)
    (build / INDEX).write_text('<html><head><script defer="defer" src="./static/js/main.5e1f.js"></script></head></html>')
    return build


def write_component_chunks(js_dir):
    """ComponentInstance imports a chunk of its own and two the page loads; that chunk imports a third."""
    (js_dir / "ComponentInstance.c1.js").write_text(
        'import{a}from"./IFrameUtil.u2.js";import{b}from"./index.abc.js";import{c}from "./shared.q1.js";'
        'const l=()=>import(`./Lazy.z9.js`);')
    (js_dir / "IFrameUtil.u2.js").write_text('import"./urls.r3.js";export const a=1;')
    (js_dir / "urls.r3.js").write_text("export const u=1;")
    (js_dir / "shared.q1.js").write_text("export const c=1;")
    (js_dir / "Lazy.z9.js").write_text("export default 1;")


def test_the_component_chunk_brings_what_it_imports_statically_not_what_it_imports_later(small_frontend):
    root, _ = small_frontend
    write_component_chunks(root / "js")
    assert chunk_closure(root / "js", "ComponentInstance.c1.js") == [
        "ComponentInstance.c1.js", "IFrameUtil.u2.js", "index.abc.js", "shared.q1.js", "urls.r3.js"]
    assert chunk_closure(root / "js", "missing.js") == []


def test_the_page_hints_name_the_frames_files_the_page_does_not_load_already(small_frontend, component):
    root, _ = small_frontend
    write_component_chunks(root / "js")
    hints = page_hints(PAGE, root, component, ["/app/static/leaflet/leaflet.css", "/app/static/map/map-abc.js"])
    assert hints == [
        ["modulepreload", "./static/js/ComponentInstance.c1.js"],
        ["modulepreload", "./static/js/IFrameUtil.u2.js"],
        ["modulepreload", "./static/js/urls.r3.js"],
        ["prefetch", f"./component/{MAP_COMPONENT}/static/js/main.5e1f.js"],
        ["prefetch", "./app/static/leaflet/leaflet.css"],
        ["prefetch", "./app/static/map/map-abc.js"],
    ]
    page = index_with_hints(PAGE, hints)
    assert page.count("<link") == PAGE.count("<link") + 6
    assert '<link rel="modulepreload" crossorigin href="./static/js/urls.r3.js">' in page
    assert f'<link rel="prefetch" href="./component/{MAP_COMPONENT}/static/js/main.5e1f.js">' in page
    assert page.index("map-abc.js") < page.index("</head>")
    # Another Streamlit, without the chunk or the component's page: no hints of them.
    (root / "js" / "ComponentInstance.c1.js").unlink()
    (component / INDEX).unlink()
    assert page_hints(PAGE, root, component, []) == []


def test_the_hints_name_streamlit_folium_and_the_installed_frontends_chunks():
    page = (streamlit_frontend().parent / INDEX).read_text(encoding="utf-8")
    hints = page_hints(page, streamlit_frontend(), component_build(), ["/app/static/x.js"])
    rels = [rel for rel, _ in hints]
    assert rels[0] == "modulepreload" and hints[0][1].startswith("./static/js/ComponentInstance.")
    assert any(href.startswith(f"./component/{MAP_COMPONENT}/static/js/main.") for _, href in hints)
    assert hints[-1] == ["prefetch", "./app/static/x.js"]
    for _, href in hints[:rels.count("modulepreload")]:
        assert (streamlit_frontend() / "js" / href.removeprefix("./static/js/")).is_file()


def test_prepare_writes_the_page_with_its_hints_again_on_every_run(small_frontend, component, tmp_path):
    root, app = small_frontend
    (root.parent / INDEX).write_text(PAGE)
    target = tmp_path / "prepared"
    first = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1,
                             frame_files=["/app/static/map/map-abc.js"], component=component)
    page = (target / INDEX).read_text()
    assert page == index_with_hints(PAGE, first.hints) and "map-abc.js" in page
    assert brotli.decompress((target / "index.html.br").read_bytes()).decode() == page
    assert gzip.decompress((target / "index.html.gz").read_bytes()).decode() == page
    script = target / "static" / "js" / "index.abc.js"
    written = script.stat().st_mtime_ns
    # A new release of the app's map script: the page names it; the frontend is not copied again.
    second = prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1,
                              frame_files=["/app/static/map/map-def.js"], component=component)
    assert "map-def.js" in (target / INDEX).read_text() and "map-abc.js" not in (target / INDEX).read_text()
    assert second.hints[-1] == ["prefetch", "./app/static/map/map-def.js"] and read_prepared(target) == second
    assert script.stat().st_mtime_ns == written
    # A Streamlit without a page to copy: none is left behind for nginx to send.
    (root.parent / INDEX).unlink()
    assert prepare_frontend(target, frontend=root, python_sources=[app], quality=5, workers=1,
                            frame_files=[], component=component).hints == []
    assert not (target / INDEX).exists() and not (target / "index.html.br").exists()
