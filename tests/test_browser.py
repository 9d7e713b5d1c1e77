"""End to end in a real browser: JupyterLab on a free local port with a token, Debian's Chromium
driven by Playwright (the system browser; nothing is downloaded), Run All on a notebook.

The notebook is a copy in a temporary folder whose parameters cell sends figures and tables to
that folder, so the committed files are never touched. A screenshot goes to test-artifacts/.
"""
from __future__ import annotations

import json
import os
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest

from helpers import paths
from helpers.pipeline import build

pytestmark = pytest.mark.browser

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = paths.ROOT / "test-artifacts"
SERVER_START_SECONDS = 90
RUN_ALL_SECONDS = 300


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def notebook_with_a_figure() -> Path:
    """The first committed notebook whose outputs include a figure."""
    for path in build.notebook_paths():
        nb = nbformat.read(path, as_version=4)
        if any("image/png" in o.get("data", {}) for c in nb.cells if c.cell_type == "code" for o in c.outputs):
            return path
    pytest.fail("no committed notebook shows a figure; run python -m helpers build")


def copy_with_output_dir(notebook: Path, folder: Path) -> Path:
    """Copy ``notebook`` into ``folder`` with ``output_dir`` pointing inside that folder."""
    nb = nbformat.read(notebook, as_version=4)
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source = cell.source.replace("output_dir = None", f"output_dir = {str(folder / 'out')!r}")
            assert str(folder / "out") in cell.source, "the parameters cell sets output_dir = None"
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    target = folder / notebook.name
    nbformat.write(nb, target)
    return target


@pytest.fixture
def jupyterlab(tmp_path):
    """A JupyterLab server for ``tmp_path/lab`` with its own settings; yields (url, token, folder)."""
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing (scripts/setup-env.sh installs Debian's chromium)")
    folder = tmp_path / "lab"
    folder.mkdir()
    port, token = free_port(), secrets.token_hex(16)
    env = dict(os.environ)
    for name in ("JUPYTER_CONFIG_DIR", "JUPYTER_RUNTIME_DIR", "JUPYTERLAB_SETTINGS_DIR", "JUPYTERLAB_WORKSPACES_DIR"):
        env[name] = str(tmp_path / name.lower())
    command = [
        str(Path(sys.executable).with_name("jupyter")), "lab", "--no-browser", f"--port={port}", "--ip=127.0.0.1",
        f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={folder}", "--ServerApp.port_retries=0",
        "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:  # containers and CI often run as root
        command.append("--allow-root")
    log = open(tmp_path / "jupyterlab.log", "wb")
    server = subprocess.Popen(command, cwd=folder, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while True:
            try:
                with urllib.request.urlopen(f"{url}/api/status?token={token}", timeout=2) as reply:
                    if reply.status == 200:
                        break
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"JupyterLab did not start:\n{(tmp_path / 'jupyterlab.log').read_text()[-3000:]}")
            time.sleep(0.3)
        yield url, token, folder
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


ALL_RAN = """() => {
    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')].map(p => p.textContent.trim());
    const idle = document.querySelector(".jp-Notebook-ExecutionIndicator[data-status='idle']");
    return prompts.length > 0 && prompts.every(p => /^\\[\\d+\\]:$/.test(p)) && idle !== null;
}"""


def accept_kernel_dialog(page, seconds: float) -> bool:
    """JupyterLab sometimes asks which kernel to start: take the notebook's own (python3)."""
    button = page.locator(".jp-Dialog .jp-mod-accept")
    try:
        button.click(timeout=seconds * 1000)
        return True
    except Exception:  # no dialog came up
        return False


def wait_until_all_cells_ran(page) -> None:
    """Until every code cell has an execution count and the kernel is idle again."""
    deadline = time.monotonic() + RUN_ALL_SECONDS
    while not page.evaluate(ALL_RAN):
        if time.monotonic() > deadline:
            page.screenshot(path=str(ARTIFACTS / "jupyterlab-timeout.png"))
            pytest.fail(f"Run All did not finish in {RUN_ALL_SECONDS} s (see test-artifacts/jupyterlab-timeout.png)")
        accept_kernel_dialog(page, seconds=0.5)


def test_run_all_in_jupyterlab_shows_figures_and_no_errors(jupyterlab):
    from playwright.sync_api import sync_playwright

    url, token, folder = jupyterlab
    notebook = copy_with_output_dir(notebook_with_a_figure(), folder)
    ARTIFACTS.mkdir(exist_ok=True)
    screenshot = ARTIFACTS / f"jupyterlab-{notebook.stem}.png"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{url}/lab/tree/{notebook.name}?token={token}")
            page.wait_for_selector(".jp-NotebookPanel .jp-Cell", timeout=120_000)
            accept_kernel_dialog(page, seconds=10)
            page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
            page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
            wait_until_all_cells_ran(page)
            page.keyboard.press("Control+s")
            page.wait_for_selector(".jp-mod-dirty", state="detached", timeout=30_000)
            images = page.locator(".jp-OutputArea-output img")
            assert images.count() > 0, "no figure appeared"
            assert page.evaluate("() => [...document.querySelectorAll('.jp-OutputArea-output img')].every(i => i.naturalWidth > 0)")
            stderr = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
            errors = [stderr.nth(k).inner_text()[:500] for k in range(stderr.count())]
            assert not errors, f"error or warning output in the browser: {errors}"
            news = page.locator(".jp-toast-button", has_text="No")  # "get notified about Jupyter news?"
            if news.count():
                news.first.click()
                page.locator(".Toastify__toast").first.wait_for(state="detached", timeout=10_000)
            page.locator(".jp-OutputArea-output img").first.scroll_into_view_if_needed()
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    assert screenshot.stat().st_size > 10_000
    assert any((folder / "out" / "figures").glob("*.png")), "the run saved its figures in its own folder"
    saved = json.loads(notebook.read_text(encoding="utf-8"))
    outputs = [o for c in saved["cells"] if c["cell_type"] == "code" for o in c["outputs"]]
    assert outputs and not [o for o in outputs if o["output_type"] == "error"]
