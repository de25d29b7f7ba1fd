"""The register against lists that Videre did not write: codes, names and regions of all 98 municipalities.

The lists are vendored in tests/fixtures/kommuner-uafhaengig/ (see its README for the sources). A
test that compared the register with itself could not catch a swapped code; this one does.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections import Counter
from pathlib import Path

from tests.helpers.site import DATA
from videre.catalog.load import load_register

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "kommuner-uafhaengig"
BEFORE, AFTER = dt.date(2026, 12, 31), dt.date(2027, 1, 1)
OUTSIDE_MUNICIPAL_DIVISION = {411}
"""Christiansø has a code but belongs to no municipality or region."""


def _rows(name: str) -> list[dict[str, str]]:
    lines = [line for line in (FIXTURES / name).read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter=";"))


def independent() -> dict[int, tuple[str, str]]:
    """Code → (name, region name) from the two independent lists."""
    names = {
        int(r["kode"]): r["navn"] for r in _rows("kommunekoder.csv") if int(r["kode"]) not in OUTSIDE_MUNICIPAL_DIVISION
    }
    regions = {r["navn"]: r["region"] for r in _rows("regioner.csv")}
    return {
        code: (name, regions[name] if name in regions else regions[name.removesuffix("s")])
        for code, name in names.items()
    }


def ours(path: Path, day: dt.date) -> dict[int, tuple[str, str]]:
    register, problems, _ = load_register(path, day)
    assert problems == []
    return {m.code: (m.name, register.region(m.region).name) for m in register.municipalities}


def differences(path: Path, day: dt.date = BEFORE) -> dict[int, tuple[object, object]]:
    mine, theirs = ours(path, day), independent()
    return {
        code: (mine.get(code), theirs.get(code))
        for code in sorted(set(mine) | set(theirs))
        if mine.get(code) != theirs.get(code)
    }


def test_the_independent_lists_are_complete():
    listed = independent()
    assert len(listed) == 98
    assert Counter(region for _, region in listed.values()) == {
        "Region Hovedstaden": 29,
        "Region Sjælland": 17,
        "Region Syddanmark": 22,
        "Region Midtjylland": 19,
        "Region Nordjylland": 11,
    }


def test_all_98_codes_names_and_regions_match_the_independent_lists():
    assert differences(DATA / "kommuner.yaml") == {}


def test_a_swapped_code_is_caught(tmp_path):
    text = (DATA / "kommuner.yaml").read_text(encoding="utf-8")
    swapped = (
        text.replace("kode: 260\n", "kode: 999\n")
        .replace("kode: 270\n", "kode: 260\n")
        .replace("kode: 999\n", "kode: 270\n")
    )
    assert swapped != text
    (tmp_path / "kommuner.yaml").write_text(swapped, encoding="utf-8")
    assert differences(tmp_path / "kommuner.yaml") == {
        260: (("Gribskov", "Region Hovedstaden"), ("Halsnæs", "Region Hovedstaden")),
        270: (("Halsnæs", "Region Hovedstaden"), ("Gribskov", "Region Hovedstaden")),
    }


def test_on_1_january_2027_the_46_municipalities_of_hovedstaden_and_sjaelland_form_region_oestdanmark():
    before, after = independent(), ours(DATA / "kommuner.yaml", AFTER)
    east = {code for code, (_, region) in before.items() if region in ("Region Hovedstaden", "Region Sjælland")}
    assert len(east) == 46
    assert {code for code, (_, region) in after.items() if region == "Region Østdanmark"} == east
    # Everyone else keeps name and region.
    assert {code: value for code, value in after.items() if code not in east} == {
        code: value for code, value in before.items() if code not in east
    }
    register, _, _ = load_register(DATA / "kommuner.yaml", AFTER)
    assert [r.name for r in register.regions] == [
        "Region Nordjylland",
        "Region Midtjylland",
        "Region Syddanmark",
        "Region Østdanmark",
    ]
    assert register.region("oestdanmark").code is None  # no official code confirmed; see the file's comment
