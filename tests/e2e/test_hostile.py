"""Hostile records (tests/fixtures/hostile/cases.py): each is rejected with a Danish error or rendered inert.

For every case the loader must answer within 5 seconds, without a traceback,
with problems written in Danish. A rejected case must report its rule id (at
its field). An inert case must load, and every page that shows it, rendered
through the page builders and Python-Markdown with the site's extensions, must
hold no live script, no on*= attribute and no javascript:/data: link. Two real
builds finish the job: one with all inert cases, and one where validation is
switched off and every text field of every record holds attack text, to prove
that the templates are safe on their own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import markdown
import pytest
from mkdocs.utils import meta as mkdocs_meta

from tests.fixtures.hostile.cases import (
    INERT,
    OUTSIDE,
    REJECTED,
    Case,
    all_cases,
    base_records,
    dump,
    hand_cases,
    kind_schemas,
)
from tests.fixtures.hostile.inert import live_code
from tests.helpers.guards import HANG_SECONDS
from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import DATA, ROOT, build_site, write_tree
from videre import site
from videre.catalog.load import load_catalog
from videre.core import schema as S
from videre.core.errors import render_text
from videre.core.options import SiteOptions
from videre.kinds.registry import KINDS
from videre.pages.csp import TrustedScripts

TODAY = dt.date(2026, 12, 6)  # the day the sourced records in data/ were read (kilde.læst)
OPTIONS = SiteOptions(today=TODAY)
CASES = all_cases()
ENGLISH = ("found", "expected", "error", "exception", "traceback", "unacceptable", "could not", "none", "keyerror")


@pytest.fixture(scope="module")
def mkdocs_config() -> Any:
    from mkdocs.config import load_config

    return load_config(str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="module")
def trusted(mkdocs_config: Any) -> TrustedScripts:
    return TrustedScripts.from_templates(mkdocs_config.theme.dirs)


@pytest.fixture(scope="module")
def render_markdown(mkdocs_config: Any):
    """Markdown → HTML the way MkDocs does it: front matter split off, the site's extensions on."""

    def render(text: str) -> tuple[str, dict[str, Any]]:
        content, meta = mkdocs_meta.get_data(text)
        md = markdown.Markdown(
            extensions=mkdocs_config.markdown_extensions, extension_configs=mkdocs_config.mdx_configs
        )
        return md.convert(content), meta

    cwd = os.getcwd()
    os.chdir(ROOT)  # pymdownx.snippets reads docs/includes relative to the project
    yield render
    os.chdir(cwd)


def make_tree(tmp_path: Path, case: Case, data_name: str = "data") -> Path:
    texts = {name: content for name, content in case.files.items() if isinstance(content, str)}
    root = write_tree(tmp_path / data_name, texts)
    for name, content in case.files.items():
        if isinstance(content, bytes):
            (root / name).parent.mkdir(parents=True, exist_ok=True)
            (root / name).write_bytes(content)
    for link, target in case.symlinks.items():
        path = root / link
        path.parent.mkdir(parents=True, exist_ok=True)
        if target.startswith(OUTSIDE):
            outside = tmp_path / "uden-for-data"
            outside.mkdir(exist_ok=True)
            (outside / "tilbud.yaml").write_text(GOOD_OFFER, encoding="utf-8")
            os.symlink(outside if target.endswith("/") else outside / "tilbud.yaml", path)
        elif link == target:
            os.symlink(path.name, path)  # a loop: the link points at itself
        else:
            os.symlink(root / target, path)
    return root


def assert_danish(result: Any, root: Path) -> str:
    text = render_text(result.problems, root, result.sources)
    assert "Traceback" not in text
    for problem in result.problems:
        assert problem.message and problem.hint and problem.rule, problem
        words = f"{problem.message} {problem.hint}".lower()
        english = [w for w in ENGLISH if f" {w} " in f" {words} " or f"({w}" in words]
        assert not english, f"ikke dansk ({english}): {problem.message} / {problem.hint}"
    return text


def pages_showing(catalog: Any, marker: str) -> list[tuple[str, str]]:
    """(name, text) of every generated page and HTML file that contains the marker."""
    found = [(p.src_uri, p.markdown) for p in site.build_pages(catalog, OPTIONS) if marker in p.markdown]
    found += [
        (f.path, f.content)
        for f in site.build_files(catalog, OPTIONS)
        if f.path.endswith(".html") and marker in f.content
    ]
    return found


def assert_inert_pages(pages: list[tuple[str, str]], render_markdown: Any, trusted: TrustedScripts) -> None:
    for name, text in pages:
        if name.endswith(".md"):
            html, meta = render_markdown(text)
            if text.startswith("---"):
                assert meta, f"{name}: front matter kunne ikke læses"
            for key, value in meta.items():
                if isinstance(value, str):
                    assert not set(value) & set('<>"'), f"{name}: front matter '{key}' er ikke escapet: {value!r}"
        else:
            html = text
        assert live_code(html, trusted) == [], name


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_record_is_rejected_or_inert(
    case: Case, tmp_path: Path, render_markdown: Any, trusted: TrustedScripts
) -> None:
    root = make_tree(tmp_path, case)
    start = time.perf_counter()
    result = load_catalog(root, today=TODAY)
    elapsed = time.perf_counter() - start
    assert elapsed < HANG_SECONDS, f"valideringen tog {elapsed:.1f} s: den hænger"
    text = assert_danish(result, root)
    if case.outcome == REJECTED:
        hits = [p for p in result.errors if p.rule == case.rule and (case.field is None or p.field == case.field)]
        assert hits, f"ventede [{case.rule}] ved '{case.field}', fik:\n{text}"
        return
    assert case.outcome == INERT
    assert result.errors == [], text
    pages = pages_showing(result.catalog, case.marker)
    if case.ignored:
        assert pages == [], "en skjult fil må ikke blive til en side"
        return
    assert pages, "posten kom ikke med på nogen side"
    assert_inert_pages(pages, render_markdown, trusted)


def test_every_kind_has_a_base_record_for_the_generated_cases() -> None:
    """A new kind is attacked automatically, as soon as data/ holds one record of it."""
    bases = base_records()
    missing = [kind.name for kind in KINDS if kind.name not in bases]
    # Redirects are optional: with no redirects.yaml there is nothing to attack.
    assert [name for name in missing if name != "omdirigering"] == []
    counted = {kind: sum(1 for c in CASES if c.id.startswith(f"{kind}:")) for kind in bases}
    assert all(count >= 2 for count in counted.values()), counted


def test_the_validator_cli_never_shows_a_traceback(tmp_path: Path) -> None:
    """The worst inputs together, through the real command line: exit 1, Danish report, fast."""
    worst = {c.id: c for c in hand_cases()}
    files: dict[str, str | bytes] = {}
    for index, case_id in enumerate(
        [
            "yaml:billion-laughs",
            "dybde:10000-kroellet",
            "dybde:10000-bindestreger",
            "bytes:nul",
            "bytes:latin1",
            "stoerrelse:1mb-streng",
            "yaml:styretegn",
            "yaml:python-tag",
        ]
    ):
        files[f"offers/esbjerg/ond-{index}.yaml"] = next(iter(worst[case_id].files.values()))
    root = make_tree(
        tmp_path, Case("samlet", files, REJECTED, symlinks={"offers/varde/loop.yaml": "offers/varde/loop.yaml"})
    )
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "videre.cli.commands", "--data", str(root), "--dato", TODAY.isoformat(), "valider"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=tmp_path,
    )
    elapsed = time.perf_counter() - start
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    for rule in (
        "anker-alias",
        "for-dyb",
        "nul-tegn",
        "ikke-utf8",
        "for-stor-fil",
        "ugyldigt-tegn",
        "yaml-tag",
        "symlink",
    ):
        assert f"[{rule}]" in run.stdout, rule
    assert elapsed < HANG_SECONDS, f"{elapsed:.1f} s"


# ---------------------------------------------------------------- real builds


@pytest.mark.slow
def test_inert_cases_in_a_real_strict_build(tmp_path: Path, trusted: TrustedScripts) -> None:
    """All inert cases in one data tree, built with `mkdocs build --strict`, Material and all."""
    files: dict[str, str | bytes] = {}
    markers: list[str] = []
    for index, case in enumerate(c for c in CASES if c.outcome == INERT):
        for name, content in case.files.items():
            target = name if case.ignored else name.replace("fjendtlig.yaml", f"fjendtlig-{index}.yaml")
            files[target] = content
        if not case.ignored:
            markers.append(case.marker)
    root = make_tree(tmp_path, Case("alle-uskadelige", files, INERT))
    shutil.copytree(DATA, root, dirs_exist_ok=True, ignore=shutil.ignore_patterns("kommuner.yaml"))
    out = tmp_path / "site"
    result = build_site(out, data=root, env={"VIDERE_TODAY": TODAY.isoformat()})
    assert result.returncode == 0, result.stdout + result.stderr
    seen: set[str] = set()
    for page in out.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert live_code(html, trusted) == [], page.relative_to(out)
        seen.update(m for m in markers if m in html)
    assert set(markers) <= seen


ATTACK = (
    '<script>alert("x")</script> <img src=x onerror=alert(1)> [klik](javascript:alert(2)) '
    "![b](data:image/svg+xml,<svg onload=alert(3)>) \"><svg onload=alert(4)> ' onmouseover='alert(5)' "
    "\\x22><script>alert(6)</script>\\ &lt;/title&gt;&lt;script&gt;alert(7)&lt;/script&gt; "
    '</title><script>alert(8)</script> {: onclick="alert(9)" } <javascript:alert(10)> '
    "`<b>` [x][r]\n\n[r]: javascript:alert(11)\n---\nhacked: true"
)
ATTACK_BY_PATTERN = {
    S.HTTPS_PATTERN: "javascript:alert(12)",
    S.EMAIL_PATTERN: 'x@example.org"><script>alert(13)</script>',
    S.PHONE_PATTERN: "javascript:alert(14)",
}


def _attack(data: Any, schema: dict[str, Any]) -> Any:
    """Every free-text, link, e-mail and phone value in a record replaced by attack text."""
    kind = schema.get("type")
    if kind == "object" and isinstance(data, dict):
        props = schema.get("properties", {})
        return {k: _attack(v, props[k]) if k in props else v for k, v in data.items()}
    if kind == "array" and isinstance(data, list) and "items" in schema:
        return [_attack(item, schema["items"]) for item in data]
    if kind == "string" and isinstance(data, str) and "enum" not in schema:
        if "pattern" not in schema and "format" not in schema:
            return f"{data} {ATTACK}"
        return ATTACK_BY_PATTERN.get(schema["pattern"], data)
    return data


@pytest.mark.slow
def test_templates_are_safe_even_when_validation_is_switched_off(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, trusted: TrustedScripts
) -> None:
    """Defence in depth: a real MkDocs build of the real records with attack text in every field."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    import videre.catalog.load
    import videre.kinds.registry
    import videre.mkdocs.adapter
    from videre.core.validate import Validator
    from videre.core.yamlsource import load

    schemas = kind_schemas()
    root = tmp_path / "data"
    shutil.copytree(DATA, root)
    attacked: dict[str, int] = {}
    for path in sorted(root.rglob("*.yaml")):
        relative = path.relative_to(root).parts
        kind = next((k for k in KINDS if k.match(relative) is not None), None)
        if kind is None:
            continue
        document, _ = load(path)
        assert document is not None, path
        comments = [line for line in document.lines if line.startswith("#")][:3]
        path.write_text("\n".join([*comments, dump(_attack(document.data, schemas[kind.name]))]), encoding="utf-8")
        attacked[kind.name] = attacked.get(kind.name, 0) + 1

    real_load = videre.catalog.load.load_catalog
    loaded: dict[str, Any] = {}

    def load_without_validation(*args: Any, **kwargs: Any) -> Any:
        result = real_load(*args, **kwargs)
        loaded["result"] = result
        return (
            dataclasses.replace(result, problems=[p for p in result.problems if p.level != "fejl"])
            if dataclasses.is_dataclass(result)
            else result
        )

    monkeypatch.setattr(Validator, "problems", lambda self, document: [])
    monkeypatch.setattr(videre.catalog.load, "load_catalog", load_without_validation)
    monkeypatch.setenv("VIDERE_DATA", str(root))
    monkeypatch.setenv("VIDERE_TODAY", TODAY.isoformat())
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    monkeypatch.chdir(ROOT)
    out = tmp_path / "site"
    kinds = list(videre.kinds.registry.KINDS)
    videre.kinds.registry.KINDS[:] = [
        dataclasses.replace(kind, check=None) for kind in kinds
    ]  # the same list everywhere
    monkeypatch.setattr(videre.mkdocs.adapter, "load_catalog", load_without_validation)  # the name it imported
    try:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(out))
        build(config)
    finally:
        videre.kinds.registry.KINDS[:] = kinds

    catalog = loaded["result"].catalog
    records = {
        "tilbud": catalog.offers,
        "partner": catalog.partners,
        "partnertilbud": catalog.partner_offers,
        "kommunekontakter": tuple(catalog.contacts.values()),
        "afdeling": catalog.departments,
    }
    for name in attacked:
        got = records.get(name) or getattr(catalog, next(k.collection for k in kinds if k.name == name))
        got = (got,) if got and not isinstance(got, (tuple, list)) else got
        assert len(got) >= 1, f"ingen '{name}'-poster kom igennem; testen ville ikke angribe dem"
    problems: list[str] = []
    pages = 0
    for page in sorted(out.rglob("*.html")):
        pages += 1
        problems += [f"{page.relative_to(out)}: {p}" for p in live_code(page.read_text(encoding="utf-8"), trusted)]
    assert pages > 100
    assert problems == [], "\n".join(problems[:40])
