"""Hosted defaults: the committed Streamlit config limits what a stranger can see and send; no secret is in the repository.

Each test names the defence it guards and fails when that defence is removed.
"""

from __future__ import annotations

import re
import subprocess
import tomllib

import pytest

from tests.conftest import ROOT

CONFIG = ROOT / ".streamlit" / "config.toml"
LARGEST_UPLOAD_MB = 50
"""Largest ``server.maxUploadSize`` accepted here: Streamlit's own default (200 MB) is far more
than any map layer needs, and every upload is held in the server's memory."""
SECRET_PATTERNS = {
    "private key": re.compile(r"-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----"),
    "AWS access key id": re.compile(r"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"),
    "GitHub token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b"),
    "Slack token": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    "Google API key": re.compile(r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    "Stripe secret key": re.compile(r"\b[sr]k_live_[0-9A-Za-z]{16,}\b"),
    "OpenAI-style secret key": re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_\-]{32,}\b"),
    "npm token": re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"),
    "JSON web token": re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    "password or token assigned in code or config": re.compile(
        r"""(?i)\b(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token)\b\s*[:=]\s*["'][^"'\s]{12,}["']"""
    ),
}
SKIPPED_SUFFIXES = (".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".zip", ".gz", ".woff", ".woff2")


@pytest.fixture(scope="module")
def config() -> dict:
    return tomllib.loads(CONFIG.read_text(encoding="utf-8"))


def repository_files() -> list[str]:
    """Tracked files plus new files git would add (untracked, not ignored): what a commit can publish."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT, capture_output=True, check=True,
    ).stdout.decode().split("\0")
    return sorted({name for name in listed if name and (ROOT / name).is_file()})


def test_error_details_are_limited_for_visitors(config):
    # Defence: client.showErrorDetails below "full", so an exception shows no traceback, paths or
    # values to a visitor ("type" shows the exception type; "none"/false show nothing).
    assert config["client"]["showErrorDetails"] in ("none", "type", False)


def test_uploads_are_capped(config):
    # Defence: server.maxUploadSize set (Streamlit's default is 200 MB) and small.
    assert 0 < config["server"]["maxUploadSize"] <= LARGEST_UPLOAD_MB


def test_the_hosted_server_serves_as_the_benchmark_measured(config):
    # The benchmark starts its servers with --server.fileWatcherType none (bench/server.py); the
    # hosted config must not add the polling of every source file the figures do not include.
    assert config["server"]["fileWatcherType"] == "none" and config["server"]["runOnSave"] is False


def test_usage_statistics_are_off(config):
    # Defence: browser.gatherUsageStats = false (a self-hosted or offline install sends nothing).
    assert config["browser"]["gatherUsageStats"] is False


def test_no_secrets_file_can_be_committed():
    # Defence: .streamlit/secrets.toml is neither tracked nor addable (git ignores it or it does not exist).
    files = repository_files()
    assert not [name for name in files if name.endswith("secrets.toml")], files


@pytest.mark.parametrize("kind", sorted(SECRET_PATTERNS))
def test_no_secret_in_the_repository(kind):
    # Defence: nothing that looks like a credential is tracked or about to be (keys, tokens, passwords).
    pattern = SECRET_PATTERNS[kind]
    found = []
    for name in repository_files():
        if name.endswith(SKIPPED_SUFFIXES) or name.startswith("tests/hardening/test_hosted_defaults.py"):
            continue
        text = (ROOT / name).read_bytes()[:2_000_000].decode("utf-8", errors="ignore")
        found += [f"{name}: {match.group()[:12]}…" for match in pattern.finditer(text)]
    assert not found, f"{kind} found: {found}"


@pytest.mark.parametrize("kind", sorted(SECRET_PATTERNS))
def test_secret_patterns_catch_a_planted_example(kind):
    # The scan above must be able to fail: each pattern finds a made-up example of its kind.
    examples = {
        "private key": "-----BEGIN OPENSSH PRIVATE KEY-----",
        "AWS access key id": "AKIA" + "ABCDEFGHIJKLMNOP",
        "GitHub token": "ghp_" + "a" * 36,
        "Slack token": "xoxb-" + "1234567890-abcdef",
        "Google API key": "AIza" + "B" * 35,
        "Stripe secret key": "sk_live_" + "c" * 24,
        "OpenAI-style secret key": "sk-" + "d" * 40,
        "npm token": "npm_" + "e" * 36,
        "JSON web token": "eyJ" + "f" * 12 + ".eyJ" + "g" * 12 + "." + "h" * 12,
        "password or token assigned in code or config": 'password = "' + "i" * 16 + '"',
    }
    assert SECRET_PATTERNS[kind].search(examples[kind])
