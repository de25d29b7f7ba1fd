"""Under `mkdocs serve` an edited offer file updates the site in place (videre.mkdocs.live).

The update must leave exactly the site a fresh full build makes: every file is compared, byte for byte
(the search index aside: under serve it is rebuilt in the background). Builds run in this process, as
`mkdocs serve` runs them, on a small synthetic data set; a stand-in server records whether MkDocs'
full rebuild was asked for instead.
"""

from __future__ import annotations

import filecmp
import logging
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from bench.generate import ROOT, generate

SERVE_URL = "http://127.0.0.1:8000/"
pytestmark = pytest.mark.slow


class FakeObserver:
    def schedule(self, handler: Any, path: str, recursive: bool = True) -> None:
        pass


class FakeServer:
    """What `mkdocs serve` hands to on_serve, without a socket: the builder and the watch calls."""

    def __init__(self) -> None:
        self.observer = FakeObserver()
        self._watched_paths: dict[str, int] = {}
        self.full_builds = 0
        self.builder = self.full_build

    def full_build(self, config: Any = None) -> None:
        self.full_builds += 1

    def watch(self, path: str, func: None = None, *, recursive: bool = True) -> None:
        self._watched_paths[path] = 1


def _serve_build(site: Path) -> tuple[Any, Any]:
    """A full build as `mkdocs serve` does it; returns the hooks module's VidereBuild and the config."""
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    config.site_url = SERVE_URL
    build(config, serve_url=SERVE_URL)
    return config.plugins["hooks/videre_hooks.py"].build, config


@pytest.fixture()
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    data = tmp_path / "data"
    generate(data, 0.02)
    for name, value in {
        "VIDERE_DATA": str(data),
        "VIDERE_TODAY": "2026-12-03",
        "SOURCE_DATE_EPOCH": "1795984970",
        "NO_MKDOCS_2_WARNING": "1",
        "VIDERE_CACHE": str(tmp_path / "cache"),
    }.items():
        monkeypatch.setenv(name, value)
    state, config = _serve_build(tmp_path / "served")
    server = FakeServer()
    config.plugins.on_serve(server, config=config, builder=server.full_build)
    yield {"data": data, "tmp": tmp_path, "state": state, "server": server, "site": tmp_path / "served"}
    state.live.settle()
    config.plugins.on_startup(command="build", dirty=False)  # later builds in this process are plain builds


def _edit(record: Path, **fields: Any) -> None:
    data = yaml.safe_load(record.read_text(encoding="utf-8"))
    data.update(fields)
    record.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8")


def _differences(left: Path, right: Path) -> list[str]:
    found: list[str] = []

    def walk(compare: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compare.left_only + compare.right_only + compare.funny_files)
        _, mismatch, errors = filecmp.cmpfiles(compare.left, compare.right, compare.common_files, shallow=False)
        found.extend(prefix + name for name in mismatch + errors)
        for name, sub in compare.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=["pagefind"]), "")
    return sorted(found)


def _apply(served: dict[str, Any], *paths: Path) -> None:
    live = served["state"].live
    for path in paths:
        live.note(os.path.abspath(path))
    served["server"].builder()


def test_an_edited_offer_updates_its_pages_as_a_full_build_would(served: dict[str, Any]) -> None:
    data, site = served["data"], served["site"]
    municipal = sorted((data / "offers" / "esbjerg").glob("*.yaml"))[0]
    partner = sorted((data / "partners").glob("*/*.yaml"))[0]
    before = (site / "tilbud" / "esbjerg" / municipal.stem / "index.html").read_bytes()
    _edit(
        municipal,
        beskrivelse="Levendeopdatering af beskrivelsen. "
        + yaml.safe_load(municipal.read_text(encoding="utf-8"))["beskrivelse"],
        titel="Levende titel med æøå & mere",
    )
    _edit(partner, beskrivelse="Foreningsrettelse i beskrivelsen, som vises på flere kommunesider.")
    _apply(served, municipal, partner)
    assert served["server"].full_builds == 0, "the edit should not need MkDocs' full rebuild"
    page = (site / "tilbud" / "esbjerg" / municipal.stem / "index.html").read_bytes()
    assert page != before and b"Levendeopdatering" in page
    assert "Levende titel med æøå &amp; mere".encode() in (site / "kommuner" / "esbjerg" / "index.html").read_bytes()
    served["state"].live.settle()  # the shared lists and exports follow in a thread
    assert "Levende titel med æøå".encode() in (site / "offers.json").read_bytes()
    _serve_build(served["tmp"] / "fresh")
    assert _differences(site, served["tmp"] / "fresh") == []


def test_a_new_file_or_another_kind_of_record_rebuilds_everything(served: dict[str, Any]) -> None:
    data = served["data"]
    record = sorted((data / "offers" / "esbjerg").glob("*.yaml"))[0]
    copy = record.with_name("ny-kopi.yaml")
    copy.write_text(record.read_text(encoding="utf-8").replace("titel:", "titel: Kopi af", 1), encoding="utf-8")
    _apply(served, copy)
    assert served["server"].full_builds == 1
    contacts = sorted((data / "contacts" / "kommuner").glob("*.yaml"))[0]
    _apply(served, contacts)
    assert served["server"].full_builds == 2
    _apply(served, ROOT / "docs" / "index.md")  # not below the data tree
    assert served["server"].full_builds == 3


def test_an_invalid_edit_fails_with_the_full_builds_report(
    served: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    data, site = served["data"], served["site"]
    record = sorted((data / "offers" / "esbjerg").glob("*.yaml"))[0]
    page = (site / "tilbud" / "esbjerg" / record.stem / "index.html").read_bytes()
    _edit(record, type="ukendt-type", titel="")
    with caplog.at_level(logging.ERROR, logger="mkdocs.commands.build"), pytest.raises(Abort):
        _apply(served, record)
    updated = [r.getMessage() for r in caplog.records if r.name == "mkdocs.commands.build"]
    caplog.clear()
    assert served["server"].full_builds == 0
    assert (site / "tilbud" / "esbjerg" / record.stem / "index.html").read_bytes() == page  # the last good site stays
    with caplog.at_level(logging.ERROR, logger="mkdocs.commands.build"), pytest.raises(Abort):
        _serve_build(served["tmp"] / "fresh")
    full = [r.getMessage() for r in caplog.records if r.name == "mkdocs.commands.build"]
    assert updated == full and "Posterne i data/ har fejl" in updated[0] and record.name in updated[0]
