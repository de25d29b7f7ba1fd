"""Measurements in Debian's Chromium: directory filters, search, kiosk transfer size.

Timings are taken inside the page with ``performance.now()``, so Playwright's
own round trips are not counted. Sizes are the bytes our local server sends
(it does not compress); a gzip estimate is given next to them, because a real
host compresses text.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import http.server
import statistics
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ClassVar
from urllib.parse import urlparse

CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
COMPRESSED = (".pf_fragment", ".pf_index", ".pf_meta", ".pf_filter", ".pagefind", ".png", ".jpg", ".woff2")

# The search page's own field: the header's search field (on every page since issue 32) comes first in the
# document, and a selector list would pick it, so typing there never shows a result.
SEARCH_INPUT = "#videre-soeg .pagefind-ui__search-input"
SEARCH_RESULT = ".pagefind-ui__result, .videre-soeg-resultat, [data-videre-resultat]"

# One filter change per call: set the value, dispatch 'change', wait for the count or list to change
# (MutationObserver; catches synchronous and asynchronous updates), force layout, read the clock.
FILTER_JS = """
async ({changes, seed}) => {
  const form = document.getElementById('videre-filtre');
  const count = document.getElementById('videre-antal');
  const list = document.getElementById('videre-resultater');
  const selects = Array.from(form.querySelectorAll('select'));
  let state = seed;
  const random = () => { state = (state * 1103515245 + 12345) % 2147483648; return state / 2147483648; };
  const times = [], found = [];
  for (let i = 0; i < changes; i++) {
    // Mostly the municipality (what staff change most), sometimes a facet; every 10th change clears all.
    const select = i % 10 === 9 ? null : (random() < 0.5 ? selects[0] : selects[1 + Math.floor(random() * (selects.length - 1))]);
    const done = new Promise(resolve => {
      const observer = new MutationObserver(() => { observer.disconnect(); void document.body.offsetHeight; resolve(performance.now()); });
      observer.observe(count, {childList: true, characterData: true, subtree: true});
      observer.observe(list, {childList: true, subtree: true});
      setTimeout(() => { observer.disconnect(); resolve(null); }, 3000);
    });
    const start = performance.now();
    if (select === null) {
      selects.forEach(s => { s.value = ''; });
      selects[0].dispatchEvent(new Event('change', {bubbles: true}));
    } else {
      const values = Array.from(select.options).map(o => o.value).filter(v => v !== select.value);
      select.value = values[Math.floor(random() * values.length)];
      select.dispatchEvent(new Event('change', {bubbles: true}));
    }
    void document.body.offsetHeight;
    const synchronous = performance.now();
    const end = await done;
    times.push((end === null ? synchronous : end) - start);
    found.push(count.textContent.trim());
  }
  return {times, found};
}
"""

SEARCH_JS = """
async ({term, input, result}) => {
  const field = document.querySelector(input);
  if (!field) { return {error: 'no search input'}; }
  const start = performance.now();
  const done = new Promise(resolve => {
    if (document.querySelector(result)) { resolve(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (document.querySelector(result)) { observer.disconnect(); resolve(performance.now()); }
    });
    observer.observe(document.body, {childList: true, subtree: true});
    setTimeout(() => { observer.disconnect(); resolve(null); }, 15000);
  });
  field.focus();
  field.value = term;
  field.dispatchEvent(new Event('input', {bubbles: true}));
  const end = await done;
  return end === null ? {error: 'no result within 15 s'} : {ms: end - start};
}
"""

CLEAR_JS = """
({input, result}) => {
  const field = document.querySelector(input);
  field.value = '';
  field.dispatchEvent(new Event('input', {bubbles: true}));
}
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves a built site as a host would: Pagefind's and WebAssembly's files with their types, and no log."""

    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".pagefind": "application/octet-stream",
        ".pf_meta": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_filter": "application/octet-stream",
    }

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(directory: Path | str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A local server for a built site on a free port, and its address; the tests use it too."""
    handler = functools.partial(QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@contextmanager
def serving(site: Path) -> Iterator[str]:
    server, base = serve(site)
    try:
        yield base
    finally:
        server.shutdown()
        server.server_close()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


class Browser:
    """One Chromium for all measurements; a fresh context (empty cache) for each."""

    def __init__(self) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self.chromium = self._playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)

    def close(self) -> None:
        self.chromium.close()
        self._playwright.stop()

    def _context(self, base: str) -> tuple[Any, Any, list[Any]]:
        context = self.chromium.new_context()
        host = urlparse(base).netloc
        responses: list[Any] = []

        def route(route: Any) -> None:
            parsed = urlparse(route.request.url)
            if parsed.scheme in ("data", "blob") or parsed.netloc == host:
                route.continue_()
            else:
                route.abort()

        context.route("**/*", route)
        page = context.new_page()
        page.on("response", lambda response: responses.append(response))
        return context, page, responses

    @staticmethod
    def _bytes(responses: list[Any], where: str = "") -> dict[str, int]:
        raw = compressed = count = 0
        for response in responses:
            if where and where not in response.url:
                continue
            try:
                body = response.body()
            except Exception:
                continue
            count += 1
            raw += len(body)
            path = urlparse(response.url).path
            compressed += len(body) if path.endswith(COMPRESSED) else len(gzip.compress(body, 6))
        return {"bytes": raw, "gzip_bytes": compressed, "requests": count}

    # ------------------------------------------------------------ directory

    def filters(self, base: str, changes: int = 50, seed: int = 7) -> dict[str, Any]:
        context, page, responses = self._context(base)
        try:
            page.goto(base + "tilbud/", wait_until="load")
            page.wait_for_selector("#videre-filtre[data-klar='true']", timeout=60000)
            page.evaluate(FILTER_JS, {"changes": 5, "seed": seed + 1})  # warm up the JIT, as a user's first clicks do
            result = page.evaluate(FILTER_JS, {"changes": changes, "seed": seed})
            katalog = self._bytes(responses, "katalog.json")
            times = result["times"]
            return {
                "p50_ms": statistics.median(times),
                "p95_ms": percentile(times, 0.95),
                "max_ms": max(times),
                "changes": len(times),
                "katalog_transfer": katalog,
                "examples": result["found"][:5],
            }
        finally:
            context.close()

    # ------------------------------------------------------------ search

    def search(self, base: str, terms: tuple[str, ...]) -> dict[str, Any]:
        first = terms[0]
        # Bytes for one search, as a visitor arriving at sog/?q=… downloads them.
        context, page, responses = self._context(base)
        try:
            page.goto(f"{base}sog/?q={first}", wait_until="load")
            page.wait_for_selector(SEARCH_RESULT, timeout=30000)
            page.wait_for_load_state("networkidle")
            download = self._bytes(responses, "/pagefind/")
            whole = self._bytes(responses)
        finally:
            context.close()
        # Time to the first result after typing: a fresh page, then each term typed in turn.
        context, page, responses = self._context(base)
        try:
            page.goto(f"{base}sog/", wait_until="load")
            page.wait_for_selector(SEARCH_INPUT, timeout=30000)
            page.wait_for_load_state("networkidle")
            timings: list[float] = []
            for term in terms:
                outcome = page.evaluate(SEARCH_JS, {"term": term, "input": SEARCH_INPUT, "result": SEARCH_RESULT})
                if "error" in outcome:
                    raise RuntimeError(f"søgningen efter '{term}': {outcome['error']}")
                timings.append(outcome["ms"])
                page.evaluate(CLEAR_JS, {"input": SEARCH_INPUT, "result": SEARCH_RESULT})
                page.wait_for_timeout(400)
            session = self._bytes(responses, "/pagefind/")
        finally:
            context.close()
        return {
            "first_result_ms": timings[0],
            "warm_p50_ms": statistics.median(timings[1:]) if len(timings) > 1 else timings[0],
            "timings_ms": [round(t, 1) for t in timings],
            "term": first,
            "one_search": download,
            "page_total": whole,
            "session": session,
        }

    # ------------------------------------------------------------ kiosk

    def kiosk(self, base: str, path: str) -> dict[str, Any]:
        context, page, responses = self._context(base)
        try:
            page.goto(base + path, wait_until="load")
            # A kiosk may keep polling; what arrived by now is its first load.
            with contextlib.suppress(Exception):
                page.wait_for_load_state("networkidle", timeout=10000)
            return {"path": path, **self._bytes(responses)}
        finally:
            context.close()


def measure(site: Path, terms: tuple[str, ...], kiosk_pages: list[str], changes: int = 50) -> dict[str, Any]:
    browser = Browser()
    try:
        with serving(site) as base:
            result: dict[str, Any] = {"filters": browser.filters(base, changes), "search": browser.search(base, terms)}
            result["kiosk"] = browser.kiosk(base, kiosk_pages[0]) if kiosk_pages else None
            return result
    finally:
        browser.close()
