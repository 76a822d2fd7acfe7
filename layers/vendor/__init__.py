"""Leaflet plugins the map uses, copied from their npm packages (see ``refresh.py``).

folium loads Leaflet.draw and leaflet-measure from public CDNs; the app serves these copies
instead, so drawing and measuring work offline like the rest of the map.
"""
