"""Write the nginx configuration that puts Drill Atlas replicas behind one address.

Streamlit keeps each browser session (widget state, the script run, files made for
``st.download_button``) in the memory of the process that served the page, and the page's
WebSocket (``_stcore/stream``) must reach that same process. So the proxy pins every browser to
one replica with a cookie it sets itself, and upgrades the WebSocket.

``python -m deploy.nginx_conf`` prints a configuration; ``deploy/nginx.conf`` is its output for
two replicas on 127.0.0.1:8501 and :8502, served at the site root on port 80.

Examples
--------
Two replicas below ``/atlas/``, as a file for ``/etc/nginx/conf.d/``::

    python -m deploy.nginx_conf --replica 127.0.0.1:8501 --replica 127.0.0.1:8502 --prefix /atlas/

A complete configuration that runs without root from a folder (``nginx -p DIR -c DIR/nginx.conf``)::

    python -m deploy.nginx_conf --replica 127.0.0.1:8501 --listen 127.0.0.1:8080 --standalone DIR
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Sequence
from pathlib import Path

STICKY_COOKIE = "atlas_replica"
UPSTREAM_HEADER = "X-Upstream"
# A day: an open page whose WebSocket is idle this long reconnects (to the same replica).
WEBSOCKET_TIMEOUT = "86400s"
# Streamlit's server.maxUploadSize in .streamlit/config.toml, in MB.
MAX_BODY = "20m"
GZIP_TYPES = "text/css text/plain application/javascript application/json application/geo+json image/svg+xml"

_REPLICA = re.compile(r"[A-Za-z0-9.\-\[\]:]+:\d{1,5}")
_PREFIX = re.compile(r"[A-Za-z0-9._~\-/]*")


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

    Returns
    -------
    str
        Text for a file in ``/etc/nginx/conf.d/``, or for the ``http`` block of
        :func:`standalone_config`.

    Raises
    ------
    ValueError
        If there is no replica, or a replica or the prefix is malformed.
    """
    if not replicas:
        raise ValueError("at least one replica is needed")
    for replica in replicas:
        if not _REPLICA.fullmatch(replica):
            raise ValueError(f"replica {replica!r} is not host:port")
    location = normalise_prefix(prefix)
    servers = "\n".join(f"    server {replica} max_fails=3 fail_timeout=10s;" for replica in replicas)
    upstream_header = f"        add_header {UPSTREAM_HEADER} $upstream_addr always;\n" if show_upstream else ""
    redirect = f"    location = {location.rstrip('/')} {{ return 301 {location}; }}\n\n" if location != "/" else ""
    proxy_headers = (
        "        proxy_set_header Host $http_host;\n"
        "        proxy_set_header X-Real-IP $remote_addr;\n"
        "        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;\n"
        "        proxy_set_header X-Forwarded-Proto $scheme;\n"
    )
    return f"""\
# Drill Atlas: {len(replicas)} `streamlit run` replica(s) behind nginx, written by deploy/nginx_conf.py.

# Sticky sessions. Streamlit keeps a session in the memory of the process that served the page,
# and the page's WebSocket must reach that process. A browser without the {STICKY_COOKIE} cookie
# is hashed on this request's random id, and the same id is set as its cookie, so every later
# request (assets, the WebSocket, reloads, downloads) hashes to the same replica. Unlike ip_hash,
# this spreads browsers behind one NAT or office proxy over all replicas.
map $cookie_{STICKY_COOKIE} $atlas_sticky_key {{
    ""      $request_id;
    default $cookie_{STICKY_COOKIE};
}}
map $cookie_{STICKY_COOKIE} $atlas_set_cookie {{
    ""      "{STICKY_COOKIE}=$request_id; Path={location}; HttpOnly; SameSite=Lax";
    default "";
}}
map $http_upgrade $atlas_connection {{
    default upgrade;
    ""      close;
}}

upstream atlas_replicas {{
    # consistent: adding or removing a replica moves only the browsers hashed to it.
    hash $atlas_sticky_key consistent;
{servers}
}}

server {{
    listen {listen};
    server_name {server_name};

    # Streamlit leaves its page and script bundle uncompressed for the proxy to compress.
    gzip on;
    gzip_proxied any;
    gzip_vary on;
    gzip_min_length 1024;
    gzip_types {GZIP_TYPES};
    client_max_body_size {MAX_BODY};

{redirect}    # The WebSocket that carries every rerun: upgrade it and keep it open while the page is.
    # Host keeps the port ($http_host, not $host): Streamlit refuses a WebSocket whose Origin
    # differs from Host, so on a port other than 80/443 $host would lock every browser out.
    location {location}_stcore/stream {{
        proxy_pass http://atlas_replicas;
        proxy_http_version 1.1;
        proxy_set_header Upgrade $http_upgrade;
        proxy_set_header Connection $atlas_connection;
{proxy_headers}        proxy_read_timeout {WEBSOCKET_TIMEOUT};
        proxy_send_timeout {WEBSOCKET_TIMEOUT};
        proxy_buffering off;
    }}

    # "ok" from one replica: this browser's, or a random one for a probe without the cookie.
    location = {location}_stcore/health {{
        proxy_pass http://atlas_replicas;
        access_log off;
    }}

    location {location} {{
        proxy_pass http://atlas_replicas;
        proxy_http_version 1.1;
{proxy_headers}        add_header Set-Cookie $atlas_set_cookie;
{upstream_header}    }}
}}
"""


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
        The access log ``access.log`` names the replica and sticky key of every request.
    """
    root = runtime_dir.resolve()
    http_body = "\n".join(f"    {line}" if line else "" for line in site.splitlines())
    return f"""\
worker_processes 1;
pid {root}/nginx.pid;
error_log {root}/error.log warn;

events {{
    worker_connections 1024;
}}

http {{
    default_type application/octet-stream;
    log_format atlas '$remote_addr [$time_local] "$request" $status $body_bytes_sent '
                     'replica=$upstream_addr key=$atlas_sticky_key time=$request_time';
    access_log {root}/access.log atlas;
    client_body_temp_path {root}/client_body;
    proxy_temp_path {root}/proxy;
    fastcgi_temp_path {root}/fastcgi;
    uwsgi_temp_path {root}/uwsgi;
    scgi_temp_path {root}/scgi;

{http_body}
}}
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Print a configuration, or write a standalone one into a folder; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m deploy.nginx_conf", description=__doc__.splitlines()[0])
    parser.add_argument("--replica", action="append", required=True, help="host:port of a replica (repeat)")
    parser.add_argument("--listen", default="80", help="nginx listen value (default 80)")
    parser.add_argument("--prefix", default="/", help="path the app is served below, as server.baseUrlPath")
    parser.add_argument("--server-name", default="_")
    parser.add_argument("--show-upstream", action="store_true", help=f"add the {UPSTREAM_HEADER} response header")
    parser.add_argument("--standalone", type=Path, metavar="DIR", help="write DIR/nginx.conf, a complete config")
    args = parser.parse_args(argv)
    try:
        site = site_config(args.replica, args.listen, args.prefix, args.server_name, args.show_upstream)
    except ValueError as error:
        parser.error(str(error))
    if args.standalone is None:
        sys.stdout.write(site)
        return 0
    args.standalone.mkdir(parents=True, exist_ok=True)
    target = args.standalone / "nginx.conf"
    target.write_text(standalone_config(site, args.standalone))
    print(target)
    return 0


if __name__ == "__main__":
    sys.exit(main())
