"""A real `mkdocs serve` on loopback: saving an offer file shows the edit on its page and its municipality's
page without a full rebuild, and the shared exports follow. Waits are bounded; no timing is asserted."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from bench.generate import generate
from bench.measure import EditLoop, _fetch

pytestmark = pytest.mark.slow


def test_an_edit_under_mkdocs_serve_shows_on_the_served_pages(tmp_path: Path) -> None:
    data = tmp_path / "data"
    generate(data, 0.02)
    record = sorted((data / "offers" / "esbjerg").glob("*.yaml"))[0]
    loop = EditLoop(data, record, f"tilbud/esbjerg/{record.stem}/", tmp_path / "serve.log", "kommuner/esbjerg/")
    try:
        loop.start(timeout=240)
        time.sleep(1.0)  # the watcher takes its first look at the files
        token = "serveproeve"
        own, municipality = loop.edit_once(token, timeout=60)
        assert own > 0 and municipality is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # the shared lists and exports follow in the background
            body = _fetch(f"http://127.0.0.1:{loop.port}/offers.json")
            if body and token in body:
                break
            time.sleep(0.2)
        else:
            pytest.fail("offers.json viste ikke ændringen inden 60 s")
    finally:
        loop.stop()
    log = (tmp_path / "serve.log").read_text(encoding="utf-8")
    assert "Opdateret uden fuld genopbygning" in log
    assert log.count("Documentation built in") == 1, log[-3000:]  # the first build only
