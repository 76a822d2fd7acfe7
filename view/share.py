"""What the share link carries of the reader's own shapes, and how the page keeps track of the drawings.

The drawings live in the page's session state under two keys. :data:`geodata.query.DRAWN_KEY`
holds every shape on the map now: what the link carries and what is measured under the map.
:data:`DRAWN_ON_MAP_KEY` holds those the map was *built* with (a link's shapes when it was
opened, then the shapes as they were when the map was last rebuilt: a change of view, of the
notice's name, or playback switched). The map is built from the
second, so a new drawing does not change the map's script: streamlit-folium keeps the same map
(no reload, the reader's zoom kept) and the drawing stays where Leaflet.draw put it. When the
view changes the map is rebuilt anyway, with every shape.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from dataclasses import replace

from geodata.query import DRAWN_KEY, ViewState, shapes_in
from geodata.share_token import drawing_from_feature, drawings_from_features, link_token
from geodata.user_shapes import drawing_title, read_drawing

DRAWN_ON_MAP_KEY = "drawn_on_map"
RETURNED = "all_drawings"
"""What the page asks streamlit-folium to return: every drawing on the map, on each change."""


def map_drawings(state: Mapping[str, object]) -> tuple[dict, ...]:
    """Return the drawings to build the map with, as GeoJSON features."""
    return tuple(drawing.feature() for drawing in state.get(DRAWN_ON_MAP_KEY) or ())


def drawn_features(state: Mapping[str, object]) -> tuple[dict, ...]:
    """Return every shape on the map now, as GeoJSON features (what is measured under the map)."""
    return tuple(drawing.feature() for drawing in state.get(DRAWN_KEY) or ())


def take_drawings(state: MutableMapping[str, object], returned: Mapping | None) -> str | None:
    """Keep what the map returned as the drawings; say what a link cannot carry.

    ``returned`` is ``st_folium``'s return value (untrusted). Its ``all_drawings`` is None
    until the reader draws, deletes or clicks on the freshly built map: the drawings are then
    those it was built with, and stay.
    """
    features = returned.get(RETURNED) if isinstance(returned, Mapping) else None
    if not isinstance(features, list):
        return None
    drawings, message = drawings_from_features(features)
    state[DRAWN_KEY] = drawings
    reasons = refusal_reasons(features)
    if reasons:
        message = f"{'; '.join(reasons)}: not measured. {message}"
    return message


def refusal_reasons(features: list, limit: int = 3) -> list[str]:
    """Say why the first ``limit`` drawings a link cannot carry were refused (``Drawn line has longitude…``).

    Such a drawing is never measured either (the page measures what the link carries), so the
    reader is told what was wrong with it rather than only that it was left out.
    """
    reasons: list[str] = []
    for feature in features:
        if len(reasons) >= limit:
            break
        if drawing_from_feature(feature) is None:
            title = drawing_title(feature) if isinstance(feature, Mapping) else "A drawn shape"
            reasons.append(read_drawing(feature, label=title)[1] or f"{title} is not a polygon, line or circle")
    return reasons


def rebuild_with_drawings(state: MutableMapping[str, object]) -> None:
    """Build the next map with every shape drawn so far (the view changed, so the map is rebuilt anyway)."""
    state[DRAWN_ON_MAP_KEY] = state.get(DRAWN_KEY) or ()


def link_view(view: ViewState, state: Mapping[str, object]) -> tuple[ViewState, str | None]:
    """Return the view the address bar holds (with the notice and drawings of the page) and what it leaves out."""
    shapes = shapes_in(state)
    return replace(view, shapes=shapes), link_token(shapes)[1] if shapes else None
