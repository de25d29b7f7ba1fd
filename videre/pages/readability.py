"""A small plain-language check: split Danish text into sentences and count words.

Handouts and screens are read by people on the day they leave a ward. Short
sentences help. The rule we hold texts to: on average at most 15 words per
sentence, and no sentence over 25 words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_AVERAGE = 15
MAX_SENTENCE = 25

_ABBREVIATIONS = ("fx", "bl.a", "dvs", "evt", "f.eks", "mv", "ca", "kl", "nr", "stk", "jf", "osv", "inkl", "pga")
_PROTECTED = re.compile(r"\b(" + "|".join(re.escape(a) for a in _ABBREVIATIONS) + r")\.", re.IGNORECASE)
_ORDINAL = re.compile(r"\b([0-9]{1,2})\.(?= [a-zæøå])")
"""'1. januar', '7. dag': a number with a full stop inside a sentence."""
_BOUNDARY = re.compile(r"(?<=[.!?:])\s+(?=[\"'“(]?[A-ZÆØÅ0-9])|\n\s*\n|\n\s*[-*•]\s+")
_WORD = re.compile(r"[0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+(?:[-–'’./][0-9A-Za-zÆØÅæøåÉéÜüÖöÄä]+)*")
_MARK = "\u2063"


def sentences(text: str) -> list[str]:
    """The sentences of a text. Full stops in 'fx.', 'kl.' and '7. dag' do not end a sentence."""
    guarded = _PROTECTED.sub(lambda m: m.group(1) + _MARK, text)
    guarded = _ORDINAL.sub(lambda m: m.group(1) + _MARK, guarded)
    parts = (p.replace(_MARK, ".").strip(" \t\n-*•") for p in _BOUNDARY.split(guarded))
    return [p for p in parts if words(p)]


def words(sentence: str) -> list[str]:
    return _WORD.findall(sentence)


@dataclass(frozen=True)
class Report:
    sentences: int
    words: int
    longest: str

    @property
    def average(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def longest_words(self) -> int:
        return len(words(self.longest))

    @property
    def ok(self) -> bool:
        return self.average <= MAX_AVERAGE and self.longest_words <= MAX_SENTENCE

    def explain(self) -> str:
        return (
            f"{self.sentences} sætninger, i gennemsnit {self.average:.1f} ord (højst {MAX_AVERAGE}); "
            f"længste har {self.longest_words} ord (højst {MAX_SENTENCE}): '{self.longest}'"
        )


def check(text: str) -> Report:
    found = sentences(text)
    counts = [len(words(s)) for s in found]
    longest = max(found, key=lambda s: len(words(s)), default="")
    return Report(len(found), sum(counts), longest)


def first_sentences(text: str, max_chars: int) -> str:
    """As many whole sentences from the start as fit in ``max_chars``; at least a shortened first one."""
    taken: list[str] = []
    for sentence in sentences(text):
        if taken and len(" ".join([*taken, sentence])) > max_chars:
            break
        taken.append(sentence)
    summary = " ".join(taken)
    if len(summary) <= max_chars:
        return summary
    cut = summary[: max_chars - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"
