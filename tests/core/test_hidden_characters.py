"""Titles and short fields refuse characters a reader cannot see or that change the text's direction."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from videre.core import schema as S
from videre.core.validate import Validator
from videre.core.yamlsource import parse

REFUSED = [
    "\u061c",
    "\u200b",
    "\u200e",
    "\u200f",
    *map(chr, range(0x202A, 0x202F)),
    *map(chr, range(0x2060, 0x2065)),
    *map(chr, range(0x2066, 0x206A)),
    "\ufeff",
]
KEPT = ["Gåtur i Ærø og Søby", "Café – naïve façade", "👩‍⚕️ 🏳️‍🌈", "Ḿ̀ Ĺ ǘ", "a\u200cb", "\u2065", "\u202f", "\u2010"]
SCHEMA = {"type": "object", "properties": {"titel": S.text("Titel", "Navnet.", "Gåtur")}}


def problems(value: str) -> list:
    document, found = parse(__import__("pathlib").Path("x.yaml"), f'titel: "{value}"\n'.replace("\\", "\\\\"))
    assert document is not None and found == []
    return Validator(SCHEMA, dt.date(2026, 12, 6)).problems(document)


@pytest.mark.parametrize("char", REFUSED, ids=[f"U+{ord(c):04X}" for c in REFUSED])
def test_each_hidden_or_bidi_character_is_refused_with_a_danish_fix(char: str) -> None:
    [problem] = problems(f"Gåtur{char} for alle")
    assert problem.rule == "usynligt-tegn"
    assert f"U+{ord(char):04X} ved tegn 6" in problem.message
    assert problem.hint == S.VISIBLE_TEXT_HINT


@pytest.mark.parametrize("text", KEPT)
def test_ordinary_text_accents_emoji_with_joiners_and_neighbours_of_the_ranges_pass(text: str) -> None:
    assert problems(text) == []


def test_the_schema_pattern_says_the_same_as_the_check() -> None:
    pattern = re.compile(S.VISIBLE_TEXT_PATTERN)
    assert all(not pattern.match(f"a{c}b") for c in REFUSED)
    assert all(pattern.match(t) for t in KEPT)
