"""The floor of any Streamlit page: ``streamlit run bench/bare_app.py`` (one line of text, no map).

What Streamlit costs a reader before a page shows anything at all: its frontend, the session's
WebSocket and one script run that writes one line. The phone (:mod:`bench.phone`) times it beside
the floor app (an empty map, ``bench/floor_app.py``) and the app: the gap between this page and the
floor app is what streamlit-folium's frame and Leaflet cost, and this page alone tells whether a
target for the whole app is within reach of any Streamlit page.
"""

from __future__ import annotations

import streamlit as st

BARE_TEXT = "Drill Atlas, the bare page"
"""The line the page writes; the phone waits for it (``bench.phone.BARE_LINE``)."""

st.set_page_config(page_title="Drill Atlas bare page", layout="wide")
st.markdown(BARE_TEXT)
