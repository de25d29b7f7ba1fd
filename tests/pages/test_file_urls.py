"""Raw-HTML links rewritten from directory URLs to file URLs (videre.pages.links.FileUrls), without a build."""

from __future__ import annotations

import posixpath

import pytest

from videre.pages.links import FileUrls, Linker, file_url

URLS = FileUrls(
    pages=frozenset(
        {
            "index.md",
            "kommuner/index.md",
            "kommuner/esbjerg.md",
            "sog.md",
            "tilbud/esbjerg/gaatur.md",
            "beslutning/index.md",
        }
    ),
    files=frozenset({"skaerm/esbjerg/index.html", "offers.json", "assets/videre.css"}),
)


@pytest.mark.parametrize(
    ("src", "expected"),
    [
        ("kommuner/esbjerg.md", "kommuner/esbjerg.html"),
        ("kommuner/index.md", "kommuner/index.html"),
        ("index.md", "index.html"),
    ],
)
def test_a_source_page_becomes_one_file(src: str, expected: str) -> None:
    assert file_url(src) == expected


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("kommuner/esbjerg/", "kommuner/esbjerg.html"),  # a/b/ from a/b.md
        ("kommuner/", "kommuner/index.html"),  # a/b/ from a/b/index.md
        ("", "index.html"),  # the front page
        ("skaerm/esbjerg/", "skaerm/esbjerg/index.html"),  # a static page
        ("offers.json", "offers.json"),  # a file keeps its name
        ("ukendt/", "ukendt/"),  # unknown: left for the link checker to find
    ],
)
def test_an_address_maps_to_the_file_the_generator_writes(address: str, expected: str) -> None:
    assert URLS.target(address) == expected


@pytest.mark.parametrize(
    ("own", "target"),
    [
        ("kommuner/esbjerg.md", "tilbud/esbjerg/gaatur/#kontakt"),
        ("beslutning/index.md", "kommuner/"),
        ("index.md", "assets/videre.css"),
        ("sog.md", ""),
        ("tilbud/esbjerg/gaatur.md", "skaerm/esbjerg/"),
    ],
)
def test_a_link_from_linker_points_at_the_same_target_after_rewriting(own: str, target: str) -> None:
    """Resolved against the page's file URL, the rewritten link lands on the target's file (fragment kept)."""
    html = f'<a href="{Linker(own).url(target)}">x</a>'
    rewritten = URLS.rewrite(own, html)
    link = rewritten.removeprefix('<a href="').removesuffix('">x</a>')
    path, _, fragment = link.partition("#")
    landed = posixpath.normpath(posixpath.join(posixpath.dirname(file_url(own)), path))
    assert landed == URLS.target(target.partition("#")[0]).rstrip("/")
    assert fragment == target.partition("#")[2]


def test_a_script_root_is_moved_but_not_turned_into_a_page() -> None:
    """data-rod is a prefix scripts append addresses to: from kommuner/esbjerg.html the root is ../."""
    html = '<form data-rod="../../" data-katalog="../../katalog.json">'
    assert URLS.rewrite("kommuner/esbjerg.md", html) == '<form data-rod="../" data-katalog="../katalog.json">'


def test_a_page_address_for_a_script_becomes_the_page_file() -> None:
    """The decision aid's script sets a link to an option's data-side, so that address must be a file URL too."""
    html = '<option value="esbjerg" data-side="../kommuner/esbjerg/">'
    assert URLS.rewrite("beslutning/index.md", html) == '<option value="esbjerg" data-side="../kommuner/esbjerg.html">'


def test_static_files_keep_their_folder_and_other_hosts_are_left_alone() -> None:
    html = (
        '<meta http-equiv="refresh" content="0; url=../../kommuner/esbjerg/">'
        '<a href="../../kommuner/esbjerg/">ny</a><a href="https://example.org/a/">ude</a>'
        '<a href="#top">op</a><a href="mailto:a@b.dk">post</a>'
    )
    assert URLS.rewrite("gammel/adresse/index.html", html) == (
        '<meta http-equiv="refresh" content="0; url=../../kommuner/esbjerg.html">'
        '<a href="../../kommuner/esbjerg.html">ny</a><a href="https://example.org/a/">ude</a>'
        '<a href="#top">op</a><a href="mailto:a@b.dk">post</a>'
    )
