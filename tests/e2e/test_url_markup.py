"""No markup from a shared link: every page's URL parameters carry markdown and HTML payloads, and the rendered
DOM must hold no image, link or styled element made from them, and the browser must ask no outside host for
anything. The parameters come from the page registry (components/routes.py), so a new parameter is fuzzed
as soon as it is registered.

Each payload carries a marker (zq + a number) and stays under the 40 characters a notice repeats. A payload
shown as text is fine (the notice says what was ignored); it must not become markup.
"""

from __future__ import annotations

import json
from urllib.parse import quote, urlsplit

import pytest

from bench.browser import wait_app_ready
from components import routes

OUTSIDE = "elsewhere.example"
MARKDOWN = [
    "![zq{n}](http://elsewhere.example/{n}.png)",
    "[zq{n} Log in again](http://elsewhere.example)",
    ":red[zq{n}] **zq{n}b**",
    "$\\color{{red}}zq{n}$ _zq{n}i_",
    "`zq{n}` ~~zq{n}s~~ :material/home:",
    "2025-01-01..![zq{n}](http://elsewhere.example/x)",
]
HTML = [
    "<img src=http://elsewhere.example/{n}.png>",
    '<a href="http://elsewhere.example">zq{n}</a>',
    '<span style="color:red">zq{n}</span>',
    "<b>zq{n}</b><script>zq{n}</script>",
    "<iframe src=//elsewhere.example>zq{n}",
    "a,<img src=x onerror=zq{n}>,b",
]
PAGES = [page for page in routes.PAGES if page.params]

# markup a payload could have made: elements around a marker, images/links/frames pointing outside
FIND_MARKUP_JS = """() => {
  const bad = [];
  const formatting = new Set(['A', 'STRONG', 'B', 'EM', 'I', 'CODE', 'DEL', 'S', 'MARK', 'SUP', 'SUB', 'SCRIPT']);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!/zq[0-9]/.test(node.nodeValue)) continue;
    for (let el = node.parentElement; el && el !== document.body; el = el.parentElement) {
      if (el.matches('[data-testid="stMarkdownContainer"], [data-testid="stWidgetLabel"]')) break;
      const styled = el.hasAttribute('style') && /color/i.test(el.getAttribute('style'));
      const maths = /katex/i.test(el.className || '');
      const coloured = /^(red|blue|green|orange|violet|gray|rainbow|primary)/.test(el.getAttribute('data-color') || '');
      if (formatting.has(el.tagName) || styled || maths || coloured) {
        bad.push(el.tagName + ': ' + node.nodeValue.slice(0, 60));
        break;
      }
    }
  }
  for (const el of document.querySelectorAll('img[src], a[href], iframe[src], source[src], link[href]')) {
    const url = el.getAttribute('src') || el.getAttribute('href') || '';
    if (/elsewhere\\.example|zq[0-9]/.test(url)) bad.push(el.tagName + ' -> ' + url);
  }
  for (const frame of document.querySelectorAll('iframe[srcdoc]')) {
    if (/elsewhere\\.example/.test(frame.getAttribute('srcdoc'))) bad.push('iframe srcdoc names ' + 'elsewhere');
  }
  return JSON.stringify(bad);
}"""


def query(page: routes.Page, payloads: list[str]) -> str:
    pairs = [
        f"{param.name}={quote(payloads[i % len(payloads)].format(n=i), safe='')}" for i, param in enumerate(page.params)
    ]
    return "?" + "&".join(pairs)


@pytest.mark.parametrize("kind", ["markdown", "html"])
@pytest.mark.parametrize("target", PAGES, ids=lambda p: p.key)
def test_url_payloads_make_no_markup(page, app_server, target, kind):
    payloads = MARKDOWN if kind == "markdown" else HTML
    url = f"{app_server}/{target.url_path}{query(target, payloads)}"
    page.goto(url)
    wait_app_ready(page)
    bad = json.loads(page.evaluate(FIND_MARKUP_JS))
    assert not bad, f"{target.key}: markup from the URL: {bad[:8]}"
    asked = [u for u in page.request_log.urls if OUTSIDE in (urlsplit(u).hostname or "")]
    assert not asked, f"{target.key}: the browser fetched from the payload's host: {asked[:5]}"
    boxes = page.locator('[data-testid="stException"]')
    assert boxes.count() == 0, f"{target.key}: exception box: {boxes.first.inner_text()[:300]}"
    text = page.inner_text('[data-testid="stMain"]')
    assert "URL parameter" in text, f"{target.key}: no notice said which values were ignored"


def test_every_page_with_parameters_is_fuzzed():
    assert {p.key for p in PAGES} == {p.key for p in routes.PAGES if p.params}
    assert len(PAGES) >= 7
