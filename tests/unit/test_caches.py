"""The page's cached functions are decorated once per process (view.caches)."""

from __future__ import annotations

from view.caches import VIEWS_KEPT, PageCaches, page_caches


def recording_decorator(kind: str, seen: list):
    def decorator(**options):
        def wrap(function):
            seen.append((kind, function.__name__, options))
            return function
        return wrap
    return decorator


def test_the_decorators_run_once_however_often_the_page_asks():
    seen = []
    resource, data = recording_decorator("resource", seen), recording_decorator("data", seen)
    first = page_caches(resource, data)
    assert page_caches(resource, data) is first
    assert isinstance(first, PageCaches)
    assert sorted(name for _, name, _ in seen) == sorted(
        [*PageCaches._fields, "cached_counts"])  # each once: the counts are called by shared_charts only
    options = {name: (kind, o) for kind, name, o in seen}
    assert options["shared_scene"] == ("resource", {"show_spinner": False, "max_entries": VIEWS_KEPT})
    assert options["shared_charts"][1]["max_entries"] == VIEWS_KEPT
    assert options["cached_upload"][0] == "data"  # a copy to each caller, and kept an hour at most
    assert options["cached_upload"][1]["ttl"] == 3600
