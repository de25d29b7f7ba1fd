"""'Senest ændret': git history when there is a checkout, record dates otherwise; always the same order."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

from tests.helpers.records import GOOD_CONTACTS, GOOD_OFFER
from tests.helpers.site import write_tree
from videre.catalog import changes
from videre.catalog.load import load_catalog
from videre.core.options import SiteOptions
from videre.pages.recent import recent_page

TODAY = dt.date(2026, 11, 23)
FILES = {
    "offers/esbjerg/genoptraening.yaml": GOOD_OFFER,
    "offers/varde/gaagruppe.yaml": GOOD_OFFER.replace("2026-10-01", "2026-11-02").replace(
        "titel: Genoptræning efter indlæggelse", "titel: Gågruppe"
    ),
    "contacts/kommuner/esbjerg.yaml": GOOD_CONTACTS,
}


def git(root, *args, date="2026-11-20T10:00:00+00:00"):
    env = {
        **os.environ,
        "GIT_AUTHOR_DATE": date,
        "GIT_COMMITTER_DATE": date,
        "GIT_AUTHOR_NAME": "Test",
        "GIT_AUTHOR_EMAIL": "test@example.org",
        "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.org",
    }
    subprocess.run(["git", *args], cwd=root, env=env, check=True, capture_output=True)


def rows(catalog):
    return [(c.date.isoformat(), c.path, c.what, c.from_git) for c in changes.recent_changes(catalog)]


def test_without_git_the_record_dates_are_used_newest_first(tmp_path):
    root = write_tree(tmp_path / "data", FILES)
    catalog = load_catalog(root, today=TODAY).catalog
    assert rows(catalog) == [
        ("2026-11-02", "data/offers/varde/gaagruppe.yaml", "Bekræftet af Træning og Rehabilitering", False),
        ("2026-10-01", "data/contacts/kommuner/esbjerg.yaml", "Bekræftet af Træning og Rehabilitering", False),
        ("2026-10-01", "data/offers/esbjerg/genoptraening.yaml", "Bekræftet af Træning og Rehabilitering", False),
    ]
    page = recent_page(catalog, SiteOptions(today=TODAY)).markdown
    assert page == recent_page(catalog, SiteOptions(today=TODAY)).markdown
    assert "Datoen er den dag, oplysningerne sidst blev tjekket." in page


def test_in_a_git_checkout_each_record_shows_its_last_commit(tmp_path):
    root = write_tree(tmp_path / "repo" / "data", FILES)
    repo = tmp_path / "repo"
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "Første tilbud")
    offer = root / "offers/esbjerg/genoptraening.yaml"
    offer.write_text(offer.read_text(encoding="utf-8").replace("Visitator", "Visitation"), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Esbjerg: ny rolle <b>", date="2026-11-22T09:00:00+00:00")
    (root / "offers/varde/ny.yaml").write_text(
        GOOD_OFFER.replace("titel: Genoptræning efter indlæggelse", "titel: Ny og ikke gemt"), encoding="utf-8"
    )
    catalog = load_catalog(root, today=TODAY).catalog
    assert rows(catalog) == [
        ("2026-11-22", "data/offers/esbjerg/genoptraening.yaml", "Esbjerg: ny rolle <b>", True),
        ("2026-11-20", "data/contacts/kommuner/esbjerg.yaml", "Første tilbud", True),
        ("2026-11-20", "data/offers/varde/gaagruppe.yaml", "Første tilbud", True),
        ("2026-10-01", "data/offers/varde/ny.yaml", "Bekræftet af Træning og Rehabilitering", False),
    ]
    page = recent_page(catalog, SiteOptions(today=TODAY)).markdown
    assert "Esbjerg: ny rolle &lt;b&gt;" in page and "<b>" not in page  # commit text is escaped


def test_git_failures_fall_back_quietly(tmp_path, monkeypatch):
    root = write_tree(tmp_path / "data", FILES)
    assert changes.git_history(root) == {}
    monkeypatch.setenv("PATH", str(tmp_path / "no-git-here"))
    assert changes.git_history(root) == {}
    assert len(changes.recent_changes(load_catalog(root, today=TODAY).catalog)) == 3


def test_an_example_has_no_record_date_so_only_git_can_date_it(tmp_path):
    """Without git an example is left out: it has no date, and 'Bekræftet af' would be untrue."""
    from tests.helpers.records import EXAMPLE_OFFER

    files = {**FILES, "offers/varde/eksempel.yaml": EXAMPLE_OFFER}
    root = write_tree(tmp_path / "repo" / "data", files)
    catalog = load_catalog(root, today=TODAY).catalog
    assert "data/offers/varde/eksempel.yaml" not in [c.path for c in changes.recent_changes(catalog)]
    git(tmp_path / "repo", "init", "-q")
    git(tmp_path / "repo", "add", ".")
    git(tmp_path / "repo", "commit", "-q", "-m", "Eksempler")
    found = {c.path: c for c in changes.recent_changes(load_catalog(root, today=TODAY).catalog)}
    example = found["data/offers/varde/eksempel.yaml"]
    assert (example.what, example.from_git, example.example) == ("Eksempler", True, True)
    page = recent_page(load_catalog(root, today=TODAY).catalog, SiteOptions(today=TODAY)).markdown
    assert page.count("Eksempel – ikke bekræftet") == 1
