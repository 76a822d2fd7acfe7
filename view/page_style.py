"""How the page looks where Streamlit's defaults do not serve a reader: spacing, the heading line, labels."""

from __future__ import annotations

from types import MappingProxyType

from geodata.playback import CUMULATIVE, WINDOW
from view import exercise_list

DOWNLOAD_ROW = "buttons_"
"""Start of the keys of the rows of download buttons (Streamlit gives each the class ``st-key-<key>``)."""

PAGE_CSS = """
/* Map first: Streamlit's 6rem top padding and big title would push the map half below the fold.
   The heading is st.html, not Markdown with HTML (whose renderer, rehype-raw, is 57 KB gzipped a
   phone would fetch first); its negative margin keeps the map as close under it as Markdown did. */
.block-container { padding-top: 3.6rem; padding-bottom: 2rem; }
.da-head { font-size: 0.95rem; line-height: 1.35; margin: 0 0 -0.9rem; }
.da-head b { font-size: 1.15rem; }
.da-version { color: #6b6f7b; font-size: 0.85rem; }
.da-waiting { display: block !important; color: #6b6f7b; font-size: 0.875rem; margin: 0; }  /* view/after_map.py */
@media (max-width: 640px) {
  .block-container { padding-left: 0.6rem; padding-right: 0.6rem; padding-top: 4rem; }
  .da-version { display: none; }
  /* The list under the map is one closed summary line (13 px at 1.35, 10 px padding), drawn by its
     script after the first paint: keep its line so the page under it does not move down. */
  .st-key-%s { min-height: 28px; }
  /* Download buttons two to a line (st.container(horizontal=True) wraps them three and one). */
  [class*="st-key-%s"] > .stElementContainer { flex: 1 1 calc(50%% - 0.5rem); }
}
""" % (exercise_list.KEY, DOWNLOAD_ROW)
"""CSS of the Streamlit page (not the map, whose styles are :data:`layers.basemap.MAP_CSS`)."""

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
"""The map's frame: Streamlit titles a component's iframe with the component's name."""
MAP_SLOT = "map_slot"
"""Key of the container the page's map is drawn in (Streamlit gives it the class ``st-key-map_slot``)."""
PLAYBACK_SLOT = "playback_slot"
"""Key of the container playback's map is drawn in."""


def map_frame_css(height: int, playback_height: int | None = None) -> str:
    """Return CSS that keeps the map's place (``height`` pixels) from the first paint.

    Playback's map (in :data:`PLAYBACK_SLOT`) is ``playback_height`` pixels: shorter, so that on a
    laptop its controls, the month's line and the whole map fit on one screen.

    A component's frame is 0 px high until its script reports its height, so for a few hundred
    milliseconds of every page load the toggle and the timeline under the map stood 430 px higher
    and then jumped down. The page moved under a reader's eyes, and a click in that moment landed on
    whatever came under the pointer: the browser test of playback lost its click about one time in
    twelve that way (measured in Chromium: the toggle's top went 661, 235, 669 px). The frame sits
    at the top of its line: at the baseline, its line box was 7.6 px higher than the frame. The
    frame itself comes only once Streamlit's code for components has arrived, after the elements
    around it are drawn (the note under the map stood 56 px under the map's row, then 565 px), so
    the map's container (:data:`MAP_SLOT`) holds the height too.
    """
    height = int(height)
    css = (f"{MAP_FRAME} {{ vertical-align: top; min-height: {height}px; }}"
           f" .st-key-{MAP_SLOT} {{ min-height: {height}px; }}")
    if playback_height is not None:
        css += f" .st-key-{PLAYBACK_SLOT} {MAP_FRAME} {{ min-height: {int(playback_height)}px; }}"
    return css


PLAY_MODE_LABELS = MappingProxyType({WINDOW: "Active that month", CUMULATIVE: "Everything up to that month"})

