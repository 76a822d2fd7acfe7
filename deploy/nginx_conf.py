"""Write the nginx configuration that puts Drill Atlas replicas behind one address.

Streamlit keeps each browser session (widget state, the script run, files made for
``st.download_button``) in the memory of the process that served the page, and the page's
WebSocket (``_stcore/stream``) must reach that same process. So the proxy pins every browser to
one replica with a cookie it sets itself, and upgrades the WebSocket.

``python -m deploy.nginx_conf`` prints a configuration; ``deploy/nginx.conf`` is its output for
two replicas on 127.0.0.1:8501 and :8502, served at the site root on port 80. The text, comments
included, is the Jinja2 template ``deploy/nginx.conf.j2``; this module checks every value that
goes into it (nginx has no escaping, so a value must not be able to add a directive).

Examples
--------
Two replicas below ``/atlas/``, as a file for ``/etc/nginx/conf.d/``::

    python -m deploy.nginx_conf --replica 127.0.0.1:8501 --replica 127.0.0.1:8502 --prefix /atlas/

A complete configuration that runs without root from a folder (``nginx -p DIR -c DIR/nginx.conf``)::

    python -m deploy.nginx_conf --replica 127.0.0.1:8501 --listen 127.0.0.1:8080 --standalone DIR

Streamlit's frontend served by nginx from a copy ``python -m deploy.frontend FRONTEND`` prepared
(pre-compressed, its fonts cut down; see :mod:`deploy.frontend`)::

    python -m deploy.nginx_conf --replica 127.0.0.1:8501 --frontend FRONTEND
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

import jinja2

from deploy.frontend import MAP_COMPONENT

STICKY_COOKIE = "atlas_replica"
UPSTREAM_HEADER = "X-Upstream"
# A day: an open page whose WebSocket is idle this long reconnects (to the same replica).
WEBSOCKET_TIMEOUT = "86400s"
# Streamlit's server.maxUploadSize in .streamlit/config.toml, in MB.
MAX_BODY = "20m"
GZIP_TYPES = (
    "text/css text/plain application/javascript text/javascript application/json application/geo+json image/svg+xml"
)
# nginx's default level is 1. The scripts, styles and data a phone fetches before the landing map's
# first outline (3,443 KB) are 1,124 KB at level 1, 979 KB at level 5 and 970 KB at level 6: 0.7 s
# less at 1.6 Mbps. Level 5 compresses 4.5 MB of Streamlit's scripts in 99 ms, 6 in 135 ms, 9 in
# 190 ms (measured 2026-12-03 with Python's zlib, which nginx's gzip also uses).
GZIP_LEVEL = 5

BROTLI_STATIC_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_static_module.so")
"""Debian's ``libnginx-mod-http-brotli-static``: with it, nginx sends the frontend's ``.br`` copies."""

TEMPLATE = Path(__file__).with_name("nginx.conf.j2")
"""The configuration text: one Jinja2 macro for the site, one for the standalone wrapper."""

# Every value the template receives is one of these shapes (or a constant above): nginx syntax has
# no escaping, so a space, ';', '{' or quote in a value would add directives of its own.
_REPLICA = re.compile(r"[A-Za-z0-9.\-\[\]:]+:(\d{1,5})")
_LISTEN = re.compile(r"(?:(?:[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\]):)?(\d{1,5})")
_SERVER_NAME = re.compile(r"[A-Za-z0-9.*_\-]+(?: [A-Za-z0-9.*_\-]+)*")
_PREFIX = re.compile(r"[A-Za-z0-9._~\-/]*")
_RUNTIME_DIR = re.compile(r"[^\s;{}'\"#$\\]+")

# Autoescape off: this is nginx syntax, not HTML; the checks above keep the values inert.
# StrictUndefined: a misspelt name in the template fails instead of printing nothing.
_ENVIRONMENT = jinja2.Environment(
    loader=jinja2.FileSystemLoader(TEMPLATE.parent),
    autoescape=False,
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    undefined=jinja2.StrictUndefined,
)
_TEMPLATE = _ENVIRONMENT.get_template(
    TEMPLATE.name,
    globals={
        "STICKY_COOKIE": STICKY_COOKIE,
        "UPSTREAM_HEADER": UPSTREAM_HEADER,
        "WEBSOCKET_TIMEOUT": WEBSOCKET_TIMEOUT,
        "MAX_BODY": MAX_BODY,
        "GZIP_TYPES": GZIP_TYPES,
        "GZIP_LEVEL": GZIP_LEVEL,
        "MAP_COMPONENT": MAP_COMPONENT,
    },
)


def _check(value: str, pattern: re.Pattern, what: str, shape: str) -> None:
    """Raise ValueError unless ``value`` has ``pattern``'s shape, with any port in 1-65535."""
    match = pattern.fullmatch(value) if isinstance(value, str) else None
    port = match.groups()[0] if match and match.groups() else None
    if match is None or (port is not None and not 1 <= int(port) <= 65535):
        raise ValueError(f"{what} {value!r} is not {shape}")


def normalise_prefix(prefix: str) -> str:
    """Return ``prefix`` as nginx locations want it: ``/`` or ``/atlas/``.

    Parameters
    ----------
    prefix : str
        The path the app is served below, with or without slashes (``atlas``, ``/atlas/``); the
        same value as Streamlit's ``server.baseUrlPath``.

    Raises
    ------
    ValueError
        If the prefix holds characters other than letters, digits, ``._~-`` and ``/``.
    """
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"prefix {prefix!r} may only hold letters, digits, '._~-' and '/'")
    inner = "/".join(part for part in prefix.split("/") if part)
    return f"/{inner}/" if inner else "/"


def site_config(
    replicas: Sequence[str],
    listen: str = "80",
    prefix: str = "/",
    server_name: str = "_",
    show_upstream: bool = False,
    frontend: Path | None = None,
    brotli: bool | None = None,
) -> str:
    """Return the http-level nginx configuration for Drill Atlas replicas: maps, upstream, server.

    Parameters
    ----------
    replicas : sequence of str
        ``host:port`` of each ``streamlit run`` process.
    listen : str, default "80"
        nginx's ``listen`` value (``8080``, ``127.0.0.1:8080``).
    prefix : str, default "/"
        Path the app is served below; each replica must run with the same
        ``--server.baseUrlPath``.
    server_name : str, default "_"
        nginx's ``server_name`` (``_`` matches any host).
    show_upstream : bool, default False
        Add an ``X-Upstream`` response header naming the replica that answered (for tests and
        debugging; it shows internal addresses, so leave it off in production).
    frontend : pathlib.Path, optional
        A folder :func:`deploy.frontend.prepare_frontend` wrote: nginx then serves Streamlit's
        scripts, styles and fonts from its ``static/`` instead of asking a replica.
    brotli : bool, optional
        Send the frontend's ``.br`` copies (nginx's ``brotli_static``). Default: when
        :data:`BROTLI_STATIC_MODULE` is installed on this machine. Only used with ``frontend``.

    Returns
    -------
    str
        Text for a file in ``/etc/nginx/conf.d/``, or for the ``http`` block of
        :func:`standalone_config`.

    Raises
    ------
    ValueError
        If there is no replica, or a replica, the listen value, the server name, the prefix or the
        frontend's path is malformed (a port outside 1-65535 included).
    """
    if not replicas:
        raise ValueError("at least one replica is needed")
    for replica in replicas:
        _check(replica, _REPLICA, "replica", "host:port")
    location = normalise_prefix(prefix)
    _check(listen, _LISTEN, "listen", "a port or host:port")
    _check(server_name, _SERVER_NAME, "server name", "host names separated by spaces")
    if frontend is not None:
        frontend = frontend.resolve()
        _check(str(frontend), _RUNTIME_DIR, "frontend folder", "a path without spaces, quotes, backslashes or ;{}#$")
    if brotli is None:
        brotli = BROTLI_STATIC_MODULE.is_file()
    return _TEMPLATE.module.site(replicas, listen, location, server_name, show_upstream, frontend, brotli)


def standalone_config(site: str, runtime_dir: Path) -> str:
    """Wrap :func:`site_config` in a complete nginx.conf that keeps every file in ``runtime_dir``.

    Parameters
    ----------
    site : str
        What :func:`site_config` returned.
    runtime_dir : pathlib.Path
        Folder for the pid file, logs and temporary files; when nginx starts as root, its workers
        run as ``nobody`` and must be able to enter this folder (mode 755).

    Returns
    -------
    str
        Configuration for ``nginx -p runtime_dir -c runtime_dir/nginx.conf -e runtime_dir/error.log``.
        The access log ``access.log`` names the replica and sticky key of every request. A site
        that sends Brotli copies loads :data:`BROTLI_STATIC_MODULE` (a host's own nginx loads it
        from ``/etc/nginx/modules-enabled``).

    Raises
    ------
    ValueError
        If the folder's path holds a space, quote, ``;``, ``{``, ``}``, ``#``, ``$`` or a backslash.
    """
    root = runtime_dir.resolve()
    _check(str(root), _RUNTIME_DIR, "runtime folder", "a path without spaces, quotes, backslashes or ;{}#$")
    modules = [BROTLI_STATIC_MODULE] if "brotli_static on;" in site else []
    return _TEMPLATE.module.standalone(root, site, modules)


def main(argv: Sequence[str] | None = None) -> int:
    """Print a configuration, or write a standalone one into a folder; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx_conf", description=__doc__.splitlines()[0])
    parser.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    parser.add_argument("--listen", default="80", help="nginx listen value (default 80)")
    parser.add_argument("--prefix", default="/", help="path the app is served below, as server.baseUrlPath")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--show-upstream", action="store_true", help=f"add the {UPSTREAM_HEADER} response header")
    parser.add_argument("--standalone", type=Path, metavar="DIR", help="write DIR/nginx.conf, a complete config")
    parser.add_argument("--frontend", type=Path, metavar="DIR",
                        help="serve Streamlit's frontend from DIR/static, as python -m deploy.frontend DIR wrote it")
    args = parser.parse_args(argv)
    try:
        site = site_config(args.replica, args.listen, args.prefix, args.server_name, args.show_upstream,
                           args.frontend)
        config = None if args.standalone is None else standalone_config(site, args.standalone)
    except ValueError as error:
        parser.error(str(error))
    if config is None:
        sys.stdout.write(site)
        return 0
    args.standalone.mkdir(parents=True, exist_ok=True)
    target = args.standalone / "nginx.conf"
    target.write_text(config)
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
