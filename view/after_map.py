"""The rest of the page waits for the map: a session's first run draws the map, the rest once it is drawn.

A first page is one browser thread's work: Streamlit's frontend, the map's frame with Leaflet and
its outlines, and every other element. Drawn together, the sidebar's widgets (about 0.6 s of that
thread on a laptop), the record under the map and Streamlit's chart code (Vega, ``embed.js``:
303 KB compressed) come before the outlines, and on a slow phone they take its bandwidth too
(``bench/phone.py``). So a session's first run (``app.py``) draws the heading, the map and the
list beside it, a line where the rest goes (:data:`WAITING_NOTE`, :data:`SIDEBAR_NOTE`) and a
small component (``st.components.v2``, in the page, no frame of its own) that watches the map's
frame; once the frame has drawn its outlines, or shows an empty map for :data:`EMPTY_MAP_MS`, it
sends the trigger :data:`DRAWN` and the page runs again with its filters, tools, record, charts
and downloads (the map's frame is the same and is not drawn again). The session remembers it
(:data:`READY`): later runs draw everything at once.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, MutableMapping
from pathlib import Path

NAME = "drill_atlas.after_map"
"""The component's name (unique in the app)."""
KEY = "after_map"
"""Its widget key."""
DRAWN = "drawn"
"""The trigger it sends once the map is drawn."""
READY = "map_drawn"
"""Session state key: True once this session's map has been drawn (its runs then draw the whole page)."""
EMPTY_MAP_MS = 3_000
"""How long a drawn map without any outline (a view of nothing) is waited for."""
GIVE_UP_MS = 45_000
"""Longest wait from the component's start: a map that never draws does not hide the rest of the page.

A slow phone (4× CPU, 1.6 Mbps) drew the outlines in 13.5 s through nginx and 25.6 s straight from
Streamlit in the run of 2026-12-04 (``bench/phone.py``), hence this long."""
WAITING_NOTE = "The timeline, table and downloads come once the map is drawn."
WAITING_HTML = f'<p class="da-waiting" style="display: none">{html.escape(WAITING_NOTE)}</p>'
"""The note under the map, as ``st.html``: hidden (inline) until the page's CSS shows it (``view.page_style``),
the CSS that holds the map's place. As a caption it stood for a moment where the map was about to be
(56 px under the map's row, then 576), since the map's frame and the CSS come a moment later."""
SIDEBAR_NOTE = "The filters come once the map is drawn."
SCRIPT = (Path(__file__).with_suffix(".js")).read_text(encoding="utf-8")


def watch_data() -> dict[str, int]:
    """Return the component's data: how long it waits (:data:`EMPTY_MAP_MS`, :data:`GIVE_UP_MS`)."""
    return {"empty_map_ms": EMPTY_MAP_MS, "give_up_ms": GIVE_UP_MS}


def map_drawn(state: Mapping) -> bool:
    """Whether the session's map has been drawn: its page may send everything, not just the map."""
    return bool(state.get(READY))


def mark_drawn(state: MutableMapping) -> None:
    """Remember that this session's map has been drawn (the component's ``on_drawn_change``)."""
    state[READY] = True
