"""The export works under another URL scheme: `videre sider --adresser filer` for `use_directory_urls: false`.

Links in raw HTML are left alone by Markdown generators, so they must already suit the generator's URLs.
Plain MkDocs, without our hook, builds the exported project with file URLs (``kommuner/esbjerg.html``), and
every internal link and anchor on every page must resolve (tests/helpers/linkcheck.py). The MkDocs build of
the real site keeps its directory URLs, byte for byte (the common `diff -r` check).
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

import pytest

from tests.helpers import linkcheck
from tests.helpers.site import ROOT, build_site
from videre.cli import commands as cli


@pytest.mark.slow
def test_exported_pages_with_file_urls_build_without_the_hook_and_every_link_resolves(
    site_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    assert cli.main(["sider", "--ud", str(tmp_path / "ud"), "--adresser", "filer"]) == 0
    assert "\nuse_directory_urls: false\n" in (tmp_path / "ud" / "mkdocs.yml").read_text(encoding="utf-8")
    site = tmp_path / "site"
    result = build_site(site, config=tmp_path / "ud" / "mkdocs.yml")
    assert result.returncode == 0, f"mkdocs build --strict af eksporten fejlede:\n{result.stdout}\n{result.stderr}"
    assert (site / "kommuner" / "esbjerg.html").is_file() and not (site / "kommuner" / "esbjerg").exists()

    checked, broken = linkcheck.check_site(site)
    assert checked == len(list(site_dir.rglob("*.html"))), "hver side i MkDocs-bygningen skal findes som fil"
    # What the hook adds beside MkDocs' output (Pagefind's index, the editor's vendored script) is not in a
    # hook-less build; a link to it counts as resolving only if our real build has that very file.
    missing = [b for b in broken if not _made_by_the_hook(site_dir, b)]
    assert missing == [], f"{len(missing)} links peger forkert, fx {[str(b) for b in missing[:8]]}"

    catalog = json.loads((site / "katalog.json").read_text(encoding="utf-8"))
    unresolved = [o["u"] for o in catalog["tilbud"] if not (site / o["u"]).is_file()]
    assert catalog["tilbud"] and unresolved == [], f"tilbudsfiltrenes links peger forkert: {unresolved[:5]}"


def _made_by_the_hook(site_dir: Path, broken: linkcheck.BrokenLink) -> bool:
    target = posixpath.normpath(posixpath.join(posixpath.dirname(broken.page), broken.link.split("#")[0]))
    return broken.reason == "filen findes ikke" and not target.endswith(".html") and (site_dir / target).is_file()
