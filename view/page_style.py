"""How the page looks where Streamlit's defaults do not serve a reader: spacing, the heading line, labels."""

from __future__ import annotations

from types import MappingProxyType

from geodata.playback import CUMULATIVE, WINDOW

PAGE_CSS = """
/* Map first: Streamlit's 6rem top padding and big title would push the map half below the fold.
   The heading is st.html, not Markdown with HTML (whose renderer, rehype-raw, is 57 KB gzipped a
   phone would fetch first); its negative margin keeps the map as close under it as Markdown did. */
.block-container { padding-top: 3.6rem; padding-bottom: 2rem; }
.da-head { font-size: 0.95rem; line-height: 1.35; margin: 0 0 -0.9rem; }
.da-head b { font-size: 1.15rem; }
.da-version { color: #6b6f7b; font-size: 0.85rem; }
@media (max-width: 640px) {
  .block-container { padding-left: 0.6rem; padding-right: 0.6rem; padding-top: 4rem; }
  .da-version { display: none; }
}
"""
"""CSS of the Streamlit page (not the map, whose styles are :data:`layers.basemap.MAP_CSS`)."""

PLAY_MODE_LABELS = MappingProxyType({WINDOW: "Active that month", CUMULATIVE: "Everything up to that month"})

