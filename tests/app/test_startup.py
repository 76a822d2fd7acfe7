"""What a newcomer sees when the first README command starts the dashboard."""

from __future__ import annotations

import subprocess
import sys
import time
import urllib.request

from bench.server import ROOT, free_port


def test_start_up_log_names_the_address_and_has_no_line_that_reads_like_a_failure():
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2):
                    break
            except OSError:
                time.sleep(0.3)
        time.sleep(1.0)
    finally:
        process.terminate()
        log, _ = process.communicate(timeout=30)
    assert f"URL: http://localhost:{port}" in log
    for alarming in ("Did not auto detect", "debugging hints", "Traceback", "Error", "error"):
        assert alarming not in log, log


def test_the_app_under_apptest_never_writes_into_the_checkout(app_factory):
    from bench.server import ROOT

    before = sorted(p.relative_to(ROOT) for p in (ROOT / "static").rglob("*"))
    at = app_factory().run()
    assert not at.exception
    assert sorted(p.relative_to(ROOT) for p in (ROOT / "static").rglob("*")) == before


def test_once_the_data_is_loaded_the_collector_is_set_for_a_server_and_the_data_frozen(app_factory):
    import gc

    from view import collector

    threshold = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    gc.unfreeze()
    try:
        at = app_factory().run()
        assert not at.exception
        assert gc.get_threshold() == (collector.YOUNG_OBJECTS, collector.YOUNG_PER_MIDDLE, collector.MIDDLE_PER_FULL)
        assert gc.get_freeze_count() > 10_000  # the modules and the loaded data, at least
    finally:
        gc.set_threshold(*threshold)
        gc.unfreeze()


def test_a_rerun_does_not_decorate_the_cached_functions_again(app_factory):
    from view.caches import page_caches

    at = app_factory().run()
    before = page_caches.cache_info()
    at.run()
    after = page_caches.cache_info()
    assert not at.exception
    assert after.misses == before.misses and after.hits > before.hits
