"""The charts wait for the map: a page's first charts are sent once its map has drawn its outlines.

Streamlit's chart code (Vega, ``embed.js``: 303 KB compressed, and its helpers) is fetched when a
chart first appears in the page. On a first page that is at the same time as the map's HTML/JS,
Leaflet and its plugins, and on a slow phone it takes their bandwidth and CPU: the outlines come
seconds later (``bench/phone.py``). So a session's first run shows a line where the charts go and a
small component (``st.components.v2``, in the page, no frame of its own) that watches the map's
frame; once the frame has drawn its outlines, or shows an empty map for :data:`EMPTY_MAP_MS`, it
sends the trigger :data:`DRAWN` and the charts' fragment (``app.py`` ``render_timeline``) reruns
with the charts; the map, the list and the download buttons are not built again. The session
remembers it (:data:`READY`): later views draw their charts at once.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping
from pathlib import Path

NAME = "drill_atlas.after_map"
"""The component's name (unique in the app)."""
KEY = "after_map"
"""Its widget key."""
DRAWN = "drawn"
"""The trigger it sends once the map is drawn."""
READY = "charts_ready"
"""Session state key: True once this session's map has been drawn (its charts then draw at once)."""
EMPTY_MAP_MS = 3_000
"""How long a drawn map without any outline (a view of nothing) is waited for."""
GIVE_UP_MS = 45_000
"""Longest wait from the component's start: a map that never draws does not hide the charts."""
WAITING_NOTE = "The timeline is drawn once the map is."
SCRIPT = (Path(__file__).with_suffix(".js")).read_text(encoding="utf-8")


def watch_data() -> dict[str, int]:
    """Return the component's data: how long it waits (:data:`EMPTY_MAP_MS`, :data:`GIVE_UP_MS`)."""
    return {"empty_map_ms": EMPTY_MAP_MS, "give_up_ms": GIVE_UP_MS}


def charts_ready(state: Mapping) -> bool:
    """Whether the page may send its charts: the session's map has been drawn."""
    return bool(state.get(READY))


def mark_drawn(state: MutableMapping) -> None:
    """Remember that this session's map has been drawn (the component's ``on_drawn_change``)."""
    state[READY] = True
