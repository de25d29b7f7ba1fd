"""Every limit the loader and the validator enforce, tested at the limit and one past it.

The limits are written out here as numbers, not read from the code under test, so a limit that moves
by one fails a test. Extreme inputs (huge files, deep nesting) are tested elsewhere; these are the edges."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import write_tree
from videre.catalog.load import load_catalog
from videre.core import yamlsource

TODAY = dt.date(2026, 11, 23)


def rules(tmp_path: Path, offer: str) -> list[str]:
    root = write_tree(tmp_path / "data", {"offers/esbjerg/x.yaml": offer})
    return [p.rule for p in load_catalog(root, today=TODAY).problems]


def parse_rules(text: str) -> list[str]:
    return [p.rule for p in yamlsource.parse(Path("x.yaml"), text)[1]]


def with_title(title: str) -> str:
    return GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", f"titel: '{title}'")


@pytest.mark.parametrize(
    "length, expected",
    [
        (2, ["for-kort"]),
        (3, []),
        (120, []),
        (121, ["for-lang"]),
    ],
)
def test_title_length_edges(tmp_path, length, expected):
    assert rules(tmp_path, with_title("x" * length)) == expected


@pytest.mark.parametrize("length, expected", [(1500, []), (1501, ["for-lang"])])
def test_description_length_edges(tmp_path, length, expected):
    # A block scalar ('|') keeps its final line break, which counts as a character.
    offer = GOOD_OFFER.replace("  Du træner med en **ergoterapeut** hjemme eller udendørs.", "  " + "x" * (length - 1))
    assert rules(tmp_path, offer) == expected


@pytest.mark.parametrize(
    "low, high, expected",
    [
        (0, 120, []),
        (-1, 120, ["uden-for-grænse"]),
        (0, 121, ["uden-for-grænse"]),
    ],
)
def test_age_edges(tmp_path, low, high, expected):
    offer = GOOD_OFFER.replace("alder: {fra: 18, til: 120}", f"alder: {{fra: {low}, til: {high}}}")
    assert rules(tmp_path, offer) == expected


@pytest.mark.parametrize("problems, expected", [("[]", ["for-få"]), ("[angst]", [])])
def test_a_list_needs_at_least_one_item(tmp_path, problems, expected):
    assert rules(tmp_path, GOOD_OFFER.replace("problemer: [angst, depression]", f"problemer: {problems}")) == expected


@pytest.mark.parametrize(
    "title, refused",
    [
        ("0101901234", True),  # exactly ten digits: a CPR number
        ("010190-1234", True),  # with the usual dash
        ("101901234", False),  # nine digits
        ("01019012345", False),  # eleven digits: not a CPR number
        ("3102901234", False),  # 31 February does not exist
    ],
)
def test_cpr_check_at_exactly_ten_digits(tmp_path, title, refused):
    assert ("cpr-nummer" in rules(tmp_path, with_title(title))) is refused


@pytest.mark.parametrize(
    "day, expected",
    [
        (TODAY, []),
        (TODAY + dt.timedelta(days=1), ["fremtidig-dato"]),
    ],
)
def test_a_confirmation_may_be_dated_today_but_not_tomorrow(tmp_path, day, expected):
    assert rules(tmp_path, GOOD_OFFER.replace('dato: "2026-10-01"', f'dato: "{day.isoformat()}"')) == expected


def nested(levels: int) -> str:
    """A mapping whose innermost value sits ``levels`` levels below the top."""
    return "".join("  " * i + f"k{i}:\n" for i in range(levels)) + "  " * levels + "v\n"


def test_nesting_twelve_levels_is_allowed_thirteen_is_not():
    assert parse_rules(nested(12)) == []
    assert parse_rules(nested(13)) == ["for-dyb"]


def test_flow_nesting_has_the_same_edge():
    assert parse_rules("a: " + "[" * 11 + "1" + "]" * 11 + "\n") == []
    assert parse_rules("a: " + "[" * 12 + "1" + "]" * 12 + "\n") == ["for-dyb"]


def test_twenty_thousand_values_are_allowed_one_more_is_not():
    # The top mapping and the list count as values too: 2 + items.
    assert parse_rules("a: [" + ",".join(["1"] * 19_998) + "]\n") == []
    assert parse_rules("a: [" + ",".join(["1"] * 19_999) + "]\n") == ["for-mange-værdier"]


@pytest.mark.parametrize("size, expected", [(256 * 1024, []), (256 * 1024 + 1, ["for-stor-fil"])])
def test_file_size_edge(tmp_path, size, expected):
    head = b"a: "
    path = tmp_path / "x.yaml"
    path.write_bytes(head + b"x" * (size - len(head)))
    assert path.stat().st_size == size
    _, problems = yamlsource.read_text(path)
    assert [p.rule for p in problems] == expected
