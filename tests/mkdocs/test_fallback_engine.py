"""The site outlives its generator: the plan for May 2027 is proven, not assumed.

Material for MkDocs reaches end of life on 5 May 2027 and MkDocs 2.0 drops hooks and themes.
- ProperDocs, the maintained MkDocs 1.6 fork, builds the real site; every file equals the session's MkDocs
  build except the generator tag. If MkDocs 1.6 stops being installable, `make build` can switch to it.
- `videre sider` writes the whole site as plain pages with a config that needs no hook; MkDocs builds it
  with the same article bodies, so a generator without hooks can take over from the data layer.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.helpers.site import ROOT, build_site
from videre.cli import commands as cli

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def _files(root: Path) -> dict[str, bytes]:
    return {path.relative_to(root).as_posix(): path.read_bytes() for path in sorted(root.rglob("*")) if path.is_file()}


@pytest.mark.slow
def test_properdocs_builds_the_same_pages_except_the_generator_tag(site_dir: Path, tmp_path: Path) -> None:
    result = build_site(tmp_path / "properdocs", engine="properdocs")
    assert result.returncode == 0, f"properdocs build --strict fejlede:\n{result.stdout}\n{result.stderr}"
    ours, theirs = _files(site_dir), _files(tmp_path / "properdocs")
    assert sorted(ours) == sorted(theirs)
    assert b"ProperDocs" in GENERATOR.search(theirs["index.html"]).group(0)
    differing = [name for name in ours if GENERATOR.sub(b"", ours[name]) != GENERATOR.sub(b"", theirs[name])]
    assert differing == [], f"{len(differing)} filer er forskellige, fx {differing[:5]}"


ARTICLE = re.compile(rb"<article[^>]*>(.*?)</article>", re.S)


@pytest.mark.slow
def test_exported_pages_build_without_the_hook_with_the_same_article_bodies(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["sider", "--ud", str(tmp_path / "ud")]) == 0
    result = build_site(tmp_path / "site", config=tmp_path / "ud" / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict af eksporten fejlede:\n{result.stdout}\n{result.stderr}"
    assert not (tmp_path / "site" / "pagefind").exists(), "hooken må ikke køre på eksporten"
    ours = {name: body for name, body in _files(site_dir).items() if name.endswith(".html")}
    theirs = _files(tmp_path / "site")
    missing = sorted(set(ours) - set(theirs))
    assert missing == []
    differing = [
        name
        for name, body in ours.items()
        if (ARTICLE.search(body) or [b""])[0] != (ARTICLE.search(theirs[name]) or [b""])[0]
    ]
    assert differing == [], f"{len(differing)} sider har en anden brødtekst, fx {differing[:5]}"
