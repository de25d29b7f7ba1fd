"""The crisis lines (data/krise.yaml): validated like every record, and chosen by area and date."""

import datetime as dt
import re
from pathlib import Path

from tests.helpers.site import DATA, write_tree
from videre.catalog.load import load_catalog
from videre.core.errors import render_text

TODAY = dt.date(2026, 12, 6)

LINE = """\
  - id: {id}
    navn: Eksempellinjen
    tekst: {text}
{phone}    dækning: [{coverage}]
    kilde:
      url: https://www.region.example.org/akut
      læst: "{read}"
"""


def crisis_file(*lines: str) -> str:
    return "linjer:\n" + "".join(lines)


def line(
    id="linje", text="Tag hen til akutmodtagelsen.", phone="", coverage="region-syddanmark", read="2026-12-01", extra=""
):
    phone_row = f'    telefon: "{phone}"\n' if phone else ""
    return LINE.format(id=id, text=text, phone=phone_row, coverage=coverage, read=read) + extra


def report(tmp_path: Path, text: str, today: dt.date = TODAY):
    root = write_tree(tmp_path / "data", {"krise.yaml": text})
    result = load_catalog(root, today=today)
    return result, render_text(result.problems, root, result.sources)


def test_the_real_file_is_valid_and_every_line_cites_a_page_it_was_read_on():
    result = load_catalog(DATA, today=TODAY)
    assert [p for p in result.problems if p.file.name == "krise.yaml"] == []
    (record,) = result.catalog.crisis
    assert len(record.lines) >= 3
    for found in record.lines:
        assert found.source.url.startswith("https://") and found.source.read <= dt.date(2026, 12, 6)
        assert not found.source.url.startswith(("https://videre", "https://example")), "en offentlig kilde"
        if re.search(r"\bring", found.text, re.IGNORECASE):
            assert found.phone, f"{found.id}: 'ring' uden nummer"


def test_soenderborg_gets_112_first_and_its_region_but_not_another_regions_line():
    catalog = load_catalog(DATA, today=TODAY).catalog
    ids = [found.id for found in catalog.crisis_lines("soenderborg")]
    assert ids[0] == "alarm-112"
    assert "laegevagt-syddanmark" in ids and "akuttelefon-1813" not in ids


def test_a_line_for_an_ended_region_keeps_its_area_after_the_merger():
    """Region Hovedstaden ends on 31 December 2026: its line still reaches its old municipalities in 2027."""
    for day in (dt.date(2026, 12, 31), dt.date(2027, 1, 2)):
        catalog = load_catalog(DATA, today=day).catalog
        assert "akuttelefon-1813" in [found.id for found in catalog.crisis_lines("koebenhavn")], day
        assert "akuttelefon-1813" not in [found.id for found in catalog.crisis_lines("roskilde")], day


def test_dated_lines_hold_only_on_their_days(tmp_path):
    text = crisis_file(
        line("gammel", extra='    gyldig_til: "2026-12-31"\n'), line("ny", extra='    gyldig_fra: "2027-01-01"\n')
    )
    for day, expected in ((dt.date(2026, 12, 31), ["gammel"]), (dt.date(2027, 1, 1), ["ny"])):
        result, text_report = report(tmp_path / day.isoformat(), text, day)
        assert result.problems == [], text_report
        assert [found.id for found in result.catalog.crisis_lines("esbjerg")] == expected


def test_ring_without_a_number_is_an_error_in_danish_with_file_and_line(tmp_path):
    _, text = report(tmp_path, crisis_file(line(text="Ring til os, hvis det er svært.")))
    assert "krise.yaml:4:" in text and "[mangler-felt]" in text
    assert "beder patienten ringe, men linjen har intet telefonnummer" in text
    assert "Hint: skriv nummeret i 'telefon'" in text


def test_a_line_with_a_number_may_say_ring(tmp_path):
    result, text = report(tmp_path, crisis_file(line(text="Ring, hvis det er svært.", phone="112")))
    assert result.problems == [], text


def test_every_error_in_one_run(tmp_path):
    bad = crisis_file(
        line("samme", phone="12 34"),
        line("samme", read="2026-02-30", coverage="maanen"),
        line("tom", extra="    ukendt: 1\n"),
    )
    result, text = report(tmp_path, bad)
    rules = sorted(p.rule for p in result.problems)
    assert {"ugyldig-værdi", "ukendt-kommune", "ugyldig-dato", "ukendt-felt"} <= set(rules), text
    assert "'linjer[0].telefon'" in text and "'linjer[1].dækning[0]'" in text and "4 fejl" in text


def test_two_lines_with_the_same_id(tmp_path):
    result, text = report(tmp_path, crisis_file(line("samme"), line("samme")))
    assert [p.rule for p in result.problems] == ["dublet-id"], text
    assert "linjen 'samme' findes to gange" in text
