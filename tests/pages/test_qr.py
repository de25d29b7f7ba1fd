"""videre.pages.qr draws the same QR codes as segno, byte for byte, only faster."""

from __future__ import annotations

import random
import string

import pytest
import segno

from videre.pages import patient, qr


def _segno(text: str, css_class: str = "k", title: str = "QR-kode") -> str:
    return segno.make(text, error="m", micro=False, mask=0).svg_inline(
        scale=1, border=4, dark="#000", light="#fff", omitsize=True, svgclass=css_class, title=title
    )


def _addresses() -> list[str]:
    rng = random.Random(4)
    alphabet = string.ascii_lowercase + string.digits + "-/_.?=&%"
    base = "https://videre.example.org/"
    found = [base + "".join(rng.choice(alphabet) for _ in range(n)) + "/" for n in range(0, 420, 3)]
    return [*found, "a", "ab", "https://x.example.org", base + "tilbud/esbjerg/genoptraening-efter-indlaeggelse/"]


@pytest.mark.parametrize("text", _addresses())
def test_same_svg_as_segno(text: str) -> None:
    assert qr.svg_inline(text, css_class="ark__qr-kode", title=f"QR-kode: {text}") == _segno(
        text, "ark__qr-kode", f"QR-kode: {text}"
    )


@pytest.mark.parametrize("text", ["12345678", "HTTPS://VIDERE.DK/", "https://videre.example.org/æøå"])
def test_other_modes_and_non_ascii_are_left_to_segno(text: str) -> None:
    assert qr.svg_inline(text, css_class="k", title="t") is None
    assert patient.qr_svg.__wrapped__(text, "k").startswith('<svg role="img" focusable="false" viewBox=')


def test_titles_are_escaped_like_segno() -> None:
    title = 'QR-kode: <a & "b">'
    assert qr.svg_inline("https://x.example.org/", css_class="k", title=title) == _segno(
        "https://x.example.org/", title=title
    )
