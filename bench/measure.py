"""Measurements that need no browser: validation, the real build, output sizes, the edit loop."""

from __future__ import annotations

import gc
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .generate import ROOT


def best_of(repeat: int, run: Callable[[], dict[str, Any]], key: str = "wall_s") -> dict[str, Any]:
    """Run ``repeat`` times; keep the fastest run and every run's time (the machine is shared)."""
    runs = [run() for _ in range(max(1, repeat))]
    best = min(runs, key=lambda r: r[key])
    return {
        **best,
        "runs_s": [round(r[key], 3) for r in runs],
        "runs_cpu_s": [round(r["cpu_s"], 3) for r in runs if "cpu_s" in r],
    }


# ---------------------------------------------------------------- validation


def validate(data: Path, repeat: int) -> dict[str, Any]:
    """videre.catalog.load.load_catalog over the whole tree, in this process (imports already warm)."""
    from videre.catalog.load import load_catalog

    def once() -> dict[str, Any]:
        gc.collect()
        cpu, wall = time.process_time(), time.perf_counter()
        result = load_catalog(data)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        catalog = result.catalog
        return {
            "wall_s": wall,
            "cpu_s": cpu,
            "errors": len(result.errors),
            "problems": len(result.problems),
            "offers": len(catalog.all_offers()),
            "municipal_offers": len(catalog.offers),
            "partner_offers": len(catalog.partner_offers),
            "partners": len(catalog.partners),
            "contact_files": len(catalog.contacts),
            "departments": len(catalog.departments),
            "contact_roles": _contact_roles(catalog),
        }

    return best_of(repeat, once)


def _contact_roles(catalog: Any) -> int:
    municipal = sum(
        sum(1 for role in (c.gop_receiver, c.volunteer_coordinator, c.depression_coordinator) if role)
        for c in catalog.contacts.values()
    )
    return municipal + len(catalog.departments) + sum(1 for p in catalog.partners if p.contact)


# ---------------------------------------------------------------- build


def _env(data: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", "VIDERE_DATA": str(data), "PYTHONHASHSEED": "0", **(extra or {})}


def run_measured(args: list[str], env: dict[str, str], log: Path, timeout: float = 1800) -> dict[str, Any]:
    """Run a command; wall time, CPU time and peak RSS of the process tree (wait4 rusage)."""
    with open(log, "w", encoding="utf-8") as out:
        start = time.perf_counter()
        process = subprocess.Popen(args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                pid, status, usage = os.wait4(process.pid, 0)
                break
            time.sleep(0.01)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall_s": wall,
        "cpu_s": usage.ru_utime + usage.ru_stime,
        "peak_rss_mb": usage.ru_maxrss / 1024,
        "returncode": process.returncode,
    }


def build(
    data: Path, out: Path, repeat: int, *, profile: Path | None = None, after_each: Callable[[], None] | None = None
) -> dict[str, Any]:
    """`mkdocs build --strict` as a subprocess, as `make build` runs it, into ``out``.

    The build cache (videre.buildcache) starts empty in a folder of the bench's own, so the first run is
    a cold build, as in CI, and later runs find what it stored, as a rebuild on a developer's machine does.
    """
    log = out.parent / f"{out.name}.log"
    cache = out.parent / f"cache-{out.name}"
    shutil.rmtree(cache, ignore_errors=True)

    def once() -> dict[str, Any]:
        if out.exists():
            shutil.rmtree(out)
        args = [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)]
        result = run_measured(args, _env(data, {"VIDERE_CACHE": str(cache)}), log)
        text = log.read_text(encoding="utf-8", errors="replace")
        if result["returncode"] != 0:
            raise RuntimeError(f"mkdocs build fejlede ({data}):\n{text[-4000:]}")
        found = re.search(r"Documentation built in ([0-9.]+) seconds", text)
        result["mkdocs_reported_s"] = float(found.group(1)) if found else None
        if after_each is not None:  # e.g. a round of the peers, under the same load as this build
            after_each()
        return result

    result = best_of(repeat, once)
    result["cold_s"] = result["runs_s"][0]
    if profile is not None:
        if out.exists():
            shutil.rmtree(out)
        args = [
            sys.executable,
            "-m",
            "cProfile",
            "-o",
            str(profile),
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-d",
            str(out),
        ]
        run_measured(args, _env(data, {"VIDERE_CACHE": str(cache)}), log)
        result["profile"] = str(profile)
    return result


# ---------------------------------------------------------------- output sizes


def sizes(site: Path, offers: int) -> dict[str, Any]:
    total = html_total = html_count = 0
    largest = ("", 0)
    for path in site.rglob("*"):
        if not path.is_file():
            continue
        size = path.stat().st_size
        total += size
        if path.suffix == ".html":
            html_total += size
            html_count += 1
            if size > largest[1]:
                largest = (path.relative_to(site).as_posix(), size)
    pagefind = (
        sum(p.stat().st_size for p in (site / "pagefind").rglob("*") if p.is_file())
        if (site / "pagefind").is_dir()
        else 0
    )
    katalog = site / "katalog.json"
    return {
        "output_bytes": total,
        "html_bytes": html_total,
        "html_files": html_count,
        "bytes_per_offer": total // max(1, offers),
        "largest_html": largest[0],
        "largest_html_bytes": largest[1],
        "pagefind_bytes": pagefind,
        "pagefind_files": sum(1 for _ in (site / "pagefind").rglob("*")) if (site / "pagefind").is_dir() else 0,
        "katalog_json_bytes": katalog.stat().st_size if katalog.is_file() else 0,
        "offer_pages": sum(1 for _ in (site / "tilbud").glob("*/*/index.html")) if (site / "tilbud").is_dir() else 0,
        "municipality_pages": sum(1 for _ in (site / "kommuner").glob("*/index.html"))
        if (site / "kommuner").is_dir()
        else 0,
        "kiosk_pages": sorted(p.relative_to(site).as_posix() for p in site.glob("skaerm/*/kiosk/index.html")),
    }


# ---------------------------------------------------------------- edit loop under `mkdocs serve`


def free_port() -> int:
    while True:
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            port = sock.getsockname()[1]
        if port != 8000:
            return port


def _fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, OSError, ValueError):
        return None


@dataclass
class EditLoop:
    """`mkdocs serve` against a data tree; edit one record and time until its page shows the edit."""

    data: Path
    record: Path
    page: str
    log: Path
    municipality_page: str = ""
    """The page of the municipality that lists the record, also timed when given."""
    port: int = field(default_factory=free_port)
    process: subprocess.Popen | None = None

    def start(self, timeout: float = 900) -> float:
        args = [
            sys.executable,
            "-m",
            "mkdocs",
            "serve",
            "--dev-addr",
            f"127.0.0.1:{self.port}",
            "--livereload",
            "-w",
            str(self.data),
        ]
        self._out = open(self.log, "w", encoding="utf-8")  # noqa: SIM115 - open while the server runs; stop() closes it
        start = time.perf_counter()
        # Its own process group, so that stopping it stops Pagefind and any other child too.
        self.process = subprocess.Popen(
            args, cwd=ROOT, env=_env(self.data), stdout=self._out, stderr=subprocess.STDOUT, start_new_session=True
        )
        url = f"http://127.0.0.1:{self.port}/{self.page}"
        while time.perf_counter() - start < timeout:
            if self.process.poll() is not None:
                raise RuntimeError(f"mkdocs serve stoppede:\n{self.log.read_text()[-3000:]}")
            if _fetch(url, timeout=2):
                return time.perf_counter() - start
            time.sleep(0.1)
        raise TimeoutError("mkdocs serve svarede ikke")

    def edit_once(self, token: str, timeout: float = 300) -> tuple[float, float | None]:
        """Save the record with ``token`` in its description; seconds until its page, and until its
        municipality's page (None when the record has no such page), serve the edit."""
        data = yaml.safe_load(self.record.read_text(encoding="utf-8"))
        data["beskrivelse"] = f"{token} {data['beskrivelse']}"
        edited = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
        urls = {"page": f"http://127.0.0.1:{self.port}/{self.page}"}
        if self.municipality_page:
            urls["municipality"] = f"http://127.0.0.1:{self.port}/{self.municipality_page}"
        seen: dict[str, float] = {}
        start = time.perf_counter()
        self.record.write_text(edited, encoding="utf-8")
        while time.perf_counter() - start < timeout:
            for name, url in urls.items():
                if name not in seen:
                    body = _fetch(url, timeout=5)
                    if body and token in body:
                        seen[name] = time.perf_counter() - start
            if len(seen) == len(urls):
                return seen["page"], seen.get("municipality")
            time.sleep(0.05)
        raise TimeoutError(
            f"{', '.join(u for n, u in urls.items() if n not in seen)} viste ikke ændringen inden {timeout} s"
        )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)  # the group we created, by its id
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if getattr(self, "_out", None):
            self._out.close()


def edit_loop(
    data: Path, record: Path, page: str, work: Path, edits: int, municipality_page: str = ""
) -> dict[str, Any]:
    """Start `mkdocs serve`, then edit ``record`` ``edits`` times; the record is restored afterwards."""
    original = record.read_text(encoding="utf-8")
    loop = EditLoop(data, record, page, work / "serve.log", municipality_page)
    try:
        startup = loop.start()
        time.sleep(1.0)  # let the watcher settle after the first build
        times, towns = [], []
        for index in range(edits):
            own, town = loop.edit_once(f"benchmaerke{index}x{int(time.time())}")
            times.append(own)
            if town is not None:
                towns.append(town)
            time.sleep(1.0)
        result = {
            "startup_s": startup,
            "edit_s": min(times),
            "runs_s": [round(t, 3) for t in times],
            "page": page,
            "port": loop.port,
        }
        if towns:
            result.update(
                municipality_edit_s=min(towns),
                municipality_runs_s=[round(t, 3) for t in towns],
                municipality_page=municipality_page,
            )
        return result
    finally:
        loop.stop()
        record.write_text(original, encoding="utf-8")


def temp_dir(prefix: str) -> Path:
    return Path(tempfile.mkdtemp(prefix=prefix))
