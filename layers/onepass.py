"""A folium GeoJson layer rendered in one pass, with its bounds computed once.

branca's ``MacroElement.render`` wraps each rendered macro (header, html, script) in
``Element(template=...)``, which compiles that text, the whole GeoJSON included, as a Jinja
template, to render it again with the page. That costs time in proportion to the data (a third
of a rerun at 10,000 polygons) and is why text from the data must never hold live template code
(:func:`layers.popups.escape_html` turns braces into entities). folium also walks every
coordinate in Python for the layer's bounds. :class:`FastGeoJson` adds its macros' text as it
is, rendered only if the page is rendered (``st_folium(..., render=False)`` never does), and
takes its bounds from the caller or from shapely.
"""

from __future__ import annotations

import folium
import numpy as np
import shapely
from branca.element import Element, Figure, MacroElement
from folium.elements import ElementAddToElement
from folium.features import GeoJsonStyleMapper
from folium.utilities import get_obj_in_upper_tree


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
