"""The free-text Markdown subset: useful formatting, and never live HTML."""

from videre.core.text import find_html, find_unsafe_links, md_escape, plain, to_html


def test_subset_renders_paragraphs_lists_emphasis_and_links():
    html = to_html("Du får **hjælp** og *ro*.\n\n- hjemme\n- ude\n\nSe [siden](https://x.example.org/a?b=1&c=2).")
    assert html == (
        "<p>Du får <strong>hjælp</strong> og <em>ro</em>.</p>\n<ul><li>hjemme</li><li>ude</li></ul>\n"
        '<p>Se <a href="https://x.example.org/a?b=1&amp;c=2">siden</a>.</p>'
    )


def test_html_and_unsafe_links_are_escaped_not_rendered():
    html = to_html('<script>alert(1)</script> [x](javascript:alert(1)) <img src=x onerror="y">')
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert "&lt;script&gt;" in html


def test_detectors():
    assert find_html("a <b>fed</b>") == "<b>"
    assert find_html("3 < 4 og 5 > 2") is None
    assert find_unsafe_links("[a](https://ok.example.org) [b](data:text/html,x) [c](mailto:a@b.dk)") == [
        "data:text/html,x"
    ]


def test_plain_and_markdown_escaping():
    assert plain("**Fed** og [link](https://x.example.org)") == "Fed og link"
    assert md_escape("Træning & *ro* <b>") == "Træning &amp; \\*ro\\* &lt;b&gt;"


def test_heading_anchors_keep_danish_letters_as_ae_oe_aa():
    from videre.core.text import heading_slug

    assert heading_slug("Ældre ord, du kan møde") == "aeldre-ord-du-kan-moede"
    assert heading_slug("Hvornår skal planen være klar?") == "hvornaar-skal-planen-vaere-klar"
    assert heading_slug("Café & fællesspisning – Sønderborg", "_") == "cafe_faellesspisning_soenderborg"
    assert heading_slug("GOP efter § 140") == "gop-efter-140"
