"""Shared fixtures: a real strict build, a local HTTP server and Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlparse

import pytest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
CHROMIUM = "/usr/lib/chromium/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def build_site(out: Path, *, data: Path = DATA, env: dict[str, str] | None = None,
               config: Path = ROOT / "mkdocs.yml", engine: str = "mkdocs") -> subprocess.CompletedProcess[str]:
    """Run the real `mkdocs build --strict` the way `make build` does (or the same with ProperDocs)."""
    full_env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIDERE_DATA": str(data), **(env or {})}
    return subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f", str(config), "-d", str(out)],
                          cwd=ROOT, env=full_env, capture_output=True, text=True, timeout=600)


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """A data tree with the real municipality register plus the given files."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy(DATA / "kommuner.yaml", root / "kommuner.yaml")
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    result = build_site(out)
    assert result.returncode == 0, f"mkdocs build --strict fejlede:\n{result.stdout}\n{result.stderr}"
    return out


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map,
                      ".wasm": "application/wasm", ".pagefind": "application/octet-stream",
                      ".pf_meta": "application/octet-stream", ".pf_index": "application/octet-stream",
                      ".pf_fragment": "application/octet-stream"}

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass


def serve(directory: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    server, url = serve(site_dir)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Debians Chromium mangler ({CHROMIUM}); kør 'make chromium' eller apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


class GuardedPage:
    """A page whose every request is routed: anything not on the local server is blocked and recorded."""

    def __init__(self, browser: object, base_url: str, **context_options: object):
        self.context = browser.new_context(**context_options)  # type: ignore[attr-defined]
        self.host = urlparse(base_url).netloc
        self.foreign: list[str] = []
        self.console_errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda m: self.console_errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.console_errors.append(str(e)))

    def _route(self, route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        parsed = urlparse(url)
        if parsed.scheme in ("data", "blob") or parsed.netloc == self.host:
            route.continue_()  # type: ignore[attr-defined]
        else:
            self.foreign.append(url)
            route.abort()  # type: ignore[attr-defined]

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def guarded(browser: object, base_url: str) -> Iterator[GuardedPage]:
    page = GuardedPage(browser, base_url)
    yield page
    page.close()


MEASURE = "måling"


@pytest.fixture
def measure(request: pytest.FixtureRequest):
    """Record a measured figure (e.g. search recall) to print at the end of the run, also when output is captured
    and when the tests run on several workers (user properties travel with the test report)."""
    return lambda line: request.node.user_properties.append((MEASURE, line))


def pytest_terminal_summary(terminalreporter: object, exitstatus: int, config: pytest.Config) -> None:
    reports = [r for kind in ("passed", "failed") for r in terminalreporter.stats.get(kind, [])]  # type: ignore[attr-defined]
    lines = [value for r in reports if getattr(r, "when", "") == "call"
             for name, value in getattr(r, "user_properties", ()) if name == MEASURE]
    if lines:
        terminalreporter.section("Målinger")  # type: ignore[attr-defined]
        for line in lines:
            terminalreporter.write_line(line)  # type: ignore[attr-defined]
