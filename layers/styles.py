"""Colours and Leaflet path styles of the map's style groups."""

from __future__ import annotations

from types import MappingProxyType

from geodata.filters import APPROXIMATE, REGION_ONLY, precision_class

GROUP_COLOURS = MappingProxyType(
    {
        "naval": "#1f5fa8",
        "air": "#d9822b",
        "ground": "#3b8f3b",
        "combined": "#7b3fa0",
        "several": "#b8336a",
    }
)
"""Fill and outline colour of each style group (see :func:`geodata.filters.domain_group`)."""

ROUTE_SHADE = 0.55
"""Share of each channel a route keeps of its domain colour: routes cross regions filled in that
colour (an air patrol over the seas of air drills), where a line of the fill's own colour vanishes."""


def darker(colour: str, keep: float = ROUTE_SHADE) -> str:
    """Return ``#rrggbb`` with each channel scaled by ``keep`` (0 black, 1 unchanged)."""
    channels = (int(colour[index:index + 2], 16) for index in (1, 3, 5))
    return "#" + "".join(f"{round(channel * keep):02x}" for channel in channels)


ROUTE_COLOURS = MappingProxyType({group: darker(colour) for group, colour in GROUP_COLOURS.items()})
"""Line colour of a route of each domain: its region colour, darker, so it reads on that fill."""

GROUP_LABELS = MappingProxyType(
    {
        "naval": "Naval",
        "air": "Air",
        "ground": "Ground",
        "combined": "Combined",
        "several": "Several domains",
    }
)


def domain_label(domain: object) -> str:
    """Return how the page writes a domain ("Naval", "Several domains"): the legend's, list's and popups' word."""
    return GROUP_LABELS.get(str(domain), str(domain).capitalize())


GROUP_LAYER_NAMES = MappingProxyType(
    {group: ("Drills in several domains" if group == "several" else f"{label} drills")
     for group, label in GROUP_LABELS.items()}
)
"""Names of the region layers in the map's layer control."""

SELECTED_COLOUR = "#ffbf00"
LAND_STYLE = MappingProxyType({"color": "#9a8f7a", "weight": 0.6, "fillColor": "#efe9dc", "fillOpacity": 1.0})
SEA_BACKGROUND = "#c9dbe6"

MIN_FILL_OPACITY = 0.15
MAX_FILL_OPACITY = 0.55


def fill_opacity(count: int, most: int) -> float:
    """Fill opacity for a region holding ``count`` of the shown exercises, ``most`` being the busiest.

    Busier regions are drawn more solid, so the map doubles as a heat map of activity.
    """
    if most <= 1:
        return MAX_FILL_OPACITY
    share = (max(count, 1) - 1) / (most - 1)
    return round(MIN_FILL_OPACITY + share * (MAX_FILL_OPACITY - MIN_FILL_OPACITY), 3)


def region_style(group: str, count: int, most: int, precision: object = None) -> dict[str, object]:
    """Leaflet path options for a region of a style group.

    A region whose place is only approximate gets a dashed outline; one that stands for a whole
    province or country because sources name no site gets a faint dotted outline and no fill.
    """
    colour = GROUP_COLOURS[group]
    style: dict[str, object] = {
        "color": colour,
        "weight": 1.5,
        "fillColor": colour,
        "fillOpacity": fill_opacity(count, most),
    }
    kind = precision_class(precision)
    if kind == APPROXIMATE:
        style["dashArray"] = APPROXIMATE_DASHES
    if kind == REGION_ONLY:
        # No fill and a faint dotted outline: clicks inside fall through to what is really there,
        # and a country-sized shape does not read as a drill area the size of a country.
        style |= {"fill": False, "fillOpacity": 0.0, "weight": 1, "opacity": 0.55, "dashArray": REGION_ONLY_DASHES}
    return style


APPROXIMATE_DASHES = "5 4"
REGION_ONLY_DASHES = "1 5"


def fill_scale(most: int, steps: int = 3) -> list[tuple[str, float]]:
    """Return the legend's fill scale: up to ``steps`` counts from 1 to ``most`` with the opacity each is drawn at."""
    counts = sorted({1, most, *(round(1 + (most - 1) * i / (steps - 1)) for i in range(steps))})
    return [(f"{count:,}", fill_opacity(count, most)) for count in counts if 1 <= count <= most]


def highlight_style(group: str) -> dict[str, object]:
    """Leaflet path options while the pointer is over a region."""
    return {"color": GROUP_COLOURS[group], "weight": 3, "fillOpacity": MAX_FILL_OPACITY + 0.1}
