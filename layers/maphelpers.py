"""The map's constant JavaScript, served once as a cached static file instead of in every map.

Several elements of the dashboard map run the same function on every rerun, called with a few
values (the map, a caption, the bounds of the view). Written into each map, that code is a
fifth of a map's script, sent again on every filter change. Each such function is registered
here once (:func:`helper`), by name. An element of :class:`HelperCall` writes just the call,
``daMap.<name>(values);``, when the page loads the helpers file (:func:`helpers_script`, published
by :func:`layers.assets.publish_static_assets` under a content-hashed name, loaded like the
Leaflet plugins); otherwise (a map saved to one file, a map built without served assets) it
writes the function itself followed by the call. The code that runs is the same either way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence

from branca.element import MacroElement
from folium.elements import JSCSSMixin
from folium.utilities import JsCode
from jinja2 import Template
from jinja2.utils import htmlsafe_json_dumps

from layers.folium_internals import script_rewritten

HELPERS_FOLDER = "drill-atlas"
"""Folder of the helpers file below Streamlit's static folder."""
_HELPERS: dict[str, str] = {}


def helper(name: str, js: str) -> str:
    """Register ``js``, a JavaScript function expression, as the helper ``name``; return ``name``.

    Call at import time, once per name (a module imported twice registers the same code).
    """
    if not name.isidentifier():
        raise ValueError(f"helper name {name!r} is not a JavaScript identifier")
    if _HELPERS.get(name, js) != js:
        raise ValueError(f"helper {name!r} is already registered with other code")
    _HELPERS[name] = js
    return name


def _registered() -> dict[str, str]:
    """Every helper, with every module that registers one imported."""
    import layers.compose  # noqa: F401  (imports each module that registers a helper)

    return dict(sorted(_HELPERS.items()))


def helpers_script() -> bytes:
    """Return the helpers file: every registered function as ``window.daMap.<name>``."""
    lines = ["window.daMap = window.daMap || {};"]
    lines += [f"window.daMap.{name} = {js};" for name, js in _registered().items()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def helpers_path() -> str:
    """Path of the helpers file below the static folder; its name carries a digest of its content."""
    return f"{HELPERS_FOLDER}/map-{hashlib.sha256(helpers_script()).hexdigest()[:12]}.js"


def js_value(value: object) -> str:
    """Return a value as JavaScript: JsCode as it is, anything else as JSON safe inside HTML (as ``tojson``)."""
    if isinstance(value, JsCode):
        return value.js_code
    return str(htmlsafe_json_dumps(value, dumps=json.dumps, sort_keys=True))


def helper_call(name: str, arguments: Sequence[object], served: bool) -> str:
    """Return a call of the helper ``name``: ``daMap.<name>(...)`` where ``served``, else the function, called."""
    function = f"daMap.{name}" if served else f"({_HELPERS[name]})"
    return f"\n{function}({', '.join(js_value(value) for value in arguments)});\n"


class CallsHelpers:
    """A map element whose script calls helpers.

    ``served`` (set by :func:`serve_helpers`) says the page loads the helpers file.
    """

    served = False


class HelperCall(CallsHelpers, MacroElement):
    """An element whose script is one call of a registered helper (:func:`helper`).

    Subclasses set ``helper_name`` and return the call's arguments from :meth:`arguments`
    (``JsCode`` for names of the page's variables, plain values otherwise). ``served`` (set by
    :func:`serve_helpers`) says the page loads the helpers file: the call then names
    ``daMap.<helper_name>``; otherwise the function is written in front of the call.
    """

    helper_name = ""
    _template = Template("{% macro script(this, kwargs) %}{{ this.script_text() }}{% endmacro %}")

    def arguments(self) -> Sequence[object]:
        """Return the call's arguments, in order."""
        return ()

    def script_text(self) -> str:
        """Return the element's script: the call, with the function itself in front unless it is served."""
        return helper_call(self.helper_name, self.arguments(), self.served)


class _HelpersScript(JSCSSMixin, MacroElement):
    """Load the helpers file with the map's other scripts (streamlit-folium's ``js_links``)."""

    _template = Template("")

    def __init__(self, scripts: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "HelpersScript"
        self.default_js = scripts


def serve_helpers(m: MacroElement, scripts: list[tuple[str, str]]) -> None:
    """Make the map's elements that call helpers (:class:`CallsHelpers`) call the served file, loaded by ``scripts``.

    ``scripts`` names the helpers file, or nothing where the map's one script holds the helpers
    (:func:`layers.assets.map_script`, :func:`layers.assets.scripts_of`). Call it once the map is
    complete (elements added later write their function themselves).
    """

    def visit(element) -> None:
        if isinstance(element, CallsHelpers):
            element.served = True
        for child in list(element._children.values()):
            visit(child)

    visit(m)
    _HelpersScript(scripts).add_to(m)


AFTER_TOOLS_JS = """function (url, code) {
                var tools = window.daTools || (window.daTools = {queue: [], state: "idle"});
                function run(text) {
                    var script = document.createElement("script");
                    script.text = text;
                    document.head.appendChild(script);
                }
                if (tools.state === "loaded") { run(code); return; }
                tools.queue.push(code);
                if (tools.state !== "idle") { return; }
                tools.state = "waiting";
                function load() {
                    var script = document.createElement("script");
                    script.src = url;
                    script.onload = function () {
                        tools.state = "loaded";
                        tools.queue.splice(0).forEach(run);
                    };
                    script.onerror = function () {
                        tools.state = "failed";
                        console.warn("Drill Atlas: the map's tools could not be loaded from " + url);
                    };
                    document.head.appendChild(script);
                }
                requestAnimationFrame(function () { setTimeout(load, 0); });
            }"""
"""Run a tool's script (``code``) once the tools' file (``url``) has loaded; start loading it after the next paint.

Each script runs as a script element of its own, as the map's script does, so its top-level
``var`` names are the page's (streamlit-folium reads ``window.drawnItems``), in the order given."""
AFTER_TOOLS = helper("afterTools", AFTER_TOOLS_JS)


def _after_tools_script(element, script: str) -> str:
    if element.tools_url is None:
        return script
    return helper_call(AFTER_TOOLS, (element.tools_url, script), element.served)


def after_tools(base: type[MacroElement]) -> type[MacroElement]:
    """Return a subclass of the map element ``base`` whose script waits for the tools' file, where the map loads one.

    The draw, measure and picture plugins are not needed to draw the map; a served map loads them
    as one file (:func:`layers.assets.tools_script`) after its outlines are painted. Their
    elements' scripts (``new L.Control.Draw(...)`` and the like) then run once that file has
    loaded: an instance with ``tools_url`` set writes its script as a string handed to the helper
    :data:`AFTER_TOOLS`. Without ``tools_url`` (a map that loads each plugin itself) it writes
    it as ``base`` does. ``base``'s header and HTML are written as ``base`` writes them
    (:func:`layers.folium_internals.script_rewritten`).
    """
    name = f"{base.__name__}AfterTools"
    return type(name, (script_rewritten(base, _after_tools_script), CallsHelpers),
                {"tools_url": None, "__qualname__": name, "__module__": base.__module__})
