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
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_ordered_map_keeps_order_and_really_uses_other_processes() -> None:
    """Each process waits at a barrier on its first item, so the test holds however the OS schedules them.

    Counting distinct pids alone was luck: on a busy machine one process could take every chunk. Here the
    barrier only opens when two different processes work at the same time; if the map ran in one process,
    the barrier times out and the test fails. With two cores, this process works beside one forked child.
    """
    result = isolated("""
        import json, multiprocessing, os, threading
        from videre.core import parallel
        items = list(range(3000))
        base = 7  # a closure over local state: the child inherits it by fork

        def spread(value_of):  # a new barrier for each map: both processes meet on their first item
            barrier = multiprocessing.get_context("fork").Barrier(2, timeout=60)
            started = set()  # each forked process has its own copy

            def meet_then(item):
                if os.getpid() not in started:
                    started.add(os.getpid())
                    barrier.wait()
                return value_of(item)

            return parallel.ordered_map(meet_then, items)

        print(json.dumps({"values": spread(lambda i: i * base), "pids": spread(lambda i: os.getpid()),
                          "me": os.getpid(), "can_fork": parallel.can_fork()}))
    """)
    assert result["can_fork"] and result["values"] == [i * 7 for i in range(3000)]
    assert result["me"] in result["pids"] and len(set(result["pids"])) == 2  # this process and one child


def test_ordered_map_raises_what_a_task_raised_in_either_process() -> None:
    """The error of an item comes back to the caller whichever process ran it, as the same exception when it
    can be pickled and as its traceback when not; the map does not hang on the child either way."""
    result = isolated("""
        import json, multiprocessing, os
        from videre.core import parallel
        me = os.getpid()

        class Unpicklable(Exception):
            def __reduce__(self):
                raise TypeError("kan ikke sendes")

        def failure(where, error):
            barrier = multiprocessing.get_context("fork").Barrier(2, timeout=60)
            started = set()

            def task(item):
                if os.getpid() not in started:  # both processes are at work before one fails
                    started.add(os.getpid())
                    barrier.wait()
                if (os.getpid() == me) is (where == "her"):
                    raise error(f"fejl ved {item}")
                return item

            try:
                parallel.ordered_map(task, list(range(3000)))
            except Exception as exc:
                return [type(exc).__name__, str(exc).strip().splitlines()[-1]]
            return None

        print(json.dumps({"child": failure("barn", ValueError), "here": failure("her", KeyError),
                          "unpicklable": failure("barn", Unpicklable)}))
    """)
    assert result["child"][0] == "ValueError" and result["child"][1].startswith("fejl ved")
    assert result["here"][0] == "KeyError" and "fejl ved" in result["here"][1]
    assert result["unpicklable"][0] == "BackgroundFailed" and "Unpicklable: fejl ved" in result["unpicklable"][1]


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
    result = isolated(
        """
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
        # loading and the offer pages, and their sheets' QR codes when the build cache has not got them
        pooled = 2 <= len(pooled_calls) <= 3 and all(pooled_calls)
        print(json.dumps({
            "pooled": pooled, "offers": len(alone[0].catalog.all_offers()),
            "rules": sorted({p.rule for p in alone[0].problems}),
            "same_catalog": spread[0].catalog == alone[0].catalog,
            "same_problems": spread[0].problems == alone[0].problems and spread[0].sources == alone[0].sources,
            "same_pages": spread[1] == alone[1] and spread[2] == alone[2],
        }))
    """,
        str(generated),
    )
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


def test_a_parent_that_gives_up_early_still_exits_and_cancel_ends_the_task() -> None:
    """A build that fails between starting the generated files and asking for their paths used to hang at
    exit: the child waited to send a long message that nobody read. The parent here never reads what the
    child tells (2 MB) and exits; a second task would run for ten minutes and is cancelled."""
    result = isolated("""
        import json, os, time
        from videre.core import parallel
        me = os.getpid()

        def tells_much(tell):
            tell("x" * 2_000_000)
            return "færdig"

        def runs_long(tell):
            if os.getpid() != me:
                time.sleep(600)
            return "færdig"

        parallel.Background(tells_much)  # never read
        job = parallel.Background(runs_long)
        job.cancel()
        try:
            outcome = job.result()
        except parallel.BackgroundFailed as exc:
            outcome = str(exc)
        print(json.dumps({"cancelled": outcome}))
    """)
    assert result["cancelled"] == "opgaven blev afbrudt"


FAILING_BUILD = textwrap.dedent("""
    import json, logging, os, sys
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from videre import site
    from videre.core import parallel
    from videre.pages import csp, editor

    said = []  # what MkDocs logged: a page's error comes out there, not in the exception


    class Kept(logging.Handler):
        def emit(self, record):
            said.append(record.getMessage())


    logging.getLogger("mkdocs").addHandler(Kept())
    os.environ["VIDERE_DATA"] = sys.argv[1]
    config = load_config(os.path.join(os.getcwd(), "mkdocs.yml"), site_dir=sys.argv[2])
    hooks = next(m for n, m in config.plugins.items() if n.endswith("videre_hooks.py"))
""")
"""The start of a real MkDocs build in a fresh process (data and site folder as arguments), for tests that make
it fail; they add what fails, call build(config) and print what they found."""


def test_a_build_that_fails_after_the_generated_files_started_ends_with_its_error(tmp_path: Path) -> None:
    """The real MkDocs build, failing in on_files after the child that makes the handouts started (here: the
    editor's files are missing). on_build_error cancels the child, and the process ends with the message."""
    data = tmp_path / "data"
    generate(data, 0.1)
    result = isolated(
        FAILING_BUILD
        + textwrap.dedent("""
        def missing(root):
            raise editor.EditorBundleMissing("mappen node_modules/@sveltia/cms mangler (prøve)")

        editor.bundle_files = missing
        jobs = []
        started = site.StaticFilesJob.__init__

        def watched(self, *args):
            started(self, *args)
            jobs.append(self)

        site.StaticFilesJob.__init__ = watched
        try:
            build(config)
            error = ""
        except Exception as exc:
            error = " ".join([*said, str(exc)])
        print(json.dumps({"error": error, "jobs": len(jobs), "child_left": [j._job._process is not None for j in jobs],
                          "cleared": hooks.build.written is None}))
    """),
        str(data),
        str(tmp_path / "site"),
    )
    assert "@sveltia/cms mangler (prøve)" in result["error"]
    assert result["jobs"] == 1 and result["child_left"] == [False] and result["cleared"]


def test_a_started_map_works_before_it_is_asked_and_gives_the_same_results(tmp_path: Path) -> None:
    """parallel.StartedMap: the forked child begins at once; this process joins in when it asks for the results.
    Each item leaves a file named by the process that did it, so the test sees who worked before the asking."""
    result = isolated(
        """
        import json, os, sys, time
        from pathlib import Path
        from videre.core import parallel
        folder, me = Path(sys.argv[1]), os.getpid()

        def mark(item):
            (folder / f"{item}-{os.getpid()}").write_text("")
            return item * 3

        started = parallel.StartedMap(mark, list(range(2000)))
        deadline = time.monotonic() + 60
        while not any(not p.name.endswith(f"-{me}") for p in folder.iterdir()) and time.monotonic() < deadline:
            time.sleep(0.01)
        before = {p.name.rsplit("-", 1)[1] for p in folder.iterdir()}
        results = started.results()
        done = sorted(int(p.name.split("-")[0]) for p in folder.iterdir())
        print(json.dumps({"child_first": str(me) not in before and len(before) == 1,
                          "same": results == [i * 3 for i in range(2000)], "each_once": done == list(range(2000))}))
    """,
        str(tmp_path),
    )
    assert result == {"child_first": True, "same": True, "each_once": True}


def test_a_build_that_fails_while_the_offer_pages_are_written_ends_and_stops_the_children(tmp_path: Path) -> None:
    """The children that fill in the offer pages start at on_env (videre.mkdocs.adapter.VidereBuild.generate). A
    page that fails after that (here: a hand-written one, in the Content-Security-Policy step) ends the build with
    its error, and on_build_error ends the children."""
    data = tmp_path / "data"
    generate(data, 0.25)  # over 1,000 offer pages: enough for the children (parallel.MIN_ITEMS)
    result = isolated(
        FAILING_BUILD
        + textwrap.dedent("""
        maps, protect = [], csp.protect
        started = parallel.StartedMap.__init__

        def watched(self, *args, **kwargs):
            started(self, *args, **kwargs)
            maps.append((self, [child._process for child in self._children]))

        def fails_on_sources(output, *scripts):
            if "<title>Kilder" in output:
                raise RuntimeError("siden Kilder fejlede (prøve)")
            return protect(output, *scripts)

        parallel.StartedMap.__init__ = watched
        csp.protect = fails_on_sources
        try:
            build(config)
            error = ""
        except Exception as exc:
            error = " ".join([*said, str(exc)])
        writing = [m for m, processes in maps if processes and m._task.__name__ == "write_one"]
        print(json.dumps({"error": error, "writing": len(writing),
                          "alive": [p.is_alive() for m, processes in maps for p in processes],
                          "cleared": hooks.build.planned is None or hooks.build.planned._writing is None}))
    """),
        str(data),
        str(tmp_path / "site"),
    )
    assert "siden Kilder fejlede (prøve)" in result["error"]
    assert result["writing"] == 1 and not any(result["alive"]) and result["cleared"], result
