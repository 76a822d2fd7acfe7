"""Every use of folium, branca and Leaflet internals in Drill Atlas, in one module, pinned.

Seven pieces rely on names the libraries do not promise to keep. Each exists for a measured
reason, and each would go if the upstream change named below landed. Import fails (ImportError)
on any folium, branca or streamlit-folium other than the versions tested here (``TESTED``, the
pins of requirements.in): check the parity tests in tests/unit/test_folium_internals.py, then
update the pins.

:class:`FastGeoJson` (``folium.GeoJson.render``, ``folium.map.Layer.render`` and branca's
``MacroElement.render`` redone; private ``_template.module``, ``_children``, ``_parent``,
``folium.features.GeoJsonStyleMapper``, ``_get_self_bounds``)
    branca's ``MacroElement.render`` wraps each rendered macro (header, html, script) in
    ``Element(template=...)``, which compiles that text, the whole GeoJSON included, as a Jinja
    template, to render it again with the page. That costs time in proportion to the data (a
    third of a rerun at 10,000 polygons) and is why text from the data must never hold live
    template code (:func:`layers.popups.escape_html` turns braces into entities). folium also
    walks every coordinate in Python for the layer's bounds. :class:`FastGeoJson` adds its
    macros' text as it is, rendered only if the page is rendered (``st_folium(...,
    render=False)`` never does), and takes its bounds from the caller or from shapely. "Cheap map
    rendering" in README.md "Performance" lists it among what makes the figures there (rerun
    after a filter change 69 ms median on the bundled data, 0.72 s at 10,000 polygons; tables in
    bench/README.md "Results"). Measured again for this module (2026-12-02, 2-core machine,
    1,000 synthetic polygons, ``dashboard_map`` built and put through streamlit-folium's
    ``st_folium`` string generation): 0.16 s with :class:`FastGeoJson`, 0.35 s with plain
    ``folium.GeoJson`` and the same output, so the public class does not do the job at the
    measured speed. Upstream: none. A search of GitHub issue threads (folium GeoJson render
    performance, branca MacroElement render, Jinja compile) found no folium or branca issue or PR
    asking for a one-pass render or for bounds without a Python walk. The nearest is
    https://github.com/python-visualization/folium/issues/1746 ("Generating map to html takes
    ages", 5,000 polygons, closed), where the maintainers answer that there are no plans to
    work on folium performance; https://github.com/python-visualization/folium/pull/2281 (open)
    changes ``GeoJson.get_bounds`` for GeometryCollections, not its speed.

:func:`compiled_once` (replaces the name ``Template`` in ``branca.element``)
    branca's ``MacroElement.render`` wraps each rendered macro of every element (the map, its
    panes, layer control, plugins, ours) in ``Element(template=text)``, and ``Element.__init__``
    compiles that text as a Jinja template: about 44 compiles, 10–15 ms of each rerun on the
    bundled data (2026-12-03, cProfile of 16 reruns: ``builtins.compile`` was the largest single
    cost). With stable ids (below) those texts are the same from one rerun to the next, so
    ``branca.element`` is given a compile that keeps the last :data:`COMPILED_KEPT` templates
    of at most :data:`COMPILED_MAX_CHARS` characters (longer ones, which carry data, are
    compiled as before). A Jinja template is safe to render from several threads at once. Most
    texts hold no Jinja syntax at all (every one of the 51 of the landing map): those are not
    compiled but kept as text (:class:`PlainText`, rendered as Jinja renders plain text). With
    each new view about 8 of them were new, 3 ms of compiling a rerun (20 year ranges, the
    bundled data, 2026-12-03); now none is compiled. Same
    upstream situation as :class:`FastGeoJson`: no issue or PR about the cost was found; a
    branca that rendered macro text without compiling it again would make both unnecessary.

:func:`stable_ids` (writes the private ``element._id``)
    folium names elements with random ids; the map is built afresh on every rerun. streamlit-
    folium keys and redraws its frame from the generated script, so the same map must give the
    same script, or it remounts (blinks, loses the user's pan and zoom); playback relies on it
    (app.py ``render_playback``). streamlit-folium already rewrites ids in the script it sends
    (``generate_leaflet_string``, from
    https://github.com/randyzwitch/streamlit-folium/pull/100 "Standardize ids that get assigned
    to force unnecessary rerunning", merged), and it too does so by writing ``_id``. Checked for
    this module (2026-12-02): with :func:`stable_ids` left out, ``st_folium`` still sends the same
    script for two builds of the same map and the playback browser test still sees no remount,
    so on the ``st_folium`` path the public function does the job. It is kept for the whole page
    (``m.get_root().render()``, which :func:`layers.standalone.standalone_html` downloads): only
    with it do two builds give the same bytes (tests/unit/test_layers.py
    ``test_the_same_map_renders_the_same_script`` fails without it). Upstream: none. No folium
    issue or PR offering a public way to set element ids, or a seed for them, turned up
    (searched GitHub issues for deterministic / reproducible folium element ids).

:func:`map_frame_arguments` and :func:`show_map_frame` (streamlit-folium's private ``_get_html``,
``_get_header``, ``_get_map_string``, ``get_full_id``, ``generate_js_hash`` and ``_component_func``)
    ``st_folium`` turns the folium map into the frame's script, header and links on every call:
    building the map and that string work were a quarter of the server's CPU under ten sessions
    (py-spy, 2026-12-04: ``dashboard_map_of`` 10.5%, ``st_folium`` 14.4% of all samples), the
    same work for every session that shows the same view. :func:`map_frame_arguments` returns
    exactly what ``st_folium(m, key=..., returned_objects=..., render=False,
    use_container_width=True)`` gives its component (a parity test compares them on the app's
    map), so app.py keeps it once per view for every session, and :func:`show_map_frame` gives it
    to the component. Only app.py imports streamlit-folium: it passes the module in. Upstream:
    https://github.com/randyzwitch/streamlit-folium/issues — no issue or PR offers a public way to
    render a map's frame once and show it again (``render=False`` skips only the page's render;
    the script is generated anew).

:func:`script_rewritten` (reads another element class's private ``_template`` and its macros)
    The draw, measure and picture tools are not needed to draw the map, and their plugins were half
    of the map's one script (53 of 100 KB compressed); a served map loads them after its outlines
    (:func:`layers.maphelpers.after_tools`), so each tool's script must wait for them. folium
    writes an element's script from its class's ``_template`` macros (``header``, ``html``,
    ``script``, rendered by branca's ``MacroElement.render``); :func:`script_rewritten` makes a
    subclass that writes the same header and HTML and passes the script through a function. A
    parity test renders ``Draw`` and ``MeasureControl`` through it unchanged. Measured on the
    emulated phone through nginx: 10.3-10.6 s against 10.6-10.7 s to the landing map's outlines
    (bench/README.md, "The tools after the map"). Upstream: none. No folium issue or PR asking
    to defer a plugin's script or load plugins after the map turned up (searched GitHub issues
    for lazy or deferred folium plugin scripts).

``window.drawnItems`` (streamlit-folium's name for the draw tool's layer; :func:`layers.tools.drawings_layer`)
    streamlit-folium returns ``all_drawings`` from ``window.drawnItems``, which its Python makes
    of folium's ``drawnItems_<draw control>`` by a regular expression, and reads it in a
    ``draw:created`` handler it adds once the map's script has run. With the draw tool's script
    waiting for the tools, the reader's drawings are a layer of the map's first script that is
    ``window.drawnItems`` from the start and takes each new shape before that handler runs
    (``Draw(feature_group=...)``, folium's public parameter, makes the draw tool use it).
    Upstream: https://github.com/randyzwitch/streamlit-folium/issues/129 ("Programmatically
    adjusting Draw layer on map", open) shows the same use of a feature group for the draw tool;
    no public way to name the layer ``all_drawings`` reads was found.

:data:`KEYBOARD_FOCUS_WITHOUT_SCROLL_JS` (replaces Leaflet's private ``Map.Keyboard._onMouseDown``)
    Leaflet's keyboard handler focuses the map container on its first mousedown; in an iframe
    that focus scrolls the Streamlit page between the press and the release of the button, so
    the click lands elsewhere and no popup opens. The replacement focuses with
    ``{preventScroll: true}``. Upstream: https://github.com/Leaflet/Leaflet/issues/5392
    ("Leaflet map in iframe: page scrolls down to bottom on first click on map", open), where a
    maintainer suggests "preventing the browser from scrolling when the map is focused";
    https://github.com/Leaflet/Leaflet/pull/6157 (removing that focus) was closed unmerged. A
    Leaflet release that focuses with ``preventScroll`` would make this unnecessary.
"""


from __future__ import annotations

import copy
from functools import lru_cache
from importlib import metadata

import branca.element
import folium
import numpy as np
import shapely
from branca.element import Element, Figure, MacroElement
from folium.elements import ElementAddToElement
from folium.features import GeoJsonStyleMapper
from folium.utilities import get_obj_in_upper_tree
from jinja2 import Template

TESTED = {"folium": "0.20.0", "branca": "0.8.2", "streamlit-folium": "0.27.4"}
"""The versions this module was tested with: the pins of requirements.in."""


def check_versions(installed=metadata.version) -> None:
    """Raise ImportError unless folium, branca and streamlit-folium are the ``TESTED`` versions.

    streamlit-folium is read from its metadata, never imported (only app.py imports it).
    """
    for name, tested in TESTED.items():
        try:
            found = installed(name)
        except metadata.PackageNotFoundError:
            found = "not installed"
        if found != tested:
            raise ImportError(
                f"layers.folium_internals was tested with {name}=={tested} (requirements.in); this environment"
                f" has {name} {found}: check the parity tests in tests/unit/test_folium_internals.py, then update"
                " the pin"
            )


check_versions()


COMPILED_KEPT = 256
"""How many compiled macro texts :func:`compiled_once` keeps (about 44 are rendered per map)."""
COMPILED_MAX_CHARS = 8_000
"""Texts longer than this carry data (a GeoJSON, a popup list) and are compiled each time, not kept."""


JINJA_MARKS = ("{{", "{%", "{#")
"""What starts Jinja syntax (variable, statement, comment) with the default delimiters branca uses."""


class PlainText:
    r"""A template with no Jinja syntax in it: it renders to its text as Jinja renders such a template.

    Jinja turns every ``\r\n`` and ``\r`` of a template's text into ``\n`` and drops one
    trailing newline (``keep_trailing_newline`` is off); nothing else changes plain text. A
    property test compares the two on hostile texts.
    """

    def __init__(self, source: str):
        text = source.replace("\r\n", "\n").replace("\r", "\n")
        self.text = text[:-1] if text.endswith("\n") else text

    def render(self, *args, **kwargs) -> str:
        """Return the text (``Element.render`` passes the element and its arguments, which plain text ignores)."""
        return self.text


@lru_cache(maxsize=COMPILED_KEPT)
def _kept_template(source: str) -> Template:
    return Template(source)


def compiled_once(source: str) -> Template | PlainText:
    """Return ``jinja2.Template(source)``, compiled once for a short text seen before (see the module docstring).

    A text with no Jinja syntax (:data:`JINJA_MARKS`), which is what most rendered macro texts
    are, is not compiled at all (:class:`PlainText`).
    """
    if not any(mark in source for mark in JINJA_MARKS):
        return PlainText(source)
    return _kept_template(source) if len(source) <= COMPILED_MAX_CHARS else Template(source)


branca.element.Template = compiled_once


class _Macro(Element):
    """One macro of an element, rendered when the page is, its text used as it is (never compiled again).

    Rendering late also means not rendering at all when nobody renders the page:
    ``st_folium(..., render=False)`` builds its script by calling the macros itself.
    """

    def __init__(self, element: MacroElement, macro, kwargs: dict):
        super().__init__()
        self._element, self._macro, self._kwargs = element, macro, kwargs

    def render(self, **kwargs) -> str:
        """Return the macro's text, rendered now."""
        return str(self._macro(self._element, self._kwargs))


def _add_macros_once(element: MacroElement, kwargs: dict) -> None:
    """Do what branca's ``MacroElement.render`` does, with each macro's text used as it is."""
    figure = element.get_root()
    if not isinstance(figure, Figure):
        raise TypeError(f"{type(element).__name__} can only be rendered inside a Figure (add it to a map first)")
    for part, target in (("header", figure.header), ("html", figure.html), ("script", figure.script)):
        macro = element._template.module.__dict__.get(part)
        if macro is not None:
            target.add_child(_Macro(element, macro, kwargs), name=element.get_name())
    for child in element._children.values():
        child.render(**kwargs)


def geojson_bounds(data: dict) -> list[list[float | None]]:
    """Return ``[[south, west], [north, east]]`` of a FeatureCollection, computed by shapely."""
    geometries = [shapely.geometry.shape(f["geometry"]) for f in data["features"] if f.get("geometry")]
    if not geometries:
        return [[None, None], [None, None]]
    west, south, east, north = shapely.total_bounds(np.array(geometries, dtype=object))
    return [[float(south), float(west)], [float(north), float(east)]]


class FastGeoJson(folium.GeoJson):
    """``folium.GeoJson`` rendered in one pass, with its bounds computed once by shapely.

    Same options and same page output as :class:`folium.GeoJson` (a unit test compares them);
    folium walks every coordinate in Python for the bounds, on every render.

    Parameters
    ----------
    data : dict
        A GeoJSON FeatureCollection (EPSG:4326).
    bounds : list, optional
        ``[[south, west], [north, east]]`` of the data when the caller knows it already
        (from a GeoDataFrame's ``total_bounds``); computed from ``data`` otherwise.
    **kwargs
        Options of :class:`folium.GeoJson`. Style values must be plain values: folium's
        element-valued styles rely on the second pass this class removes.
    """

    def __init__(self, data: dict, bounds: list[list[float]] | None = None, **kwargs):
        super().__init__(data, **kwargs)
        self._bounds = bounds or geojson_bounds(self.data)

    def _get_self_bounds(self) -> list[list[float | None]]:
        return self._bounds

    def render(self, **kwargs) -> None:
        """Do what folium.GeoJson.render does, with the macros rendered once (see the module docstring)."""
        if self.includes:
            raise ValueError("FastGeoJson does not render class includes")
        # folium.GeoJson.render: the style maps...
        self.parent_map = get_obj_in_upper_tree(self, folium.Map)
        if (self.style or self.highlight) and self.data["features"]:
            mapper = GeoJsonStyleMapper(self.data, self.feature_identifier, self)
            if self.style:
                self.style_map = mapper.get_style_map(self.style_function)
            if self.highlight:
                self.highlight_map = mapper.get_highlight_map(self.highlight_function)
        # ...folium.map.Layer.render: add the layer to its parent...
        if self.show:
            self.add_child(
                ElementAddToElement(element_name=self.get_name(), element_parent_name=self._parent.get_name()),
                name=self.get_name() + "_add",
            )
        # ...and branca's MacroElement.render, once.
        _add_macros_once(self, kwargs)


def stable_ids(m: folium.Map) -> None:
    """Give every element of the map an id that depends only on its place in the map.

    folium names elements with random ids, so two builds of the same map give different
    scripts, and streamlit-folium, which keys its frame on the script, remounts the map on every
    rerun: the map blinks and loses the user's pan and zoom even when nothing on it changed. With
    ids from the element's position, the same map gives the same script.
    """
    counter = 0

    def visit(element) -> None:
        nonlocal counter
        element._id = f"{counter:08x}"
        counter += 1
        for child in list(element._children.values()):
            visit(child)

    visit(m.get_root())


KEYBOARD_FOCUS_WITHOUT_SCROLL_JS = """
            (function (map) {
                var keyboard = map.keyboard;
                if (!keyboard || !keyboard.enabled()) { return; }
                keyboard.disable();
                keyboard._onMouseDown = function () {
                    if (!this._focused) { this._map.getContainer().focus({preventScroll: true}); }
                };
                keyboard.enable();
            })"""
"""A JavaScript function of a Leaflet map: its keyboard handler focuses it without scrolling the page.

Call it on the map, ``KEYBOARD_FOCUS_WITHOUT_SCROLL_JS + "(map);"``. Leaflet's keyboard handler
focuses the map on its first mousedown; in an iframe that focus scrolls the page under the
pointer (see the module docstring). The handler is disabled, its ``_onMouseDown`` replaced and
enabled again, so the new listener is the one bound.
"""


def script_rewritten(base: type[MacroElement], rewrite) -> type[MacroElement]:
    """Return a subclass of ``base`` writing ``base``'s header and HTML and ``rewrite(element, script)`` as its script.

    See the module docstring.
    """
    macros = base._template.module.__dict__
    kept = [name for name in ("header", "html") if name in macros]
    source = "".join(f"{{% macro {name}(this, kwargs) %}}{{{{ this.base_macro({name!r}, kwargs) }}}}{{% endmacro %}}"
                     for name in kept)
    source += "{% macro script(this, kwargs) %}{{ this.rewritten_script(kwargs) }}{% endmacro %}"

    class Rewritten(base):
        _template = Template(source)

        def base_macro(self, name: str, kwargs: dict) -> str:
            return str(getattr(base._template.module, name)(self, kwargs))

        def rewritten_script(self, kwargs: dict) -> str:
            return rewrite(self, self.base_macro("script", kwargs))

    return Rewritten


def frame_links(folium_map: folium.Map) -> tuple[list[str], list[str]]:
    """Return the CSS and JS links of the map's elements, deduplicated in order, as ``st_folium`` collects them."""
    css, js = [], []

    def walk(element):
        if isinstance(element, folium.elements.JSCSSMixin):
            css.extend(href for _, href in getattr(element, "default_css", []))
            js.extend(src for _, src in getattr(element, "default_js", []))
        for child in getattr(element, "_children", {}).values():
            walk(child)

    walk(folium_map)
    return list(dict.fromkeys(css)), list(dict.fromkeys(js))


def map_frame_arguments(streamlit_folium, folium_map: folium.Map, *, key: str, height: int,
                        returned_objects: list[str]) -> dict:
    """Return what ``st_folium`` gives its frontend component for ``folium_map`` (see the module docstring).

    As app.py calls it: ``st_folium(folium_map, key=key, height=height, returned_objects=returned_objects,
    render=False, use_container_width=True)``. The map must hold no ``branca`` colour map (st_folium
    adds d3 links for those; Drill Atlas draws none). ``streamlit_folium`` is the module, passed in
    by app.py (the only module that imports it). The result is plain data (strings, numbers,
    lists, dicts), safe to share between sessions: nobody changes it.
    """
    folium_map.render()
    html = streamlit_folium._get_html(folium_map)
    header = streamlit_folium._get_header(folium_map)
    script = streamlit_folium._get_map_string(folium_map)
    (south, west), (north, east) = folium_map.get_bounds()
    defaults = {
        "last_clicked": None, "last_object_clicked": None, "last_object_clicked_count": None,
        "last_object_clicked_tooltip": None, "last_object_clicked_popup": None, "all_drawings": None,
        "last_active_drawing": None,
        "bounds": {"_southWest": {"lat": south, "lng": west}, "_northEast": {"lat": north, "lng": east}},
        "zoom": folium_map.options.get("zoom"), "last_circle_radius": None, "last_circle_polygon": None,
        "selected_layers": None, "selected_tags": None, "last_geocoder_result": None,
    }
    css_links, js_links = frame_links(folium_map)
    return {
        "script": script, "header": header, "html": html, "id": streamlit_folium.get_full_id(folium_map),
        "key": streamlit_folium.generate_js_hash(script, key, False), "height": height, "width": None,
        "returned_objects": returned_objects, "default": {k: v for k, v in defaults.items() if k in returned_objects},
        "zoom": None, "center": None, "feature_group": None, "return_on_hover": False, "layer_control": None,
        "pixelated": False, "css_links": css_links, "js_links": js_links, "wrap_longitude": False,
    }


def show_map_frame(streamlit_folium, arguments: dict):
    """Show the map frame :func:`map_frame_arguments` described; return what the frame returned, as ``st_folium`` does.

    The frame's default value goes as a copy: Streamlit returns it until the reader interacts,
    and the arguments are shared by every session.
    """
    return streamlit_folium._component_func(**arguments | {"default": copy.deepcopy(arguments["default"])})
