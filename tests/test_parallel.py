"""Work spread over forked processes gives the same result, in the same order, as one process."""

from __future__ import annotations

import os
import shutil
import sys
import threading
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # the bench/ package at the project root
from bench.generate import generate  # noqa: E402
from videre import parallel  # noqa: E402
from videre.load import load_catalog  # noqa: E402
from videre.pages import SiteOptions  # noqa: E402
from videre.pages.handout import handout_files  # noqa: E402
from videre.pages.offer import offer_pages  # noqa: E402


def _pid(_: int) -> int:
    return os.getpid()


def test_ordered_map_keeps_order_and_really_uses_other_processes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.SWITCH, "2")
    items = list(range(3000))
    base = 7  # a closure over local state: workers inherit it by fork
    assert parallel.ordered_map(lambda i: i * base, items) == [i * base for i in items]
    pids = set(parallel.ordered_map(_pid, items))
    assert os.getpid() not in pids and len(pids) == 2


def test_ordered_map_stays_in_process_when_small_switched_off_or_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(range(3000))
    monkeypatch.setenv(parallel.SWITCH, "2")
    assert set(parallel.ordered_map(_pid, items[:10])) == {os.getpid()}  # too few to be worth it
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like mkdocs serve's web server thread
    server.start()
    try:
        assert not parallel.can_fork()
        assert set(parallel.ordered_map(_pid, items)) == {os.getpid()}
    finally:
        stop.set()
        server.join()
    monkeypatch.setenv(parallel.SWITCH, "1")
    assert set(parallel.ordered_map(_pid, items)) == {os.getpid()}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("parallel") / "data"
    generate(data, 0.1)
    broken = data / "offers" / "esbjerg" / "oedelagt.yaml"  # errors must come back from the workers too
    broken.write_text("titel: Ødelagt\ntype: genoptraening\nbeskrivelse: [\n", encoding="utf-8")
    shutil.copy(next((data / "offers" / "odense").glob("*.yaml")), data / "offers" / "odense" / "kopi.yaml")
    return data


def test_loading_in_workers_equals_loading_in_one_process(generated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 100)
    monkeypatch.setenv(parallel.SWITCH, "1")
    alone = load_catalog(generated)
    monkeypatch.setenv(parallel.SWITCH, "2")
    spread = load_catalog(generated)
    assert len(alone.catalog.all_offers()) > 400
    assert {"yaml-syntaks", "mulig-dublet"} <= {problem.rule for problem in alone.problems}
    assert spread.catalog == alone.catalog
    assert spread.problems == alone.problems and spread.sources == alone.sources


def test_pages_made_in_workers_equal_pages_made_in_one_process(generated: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "MIN_ITEMS", 100)
    catalog = load_catalog(generated).catalog
    options = SiteOptions()
    monkeypatch.setenv(parallel.SWITCH, "1")
    alone = offer_pages(catalog, options), handout_files(catalog, options)
    monkeypatch.setenv(parallel.SWITCH, "2")
    spread = offer_pages(catalog, options), handout_files(catalog, options)
    assert len(alone[0]) > 400 and spread == alone
