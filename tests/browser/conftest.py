"""Browser fixtures: Debian's Chromium driven by Playwright, and a JupyterLab server.

Playwright's own browser download is never used: Chromium comes from apt (``make test``
installs it when missing). Without it, or without the ``playwright`` package, these tests
are skipped with a message saying what to install.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "artifacts" / "screenshots"
DOCS_SCREENSHOTS = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("WORKBENCH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 60_000
# What a JupyterLab under test must not do: fetch news, autosave over the committed notebooks,
# or detach off-screen cells (charts must be in the DOM to be counted).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}

def _local_only(route) -> None:
    """Let the page reach files and this machine's servers only."""
    url = route.request.url
    if url.startswith(("file://", "data:", "blob:", "http://127.0.0.1", "ws://127.0.0.1")):
        route.continue_()
    else:
        route.abort()


def offline_only(route) -> None:
    """Let the page reach local files only (an exported report must need nothing else)."""
    if route.request.url.startswith(("file://", "data:", "blob:")):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def browser():
    """A headless Chromium (Debian's), closed after the module."""
    if not Path(CHROMIUM).is_file():
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM}. Install it with "
                    "`sudo apt-get install -y chromium` (make test does this) or set WORKBENCH_CHROMIUM.")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("browser tests skipped: the playwright package is missing: pip install -e '.[dev]'")
    pw = sync_playwright().start()
    try:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, timeout=TIMEOUT_MS)
        try:
            yield browser
        finally:
            browser.close()
    finally:
        pw.stop()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _write_settings(folder: Path) -> None:
    for plugin, values in LAB_SETTINGS.items():
        path = folder / (plugin + ".jupyterlab-settings")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    """JupyterLab on 127.0.0.1 (free port, fresh token) serving a copy of the notebooks.

    A copy, so that nothing the browser does can change the committed notebooks. Yields
    ``(base_url, token)``; the server is stopped (SIGTERM, then SIGKILL) at the end.
    """
    tmp = tmp_path_factory.mktemp("lab")
    root = tmp / "notebooks"
    root.mkdir()
    for nb in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"):
        shutil.copy(nb, root / nb.name)
    _write_settings(tmp / "settings")
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", f"--ServerApp.root_dir={root}",
           "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
           f"--IdentityProvider.token={token}", f"--LabApp.user_settings_dir={tmp / 'settings'}",
           f"--LabApp.workspaces_dir={tmp / 'workspaces'}"]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    log = (tmp / "lab.log").open("wb")
    env = {**os.environ, "JUPYTER_RUNTIME_DIR": str(tmp / "runtime")}
    proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=root, env=env, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            if proc.poll() is not None:
                pytest.fail(f"JupyterLab exited with code {proc.returncode}: {(tmp / 'lab.log').read_text()[-2000:]}")
            try:
                req = urllib.request.Request(f"{base}/api/status", headers={"Authorization": f"token {token}"})
                with urllib.request.urlopen(req, timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not answer within 60 s: {(tmp / 'lab.log').read_text()[-2000:]}")
            time.sleep(0.3)
        yield base, token
    finally:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=15)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            proc.wait(timeout=15)
        log.close()
