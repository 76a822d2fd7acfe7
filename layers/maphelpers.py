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


class HelperCall(MacroElement):
    """An element whose script is one call of a registered helper (:func:`helper`).

    Subclasses set ``helper_name`` and return the call's arguments from :meth:`arguments`
    (``JsCode`` for names of the page's variables, plain values otherwise). ``served`` (set by
    :func:`serve_helpers`) says the page loads the helpers file: the call then names
    ``daMap.<helper_name>``; otherwise the function is written in front of the call.
    """

    helper_name = ""
    served = False
    _template = Template("{% macro script(this, kwargs) %}{{ this.script_text() }}{% endmacro %}")

    def arguments(self) -> Sequence[object]:
        """Return the call's arguments, in order."""
        return ()

    def script_text(self) -> str:
        """Return the element's script: the call, with the function itself in front unless it is served."""
        function = f"daMap.{self.helper_name}" if self.served else f"({_HELPERS[self.helper_name]})"
        return f"\n{function}({', '.join(js_value(value) for value in self.arguments())});\n"


class _HelpersScript(JSCSSMixin, MacroElement):
    """Load the helpers file with the map's other scripts (streamlit-folium's ``js_links``)."""

    _template = Template("")

    def __init__(self, scripts: list[tuple[str, str]]) -> None:
        super().__init__()
        self._name = "HelpersScript"
        self.default_js = scripts


def serve_helpers(m: MacroElement, scripts: list[tuple[str, str]]) -> None:
    """Make every :class:`HelperCall` of the map call the served helpers, loaded by ``scripts`` (``default_js``).

    ``scripts`` names the helpers file, or nothing where the map's one script holds the helpers
    (:func:`layers.assets.map_script`, :func:`layers.assets.scripts_of`). Call it once the map is
    complete (elements added later write their function themselves).
    """

    def visit(element) -> None:
        if isinstance(element, HelperCall):
            element.served = True
        for child in list(element._children.values()):
            visit(child)

    visit(m)
    _HelpersScript(scripts).add_to(m)
