"""deploy/nginx_conf.py: the Jinja2 template writes what the string-built generator wrote, byte for byte.

The files in tests/data/nginx/ are the output of the implementation before the template (commit
da5eca2's parent), for three argument sets; ``standalone.conf`` has its runtime folder as RUN_DIR.
Changed since, by hand and on purpose: ``gzip_comp_level 5`` and ``text/javascript`` (2026-12-03);
the app's static files and streamlit-folium's scripts answered cacheable (2026-12-05).
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from deploy.nginx_conf import main, site_config, standalone_config
from tests.conftest import ROOT

FIXTURES = ROOT / "tests" / "data" / "nginx"
DEFAULT = ["--replica", "127.0.0.1:8501", "--replica", "127.0.0.1:8502"]
PREFIXED = [
    "--replica", "127.0.0.1:8501", "--replica", "10.0.0.7:8502", "--replica", "[::1]:8503",
    "--prefix", "/atlas/", "--listen", "127.0.0.1:8080", "--server-name", "atlas.example.org", "--show-upstream",
]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "deploy.nginx_conf", *args], cwd=ROOT, capture_output=True, check=False
    )


@pytest.mark.parametrize(("args", "fixture"), [(DEFAULT, "default.conf"), (PREFIXED, "prefix.conf")])
def test_cli_prints_the_old_output(args, fixture):
    result = run_cli(*args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (FIXTURES / fixture).read_bytes()


def test_standalone_writes_the_old_output(tmp_path):
    run_dir = tmp_path / "run"
    args = ["--replica", "127.0.0.1:8501", "--listen", "127.0.0.1:8080", "--prefix", "maps/atlas"]
    assert main([*args, "--standalone", str(run_dir)]) == 0
    expected = (FIXTURES / "standalone.conf").read_text().replace("RUN_DIR", str(run_dir.resolve()))
    assert (run_dir / "nginx.conf").read_bytes() == expected.encode()


def test_committed_config_is_the_default_output():
    assert (ROOT / "deploy" / "nginx.conf").read_bytes() == (FIXTURES / "default.conf").read_bytes()
    assert site_config(["127.0.0.1:8501", "127.0.0.1:8502"]) == (FIXTURES / "default.conf").read_text()


def test_outputs_are_plain_strings(tmp_path):
    site = site_config(["127.0.0.1:8501"])
    assert type(site) is str
    assert type(standalone_config(site, tmp_path)) is str


@pytest.mark.parametrize(
    "overrides",
    [
        {"replicas": []},
        {"replicas": ["127.0.0.1"]},
        {"replicas": ["127.0.0.1:8501; include /etc/passwd"]},
        {"replicas": ["127.0.0.1:99999"]},
        {"replicas": ["127.0.0.1:0"]},
        {"listen": "80; include /etc/passwd"},
        {"listen": "80 default_server"},
        {"listen": "70000"},
        {"listen": ""},
        {"server_name": "a.example; return 200"},
        {"server_name": "a.example\n}"},
        {"server_name": ""},
        {"prefix": "/atlas/ { return 200; }"},
        {"prefix": "/at las/"},
    ],
)
def test_malformed_values_are_refused(overrides):
    arguments = {"replicas": ["127.0.0.1:8501"], "listen": "80", "prefix": "/", "server_name": "_"} | overrides
    with pytest.raises(ValueError):
        site_config(**arguments)


@pytest.mark.parametrize("listen", ["80", "8080", "127.0.0.1:8080", "[::1]:8080", "localhost:65535"])
def test_listen_values_nginx_takes(listen):
    assert f"    listen {listen};\n" in site_config(["127.0.0.1:8501"], listen=listen)


@pytest.mark.parametrize("name", ["_", "atlas.example.org", "atlas.example.org www.atlas.example.org", "*.example.org"])
def test_server_names_nginx_takes(name):
    assert f"    server_name {name};\n" in site_config(["127.0.0.1:8501"], server_name=name)


@pytest.mark.parametrize("folder", ["with space", "semi;colon", "brace{", "dollar$x", "quote'"])
def test_standalone_refuses_a_folder_nginx_would_misread(tmp_path, folder):
    with pytest.raises(ValueError):
        standalone_config(site_config(["127.0.0.1:8501"]), tmp_path / folder)


def test_cli_reports_a_malformed_value():
    result = run_cli("--replica", "127.0.0.1:8501", "--listen", "80;")
    assert result.returncode == 2
    assert b"listen '80;' is not a port or host:port" in result.stderr


def test_a_prepared_frontend_is_served_from_its_folder_with_its_compressed_copies(tmp_path):
    site = site_config(["127.0.0.1:8501"], prefix="/atlas/", frontend=tmp_path, brotli=True)
    block = site.split("location ^~ /atlas/static/ {", 1)[1].split("\n    }\n", 1)[0]
    assert f"alias {tmp_path.resolve()}/static/;" in block
    assert "brotli_static on;" in block and "gzip_static on;" in block
    assert "application/javascript js;" in block and "font/woff2 woff2;" in block
    assert "error_page 404 = @atlas_frontend_from_replica;" in block
    assert "location @atlas_frontend_from_replica {\n        proxy_pass http://atlas_replicas;" in site
    assert "load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;" in standalone_config(site, tmp_path)


def test_without_the_brotli_module_the_frontend_is_sent_gzipped_and_no_module_is_loaded(tmp_path):
    site = site_config(["127.0.0.1:8501"], frontend=tmp_path, brotli=False)
    assert "gzip_static on;" in site and "brotli_static" not in site
    assert "load_module" not in standalone_config(site, tmp_path)


def test_without_a_frontend_nothing_changes(tmp_path):
    assert site_config(["127.0.0.1:8501", "127.0.0.1:8502"], brotli=True) == (FIXTURES / "default.conf").read_text()


@pytest.mark.parametrize("folder", ["with space", "semi;colon", "brace{", "quote'", "dollar$x"])
def test_a_frontend_folder_that_could_add_a_directive_is_refused(tmp_path, folder):
    with pytest.raises(ValueError, match="frontend folder"):
        site_config(["127.0.0.1:8501"], frontend=tmp_path / folder)


def _block(site: str, opening: str) -> str:
    return site.split(opening, 1)[1].split("\n    }\n", 1)[0]


def test_the_apps_files_and_the_components_scripts_are_answered_cacheable():
    site = site_config(["127.0.0.1:8501"], prefix="/atlas/")
    files = _block(site, "location ^~ /atlas/app/static/ {")
    assert "proxy_pass http://atlas_replicas;" in files and "proxy_hide_header Cache-Control;" in files
    assert 'add_header Cache-Control "public, max-age=86400";' in files
    scripts = _block(site, "location ^~ /atlas/component/streamlit_folium.st_folium/static/ {")
    assert 'add_header Cache-Control "public, immutable, max-age=31536000";' in scripts
    # Nothing else gains a lifetime: the page and the WebSocket are the replicas' as before.
    assert site.count("add_header Cache-Control") == 2


def test_a_prepared_frontend_sends_its_page_and_sets_the_sticky_cookie(tmp_path):
    site = site_config(["127.0.0.1:8501"], prefix="/atlas/", frontend=tmp_path, brotli=True, show_upstream=True)
    page = _block(site, "location = /atlas/ {")
    assert f"root {tmp_path.resolve()};" in page
    assert "try_files /index.html @atlas_page_from_replica;" in page
    assert "brotli_static on;" in page and "gzip_static on;" in page
    assert 'add_header Cache-Control "no-cache";' in page and "add_header Set-Cookie $atlas_set_cookie;" in page
    # Without the copy's page, a replica's, answered as every other page.
    fallback = _block(site, "location @atlas_page_from_replica {")
    assert fallback == _block(site, "location /atlas/ {")
    assert "add_header Set-Cookie $atlas_set_cookie;" in fallback and "X-Upstream" in fallback
    assert "location = /atlas/ {" not in site_config(["127.0.0.1:8501"], prefix="/atlas/")
