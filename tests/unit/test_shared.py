"""view.shared: map frames shared by sessions, kept within a size budget, safe from several threads."""

from __future__ import annotations

import threading

from view.shared import MAP_FRAMES, MAP_FRAMES_CHARS, SharedFrames, frame_chars


def frame(chars: int, tag: str = "") -> dict:
    return {"script": tag + "x" * (chars - len(tag)), "header": "", "html": "", "key": tag}


def test_a_view_is_built_once_and_every_later_session_gets_the_same_frame():
    frames, builds = SharedFrames(1_000), []
    first = frames.get(("view", 1), lambda: builds.append(1) or frame(100, "a"))
    again = frames.get(("view", 1), lambda: builds.append(1) or frame(100, "b"))
    assert again is first and builds == [1]
    assert len(frames) == 1 and frames.chars == 100 == frame_chars(first)


def test_the_least_recently_used_frames_go_first_when_the_budget_is_full():
    frames = SharedFrames(300)
    for name in ("a", "b", "c"):
        frames.get(name, lambda name=name: frame(100, name))
    frames.get("a", lambda: frame(100, "a again"))  # a is now the most recently used
    frames.get("d", lambda: frame(100, "d"))  # over the budget: b, the least recently used, goes
    assert frames.chars == 300 and len(frames) == 3
    kept = {name: frames.get(name, lambda: frame(1, "rebuilt"))["key"] for name in ("a", "c", "d")}
    assert kept == {"a": "a", "c": "c", "d": "d"}
    assert frames.get("b", lambda: frame(100, "rebuilt"))["key"] == "rebuilt"


def test_a_frame_larger_than_the_whole_budget_is_shown_but_not_kept():
    frames = SharedFrames(1_000)
    frames.get("small", lambda: frame(400))
    large = frames.get("large", lambda: frame(5_000, "large"))
    assert large["key"] == "large" and frame_chars(large) == 5_000
    assert len(frames) == 1 and frames.chars == 400  # the small one stays


def test_many_sessions_at_once_never_hold_more_than_the_budget():
    frames, errors = SharedFrames(2_000), []

    def session(offset: int) -> None:
        try:
            for step in range(300):
                key = (offset + step) % 40
                got = frames.get(key, lambda key=key: frame(100 + key, str(key)))
                assert got["key"] == str(key)
        except Exception as error:  # noqa: BLE001 - reported by the main thread
            errors.append(error)

    threads = [threading.Thread(target=session, args=(n * 7,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert 0 < frames.chars <= 2_000


def test_the_servers_frames_have_a_budget_in_megabytes():
    assert isinstance(MAP_FRAMES, SharedFrames)
    assert 8 * 2**20 <= MAP_FRAMES_CHARS <= 64 * 2**20  # room for a few 9 MB maps at 10,000 polygons, not for a leak
