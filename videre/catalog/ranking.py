"""Which offer first: how specific the match is, as a sort key that composes with others.

Staff who pick a problem want the offers made for that problem before the ones for "all
difficulties", and offers for relatives after the offers for the patient, unless they are
looking for relatives. The directory's JavaScript (``docs/assets/videre-udvalg.js``) applies
the same rule in the browser; ``tests/catalog/test_ranking.py`` holds both to one case.

Real offers come before examples everywhere (:func:`real_first`). The key is a tuple, so another rule (e.g. real records before examples) can be put in front
of it or after it: ``sorted(offers, key=lambda o: (other(o), *specificity_key(o, problem)))``.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..core import vocab
from ..core.model import Offer

RELATIVES_KIND = "paaroerende"
"""The offer kind made for relatives."""
ALL_PROBLEMS = vocab.ALL_PROBLEMS


def for_relatives_only(offer: Offer) -> bool:
    """An offer made for relatives (its type), not for the patient."""
    return offer.kind == RELATIVES_KIND


def open_to_relatives(offer: Offer) -> bool:
    """Relatives can use it: made for them, or its target group says relatives are welcome too."""
    return for_relatives_only(offer) or offer.relatives


def matches_problem(offer: Offer, problem: str) -> bool:
    """The directory's rule: an offer for all difficulties matches every problem."""
    return not problem or problem in offer.problems or ALL_PROBLEMS in offer.problems


def real_first(offers: Sequence[Offer]) -> tuple[tuple[Offer, ...], tuple[Offer, ...]]:
    """Real offers (confirmed or read from a public page), and the examples, which a page lists after them
    under their own heading (which examples a build shows at all: :meth:`Catalog.shown`)."""
    return tuple(o for o in offers if not o.example), tuple(o for o in offers if o.example)


def specificity_key(offer: Offer, problem: str = "", relatives: bool = False) -> tuple[int, int]:
    """(relatives' place, problem's place): 0 before 1 in both.

    Without the relatives' filter, offers made for relatives come last. With it, they come first
    and offers merely open to relatives after them. An offer that names the chosen problem comes
    before one that only matches it as 'all difficulties'."""
    if relatives:
        place = 0 if for_relatives_only(offer) else 1
    else:
        place = 1 if for_relatives_only(offer) else 0
    named = 0 if not problem or problem in offer.problems else 1
    return place, named


def problem_label(problem: str) -> str:
    return vocab.label(vocab.PROBLEMS, problem)
