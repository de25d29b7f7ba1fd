"""Offer pages filled into shared shells (videre.mkdocs.shells) are the same bytes as MkDocs' own pages."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import build_site, write_tree
from videre.mkdocs import shells
from videre.pages import Page

TITLES = {
    "og-tegn": "Krop & sind: træning med GOP",
    "citat": 'Holdet "Ud i naturen" (16–25 år)',
    "vinkler": "Mad 1<2 og 3>2 * for _alle_",
    "kontakt": "Kontakt",  # the title's id collides with the heading 'Kontakt'
    "om-tilbuddet": "Om tilbuddet",
    "tegn": "Back\\slash, [klammer] og #hash! 100 % + 1.",
    "forkortelser": "PAM, ECT og SEL – GOPs ABC",
}


def _tree(root: Path) -> Path:
    files = {
        f"offers/esbjerg/{slug}.yaml": GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", f"titel: '{title}'")
        for slug, title in TITLES.items()
    }
    files["offers/varde/uden-sted.yaml"] = GOOD_OFFER
    return write_tree(root, files)


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.slow
def test_shell_pages_are_byte_identical_to_mkdocs_pages(tmp_path: Path) -> None:
    data = _tree(tmp_path / "data")
    env = {"VIDERE_TODAY": "2026-11-23", "SOURCE_DATE_EPOCH": "1790000000"}
    fast, slow = tmp_path / "fast", tmp_path / "slow"
    for out, switch in ((fast, "1"), (slow, "0")):
        result = build_site(out, data=data, env={**env, shells.SWITCH: switch})
        assert result.returncode == 0, result.stdout + result.stderr
    a, b = _digest(fast), _digest(slow)
    assert sorted(a) == sorted(b), sorted(set(a) ^ set(b))[:10]
    differ = [name for name in a if a[name] != b[name]]
    assert differ == [], differ[:10]
    for slug in TITLES:
        assert (fast / "tilbud" / "esbjerg" / slug / "index.html").is_file()
    assert not (fast / "tilbud" / shells.SHELL_DIR).exists()


def _page(body: str, front: str = 'description: "Kort."\n') -> Page:
    return Page("tilbud/esbjerg/x.md", f"---\n{front}---\n\n# Titel\n\n{body}\n", many=True)


@pytest.mark.parametrize(
    "body",
    [
        "Almindelig tekst med *Markdown*.",  # a paragraph: Markdown works on it
        "<span>inline</span>",  # an inline tag at the line start gets a <p>
        '<div markdown="1">*x*</div>',  # md_in_html would parse the inside
        "    <p>indrykket</p>",  # indented: a code block
        "## Under\n\n- punkt",  # a list
        "# Endnu en titel",  # a second h1
    ],
)
def test_pages_that_markdown_would_change_go_through_mkdocs(body: str) -> None:
    assert shells.cut(_page(body)) is None


def test_front_matter_beyond_the_description_goes_through_mkdocs() -> None:
    assert shells.cut(_page("<p>x</p>", front="title: Andet\n")) is None
    assert shells.cut(Page("tilbud/esbjerg/x.md", "# Titel *med* stjerne\n\n<p>x</p>\n", many=True)) is None


def test_a_plain_offer_page_is_cut_into_title_headings_and_html() -> None:
    member = shells.cut(_page("<p>a</p>\n\n## Del\n\n<div>\n<p>b</p>\n</div>\n\n## Tom\n\n## Sidst\n\n<p>c</p>"))
    assert member is not None
    assert member.title == "Titel" and member.description == "Kort."
    assert member.headings == ("## Del", "## Tom", "## Sidst")
    assert member.parts == ("<p>a</p>", "<div>\n<p>b</p>\n</div>", "", "<p>c</p>")
    shell = shells.shell_markdown(member)
    assert "## Tom\n\n## Sidst" in shell and shell.count("<!--videre-skal-") == 4


def test_pages_not_marked_many_and_lone_layouts_keep_their_mkdocs_page() -> None:
    style = shells.HeadingStyle(slugify=lambda value, sep: value.lower())
    lone = _page("<p>a</p>")
    plan = shells.plan([Page("a.md", "# A\n"), lone], style)
    assert [p.src_uri for p in plan.pages] == ["a.md", "tilbud/esbjerg/x.md"] and not plan.members
    twins = [_page("<p>a</p>"), Page("tilbud/varde/y.md", _page("<p>b</p>").markdown, many=True)]
    plan = shells.plan([Page("a.md", "# A\n"), *twins, Page("b.md", "# B\n")], style)
    assert [p.src_uri for p in plan.pages] == ["a.md", "tilbud/_skal/0.md", "b.md"]
    assert plan.order == ["tilbud/esbjerg/x/", "tilbud/varde/y/"]


LAZY_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^<>]*?)?(/?)>")
"""The tag pattern as first written (a lazy match): the faster one must find the very same tags."""


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["<", ">", "/", "a", "B", "-", "1", " ", "\n", '"', "=", "<br/>", "</a>", "<a ", "/>", "<p>", "x"]
        ),
        max_size=30,
    ).map("".join)
)
def test_the_tag_pattern_finds_what_the_lazy_pattern_found(text: str) -> None:
    assert shells._TAG.findall(text) == LAZY_TAG.findall(text)


def test_a_page_whose_spelling_block_is_stashed_gets_no_second_block() -> None:
    """A long block of spellings is a big raw block too, so MkDocs sees its placeholder; the hook's words for
    hand-written pages must still see that the page has its block (kommuner/nyborg/ had two, with one id)."""
    from videre.search import spelling

    words = " ".join(f"faellesskab{n}" for n in range(400))
    block = spelling.hidden_element(spelling.BLOCK_NAME, words)
    assert len(block) >= shells.STASH_MINIMUM
    page, stashed = shells.stash(Page("kommuner/nyborg.md", f"# Nyborg\n\nFællesskaber i Nyborg.\n\n{block}\n"))
    assert list(stashed.values()) == [block] and block not in page.markdown, "the block stands as a placeholder"
    assert spelling.spelling_block(page.markdown, ["Genoptræningsplan"]) == ""
    assert spelling.spelling_block("# Nyborg\n\nFællesskaber i Nyborg.\n") != "", "a page without one gets one"
