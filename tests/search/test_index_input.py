"""Pagefind reads cut-down pages and may take its bundle from the cache: the index bytes stay the same."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from videre.search import indexinput, spelling
from videre.search import pagefind as search


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cut_pages_give_the_bundle_that_whole_pages_give(site_dir: Path, tmp_path: Path) -> None:
    pages = list(indexinput.selected(site_dir, search.NOT_INDEXED))
    texts = [p.read_text(encoding="utf-8") for p in pages]
    cut = sum(indexinput.reduce(t) != t for t in texts)
    assert cut > 200 and cut > 0.9 * sum(indexinput.BODY in t for t in texts)  # the cut is really used
    whole = tmp_path / "whole"
    search.write_bundle(
        [(p.relative_to(site_dir).as_posix(), t) for p, t in zip(pages, texts)], whole, search.glob(site_dir)
    )
    assert _files(whole) == _files(site_dir / "pagefind")


PAGE = """<!doctype html>
<html lang="da" class="no-js"><head><title>T</title></head><body><nav><div>menu</div></nav>
<div data-pagefind-body data-pagefind-filter="Sidetype:Tilbud"><h1>Titel</h1><div><p>Tekst</p></div></div>
<footer><div>fod</div></footer></body></html>"""


def test_a_page_is_cut_to_its_html_tag_and_body() -> None:
    assert indexinput.reduce(PAGE) == (
        '<!doctype html><html lang="da" class="no-js"><head></head><body><div data-pagefind-body '
        'data-pagefind-filter="Sidetype:Tilbud"><h1>Titel</h1><div><p>Tekst</p></div></div></body></html>'
    )


def test_an_offer_pages_printed_sheet_is_cut_from_the_body() -> None:
    sheet = spelling.PRINT_SHEET + ' hidden><div class="ark"><h1>Ark</h1><p>Dine rettigheder</p></div></div>'
    page = PAGE.replace("<div><p>Tekst</p></div>", "<div><p>Tekst</p></div>" + sheet)
    assert indexinput.reduce(page) == indexinput.reduce(PAGE)
    inner_filter = page.replace("<h1>Ark</h1>", '<h1 data-pagefind-filter="a:b">Ark</h1>')
    assert spelling.PRINT_SHEET in indexinput.reduce(inner_filter), "cut only when nothing in it could count"


@pytest.mark.parametrize(
    "page",
    [
        PAGE.replace("<title>T</title>", '<meta data-pagefind-meta="image[content]" content="x.png">'),
        PAGE.replace("<footer>", "<footer data-pagefind-filter='a:b'>"),
        PAGE.replace("<p>Tekst</p>", "<!-- <div> --><p>Tekst</p>"),
        PAGE.replace("<p>Tekst</p>", "<script>'<div>'</script>"),
        PAGE.replace("<footer>", "<div data-pagefind-body><footer>"),
        PAGE.replace("</div></div>\n<footer>", "</div>\n<footer>").replace("</div></footer>", "</footer>"),
        PAGE.replace("<div data-pagefind-body", "<main data-pagefind-body"),
        "<p>ingen krop</p>",
    ],
    ids=["meta-i-head", "filter-udenfor", "kommentar", "script", "to-kroppe", "ikke-lukket", "ikke-div", "ingen"],
)
def test_a_page_that_cutting_might_change_is_given_whole(page: str) -> None:
    assert indexinput.reduce(page) is page


def test_an_unchanged_site_takes_its_bundle_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    site = tmp_path / "site"
    for name in ("a", "b"):
        (site / "tilbud" / name).mkdir(parents=True)
        (site / "tilbud" / name / "index.html").write_text(PAGE.replace("Titel", f"Titel {name}"), encoding="utf-8")
    assert search.build_index(site, cache) == 2
    first = _files(site / "pagefind")
    real_popen = subprocess.Popen
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: pytest.fail("Pagefind ran again"))
    assert search.build_index(site, cache) == 2
    assert _files(site / "pagefind") == first
    (site / "tilbud" / "b" / "index.html").write_text(PAGE.replace("Titel", "Ny titel"), encoding="utf-8")
    ran: list[object] = []
    monkeypatch.setattr(subprocess, "Popen", lambda *a, **k: ran.append(a) or real_popen(*a, **k))
    assert search.build_index(site, cache) == 2
    assert ran and _files(site / "pagefind") != first
    ran.clear()
    search.build_index(site)
    assert ran  # without a cache, it indexes every time
