"""The build cache (videre.core.buildcache) gives the same bytes as working anew, and never breaks a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from videre import site
from videre.core import buildcache
from videre.mkdocs import shells
from videre.pages import Page, patient
from videre.search import spelling


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(buildcache.SWITCH, str(tmp_path / "cache"))
    monkeypatch.setattr(buildcache, "MINIMUM", 0)  # the stores in use for a handful of items
    monkeypatch.setattr(patient, "_QR_CODES", {})
    return tmp_path / "cache"


def test_cached_map_computes_only_the_missing_items(cache: Path) -> None:
    seen: list[list[str]] = []

    def upper(items):
        items = list(items)
        seen.append(items)
        return [item.upper() for item in items]

    keys = [buildcache.key("salt", item) for item in ("a", "b")]
    assert buildcache.cached_map("test", keys, ["a", "b"], upper) == ["A", "B"]
    keys3 = [*keys, buildcache.key("salt", "c")]
    assert buildcache.cached_map("test", keys3, ["a", "b", "c"], upper) == ["A", "B", "C"]
    assert seen == [["a", "b"], ["c"]]
    assert buildcache.cached_map("test", [buildcache.key("other salt", "a")], ["a"], upper) == ["A"]
    assert seen[-1] == ["a"]  # another salt never meets the old entry


def test_a_damaged_store_is_ignored(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "test.json").write_text("{not json", encoding="utf-8")
    assert buildcache.cached_map("test", ["k"], ["x"], lambda items: [i * 2 for i in items]) == ["xx"]
    assert json.loads((cache / "test.json").read_text(encoding="utf-8")) == {"k": "xx"}


def test_switched_off_it_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(buildcache.SWITCH, "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert buildcache.cached_map("test", ["k"], ["x"], lambda items: [i * 2 for i in items]) == ["xx"]
    assert list(tmp_path.iterdir()) == []


def test_qr_codes_from_the_cache_are_the_codes_drawn_anew(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    urls = [f"https://example.org/tilbud/esbjerg/tilbud-{n}/" for n in range(5)] + ["https://example.org/æ/"]
    drawn = [str(patient._markup(patient._draw(url, "ark__qr-kode"))) for url in urls]
    patient.prepare_qr_codes(urls, "ark__qr-kode")
    assert [str(patient.qr_svg(url, "ark__qr-kode")) for url in urls] == drawn
    monkeypatch.setattr(patient, "_QR_CODES", {})
    monkeypatch.setattr(patient, "_draw", lambda url, css_class: pytest.fail("drawn again"))
    patient.prepare_qr_codes(urls, "ark__qr-kode")  # a new process: every code comes from the store
    assert [str(patient.qr_svg(url, "ark__qr-kode")) for url in urls] == drawn


PAGES = [
    Page(
        "tilbud/esbjerg/a.md",
        '---\ndescription: "Kort."\n---\n\n# Titel\n\n<p>a</p>\n\n## Del\n\n<div>\n<p>b</p>\n'
        "</div>\n\n## Tom\n\n## Sidst\n\n<p>a</p>\n",
        many=True,
    ),
    Page("tilbud/esbjerg/b.md", "# Uden beskrivelse\n\n<p>x</p>\n\n## Del\n\n<p>x</p>", many=True),
    Page("tilbud/esbjerg/c.md", "# Titel\n\nAlmindelig *Markdown*.\n", many=True),  # not cut
    Page("tilbud/esbjerg/d.md", "# Søvn og ro \ud800\n\n<p>æøå</p>\n", many=True),  # a lone surrogate
]


def test_cuts_from_the_cache_are_the_cuts_made_anew(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    anew = [shells.cut(page) for page in PAGES]
    assert anew[0] is not None and anew[2] is None  # both kinds are in the test
    assert shells.cut_all(PAGES) == anew
    monkeypatch.setattr(shells, "cut", lambda page: pytest.fail("cut again"))
    assert shells.cut_all(PAGES) == anew  # every cut put together from the store


def test_spellings_from_the_cache_are_the_spellings_found_anew(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # a heading with no æ, ø, å and no word that gets a definite form ("bogstaver" would get "bogstaveren")
    texts = [page.markdown for page in PAGES] + ["# Ingen danske tegn\n", "<p>Træning på Ærø</p>\n"]
    anew = [spelling.with_ascii_spellings(text) for text in texts]
    monkeypatch.setattr(buildcache, "MINIMUM", len(texts) + 1)
    assert site.with_ascii_spellings_all(texts) == anew and not cache.exists()  # too few for the store
    monkeypatch.setattr(buildcache, "MINIMUM", 0)
    assert anew[3] != texts[3] and anew[-1] != texts[-1] and anew[-2] == texts[-2]  # blocks, and none
    assert site.with_ascii_spellings_all(texts) == anew
    monkeypatch.setattr(spelling, "spelling_block", lambda text: pytest.fail("found again"))
    assert site.with_ascii_spellings_all(texts) == anew


def test_text_that_utf8_cannot_hold_costs_the_store_not_the_build(cache: Path) -> None:
    assert buildcache.cached_map("test", ["k"], ["x"], lambda items: ["\ud800"]) == ["\ud800"]
    assert not cache.exists() or [p.name for p in cache.iterdir()] == []  # no half-written store is left


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.slow
def test_the_real_site_is_the_same_bytes_without_a_cache_cold_and_warm(tmp_path: Path) -> None:
    """The nightly build restores the cache (issue 35): that is only safe if no entry can change the output.
    Built three times from the real data: cache off, empty cache (cold, fills it), filled cache (warm)."""
    from tests.helpers.site import EPOCH, build_site

    env = {"VIDERE_TODAY": "2026-12-06", "SOURCE_DATE_EPOCH": EPOCH}
    store = tmp_path / "cache"
    trees = {}
    for name, switch in (("uden", "0"), ("kold", str(store)), ("varm", str(store))):
        result = build_site(tmp_path / name, env={**env, buildcache.SWITCH: switch})
        assert result.returncode == 0, result.stderr[-2000:]
        if name == "kold":
            assert any(store.iterdir()), "den kolde bygning skulle fylde cachen"
        trees[name] = _tree(tmp_path / name)
    assert len(trees["uden"]) > 500
    for name in ("kold", "varm"):
        differ = sorted(
            k for k in trees["uden"].keys() | trees[name].keys() if trees["uden"].get(k) != trees[name].get(k)
        )
        assert not differ, f"{name}: {differ[:10]}"


def test_the_nightly_workflow_keeps_the_cache_the_build_uses() -> None:
    """The scheduled build is the warm build the bench measures only if the workflow restores the cache
    folder the build reads, keyed by the locks and the code, before the build runs."""
    import yaml

    from tests.helpers.site import ROOT

    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    assert workflow[True]["schedule"]  # PyYAML reads the key 'on' as True
    job = workflow["jobs"]["kontrol"]
    folder = job["env"][buildcache.SWITCH]
    steps = job["steps"]
    names = [step.get("uses", step.get("run", "")) for step in steps]
    cache = next(i for i, n in enumerate(names) if n.startswith("actions/cache@"))
    build = next(i for i, n in enumerate(names) if n == "make build")
    assert cache < build and cache < names.index("make test")
    options = steps[cache]["with"]
    assert options["path"] == f"${{{{ env.{buildcache.SWITCH} }}}}" and folder.endswith("/.cache/videre")
    for keyed_by in ("uv.lock", "package-lock.json", "videre/**/*.py", "hooks/**"):
        assert f"'{keyed_by}'" in options["key"]
    assert options["restore-keys"].strip() == "videre-cache-" and options["key"].startswith("videre-cache-")
