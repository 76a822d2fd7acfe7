"""Python's cyclic garbage collector, set for a server that keeps large shared data for hours.

The collector's defaults suit short scripts, not this server. Under load, whatever the reruns in
flight hold when a young collection runs (the maps and frames being built) survives it, and
after a second one lands in the oldest generation; there only a full collection looks at it,
and a full collection runs once a quarter of that generation is new. Each walks every object the
server keeps (the modules, the data, the shared scenes and charts, the sessions' states: about
half a million), holding the interpreter lock: no session's script runs meanwhile. Under 100
sessions that was 27 full collections in four minutes, 10 s in all, the longest 0.8 s, and the
rerun p95 followed them (bench/README.md, "Full collections").

Two settings, measured there: thresholds that collect the young generation less often and keep
the middle one small (:func:`tune_for_server`), so that far fewer short-lived objects reach the
oldest generation, and what is loaded at start moved out of the collector's sight
(:func:`freeze_loaded_data`), since it lives as long as the server. Reference counting frees
everything it did before; only objects in reference cycles wait longer to be freed.
"""

from __future__ import annotations

import gc

YOUNG_OBJECTS = 20_000
"""Allocations (less deallocations) of container objects between young collections; Python's default is 700."""
YOUNG_PER_MIDDLE = 5
"""Young collections between collections of the middle generation (default 10): it then holds
what five, not ten, young collections left, and takes 50–90 ms rather than 230 ms."""
MIDDLE_PER_FULL = 50
"""Middle collections before a full one may run (default 10); Python also waits until a quarter of
the oldest generation is new since the last full one."""


def tune_for_server() -> None:
    """Set the collector's three thresholds for a server (:data:`YOUNG_OBJECTS` and the two after it)."""
    gc.set_threshold(YOUNG_OBJECTS, YOUNG_PER_MIDDLE, MIDDLE_PER_FULL)


def freeze_loaded_data() -> int:
    """Move every object alive now out of the collector's sight; return how many the collector skips.

    Called once the data is loaded: the modules, the data and what is derived from it are then
    never walked again by a full collection. What was frozen before is first handed back and
    collected, so data replaced by a new version of the files is freed if nothing else holds it.
    Whatever another session's script held at that moment is frozen with it: a few thousand
    objects, once per version of the data.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    return gc.get_freeze_count()
