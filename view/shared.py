"""Map frames shared by every session that shows the same view, kept within a memory budget.

The map frame of a view with nothing of a reader's own on it (what ``st_folium`` sends: the map's
script, header and links, :func:`layers.folium_internals.map_frame_arguments`) depends only on
the data and the view, so sessions that show the same view (the landing page, a shared link, a
year range another reader chose) can share one instead of each building the map and its script
again. A frame is 100–250 KB on the bundled data but about 9 MB at 10,000 polygons, so a count of
entries (``st.cache_resource(max_entries=...)``) would not bound the memory: the frames are kept
by size, least recently used first out (cachetools' ``LRUCache`` with ``getsizeof``).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Hashable

from cachetools import LRUCache

MAP_FRAMES_CHARS = 64 * 2**20
"""The characters of script, header and HTML the shared frames keep at most (a Python string of
ASCII text takes about one byte a character; the scripts are ASCII but for place names): a map of
every year range of the bundled data (253 frames, 28 M characters) with room to grow, or seven maps of 10,000
polygons."""
FRAME_PARTS = ("script", "header", "html")


def frame_chars(frame: dict) -> int:
    """Return the size of a map frame: the characters of its script, header and HTML."""
    return sum(len(frame[part]) for part in FRAME_PARTS)


class SharedFrames:
    """Map frames by view, shared by every session of the server, least recently used dropped first.

    Parameters
    ----------
    max_chars : int
        What the frames may hold together (:func:`frame_chars`). A frame larger than that is
        returned but not kept.
    """

    def __init__(self, max_chars: int = MAP_FRAMES_CHARS):
        self._frames = LRUCache(max_chars, getsizeof=frame_chars)
        self._lock = threading.Lock()  # sessions run their scripts in threads of one process

    def get(self, key: Hashable, build: Callable[[], dict]) -> dict:
        """Return the frame kept for ``key``, or build it with ``build()``, keep it and return it.

        Two sessions that miss the same view at once each build it (the same frame); the build
        runs outside the lock, so one slow build never holds up the other sessions' hits.
        """
        with self._lock:
            frame = self._frames.get(key)
        if frame is None:
            frame = build()
            with self._lock, contextlib.suppress(ValueError):  # cachetools: larger than the whole budget
                self._frames[key] = frame
        return frame

    def clear(self) -> None:
        """Drop every kept frame (the tests start each from none)."""
        with self._lock:
            self._frames.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._frames)

    @property
    def chars(self) -> int:
        """The characters the kept frames hold together."""
        with self._lock:
            return int(self._frames.currsize)


MAP_FRAMES = SharedFrames()
"""The server's shared frames: a module's objects live as long as the process (app.py is run anew on each rerun)."""
