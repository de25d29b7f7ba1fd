"""Work spread over forked processes gives the same result, in the same order, as one process.

videre.core.parallel forks only when the process runs a single thread, and the test
session runs helper threads (the site server, Playwright). So each check that
needs the pool runs in a fresh Python process of its own.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from bench.generate import generate
from tests.helpers.site import ROOT
from videre.core import parallel


def isolated(code: str, *args: str, processes: str = "2") -> dict:
    """Run ``code`` in a fresh single-threaded Python with ``processes`` workers; it prints one JSON object as
    its last line."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), parallel.SWITCH: processes}
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_ordered_map_keeps_order_and_really_uses_other_processes() -> None:
    """Each worker waits at a barrier on its first item, so the test holds however the OS schedules them.

    Counting distinct pids alone was luck: on a busy machine one worker could take every chunk. Here the
    barrier only opens when two different processes work at the same time; if the pool ran one process
    (or none), the barrier times out and the test fails.
    """
    result = isolated("""
        import json, multiprocessing, os, threading
        from videre.core import parallel
        items = list(range(3000))
        base = 7  # a closure over local state: the workers inherit it by fork
        barrier = multiprocessing.get_context("fork").Barrier(2, timeout=60)
        started = set()  # each forked worker has its own copy

        def meet_then(value):
            if os.getpid() not in started:
                started.add(os.getpid())
                barrier.wait()
            return value

        print(json.dumps({"values": parallel.ordered_map(lambda i: meet_then(i * base), items),
                          "pids": parallel.ordered_map(lambda i: meet_then(os.getpid()), items),
                          "me": os.getpid(), "can_fork": parallel.can_fork()}))
    """)
    assert result["can_fork"] and result["values"] == [i * 7 for i in range(3000)]
    assert result["me"] not in result["pids"] and len(set(result["pids"])) == 2


def test_ordered_map_stays_in_process_when_small_switched_off_or_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    items = list(range(3000))
    me = os.getpid()
    monkeypatch.setenv(parallel.SWITCH, "2")
    assert set(parallel.ordered_map(lambda _: os.getpid(), items[:10])) == {me}  # too few to be worth it
    stop = threading.Event()
    server = threading.Thread(target=stop.wait)  # like mkdocs serve's web server thread
    server.start()
    try:
        assert not parallel.can_fork()
        assert set(parallel.ordered_map(lambda _: os.getpid(), items)) == {me}
    finally:
        stop.set()
        server.join()
    monkeypatch.setenv(parallel.SWITCH, "1")
    assert set(parallel.ordered_map(lambda _: os.getpid(), items)) == {me}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data = tmp_path_factory.mktemp("parallel") / "data"
    generate(data, 0.1)
    broken = data / "offers" / "esbjerg" / "oedelagt.yaml"  # errors must come back from the workers too
    broken.write_text("titel: Ødelagt\ntype: genoptraening\nbeskrivelse: [\n", encoding="utf-8")
    shutil.copy(next((data / "offers" / "odense").glob("*.yaml")), data / "offers" / "odense" / "kopi.yaml")
    return data


def test_loading_and_pages_in_workers_equal_the_same_in_one_process(generated: Path) -> None:
    result = isolated("""
        import json, os, sys
        from pathlib import Path
        from videre.core import parallel
        from videre.catalog.load import load_catalog
        from videre.core.options import SiteOptions
        from videre.pages.handout import handout_files
        from videre.pages.offer import offer_pages

        parallel.MIN_ITEMS = 100
        data, options = Path(sys.argv[1]), SiteOptions()
        pooled_calls = []
        plain_map = parallel.ordered_map

        def watched(task, items):  # records whether each call qualifies for the pool
            pooled_calls.append(len(items) >= parallel.MIN_ITEMS and parallel.workers() > 1 and parallel.can_fork())
            return plain_map(task, items)

        parallel.ordered_map = watched

        def run():
            result = load_catalog(data)
            return result, offer_pages(result.catalog, options), handout_files(result.catalog, options)

        os.environ[parallel.SWITCH] = "1"
        alone = run()
        os.environ[parallel.SWITCH] = "2"
        pooled_calls.clear()
        spread = run()
        pooled = len(pooled_calls) == 3 and all(pooled_calls)  # loading, offer pages, handouts
        print(json.dumps({
            "pooled": pooled, "offers": len(alone[0].catalog.all_offers()),
            "rules": sorted({p.rule for p in alone[0].problems}),
            "same_catalog": spread[0].catalog == alone[0].catalog,
            "same_problems": spread[0].problems == alone[0].problems and spread[0].sources == alone[0].sources,
            "same_pages": spread[1] == alone[1] and spread[2] == alone[2],
        }))
    """, str(generated))
    assert result["pooled"] and result["offers"] > 400
    assert {"yaml-syntaks", "mulig-dublet"} <= set(result["rules"])
    assert result["same_catalog"] and result["same_problems"] and result["same_pages"]


BACKGROUND = """
    import json, os, sys
    from videre.core import parallel

    def task(tell):
        tell({"pid": os.getpid(), "step": "told"})
        if sys.argv[1] == "fails-late":
            raise ValueError("efter besked")
        return {"pid": os.getpid(), "step": "done"}

    def fails_early(tell):
        raise KeyError("før besked")

    def failure(step):
        try:
            step()
        except parallel.BackgroundFailed as exc:
            return str(exc).strip().splitlines()[-1]
        return None

    job = parallel.Background(task)
    told = failure(job.told) or job.told()
    result = failure(job.result) or job.result()
    early = parallel.Background(fails_early)
    silent = parallel.Background(lambda tell: "kun resultat")
    print(json.dumps({"me": os.getpid(), "forked": parallel.workers() > 1, "told": told, "result": result,
                      "early": [failure(early.told), failure(early.result)],
                      "silent": [silent.told(), silent.result()]}))
"""


@pytest.mark.parametrize("processes", ["2", "1"])
def test_a_background_task_tells_and_ends_beside_this_process_and_its_errors_come_back(processes: str) -> None:
    """With two cores the task runs in another process; with one, here. Either way the parent gets what
    it told, its result, and its error with the traceback, at the call that waits for it."""
    ok = isolated(BACKGROUND, "ok", processes=processes)
    late = isolated(BACKGROUND, "fails-late", processes=processes)
    assert ok["told"]["step"] == "told" and ok["result"]["step"] == "done"
    assert (ok["told"]["pid"] != ok["me"]) is (processes == "2")
    assert ok["told"]["pid"] == ok["result"]["pid"]
    assert late["told"]["step"] == "told" and late["result"] == "ValueError: efter besked"
    assert ok["early"] == ["KeyError: 'før besked'"] * 2
    assert ok["silent"] == ["kun resultat"] * 2
