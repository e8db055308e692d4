"""Exported HTML reports opened from disk with every network request blocked: charts draw and
their Vega-Lite dropdowns still filter."""

from __future__ import annotations

import json

import pytest

from .conftest import NOTEBOOKS, TIMEOUT_MS, offline_only

pytestmark = pytest.mark.browser

CHARTS = "svg.marks, canvas.marks"
# Picks each option of each Vega dropdown in turn until a chart's pixels (or SVG) change.
DROPDOWN_CHANGES_A_CHART = """async () => {
  const pause = () => new Promise(r => setTimeout(r, 250));
  for (const sel of document.querySelectorAll('.vega-bindings select')) {
    const marks = sel.closest('.vega-embed').querySelector('.marks');
    const snap = () => marks.tagName.toLowerCase() === 'canvas' ? marks.toDataURL() : marks.outerHTML;
    const before = snap();
    for (const opt of [...sel.options].slice(1)) {
      sel.value = opt.value;
      sel.dispatchEvent(new Event('input', {bubbles: true}));
      sel.dispatchEvent(new Event('change', {bubbles: true}));
      await pause();
      if (snap() !== before) return opt.textContent;
    }
  }
  return null;
}"""


def report_charts(name: str) -> int:
    """Charts a report draws: chart cells of the notebook, the filter panel's left out."""
    nb = json.loads((NOTEBOOKS / f"{name}.ipynb").read_text(encoding="utf-8"))
    return sum(1 for c in nb["cells"] if c["cell_type"] == "code" and "C." in "".join(c["source"])
               and "dashboard(" not in "".join(c["source"]))


def open_offline(browser, path, *, dialogs: list | None = None):
    """A page showing ``path`` from file://, every other request aborted; the URLs that failed.

    ``dialogs`` collects the message of any alert/confirm/prompt, from the first byte loaded.
    """
    context = browser.new_context(viewport={"width": 1280, "height": 1200})
    context.route("**/*", offline_only)
    page = context.new_page()
    page.set_default_timeout(TIMEOUT_MS)
    blocked = []
    page.on("requestfailed", lambda r: blocked.append(r.url))
    if dialogs is not None:
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(path.resolve().as_uri(), wait_until="load")
    return context, page, blocked


def test_reports_render_and_filter_offline(seed_reports, browser):
    for report in seed_reports:
        name = report.html.stem
        context, page, blocked = open_offline(browser, report.html)
        try:
            expected = report_charts(name)
            page.wait_for_function(f"document.querySelectorAll({CHARTS!r}).length >= {expected}", timeout=TIMEOUT_MS)
            assert page.locator("text=Chart error").count() == 0, name
            assert page.locator(".vega-bindings select").count() >= 1, name
            assert page.evaluate(DROPDOWN_CHANGES_A_CHART), f"{name}: no Vega dropdown changed its chart"
            assert [u for u in blocked if not u.startswith("file://")] == [], f"{name} tried the network: {blocked}"
        finally:
            context.close()
