"""Shared fixtures: a real strict build, a local HTTP server and Debian's Chromium."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from tests.helpers.browser import CHROMIUM, CHROMIUM_ARGS, GuardedPage, serve
from tests.helpers.site import shared_build

# In CI every property test draws the same examples (a seed derived from the test), so a red run can be
# repeated exactly; on a developer's machine they vary, to keep finding new cases.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

BROWSER_FIXTURES = frozenset({"browser", "guarded"})


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Every test that starts Chromium carries the 'browser' marker, whether or not its file says so,
    so that '-m "not browser"' really leaves the browser out."""
    for item in items:
        if BROWSER_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def site_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per run and shared by the xdist workers (the first builds, the others wait)."""
    return shared_build(tmp_path_factory, "site")


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
    lines = [
        value
        for r in reports
        if getattr(r, "when", "") == "call"
        for name, value in getattr(r, "user_properties", ())
        if name == MEASURE
    ]
    if lines:
        terminalreporter.section("Målinger")  # type: ignore[attr-defined]
        for line in lines:
            terminalreporter.write_line(line)  # type: ignore[attr-defined]
