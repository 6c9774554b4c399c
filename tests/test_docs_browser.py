"""The built documentation site, opened page by page in a real headless browser.

What a reader sees, not what the Markdown says: the site is built with ``mkdocs build
--strict`` (or the ``site/`` of ``make docs`` is reused when it is newer than every input),
served from a thread on a free loopback port, and every HTML page is opened in Debian's
Chromium (headless, window 1366 x 900, through its chromedriver and Selenium). A test fails
naming each page and the offending text for:

- **raw reStructuredText roles**: ``:class:``, ``:func:``, ``:meth:``, ``:mod:``,
  ``:data:``, ``:attr:`` or ``:exc:`` in the page's text outside code (a role written
  inside backticks on purpose is code, and is not counted). Roles inside the API
  reference's docstrings are their own test, an expected failure until
  ``scripts/docstring_roles.py`` converts the docstrings;
- **broken tables**: a line of the content's text (code blocks apart) that starts with
  ``|`` and holds ``|---`` or at least three ``|`` (a Markdown table that did not render),
  or that holds a reStructuredText table border (``=====  =====``);
- **horizontal overflow at 1366 px**: the page itself scrolls sideways (the document is
  wider than the window), or a visible element of the main content (``article``) reaches
  past the article's left or right edge, unless an ancestor inside the article scrolls it in
  its own box (``overflow-x: auto`` or ``scroll``: code blocks, Material's table wrappers,
  notebook outputs). An element cut off by ``overflow-x: hidden`` or ``clip`` counts. The
  home page's code blocks must moreover fit without scrolling (issue 14: its code was cut
  off at common screen widths).

Without Chromium and chromedriver the tests skip, naming what is missing, unless the
environment variable ``FLEXASN_DOCS_BROWSER`` is ``required`` (``.ci/run`` sets it, after
installing Debian's ``chromium`` and ``chromium-driver``): then they fail.
"""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, TypedDict, cast

import pytest

ROOT = Path(__file__).resolve().parents[1]
WIDTH, HEIGHT = 1366, 900
ROLES = ("class", "func", "meth", "mod", "data", "attr", "exc")
# Inputs of the site: a site/ older than any of them is rebuilt (into a temporary folder).
INPUTS = ("docs", "src/flexasn", "mkdocs.yml", "CHANGELOG.md", "README.md")
# The environment `make docs` builds the site in (the Makefile's docs recipe).
BUILD_ENV = {
    "NO_MKDOCS_2_WARNING": "1",
    "JUPYTER_CONFIG_PATH": str(ROOT / "docs" / "jupyter"),
}


class Finding(TypedDict):
    page: str
    text: str


class PageReport(TypedDict):
    page: str
    width: int
    roles: list[dict[str, Any]]
    tables: list[str]
    overflow: list[str]
    code_scrolls: list[str]
    toc_missing: list[str]


# One script per page: returns a PageReport (without "page"). Text outside <pre>/<code>.
PAGE_SCRIPT = r"""
const ROLE = /:(class|func|meth|mod|data|attr|exc):/;
const article = document.querySelector("article") || document.body;
const inCode = (node) => {
  for (let e = node.parentElement; e; e = e.parentElement) {
    if (e.tagName === "PRE" || e.tagName === "CODE") return true;
  }
  return false;
};
const snippet = (node) => {
  let text = node.textContent;
  let next = node.nextSibling;
  for (let i = 0; next && i < 2; i++, next = next.nextSibling) text += next.textContent;
  return text.replace(/\s+/g, " ").trim().slice(0, 160);
};
const roles = [];
const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
for (let node = walker.nextNode(); node; node = walker.nextNode()) {
  if (ROLE.test(node.textContent) && !inCode(node)) {
    roles.push({text: snippet(node), docstring: !!node.parentElement.closest(".doc")});
  }
}
const codeLines = new Set();
article.querySelectorAll("pre").forEach((pre) => {
  pre.innerText.split("\n").forEach((line) => codeLines.add(line.trim()));
});
const tables = [];
article.innerText.split("\n").forEach((raw) => {
  const line = raw.trim();
  if (codeLines.has(line)) return;
  const pipes = (line.match(/\|/g) || []).length;
  const pipeTable = line.startsWith("|") && (line.includes("|---") || pipes >= 3);
  if (pipeTable || /={5,}\s+={5,}/.test(line)) tables.push(line.slice(0, 160));
});
const root = document.documentElement;
const overflow = [];
if (root.scrollWidth > root.clientWidth + 1) {
  overflow.push(`the page scrolls sideways: ${root.scrollWidth} px wide ` +
                `in a ${root.clientWidth} px window`);
}
// The container: Material's main column between the sidebars (its article sits inside with
// a margin that table wrappers use, by design); the article itself on another theme.
const box = (document.querySelector(".md-content") || article).getBoundingClientRect();
const scrolledInOwnBox = (e) => {
  for (let a = e.parentElement; a && a !== article; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if (o === "auto" || o === "scroll") return true;
  }
  return false;
};
const describe = (e) => {
  const tag = e.tagName.toLowerCase() + (e.className && typeof e.className === "string"
    ? "." + e.className.trim().split(/\s+/).join(".") : "");
  const text = (e.innerText || e.textContent || "").replace(/\s+/g, " ").trim();
  return `${tag} "${text.slice(0, 80)}"`;
};
for (const e of article.querySelectorAll("*")) {
  const r = e.getBoundingClientRect();
  const style = getComputedStyle(e);
  if (r.width === 0 || r.height === 0 || style.visibility === "hidden") continue;
  if (style.position === "fixed") continue;
  if (r.right <= box.right + 1 && r.left >= box.left - 1) continue;
  if (scrolledInOwnBox(e)) continue;
  overflow.push(`${describe(e)} spans ${Math.round(r.left)}-${Math.round(r.right)} px, ` +
                `the content ${Math.round(box.left)}-${Math.round(box.right)} px`);
  if (overflow.length > 5) break;
}
const codeScrolls = [];
article.querySelectorAll("pre > code, pre").forEach((c) => {
  if (c.scrollWidth > c.clientWidth + 1) {
    const longest = c.innerText.split("\n").reduce((a, b) => (b.length > a.length ? b : a), "");
    codeScrolls.push(`${c.scrollWidth} px of code in ${c.clientWidth} px: ` +
                     longest.trim().slice(0, 100));
  }
});
const toc = new Set(Array.from(document.querySelectorAll("nav.md-nav--secondary a[href^='#']"),
                              (a) => decodeURIComponent(a.getAttribute("href").slice(1))));
const tocMissing = [];
if (document.querySelector("nav.md-nav--secondary")) {
  article.querySelectorAll("h2[id], h3[id], h4[id]").forEach((h) => {
    const title = h.innerText.replace(/\s+/g, " ").replace(/¶$/, "").trim();
    if (!toc.has(h.id)) tocMissing.push(`${h.tagName.toLowerCase()} "${title}"`);
  });
}
return {width: window.innerWidth, roles, tables, overflow, code_scrolls: codeScrolls,
        toc_missing: tocMissing};
"""


def _missing_browser() -> str | None:
    """What is missing to run the browser, or None."""
    missing = [name for name in ("chromium", "chromedriver") if shutil.which(name) is None]
    try:
        import selenium  # noqa: F401
    except ImportError:  # pragma: no cover - selenium is in the dev extra
        missing.append("the selenium package (dev extra)")
    if not missing:
        return None
    return (
        f"no {' and no '.join(missing)} on this machine: install Debian's chromium and "
        "chromium-driver (as .ci/run does) to run the browser test of the docs"
    )


def _skip_or_fail(reason: str) -> None:
    if os.environ.get("FLEXASN_DOCS_BROWSER", "") == "required":
        pytest.fail(f"FLEXASN_DOCS_BROWSER=required, but {reason}", pytrace=False)
    pytest.skip(reason)


def _newest_input() -> float:
    newest = 0.0
    for name in INPUTS:
        path = ROOT / name
        paths = path.rglob("*") if path.is_dir() else [path]
        for p in paths:
            if p.is_file() and "__pycache__" not in p.parts:
                newest = max(newest, p.stat().st_mtime)
    return newest


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built site: ``site/`` when ``make docs`` built it after every input changed."""
    built = ROOT / "site" / "sitemap.xml"
    if built.exists() and built.stat().st_mtime >= _newest_input():
        return built.parent
    out = tmp_path_factory.mktemp("site")
    mkdocs = Path(sys.executable).with_name("mkdocs")
    subprocess.run(
        [str(mkdocs), "build", "--strict", "--quiet", "--site-dir", str(out)],
        cwd=ROOT,
        check=True,
        env={**os.environ, **BUILD_ENV},
    )
    return out


def test_the_site_is_built_as_make_docs_builds_it() -> None:
    # the Makefile's docs recipe: NO_MKDOCS_2_WARNING=1 JUPYTER_CONFIG_PATH=$(CURDIR)/docs/jupyter
    # (the notebook kernel's settings: without them the build warns about IPKernel)
    assert sorted(BUILD_ENV) == ["JUPYTER_CONFIG_PATH", "NO_MKDOCS_2_WARNING"]
    assert BUILD_ENV["NO_MKDOCS_2_WARNING"] == "1"
    assert BUILD_ENV["JUPYTER_CONFIG_PATH"] == str(ROOT / "docs" / "jupyter")
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ndocs:", 1)[1]
    assert "NO_MKDOCS_2_WARNING=1 JUPYTER_CONFIG_PATH=$(CURDIR)/docs/jupyter" in recipe
    assert (ROOT / "docs" / "jupyter").is_dir()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        """No access log on the test's output."""


@contextlib.contextmanager
def _serve(folder: Path) -> Iterator[str]:
    """``folder`` over HTTP on a free loopback port, from a thread; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def driver(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """Debian's Chromium, headless, 1366 x 900, through its chromedriver."""
    reason = _missing_browser()
    if reason:
        _skip_or_fail(reason)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "chromium"
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--window-size={WIDTH},{HEIGHT}",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium')}",
    ):
        options.add_argument(flag)
    # An explicit chromedriver: Selenium then never looks for (or downloads) a driver.
    service = Service(executable_path=shutil.which("chromedriver") or "chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_page_load_timeout(30)
    try:
        yield browser
    finally:
        browser.quit()


def _pages(site: Path) -> list[str]:
    """Every HTML page of the site, as a path relative to its root."""
    skip = ("assets", "search")
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*.html")
        if p.relative_to(site).parts[0] not in skip
    )


def _measure(driver: Any, folder: Path, pages: list[str]) -> list[PageReport]:
    with _serve(folder) as address:
        found: list[PageReport] = []
        for page in pages:
            driver.get(address + page)
            measured: dict[str, Any] = driver.execute_script(PAGE_SCRIPT)
            found.append(cast(PageReport, {"page": page, **measured}))
    return found


@pytest.fixture(scope="module")
def reports(driver: Any, site: Path) -> list[PageReport]:
    """Every page of the site, opened and measured."""
    return _measure(driver, site, _pages(site))


def _report(findings: list[Finding]) -> str:
    pages = sorted({f["page"] for f in findings})
    lines = [f"{len(findings)} finding(s) on {len(pages)} page(s):"]
    lines += [f"  {f['page']}: {f['text']}" for f in findings]
    return "\n".join(lines)


def test_every_page_was_opened_at_1366_px(reports: list[PageReport]) -> None:
    pages = {r["page"] for r in reports}
    assert {"index.html", "api/index.html", "legal-sources/index.html"} <= pages
    assert len(pages) >= 15
    narrow = [r["page"] for r in reports if r["width"] != WIDTH]
    assert not narrow, f"not opened {WIDTH} px wide: {narrow}"


def test_no_raw_roles_outside_docstrings(reports: list[PageReport]) -> None:
    found: list[Finding] = [
        {"page": r["page"], "text": role["text"]}
        for r in reports
        for role in r["roles"]
        if not role["docstring"]
    ]
    assert not found, _report(found)


def test_no_raw_roles_in_docstrings(reports: list[PageReport]) -> None:
    found: list[Finding] = [
        {"page": r["page"], "text": role["text"]}
        for r in reports
        for role in r["roles"]
        if role["docstring"]
    ]
    assert not found, _report(found)


def test_no_broken_tables(reports: list[PageReport]) -> None:
    found: list[Finding] = [{"page": r["page"], "text": t} for r in reports for t in r["tables"]]
    assert not found, _report(found)


def test_no_horizontal_overflow_at_1366_px(reports: list[PageReport]) -> None:
    found: list[Finding] = [{"page": r["page"], "text": o} for r in reports for o in r["overflow"]]
    assert not found, _report(found)


def test_every_heading_is_in_the_table_of_contents(reports: list[PageReport]) -> None:
    found: list[Finding] = [
        {"page": r["page"], "text": f"{h} is not in the page's table of contents"}
        for r in reports
        for h in r["toc_missing"]
    ]
    assert not found, _report(found)


def test_home_page_code_fits_at_1366_px(reports: list[PageReport]) -> None:
    home = next(r for r in reports if r["page"] == "index.html")
    found: list[Finding] = [{"page": "index.html", "text": c} for c in home["code_scrolls"]]
    assert not found, _report(found)


# The checks themselves, on a made-up page holding one fault of each kind.
FAULTY_PAGE = """<!doctype html><html><head><meta charset="utf-8"><style>
body { margin: 0; } .md-content { width: 500px; margin-left: 700px; }
pre { overflow-x: auto; } .clip { overflow-x: hidden; width: 200px; }
</style></head><body>
<nav class="md-nav md-nav--secondary"><a href="#listed">listed</a></nav>
<div class="md-content"><article>
<h2 id="listed">Listed</h2><h2 id="unlisted">Unlisted</h2>
<p>See :class:<code>~flexasn.Opd</code> for the office.</p>
<p>A role in code is meant: <code>:func:</code>.</p>
<div class="doc"><p>Returns :func:<code>flexasn.quota</code>.</p></div>
<p>| kolom | nilai |<br>|---|---|<br>| a | b |</p>
<p>============== ============== column value</p>
<pre><code>| code | that | is | fine |  and a very long line of code that scrolls in its box
</code></pre>
<p><span style="white-space: nowrap">a line of prose that does not wrap and runs far past
the right edge of the content column, so that a reader has to scroll</span></p>
<div class="clip"><span style="white-space: nowrap">cut off without a scroll bar, far
past the edge of the clipping box and of the content</span></div>
</article></div></body></html>
"""


def test_the_checks_find_each_fault(driver: Any, tmp_path: Path) -> None:
    (tmp_path / "faulty.html").write_text(FAULTY_PAGE, encoding="utf-8")
    (report,) = _measure(driver, tmp_path, ["faulty.html"])
    assert [(r["text"][:30], r["docstring"]) for r in report["roles"]] == [
        ("See :class:~flexasn.Opd for th", False),
        ("Returns :func:flexasn.quota.", True),
    ]
    assert report["tables"] == [
        "| kolom | nilai |",
        "|---|---|",
        "| a | b |",
        "============== ============== column value",
    ]
    overflow = "\n".join(report["overflow"])
    assert "the page scrolls sideways" in overflow
    assert '"a line of prose' in overflow
    assert '"cut off without a scroll bar' in overflow
    assert "very long line of code" not in overflow
    assert len(report["code_scrolls"]) == 1
    assert report["toc_missing"] == ['h2 "Unlisted"']
