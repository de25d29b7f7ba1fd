"""videre.site.Scope: the part of the site an edit of some offers can change (for `mkdocs serve`).

The scoped pages and files are the same as the full build's, and the scope holds every municipality
whose page or handout shows the offers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bench.generate import generate
from videre import site
from videre.catalog.catalog import Catalog
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages import handout

OPTIONS = SiteOptions(today=dt.date(2026, 12, 3))


@pytest.fixture(scope="module")
def catalog(tmp_path_factory: pytest.TempPathFactory) -> Catalog:
    data = tmp_path_factory.mktemp("scope") / "data"
    generate(data, 0.02)
    result = load_catalog(data, today=OPTIONS.today)
    assert result.errors == []
    return result.catalog


def test_the_scope_of_a_partner_offer_is_every_municipality_that_shows_it(catalog: Catalog) -> None:
    offer = catalog.partner_offers[0]
    scope = site.offers_scope(catalog, catalog, OPTIONS, frozenset({offer.id}))
    showing = {m.slug for m in catalog.register.municipalities if offer in catalog.partner_offers_for(m.slug)}
    assert scope.municipalities == showing and showing
    own = catalog.offers[0]
    assert site.offers_scope(catalog, catalog, OPTIONS, frozenset({own.id})).municipalities == {own.owner}


def test_the_own_pages_and_files_of_a_scope_are_the_full_builds(catalog: Catalog) -> None:
    offer = catalog.offers[0]
    scope = site.Scope(frozenset({offer.id}), frozenset({offer.owner}), shared=False)
    pages = {p.src_uri: p.markdown for p in site.build_pages(catalog, OPTIONS, scope)}
    assert sorted(pages) == sorted([f"kommuner/{offer.owner}.md", f"tilbud/{offer.owner}/{offer.slug}.md"])
    full = {p.src_uri: p.markdown for p in site.build_pages(catalog, OPTIONS)}
    assert all(full[src] == text for src, text in pages.items())
    files = {f.path: f.content for f in site.build_files(catalog, OPTIONS, scope)}
    assert sorted(files) == [handout.municipality_path(offer.owner)]  # the offer's sheet is in its page
    full_files = {f.path: f.content for f in site.build_files(catalog, OPTIONS)}
    assert all(full_files[path] == text for path, text in files.items())


def test_the_shared_part_has_no_records_own_pages_and_gives_way_when_cancelled(catalog: Catalog) -> None:
    shared = site.Scope()
    pages = {p.src_uri for p in site.build_pages(catalog, OPTIONS, shared)}
    assert "gennemsyn.md" in pages and not any(src.startswith(("tilbud/esbjerg/", "kommuner/esbjerg")) for src in pages)
    files = {f.path for f in site.build_files(catalog, OPTIONS, shared)}
    assert "offers.json" in files and handout.municipality_path(catalog.offers[0].owner) not in files
    with pytest.raises(site.Cancelled):
        site.build_pages(catalog, OPTIONS, site.Scope(cancelled=lambda: True))
    with pytest.raises(site.Cancelled):
        site.build_files(catalog, OPTIONS, site.Scope(cancelled=lambda: True))


def test_the_generated_files_written_beside_the_build_are_the_files_the_builder_makes(
    catalog: Catalog, tmp_path: Path
) -> None:
    """videre.site.StaticFilesJob: every file of build_files, byte for byte, at its path in the site."""
    expected = site.build_files(catalog, OPTIONS)
    job = site.StaticFilesJob(catalog, OPTIONS, tmp_path)
    paths = job.paths({"index.md", "assets/videre.css"})
    assert paths == [item.path for item in expected] and job.wait() == len(expected)
    written = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file())
    assert written == sorted(paths)
    for item in expected:
        assert (tmp_path / item.path).read_bytes() == item.content.encode("utf-8"), item.path


def test_a_generated_file_may_not_take_the_path_of_another_file_of_the_site(catalog: Catalog, tmp_path: Path) -> None:
    job = site.StaticFilesJob(catalog, OPTIONS, tmp_path)
    with pytest.raises(site.StaticFilesFailed, match=r"samme sti som en fil i docs/.*offers\.csv.*andet navn"):
        job.paths({"offers.csv", "index.md"})
    job.wait()


@pytest.mark.parametrize("scoped", [False, True])
def test_each_family_of_files_knows_its_paths_before_it_makes_them(catalog: Catalog, scoped: bool) -> None:
    """videre.site.file_families: the paths told up front (MkDocs resolves links with them) are the paths of the
    files made afterwards, family by family and in order, for the whole site and for a scope's handouts."""
    offer = catalog.offers[0]
    scope = site.Scope(frozenset({offer.id}), frozenset({offer.owner})) if scoped else None
    families = site.file_families(catalog, OPTIONS, scope)
    for family in families:
        assert family.paths() == [item.path for item in family.make()]
    handouts = [family for family in families if not family.shared]
    assert len(handouts) == 1 and (len(handouts[0].paths()) == 1) is scoped
    assert [path for family in families for path in family.paths()] == [
        item.path for item in site.build_files(catalog, OPTIONS, scope)
    ]
