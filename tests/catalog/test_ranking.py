"""The specificity key: the chosen problem before 'all difficulties', relatives' offers last unless asked for."""

from dataclasses import replace

from tests.helpers.site import DATA
from videre.catalog import ranking
from videre.catalog.load import load_catalog

CATALOG = load_catalog(DATA).catalog


def soenderborg(problem: str, relatives: bool = False) -> list:
    found = [
        o
        for o in (*CATALOG.offers_in("soenderborg"), *CATALOG.partner_offers_for("soenderborg"))
        if ranking.matches_problem(o, problem)
    ]
    return sorted(found, key=lambda o: ranking.specificity_key(o, problem, relatives))


def test_soenderborg_and_depression_puts_the_depression_offers_first_and_relatives_last():
    ranked = soenderborg("depression")
    named = [o for o in ranked if "depression" in o.problems and o.kind != ranking.RELATIVES_KIND]
    assert len(named) >= 4
    assert ranked[: len(named)] == named, [o.title for o in ranked]
    relatives = [o for o in ranked if o.kind == ranking.RELATIVES_KIND]
    assert relatives and ranked[-len(relatives) :] == relatives
    # Ranking only orders: every offer for depression or for all difficulties is still there. (A fixed count
    # went stale when the real records arrived; this one is counted from the data without the rule.)
    offers = (*CATALOG.offers_in("soenderborg"), *CATALOG.partner_offers_for("soenderborg"))
    fitting = [o for o in offers if "depression" in o.problems or "alle" in o.problems]
    assert sorted(o.id for o in ranked) == sorted(o.id for o in fitting), "alle passer stadig; kun rækkefølgen skifter"
    assert len(ranked) > len(named) + len(relatives), "også tilbud til alle vanskeligheder"


def test_the_relatives_filter_brings_relatives_first_and_offers_open_to_them_after():
    offers = [o for o in soenderborg("") if ranking.open_to_relatives(o)]
    ranked = sorted(offers, key=lambda o: ranking.specificity_key(o, "", relatives=True))
    kinds = [o.kind == ranking.RELATIVES_KIND for o in ranked]
    assert kinds == sorted(kinds, reverse=True) and kinds.count(False) >= 2


def test_the_key_composes_with_another_rule_in_front():
    offers = soenderborg("depression")
    example_last = sorted(
        offers, key=lambda o: (o.title != offers[-1].title, *ranking.specificity_key(o, "depression"))
    )
    assert example_last[0] == offers[-1]


def test_open_to_relatives_follows_the_target_group_not_only_the_type():
    offer = next(o for o in CATALOG.partner_offers if o.kind == "raadgivning" and not o.relatives)
    assert not ranking.open_to_relatives(offer)
    assert ranking.open_to_relatives(replace(offer, relatives=True))
    assert ranking.specificity_key(replace(offer, relatives=True)) == (0, 0), "åben for pårørende er ikke kun for dem"
