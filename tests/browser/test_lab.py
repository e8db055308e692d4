"""The notebooks in a real JupyterLab: Run All Cells, every chart drawn, no error, widgets redraw."""

from __future__ import annotations

import json
import os
import shutil
import time
import urllib.request

import pytest

from .conftest import ARTIFACTS, DOCS_SCREENSHOTS, NOTEBOOKS, TIMEOUT_MS, _local_only

pytestmark = pytest.mark.browser

NAMES = sorted(p.name for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))
CHARTS = ".jp-OutputArea svg.marks, .jp-OutputArea canvas.marks"
ERRORS = ('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]:has-text("Traceback"), '
          '.jp-RenderedText:has-text("Traceback"), .jp-OutputArea-output:has-text("Chart error")')
# The notebook whose filter panel is exercised, and the control changed in it.
WIDGET_NOTEBOOK = "02-attack-counts.ipynb"
SCREENSHOT_VIEWPORT = {"width": 1280, "height": 1600}


def _chart_cells(name: str) -> int:
    """Code cells that draw a chart (a call into workbench.charts), the filter panel's included."""
    nb = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and "C." in "".join(c["source"]))


@pytest.fixture(scope="module")
def page(browser, lab):
    base, token = lab
    context = browser.new_context(viewport=SCREENSHOT_VIEWPORT)
    context.route("**/*", _local_only)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    page.goto(f"{base}/lab?token={token}", wait_until="domcontentloaded")  # sets the login cookie
    try:
        yield page, base
    finally:
        context.close()


def _api(base: str, token: str, path: str, method: str = "GET"):
    req = urllib.request.Request(f"{base}{path}", method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        body = resp.read()
    return json.loads(body) if body else None


def _session(page, base: str, token: str, name: str, *, timeout: float = 60) -> dict:
    """The notebook's kernel session once its kernel is up and idle (Lab's indicator says idle before).

    Waits with ``page.wait_for_timeout``, not ``time.sleep``: the page's requests go through
    a Python route handler, which only runs while Playwright has control.
    """
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for s in _api(base, token, "/api/sessions"):
            if s["path"].endswith(name) and s["kernel"]["execution_state"] == "idle":
                return s
        page.wait_for_timeout(500)
    pytest.fail(f"no idle kernel for {name} after {timeout} s: {_api(base, token, '/api/sessions')}")


def _run_all(page) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
    # Every code cell numbered (none pending "[*]"), then the kernel idle.
    page.wait_for_function(
        """() => {
          const cells = document.querySelectorAll('.jp-Notebook .jp-CodeCell .jp-InputPrompt');
          return cells.length > 0 && [...cells].every(p => /\\[\\d+\\]/.test(p.textContent));
        }""", timeout=180_000)
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT_MS)


def _change_a_filter(page) -> None:
    """Pick an option in the filter panel's first multiple-choice control with several choices."""
    output = page.locator(".jp-OutputArea .widget-output").last
    output.locator(".marks").first.wait_for()
    before = output.inner_html()
    selects = page.locator(".widget-select-multiple select, .widget-dropdown select")
    for i in range(selects.count()):
        select = selects.nth(i)
        values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
        if len(values) >= 2:
            select.select_option(values[0])
            break
    else:
        pytest.fail("no filter control with two or more choices")
    page.wait_for_function("([el, html]) => el.innerHTML !== html && el.querySelector('.marks')",
                           arg=[output.element_handle(), before], timeout=TIMEOUT_MS)


def _screenshot(page, name: str) -> None:
    """The first chart and what follows it, saved for artifacts/ (and docs/ on request)."""
    page.locator(CHARTS).first.scroll_into_view_if_needed()
    page.wait_for_timeout(300)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    target = ARTIFACTS / f"{name.removesuffix('.ipynb')}.png"
    page.screenshot(path=str(target))
    if os.environ.get("WORKBENCH_UPDATE_SCREENSHOTS"):
        DOCS_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(target, DOCS_SCREENSHOTS / target.name)


@pytest.mark.parametrize("n, name", list(enumerate(NAMES, start=1)))
def test_notebook_runs_in_lab(page, lab, n, name):
    page, base = page
    token = lab[1]
    page.goto(f"{base}/lab/workspaces/t{n}/tree/{name}?reset", wait_until="domcontentloaded")
    page.wait_for_selector(".jp-Notebook .jp-CodeCell", timeout=TIMEOUT_MS)
    session = None
    try:
        session = _session(page, base, token, name)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=TIMEOUT_MS)
        _run_all(page)
        expected = _chart_cells(name)
        page.wait_for_function(f"document.querySelectorAll({CHARTS!r}).length >= {expected}", timeout=TIMEOUT_MS)
        assert page.locator(ERRORS).count() == 0, page.locator(ERRORS).first.inner_text()
        if name == WIDGET_NOTEBOOK:
            _change_a_filter(page)
        _screenshot(page, name)
    except BaseException:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"FAILED-{name.removesuffix('.ipynb')}.png"))
        raise
    finally:
        if session:
            _api(base, token, f"/api/sessions/{session['id']}", method="DELETE")  # one kernel at a time
