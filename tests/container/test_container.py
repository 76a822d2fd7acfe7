"""The container image, built with deploy/build_image.sh and run as HOSTING.md says: read-only, non-root.

The image is built once per run (podman caches its layers, so a second run on the same machine only
rebuilds what changed), then one container runs for the module on a free port of 127.0.0.1 with
``--read-only --tmpfs /tmp``. Every check talks to 127.0.0.1 only, and every container is removed
at the end, passed or failed. Opt-in: ``CI=true`` or ``DRILL_ATLAS_CONTAINER_TESTS=1``.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.server import free_port
from tests.conftest import ROOT, SMALL_DATA

ENABLED = os.environ.get("CI") == "true" or os.environ.get("DRILL_ATLAS_CONTAINER_TESTS") == "1"
pytestmark = [
    pytest.mark.container,
    pytest.mark.slow,
    pytest.mark.skipif(not ENABLED, reason="container tests run in CI, or with DRILL_ATLAS_CONTAINER_TESTS=1"),
]

IMAGE = os.environ.get("DRILL_ATLAS_TEST_IMAGE", "localhost/drill-atlas:test")
BUILD_SCRIPT = ROOT / "deploy" / "build_image.sh"
BUILD_TIMEOUT = 30 * 60
HEALTHY_WITHIN = 60.0
MAP_FRAME = 'iframe[title="streamlit_folium.st_folium"]'
TIMEOUT = 60_000
SMALL_DATA_REGIONS = 4
FIGURES: dict[str, str] = {}
"""Measured figures, printed into the log by test_print_figures."""


class Podman:
    """``podman`` with the global and ``run`` flags that deploy/build_image.sh found this machine needs."""

    def __init__(self, global_flags: list[str], run_flags: list[str]):
        self.global_flags = global_flags
        self.run_flags = run_flags

    def __call__(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
        return subprocess.run(["podman", *self.global_flags, *args], capture_output=True, text=True,
                              timeout=timeout, stdin=subprocess.DEVNULL)


class Container:
    """One ``podman run -d`` of the image, read-only, its port 8501 published on 127.0.0.1 only."""

    def __init__(self, podman: Podman, *extra: str):
        self.podman = podman
        self.name = f"drill-atlas-test-{os.getpid()}-{uuid.uuid4().hex[:8]}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        started = time.monotonic()
        run = podman("run", "-d", "--name", self.name, *podman.run_flags,
                     "--read-only", "--tmpfs", "/tmp", "-e", "DRILL_ATLAS_TILES=off",
                     "-p", f"127.0.0.1:{self.port}:8501", *extra, IMAGE)
        if run.returncode != 0:
            self.remove()
            pytest.fail(f"podman run failed ({run.returncode}):\n{run.stderr}")
        self.seconds_to_healthy = self._wait_healthy(started)
        self._wait_for_host_network()

    def _wait_healthy(self, started: float) -> float:
        deadline = started + HEALTHY_WITHIN
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().strip() == b"ok":
                        return time.monotonic() - started
            except OSError:
                pass
            if self.state() not in ("running", "created", "configured"):
                break
            time.sleep(0.2)
        logs = self.logs()
        self.remove()
        pytest.fail(f"the container did not answer /_stcore/health with ok within {HEALTHY_WITHIN:.0f} s; "
                    f"its log:\n{logs}")

    def _wait_for_host_network(self, timeout: float = 10) -> None:
        """Wait until this container's veth, and podman's bridge, have their IPv6 link-local addresses.

        The kernel adds them about a second after the link comes up, often after the app already
        answers. Chromium aborts the requests it has in flight whenever the host's addresses change
        (net::ERR_NETWORK_CHANGED), which left the page blank in about one load of four here.
        """
        iflink = self.exec("cat", "/sys/class/net/eth0/iflink").stdout.strip()
        interfaces = []
        for interface in Path("/sys/class/net").iterdir():
            if (interface / "ifindex").read_text().strip() == iflink:
                interfaces.append(interface.name)
                if (interface / "master").exists():
                    interfaces.append((interface / "master").resolve().name)
        interfaces = [name for name in interfaces
                      if Path(f"/proc/sys/net/ipv6/conf/{name}/disable_ipv6").read_text().strip() == "0"]
        deadline = time.monotonic() + timeout
        while interfaces and time.monotonic() < deadline:
            # /proc/net/if_inet6: address, ifindex, prefix length, scope (0x20 link), flags (0x40 tentative), name
            rows = [line.split() for line in Path("/proc/net/if_inet6").read_text().splitlines()]
            ready = {row[5] for row in rows if row[3] == "20" and not int(row[4], 16) & 0x40}
            if ready.issuperset(interfaces):
                return
            time.sleep(0.05)

    def state(self) -> str:
        result = self.podman("inspect", "--format", "{{.State.Status}}", self.name)
        return result.stdout.strip() if result.returncode == 0 else "gone"

    def inspect(self) -> dict:
        return json.loads(self.podman("inspect", self.name).stdout)[0]

    def exec(self, *command: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        env_flags = [flag for name, value in (env or {}).items() for flag in ("-e", f"{name}={value}")]
        return self.podman("exec", *env_flags, self.name, *command, timeout=60)

    def logs(self) -> str:
        result = self.podman("logs", self.name)
        return (result.stdout + result.stderr)[-6000:]

    def remove(self) -> None:
        self.podman("rm", "--force", "--time", "3", self.name)


@pytest.fixture(scope="module")
def podman() -> Podman:
    """The image built by deploy/build_image.sh (the Debian base first, when it is not there yet)."""
    if os.geteuid() != 0 or not shutil.which("podman") or not shutil.which("debootstrap"):
        pytest.fail("the container tests need root and Debian's podman, runc and debootstrap: "
                    "apt-get install -y podman buildah runc debootstrap")
    env = {**os.environ, "DRILL_ATLAS_IMAGE": IMAGE}
    started = time.monotonic()
    try:
        build = subprocess.run(["bash", str(BUILD_SCRIPT)], cwd=ROOT, env=env, capture_output=True, text=True,
                               timeout=BUILD_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired as error:
        pytest.fail(f"deploy/build_image.sh took more than {BUILD_TIMEOUT} s:\n{(error.stderr or '')[-6000:]}")
    if build.returncode != 0:
        pytest.fail(f"deploy/build_image.sh failed ({build.returncode}):\n{(build.stdout + build.stderr)[-6000:]}")
    FIGURES["build (deploy/build_image.sh)"] = f"{time.monotonic() - started:.0f} s"
    FIGURES["build log"] = " | ".join(line.removeprefix("[build_image] ") for line in build.stderr.splitlines()
                                      if line.startswith("[build_image]"))
    flags = subprocess.run(["bash", str(BUILD_SCRIPT), "--run-flags"], cwd=ROOT, env=env, capture_output=True,
                           text=True, check=True, timeout=300).stdout.splitlines()
    tool = Podman(flags[0].split(), flags[1].split())
    size = tool("image", "inspect", "--format", "{{.Size}}", IMAGE).stdout.strip()
    FIGURES["image size"] = f"{int(size) / 1e6:.0f} MB" if size.isdigit() else size
    return tool


@pytest.fixture(scope="module")
def container(podman):
    """The image running with the bundled data, read-only, on a free port of 127.0.0.1."""
    running = Container(podman)
    try:
        FIGURES["start to healthy"] = f"{running.seconds_to_healthy:.1f} s"
        yield running
    finally:
        running.remove()


def test_answers_its_health_check_within_a_minute(container):
    with urllib.request.urlopen(f"{container.url}/_stcore/health", timeout=5) as response:
        assert response.status == 200
        assert response.read().strip() == b"ok"
    assert container.seconds_to_healthy < HEALTHY_WITHIN


def test_serves_the_streamlit_page_and_the_published_assets(container):
    with urllib.request.urlopen(f"{container.url}/", timeout=10) as response:
        assert response.status == 200
        page = response.read().decode()
    assert "<title>Streamlit</title>" in page and '<div id="root">' in page
    # Published into static/ at build time, served by Streamlit's static serving.
    with urllib.request.urlopen(f"{container.url}/app/static/leaflet-1.9.3/leaflet.js", timeout=10) as response:
        assert response.status == 200
        assert b"Leaflet" in response.read(4096)


def test_runs_as_a_non_root_user(container):
    assert container.inspect()["Config"]["User"] == "10001:10001"
    uid = container.exec("id", "-u")
    assert uid.returncode == 0, uid.stderr
    assert uid.stdout.strip() not in ("", "0")
    # The server itself (PID 1 is streamlit), not only what exec runs.
    status = container.exec("cat", "/proc/1/status").stdout
    fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
    assert "0" not in fields["Uid"].split() and "0" not in fields["Gid"].split(), status
    assert int(fields["CapEff"], 16) == 0, status  # no capabilities either
    assert "streamlit" in container.exec("cat", "/proc/1/cmdline").stdout


def test_the_root_file_system_is_read_only(container):
    assert container.inspect()["HostConfig"]["ReadonlyRootfs"] is True
    for path in ("/app/written-by-test", "/app/static/written-by-test", "/written-by-test",
                 "/opt/venv/written-by-test"):
        attempt = container.exec("sh", "-c", f": > {path}")
        assert attempt.returncode != 0, f"{path} was writable"
        assert "Read-only file system" in attempt.stderr, attempt.stderr
    # Only the tmpfs is writable.
    assert container.exec("sh", "-c", ": > /tmp/written-by-test").returncode == 0


def test_the_image_health_check_passes_and_fails_when_it_should(container, podman):
    check = container.inspect()["Config"]["Healthcheck"]
    assert check["Test"] == ["CMD", "python", "deploy/healthcheck.py"]
    run = podman("healthcheck", "run", container.name, timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert container.inspect()["State"]["Health"]["Status"] == "healthy"
    # The same script, pointed at a port nothing listens on, reports failure.
    wrong_port = container.exec("python", "deploy/healthcheck.py", env={"STREAMLIT_SERVER_PORT": "1"})
    assert wrong_port.returncode == 1


@pytest.mark.browser
def test_the_map_draws_in_a_browser_with_nothing_written(container, page, blocked_requests):
    from geodata.filters import regions_for
    from geodata.loaders import load_dataset

    dataset = load_dataset()
    page.goto(container.url)
    regions = page.frame_locator(MAP_FRAME).locator("path.da-region")
    # Every region an exercise uses (all years): the whole Gulf of Aden, which no row uses since Peace
    # Blue Shield 2009 got its agreed area, stays in regions.geojson but is not drawn.
    expect(regions).to_have_count(len(regions_for(dataset.regions, dataset.exercises)), timeout=TIMEOUT)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    assert blocked_requests == []  # tiles are off; Leaflet and the land layer come from the container
    assert "Read-only file system" not in container.logs()


@pytest.mark.browser
def test_own_data_with_its_own_land_layer_needs_a_tmpfs_on_static(podman, page, blocked_requests, tmp_path):
    """HOSTING.md's recipe: a mounted data folder whose land.geojson differs from the bundled one."""
    data = tmp_path / "data"
    shutil.copytree(SMALL_DATA, data)
    for path in [data, *data.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    running = Container(podman, "-v", f"{data}:/data:ro", "-e", "DRILL_ATLAS_DATA_DIR=/data",
                        "--tmpfs", "/app/static:U,notmpcopyup,mode=0755,size=64m")
    try:
        page.goto(running.url)
        try:
            expect(page.frame_locator(MAP_FRAME).locator("path.da-region")).to_have_count(SMALL_DATA_REGIONS,
                                                                                          timeout=TIMEOUT)
        except AssertionError as error:
            raise AssertionError(f"{error}\npage:\n{page.inner_text('body')[:2000]}\nlog:\n{running.logs()}") from None
        expect(page.get_by_test_id("stException")).to_have_count(0)
        assert blocked_requests == []
        published = running.exec("ls", "/app/static/land").stdout.split()
        assert len(published) == 1 and published[0].startswith("land-"), published
    finally:
        running.remove()


def test_print_figures(container, capsys):
    with capsys.disabled():  # the figures belong in the CI log
        print("\ncontainer image: " + "; ".join(f"{name}: {value}" for name, value in FIGURES.items()))


def test_every_test_container_is_gone(podman, container):
    """Run last in this module: nothing but the module's own container is left (and it goes at teardown)."""
    names = podman("ps", "--all", "--format", "{{.Names}}").stdout.split()
    leftovers = [name for name in names if name.startswith(f"drill-atlas-test-{os.getpid()}-") and name != container.name]
    assert leftovers == []

