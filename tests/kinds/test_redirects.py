"""Old links and QR codes keep working: renames need a redirect, and the redirect works in a browser."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from tests.helpers.browser import serve
from tests.helpers.contrib import project, videre
from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import DATA, ROOT, build_site, write_tree
from videre.catalog import addresses
from videre.catalog.load import load_catalog
from videre.core import schemaline
from videre.kinds import redirects

TODAY = "2026-11-23"
OLD, NEW = "tilbud/esbjerg/genoptraening/", "tilbud/esbjerg/genoptraening-efter-indlaeggelse/"
REDIRECT = f"""\
# yaml-language-server: $schema=../docs/schemas/omdirigering.schema.json
omdirigeringer:
  - fra: {OLD}
    til: {NEW}
    dato: "{TODAY}"
    grund: Tilbuddet fik et nyt navn.
"""


def published_tree(tmp_path):
    """A data tree whose offer has been published (listed in publicerede.txt), then renamed."""
    line = schemaline.schema_line("tilbud", ("offers", "esbjerg", "genoptraening.yaml"))
    data = project(tmp_path, {"offers/esbjerg/genoptraening.yaml": f"{line}\n{GOOD_OFFER}"})
    written = videre("adresser", "--skriv", data=data, dato=TODAY)
    assert written.returncode == 0, written.stderr
    assert f"{OLD}\n" in (data / "publicerede.txt").read_text(encoding="utf-8")
    (data / "offers/esbjerg/genoptraening.yaml").rename(data / "offers/esbjerg/genoptraening-efter-indlaeggelse.yaml")
    return data


def test_rename_without_redirect_fails_with_a_danish_message(tmp_path):
    data = published_tree(tmp_path)
    line = (data / "publicerede.txt").read_text(encoding="utf-8").splitlines().index(OLD) + 1
    result = videre("valider", cwd=tmp_path, data=data.relative_to(tmp_path), dato=TODAY)
    assert result.returncode == 1
    assert result.stdout == (
        f"data/publicerede.txt:{line}:1: fejl [mangler-omdirigering]: adressen '{OLD}' er offentliggjort, "
        "men ingen post har den længere\n"
        f"  {line} | {OLD}\n"
        f"  {' ' * len(str(line))} | ^{'~' * (len(OLD) - 1)}\n"
        f"  Hint: tilføj i data/redirects.yaml: '- {{fra: {OLD}, til: {NEW}}}'. Har adressen aldrig været "
        "offentlig, så kør 'videre adresser --skriv'\n\n"
        "1 fejl og 0 advarsler i 1 fil.\n"
    )
    build = build_site(tmp_path / "site", data=data, env={"VIDERE_TODAY": TODAY})
    assert build.returncode != 0 and "fejl [mangler-omdirigering]" in build.stdout + build.stderr


def test_rename_with_redirect_sends_the_old_address_to_the_new_page_in_chromium(tmp_path, browser):
    data = published_tree(tmp_path)
    (data / "redirects.yaml").write_text(REDIRECT, encoding="utf-8")
    checked = videre("valider", data=data, dato=TODAY)
    assert checked.returncode == 0, checked.stdout
    out = tmp_path / "site"
    built = build_site(out, data=data, env={"VIDERE_TODAY": TODAY})
    assert built.returncode == 0, built.stderr
    page_html = (out / OLD / "index.html").read_text(encoding="utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../genoptraening-efter-indlaeggelse/">' in page_html
    assert '<a href="../genoptraening-efter-indlaeggelse/">Gå til den nye side</a>' in page_html
    assert "<script" not in page_html and 'http-equiv="Content-Security-Policy"' in page_html

    server, base = serve(out)
    try:
        context = browser.new_context()
        page = context.new_page()
        page.goto(base + OLD)
        page.wait_for_url(base + NEW, timeout=10_000)
        assert page.title() == "Genoptræning efter indlæggelse - Videre"
        context.close()
    finally:
        server.shutdown()


def _redirect_problems(tmp_path, *lines: str) -> set[tuple[str, str, str]]:
    root = write_tree(
        tmp_path / "data",
        {"offers/esbjerg/genoptraening.yaml": GOOD_OFFER, "redirects.yaml": "omdirigeringer:\n" + "".join(lines)},
    )
    return {(p.rule, p.message, p.hint) for p in load_catalog(root, today=dt.date(2026, 11, 23)).problems}


def test_redirect_entries_are_checked(tmp_path):
    found = _redirect_problems(
        tmp_path / "a",
        "  - {fra: tilbud/esbjerg/gammel/, til: kommuner/esbjerg/}\n",
        "  - {fra: tilbud/esbjerg/gammel/, til: kommuner/esbjerg/}\n",
        "  - {fra: tilbud/esbjerg/selv/, til: tilbud/esbjerg/selv/}\n",
        "  - {fra: /uden/skraastreg, til: kommuner/esbjerg/}\n",
    )
    assert (
        "ugyldig-værdi",
        "'omdirigeringer[3].fra' er ikke en gyldig værdi: '/uden/skraastreg'",
        "skriv adressen uden domæne og med / til sidst, fx 'tilbud/esbjerg/kognitiv-traening/'",
    ) in found
    found = _redirect_problems(
        tmp_path / "b",
        "  - {fra: tilbud/esbjerg/gammel/, til: kommuner/esbjerg/}\n",
        "  - {fra: tilbud/esbjerg/gammel/, til: kommuner/esbjerg/}\n",
        "  - {fra: tilbud/esbjerg/selv/, til: tilbud/esbjerg/selv/}\n",
    )
    assert ("dublet-id", "'tilbud/esbjerg/gammel/' står flere gange", "slet den ene linje") in found
    assert ("ugyldig-værdi", "'tilbud/esbjerg/selv/' sender til sig selv", "skriv den nye adresse i 'til'") in found


def test_redirects_must_point_at_a_page_and_may_not_hide_one(tmp_path):
    found = _redirect_problems(
        tmp_path,
        "  - {fra: tilbud/esbjerg/genoptraening/, til: kommuner/esbjerg/}\n",
        "  - {fra: tilbud/esbjerg/gammel/, til: tilbud/esbjerg/genoptraening-x/}\n",
    )
    assert found == {
        (
            "omdirigering-konflikt",
            "'tilbud/esbjerg/genoptraening/' er stadig en side, så den kan ikke omdirigeres",
            "slet omdirigeringen, eller omdøb posten først",
        ),
        (
            "ukendt-reference",
            "'tilbud/esbjerg/genoptraening-x/' er ikke en side på Videre",
            "mente du 'tilbud/esbjerg/genoptraening/'?",
        ),
    }


def test_published_list_keeps_redirected_addresses_so_a_deleted_redirect_is_caught(tmp_path):
    data = published_tree(tmp_path)
    (data / "redirects.yaml").write_text(REDIRECT, encoding="utf-8")
    assert videre("publicerede", "--skriv", data=data, dato=TODAY).returncode == 0  # the old name still works
    listed = (data / "publicerede.txt").read_text(encoding="utf-8")
    assert f"{OLD}\n" in listed and f"{NEW}\n" in listed
    (data / "redirects.yaml").write_text("omdirigeringer: []\n", encoding="utf-8")
    result = videre("valider", data=data, dato=TODAY)
    assert result.returncode == 1 and "fejl [mangler-omdirigering]" in result.stdout


def test_real_data_keeps_every_published_address():
    result = load_catalog(DATA, today=dt.date(2026, 12, 6))
    assert [p for p in result.problems if p.file.name == redirects.PUBLISHED_FILE] == []
    published = {path for _, path in addresses.read_address_list(DATA / redirects.PUBLISHED_FILE)}
    assert published, "data/publicerede.txt mangler: kør 'videre adresser --skriv'"
    assert "kommuner/esbjerg/" in published
    # The list is committed, not generated, so a fresh clone checks against the same list.
    for name in ("data/publicerede.txt", "data/redirects.yaml"):
        ignored = subprocess.run(["git", "check-ignore", "-q", name], cwd=ROOT, capture_output=True)
        assert ignored.returncode == 1, f"{name} må ikke stå i .gitignore"


@pytest.mark.parametrize("target", ["tilbud/esbjerg/genoptraening-efter-psykiatrisk-indlaeggelse/"])
def test_real_redirect_page_is_built(site_dir, target):
    html = (site_dir / "tilbud" / "esbjerg" / "genoptraening" / "index.html").read_text(encoding="utf-8")
    assert f'url=../{target.split("/")[2]}/"' in html and '<html lang="da">' in html
