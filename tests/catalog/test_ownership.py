"""Who owns which file: each municipality its own folder and contacts file, the editorial team the rest."""

import pytest

from videre.catalog import ownership
from videre.kinds.register import Municipality, Region, Register

REGISTER = Register(
    regions=(Region(1083, "Region Syddanmark", "syddanmark"),),
    municipalities=(
        Municipality(561, "Esbjerg", "esbjerg", "syddanmark", "@videre-dk/esbjerg"),
        Municipality(573, "Varde", "varde", "syddanmark", "@videre-dk/varde"),
    ),
)


@pytest.mark.parametrize(
    "path, slug",
    [
        ("data/offers/esbjerg/genoptraening.yaml", "esbjerg"),
        ("data/contacts/kommuner/varde.yaml", "varde"),
        ("data/offers/esbjerg.yaml", ""),  # a file in the wrong place belongs to nobody
        ("data/offers/esbjerg/sub/x.yaml", ""),
        ("data/partners/sind/gaatur.yaml", ""),
        ("data/contacts/afdelinger/esbjerg.yaml", ""),
        ("data/kommuner.yaml", ""),
    ],
)
def test_municipality_of_a_path(path, slug):
    assert ownership.municipality_of(path) == slug


def test_owner_is_the_municipality_or_the_editors():
    assert ownership.owner_of("data/offers/esbjerg/x.yaml", REGISTER) == ("Esbjerg Kommune", "@videre-dk/esbjerg")
    assert ownership.owner_of("data/offers/odense/x.yaml", REGISTER) == ("Redaktionen", "@videre-dk/redaktion")
    assert ownership.owner_of("data/partners/sind.yaml", REGISTER) == ("Redaktionen", "@videre-dk/redaktion")


def test_codeowners_puts_the_catch_all_first_and_each_municipality_after():
    lines = ownership.codeowners(REGISTER).splitlines()
    rules = [line for line in lines if line and not line.startswith("#")]
    assert rules == [
        "*  @videre-dk/redaktion",
        "/data/offers/esbjerg/                 @videre-dk/esbjerg @videre-dk/redaktion",
        "/data/contacts/kommuner/esbjerg.yaml  @videre-dk/esbjerg @videre-dk/redaktion",
        "/data/offers/varde/                   @videre-dk/varde @videre-dk/redaktion",
        "/data/contacts/kommuner/varde.yaml    @videre-dk/varde @videre-dk/redaktion",
    ]


def test_data_path_is_relative_to_the_tree_with_the_register(tmp_path):
    (tmp_path / "data" / "offers" / "esbjerg").mkdir(parents=True)
    (tmp_path / "data" / "kommuner.yaml").write_text("regioner: []\n", encoding="utf-8")
    record = tmp_path / "data" / "offers" / "esbjerg" / "x.yaml"
    record.write_text("titel: x\n", encoding="utf-8")
    assert ownership.data_path(record) == "data/offers/esbjerg/x.yaml"
    stray = tmp_path / "elsewhere.yaml"
    stray.write_text("x: 1\n", encoding="utf-8")
    assert ownership.data_root(stray) is None
    assert ownership.data_path(stray) == stray.as_posix()
