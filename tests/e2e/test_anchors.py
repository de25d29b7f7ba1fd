"""Heading anchors keep æ, ø and å as ae, oe and aa; an anchor made the old way still leads to its heading."""

import re


def test_the_built_heading_has_a_readable_anchor(site_dir):
    page = (site_dir / "vejledning" / "specialiseringsniveauer" / "index.html").read_text(encoding="utf-8")
    assert 'id="aeldre-ord-du-kan-moede"' in page
    assert not re.search(r'id="[^"]*(ldre-ord|-mde")', page.replace('id="aeldre-ord-du-kan-moede"', ""))


def test_an_old_anchor_leads_to_its_heading(guarded, base_url):
    page = guarded.page
    page.goto(base_url + "vejledning/specialiseringsniveauer/#ldre-ord-du-kan-mde")
    page.wait_for_function("() => location.hash === '#aeldre-ord-du-kan-moede'", timeout=5_000)
    top = page.evaluate("document.getElementById('aeldre-ord-du-kan-moede').getBoundingClientRect().top")
    assert 0 <= top < 200, "scrolled to the heading"
    page.goto(base_url + "vejledning/frister/#hvornar-skal-planen-vre-klar")  # å written a, æ dropped
    page.wait_for_function("() => location.hash === '#hvornaar-skal-planen-vaere-klar'", timeout=5_000)
    page.goto(base_url + "vejledning/frister/#findes-ikke")
    page.wait_for_timeout(200)
    assert page.evaluate("location.hash") == "#findes-ikke", "an unknown anchor is left alone"
    assert guarded.foreign == [] and guarded.console_errors == []
