"""The loader (videre.catalog.load): which files it reads, what it says about the others, and the checks
across records, each message written out."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest

from tests.helpers.records import GOOD_OFFER, GOOD_PARTNER
from tests.helpers.site import write_tree
from videre.catalog.load import FileCache, discover, load_catalog

TODAY = dt.date(2026, 11, 23)


def found(root: Path, **options) -> list[tuple[str, str, str, str]]:
    result = load_catalog(root, today=TODAY, **options)
    return [(p.file.relative_to(root.resolve()).as_posix(), p.rule, p.message, p.hint) for p in result.problems]


def test_discover_skips_hidden_folders_and_sorts_by_parts(tmp_path):
    for name in ("b/x.yaml", "a-b/x.yaml", "a/z.yaml", ".git/config", "a/.skjult/x.yaml", "a/.gitkeep"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in discover(tmp_path)] == ["a/z.yaml", "a-b/x.yaml", "b/x.yaml"]


@pytest.mark.parametrize(
    "name, expected",
    [
        (
            "offers/esbjerg/Gåtur i Parken.yaml",
            (
                "ugyldigt-filnavn",
                "navnet 'Gåtur i Parken.yaml' må kun have små bogstaver a–z, tal og bindestreg",
                "omdøb til 'gaatur-i-parken.yaml'",
            ),
        ),
        (
            "offers/Esbjerg/a.yaml",
            (
                "ugyldigt-filnavn",
                "navnet 'Esbjerg' må kun have små bogstaver a–z, tal og bindestreg",
                "omdøb til 'esbjerg'",
            ),
        ),
        (
            "offers/esbjerg/0101901234.yaml",
            (
                "cpr-nummer",
                "navnet '0101901234.yaml' ligner et CPR-nummer",
                "giv filen et navn efter tilbuddet; adressen på siden må aldrig vise et CPR-nummer",
            ),
        ),
        (
            "offers/esbjerg/a.yml",
            ("ugyldigt-filnavn", "filendelsen skal være '.yaml', ikke '.yml'", "omdøb filen til 'a.yaml'"),
        ),
        (
            "offers/esbjerg/a.txt",
            (
                "ukendt-placering",
                "filen 'a.txt' er ikke en YAML-post",
                "flyt eller slet filen; kun .yaml-filer hører til i data/",
            ),
        ),
        (
            "tilbud.yaml",
            (
                "ukendt-placering",
                "filen ligger i 'data', hvor den ikke bliver brugt",
                "læg tilbud i data/offers/<kommune>/ og kontakter i data/contacts/kommuner/",
            ),
        ),
        (
            "offers/esbjerg/x/a.yaml",
            (
                "ukendt-placering",
                "filen ligger i 'offers/esbjerg/x', hvor den ikke bliver brugt",
                "læg tilbud i data/offers/<kommune>/ og kontakter i data/contacts/kommuner/",
            ),
        ),
    ],
)
def test_files_the_loader_cannot_use(tmp_path, name, expected):
    root = write_tree(tmp_path / "data", {name: GOOD_OFFER})
    assert found(root) == [(name, *expected)]


def test_a_symlink_is_never_followed(tmp_path):
    root = write_tree(tmp_path / "data", {"offers/esbjerg/a.yaml": GOOD_OFFER})
    (tmp_path / "hemmelig.yaml").write_text(GOOD_OFFER, encoding="utf-8")
    os.symlink(tmp_path / "hemmelig.yaml", root / "offers" / "esbjerg" / "ude.yaml")
    os.symlink(root / "offers" / "esbjerg" / "a.yaml", root / "offers" / "esbjerg" / "inde.yaml")
    hint = "erstat genvejen med selve filen"
    assert found(root) == [
        (
            "offers/esbjerg/inde.yaml",
            "symlink",
            "'inde.yaml' er en genvej (symlink) til en anden fil i data/; Videre læser kun almindelige filer",
            hint,
        ),
        (
            "offers/esbjerg/ude.yaml",
            "symlink",
            "'ude.yaml' er en genvej (symlink) til en fil uden for data/; Videre læser kun almindelige filer",
            hint,
        ),
    ]


def test_two_records_may_not_claim_one_address_and_a_title_twice_warns(tmp_path):
    root = write_tree(
        tmp_path / "data",
        {
            "offers/esbjerg/a.yaml": GOOD_OFFER,
            "offers/esbjerg/b.yaml": GOOD_OFFER,
            "partners/aalborg.yaml": GOOD_PARTNER,
        },
    )
    assert found(root) == [
        (
            "partners/aalborg.yaml",
            "dublet-id",
            "foreningen hedder 'aalborg' ligesom en kommune",
            "omdøb filen, fx til 'aalborg-forening.yaml'",
        ),
        (
            "offers/esbjerg/b.yaml",
            "mulig-dublet",
            "'esbjerg' har allerede et tilbud med titlen 'Genoptræning efter indlæggelse' (a.yaml)",
            "slå de to filer sammen, eller giv dem hver sin titel",
        ),
    ]


def test_only_limits_the_files_read(tmp_path):
    root = write_tree(tmp_path / "data", {"offers/esbjerg/a.yaml": GOOD_OFFER, "offers/esbjerg/b.txt": "x"})
    result = load_catalog(root, today=TODAY, only=[root / "offers" / "esbjerg" / "a.yaml"])
    assert result.problems == [] and [o.id for o in result.catalog.offers] == ["esbjerg/a"]


def test_a_cache_reads_a_file_again_only_when_it_changed(tmp_path):
    root = write_tree(tmp_path / "data", {"offers/esbjerg/a.yaml": GOOD_OFFER})
    cache = FileCache()
    first = load_catalog(root, today=TODAY, cache=cache)
    assert [o.title for o in first.catalog.offers] == ["Genoptræning efter indlæggelse"]
    path = root / "offers" / "esbjerg" / "a.yaml"
    path.write_text(GOOD_OFFER.replace("efter indlæggelse", "hjemme"), encoding="utf-8")
    os.utime(path, ns=(path.stat().st_atime_ns, path.stat().st_mtime_ns + 1_000_000_000))
    assert [o.title for o in load_catalog(root, today=TODAY, cache=cache).catalog.offers] == ["Genoptræning hjemme"]
    assert load_catalog(root, today=TODAY, cache=cache).problems == []
    assert list(cache.files) == [path]
