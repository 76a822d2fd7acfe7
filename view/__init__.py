"""What a view shows, and the files made from it: the layer between the URL or widgets and every renderer.

It sits above :mod:`geodata` (data, validation, filters, the URL codec) and :mod:`layers` (Folium
objects and charts): ``app.py``, the export command (``python -m view.export``) and the offline map
page all come through here, so a link and a command with the same values give the same files.
The import rule, checked by ``ruff check`` (``geodata/ruff.toml``, ``layers/ruff.toml``,
``view/ruff.toml``): ``geodata`` imports nothing of ours, ``layers`` imports only ``geodata``, and
``view`` imports ``geodata`` and ``layers``; only ``app.py`` imports Streamlit.
"""
