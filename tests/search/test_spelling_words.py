"""The fast word finder of videre.search.spelling gives exactly the words that cutting every word out gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from videre.search import spelling


def reference(text: str) -> list[str]:
    """The words with æ, ø or å, as spelling.ascii_words first found them: every word cut out, then kept."""
    return [w for w in spelling._WORD.findall(text) if not w.isascii() and spelling._DANISH.search(w)]


ALPHABET = 'aæøåÆØÅeZ19_- \n.·<>/"é²٣ß'


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_the_danish_words_are_the_words_the_word_pattern_finds(text: str) -> None:
    assert list(spelling._danish_words(text)) == reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_any_text(text: str) -> None:
    assert list(spelling._danish_words(text)) == reference(text)


def test_known_cases() -> None:
    text = "Ældre-sagen, 3-årige og __øl__ samt -på- og pårørende_ og ²æ"
    assert (
        list(spelling._danish_words(text)) == reference(text) == ["Ældre-sagen", "årige", "øl", "på", "pårørende", "²æ"]
    )
    assert spelling.ascii_words("pårørende Pårørende pårørende") == ["paaroerende", "paaroerende"]
