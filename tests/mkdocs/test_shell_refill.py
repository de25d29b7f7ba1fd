"""Plan.refill (videre.mkdocs.shells): one offer page filled into its shell again after an edit, as
Plan.write fills it; a page whose layout no longer fits its shell is refused (a full build does it)."""

from __future__ import annotations

from pathlib import Path

from videre.mkdocs import shells
from videre.pages import Page


def _page(src: str, body: str) -> Page:
    return Page(
        src, f'---\ndescription: "Kort."\n---\n\n# Titel {src[-4]}\n\n{body}\n\n## Kontakt\n\n<p>k</p>\n', many=True
    )


def _plan() -> shells.Plan:
    style = shells.HeadingStyle(slugify=lambda value, sep: value.lower().replace(" ", sep))
    plan = shells.plan([_page("tilbud/esbjerg/a.md", "<p>a</p>"), _page("tilbud/varde/b.md", "<p>b</p>")], style)
    shell = next(iter(plan.members))
    fake = (
        '<html><title>Videreskaltitel - Videre</title><meta content="videreskalbeskrivelse">'
        '<h1 id="videreskaltitel">Videreskaltitel</h1>\n<!--videre-skal-0-->\n'
        '<h2 id="kontakt">Kontakt</h2>\n<!--videre-skal-1-->\n\n<!--videre-skal-slut--></html>'
    )
    plan.capture(shell, fake)
    return plan


def test_a_refilled_page_is_what_write_writes(tmp_path: Path) -> None:
    plan = _plan()
    edited = _page("tilbud/esbjerg/a.md", "<p>rettet</p>")
    address, html = plan.refill(edited)  # type: ignore[misc]
    assert address == "tilbud/esbjerg/a/" and "<p>rettet</p>" in html
    plan.write(tmp_path)
    assert (tmp_path / address / "index.html").read_text(encoding="utf-8") == html


def test_a_page_that_no_longer_fits_its_shell_or_is_no_member_is_refused() -> None:
    plan = _plan()
    assert plan.refill(_page("tilbud/esbjerg/a.md", "<p>a</p>\n\n## Ny overskrift\n\n<p>x</p>")) is None
    assert plan.refill(_page("tilbud/esbjerg/a.md", "Almindelig *Markdown*")) is None
    assert plan.refill(_page("tilbud/esbjerg/c.md", "<p>c</p>")) is None
    assert plan.is_member("tilbud/varde/b.md") and not plan.is_member("tilbud/esbjerg/c.md")
