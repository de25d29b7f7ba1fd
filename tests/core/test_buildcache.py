"""The build cache (videre.core.buildcache) gives the same bytes as drawing anew, and never breaks a build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from videre.core import buildcache
from videre.pages import patient


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(buildcache.SWITCH, str(tmp_path / "cache"))
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
    keys3 = keys + [buildcache.key("salt", "c")]
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
