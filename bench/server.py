"""Start and stop ``streamlit run`` for the benchmark and the browser tests.

One :class:`StreamlitServer` is one server process on 127.0.0.1 serving a script (``app.py`` or
the baseline) on a data folder. It can be stopped and started again on the same port, which is
how the fault tests restart a server under an open page, and it reports its resident memory.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BASELINE_APP = ROOT / "bench" / "baseline_app.py"
FLOOR_APP = ROOT / "bench" / "floor_app.py"
CAPACITY_FLOOR_APP = ROOT / "bench" / "capacity_floor_app.py"
BARE_APP = ROOT / "bench" / "bare_app.py"


@contextlib.contextmanager
def machine_lock(path: str | None):
    """Hold an exclusive ``flock`` on ``path`` (None: no lock) while measuring.

    The build machine is shared; the browser tests and the benchmark take the same lock
    (``/tmp/browser.lock``) so that no two of them compete for the cores while one measures.
    Taking it per measurement, not for a whole run, lets other work run between measurements.
    """
    if path is None:
        yield
        return
    with open(path, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def rss_bytes(pid: int) -> int:
    """Resident memory of a process, from ``/proc`` (Linux); 0 where that is not available."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def child_processes() -> dict[int, list[int]]:
    """Map each running process id to the ids of its children, from ``/proc``."""
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(parent, []).append(int(entry.name))
    return children


def tree_rss_bytes(pid: int) -> int:
    """Resident memory of a process and every process below it (the upload readers), from ``/proc``."""
    children = child_processes()
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        total += rss_bytes(current)
        todo.extend(children.get(current, []))
    return total


class StreamlitServer:
    """``streamlit run SCRIPT`` on 127.0.0.1, serving ``data_dir``, its output in ``log_path``.

    Parameters
    ----------
    script : pathlib.Path
        The Streamlit script, run from the repository root.
    data_dir : pathlib.Path
        Passed as ``DRILL_ATLAS_DATA_DIR``.
    log_path : pathlib.Path
        File that receives the server's stdout and stderr (appended to across restarts).
    port : int, optional
        A free port is chosen when None.
    tiles : bool, default False
        Passed as ``DRILL_ATLAS_TILES``; tests and benchmarks run without tile requests unless
        they test tiles.
    env : dict, optional
        More environment variables for the server.
    base_url_path : str, default ""
        Serve below ``/base_url_path/`` (Streamlit's ``server.baseUrlPath``), as behind a proxy
        that hosts the app in a folder; ``url`` includes it.
    cwd : pathlib.Path, optional
        Folder the server runs in (its ``.streamlit/config.toml`` applies); the repository root
        when None.
    cpus : set of int, optional
        CPUs the server may run on (``os.sched_setaffinity``, set as soon as the process starts,
        before Streamlit starts its threads, so every thread inherits it): one core per replica, as
        ``deploy/HOSTING.md`` advises. Any CPU when None.
    """

    def __init__(self, script: Path, data_dir: Path, log_path: Path, *, port: int | None = None,
                 tiles: bool = False, env: dict[str, str] | None = None, base_url_path: str = "",
                 cwd: Path | None = None, cpus: set[int] | None = None):
        self.script = Path(script)
        self.cpus = cpus
        self.served_script = self._outside_checkout(self.script)
        self.cwd = Path(cwd or ROOT)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}" + (f"/{base_url_path.strip('/')}" if base_url_path else "")
        self.log_path = Path(log_path)
        # A server serves the static/ beside its script: a DRILL_ATLAS_STATIC_DIR this process set for
        # AppTest (bench.server_time) would send its outlines where no server serves them.
        inherited = {key: value for key, value in os.environ.items() if key != "DRILL_ATLAS_STATIC_DIR"}
        self.env = {
            **inherited,
            "DRILL_ATLAS_DATA_DIR": str(data_dir),
            "DRILL_ATLAS_TILES": "on" if tiles else "off",
            **({"STREAMLIT_SERVER_BASE_URL_PATH": base_url_path} if base_url_path else {}),
            **({"PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))}
               if self.served_script != self.script else {}),
            **(env or {}),
        }
        self.process: subprocess.Popen | None = None
        self.start()

    def start(self, timeout: float = 60) -> None:
        """Start the process and wait until ``/_stcore/health`` answers ``ok``."""
        with self.log_path.open("a") as log:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "streamlit", "run", str(self.served_script), "--server.headless", "true",
                 "--server.port", str(self.port), "--server.address", "127.0.0.1",
                 "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
                cwd=self.cwd, env=self.env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            )
        if self.cpus:
            os.sched_setaffinity(self.process.pid, self.cpus)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as response:
                    if response.read().decode().strip() == "ok":
                        return
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"streamlit did not become healthy on {self.url}; log:\n{self.log()}")

    @staticmethod
    def _outside_checkout(script: Path) -> Path:
        """Return the script to run: the checkout's ``app.py`` (or a floor app) as a copy in a temporary folder.

        The files the app publishes for Streamlit's static serving (Leaflet, the data's land
        layer) then land there, never in the checkout: Streamlit serves ``static/`` beside the
        script it runs. The copy imports the project's packages from the checkout
        (``PYTHONPATH``). Other scripts run as they are.
        """
        if script.resolve() not in {path.resolve() for path in (APP, FLOOR_APP, CAPACITY_FLOOR_APP, BARE_APP)}:
            return script
        folder = Path(tempfile.mkdtemp(prefix="drill-atlas-app-"))
        (folder / "static").mkdir()  # Streamlit looks for it at start-up
        copy = folder / script.name
        shutil.copyfile(script, copy)
        return copy

    @property
    def pid(self) -> int:
        """Process id of the running server."""
        return self.process.pid

    def rss(self) -> int:
        """Resident memory of the server process, in bytes."""
        return rss_bytes(self.pid)

    def tree_rss(self) -> int:
        """Resident memory of the server and its child processes, in bytes."""
        return tree_rss_bytes(self.pid)

    def log(self) -> str:
        """Everything the server printed so far (all runs)."""
        return self.log_path.read_text() if self.log_path.exists() else ""

    def stop(self) -> None:
        """Terminate the process (SIGTERM, then SIGKILL after 10 s)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def kill(self) -> None:
        """Kill the process at once (SIGKILL), as a crash would."""
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
