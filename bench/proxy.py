"""nginx in front of ``streamlit run`` replicas for the benchmark, with the configuration deploy/ writes.

The site is :func:`deploy.nginx_conf.site_config` (cookie-sticky upstream, WebSocket upgrade)
inside :func:`deploy.nginx_conf.standalone_config`, run from a folder of its own (never /etc),
as ``deploy/run_local_cluster.sh`` and the hosting tests run it.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import time
import urllib.request
from pathlib import Path

from bench.server import child_processes, free_port
from deploy.nginx_conf import normalise_prefix, site_config, standalone_config

NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


class NginxProxy:
    """nginx on a free port of 127.0.0.1 in front of replicas on the given ports.

    Parameters
    ----------
    ports : list of int
        Ports of the replicas on 127.0.0.1.
    run_dir : pathlib.Path
        Folder for the configuration, pid file, logs and temporary files (created, mode 755:
        nginx started as root runs its workers as nobody).
    prefix : str
        The path the site is served under (``/`` or e.g. ``/atlas``), as the replicas' ``server.baseUrlPath``.
    frontend : pathlib.Path, optional
        A folder :func:`deploy.frontend.prepare_frontend` wrote: nginx serves Streamlit's frontend from it.

    Raises
    ------
    RuntimeError
        When nginx is missing, or does not answer the replicas' health check within ``timeout`` s
        (the message quotes its error log).
    """

    def __init__(self, ports: list[int], run_dir: Path, timeout: float = 20, prefix: str = "/",
                 frontend: Path | None = None):
        if not Path(NGINX).exists():
            raise RuntimeError("nginx is not installed (apt-get install -y nginx)")
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}{normalise_prefix(prefix)}"
        self.run_dir = run_dir
        run_dir.mkdir(parents=True, exist_ok=True)
        run_dir.chmod(0o755)
        if frontend is not None and os.geteuid() == 0:
            hidden = [str(folder) for folder in (frontend.resolve(), *frontend.resolve().parents)
                      if not folder.stat().st_mode & stat.S_IXOTH]
            if hidden:
                raise RuntimeError(f"nginx's workers (nobody) cannot enter {', '.join(hidden)}: chmod o+x")
        site = site_config([f"127.0.0.1:{port}" for port in ports], f"127.0.0.1:{self.port}", prefix,
                           show_upstream=True, frontend=frontend)
        (run_dir / "nginx.conf").write_text(standalone_config(site, run_dir))
        self.process = subprocess.Popen(
            [NGINX, "-p", str(run_dir), "-c", str(run_dir / "nginx.conf"), "-e", str(run_dir / "error.log"),
             "-g", "daemon off;"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                with urllib.request.urlopen(f"{self.url}_stcore/health", timeout=2) as response:
                    if response.read() == b"ok":
                        return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"nginx did not proxy the health check; error log:\n{self.error_log()}")

    def error_log(self) -> str:
        """Return nginx's error log so far."""
        path = self.run_dir / "error.log"
        return path.read_text() if path.exists() else "(none)"

    def pids(self) -> list[int]:
        """Return the process ids of the nginx master and its workers."""
        return [self.process.pid, *child_processes().get(self.process.pid, [])]

    def stop(self) -> None:
        """Stop nginx (SIGTERM, then SIGKILL after 10 s)."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
