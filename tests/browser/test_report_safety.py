"""Hostile article text (issue 6): markup and script in an article end up as text in a report,
never run. The report is built by the `workbench report` command, as a user would."""

from __future__ import annotations

import subprocess
import sys

import pytest

from .conftest import ROOT, TIMEOUT_MS
from .test_reports_offline import CHARTS, open_offline

pytestmark = pytest.mark.browser

SCRIPT = "<script>window.__xss=1;alert(1)</script>"
IMG = '<img src=x onerror="window.__xss=1;alert(1)">'
BREAKOUT = "</script><script>window.__xss=1;alert(1)</script>"
ARTICLE = f"""Rockets hit Ain al-Asad air base {SCRIPT}

BAGHDAD -- Three rockets struck Ain al-Asad air base in western Iraq on Tuesday night, wounding two US soldiers {IMG}, a US defense official said.

"We will answer every attack on our forces {SCRIPT} {IMG}," the Pentagon spokesman said on Wednesday.

The Islamic Resistance in Iraq claimed the attack {BREAKOUT}. "The occupiers will leave {IMG} by force," a spokesman for Kata'ib Hezbollah said.
"""
CATALOG = "file,outlet,url,published\nhostile.txt,Reuters,https://example.org/hostile,2024-01-10\n"


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("hostile")
    (corpus / "hostile.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    out = corpus.parent / "hostile-reports"
    proc = subprocess.run([sys.executable, "-m", "workbench.cli", "report", "--corpus", str(corpus), "--out", str(out),
                           "--timeout", "120", "--jobs", "2"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return sorted(out.glob("*.html"))


def test_hostile_text_is_shown_never_run(hostile_reports, browser):
    assert len(hostile_reports) == 4
    # The payload did reach the reports, as data (titles, sentences, quotes).
    assert sum("alert(1)" in p.read_text(encoding="utf-8") for p in hostile_reports) >= 2
    shown = 0
    for path in hostile_reports:
        dialogs = []
        context, page, _ = open_offline(browser, path, dialogs=dialogs)
        try:
            page.wait_for_function(f"document.querySelectorAll({CHARTS!r}).length >= 1", timeout=TIMEOUT_MS)
            for marks in page.locator(CHARTS).all()[:6]:  # tooltips carry sentences too
                marks.hover()
            page.wait_for_timeout(500)
            assert dialogs == [], f"{path.name}: a dialog fired: {dialogs}"
            assert page.evaluate("typeof window.__xss") == "undefined", path.name
            assert page.locator("img[src=x], img[onerror]").count() == 0, path.name
            shown += "onerror=" in page.inner_text("body")
        finally:
            context.close()
    assert shown >= 1  # the markup is displayed as text somewhere (the tables)


def test_the_check_would_see_a_script_run(tmp_path, browser):
    """The same checks on a page that does run the payload: they must notice."""
    page_path = tmp_path / "unsafe.html"
    page_path.write_text(f"<html><body><p>{IMG}</p></body></html>", encoding="utf-8")
    dialogs = []
    context, page, _ = open_offline(browser, page_path, dialogs=dialogs)
    try:
        page.wait_for_function("window.__xss === 1", timeout=10_000)
        assert dialogs == ["1"]
    finally:
        context.close()
