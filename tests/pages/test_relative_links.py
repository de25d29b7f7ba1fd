"""Relative links computed without the working folder are the links posixpath.relpath gives."""

from __future__ import annotations

import posixpath

from hypothesis import given, settings
from hypothesis import strategies as st

from videre.pages import _relpath, relative

PART = st.sampled_from(["tilbud", "kommuner", "esbjerg", "a", ".", "..", "", "x.md", "index"])
PATH = st.lists(PART, min_size=1, max_size=5).map("/".join)


@settings(max_examples=3000, deadline=None)
@given(PATH, PATH, st.booleans(), st.booleans())
def test_relpath_is_the_library_relpath(path: str, start: str, absolute_path: bool, absolute_start: bool) -> None:
    path, start = ("/" + path if absolute_path else path) or ".", ("/" + start if absolute_start else start) or "."
    assert _relpath(path, start) == posixpath.relpath(path, start)


def test_links_between_pages() -> None:
    assert relative("tilbud/esbjerg/x.md", "kommuner/esbjerg/") == "../../../kommuner/esbjerg/"
    assert relative("index.md", "") == "./"
    assert relative("kommuner/esbjerg.md", "kommuner/esbjerg/#kontakt") == "./#kontakt"
