"""The garbage collector's settings for a long-lived server (view.collector)."""

from __future__ import annotations

import gc
import weakref

import pytest

from view import collector


@pytest.fixture
def restored_collector():
    """Put the process's collector back as it was: other tests run in the same interpreter."""
    threshold = gc.get_threshold()
    yield
    gc.set_threshold(*threshold)
    gc.unfreeze()


def test_the_young_generation_is_collected_less_often_and_the_middle_one_kept_small(restored_collector):
    gc.set_threshold(700, 10, 10)
    collector.tune_for_server()
    young, middle, oldest = gc.get_threshold()
    assert young == collector.YOUNG_OBJECTS > 700
    assert (middle, oldest) == (collector.YOUNG_PER_MIDDLE, collector.MIDDLE_PER_FULL)


def test_loaded_data_is_frozen_and_freed_once_a_new_version_replaces_it(restored_collector):
    class Node:
        def __init__(self):
            self.me = self  # a cycle: only the cyclic collector frees it

    loaded = Node()
    still_there = weakref.ref(loaded)
    assert collector.freeze_loaded_data() == gc.get_freeze_count() > 0
    assert all(o is not loaded for o in gc.get_objects())  # out of the collector's sight
    del loaded
    gc.collect()
    assert still_there() is not None  # frozen: a full collection does not look at it
    collector.freeze_loaded_data()  # the next version of the data: what was frozen is handed back first
    assert still_there() is None
