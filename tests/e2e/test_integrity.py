"""Integrity of the built site: reproducible bytes, and every internal link and anchor resolves."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import json
from pathlib import Path

import pytest

from tests.helpers import linkcheck
from tests.helpers.site import EPOCH, build_site, dated_build
from videre.search import reproducible

DAY = dt.date(2026, 12, 30)  # tests/pages/test_dated_register.py builds this day too: one build serves both


def digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_two_builds_of_the_same_input_are_byte_identical(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """The first build is the run's shared one for that day (made earlier, maybe by another worker), the
    second is made here; a different process at a different time must give the same bytes."""
    first, second = dated_build(tmp_path_factory, DAY), tmp_path / "b"
    result = build_site(second, env={"SOURCE_DATE_EPOCH": EPOCH, "VIDERE_TODAY": DAY.isoformat()})
    assert result.returncode == 0, result.stdout + result.stderr
    a, b = digest(first), digest(second)
    assert sorted(a) == sorted(b), f"forskellige filer: {sorted(set(a) ^ set(b))[:10]}"
    differ = [
        f"{name} ({(first / name).stat().st_size} / {(second / name).stat().st_size} byte)"
        for name in a
        if a[name] != b[name]
    ]
    assert differ == [], f"{len(differ)} filer er forskellige, fx {differ[:10]}"
    with gzip.open(first / "sitemap.xml.gz") as handle:
        handle.read()
        day = dt.datetime.fromtimestamp(int(EPOCH), dt.UTC).date()
        midnight = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
        assert handle.mtime == int(midnight.timestamp()), "gzip-tiden kommer fra uret, ikke SOURCE_DATE_EPOCH"  # type: ignore[attr-defined]


def test_strict_build_passes(site_dir: Path) -> None:
    """The session fixture is `mkdocs build --strict`; it fails on any warning, broken Markdown link or anchor."""
    assert (site_dir / "index.html").is_file() and (site_dir / "404.html").is_file()


def test_every_internal_link_and_anchor_in_the_real_build_resolves(site_dir: Path) -> None:
    pages, broken = linkcheck.check_site(site_dir)
    assert pages > 100
    assert broken == [], "\n".join(str(b) for b in broken[:40])


def _page(root: Path, name: str, body: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html lang='da'><body>{body}</body></html>", encoding="utf-8")


def test_link_checker_finds_missing_files_and_anchors(tmp_path: Path) -> None:
    site = tmp_path / "site"
    _page(
        site,
        "index.html",
        """
        <a href="a/">ok</a> <a href="a/#del-2">ok anker</a> <a href="#top">ok eget anker</a>
        <a href="/a/index.html#del-2">ok fra roden</a> <a href="mangler/">mangler</a>
        <a href="a/#findes-ikke">forkert anker</a> <a href="https://example.org/">ude</a>
        <a href="mailto:x@example.org">mail</a> <a href="../../etc/passwd">uden for</a>
        <img src="billede.png"> <a href="a/?q=1#del-2">med forespørgsel</a> <a href="#">tom</a>
        <a href="b%20c/">kodet</a> <span id="top"></span>
        <a href="a/#/collections/tilbud-esbjerg">rute i formularen</a> <a href="mangler/#/collections/x">rute, ingen fil</a>""",
    )
    _page(
        site,
        "a/index.html",
        "<h2 id='del-2'>Del 2</h2> <a href='..'>op</a> <a name='gammel'></a>"
        "<a href='../#top'>tilbage</a> <a href='./#gammel'>navn</a>",
    )
    _page(site, "b c/index.html", "")
    pages, broken = linkcheck.check_site(site)
    assert pages == 3
    assert sorted((b.page, b.link) for b in broken) == [
        ("index.html", "../../etc/passwd"),
        ("index.html", "a/#findes-ikke"),
        ("index.html", "billede.png"),
        ("index.html", "mangler/"),
        ("index.html", "mangler/#/collections/x"),
    ]
    assert all(b.reason for b in broken)


def _bundle(root: Path, values: list[tuple[str, list[int]]]) -> Path:
    """A minimal Pagefind bundle: one filter file, the metadata that names it, and the entry file."""

    def head(major: int, n: int) -> bytes:
        return bytes([major << 5 | n]) if n < 24 else bytes([major << 5 | 24, n])

    def text(s: str) -> bytes:
        return head(3, len(s.encode())) + s.encode()

    def array(items: list[bytes]) -> bytes:
        return head(4, len(items)) + b"".join(items)

    payload = reproducible.SIGNATURE + array(
        [text("Sidetype"), array([array([text(name), array([head(0, i) for i in ids])]) for name, ids in values])]
    )
    filter_hash = hashlib.sha256(payload).hexdigest()[:7]
    meta = reproducible.SIGNATURE + array(
        [text("1.5.2"), array([array([text("Sidetype"), text(f"da_{filter_hash}")])])]
    )
    bundle = root / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    (bundle / "filter" / f"da_{filter_hash}.pf_filter").write_bytes(gzip.compress(payload, mtime=0))
    meta_name = f"da_{hashlib.sha256(meta).hexdigest()[:10]}"
    (bundle / f"pagefind.{meta_name}.pf_meta").write_bytes(gzip.compress(meta, mtime=0))
    (bundle / "pagefind-entry.json").write_text(json.dumps({"languages": {"da": {"hash": meta_name}}}))
    return bundle


def test_pagefind_filters_are_written_in_one_order_whatever_order_pagefind_chose(tmp_path: Path) -> None:
    values = [("Tilbud", [3, 4]), ("Andet", [0]), ("Kommune", [1, 2])]
    first = _bundle(tmp_path / "a", values)
    second = _bundle(tmp_path / "b", list(reversed(values)))
    assert digest(first) != digest(second)
    assert reproducible.canonicalize(first) == 1 and reproducible.canonicalize(second) == 1
    assert digest(first) == digest(second)
    entry = json.loads((first / "pagefind-entry.json").read_text())
    meta_file = first / f"pagefind.{entry['languages']['da']['hash']}.pf_meta"
    filter_name = next((first / "filter").iterdir()).stem
    assert filter_name.encode() in gzip.decompress(meta_file.read_bytes())
    assert reproducible.canonicalize(first) == 1 and digest(first) == digest(second)  # idempotent


def test_an_unknown_pagefind_format_is_left_alone(tmp_path: Path) -> None:
    bundle = tmp_path / "pagefind"
    (bundle / "filter").mkdir(parents=True)
    odd = gzip.compress(reproducible.SIGNATURE + b"\xbf\x61\x61\x01\xff", mtime=0)  # an indefinite-length map
    (bundle / "filter" / "da_1234567.pf_filter").write_bytes(odd)
    assert reproducible.canonicalize(bundle) == 0
    assert (bundle / "filter" / "da_1234567.pf_filter").read_bytes() == odd
