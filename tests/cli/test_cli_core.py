"""The `videre` command: the same report as the build, exit codes, and generator-free output."""

import json
import subprocess
import sys
from pathlib import Path

from tests.helpers.contrib import videre
from tests.helpers.records import GOOD_OFFER
from tests.helpers.site import ROOT, write_tree


def test_valider_passes_on_the_real_data_through_the_installed_command():
    """One run through a real process and the installed entry point; the other tests run in-process."""
    command = [str(Path(sys.executable).with_name("videre")), "valider"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Ingen fejl.")


def test_valider_lists_every_error_and_exits_1(tmp_path):
    root = write_tree(
        tmp_path / "data",
        {
            "offers/esbjerg/a.yaml": GOOD_OFFER.replace("type: genoptraening", "type: genoptræning"),
            "offers/varde/b.yaml": GOOD_OFFER.replace("form: [hjemme, udendoers]", "form: [hjemme, udenfor]"),
        },
    )
    result = videre("valider", str(root), cwd=tmp_path)
    assert result.returncode == 1
    assert "data/offers/esbjerg/a.yaml:2:7: fejl [ugyldig-værdi]: 'type' har værdien 'genoptræning'" in result.stdout
    assert "Hint: mente du 'genoptraening'?" in result.stdout
    assert "data/offers/varde/b.yaml:8:16: fejl [ugyldig-værdi]: 'form[1]' har værdien 'udenfor'" in result.stdout
    assert result.stdout.rstrip().endswith("2 fejl og 0 advarsler i 2 filer.")


def test_valider_json_has_the_same_fields(tmp_path):
    root = write_tree(
        tmp_path / "data", {"offers/esbjerg/a.yaml": GOOD_OFFER.replace("eksempel: false", "eksempel: ja")}
    )
    result = videre("valider", "--json", str(root / "offers" / "esbjerg" / "a.yaml"), cwd=tmp_path)
    report = json.loads(result.stdout)
    assert result.returncode == 1
    assert report["fejl"] == [
        {
            "fil": "data/offers/esbjerg/a.yaml",
            "linje": 16,
            "kolonne": 11,
            "felt": "eksempel",
            "regel": "forkert-type",
            "besked": "'eksempel' skal være true eller false, men er 'ja'",
            "hint": "skriv true eller false (små bogstaver)",
            "niveau": "fejl",
        }
    ]


def test_build_fails_with_the_same_report(tmp_path):
    from tests.helpers.site import build_site

    root = write_tree(
        tmp_path / "data", {"offers/esbjerg/a.yaml": GOOD_OFFER.replace("eksempel: false", "eksempel: ja")}
    )
    result = build_site(tmp_path / "site", data=root)
    assert result.returncode != 0
    assert "fejl [forkert-type]: 'eksempel' skal være true eller false, men er 'ja'" in result.stderr + result.stdout
    assert "Traceback" not in result.stderr + result.stdout


def test_sider_writes_every_generated_page_as_markdown_for_other_generators(tmp_path):
    result = videre("sider", "--ud", str(tmp_path / "ud"))
    assert result.returncode == 0, result.stderr
    docs = tmp_path / "ud" / "docs"
    assert (docs / "kommuner" / "esbjerg.md").read_text(encoding="utf-8").count("# Esbjerg Kommune") == 1
    assert len(list((docs / "kommuner").glob("*.md"))) == 99  # 98 pages and the index
    assert json.loads((docs / "offers.json").read_text(encoding="utf-8"))["tilbud"]
    assert (docs / "vejledning" / "ret-til-gop.md").is_file()  # the hand-written pages come along
    config = (tmp_path / "ud" / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\nhooks: []\n" in config and "  /kommuner/esbjerg.md\n" in config and "  /kommuner/index.md\n" not in config


def test_the_package_never_imports_mkdocs():
    code = "import sys, videre.cli.commands, videre.site, videre.catalog.load; print('mkdocs' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.stdout.strip() == "False"


def test_the_command_reads_the_environment_as_the_build_does(monkeypatch):
    """VIDERE_VIS_EKSEMPLER hides the examples from the open data, as --uden-eksempler does; a bad value is named."""
    everything = json.loads(videre("eksport", "--format", "json").stdout)["tilbud"]
    without = videre("eksport", "--format", "json", "--uden-eksempler").stdout
    monkeypatch.setenv("VIDERE_VIS_EKSEMPLER", "false")
    hidden = videre("eksport", "--format", "json")
    assert hidden.returncode == 0 and hidden.stdout == without
    assert 0 < len(json.loads(without)["tilbud"]) < len(everything)
    monkeypatch.setenv("VIDERE_VIS_EKSEMPLER", "nej")
    bad = videre("eksport", "--format", "json")
    assert bad.returncode == 1
    assert bad.stderr.startswith("videre: miljøvariablen VIDERE_VIS_EKSEMPLER skal være true eller false")
