"""Self-hosting as the README describes it: `streamlit run` replicas behind nginx, sticky sessions, a path prefix.

Each cluster runs on free ports on 127.0.0.1 with an nginx configuration written by
deploy/nginx_conf.py into a temporary folder. tests/run.sh installs nginx; without it the tests that
run nginx skip.
"""

from __future__ import annotations

import collections
import http.client
import re
import shutil
import tempfile
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.browser import OFFLINE_ARGS
from bench.proxy import NGINX, NginxProxy
from bench.server import APP, StreamlitServer
from deploy.frontend import prepare_frontend
from deploy.healthcheck import health_url
from deploy.nginx_conf import BROTLI_STATIC_MODULE, STICKY_COOKIE, UPSTREAM_HEADER, normalise_prefix, site_config
from tests.browser.conftest import EXTERNAL
from tests.conftest import ROOT, SMALL_DATA

MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
SMALL_DATA_REGIONS = 4
TIMEOUT = 30_000
PREFIX = "atlas"
CLIENT_CLOSED = "499"
"""nginx's status for a request the browser gave up on (it left the page before the answer came)."""
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) \d+ replica=(?P<replica>.*?) key=(?P<key>\S+)'
)


class Proxy(NginxProxy):
    """nginx in front of replicas, run from a temporary folder with the configuration the README gives."""

    def __init__(self, replicas: list[StreamlitServer], prefix: str = "/", frontend: Path | None = None):
        try:
            super().__init__([replica.port for replica in replicas],
                             Path(tempfile.mkdtemp(prefix="drill-atlas-nginx-")), prefix=prefix, frontend=frontend)
        except RuntimeError as error:
            pytest.fail(str(error))

    def requests(self) -> list[dict[str, str]]:
        """Every logged request: method, path, status, replica and sticky key."""
        text = (self.run_dir / "access.log").read_text()
        return [match.groupdict() for match in LOG_LINE.finditer(text)]

    def stop(self) -> None:
        super().stop()
        shutil.rmtree(self.run_dir, ignore_errors=True)


def _start_cluster(tmp_path_factory, count: int, prefix: str | None = None,
                   frontend: Path | None = None) -> tuple[list[StreamlitServer], Proxy]:
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (tests/run.sh installs it: apt-get install -y nginx)")
    # Each replica runs the app from its own folder (bench.server), so each publishes its own
    # static files: none copies a file another is serving, and the checkout is never written.

    def start(number: int) -> StreamlitServer:
        log = tmp_path_factory.mktemp("replica") / f"streamlit-{number}.log"
        return StreamlitServer(APP, SMALL_DATA, log, base_url_path=prefix or "")

    with ThreadPoolExecutor(count) as pool:
        replicas = list(pool.map(start, range(count)))
    return replicas, Proxy(replicas, prefix or "/", frontend)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """Two replicas behind nginx at the site root."""
    replicas, proxy = _start_cluster(tmp_path_factory, 2)
    yield proxy, replicas
    proxy.stop()
    for replica in replicas:
        replica.stop()


@pytest.fixture(scope="module")
def prefixed_cluster(tmp_path_factory):
    """One replica with ``--server.baseUrlPath atlas`` behind nginx at ``/atlas/``."""
    replicas, proxy = _start_cluster(tmp_path_factory, 1, PREFIX)
    yield proxy, replicas
    proxy.stop()
    for replica in replicas:
        replica.stop()


@pytest.fixture(scope="module")
def frontend_cluster(tmp_path_factory):
    """One replica below ``/atlas/`` behind nginx serving Streamlit's frontend from a prepared copy.

    The copy lacks one script the page loads (Streamlit's Markdown), which a replica must answer.
    Brotli at quality 5, not 11, to prepare in seconds: the files nginx picks are the same.
    """
    if not Path(NGINX).exists():
        pytest.skip("nginx is not installed (tests/run.sh installs it: apt-get install -y nginx)")
    folder = Path(tempfile.mkdtemp(prefix="drill-atlas-frontend-"))
    folder.chmod(0o755)  # nginx's workers (nobody, when it starts as root) read the copy
    prepared = prepare_frontend(folder, quality=5)
    for missing in (folder / "static" / "js").glob("StreamlitMarkdown.*"):
        missing.unlink()
    replicas, proxy = _start_cluster(tmp_path_factory, 1, PREFIX, folder)
    yield proxy, replicas, prepared
    proxy.stop()
    for replica in replicas:
        replica.stop()
    shutil.rmtree(folder, ignore_errors=True)


def offline_context(new_context, cookie: str | None = None, url: str = ""):
    context = new_context()
    context.route(EXTERNAL, lambda route: route.abort("internetdisconnected"))
    if cookie:
        context.add_cookies([{"name": STICKY_COOKIE, "value": cookie, "url": url}])
    return context


def regions_drawn(page):
    """Drill-region paths (not routes, land or the selection outline), as in test_browser.py."""
    return page.frame_locator(MAP_FRAME).locator("path.da-region")


def open_map(page, url: str) -> str:
    """Open the app, wait for every region, and return the replica that served the page."""
    response = page.goto(url)
    expect(regions_drawn(page)).to_have_count(SMALL_DATA_REGIONS, timeout=TIMEOUT)
    return response.headers[UPSTREAM_HEADER.lower()]


def served_by(url: str, cookie: str | None = None) -> tuple[str, str | None]:
    """GET the page with an optional sticky cookie; return the replica and the cookie nginx set."""
    headers = {"Cookie": f"{STICKY_COOKIE}={cookie}"} if cookie else {}
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers), timeout=10) as response:
        set_cookie = response.headers.get("Set-Cookie")
        return response.headers[UPSTREAM_HEADER], set_cookie.split(";")[0].split("=")[1] if set_cookie else None


def is_websocket(request: dict[str, str]) -> bool:
    """Whether a logged request is the app's WebSocket, upgraded (nginx logs it when it closes)."""
    return request["path"] == "/_stcore/stream" and request["status"] == "101"


def wait_for_streams(proxy: Proxy, expected: dict[str, int], timeout: float = 10) -> list[dict[str, str]]:
    """Logged requests, once nginx has logged the expected number of closed WebSockets for each sticky key."""
    deadline = time.monotonic() + timeout
    while True:
        logged = proxy.requests()
        streams = collections.Counter(r["key"] for r in logged if is_websocket(r))
        if all(streams[key] >= count for key, count in expected.items()) or time.monotonic() > deadline:
            return logged
        time.sleep(0.2)


def test_committed_nginx_conf_is_the_generated_one():
    committed = (ROOT / "deploy" / "nginx.conf").read_text()
    assert committed == site_config(["127.0.0.1:8501", "127.0.0.1:8502"])


@pytest.mark.parametrize(("environ", "url"), [
    ({}, "http://127.0.0.1:8501/_stcore/health"),
    ({"STREAMLIT_SERVER_PORT": "9000", "STREAMLIT_SERVER_BASE_URL_PATH": "/atlas/"},
     "http://127.0.0.1:9000/atlas/_stcore/health"),
])
def test_container_health_check_follows_port_and_prefix(environ, url):
    assert health_url(environ) == url


@pytest.mark.parametrize(("prefix", "location"), [("", "/"), ("/", "/"), ("atlas", "/atlas/"), ("/atlas/", "/atlas/"),
                                                   ("maps//atlas", "/maps/atlas/")])
def test_prefix_is_normalised_like_base_url_path(prefix, location):
    assert normalise_prefix(prefix) == location


@pytest.mark.parametrize("bad", ["atlas; return 200", "a b", "atlas\n", "$host"])
def test_config_refuses_what_would_inject_nginx_directives(bad):
    with pytest.raises(ValueError, match="prefix"):
        site_config(["127.0.0.1:8501"], prefix=bad)
    with pytest.raises(ValueError, match="replica"):
        site_config([f"127.0.0.1:8501; {bad}"])


def test_fresh_visitors_are_spread_and_returning_ones_stick(cluster):
    proxy, replicas = cluster
    first_visits = [served_by(proxy.url) for _ in range(40)]
    split = collections.Counter(replica for replica, _ in first_visits)
    assert set(split) == {f"127.0.0.1:{r.port}" for r in replicas}, split
    for replica, cookie in first_visits[:5]:
        assert cookie
        assert {served_by(proxy.url, cookie)[0] for _ in range(5)} == {replica}


@pytest.mark.parametrize(("origin_host", "status"), [("atlas.test", 101), ("elsewhere.test", 403)])
def test_websocket_is_upgraded_for_pages_from_the_proxy_s_own_origin(cluster, origin_host, status):
    proxy, _ = cluster
    host = f"atlas.test:{proxy.port}"
    connection = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
    connection.request("GET", "/_stcore/stream", headers={
        "Host": host, "Origin": f"http://{origin_host}:{proxy.port}", "Connection": "Upgrade", "Upgrade": "websocket",
        "Sec-WebSocket-Version": "13", "Sec-WebSocket-Key": "dGhlIHNhbXBsZSBub25jZQ==",
        "Sec-WebSocket-Protocol": "streamlit",
    })
    assert connection.getresponse().status == status
    connection.close()


@pytest.mark.browser
def test_two_browsers_on_two_replicas_each_stick_to_theirs(cluster, new_context):
    proxy, replicas = cluster
    first = offline_context(new_context)
    first_page = first.new_page()
    first_replica = open_map(first_page, proxy.url)
    first_key = next(c["value"] for c in first.cookies() if c["name"] == STICKY_COOKIE)
    # A cookie that nginx hashes to the other replica: a second browser that landed there.
    second_key = next(key for key in (f"probe-{i}" for i in range(64)) if served_by(proxy.url, key)[0] != first_replica)
    second = offline_context(new_context, second_key, proxy.url)
    second_page = second.new_page()
    second_replica = open_map(second_page, proxy.url)
    assert second_replica != first_replica

    second_page.get_by_role("combobox", name="Exercises").click()
    second_page.get_by_role("option", name=re.compile("Bravo-2019")).click()
    second_page.keyboard.press("Escape")
    expect(regions_drawn(second_page)).to_have_count(2, timeout=TIMEOUT)
    second_page.wait_for_function("() => location.search.includes('exercise=bravo_2019')", timeout=TIMEOUT)
    for _ in range(2):
        assert open_map(first_page, proxy.url) == first_replica
    second_page.reload()
    expect(regions_drawn(second_page)).to_have_count(2, timeout=TIMEOUT)
    first.close()
    second.close()

    # One WebSocket per page load: three for the first browser, two for the second.
    logged = wait_for_streams(proxy, {first_key: 3, second_key: 2})
    for key, replica, loads in ((first_key, first_replica, 3), (second_key, second_replica, 2)):
        mine = [r for r in logged if r["key"] == key]
        assert sum(is_websocket(r) for r in mine) >= loads, mine
        assert {r["replica"] for r in mine} == {replica}
    # 499 is nginx's "client closed request": a page opened again while its own files were still
    # coming (the rest of the page loads once the map is drawn, view/after_map.py), not a failure.
    assert not [r for r in logged if r["key"] in {first_key, second_key} and int(r["status"]) >= 400
                and r["status"] != CLIENT_CLOSED]
    assert not any("Traceback" in replica.log() for replica in replicas)


@pytest.mark.browser
def test_app_below_a_base_url_path_loads_leaflet_from_the_prefix(prefixed_cluster, page, blocked_requests):
    proxy, replicas = prefixed_cluster
    assert proxy.url.endswith(f"/{PREFIX}/")
    responses: list[tuple[str, int]] = []
    page.on("response", lambda response: responses.append((response.url, response.status)))
    page.goto(proxy.url.rstrip("/"))
    assert page.url == proxy.url
    expect(regions_drawn(page)).to_have_count(SMALL_DATA_REGIONS, timeout=TIMEOUT)
    expect(page.frame_locator(MAP_FRAME).locator(".leaflet-land-pane path")).not_to_have_count(0, timeout=TIMEOUT)
    paths = [(urllib.parse.urlparse(url).path, status) for url, status in responses]
    assert any(path.startswith(f"/{PREFIX}/app/static/leaflet-") and status == 200 for path, status in paths), paths
    assert [path for path, _ in paths if not path.startswith(f"/{PREFIX}/")] == [f"/{PREFIX}"]
    assert blocked_requests == []
    assert "Traceback" not in replicas[0].log()


@pytest.mark.browser
def test_the_prepared_page_fetches_the_maps_frame_ahead_and_the_frame_takes_it_from_the_cache(
        frontend_cluster, browser_type, browser_type_launch_args):
    proxy, replicas, prepared = frontend_cluster
    assert [rel for rel, _ in prepared.hints].count("prefetch") >= 3, prepared.hints
    # Playwright's routing (the other tests' blocked_requests) turns the browser's cache off: this
    # browser keeps it, and reaches nothing beyond this machine (a proxy that is not there).
    args = {**browser_type_launch_args, "args": [*browser_type_launch_args.get("args", []), *OFFLINE_ARGS]}
    browser = browser_type.launch(**args)
    try:
        # A replica knows the component and has published the app's files once a page has run the
        # app: the first visitor's page asks for them too early (and its frame, later, again).
        warm = browser.new_page()
        warm.goto(proxy.url)
        expect(regions_drawn(warm)).to_have_count(SMALL_DATA_REGIONS, timeout=TIMEOUT)
        warm.context.close()
        page = browser.new_page()
        failed = []
        page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
        response = page.goto(proxy.url)
        cookie = response.header_value("set-cookie").split(";")[0].split("=")[1]
        expect(regions_drawn(page)).to_have_count(SMALL_DATA_REGIONS, timeout=TIMEOUT)
        page.wait_for_timeout(500)
    finally:
        browser.close()
    assert all(not re.match(r"https?://127\.0\.0\.1[:/]", url) for url, _ in failed), failed
    mine = [r for r in proxy.requests() if r["key"] == cookie]
    # The page is the copy's, from nginx alone, with the cookie that keeps this browser on its replica.
    pages = [r for r in mine if r["path"] == f"/{PREFIX}/"]
    assert len(pages) == 1 and pages[0]["replica"] == "-", pages
    # Each file the page named was fetched once: the frame took what the page fetched from the cache.
    for rel, href in prepared.hints:
        fetched = [r for r in mine if r["path"] == f"/{PREFIX}/{href.removeprefix('./')}"]
        assert [r["status"] for r in fetched] == ["200"], (rel, href, fetched)
    assert "Traceback" not in replicas[0].log()


@pytest.mark.browser
def test_nginx_sends_the_prepared_frontend_compressed_with_its_cut_fonts(frontend_cluster, page,
                                                                         blocked_requests):
    proxy, replicas, prepared = frontend_cluster
    if BROTLI_STATIC_MODULE.is_file():
        encoding = "br"
    else:  # tests/run.sh installs the module; another host may lack it and still gets gzip
        encoding = "gzip"
    responses = []
    page.on("response", lambda response: responses.append(response))
    page.goto(proxy.url)
    expect(regions_drawn(page)).to_have_count(SMALL_DATA_REGIONS, timeout=TIMEOUT)
    clear = page.get_by_role("button", name="Clear all filters")
    expect(clear).to_be_visible(timeout=TIMEOUT)
    page.wait_for_timeout(500)
    frontend = {urllib.parse.urlparse(r.url).path: r for r in responses
                if urllib.parse.urlparse(r.url).path.startswith(f"/{PREFIX}/static/")}
    scripts = {path: r for path, r in frontend.items() if path.endswith(".js")}
    assert len(scripts) >= 3, sorted(frontend)
    assert all(r.status == 200 for r in frontend.values()), [(p, r.status) for p, r in frontend.items()]
    from_copy = {path: r.all_headers().get("content-encoding") for path, r in scripts.items()
                 if "StreamlitMarkdown" not in path}
    assert set(from_copy.values()) == {encoding}, from_copy
    font = next(r for path, r in frontend.items() if path.endswith(prepared.icon_font))
    assert len(font.body()) == prepared.icon_font_bytes < prepared.icon_font_original_bytes / 4
    # Every icon on the page is drawn as an icon: its name, set in the cut font, is one glyph about
    # as wide as it is high, not the word "filter_alt_off" in letters. An icon's own box is clipped
    # to a square, so each name is measured again in a free copy with the icon's font.
    expect(clear.locator('[data-testid="stIconMaterial"]')).to_be_visible(timeout=TIMEOUT)
    page.evaluate("document.fonts.ready.then(() => true)")
    shapes = page.locator('[data-testid="stIconMaterial"]').evaluate_all("""icons => icons.map(icon => {
        const probe = document.createElement("span");
        const style = getComputedStyle(icon);
        probe.style.cssText = "position:absolute;left:0;top:0;white-space:nowrap;visibility:hidden";
        probe.style.font = style.font;
        probe.style.fontFeatureSettings = style.fontFeatureSettings;
        probe.textContent = icon.textContent;
        document.body.append(probe);
        const box = probe.getBoundingClientRect();
        probe.remove();
        return [icon.textContent, box.width, box.height];
    })""")
    names = {name for name, _, _ in shapes}
    assert "filter_alt_off" in names, shapes
    assert all(0 < width <= 1.5 * height for _, width, height in shapes), shapes
    # The text font is the cut one and still draws Cyrillic, and accented Greek from its letters and
    # combining marks: set in Source Sans, they measure otherwise than in the fallback font; the
    # phonetic letters it left out measure the same.
    sans = next(name for name in prepared.text_fonts if name.startswith("SourceSansVF-Upright"))
    text_font = next(r for path, r in frontend.items() if path.endswith(sans))
    assert len(text_font.body()) == prepared.text_fonts[sans][0] < prepared.text_fonts[sans][1] * 0.6
    widths = page.evaluate("""async () => {
        await document.fonts.load('16px "Source Sans"', "Ж");
        const context = document.createElement("canvas").getContext("2d");
        const width = (font, text) => { context.font = font; return context.measureText(text).width; };
        return ["Морское взаимодействие", "ἀἁἂἃ", "ɐɑɒɓ"].map(text =>
            [width('16px "Source Sans", monospace', text), width("16px monospace", text)]);
    }""")
    (russian, russian_fallback), (greek, greek_fallback), (phonetic, phonetic_fallback) = widths
    assert russian != russian_fallback and greek != greek_fallback and phonetic == phonetic_fallback, widths
    # What the copy lacks comes from the replica; what it has, from nginx alone.
    logged = proxy.requests()
    markdown = [r for r in logged if "/static/js/StreamlitMarkdown." in r["path"]]
    assert markdown and all(r["replica"] != "-" and r["status"] == "200" for r in markdown), markdown
    served = [r for r in logged if r["path"].startswith(f"/{PREFIX}/static/js/index.")]
    assert served and all(r["replica"] == "-" for r in served), served
    assert blocked_requests == []
    assert "Traceback" not in replicas[0].log()
